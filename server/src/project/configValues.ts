import * as path from 'path';
import * as jsonc from 'jsonc-parser';
import { MAX_BUDGET } from '../core/budget';
import {
  ANALYSIS_STOPPED_RULE_ID,
  IGNORE_COMMENT_RULE_ID,
  INLINE_IGNORE_RULE_ID,
  PROVIDER_VERSION_RULE_ID,
  RULE_SETTINGS,
  SYNTAX_ERROR_RULE_ID,
  UNUSED_IGNORE_RULE_ID,
  type AnalysisBudget,
  type RuleSetting,
} from '../core/options';
import { RULES } from '../rules';

/**
 * The values of `.elb-lens.json` (configFile.ts parses the file): each reader checks one key's
 * JSON node and fails at the offending key. Rule ids, budgets and "did you mean" are shared
 * with the CLI's flags and the editor's settings.
 */

/** Every id a setting may name: the rules' and the pseudo-rules' (syntax errors, ignores, …). */
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

export type Fail = (offset: number, key: string, detail: string) => never;

export function readRules(node: jsonc.Node, fail: Fail): Record<string, RuleSetting> {
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
export function readBudget(node: jsonc.Node, fail: Fail): Partial<AnalysisBudget> {
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

export function readStrings(node: jsonc.Node, key: string, fail: Fail): string[] {
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
export function readGlobs(node: jsonc.Node, key: string, fail: Fail): string[] {
  const globs = readStrings(node, key, fail);
  globs.forEach((glob, index) => {
    const outside = path.posix.isAbsolute(glob) || path.win32.isAbsolute(glob) || glob.split(/[\\/]/).includes('..');
    if (outside) fail(node.children![index].offset, `${key}[${index}]`, outsideMessage(glob));
  });
  return globs;
}

/** Paths (a list of strings) resolved against `dir`, each in it or below (a repository's configuration reads nothing outside it). */
export function readConfinedPaths(node: jsonc.Node, key: string, dir: string, fail: Fail): string[] {
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

export function jsonText(node: jsonc.Node): string {
  const value: unknown = jsonc.getNodeValue(node);
  return value === undefined ? node.type : JSON.stringify(value);
}
