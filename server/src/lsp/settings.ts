import { budgetProblem, closest, knownRuleIds } from '../project/configValues';
import { DEFAULT_JSON_FILES, RULE_SETTINGS, type AnalysisBudget, type RuleSetting } from '../core/options';

/** The `elbLens.*` settings, as one typed object. */
export interface ElbLensSettings {
  enable: boolean;
  rules: Record<string, RuleSetting>;
  run: 'onType' | 'onSave';
  exclude: string[];
  varFiles: string[];
  inlayHints: { enable: boolean };
  diagnostics: { scope: 'openFiles' | 'workspace' };
  json: { files: string[] };
  kubernetes: { files: string[]; network: 'vpc' | 'tunnel' | 'eni' | undefined };
  /** What one analysis unit may take; unset values come from `.elb-lens.json` or the defaults. */
  budget: Partial<AnalysisBudget>;
}

export const DEFAULT_SETTINGS: ElbLensSettings = {
  enable: true,
  rules: {},
  run: 'onType',
  exclude: [],
  varFiles: [],
  inlayHints: { enable: true },
  diagnostics: { scope: 'openFiles' },
  json: { files: [...DEFAULT_JSON_FILES] },
  kubernetes: { files: [], network: undefined },
  budget: { seconds: undefined, memoryMb: undefined },
};

const RULE_SETTING_NAMES: ReadonlySet<string> = new Set(RULE_SETTINGS);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/**
 * Reads whatever the client sent into settings, keeping defaults for anything missing or
 * malformed. Each problem is described in `problems` so the server can log it once.
 */
export function parseSettings(raw: unknown, problems: string[] = []): ElbLensSettings {
  const settings: ElbLensSettings = structuredClone(DEFAULT_SETTINGS);
  if (raw === undefined || raw === null) return settings;
  if (!isRecord(raw)) {
    problems.push('elbLens settings are not an object; using defaults');
    return settings;
  }
  const bad = (key: string, expected: string) => problems.push(`elbLens.${key} should be ${expected}; using the default`);
  if (raw.enable !== undefined) {
    if (typeof raw.enable === 'boolean') settings.enable = raw.enable;
    else bad('enable', 'true or false');
  }
  if (raw.rules !== undefined) {
    if (isRecord(raw.rules)) {
      const known = knownRuleIds();
      for (const [id, value] of Object.entries(raw.rules)) {
        if (!known.includes(id)) {
          // The same words as a wrong id in .elb-lens.json; the rest of the settings still apply.
          const near = closest(id, known);
          problems.push(`elbLens.rules: unknown rule id "${id}"${near ? ` (did you mean "${near}"?)` : ''}; it is ignored`);
        } else if (typeof value === 'string' && RULE_SETTING_NAMES.has(value)) settings.rules[id] = value as RuleSetting;
        else bad(`rules.${id}`, 'one of off, error, warning, information, hint');
      }
    } else bad('rules', 'an object of rule id → severity');
  }
  if (raw.run !== undefined) {
    if (raw.run === 'onType' || raw.run === 'onSave') settings.run = raw.run;
    else bad('run', '"onType" or "onSave"');
  }
  if (raw.exclude !== undefined) {
    if (isStringArray(raw.exclude)) settings.exclude = raw.exclude;
    else bad('exclude', 'a list of globs');
  }
  if (raw.varFiles !== undefined) {
    if (isStringArray(raw.varFiles)) settings.varFiles = raw.varFiles;
    else bad('varFiles', 'a list of paths');
  }
  if (raw.inlayHints !== undefined) {
    if (isRecord(raw.inlayHints) && (raw.inlayHints.enable === undefined || typeof raw.inlayHints.enable === 'boolean')) {
      settings.inlayHints.enable = raw.inlayHints.enable ?? true;
    } else bad('inlayHints.enable', 'true or false');
  }
  if (raw.diagnostics !== undefined) {
    const scope = isRecord(raw.diagnostics) ? raw.diagnostics.scope : undefined;
    if (scope === undefined || scope === 'openFiles' || scope === 'workspace') settings.diagnostics.scope = scope ?? 'openFiles';
    else bad('diagnostics.scope', '"openFiles" or "workspace"');
  }
  if (raw.json !== undefined) {
    const files = isRecord(raw.json) ? raw.json.files : undefined;
    if (files === undefined || isStringArray(files)) settings.json.files = files ?? settings.json.files;
    else bad('json.files', 'a list of globs');
  }
  if (raw.kubernetes !== undefined) {
    const kubernetes = isRecord(raw.kubernetes) ? raw.kubernetes : undefined;
    const files = kubernetes?.files;
    if (files === undefined || isStringArray(files)) settings.kubernetes.files = files ?? settings.kubernetes.files;
    else bad('kubernetes.files', 'a list of globs');
    const network = kubernetes?.network;
    if (network === 'vpc' || network === 'tunnel' || network === 'eni') settings.kubernetes.network = network;
    else if (network !== undefined && network !== null && network !== '') bad('kubernetes.network', '"vpc", "tunnel" or "eni"');
  }
  if (raw.budget !== undefined && raw.budget !== null) {
    const budget = isRecord(raw.budget) ? raw.budget : {};
    for (const name of ['seconds', 'memoryMb'] as const) {
      const value = budget[name];
      if (value === undefined || value === null) continue;
      const problem = budgetProblem(name, value);
      if (problem) bad(`budget.${name}`, problem.replace(/^must be /, ''));
      else settings.budget[name] = value as number;
    }
  }
  return settings;
}
