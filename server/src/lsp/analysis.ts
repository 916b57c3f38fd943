import type { TextChange } from '../core/host';
import type { AnalysisOptions } from '../core/options';
import type { Finding } from '../core/types';
import type { ElbLensService } from '../service/api';

/** Findings per file of one analysis unit, keyed by path. */
export type FindingsByFile = ReadonlyMap<string, readonly Finding[]>;

/**
 * The one seam between the language server and the analyses it publishes as diagnostics:
 * everything that changes what an analysis sees (documents, files on disk, the workspace
 * listing, module calls read ahead) and the analysis itself go through here. The scheduler
 * (open documents, workspace scope) asks `analyzeModule` and nothing else; requests (hover,
 * fixes, inlay hints, the map) ask the service directly, as they are answered from what the
 * analysis cached.
 *
 * `inThreadAnalysis` runs it on the server's thread (the browser always does); an
 * implementation that runs it in a worker keeps the same contract: answers come back as
 * promises, and what changed is told in order before the analysis that must see it.
 */
export interface Analysis {
  documentOpened(filePath: string, text: string): void;
  /** Incremental changes of an open document, in LSP order. */
  documentChanged(filePath: string, changes: TextChange[]): void;
  documentClosed(filePath: string): void;
  /** A file changed, appeared or vanished on disk, or which files are ELB JSON may have changed. */
  fileChanged(filePath: string): void;
  /** The workspace's listed files (Terraform, tfvars, YAML): callers of module folders are found among them. */
  workspaceFilesChanged(files: ReadonlySet<string>): void;
  /** Reads the module calls of some workspace files ahead (the workspace listing does it a slice at a time). */
  readModuleCalls(files: readonly string[]): void;
  /** Findings for every file of the analysis unit of `filePath`. */
  analyzeModule(filePath: string, options: AnalysisOptions): Promise<FindingsByFile>;
}

/** The analysis on the server's own thread, through the service that answers requests too. */
export function inThreadAnalysis(service: ElbLensService): Analysis {
  return {
    documentOpened: (filePath, text) => service.openDocument(filePath, text),
    documentChanged: (filePath, changes) => service.updateDocument(filePath, changes),
    documentClosed: (filePath) => service.closeDocument(filePath),
    fileChanged: (filePath) => service.fileChanged(filePath),
    workspaceFilesChanged: (files) => service.setWorkspaceFiles(files),
    readModuleCalls: (files) => service.readModuleCalls(files),
    analyzeModule: (filePath, options) => Promise.resolve(service.analyzeModule(filePath, options)),
  };
}

/** The loaded core: the service for requests, and the analysis seam. */
export interface Core {
  readonly service: ElbLensService;
  readonly analysis: Analysis;
}

/**
 * The core while it loads (its WebAssembly parser): `ready` resolves once it is loaded, or to
 * undefined when it failed to start; events wait for it in order. `current` is it once loaded.
 */
export class CoreLoader {
  current: Core | undefined;
  ready: Promise<Core | undefined> = Promise.resolve(undefined);

  load(create: () => Promise<Core | undefined>): void {
    this.ready = create().then((core) => (this.current = core));
  }
}
