import type { Severity } from './types';

/** The options every analysis takes, and the names and defaults the configuration shares. */

export type RuleSetting = Severity | 'off';

/** What one analysis unit may take (core/budget.ts enforces it). */
export interface AnalysisBudget {
  /** Seconds one unit's analysis may take (`budget.seconds`). */
  seconds: number;
  /** Megabytes the heap may grow by while one unit is analysed (`budget.memoryMb`). */
  memoryMb: number;
}

export interface AnalysisOptions {
  /** Rule id → severity or 'off'. Unlisted rules keep their default severity. */
  rules?: Record<string, RuleSetting>;
  /** Variable values that win over every file (CLI --var, settings). */
  variables?: Record<string, unknown>;
  /** Extra tfvars files (absolute paths), applied after the module's own. */
  varFiles?: string[];
  /**
   * Values from `TF_VAR_<name>` environment variables (name → raw text): the lowest
   * precedence of the given values, above variable defaults and below every tfvars file.
   */
  environmentVariables?: Record<string, string>;
  /**
   * false: inline `elb-lens-ignore` comments are not honoured, and each one is reported
   * as an `inline-ignore` finding (warning; its severity can be set in `rules`). Default true.
   */
  allowInlineIgnores?: boolean;
  /** Report suppression comments that suppress nothing (`unused-ignore`, hint). Default false. */
  reportUnusedIgnores?: boolean;
  /** What one analysis unit may take (core/budget.ts); what is not given is the default. */
  budget?: Partial<AnalysisBudget>;
  /** Kubernetes manifests: the cluster's container network, which decides whether `externalTrafficPolicy: Cluster` loses the client IP behind dedicated CCE load balancers. */
  kubernetes?: {
    network?: KubernetesNetwork;
    /** Helm value files applied after each chart's values.yaml, in order (absolute paths; `kubernetes.helm.valueFiles`). */
    helm?: { valueFiles?: string[] };
  };
}

export const CONFIG_FILE_NAME = '.elb-lens.json';

/** Findings that report suppression comments; they take severities in `rules` too. */
export const UNUSED_IGNORE_RULE_ID = 'unused-ignore';
export const INLINE_IGNORE_RULE_ID = 'inline-ignore';
/** An ignore comment that is malformed or names an id no rule has (warning). */
export const IGNORE_COMMENT_RULE_ID = 'ignore-comment';
/** A `.terraform.lock.hcl` or `required_providers` version that cannot be read (hint). */
export const PROVIDER_VERSION_RULE_ID = 'provider-version';
/** Terraform code that does not parse (warning): what it is in is not checked. */
export const SYNTAX_ERROR_RULE_ID = 'syntax-error';
/** An analysis unit stopped at its budget (error): nothing else is reported for it. */
export const ANALYSIS_STOPPED_RULE_ID = 'analysis-stopped';

/** Where ELB API JSON files are looked for when the configuration does not say. */
export const DEFAULT_JSON_FILES: readonly string[] = ['**/*.elb.json', '**/*.elb.jsonc'];

export const RULE_SETTINGS: readonly RuleSetting[] = ['off', 'error', 'warning', 'information', 'hint'];

/** `kubernetes.network`: VPC or tunnel (CCE standard clusters), ENI (CCE Turbo, Cloud Native Network 2.0). */
export type KubernetesNetwork = 'vpc' | 'tunnel' | 'eni';
export const KUBERNETES_NETWORKS: readonly KubernetesNetwork[] = ['vpc', 'tunnel', 'eni'];
