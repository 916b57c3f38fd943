import * as path from 'path';
import type { Finding, RelatedLocation } from '../core/types';
import { buildKubernetesModel, type ClusterNetwork } from '../kubernetes';
import { renderChart, type ChartHost, type ChartOptions } from '../kubernetes/render/helm/chart';
import {
  KUSTOMIZATION_NAMES,
  renderKustomization,
  type KustomizeResult,
  type ParseCache,
  type RenderedService,
  type RenderHost,
} from '../kubernetes/render/kustomize';
import { remapFindings, renderedLocator, type RenderedText } from '../kubernetes/render/remap';
import { renderedConfigFile, servicesText } from '../kubernetes/render/rendered';
import type { Origin, Sourced } from '../kubernetes/render/sourced';
import { mapGet } from '../kubernetes/render/tree';
import type { ElbModel } from '../model/elb';
import { LineIndex } from '../parse/positions';
import { reportRules } from '../rules/engine';
import { BudgetExceeded, budgetKey, budgetOf, stoppedFinding, withinBudget } from '../core/budget';
import type { AnalysisBudget } from '../core/options';
import { mergeInstanceFindings, type ReportedFinding } from '../rules/support/instanceFindings';

/** The kustomization file an overlay in `dir` read; the usual name when it read none (it failed before). */
export function kustomizationFileIn(dir: string, reads: Iterable<string>): string {
  return (
    [...reads].find((p) => path.dirname(p) === dir && KUSTOMIZATION_NAMES.includes(path.basename(p))) ??
    path.join(dir, 'kustomization.yaml')
  );
}

/**
 * Analysis units of Kubernetes Services that ELB Lens renders itself: a kustomize overlay
 * (a folder with `kustomization.yaml`) or a Helm chart (`Chart.yaml` + `templates/`). Each
 * is rendered, its Services become one model and one rule run, and the findings move to the
 * files that set the values. A unit records every file it read, so that editing a patch,
 * `values.yaml` or `kustomization.yaml` drops the units it feeds.
 */

export interface RenderedUnit {
  kind: 'kustomize' | 'helm';
  /** The overlay or chart folder. */
  root: string;
  reads: Set<string>;
  /** One line each: what was left out. */
  notes: string[];
  /** Why nothing is said of this unit (a missing base, a cycle, a template that does not parse). */
  unknown?: string;
  model: ElbModel;
  rendered: RenderedText[];
  /** Findings in the files that set the values (rule defaults: settings and suppressions come later). */
  findings: Finding[];
  /** The same, one per model node they are about (before findings of several ports are merged). */
  reported: ReportedFinding[];
}

export interface RenderedUnitOptions {
  network?: ClusterNetwork;
  docsBase: string;
  log?: (message: string) => void;
  helm?: ChartOptions;
}

const EMPTY_MODEL = buildKubernetesModel([]);

export function kustomizeUnit(
  dir: string,
  host: RenderHost,
  options: RenderedUnitOptions,
  result: KustomizeResult = renderKustomization(dir, host),
): RenderedUnit {
  const base = { kind: 'kustomize' as const, root: dir, reads: result.reads, notes: result.notes };
  if (result.unknown !== undefined)
    return { ...base, unknown: result.unknown, model: EMPTY_MODEL, rendered: [], findings: [], reported: [] };
  const kustomization = kustomizationFileIn(dir, result.reads);
  const rendered: RenderedText = { path: `${kustomization}#rendered`, text: servicesText(result.services) };
  const fallbackOf = (finding: Finding) => serviceAt(rendered.text, result.services, finding);
  return analyzeRendered(base, [rendered], host, options, (finding) => {
    const service = fallbackOf(finding);
    const written = service ? nameLocation(service, host) : undefined;
    const overlay: RelatedLocation = {
      file: kustomization,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      message: 'the kustomization that builds the Service',
    };
    const extra = written ? [{ ...written, message: 'the Service, as its base writes it' }] : [];
    if (service && service.file !== kustomization) extra.push(overlay);
    return { fallback: written ? { ...written, message: '' } : overlay, extra };
  });
}

export function helmUnit(dir: string, host: RenderHost, options: RenderedUnitOptions): RenderedUnit {
  const result = renderChart(dir, host, options.helm ?? {});
  const base = { kind: 'helm' as const, root: dir, reads: result.reads, notes: result.notes };
  if (result.unknown !== undefined)
    return { ...base, unknown: result.unknown, model: EMPTY_MODEL, rendered: [], findings: [], reported: [] };
  const rendered = result.templates.map((t) => ({ path: `${t.file}#rendered`, text: t.output, template: t.file }));
  return analyzeRendered(base, rendered, host, options, (finding) => {
    const template = rendered.find((r) => r.path === finding.file)?.template ?? dir;
    const at: RelatedLocation = {
      file: template,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      message: 'the template that renders the Service',
    };
    return { fallback: at, extra: [] };
  });
}

function analyzeRendered(
  base: Pick<RenderedUnit, 'kind' | 'root' | 'reads' | 'notes'>,
  rendered: RenderedText[],
  host: RenderHost,
  options: RenderedUnitOptions,
  around: (finding: Finding) => { fallback: RelatedLocation; extra: RelatedLocation[] },
): RenderedUnit {
  const files = rendered.map((r) => renderedConfigFile(r.path, r.text));
  const model = buildKubernetesModel(files, { network: options.network });
  const reported = reportRules(model, { docsBase: options.docsBase, log: options.log, source: base.root });
  const textOf = (file: string) => host.readFile(file);
  const moved = (finding: Finding): Finding[] => {
    const from = rendered.find((r) => r.path === finding.file);
    if (!from) return [];
    const { fallback, extra } = around(finding);
    return remapFindings([finding], from, textOf, fallback, extra);
  };
  const findings = onceEach(mergeInstanceFindings(reported).flatMap(moved));
  const nodeFindings = reported.flatMap((r) => moved(r.finding).map((finding) => ({ finding, node: r.node })));
  const locate = renderedLocator(rendered, textOf);
  return { ...base, model: { ...model, locate }, rendered, findings, reported: nodeFindings };
}

/** The same finding reached twice (two Services from one patch) is reported once. */
function onceEach(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.ruleId}|${f.file}|${f.range.start.line}:${f.range.start.character}|${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Which rendered Service a finding is in (by its document in the rendered stream). */
function serviceAt(text: Sourced, services: readonly RenderedService[], finding: Finding): RenderedService | undefined {
  const lines = new LineIndex(text.text);
  const offset = lines.offsetAt(finding.range.start);
  let index = -1;
  for (let at = text.text.indexOf('---\n'); at !== -1 && at <= offset; at = text.text.indexOf('---\n', at + 4)) index++;
  return services[index];
}

function nameLocation(service: RenderedService, host: RenderHost): { file: string; range: RelatedLocation['range'] } | undefined {
  const name = mapGet(service.node, 'metadata', 'name');
  const origin: Origin | undefined = name?.origin;
  const text = origin ? host.readFile(origin.file) : undefined;
  if (!origin || text === undefined) return undefined;
  const lines = new LineIndex(text);
  return { file: origin.file, range: lines.range(origin.start, origin.end) };
}

/** What rendering depends on besides the files: the cluster network and the chart value files. */
export interface RenderOptions {
  network?: ClusterNetwork;
  /** Absolute paths (`kubernetes.helm.valueFiles`). */
  valueFiles?: readonly string[];
  /** What one overlay or chart may take (core/budget.ts). */
  budget?: Partial<AnalysisBudget>;
}

const ANCESTORS = 6;

/**
 * The kustomizations and charts of a workspace, rendered when first asked and kept until a
 * file they read changes. A kustomization that another one includes (a base, a component)
 * is judged through the ones that include it, and alone only when nothing does; a chart is
 * a unit of its own (subcharts are not rendered). Folders are known from the workspace's
 * files and from the folders above a file asked about (an editor that has not listed the
 * workspace still finds the overlay of a patch and the chart of a values.yaml).
 */
export class RenderedUnitIndex {
  private kustomizeDirs = new Set<string>();
  private chartDirs = new Set<string>();
  private readonly units = new Map<string, RenderedUnit>();
  private readonly renderings = new Map<string, KustomizeResult>();
  private readonly logged = new Set<string>();
  /** File → the root units that read it, per options and extra folders (cleared on any change). */
  private readonly readers = new Map<string, Map<string, RenderedUnit[]>>();
  /** Parsed YAML by file, shared by every kustomization that reads the file (a base by each overlay). */
  private readonly parsed: ParseCache = new Map();

  constructor(
    private readonly host: ChartHost,
    private readonly options: Omit<RenderedUnitOptions, 'network' | 'helm'>,
  ) {}

  /** The workspace's files (all kinds): its kustomization files and Chart.yaml name the folders. */
  setWorkspaceFiles(files: Iterable<string>): void {
    const kustomize = new Set<string>();
    const chartFiles = new Set<string>();
    for (const file of files) {
      const name = path.basename(file);
      if (KUSTOMIZATION_NAMES.includes(name)) kustomize.add(path.dirname(file));
      else if (name === 'Chart.yaml') chartFiles.add(file);
    }
    // A subchart (`<chart>/charts/<sub>/Chart.yaml`) is its parent's part, not a unit of its own.
    const charts = new Set<string>();
    for (const file of chartFiles) {
      const dir = path.dirname(file);
      const parent = path.dirname(path.dirname(dir));
      if (path.basename(path.dirname(dir)) === 'charts' && chartFiles.has(path.join(parent, 'Chart.yaml'))) continue;
      charts.add(dir);
    }
    this.readers.clear();
    this.kustomizeDirs = kustomize;
    this.chartDirs = charts;
  }

  /** Drops the units that read the file or listed its folder. */
  forget(filePath: string): void {
    const dir = path.dirname(filePath);
    const reads = (root: string, read: Set<string>) => read.has(filePath) || read.has(dir) || root === dir;
    for (const [key, unit] of this.units) if (reads(unit.root, unit.reads)) this.units.delete(key);
    for (const [root, result] of this.renderings) if (reads(root, result.reads)) this.renderings.delete(root);
    this.parsed.delete(filePath);
    this.readers.clear();
  }

  /** Whether any unit of the workspace reads the file (a patch, values.yaml, a template, a base manifest). */
  isInput(filePath: string, options: RenderOptions): boolean {
    return this.unitsFor(filePath, options).length > 0;
  }

  /** The root units whose rendering read the file. */
  unitsFor(filePath: string, options: RenderOptions): RenderedUnit[] {
    const found = this.ancestors(filePath);
    // Folders the workspace names already: the common case, answered from one index per options.
    const extra = {
      kustomize: found.kustomize.filter((d) => !this.kustomizeDirs.has(d)),
      charts: found.charts.filter((d) => !this.chartDirs.has(d)),
    };
    const key = `${optionsKey(options)}|${extra.kustomize.join('\u0000')}|${extra.charts.join('\u0000')}`;
    let index = this.readers.get(key);
    if (!index) {
      index = new Map();
      for (const unit of this.rootUnits(options, extra)) {
        for (const read of unit.reads) index.set(read, [...(index.get(read) ?? []), unit]);
        for (const name of unitFileNames(unit)) {
          const file = path.join(unit.root, name);
          if (!unit.reads.has(file)) index.set(file, [...(index.get(file) ?? []), unit]);
        }
      }
      this.readers.set(key, index);
    }
    return index.get(filePath) ?? [];
  }

  /** Every root unit of the workspace. */
  rootUnits(options: RenderOptions, extra: { kustomize: string[]; charts: string[] } = { kustomize: [], charts: [] }): RenderedUnit[] {
    const kustomize = [...new Set([...this.kustomizeDirs, ...extra.kustomize])].sort();
    const charts = [...new Set([...this.chartDirs, ...extra.charts])].sort();
    // Rendered first, analysed only if nothing includes them (a base is analysed through its overlays).
    const renders = kustomize.map((dir) => ({ dir, result: this.rendering(dir) }));
    const included = new Set<string>();
    for (const { dir, result } of renders) for (const read of result.reads) if (read !== dir) included.add(read);
    const roots = renders.filter(({ dir }) => !included.has(dir)).map(({ dir }) => this.unit('kustomize', dir, options));
    return [...roots, ...charts.map((dir) => this.unit('helm', dir, options))];
  }

  /** A kustomization's rendering (which does not depend on the options), kept with its units. */
  private rendering(dir: string): KustomizeResult {
    let result = this.renderings.get(dir);
    if (!result) this.renderings.set(dir, (result = renderKustomization(dir, this.host, this.parsed)));
    return result;
  }

  private unit(kind: 'kustomize' | 'helm', dir: string, options: RenderOptions): RenderedUnit {
    const key = `${kind}|${dir}|${optionsKey(options)}`;
    let unit = this.units.get(key);
    if (!unit) {
      const unitOptions = { ...this.options, network: options.network, helm: { valueFiles: options.valueFiles ?? [] } };
      const where = path.join(dir, kind === 'helm' ? 'Chart.yaml' : 'kustomization.yaml');
      try {
        unit = withinBudget(budgetOf(options.budget), () =>
          kind === 'kustomize' ? kustomizeUnit(dir, this.host, unitOptions, this.rendering(dir)) : helmUnit(dir, this.host, unitOptions),
        );
      } catch (error) {
        if (!(error instanceof BudgetExceeded)) throw error;
        const finding = stoppedFinding(
          where,
          `the ${kind === 'helm' ? 'Helm chart' : 'kustomize overlay'} ${path.basename(dir)}/`,
          error,
          this.options.docsBase,
        );
        // Its reads are not known: the files that stand for it drop it (unitFileNames).
        unit = {
          kind,
          root: dir,
          reads: new Set([where]),
          notes: [],
          model: EMPTY_MODEL,
          rendered: [],
          findings: [finding],
          reported: [{ finding }],
        };
      }
      for (const note of unit.notes) this.logOnce(`elb-lens: ${where}: ${note}`);
      if (unit.unknown !== undefined) this.logOnce(`elb-lens: ${where}: not checked: ${unit.unknown}`);
      this.units.set(key, unit);
    }
    return unit;
  }

  /** A unit rebuilt after an edit (or a --fix pass) says what it left out once, not again. */
  private logOnce(line: string): void {
    if (this.logged.has(line)) return;
    this.logged.add(line);
    this.options.log?.(line);
  }

  /** Kustomization and chart folders above a file (a patch's overlay, a template's chart). */
  private ancestors(filePath: string): { kustomize: string[]; charts: string[] } {
    const kustomize: string[] = [];
    const charts: string[] = [];
    let dir = path.dirname(filePath);
    for (let i = 0; i < ANCESTORS && dir !== path.dirname(dir); i++, dir = path.dirname(dir)) {
      const names = this.host.listDirectory(dir);
      if (names.some((n) => KUSTOMIZATION_NAMES.includes(n))) kustomize.push(dir);
      if (names.includes('Chart.yaml') && names.includes('templates')) {
        charts.push(dir);
        break;
      }
    }
    return { kustomize, charts };
  }
}

function optionsKey(options: RenderOptions): string {
  return `${options.network ?? ''}|${(options.valueFiles ?? []).join('\u0000')}|${budgetKey(options.budget)}`;
}

/** The files that stand for a unit even when it did not read them (a kustomization file it failed on). */
function unitFileNames(unit: RenderedUnit): string[] {
  return unit.kind === 'helm' ? ['Chart.yaml'] : KUSTOMIZATION_NAMES;
}
