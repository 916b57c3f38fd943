import * as path from 'path';
import { defaultConfig, toAnalysisOptions, type ElbLensConfig } from './configFile';
import { DEFAULT_JSON_FILES } from '../core/options';
import { matchesAnyGlob, matchesGlobTails } from '../core/globs';
import { isJsonFileName } from '../elbjson/sniff';
import { isYamlFileName } from '../kubernetes/sniff';
import type { AnalysisBudget, AnalysisOptions, RuleSetting } from '../core/options';

/** Globs and the folder they are relative to; no folder: they may match any tail of a path. */
export interface GlobScope {
  base: string | undefined;
  globs: readonly string[];
}

/**
 * What a host adds to `.elb-lens.json`: the editor's `elbLens.*` settings, or CLI flags.
 * Where both say something, the host wins (rules per rule, variables per name); lists add up.
 */
export interface HostSettings {
  /** The folder the host's globs are relative to (the workspace folder); none: any tail of a path. */
  base?: string;
  rules?: Record<string, RuleSetting>;
  /** Globs of files not to check; only used with a `base`. */
  exclude?: readonly string[];
  /** Extra tfvars files (absolute paths), after those of `.elb-lens.json`. */
  varFiles?: readonly string[];
  variables?: Record<string, unknown>;
  environmentVariables?: Record<string, string>;
  reportUnusedIgnores?: boolean;
  /** Globs of files always read as ELB API JSON (`elbLens.json.files`). */
  jsonFiles?: readonly string[];
  /** Globs of YAML files always read as Kubernetes manifests (`elbLens.kubernetes.files`). */
  kubernetesFiles?: readonly string[];
  /** The cluster's container network (`elbLens.kubernetes.network`); wins over the file's. */
  kubernetesNetwork?: 'vpc' | 'tunnel' | 'eni';
  /** What one analysis unit may take (`--budget-seconds`, `elbLens.budget.seconds`, …); wins over the file's, per value. */
  budget?: Partial<AnalysisBudget>;
}

export interface Settings {
  /** The `.elb-lens.json` that applies to the files (ConfigResolver.forFile); none: built-in defaults. */
  config?: ElbLensConfig;
  host?: HostSettings;
}

/** Everything that decides how the files under one configuration are checked. */
export interface EffectiveConfig {
  /** The `.elb-lens.json` in effect, undefined when there is none. */
  configFile: string | undefined;
  /** What the language service takes for these files. */
  options: AnalysisOptions;
  /** A file matched here is not checked. */
  exclude: readonly GlobScope[];
  /** A JSON file matched here is ELB API JSON whatever its content (`json.files`). */
  jsonFiles: readonly GlobScope[];
  /** A YAML file matched here is a Kubernetes manifest whatever its content (`kubernetes.files`). */
  kubernetesFiles: readonly GlobScope[];
}

/**
 * The one merge of `.elb-lens.json` and host settings.
 *
 * `json.files`: a JSON file is ELB API JSON when the host's globs or the configuration
 * file's match it (either may add files; neither can hide one whose content is ELB JSON).
 * A host without json globs and no configuration file: the built-in `**\/*.elb.json{,c}`.
 */
export function configure(settings: Settings = {}): EffectiveConfig {
  const host = settings.host ?? {};
  const file = settings.config && settings.config.path !== '' ? settings.config : undefined;
  const options = toAnalysisOptions(settings.config ?? defaultConfig(host.base ?? ''), {
    ...(host.rules && { rules: host.rules }),
    ...(host.variables && { variables: host.variables }),
    ...(host.varFiles && { varFiles: [...host.varFiles] }),
    ...(host.environmentVariables && { environmentVariables: host.environmentVariables }),
    ...(host.reportUnusedIgnores !== undefined && { reportUnusedIgnores: host.reportUnusedIgnores }),
    ...(host.kubernetesNetwork && { kubernetes: { network: host.kubernetesNetwork } }),
    ...(host.budget && { budget: host.budget }),
  });
  const exclude: GlobScope[] = [];
  if (file && file.exclude.length > 0) exclude.push({ base: file.dir, globs: file.exclude });
  if (host.base !== undefined && host.exclude && host.exclude.length > 0) exclude.push({ base: host.base, globs: host.exclude });
  const jsonFiles: GlobScope[] = [];
  if (host.jsonFiles) jsonFiles.push({ base: host.base, globs: host.jsonFiles });
  if (file) jsonFiles.push({ base: file.dir, globs: file.jsonFiles });
  if (jsonFiles.length === 0) jsonFiles.push({ base: undefined, globs: DEFAULT_JSON_FILES });
  const kubernetesFiles: GlobScope[] = [];
  if (host.kubernetesFiles && host.kubernetesFiles.length > 0) kubernetesFiles.push({ base: host.base, globs: host.kubernetesFiles });
  if (file && file.kubernetesFiles.length > 0) kubernetesFiles.push({ base: file.dir, globs: file.kubernetesFiles });
  return { configFile: file?.path, options, exclude, jsonFiles, kubernetesFiles };
}

/** True when one of the scopes' globs matches the file (or a folder it is in, for a scope with a base). */
export function matchesScopes(scopes: readonly GlobScope[], filePath: string): boolean {
  return scopes.some((scope) => {
    if (scope.base === undefined) return matchesGlobTails(filePath, scope.globs);
    const relative = path.relative(scope.base, path.resolve(filePath)).split(path.sep).join('/');
    return matchesAnyGlob(relative, scope.globs);
  });
}

/** True when the configuration says not to check the file. */
export function excludes(config: EffectiveConfig, filePath: string): boolean {
  return matchesScopes(config.exclude, filePath);
}

/** True when the configuration names the file as a Kubernetes manifest (`kubernetes.files`); only YAML files qualify. */
export function namesKubernetes(config: EffectiveConfig, filePath: string): boolean {
  return isYamlFileName(filePath) && matchesScopes(config.kubernetesFiles, filePath);
}

/** True when the configuration names the file as ELB API JSON (`json.files`); only JSON files qualify. */
export function namesElbJson(config: EffectiveConfig, filePath: string): boolean {
  return isJsonFileName(filePath) && matchesScopes(config.jsonFiles, filePath);
}
