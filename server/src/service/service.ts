import { isTerraformFileName, isTerraformHclName, isTerraformJsonName, moduleFileNames } from '../terraform/files';
import { isOverrideFile } from '../terraform/overrides';
import * as path from 'path';
import type { Edit, Tree } from 'web-tree-sitter';
import {
  rangeContains,
  rangesOverlap,
  type Finding,
  type Fix,
  type HoverResult,
  type InlayHint,
  type Position,
  type Range,
} from '../core/types';
import { isRelevantBlock } from '../model/providers';
import { hoverMarkdown, instancesMarkdown, nodesOfBlock } from '../hover/hover';
import { listenerInlayHints } from '../hover/inlay';
import { hoverTarget } from '../hover/target';
import { buildElbJsonModel, DEFAULT_ELB_JSON_GLOBS, elbJsonToConfigFile, ElbJsonDetector, isJsonFileName } from '../elbjson';
import type { ElbJsonFiles } from '../elbjson';
import { buildKubernetesModel, isYamlFileName, kubernetesToConfigFile, KubernetesDetector, type KubernetesFiles } from '../kubernetes';
import type { ElbModel } from '../model/elb';
import type { ConfigBlock, ConfigFile, Expr } from '../parse/config';
import {
  loadHclParser,
  newBlockCache,
  parseTemplateText,
  treeEditFor,
  type BlockCache,
  type HclParser,
  type TreeChanges,
} from '../parse/hcl';
import { tfJsonToConfigFile } from '../parse/json';
import { LineIndex } from '../parse/positions';
import { reportRules } from '../rules/engine';
import { fileFindings } from '../suppress/policy';
import { suppressionFix } from '../suppress/suppress';
import { closest, knownRuleIds } from '../project/configFile';
import { Unknown, type KnownValue, type Value } from '../model/value';
import {
  MAX_MODULE_INSTANCES,
  TerraformModule,
  tfvarsInputs,
  type DeclarationKind,
  type DeclarationSource,
  type ModuleLoader,
  type ModuleSource,
  type VariableInput,
} from '../terraform/module';
import { mergeInstanceFindings, type ReportedFinding } from '../rules/instanceFindings';
import { nodeFindings } from '../rules/nodeFindings';
import { RenderedUnitIndex, type RenderedUnit, type RenderOptions } from '../project/renderedUnits';
import { renderedPlaces } from '../kubernetes/render/remap';
import { buildTerraformModel } from '../terraform/toModel';
import { isLockFile, LOCK_FILE_NAME, parseLockFile, providerVersions, type LockFile } from '../terraform/providerVersions';
import { unitKey, type UnitKind } from '../project/units';
import { onceEach, versionProblemFindings } from '../project/versionFindings';
import type { ElbLensService, FixForFinding, ModelView, ServiceHost, TextChange } from './api';
import type { AnalysisOptions } from '../core/options';

export interface ServiceOptions {
  /** Where the grammar wasm files are (defaults: next to the bundle, then node_modules). */
  wasmDir?: string;
  /** Base URI/path for rule docs links; the page name `<id>.md` is appended. */
  docsBase?: string;
  /**
   * The link under a hover to the page about client IP transfer (limits, security groups,
   * caveats): an editor command that opens the bundled page where the client runs commands
   * from hovers; default: the page in `docsBase`.
   */
  hoverDocsLink?: string;
  /**
   * Files always read as ELB API JSON; others are recognised by content. Globs, or a function
   * that asks the host's configuration per file (the project layer: `json.files` of the file's
   * `.elb-lens.json` and the editor setting), so a changed configuration needs no new service.
   */
  jsonFiles?: ElbJsonFiles;
  /**
   * false: parse every Terraform file of a module instead of scanning first (the scan never
   * changes results; tests compare both). Default true.
   */
  prescan?: boolean;
  /** Files always read as Kubernetes manifests (`kubernetes.files`); other YAML is recognised by content. */
  kubernetesFiles?: KubernetesFiles;
}

/** Files larger than this are not parsed: they are generated, not hand-written ELB config. */
export const MAX_FILE_CHARS = 4 * 1024 * 1024;

/**
 * HCL files with a longer line are not parsed either: such a line is generated content,
 * and tree-sitter needs seconds for a 1 MB string literal (superlinear in its length).
 */
export const MAX_LINE_CHARS = 128 * 1024;

/** Edits kept for an incremental conversion; beyond this many, the next conversion is a full one. */
const MAX_PENDING_EDITS = 1000;

interface OpenDocument {
  text: string;
  /** Tree of the last parse, edited in step with the text for incremental reparsing. */
  tree: Tree | undefined;
  /** Converted blocks of the last parse, reused where the text did not change. */
  blocks: BlockCache;
  /**
   * The tree edits since the last conversion, so that only the top-level items they touch
   * are converted again; undefined when not known (the whole text was replaced).
   */
  edits: Edit[] | undefined;
  treeIsCurrent: boolean;
  config: ConfigFile | undefined;
  /**
   * True once the text is known to hold no NUL and no overlong line; kept up to date per
   * edit (only the edited lines are checked) so that a keystroke does not rescan the file.
   */
  plainText?: boolean;
}

interface ModuleAnalysis {
  key: string;
  model: ElbModel;
  files: ConfigFile[];
  /** Findings before severities and suppressions are applied. */
  rawFindings: Finding[];
  /** The Terraform analysis units (root modules with everything they call) this folder's findings come from. */
  units?: AnalysisUnit[];
  /** The folder's other Terraform files (not parsed: a scan showed nothing in them can matter). */
  otherPaths?: string[];
  /** ELB JSON: the findings with their nodes, before they were merged. */
  reported?: ReportedFinding[];
  /** The kustomize overlays and Helm charts that read the file. */
  renderedUnits?: RenderedUnit[];
}

/**
 * A root module and every module instance it calls, analysed together, with every file and
 * folder read on the way: a change to any of them (and only those) invalidates it.
 */
interface AnalysisUnit {
  root: string;
  key: string;
  model: ElbModel;
  reported: ReportedFinding[];
  reads: Set<string>;
  listedDirs: Set<string>;
  /** Module blocks whose code could not be read, with the reason (for hover). */
  unavailableCalls: Map<ConfigBlock, string>;
  /** The root's `.terraform.lock.hcl`, when there is one (its problems are findings on it). */
  lockFile?: ConfigFile;
}

/** The module calls of one file, for the caller index. */
interface FileCalls {
  text: string;
  calls: { name: string; source: string }[];
}

export function isTerraformFile(filePath: string): boolean {
  return isTerraformFileName(filePath);
}

function isTfvarsFile(name: string): boolean {
  return (
    name === 'terraform.tfvars' || name === 'terraform.tfvars.json' || name.endsWith('.auto.tfvars') || name.endsWith('.auto.tfvars.json')
  );
}

function looksBinary(text: string): boolean {
  return text.includes('\u0000');
}

/** True when a line (ended by \n) is longer than MAX_LINE_CHARS. */
function hasOverlongLine(text: string): boolean {
  if (text.length <= MAX_LINE_CHARS) return false;
  return linesOverlong(text, 0, text.length);
}

/** True when one of the lines touching [from, to] is longer than MAX_LINE_CHARS. */
function linesOverlong(text: string, from: number, to: number): boolean {
  for (let start = from > 0 ? text.lastIndexOf('\n', from - 1) + 1 : 0; ;) {
    const end = text.indexOf('\n', start);
    if ((end === -1 ? text.length : end) - start > MAX_LINE_CHARS) return true;
    if (end === -1 || end >= to) return false;
    start = end + 1;
  }
}

export async function createElbLensService(host: ServiceHost, options: ServiceOptions = {}): Promise<ElbLensService> {
  const parser = await loadHclParser(options.wasmDir);
  return new Service(host, parser, options);
}

class Service implements ElbLensService {
  private readonly documents = new Map<string, OpenDocument>();
  /** Parsed files read from the host, by path; dropped when the file changes. */
  private readonly diskFiles = new Map<string, { text: string; config: ConfigFile | undefined }>();
  private readonly modules = new Map<string, ModuleAnalysis>();
  /** Files already reported as skipped (one log line each, until they change). */
  private readonly skipped = new Set<string>();
  private readonly docsBase: string;
  private readonly hoverDocsLink: string;
  private readonly elbJson: ElbJsonDetector;
  private readonly prescan: boolean;
  /** Terraform files the scan left unparsed (for --verbose). */
  private readonly unparsed = new Set<string>();
  /** Texts read from the host, until the host says the file changed. */
  private readonly texts = new Map<string, string | undefined>();
  /** Folder listings from the host, until the host reports a change in the folder. */
  private readonly listings = new Map<string, string[]>();
  /** The byte scan's answer per file, for the text it was given. */
  private readonly scans = new Map<string, { text: string; matters: boolean }>();
  private readonly kubernetes: KubernetesDetector;
  /** kustomize overlays and Helm charts, rendered (project/renderedUnits.ts). */
  private readonly rendered: RenderedUnitIndex;
  /** Terraform analysis units by root folder. */
  private readonly units = new Map<string, AnalysisUnit>();
  /** Files and folders read while a unit is built (undefined otherwise). */
  private recording: { reads: Set<string>; listedDirs: Set<string> } | undefined;
  /** The workspace's Terraform files, where callers of a module folder are looked for. */
  private workspaceFiles = new Set<string>();
  private readonly fileCalls = new Map<string, FileCalls>();
  /** Whether a folder declares a variable (see callersMatter), until a file of it changes. */
  private readonly variableFolders = new Map<string, boolean>();
  /** Child folder → the folders whose module blocks call it; rebuilt when a file's calls change. */
  private callersByChild: Map<string, Set<string>> | undefined;
  /** Terraform files changed since their module calls were last compared (see settleCallChanges). */
  private readonly callChecks = new Set<string>();

  constructor(
    private readonly host: ServiceHost,
    private readonly parser: HclParser,
    options: ServiceOptions,
  ) {
    this.docsBase = options.docsBase ?? 'docs/rules/';
    this.hoverDocsLink = options.hoverDocsLink ?? `${this.docsBase}README.md`;
    this.prescan = options.prescan !== false;
    this.elbJson = new ElbJsonDetector(options.jsonFiles ?? DEFAULT_ELB_JSON_GLOBS);
    this.kubernetes = new KubernetesDetector(options.kubernetesFiles ?? []);
    this.rendered = new RenderedUnitIndex(
      {
        readFile: (file) => this.documents.get(file)?.text ?? this.readFromHost(file),
        isDirectory: (dir) => this.listDirectory(dir).length > 0,
        listDirectory: (dir) => this.listDirectory(dir),
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
    if (isTerraformFile(filePath) || isLockFile(filePath)) return 'terraform';
    // A file an overlay or chart reads (patch, values.yaml, template, base manifest) is judged through it.
    if (mayFeedRendering(filePath)) {
      const [unit] = this.rendered.unitsFor(filePath, {});
      if (unit) return unit.kind;
    }
    if (this.isElbJsonFile(filePath)) return 'elb-json';
    if (this.isKubernetesFile(filePath)) return 'kubernetes';
    return undefined;
  }

  renderedRoots(options: AnalysisOptions = {}): { file: string; reads: string[] }[] {
    return this.rendered.rootUnits(renderOptions(options)).map((u) => ({ file: unitFile(u), reads: [...u.reads] }));
  }

  /** A Kubernetes manifest: a `.yaml`/`.yml` file named by `kubernetes.files`, or with an ELB-annotated Service in it. */
  private isKubernetesFile(filePath: string): boolean {
    if (!isYamlFileName(filePath)) return false;
    return this.kubernetes.isKubernetes(filePath, this.documents.get(filePath)?.text ?? this.readFromHost(filePath));
  }

  /** ELB API JSON: a `.json`/`.jsonc` file matching the globs or whose first few KB look like ELB objects. */
  private isElbJsonFile(filePath: string): boolean {
    if (!isJsonFileName(filePath)) return false;
    if (this.elbJson.matchesGlobs(filePath)) return true;
    return this.elbJson.isElbJson(filePath, this.documents.get(filePath)?.text ?? this.readFromHost(filePath));
  }

  openDocument(filePath: string, text: string): void {
    const previous = this.documents.get(filePath);
    previous?.tree?.delete();
    this.documents.set(filePath, { text, tree: undefined, treeIsCurrent: false, config: undefined, blocks: newBlockCache(), edits: [] });
    this.invalidate(filePath);
  }

  updateDocument(filePath: string, changes: TextChange[]): void {
    const doc = this.documents.get(filePath);
    if (!doc) return;
    for (const change of changes) {
      if (!change.range) {
        doc.text = change.text;
        doc.plainText = undefined;
        doc.tree?.delete();
        doc.tree = undefined;
        doc.edits = undefined;
        continue;
      }
      // The last parse already indexed this text's lines (the usual case: one change per keystroke).
      const lines = doc.config?.text === doc.text ? doc.config.lines : new LineIndex(doc.text);
      const start = lines.offsetAt(change.range.start);
      const end = Math.max(start, lines.offsetAt(change.range.end));
      const edit = treeEditFor(doc.text, start, end, change.text, lines);
      doc.tree?.edit(edit);
      // A long run of edits without a conversion in between (a file kept unparsed): convert all.
      if (doc.edits && doc.edits.length < MAX_PENDING_EDITS) doc.edits.push(edit);
      else doc.edits = undefined;
      doc.text = doc.text.slice(0, start) + change.text + doc.text.slice(end);
      doc.config = undefined;
      // Deleting can only remove a NUL or shorten lines; inserted text is checked with its lines.
      if (doc.plainText && (looksBinary(change.text) || linesOverlong(doc.text, start, start + change.text.length))) {
        doc.plainText = false;
      }
    }
    doc.treeIsCurrent = false;
    doc.config = undefined;
    this.invalidate(filePath);
  }

  closeDocument(filePath: string): void {
    this.documents.get(filePath)?.tree?.delete();
    this.documents.delete(filePath);
    this.skipped.delete(filePath);
    this.invalidate(filePath);
  }

  fileChanged(filePath: string): void {
    // Appeared or vanished: its folder must be listed again.
    this.listings.delete(path.dirname(filePath));
    this.texts.delete(filePath);
    this.unparsed.delete(filePath);
    this.diskFiles.delete(filePath);
    this.skipped.delete(filePath);
    this.invalidate(filePath);
  }

  documentText(filePath: string): string | undefined {
    return this.documents.get(filePath)?.text ?? this.readFromHost(filePath);
  }

  moduleFiles(filePath: string): string[] {
    const dir = path.dirname(filePath);
    // A manifest stands alone: its Services say all there is.
    if (isYamlFileName(filePath)) return this.isKubernetesFile(filePath) ? [filePath] : [];
    if (isJsonFileName(filePath)) {
      // The ELB JSON files of the folder are analysed together, apart from its Terraform module.
      const names = new Set(this.listDirectory(dir).filter(isJsonFileName));
      for (const open of this.documents.keys()) if (path.dirname(open) === dir && isJsonFileName(open)) names.add(path.basename(open));
      names.add(path.basename(filePath));
      return [...names]
        .sort()
        .map((n) => path.join(dir, n))
        .filter((p) => this.isElbJsonFile(p));
    }
    const paths = this.terraformPaths(dir);
    if (isTerraformFile(filePath) && !paths.includes(filePath)) return [...paths, filePath].sort();
    return paths;
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
    if (analysis.renderedUnits) return this.renderedHover(analysis.renderedUnits, filePath, position);
    // Kubernetes Services: in manifests, and as kubernetes_service(_v1) resources in Terraform.
    const target = hoverTarget(analysis.model, filePath, position);
    if (!target) return this.unavailableModuleHover(analysis, filePath, position);
    const markdown = hoverMarkdown(target, analysis.model, this.hoverDocsLink);
    if (!markdown) return undefined;
    const instances = instancesMarkdown(nodesOfBlock(analysis.model, target.node.block), target.range);
    return { markdown: instances ? `${markdown}\n\n${instances}` : markdown, range: target.range };
  }

  /**
   * Hover in a file an overlay or chart reads (a patch, values.yaml, a template): what each
   * Service the place reaches makes of it, one section per Service.
   */
  private renderedHover(units: RenderedUnit[], filePath: string, position: Position): HoverResult | undefined {
    const text = this.documentText(filePath);
    if (text === undefined) return undefined;
    const offset = new LineIndex(text).offsetAt(position);
    const sections: string[] = [];
    let range: Range | undefined;
    for (const unit of units) {
      for (const place of renderedPlaces(unit.rendered, filePath, offset)) {
        const rendered = [...unit.model.loadBalancers, ...unit.model.listeners].find((n) => n.file.path === place.path)?.file;
        if (!rendered) continue;
        const target = hoverTarget(unit.model, place.path, rendered.lines.positionAt(place.offset));
        const markdown = target && hoverMarkdown(target, unit.model, `${this.docsBase}README.md`);
        if (!target || !markdown || sections.includes(markdown)) continue;
        sections.push(markdown);
        range ??= unit.model.locate?.(place.path, target.range)?.range;
      }
    }
    if (sections.length === 0) return undefined;
    return { markdown: sections.join('\n\n---\n\n'), range: range ?? { start: position, end: position } };
  }

  /** Hover on a `module` block whose code cannot be read: why its values are unknown. */
  private unavailableModuleHover(analysis: ModuleAnalysis, filePath: string, position: Position): HoverResult | undefined {
    for (const unit of analysis.units ?? []) {
      for (const [block, reason] of unit.unavailableCalls) {
        if (!rangeContains(block.range, position) || !analysis.files.some((f) => f.path === filePath && f.blocks.includes(block))) continue;
        return {
          markdown: `**module.${block.labels[0] ?? ''}**: ${reason}. ELB Lens cannot read this module's code, so the values it makes are unknown and nothing in it is checked.`,
          range: block.headerRange,
        };
      }
    }
    return undefined;
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
    if (finding.file.endsWith('.json') && !isTerraformFile(finding.file)) return undefined;
    // terraform init rewrites lock files: a comment there would not last.
    if (isLockFile(finding.file)) return undefined;
    const config = this.configFile(finding.file);
    return config ? suppressionFix(config, finding) : undefined;
  }

  inlayHints(filePath: string, range: Range | undefined, options: AnalysisOptions = {}): InlayHint[] {
    const analysis = this.moduleAnalysis(filePath, options);
    return analysis ? listenerInlayHints(analysis.model, filePath, range) : [];
  }

  models(filePath: string, options: AnalysisOptions = {}): ModelView[] {
    const analysis = this.moduleAnalysis(filePath, options);
    if (!analysis) return [];
    const shown = (reported: ReportedFinding[]) => nodeFindings(reported, options, (p) => this.configFile(p));
    if (analysis.units) {
      return analysis.units.map((u) => ({ root: u.root, source: 'terraform', model: u.model, findings: shown(u.reported) }));
    }
    if (analysis.renderedUnits) {
      return analysis.renderedUnits.map((u) => ({
        root: u.root,
        source: 'kubernetes',
        model: u.model,
        findings: shown(u.reported),
      }));
    }
    const source = this.isKubernetesFile(filePath) ? 'kubernetes' : 'elb-json';
    // A manifest is analysed by itself; an ELB JSON folder as a whole.
    const root = source === 'kubernetes' ? filePath : path.dirname(filePath);
    return [{ root, source, model: analysis.model, findings: shown(analysis.reported ?? []) }];
  }

  // ---- internals ----

  private invalidate(filePath: string): void {
    this.modules.delete(path.dirname(filePath));
    this.variableFolders.delete(path.dirname(filePath));
    this.modules.delete(unitKey(filePath, 'elb-json'));
    this.modules.delete(unitKey(filePath, 'kubernetes'));
    this.kubernetes.forget(filePath);
    this.rendered.forget(filePath);
    const dir = path.dirname(filePath);
    for (const [root, unit] of this.units) {
      if (unit.reads.has(filePath) || unit.listedDirs.has(dir)) this.units.delete(root);
    }
    // Whether its module calls changed is asked at the next analysis, not per keystroke.
    if (isTerraformFile(filePath)) this.callChecks.add(filePath);
    this.elbJson.forget(filePath);
  }

  /** For files changed since the last analysis: when one's module calls changed, every folder's roots are found again. */
  private settleCallChanges(): void {
    if (this.callChecks.size === 0) return;
    const files = [...this.callChecks];
    this.callChecks.clear();
    if (files.some((file) => this.callsChanged(file))) {
      this.callersByChild = undefined;
      this.units.clear();
      this.modules.clear();
    }
  }

  /** Skipped or degraded files get one log line each, never a failure. */
  private logSkipped(filePath: string, why: string): void {
    if (this.skipped.has(filePath)) return;
    this.skipped.add(filePath);
    this.host.log?.(`elb-lens: skipped ${filePath}: ${why}`);
  }

  private readFromHost(filePath: string): string | undefined {
    this.recording?.reads.add(filePath);
    if (this.texts.has(filePath)) return this.texts.get(filePath);
    let text: string | undefined;
    try {
      text = this.host.readFile(filePath);
    } catch {
      text = undefined;
    }
    this.texts.set(filePath, text);
    return text;
  }

  stats(): { unparsedTerraformFiles: number; unparsedTerraformPaths: string[] } {
    return { unparsedTerraformFiles: this.unparsed.size, unparsedTerraformPaths: [...this.unparsed] };
  }

  /** The parsed form of a file: open document first, then the host's copy. */
  private configFile(filePath: string): ConfigFile | undefined {
    this.recording?.reads.add(filePath);
    const doc = this.documents.get(filePath);
    if (doc) {
      if (!doc.config) doc.config = this.parseDocument(filePath, doc);
      return doc.config;
    }
    const text = this.readFromHost(filePath);
    if (text === undefined) {
      this.diskFiles.delete(filePath);
      this.logSkipped(filePath, 'it cannot be read (gone, unreadable, binary or too large)');
      return undefined;
    }
    const cached = this.diskFiles.get(filePath);
    if (cached && cached.text === text) return cached.config;
    const config = this.parseText(filePath, text);
    this.diskFiles.set(filePath, { text, config });
    return config;
  }

  private parseDocument(filePath: string, doc: OpenDocument): ConfigFile | undefined {
    if (!isTerraformHclName(filePath) || doc.text.length > MAX_FILE_CHARS) return this.parseText(filePath, doc.text);
    doc.plainText ??= !looksBinary(doc.text) && !hasOverlongLine(doc.text);
    if (!doc.plainText) {
      doc.plainText = undefined; // a later edit may fix it: check the whole text again then
      return this.parseText(filePath, doc.text);
    }
    if (!doc.treeIsCurrent && doc.tree && doc.edits && doc.edits.length > 0) {
      // Edits inside one block (typing in an argument): parse and convert that block alone.
      const config = this.parser.toConfigFileWithinBlock(filePath, doc.text, doc.blocks, isRelevantBlock, { edits: doc.edits });
      if (config) {
        doc.edits = [];
        return config;
      }
    }
    const previous = doc.treeIsCurrent ? undefined : doc.tree;
    const tree = this.parser.parseTree(doc.text, previous);
    // Only the items these touch are converted again (see HclConverter.incrementalItems).
    const changes: TreeChanges | undefined = previous && doc.edits ? { edits: doc.edits } : undefined;
    if (doc.tree && doc.tree !== tree) doc.tree.delete();
    doc.tree = tree;
    doc.treeIsCurrent = true;
    doc.edits = [];
    return this.parser.toConfigFile(filePath, doc.text, tree, doc.blocks, isRelevantBlock, changes);
  }

  private parseText(filePath: string, text: string): ConfigFile | undefined {
    if (text.length > MAX_FILE_CHARS) {
      this.logSkipped(filePath, `it is larger than ${MAX_FILE_CHARS / 2 ** 20} MB`);
      return undefined;
    }
    if (looksBinary(text)) {
      this.logSkipped(filePath, 'it looks binary (NUL characters)');
      return undefined;
    }
    const clean = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text; // keep offsets: BOM → space
    try {
      if (isTerraformJsonName(filePath) || filePath.endsWith('.tfvars.json')) {
        return tfJsonToConfigFile(filePath, clean, (template) => this.parseTemplate(template));
      }
      if (isJsonFileName(filePath)) return elbJsonToConfigFile(filePath, clean);
      // YAML knows its byte order mark: the text as it is keeps the first line's indentation.
      if (isYamlFileName(filePath)) return kubernetesToConfigFile(filePath, text);
      if (hasOverlongLine(clean)) {
        this.logSkipped(filePath, `it has a line longer than ${MAX_LINE_CHARS / 1024} K characters (generated content)`);
        return undefined;
      }
      const tree = this.parser.parseTree(clean);
      try {
        return this.parser.toConfigFile(filePath, clean, tree, undefined, isRelevantBlock);
      } finally {
        tree.delete();
      }
    } catch {
      return undefined;
    }
  }

  /** Parses a JSON string's decoded value (`${var.x}`) as a template, as Terraform does. */
  private parseTemplate(template: string): Expr | undefined {
    return parseTemplateText(this.parser, template);
  }

  private moduleAnalysis(filePath: string, options: AnalysisOptions): ModuleAnalysis | undefined {
    const kind = this.unitKindOf(filePath);
    if (kind === 'kustomize' || kind === 'helm') return this.renderedAnalysis(filePath, options);
    if (kind === 'elb-json') return this.jsonAnalysis(filePath);
    if (kind === 'kubernetes') return this.kubernetesAnalysis(filePath, options);
    if (kind !== 'terraform') return undefined;
    this.settleCallChanges();
    const dir = path.dirname(filePath);
    const key = cacheKey([
      options.variables ?? {},
      options.varFiles ?? [],
      options.environmentVariables ?? {},
      options.kubernetes?.network ?? '',
    ]);
    const cached = this.modules.get(dir);
    if (cached && key !== undefined && cached.key === key && cached.units?.every((u) => this.units.get(u.root) === u)) return cached;
    // A folder that other modules call is judged through its callers; one without callers is a root module.
    const roots = this.rootsOf(dir);
    const ownSources = this.moduleSources(dir);
    const own = ownSources.files;
    // A file asked for but no longer listed (deleted since): reading it reports it as skipped.
    if (!this.documents.has(filePath) && !this.terraformPaths(dir).includes(filePath)) this.configFile(filePath);
    if (roots.length === 1 && roots[0] === dir && own.length === 0) {
      // No ELB resource, no module call: nothing here can produce a finding; nothing else is read.
      const empty: ModuleAnalysis = {
        key: key ?? '',
        model: combineModels([]),
        files: [],
        rawFindings: [],
        units: [],
        otherPaths: ownSources.deferred,
      };
      if (key !== undefined) this.modules.set(dir, empty);
      return empty;
    }
    const units = roots.map((root) => this.unit(root, options, key));
    const paths = new Set(this.terraformPaths(dir));
    // Merged first: a finding in downloaded module code moves to the calling file.
    for (const u of units) if (u.root === dir && u.lockFile) paths.add(u.lockFile.path);
    const findings = mergeInstanceFindings(onceEach(units.flatMap((u) => u.reported))).filter((f) => paths.has(f.file));
    // The files results are given for: those parsed anyway, and those with findings (for their suppressions).
    const files = [...own];
    // A root module's lock file: findings about it are shown with its folder's.
    for (const u of units) if (u.root === dir && u.lockFile) files.push(u.lockFile);
    for (const extra of new Set([filePath, ...findings.map((f) => f.file)])) {
      if (!files.some((f) => f.path === extra)) {
        const file = paths.has(extra) ? this.configFile(extra) : undefined;
        if (file) files.push(file);
      }
    }
    const analysis: ModuleAnalysis = {
      key: key ?? '',
      model: combineModels(units.map((u) => u.model)),
      files,
      rawFindings: findings,
      units,
      otherPaths: ownSources.deferred,
    };
    if (key !== undefined) this.modules.set(dir, analysis);
    return analysis;
  }

  /** Tells the service which Terraform files make up the workspace (callers of module folders are looked for there). */
  setWorkspaceFiles(files: Iterable<string>): void {
    const all = [...files];
    this.rendered.setWorkspaceFiles(all);
    const next = new Set(all.filter(isTerraformFile));
    const same = next.size === this.workspaceFiles.size && [...next].every((f) => this.workspaceFiles.has(f));
    if (same) return;
    this.workspaceFiles = next;
    this.callersByChild = undefined;
    this.units.clear();
    this.modules.clear();
  }

  readModuleCalls(files: Iterable<string>): void {
    for (const file of files) if (isTerraformFile(file)) this.callsOf(file);
  }

  callersMatter(filePath: string, options: AnalysisOptions = {}): boolean {
    if (!isTerraformFile(filePath) && !isLockFile(filePath)) return false;
    if (this.declaresVariable(path.dirname(filePath))) return true;
    // The cached analysis, before suppressions (a suppressed finding counts: asking costs a
    // listing, never a false alarm), so that a host can ask before every analysis it shows.
    const analysis = this.moduleAnalysis(filePath, options);
    if (!analysis) return false;
    const rules = options.rules ?? {};
    if (analysis.rawFindings.some((f) => rules[f.ruleId] !== 'off')) return true;
    // A comment that suppresses nothing here may suppress what a caller brings: its `unused-ignore` would go.
    return options.reportUnusedIgnores === true && analysis.files.some((f) => f.text.includes('elb-lens-ignore'));
  }

  /**
   * True when a Terraform file of the folder has a `variable` block (only files with the word
   * are parsed). Kept until a file of the folder changes: a host asks on every keystroke.
   */
  private declaresVariable(dir: string): boolean {
    let declares = this.variableFolders.get(dir);
    if (declares === undefined) {
      declares = this.terraformPaths(dir).some((file) => {
        const text = this.documents.get(file)?.text ?? this.readFromHost(file);
        if (text === undefined || !DECLARATION_WORD.variable.test(text)) return false;
        return this.configFile(file)?.blocks.some((block) => block.type === 'variable') === true;
      });
      this.variableFolders.set(dir, declares);
    }
    return declares;
  }

  callerIndex(): Record<string, string[]> {
    return Object.fromEntries([...this.callers()].map(([child, callers]) => [child, [...callers].sort()]));
  }

  useCallerIndex(index: Record<string, string[]>): void {
    // The index given was built from the files as they are now.
    this.callChecks.clear();
    this.callersByChild = new Map(Object.entries(index).map(([child, callers]) => [child, new Set(callers)]));
    this.units.clear();
    this.modules.clear();
  }

  /** The root folders whose module trees reach `dir` (just `dir` when nothing calls it). */
  private rootsOf(dir: string): string[] {
    const index = this.callers();
    if (!index.get(dir)?.size) return [dir];
    const roots = new Set<string>();
    const seen = new Set<string>([dir]);
    const queue = [dir];
    while (queue.length > 0) {
      const current = queue.shift()!;
      const callers = index.get(current);
      if (!callers?.size) {
        roots.add(current);
        continue;
      }
      for (const caller of callers) {
        if (seen.has(caller)) continue;
        seen.add(caller);
        queue.push(caller);
      }
    }
    // Folders that only call each other in a cycle have no root: judge the folder by itself.
    return roots.size > 0 ? [...roots].sort() : [dir];
  }

  /** Child folder → calling folders, from local `source` paths in the workspace's files and open documents. */
  private callers(): Map<string, Set<string>> {
    this.settleCallChanges();
    if (this.callersByChild) return this.callersByChild;
    const files = new Set(this.workspaceFiles);
    for (const open of this.documents.keys()) if (isTerraformFile(open)) files.add(open);
    this.callersByChild = this.callersIn(files);
    return this.callersByChild;
  }

  callerIndexOf(files: Iterable<string>): Record<string, string[]> {
    const index = this.callersIn([...files].filter(isTerraformFile));
    return Object.fromEntries([...index].map(([child, callers]) => [child, [...callers].sort()]));
  }

  /** Child folder → calling folders, from the local `source` paths in some files. */
  private callersIn(files: Iterable<string>): Map<string, Set<string>> {
    const index = new Map<string, Set<string>>();
    for (const file of files) {
      for (const call of this.callsOf(file)) {
        if (!isLocalSource(call.source)) continue;
        const child = path.resolve(path.dirname(file), call.source);
        if (child === path.dirname(file)) continue;
        let set = index.get(child);
        if (!set) index.set(child, (set = new Set()));
        set.add(path.dirname(file));
      }
    }
    return index;
  }

  /** The module calls of a file (cached by text; files without the word "module" are not parsed). */
  private callsOf(file: string): FileCalls['calls'] {
    const text = this.documents.get(file)?.text ?? this.readFromHost(file);
    if (text === undefined) return [];
    const cached = this.fileCalls.get(file);
    if (cached?.text === text) return cached.calls;
    const calls: FileCalls['calls'] = [];
    if (/\bmodule\b/.test(text)) {
      for (const block of this.configFile(file)?.blocks ?? []) {
        if (block.type !== 'module' || !block.labels[0]) continue;
        const source = block.attributes.get('source')?.expr;
        if (source?.kind === 'literal' && typeof source.value === 'string') calls.push({ name: block.labels[0], source: source.value });
        else if (source?.kind === 'template' && source.parts.length === 1 && source.parts[0].kind === 'literal') {
          calls.push({ name: block.labels[0], source: String(source.parts[0].value) });
        }
      }
    }
    this.fileCalls.set(file, { text, calls });
    return calls;
  }

  /** True when a file's module calls differ from what the caller index was built from. */
  private callsChanged(file: string): boolean {
    const before = this.fileCalls.get(file);
    if (!before)
      return this.callersByChild !== undefined && /\bmodule\b/.test(this.documents.get(file)?.text ?? this.readFromHost(file) ?? '');
    const after = this.callsOf(file);
    return JSON.stringify(before.calls) !== JSON.stringify(after);
  }

  /** The analysis unit of a root module folder (cached until a file it read changes). */
  private unit(root: string, options: AnalysisOptions, key: string | undefined): AnalysisUnit {
    const cached = this.units.get(root);
    if (cached && key !== undefined && cached.key === key) return cached;
    const recording = { reads: new Set<string>(), listedDirs: new Set<string>() };
    const previous = this.recording;
    this.recording = recording;
    try {
      const loader: ModuleLoader = {
        files: (dir) => this.moduleSources(dir),
        resolve: (caller, _call, source, keyPath) => this.resolveModuleSource(caller, source, keyPath),
      };
      const sources = this.moduleSources(root);
      const module = new TerraformModule(root, sources.files, this.variableInputs(root, options), { loader, lazy: sources.lazy });
      const lock = this.lockFile(root);
      const versions = providerVersions(module, lock);
      const model = buildTerraformModel(module, versions, { network: options.kubernetes?.network });
      const unavailableCalls = new Map<ConfigBlock, string>();
      for (const instance of module.allModules()) {
        for (const call of instance.calls.values()) {
          const reason = instance.unavailableReason(call.name);
          if (reason) unavailableCalls.set(call.block, reason);
        }
      }
      const stoppedAt = module.tree.stoppedAt;
      if (stoppedAt)
        this.host.log?.(
          `elb-lens: ${root}: ${stoppedAt} and later module calls are not followed: more than ${MAX_MODULE_INSTANCES} module instances (nested count or for_each); the rest is analysed`,
        );
      const reported = [...this.runRules(model), ...versionProblemFindings(versions.problems, this.docsBase)];
      const unit: AnalysisUnit = {
        root,
        key: key ?? '',
        model,
        reported,
        unavailableCalls,
        ...recording,
        ...(lock ? { lockFile: lock.file } : {}),
      };
      if (key !== undefined) this.units.set(root, unit);
      return unit;
    } finally {
      this.recording = previous;
    }
  }

  /**
   * A module folder's files: parsed up front when a cheap scan of their text finds something
   * that can matter (an ELB-related resource type, a module call, a suppression comment;
   * open documents and `.tf.json` always), the others only when the module looks up a
   * declaration they may hold (see DeclarationSource). Nothing a skipped file could declare
   * is ever missed: the lookup is by the declared name's text.
   */
  private moduleSources(dir: string): { files: ConfigFile[]; lazy?: DeclarationSource; deferred: string[] } {
    const files: ConfigFile[] = [];
    const deferred: { path: string; text: string }[] = [];
    for (const filePath of this.terraformPaths(dir)) {
      const doc = this.documents.get(filePath);
      const text = doc?.text ?? this.readFromHost(filePath);
      if (text === undefined) {
        this.logSkipped(filePath, 'it cannot be read (gone, unreadable, binary or too large)');
        continue;
      }
      if (!this.prescan || doc || isTerraformJsonName(filePath) || isOverrideFile(filePath) || this.mayMatter(filePath, text)) {
        const file = this.configFile(filePath);
        if (file) files.push(file);
      } else if (text.length > MAX_FILE_CHARS || looksBinary(text) || hasOverlongLine(text)) {
        // Never parsed either way: say so once, as for the files that are parsed.
        this.parseText(filePath, text);
      } else deferred.push({ path: filePath, text });
    }
    for (const d of deferred) this.unparsed.add(d.path);
    if (deferred.length === 0) return { files, deferred: [] };
    const lazy: DeclarationSource = {
      filesDeclaring: (kind, name) => {
        const word = new RegExp(`(^|[^\\w-])${escapeRegExp(name)}($|[^\\w-])`);
        const found: ConfigFile[] = [];
        for (const candidate of deferred) {
          if (!DECLARATION_WORD[kind].test(candidate.text) || !word.test(candidate.text)) continue;
          const file = this.configFile(candidate.path);
          if (file) {
            found.push(file);
            this.unparsed.delete(candidate.path);
          }
        }
        return found;
      },
    };
    return { files, lazy, deferred: deferred.map((d) => d.path) };
  }

  /** The `.tf`/`.tf.json` (and OpenTofu `.tofu`/`.tofu.json`) files of a folder, with open documents. */
  private terraformPaths(dir: string): string[] {
    this.recording?.listedDirs.add(dir);
    const names = new Set(this.listDirectory(dir).filter((n) => isTerraformFile(n)));
    for (const open of this.documents.keys()) if (path.dirname(open) === dir && isTerraformFile(open)) names.add(path.basename(open));
    // OpenTofu: x.tofu replaces x.tf in the same folder.
    return moduleFileNames([...names].sort()).map((n) => path.join(dir, n));
  }

  /** A folder's entries, listed once until the host reports a change in it (not on every keystroke). */
  private listDirectory(dir: string): string[] {
    let names = this.listings.get(dir);
    if (!names) {
      try {
        names = this.host.readDirectory(dir);
      } catch {
        names = [];
      }
      this.listings.set(dir, names);
    }
    return names;
  }

  /** The byte scan, once per text of a file (an open document is scanned again only when it changes). */
  private mayMatter(filePath: string, text: string): boolean {
    const cached = this.scans.get(filePath);
    if (cached?.text === text) return cached.matters;
    const matters = MAY_MATTER.test(text);
    this.scans.set(filePath, { text, matters });
    return matters;
  }

  /** The `.terraform.lock.hcl` of a root module folder, parsed (every block read). */
  private lockFile(dir: string): LockFile | undefined {
    const file = path.join(dir, LOCK_FILE_NAME);
    this.recording?.reads.add(file);
    const text = this.documents.get(file)?.text ?? this.readFromHost(file);
    if (text === undefined || text.length > MAX_FILE_CHARS) return undefined;
    try {
      return parseLockFile(this.parser, file, text);
    } catch {
      return undefined; // never stops the analysis: the versions come from elsewhere
    }
  }

  /**
   * Where a module call's code is: `.terraform/modules/modules.json` of the root module (what
   * `terraform init` downloaded or linked), else a local path; registry and git sources
   * without modules.json are not available.
   */
  private resolveModuleSource(caller: TerraformModule, source: string | undefined, keyPath: string[]): ModuleSource {
    let root: TerraformModule = caller;
    while (root.parent) root = root.parent.module;
    const manifest = this.modulesManifest(root.dir);
    const entry = manifest?.get(keyPath.join('.'));
    if (entry !== undefined) {
      const dir = path.resolve(root.dir, entry);
      return { dir, downloaded: /(^|[\\/])\.terraform[\\/]/.test(path.relative(root.dir, dir)) };
    }
    if (source === undefined) return { unavailable: 'its source is not a plain string' };
    if (isLocalSource(source)) return { dir: path.resolve(caller.dir, source), downloaded: caller.downloaded };
    return { unavailable: `module source "${source}" not downloaded: run terraform init` };
  }

  /** Key (`web.db`) → folder, from `.terraform/modules/modules.json`; undefined when there is none. */
  private modulesManifest(rootDir: string): Map<string, string> | undefined {
    const file = path.join(rootDir, '.terraform', 'modules', 'modules.json');
    const text = this.readFromHost(file);
    if (text === undefined) return undefined;
    try {
      const parsed = JSON.parse(text) as { Modules?: { Key?: unknown; Dir?: unknown }[] };
      const map = new Map<string, string>();
      for (const m of parsed.Modules ?? []) if (typeof m.Key === 'string' && m.Key && typeof m.Dir === 'string') map.set(m.Key, m.Dir);
      return map;
    } catch {
      return undefined;
    }
  }

  /** The ELB JSON files of a folder: one model, linked by id across the files; cached apart from the Terraform module. */
  private jsonAnalysis(filePath: string): ModuleAnalysis {
    const cacheKey = unitKey(filePath, 'elb-json');
    const cached = this.modules.get(cacheKey);
    if (cached) return cached;
    const files = this.moduleFiles(filePath)
      .map((p) => this.configFile(p))
      .filter((f): f is ConfigFile => f !== undefined);
    const model = buildElbJsonModel(files);
    const reported = this.runRules(model);
    const analysis: ModuleAnalysis = { key: '', model, files, rawFindings: mergeInstanceFindings(reported), reported };
    this.modules.set(cacheKey, analysis);
    return analysis;
  }

  /**
   * A file that kustomize overlays or Helm charts read: their findings (moved to the files that
   * set the values), for every file they are in. Undefined when no overlay or chart reads it.
   */
  private renderedAnalysis(filePath: string, options: AnalysisOptions): ModuleAnalysis | undefined {
    const units = this.rendered.unitsFor(filePath, renderOptions(options));
    if (units.length === 0) return undefined;
    const rawFindings = units.flatMap((u) => u.findings);
    const files: ConfigFile[] = [];
    // Open files the units read get their findings too (none left is news to them).
    const openReads = units.flatMap((u) => [...u.reads]).filter((p) => this.documents.has(p));
    for (const file of new Set([filePath, ...rawFindings.map((f) => f.file), ...openReads])) {
      const config = this.configFile(file);
      if (config) files.push(config);
    }
    return { key: '', model: combineModels(units.map((u) => u.model)), files, rawFindings, renderedUnits: units };
  }

  /** A Kubernetes manifest: its Services, analysed on their own; cached per file and cluster network. */
  private kubernetesAnalysis(filePath: string, options: AnalysisOptions): ModuleAnalysis {
    const network = options.kubernetes?.network;
    const key = unitKey(filePath, 'kubernetes');
    const cached = this.modules.get(key);
    if (cached && cached.key === (network ?? '')) return cached;
    const files = [this.configFile(filePath)].filter((f): f is ConfigFile => f !== undefined);
    const model = buildKubernetesModel(files, { network });
    const reported = this.runRules(model);
    const analysis: ModuleAnalysis = { key: network ?? '', model, files, rawFindings: mergeInstanceFindings(reported), reported };
    this.modules.set(key, analysis);
    return analysis;
  }

  private variableInputs(dir: string, options: AnalysisOptions): VariableInput[] {
    const inputs: VariableInput[] = [];
    for (const [name, value] of Object.entries(options.environmentVariables ?? {})) {
      inputs.push({ name, value, source: `the environment variable TF_VAR_${name}` });
    }
    const names = this.listDirectory(dir).filter(isTfvarsFile);
    // Terraform's order: terraform.tfvars, terraform.tfvars.json, then *.auto.tfvars* by name.
    const ordered = [
      ...names.filter((n) => n === 'terraform.tfvars'),
      ...names.filter((n) => n === 'terraform.tfvars.json'),
      ...names.filter((n) => n.includes('.auto.tfvars')).sort(),
    ];
    const files = [...ordered.map((n) => path.join(dir, n)), ...(options.varFiles ?? [])];
    for (const file of files) inputs.push(...this.readTfvars(file));
    for (const [name, value] of Object.entries(options.variables ?? {})) {
      inputs.push({ name, value: toValue(value), source: 'a value given to ELB Lens' });
    }
    return inputs;
  }

  private readTfvars(filePath: string): VariableInput[] {
    this.recording?.reads.add(filePath);
    const text = this.documents.get(filePath)?.text ?? this.readFromHost(filePath);
    if (text === undefined || text.length > MAX_FILE_CHARS) return [];
    const source = path.basename(filePath);
    if (filePath.endsWith('.json')) {
      try {
        const parsed: unknown = JSON.parse(text);
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return [];
        return Object.entries(parsed as Record<string, unknown>).map(([name, value]) => ({ name, value: toValue(value), source }));
      } catch {
        return [];
      }
    }
    const config = this.parseText(filePath, text);
    if (!config) return [];
    // tfvars values are constants: evaluate them in an empty module.
    const empty = new TerraformModule(path.dirname(filePath), [], []);
    return tfvarsInputs(config, (expr) => empty.evaluate(expr));
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

/** YAML and JSON files (patches, values, templates, manifests) and `Kustomization` can feed an overlay or chart. */
function mayFeedRendering(filePath: string): boolean {
  return isYamlFileName(filePath) || isJsonFileName(filePath) || path.basename(filePath) === 'Kustomization';
}

function renderOptions(options: AnalysisOptions): RenderOptions {
  return { network: options.kubernetes?.network, valueFiles: options.kubernetes?.helm?.valueFiles ?? [] };
}

/** The file that stands for a rendered unit (its kustomization file or Chart.yaml). */
function unitFile(unit: RenderedUnit): string {
  if (unit.kind === 'helm') return path.join(unit.root, 'Chart.yaml');
  return (
    [...unit.reads].find((p) => path.dirname(p) === unit.root && /^(kustomization\.ya?ml|Kustomization)$/.test(path.basename(p))) ??
    path.join(unit.root, 'kustomization.yaml')
  );
}

function toValue(value: unknown): Value {
  if (value === undefined) return new Unknown('no value');
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'object') return value as KnownValue;
  return new Unknown('unsupported value');
}

/** `./x`, `../x` (Terraform's local paths; also a bare `.`/`..`). */
function isLocalSource(source: string): boolean {
  return (
    source === '.' ||
    source === '..' ||
    source.startsWith('./') ||
    source.startsWith('../') ||
    source.startsWith('.\\') ||
    source.startsWith('..\\')
  );
}

/** One model over several units' models (a folder reached from several root modules). */
function combineModels(models: ElbModel[]): ElbModel {
  if (models.length === 1) return models[0];
  // Several root modules reach the folder (or none: an empty model).
  return {
    loadBalancers: models.flatMap((m) => m.loadBalancers),
    listeners: models.flatMap((m) => m.listeners),
    pools: models.flatMap((m) => m.pools),
    members: models.flatMap((m) => m.members),
    instances: models.flatMap((m) => m.instances),
    ipGroups: models.flatMap((m) => m.ipGroups),
    unrecognized: models.flatMap((m) => m.unrecognized ?? []),
    nodeForBlock: (block) => {
      for (const m of models) {
        const node = m.nodeForBlock(block);
        if (node) return node;
      }
      return undefined;
    },
  };
}

/**
 * Text that can make a Terraform file matter (a superset, checked before parsing): resource
 * types of the provider tables and EIPs (their names contain these), module calls, and
 * suppression comments.
 */
const MAY_MATTER =
  /_e?lb_|compute_instance|secgroup|eip|floatingip|bandwidth|kubernetes_service|\bmodule\b|required_providers|elb-lens-ignore/;

/** The block keyword each kind of declaration needs. */
const DECLARATION_WORD: Record<DeclarationKind, RegExp> = {
  variable: /\bvariable\b/,
  local: /\blocals\b/,
  output: /\boutput\b/,
};

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
