import type { Severity } from './types';

/**
 * Findings about suppression comments. They are not rules of the registry (nothing checks
 * the ELB model for them), but they take severities in `rules` like the others, and every
 * list of rules (SARIF, the editor's `elbLens.rules` setting) names them.
 */
export interface PseudoRule {
  id: string;
  defaultSeverity: Severity;
  summary: string;
  /** The page that describes it, relative to the package root (with an anchor). */
  docsPage: string;
}

const SUPPRESSIONS_PAGE = 'docs/rules/README.md#severities-and-suppressions';

export const PSEUDO_RULES: readonly PseudoRule[] = [
  {
    id: 'unused-ignore',
    defaultSeverity: 'hint',
    summary: 'An elb-lens-ignore comment that suppresses nothing (reported with --report-unused-ignores).',
    docsPage: SUPPRESSIONS_PAGE,
  },
  {
    id: 'inline-ignore',
    defaultSeverity: 'warning',
    summary: 'An elb-lens-ignore comment where the configuration sets allowInlineIgnores to false.',
    docsPage: SUPPRESSIONS_PAGE,
  },
  {
    id: 'ignore-comment',
    defaultSeverity: 'warning',
    summary: 'An elb-lens-ignore comment that is malformed or names an unknown rule id, so it suppresses nothing.',
    docsPage: SUPPRESSIONS_PAGE,
  },
  {
    id: 'provider-version',
    defaultSeverity: 'hint',
    summary: 'A .terraform.lock.hcl or required_providers version that cannot be read (it is ignored).',
    docsPage: 'docs/rules/provider-version.md',
  },
  {
    id: 'syntax-error',
    defaultSeverity: 'warning',
    summary: 'Terraform code that does not parse: the block it is in is not checked (the rest of the file is).',
    docsPage: 'docs/rules/syntax-error.md',
  },
  {
    id: 'analysis-stopped',
    defaultSeverity: 'error',
    summary: 'An analysis unit stopped at its time or memory budget, so nothing else is reported for it.',
    docsPage: 'docs/rules/analysis-stopped.md',
  },
];
