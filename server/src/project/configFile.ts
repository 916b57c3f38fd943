import * as path from 'path';
import * as jsonc from 'jsonc-parser';
import { MAX_JSON_DEPTH, parseJsonTree } from '../parse/json';
import { LineIndex } from '../parse/positions';
import { RULES } from '../rules';
import { MAX_BUDGET } from '../core/budget';
import {
  ANALYSIS_STOPPED_RULE_ID,
  CONFIG_FILE_NAME,
  DEFAULT_JSON_FILES,
  INLINE_IGNORE_RULE_ID,
  KUBERNETES_NETWORKS,
  IGNORE_COMMENT_RULE_ID,
  PROVIDER_VERSION_RULE_ID,
  SYNTAX_ERROR_RULE_ID,
  RULE_SETTINGS,
  UNUSED_IGNORE_RULE_ID,
  type AnalysisBudget,
  type AnalysisOptions,
  type KubernetesNetwork,
  type RuleSetting,
} from '../core/options';

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

export function knownRuleIds(): string[] {
  return [
    ...RULES.map((r) => r.meta.id),
    UNUSED_IGNORE_RULE_ID,
    INLINE_IGNORE_RULE_ID,
    IGNORE_COMMENT_RULE_ID,
    PROVIDER_VERSION_RULE_ID,
    ANALYSIS_STOPPED_RULE_ID,
    SYNTAX_ERROR_RULE_ID,
  ];
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

type Fail = (offset: number, key: string, detail: string) => never;

function readRules(node: jsonc.Node, fail: Fail): Record<string, RuleSetting> {
  if (node.type !== 'object') return fail(node.offset, 'rules', 'must be an object of rule id → severity');
  const known = knownRuleIds();
  const rules: Record<string, RuleSetting> = {};
  for (const property of node.children ?? []) {
    const [keyNode, value] = property.children ?? [];
    if (!keyNode || !value) continue;
    const id = String(keyNode.value);
    const key = `rules.${id}`;
    if (!known.includes(id)) {
      const near = closest(id, known);
      fail(keyNode.offset, key, `unknown rule id "${id}"${near ? ` (did you mean "${near}"?)` : ''}; see "elb-lens rules"`);
    }
    if (value.type !== 'string' || !RULE_SETTINGS.includes(value.value as RuleSetting)) {
      fail(value.offset, key, `severity must be one of ${RULE_SETTINGS.map((s) => `"${s}"`).join(', ')}, got ${jsonText(value)}`);
    }
    // An unchecked unit must not pass for a clean one (the CLI exits 1 on it).
    if (id === ANALYSIS_STOPPED_RULE_ID && value.value === 'off') fail(value.offset, key, 'cannot be "off" (give it a severity)');
    rules[id] = value.value as RuleSetting;
  }
  return rules;
}

/** `budget`: `{ "seconds": 30, "memoryMb": 1024 }`, each a positive number up to MAX_BUDGET. */
function readBudget(node: jsonc.Node, fail: Fail): Partial<AnalysisBudget> {
  if (node.type !== 'object') return fail(node.offset, 'budget', 'must be an object, e.g. { "seconds": 30, "memoryMb": 1024 }');
  const budget: Partial<AnalysisBudget> = {};
  for (const property of node.children ?? []) {
    const [keyNode, value] = property.children ?? [];
    if (!keyNode || !value) continue;
    const name = String(keyNode.value);
    if (name !== 'seconds' && name !== 'memoryMb')
      return fail(keyNode.offset, `budget.${name}`, 'unknown key (expected "seconds" or "memoryMb")');
    const problem = budgetProblem(name, value.value);
    if (value.type !== 'number' || problem) return fail(value.offset, `budget.${name}`, problem ?? 'must be a number');
    budget[name] = value.value as number;
  }
  return budget;
}

/** Why a budget value is not acceptable, or undefined (shared with the CLI flags and editor settings). */
export function budgetProblem(name: keyof AnalysisBudget, value: unknown): string | undefined {
  const max = MAX_BUDGET[name];
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > max)
    return `must be a number above 0 and at most ${max}`;
  return undefined;
}

/** The known id within a small edit distance of a misspelt one. */
export function closest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(3, Math.floor(word.length / 4)) + 1;
  for (const candidate of candidates) {
    const d = editDistance(word, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

function readStrings(node: jsonc.Node, key: string, fail: Fail): string[] {
  if (node.type !== 'array') return fail(node.offset, key, 'must be an array of strings');
  return (node.children ?? []).map((item, index) => {
    if (item.type !== 'string' || (item.value as string).trim() === '')
      return fail(item.offset, `${key}[${index}]`, 'must be a non-empty string');
    return item.value as string;
  });
}

/**
 * Globs relative to the configuration's folder: an absolute one or one with a `..` segment
 * would reach outside it, which a configuration may not (a repository's file cannot point
 * the tool at the rest of the machine).
 */
function readGlobs(node: jsonc.Node, key: string, fail: Fail): string[] {
  const globs = readStrings(node, key, fail);
  globs.forEach((glob, index) => {
    const outside = path.posix.isAbsolute(glob) || path.win32.isAbsolute(glob) || glob.split(/[\\/]/).includes('..');
    if (outside) fail(node.children![index].offset, `${key}[${index}]`, outsideMessage(glob));
  });
  return globs;
}

/** Paths (a list of strings) resolved against `dir`, each in it or below (a repository's configuration reads nothing outside it). */
function readConfinedPaths(node: jsonc.Node, key: string, dir: string, fail: Fail): string[] {
  return readStrings(node, key, fail).map((written, index) => {
    const resolved = path.resolve(dir, written);
    if (!isInside(dir, resolved))
      fail(node.children![index].offset, `${key}[${index}]`, outsideMessage(written, key === 'varFiles' ? '--var-file' : ''));
    return resolved;
  });
}

/** True when `filePath` is `dir` or below it (both absolute). */
export function isInside(dir: string, filePath: string): boolean {
  const relative = path.relative(dir, filePath);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function outsideMessage(written: string, commandLine = '--var-file'): string {
  const elsewhere = commandLine ? ` (give others on the command line: ${commandLine})` : '';
  return `"${written}" is outside the folder of this configuration; a configuration only names files in its folder or below${elsewhere}`;
}

function jsonText(node: jsonc.Node): string {
  const value: unknown = jsonc.getNodeValue(node);
  return value === undefined ? node.type : JSON.stringify(value);
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
