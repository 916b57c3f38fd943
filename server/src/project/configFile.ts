import * as path from 'path';
import * as jsonc from 'jsonc-parser';
import { MAX_JSON_DEPTH, parseJsonTree } from '../parse/json';
import { LineIndex } from '../parse/positions';
import {
  CONFIG_FILE_NAME,
  DEFAULT_JSON_FILES,
  KUBERNETES_NETWORKS,
  type AnalysisBudget,
  type AnalysisOptions,
  type KubernetesNetwork,
  type RuleSetting,
} from '../core/options';
import { isInside, readBudget, readConfinedPaths, readGlobs, readRules } from './configValues';

/**
 * `.elb-lens.json`: one configuration file read by the CLI and the language server, so
 * CI and the editor agree. The nearest file found walking up from a checked file's folder
 * applies to it (files are not merged); `--config` names one file for the whole run.
 *
 * {
 *   "rules": { "client-ip-shared-l4-off": "off", "client-ip-ip-backend": "error" },
 *   "exclude": ["legacy/**", "*.generated.tf"],
 *   "varFiles": ["env/prod.tfvars"],
 *   "variables": { "listener_protocol": "TCP" },
 *   "json": { "files": ["**\/*.elb.json"] },
 *   "kubernetes": { "files": ["deploy/**\/*.yaml"], "network": "vpc" },
 *   "allowInlineIgnores": false,
 *   "budget": { "seconds": 30, "memoryMb": 1024 }
 * }
 */

export interface ElbLensConfig {
  /** Absolute path of the file, or '' for the built-in defaults. */
  path: string;
  /** Folder that relative paths and globs of the file are resolved against. */
  dir: string;
  rules: Record<string, RuleSetting>;
  /** Globs relative to `dir`. */
  exclude: string[];
  /** Absolute paths of extra tfvars files. */
  varFiles: string[];
  variables: Record<string, unknown>;
  /** Globs (relative to `dir`) of ELB API JSON files. */
  jsonFiles: string[];
  /** Globs (relative to `dir`) of Kubernetes manifests read whatever their content. */
  kubernetesFiles: string[];
  /** The cluster's container network, when the file says (`kubernetes.network`). */
  kubernetesNetwork?: KubernetesNetwork;
  /** Absolute paths of Helm value files applied after each chart's values.yaml (`kubernetes.helm.valueFiles`). */
  helmValueFiles: string[];
  allowInlineIgnores: boolean;
  /** What one analysis unit may take, where the file says (`budget.seconds`, `budget.memoryMb`). */
  budget: Partial<AnalysisBudget>;
}

/** A configuration problem, pointing at the offending key (1-based line and column). */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    /** Dotted key path, e.g. `rules.client-ip-foo`; '' for the file as a whole. */
    readonly key: string,
    readonly detail: string,
  ) {
    super(`${file}:${line}:${column}: ${key ? `${key}: ` : ''}${detail}`);
    this.name = 'ConfigError';
  }

  /** The message with the file path shown relative to `cwd`. */
  relativeTo(cwd: string): string {
    const relative = path.relative(cwd, this.file);
    const shown = relative.startsWith('..') || path.isAbsolute(relative) ? this.file : relative.split(path.sep).join('/');
    return `${shown}:${this.line}:${this.column}: ${this.key ? `${this.key}: ` : ''}${this.detail}`;
  }
}

/** The configuration used where no file is found. */
export function defaultConfig(dir: string): ElbLensConfig {
  return {
    path: '',
    dir,
    rules: {},
    exclude: [],
    varFiles: [],
    variables: {},
    jsonFiles: [...DEFAULT_JSON_FILES],
    kubernetesFiles: [],
    helmValueFiles: [],
    allowInlineIgnores: true,
    budget: {},
  };
}

const TOP_LEVEL_KEYS = ['$schema', 'rules', 'exclude', 'varFiles', 'variables', 'json', 'kubernetes', 'allowInlineIgnores', 'budget'];

/** Parses and validates a configuration file's text; throws ConfigError. */
export function parseConfig(filePath: string, text: string): ElbLensConfig {
  const lines = new LineIndex(text);
  const fail = (offset: number, key: string, detail: string): never => {
    const pos = lines.positionAt(offset);
    throw new ConfigError(filePath, pos.line + 1, pos.character + 1, key, detail);
  };
  const source = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  const { root, errors, tooDeepAt } = parseJsonTree(source);
  if (tooDeepAt !== undefined) fail(tooDeepAt, '', `invalid JSON: nested more than ${MAX_JSON_DEPTH} levels`);
  if (errors.length > 0) {
    const first = errors[0];
    fail(first.offset, '', `invalid JSON: ${describeParseError(first.error)}`);
  }
  if (!root || root.type !== 'object') return fail(root?.offset ?? 0, '', 'the configuration must be a JSON object');
  const dir = path.dirname(filePath);
  const config = defaultConfig(dir);
  config.path = filePath;
  const seen = new Set<string>();
  for (const property of root.children ?? []) {
    const [keyNode, value] = property.children ?? [];
    if (!keyNode || !value) continue;
    const key = String(keyNode.value);
    if (seen.has(key)) fail(keyNode.offset, key, 'duplicate key');
    seen.add(key);
    switch (key) {
      case '$schema':
        if (value.type !== 'string') fail(value.offset, key, 'must be a string');
        break;
      case 'rules':
        config.rules = readRules(value, fail);
        break;
      case 'exclude':
        config.exclude = readGlobs(value, key, fail);
        break;
      case 'varFiles':
        config.varFiles = readConfinedPaths(value, key, dir, fail);
        break;
      case 'variables': {
        if (value.type !== 'object') fail(value.offset, key, 'must be an object of variable name → value');
        config.variables = JSON.parse(JSON.stringify(jsonc.getNodeValue(value))) as Record<string, unknown>; // plain objects
        break;
      }
      case 'json': {
        if (value.type !== 'object') fail(value.offset, key, 'must be an object, e.g. { "files": ["**/*.elb.json"] }');
        for (const inner of value.children ?? []) {
          const [innerKey, innerValue] = inner.children ?? [];
          if (!innerKey || !innerValue) continue;
          const name = String(innerKey.value);
          if (name !== 'files') fail(innerKey.offset, `json.${name}`, 'unknown key (expected "files")');
          config.jsonFiles = readGlobs(innerValue, 'json.files', fail);
        }
        break;
      }
      case 'kubernetes': {
        if (value.type !== 'object') fail(value.offset, key, 'must be an object, e.g. { "files": ["k8s/**/*.yaml"], "network": "vpc" }');
        for (const inner of value.children ?? []) {
          const [innerKey, innerValue] = inner.children ?? [];
          if (!innerKey || !innerValue) continue;
          const name = String(innerKey.value);
          if (name === 'files') config.kubernetesFiles = readGlobs(innerValue, 'kubernetes.files', fail);
          else if (name === 'network') {
            if (innerValue.type !== 'string' || !KUBERNETES_NETWORKS.includes(innerValue.value as KubernetesNetwork)) {
              fail(innerValue.offset, 'kubernetes.network', `must be one of ${KUBERNETES_NETWORKS.map((n) => `"${n}"`).join(', ')}`);
            }
            config.kubernetesNetwork = innerValue.value as KubernetesNetwork;
          } else if (name === 'helm') {
            if (innerValue.type !== 'object')
              fail(innerValue.offset, 'kubernetes.helm', 'must be an object, e.g. { "valueFiles": ["values-prod.yaml"] }');
            for (const helm of innerValue.children ?? []) {
              const [helmKey, helmValue] = helm.children ?? [];
              if (!helmKey || !helmValue) continue;
              if (String(helmKey.value) !== 'valueFiles')
                fail(helmKey.offset, `kubernetes.helm.${String(helmKey.value)}`, 'unknown key (expected "valueFiles")');
              config.helmValueFiles = readConfinedPaths(helmValue, 'kubernetes.helm.valueFiles', dir, fail);
            }
          } else fail(innerKey.offset, `kubernetes.${name}`, 'unknown key (expected "files", "network" or "helm")');
        }
        break;
      }
      case 'allowInlineIgnores':
        if (value.type !== 'boolean') fail(value.offset, key, 'must be true or false');
        config.allowInlineIgnores = value.value as boolean;
        break;
      case 'budget':
        config.budget = readBudget(value, fail);
        break;
      default:
        fail(keyNode.offset, key, `unknown key (expected one of ${TOP_LEVEL_KEYS.join(', ')})`);
    }
  }
  return config;
}

function describeParseError(code: jsonc.ParseErrorCode): string {
  const name = jsonc.printParseErrorCode(code);
  return name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** The nearest `.elb-lens.json` at or above `startDir`, or undefined. */
export function findConfigFile(startDir: string, exists: (filePath: string) => boolean): string | undefined {
  let dir = path.resolve(startDir);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (exists(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * Finds and caches the configuration of each folder. `readFile` returns undefined for a
 * missing file (a ServiceHost's readFile fits). Invalid files throw ConfigError on first use.
 */
export class ConfigResolver {
  private readonly byDir = new Map<string, ElbLensConfig>();
  private readonly byFile = new Map<string, ElbLensConfig>();
  private readonly explicit: ElbLensConfig | undefined;

  private readonly realPath: ((filePath: string) => string | undefined) | undefined;

  /**
   * `realPath` (on a host with symbolic links) resolves links, so that a var file named
   * inside the configuration's folder cannot lead outside it.
   */
  constructor(
    private readonly readFile: (filePath: string) => string | undefined,
    options: { configFile?: string; realPath?: (filePath: string) => string | undefined } = {},
  ) {
    this.realPath = options.realPath;
    if (options.configFile) this.explicit = this.load(path.resolve(options.configFile), true);
  }

  /** The configuration that applies to a file (the built-in defaults when there is none). */
  forFile(filePath: string): ElbLensConfig {
    return this.forDirectory(path.dirname(path.resolve(filePath)));
  }

  forDirectory(dir: string): ElbLensConfig {
    if (this.explicit) return this.explicit;
    const cached = this.byDir.get(dir);
    if (cached) return cached;
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    const parent = path.dirname(dir);
    let config: ElbLensConfig;
    if (this.readFile(candidate) !== undefined) config = this.load(candidate, false);
    else if (parent === dir) config = defaultConfig(dir);
    else config = this.forDirectory(parent);
    this.byDir.set(dir, config);
    return config;
  }

  /** Forget cached files (the language server calls this when a config file changes). */
  clear(): void {
    this.byDir.clear();
    this.byFile.clear();
  }

  private load(filePath: string, required: boolean): ElbLensConfig {
    const cached = this.byFile.get(filePath);
    if (cached) return cached;
    const text = this.readFile(filePath);
    if (text === undefined) {
      if (required) throw new ConfigError(filePath, 1, 1, '', 'cannot read the configuration file');
      return defaultConfig(path.dirname(filePath));
    }
    const config = parseConfig(filePath, text);
    this.confineLinks(config);
    this.byFile.set(filePath, config);
    return config;
  }

  /** Refuses a var file or Helm value file that a symbolic link takes outside the configuration's folder. */
  private confineLinks(config: ElbLensConfig): void {
    if (!this.realPath) return;
    const dir = this.realPath(config.dir) ?? config.dir;
    for (const [key, files] of [
      ['varFiles', config.varFiles],
      ['kubernetes.helm.valueFiles', config.helmValueFiles],
    ] as const) {
      files.forEach((file, index) => {
        const real = this.realPath!(file);
        if (real === undefined || isInside(dir, real)) return;
        const shown = path.relative(config.dir, file);
        const why = `"${shown}" leads outside the folder of this configuration through a symbolic link; a configuration only names files in its folder or below`;
        throw new ConfigError(config.path, 1, 1, `${key}[${index}]`, why);
      });
    }
  }
}

/**
 * Analysis options from a configuration. Values given by the host (CLI flags, editor
 * settings) go in `overrides` and win: their variables over the file's variables, their
 * var files after the file's var files.
 */
export function toAnalysisOptions(config: ElbLensConfig, overrides: AnalysisOptions = {}): AnalysisOptions {
  return {
    ...overrides,
    rules: { ...config.rules, ...(overrides.rules ?? {}) },
    variables: { ...config.variables, ...(overrides.variables ?? {}) },
    varFiles: [...config.varFiles, ...(overrides.varFiles ?? [])],
    allowInlineIgnores: overrides.allowInlineIgnores ?? config.allowInlineIgnores,
    // Per value: an editor setting left unset keeps the file's.
    budget: {
      seconds: overrides.budget?.seconds ?? config.budget.seconds,
      memoryMb: overrides.budget?.memoryMb ?? config.budget.memoryMb,
    },
    ...(overrides.kubernetes?.network || config.kubernetesNetwork || config.helmValueFiles.length > 0
      ? {
          kubernetes: {
            network: overrides.kubernetes?.network ?? config.kubernetesNetwork,
            ...(config.helmValueFiles.length > 0 ? { helm: { valueFiles: config.helmValueFiles } } : {}),
          },
        }
      : {}),
  };
}
