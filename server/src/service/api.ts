import type { Finding, Fix, HoverResult, InlayHint, Position, Range } from '../core/types';
import type { TextChange } from '../core/host';
import type { AnalysisOptions } from '../core/options';
import type { ElbModel } from '../model/elb';
import type { ReportedFinding } from '../rules/support/instanceFindings';

export interface FixForFinding {
  finding: Finding;
  fix: Fix;
}

/**
 * One ELB model as analysed, with the findings about each of its nodes: a root module with the
 * module instances it calls, or a folder of ELB API JSON (or a plan, built by its host).
 */
export interface ModelView {
  /** The root module's folder, the folder of the ELB JSON files, or the plan file. */
  root: string;
  source: 'terraform' | 'elb-json' | 'kubernetes' | 'plan';
  model: ElbModel;
  /**
   * Each instance's own findings with the node they are about, as shown: rule settings and
   * inline suppressions applied, related locations of the callers added.
   */
  findings: ReportedFinding[];
}

export interface ElbLensService {
  /** True for files the service analyses (`.tf`, `.tf.json`, ELB API JSON, Kubernetes manifests). */
  isSupportedFile(filePath: string): boolean;
  /**
   * The key of the analysis unit the file belongs to (project/units.ts): files with equal keys
   * are analysed together. Undefined for files the service does not analyse.
   */
  unitOf(filePath: string): string | undefined;
  /** Open documents override what the host reads from disk. */
  openDocument(filePath: string, text: string): void;
  /** Applies incremental changes (LSP order) to an open document. */
  updateDocument(filePath: string, changes: TextChange[]): void;
  closeDocument(filePath: string): void;
  /**
   * The workspace's Terraform files (`.tf`, `.tf.json`): module folders called from them by a
   * local `source` are judged through their callers. Open documents count without being listed.
   */
  setWorkspaceFiles(files: Iterable<string>): void;
  /**
   * The kustomize overlays and Helm charts of the workspace that are judged by themselves (a
   * base that an overlay includes is judged through it): the kustomization file or Chart.yaml
   * of each, with the files and folders it read. `analyzeModule` of one gives its findings,
   * in the files that set the values.
   */
  renderedRoots(options?: AnalysisOptions): { file: string; reads: string[] }[];
  /**
   * Reads ahead the module calls of some workspace files (what the caller index is built from,
   * cached until a file changes), so that a host can spread that work over time: the language
   * server does it a slice at a time, with a progress report the user can cancel.
   */
  readModuleCalls(files: Iterable<string>): void;
  /**
   * True when callers the service has not been told about (closed files beyond
   * `setWorkspaceFiles`) could change the findings of the file's folder, so a host that lists
   * the workspace only when needed must list it before it shows them: a Terraform folder that
   * declares a variable (a caller may set it), or that has a finding as it stands, suppressed
   * or not (a caller may remove it: `count = 0` on the call, the root's provider versions), or,
   * with `reportUnusedIgnores`, a suppression comment (a caller may give it something to
   * suppress). False for ELB JSON and Kubernetes manifests, and for a Terraform folder with none
   * of these. Cheap enough to ask before every analysis (the answers are cached).
   */
  callersMatter(filePath: string, options?: AnalysisOptions): boolean;
  /** Child folder → calling folders (local `source` paths), as built from the workspace files. */
  callerIndex(): Record<string, string[]>;
  /**
   * The same over some files only (their texts stay read): the CLI's threads each scan a
   * part of the workspace, and the parts together make the caller index.
   */
  callerIndexOf(files: Iterable<string>): Record<string, string[]>;
  /**
   * Takes a caller index another service built over the same workspace files (the CLI's
   * worker threads), instead of reading every file again. Dropped like a built one when a
   * file's module calls change.
   */
  useCallerIndex(index: Record<string, string[]>): void;
  /**
   * Counters for verbose output: Terraform files a cheap scan showed cannot matter, left
   * unparsed (their paths too: the CLI's threads count the union).
   */
  stats(): { unparsedTerraformFiles: number; unparsedTerraformPaths: string[] };
  /** Tells the service a file changed, appeared or vanished on disk. */
  fileChanged(filePath: string): void;
  /** The text the service currently sees for a file. */
  documentText(filePath: string): string | undefined;
  /** The files analysed together with `filePath` (its Terraform module / JSON folder). */
  moduleFiles(filePath: string): string[];
  /** Findings for one file (analysing its whole module). */
  analyzeFile(filePath: string, options?: AnalysisOptions): Finding[];
  /** Findings for every file of the module of `filePath`, keyed by file path. */
  analyzeModule(filePath: string, options?: AnalysisOptions): Map<string, Finding[]>;
  hover(filePath: string, position: Position, options?: AnalysisOptions): HoverResult | undefined;
  /** Fixes of the findings that touch `range`. */
  fixes(filePath: string, range: Range, options?: AnalysisOptions): FixForFinding[];
  /** A fix that inserts an `elb-lens-ignore` comment for this finding. */
  suppressionFix(finding: Finding): Fix | undefined;
  inlayHints(filePath: string, range: Range | undefined, options?: AnalysisOptions): InlayHint[];
  /**
   * The models the findings of `filePath`'s module come from, with their findings per node:
   * one per root module whose tree reaches the folder (Terraform), or the folder's ELB JSON.
   * The client-IP map is drawn from them.
   */
  models(filePath: string, options?: AnalysisOptions): ModelView[];
}
