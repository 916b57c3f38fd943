import * as path from 'path';
import { BudgetExceeded, budgetKey, budgetOf, stoppedFinding, withinBudget } from '../core/budget';
import { rangesOverlap, type Finding, type Fix, type HoverResult, type InlayHint, type Position, type Range } from '../core/types';
import { hoverMarkdown, instancesMarkdown, nodesOfBlock } from '../hover/hover';
import { listenerInlayHints } from '../hover/inlay';
import { hoverTarget, unavailableModuleHover } from '../hover/target';
import { buildElbJsonModel } from '../elbjson';
import { buildKubernetesModel } from '../kubernetes';
import type { ElbModel } from '../model/elb';
import type { ConfigFile } from '../parse/config';
import { loadHclParser, type HclParser } from '../parse/hcl';
import { reportRules } from '../rules/engine';
import { fileFindings } from '../suppress/policy';
import { suppressionFix } from '../suppress/suppress';
import { closest, knownRuleIds } from '../project/configValues';
import { mergeInstanceFindings, type ReportedFinding } from '../rules/support/instanceFindings';
import { nodeFindings } from '../rules/support/nodeFindings';
import { unitKey, unitMembers, type UnitKind } from '../project/units';
import { cannotHoldComments, ContentClassifier, isTerraformModuleFile, kindByName, type NamedFiles } from '../project/classify';
import type { ElbLensService, FixForFinding, ModelView } from './api';
import type { ServiceHost, TextChange } from '../core/host';
import type { AnalysisOptions } from '../core/options';
import { ProjectFiles } from '../project/files';
import { CallerIndex } from '../project/callers';
import { TerraformUnits, type ModuleAnalysis } from '../project/terraformUnits';
import { RenderedUnitIndex } from '../project/renderedUnits';
import { mayFeedRendering, renderOptions, renderedAnalysis, renderedHover, unitFile } from './rendered';

/**
 * The language service: what every host (language server, CLI, tests, the browser) asks. A
 * façade over the project layer (files, caller index, Terraform units), the front ends for
 * ELB JSON and Kubernetes, the rules (rules/engine.ts), the policy (suppress/policy.ts) and
 * hover; it keeps the analyses per unit until a file they read changes.
 */

export interface ServiceOptions {
  /** Where the grammar wasm files are (defaults: next to the bundle, then node_modules). */
  wasmDir?: string;
  /** Base URI/path for rule docs links; the page name `<id>.md` is appended. */
  docsBase?: string;
  /**
   * Files always read as ELB API JSON; others are recognised by content. Globs, or a function
   * that asks the host's configuration per file (the project layer: `json.files` of the file's
   * `.elb-lens.json` and the editor setting), so a changed configuration needs no new service.
   */
  jsonFiles?: NamedFiles;
  /**
   * false: parse every Terraform file of a module instead of scanning first (the scan never
   * changes results; tests compare both). Default true.
   */
  prescan?: boolean;
  /**
   * The link under a hover to the page about client IP transfer (limits, security groups,
   * caveats): an editor command that opens the bundled page where the client runs commands
   * from hovers; default: the page in `docsBase`.
   */
  hoverDocsLink?: string;
  /** Files always read as Kubernetes manifests (`kubernetes.files`); other YAML is recognised by content. */
  kubernetesFiles?: NamedFiles;
}

export async function createElbLensService(host: ServiceHost, options: ServiceOptions = {}): Promise<ElbLensService> {
  const parser = await loadHclParser(options.wasmDir);
  return new Service(host, parser, options);
}

class Service implements ElbLensService {
  private readonly files: ProjectFiles;
  private readonly callers: CallerIndex;
  private readonly terraform: TerraformUnits;
  /** Analyses by Terraform folder, and by unit key for ELB JSON folders and manifests. */
  private readonly modules = new Map<string, ModuleAnalysis>();
  private readonly docsBase: string;
  private readonly hoverDocsLink: string;
  /** ELB API JSON and manifests, by name or content (project/classify.ts). */
  private readonly classifier: ContentClassifier;
  /** kustomize overlays and Helm charts, rendered (project/renderedUnits.ts). */
  private readonly rendered: RenderedUnitIndex;

  constructor(
    private readonly host: ServiceHost,
    parser: HclParser,
    options: ServiceOptions,
  ) {
    this.docsBase = options.docsBase ?? 'docs/rules/';
    this.hoverDocsLink = options.hoverDocsLink ?? `${this.docsBase}README.md`;
    this.classifier = new ContentClassifier(options);
    this.files = new ProjectFiles(host, parser, options.prescan !== false);
    this.terraform = new TerraformUnits(
      this.files,
      this.docsBase,
      (model) => this.runRules(model),
      (m) => host.log?.(m),
    );
    // Changed module calls: every folder's roots are found again.
    this.callers = new CallerIndex(this.files, () => this.dropAll());
    this.rendered = new RenderedUnitIndex(
      {
        readFile: (file) => this.files.text(file),
        isDirectory: (dir) => this.files.listDirectory(dir).length > 0,
        listDirectory: (dir) => this.files.listDirectory(dir),
      },
      { docsBase: this.docsBase, log: (message) => this.host.log?.(message) },
    );
  }

  isSupportedFile(filePath: string): boolean {
    return this.unitKindOf(filePath) !== undefined;
  }

  unitOf(filePath: string): string | undefined {
    const kind = this.unitKindOf(filePath);
    if (kind === 'kustomize' || kind === 'helm') {
      const [unit] = this.rendered.unitsFor(filePath, {});
      return unit && unitKey(unitFile(unit), kind);
    }
    return kind && unitKey(filePath, kind);
  }

  /** What the file is analysed as (a lock file with its Terraform module); undefined: it is not analysed. */
  private unitKindOf(filePath: string): UnitKind | undefined {
    if (isTerraformModuleFile(filePath)) return 'terraform';
    // A file an overlay or chart reads (patch, values.yaml, template, base manifest) is judged through it.
    if (mayFeedRendering(filePath)) {
      const [unit] = this.rendered.unitsFor(filePath, {});
      if (unit) return unit.kind;
    }
    return this.contentKind(filePath);
  }

  renderedRoots(options: AnalysisOptions = {}): { file: string; reads: string[] }[] {
    return this.rendered.rootUnits(renderOptions(options)).map((u) => ({ file: unitFile(u), reads: [...u.reads] }));
  }

  /** ELB API JSON or a Kubernetes manifest: named by `json.files`/`kubernetes.files`, or recognised by content. */
  private contentKind(filePath: string): 'elb-json' | 'kubernetes' | undefined {
    return this.classifier.kindOf(filePath, () => this.files.text(filePath));
  }

  openDocument(filePath: string, text: string): void {
    this.files.openDocument(filePath, text);
    this.invalidate(filePath);
  }

  updateDocument(filePath: string, changes: TextChange[]): void {
    this.files.updateDocument(filePath, changes);
    this.invalidate(filePath);
  }

  closeDocument(filePath: string): void {
    this.files.closeDocument(filePath);
    this.invalidate(filePath);
  }

  fileChanged(filePath: string): void {
    this.files.fileChanged(filePath);
    this.invalidate(filePath);
  }

  documentText(filePath: string): string | undefined {
    return this.files.text(filePath);
  }

  moduleFiles(filePath: string): string[] {
    return unitMembers(filePath, this.files, (file) => this.contentKind(file));
  }

  analyzeFile(filePath: string, options: AnalysisOptions = {}): Finding[] {
    return this.analyzeModule(filePath, options).get(filePath) ?? [];
  }

  analyzeModule(filePath: string, options: AnalysisOptions = {}): Map<string, Finding[]> {
    const result = new Map<string, Finding[]>();
    const analysis = this.moduleAnalysis(filePath, options);
    if (!analysis) return result;
    const context = { docsBase: this.docsBase, knownIds: knownRuleIds(), closest };
    for (const file of analysis.files) {
      const own = analysis.rawFindings.filter((f) => f.file === file.path);
      result.set(file.path, fileFindings(file, own, options, context));
    }
    // Files left unparsed (nothing in them can matter) have no findings, but are part of the module.
    for (const other of analysis.otherPaths ?? []) if (!result.has(other)) result.set(other, []);
    return result;
  }

  hover(filePath: string, position: Position, options: AnalysisOptions = {}): HoverResult | undefined {
    const analysis = this.moduleAnalysis(filePath, options);
    if (!analysis) return undefined;
    if (analysis.renderedUnits) {
      return renderedHover(analysis.renderedUnits, filePath, this.files.text(filePath), position, `${this.docsBase}README.md`);
    }
    // Kubernetes Services: in manifests, and as kubernetes_service(_v1) resources in Terraform.
    const target = hoverTarget(analysis.model, filePath, position, kindByName(filePath) === 'yaml');
    if (!target) {
      const calls = (analysis.units ?? []).flatMap((u) => [...u.unavailableCalls]);
      const own = new Set(analysis.files.filter((f) => f.path === filePath).flatMap((f) => f.blocks));
      return unavailableModuleHover(calls, (block) => own.has(block), position);
    }
    const markdown = hoverMarkdown(target, analysis.model, this.hoverDocsLink);
    if (!markdown) return undefined;
    const instances = instancesMarkdown(nodesOfBlock(analysis.model, target.node.block), target.range);
    return { markdown: instances ? `${markdown}\n\n${instances}` : markdown, range: target.range };
  }

  fixes(filePath: string, range: Range, options: AnalysisOptions = {}): FixForFinding[] {
    const out: FixForFinding[] = [];
    for (const finding of this.analyzeFile(filePath, options)) {
      if (!rangesOverlap(finding.range, range)) continue;
      for (const fix of finding.fixes) out.push({ finding, fix });
    }
    return out;
  }

  suppressionFix(finding: Finding): Fix | undefined {
    // Plain JSON cannot hold comments: suppress through settings or .elb-lens.json instead.
    if (cannotHoldComments(finding.file)) return undefined;
    // terraform init rewrites lock files: a comment there would not last.
    if (kindByName(finding.file) === 'lock') return undefined;
    const config = this.files.configFile(finding.file);
    return config ? suppressionFix(config, finding) : undefined;
  }

  inlayHints(filePath: string, range: Range | undefined, options: AnalysisOptions = {}): InlayHint[] {
    const analysis = this.moduleAnalysis(filePath, options);
    return analysis ? listenerInlayHints(analysis.model, filePath, range) : [];
  }

  models(filePath: string, options: AnalysisOptions = {}): ModelView[] {
    const analysis = this.moduleAnalysis(filePath, options);
    if (!analysis) return [];
    const shown = (reported: ReportedFinding[]) => nodeFindings(reported, options, (p) => this.files.configFile(p));
    if (analysis.units) {
      return analysis.units.map((u) => ({ root: u.root, source: 'terraform', model: u.model, findings: shown(u.reported) }));
    }
    if (analysis.renderedUnits) {
      return analysis.renderedUnits.map((u) => ({ root: u.root, source: 'kubernetes', model: u.model, findings: shown(u.reported) }));
    }
    const source = this.contentKind(filePath) === 'kubernetes' ? 'kubernetes' : 'elb-json';
    // A manifest is analysed by itself; an ELB JSON folder as a whole.
    const root = source === 'kubernetes' ? filePath : path.dirname(filePath);
    return [{ root, source, model: analysis.model, findings: shown(analysis.reported ?? []) }];
  }

  private invalidate(filePath: string): void {
    this.modules.delete(path.dirname(filePath));
    this.modules.delete(unitKey(filePath, 'elb-json'));
    this.modules.delete(unitKey(filePath, 'kubernetes'));
    this.classifier.forget(filePath);
    this.rendered.forget(filePath);
    this.terraform.invalidate(filePath);
    this.callers.changed(filePath);
  }

  private dropAll(): void {
    this.terraform.clear();
    this.modules.clear();
  }

  stats(): { unparsedTerraformFiles: number; unparsedTerraformPaths: string[] } {
    return this.files.stats();
  }

  private moduleAnalysis(filePath: string, options: AnalysisOptions): ModuleAnalysis | undefined {
    const kind = this.unitKindOf(filePath);
    if (kind === 'kustomize' || kind === 'helm') return renderedAnalysis(this.rendered, filePath, options, this.files);
    const budget = options.budget;
    if (kind === 'elb-json') {
      const unit = `the ELB JSON files of ${path.basename(path.dirname(filePath))}/`;
      return this.singleAnalysis(unitKey(filePath, kind), budgetKey(budget), () => this.moduleFiles(filePath), buildElbJsonModel, {
        budget,
        unit,
      });
    }
    if (kind === 'kubernetes') {
      const network = options.kubernetes?.network;
      return this.singleAnalysis(
        unitKey(filePath, kind),
        `${network ?? ''}|${budgetKey(budget)}`,
        () => [filePath],
        (f) => buildKubernetesModel(f, { network }),
        { budget, unit: `the manifest ${path.basename(filePath)}` },
      );
    }
    if (kind !== 'terraform') return undefined;
    this.callers.settle();
    const dir = path.dirname(filePath);
    const key = cacheKey([
      options.variables ?? {},
      options.varFiles ?? [],
      options.environmentVariables ?? {},
      options.kubernetes?.network ?? '',
      budgetKey(options.budget),
    ]);
    const cached = this.modules.get(dir);
    if (cached && key !== undefined && cached.key === key && cached.units?.every((u) => this.terraform.cached(u.root) === u)) return cached;
    // A folder that other modules call is judged through its callers; one without callers is a root module.
    const roots = this.callers.rootsOf(dir);
    const analysis = this.terraform.folder(filePath, roots, options, key);
    if (key !== undefined) this.modules.set(dir, analysis);
    return analysis;
  }

  /** Tells the service which Terraform files make up the workspace (callers of module folders are looked for there). */
  setWorkspaceFiles(files: Iterable<string>): void {
    const all = [...files];
    this.rendered.setWorkspaceFiles(all);
    if (this.callers.setWorkspaceFiles(all)) this.dropAll();
  }

  readModuleCalls(files: Iterable<string>): void {
    this.callers.readModuleCalls(files);
  }

  callersMatter(filePath: string, options: AnalysisOptions = {}): boolean {
    if (!isTerraformModuleFile(filePath)) return false;
    if (this.files.declaresVariable(path.dirname(filePath))) return true;
    // The cached analysis, before suppressions (a suppressed finding counts: asking costs a
    // listing, never a false alarm), so that a host can ask before every analysis it shows.
    const analysis = this.moduleAnalysis(filePath, options);
    if (!analysis) return false;
    const rules = options.rules ?? {};
    if (analysis.rawFindings.some((f) => rules[f.ruleId] !== 'off')) return true;
    // A comment that suppresses nothing here may suppress what a caller brings: its `unused-ignore` would go.
    return options.reportUnusedIgnores === true && analysis.files.some((f) => f.text.includes('elb-lens-ignore'));
  }

  callerIndex(): Record<string, string[]> {
    return this.callers.index();
  }

  useCallerIndex(index: Record<string, string[]>): void {
    this.callers.useIndex(index);
    this.dropAll();
  }

  callerIndexOf(files: Iterable<string>): Record<string, string[]> {
    return this.callers.indexOf(files);
  }

  /** An ELB JSON folder or a manifest: one model of its files, cached by unit key and `variant` (the cluster network). */
  private singleAnalysis(
    key: string,
    variant: string,
    paths: () => string[],
    build: (files: ConfigFile[]) => ElbModel,
    within: { budget: AnalysisOptions['budget']; unit: string },
  ): ModuleAnalysis {
    const cached = this.modules.get(key);
    if (cached && cached.key === variant) return cached;
    const files = paths()
      .map((p) => this.files.configFile(p))
      .filter((f): f is ConfigFile => f !== undefined);
    let model: ElbModel;
    let reported: ReportedFinding[];
    try {
      [model, reported] = withinBudget(budgetOf(within.budget), () => {
        const built = build(files);
        return [built, this.runRules(built)] as const;
      });
    } catch (error) {
      if (!(error instanceof BudgetExceeded)) throw error;
      // Reported once, with the unit's first file, until a file of it changes.
      model = build([]);
      reported = files.length > 0 ? [{ finding: stoppedFinding(files[0].path, within.unit, error, this.docsBase) }] : [];
    }
    const analysis: ModuleAnalysis = { key: variant, model, files, rawFindings: mergeInstanceFindings(reported), reported };
    this.modules.set(key, analysis);
    return analysis;
  }

  private runRules(model: ElbModel): ReportedFinding[] {
    return reportRules(model, { docsBase: this.docsBase, log: (message) => this.host.log?.(message) });
  }
}

/** The options as a cache key; undefined (not cached) when they cannot be serialised (cyclic, too deep). */
function cacheKey(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}
