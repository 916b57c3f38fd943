import * as path from 'path';
import { FileChangeType, type Connection, type WorkDoneProgressServerReporter } from 'vscode-languageserver';
import { classify, kindByName, matchesScopes, mayHoldKubernetes, type FileKind } from '../project';
import type { Analysis, CoreLoader } from './analysis';
import type { ServerConfiguration } from './configuration';
import type { WorkspaceFolders } from './documents';
import { describe, type ServerLog } from './log';
import type { ServerPlatform } from './platform';
import { DEFAULT_SETTINGS } from './settings';

/** How long the server reads module calls for the index before it lets other messages through. */
const INDEX_SLICE_MS = 20;
/** How long the listing waits for the client to create its progress report before going on without one. */
const PROGRESS_CREATE_TIMEOUT_MS = 5000;

/** The workspace files the index lists (and keeps up to date from file events); YAML and kustomizations too (mayHoldKubernetes: judged by the core when analysed). */
const INDEXED_KINDS: ReadonlySet<FileKind> = new Set(['terraform', 'terraform-json', 'tfvars']);

interface FileEvent {
  filePath: string;
  type: FileChangeType;
}

/** What the index tells the rest of the server. */
export interface IndexEvents {
  /** The listing found these `.elb-lens.json` files. */
  configFilesListed(files: string[]): void;
  /**
   * The listing is in: `judgedBefore` are the open documents analysed before it without
   * waiting for it (callers it found may add findings).
   */
  listed(judgedBefore: string[]): void;
  /** A listing started or ended: the status may change. */
  busyChanged(): void;
}

/**
 * The workspace index: the workspace's Terraform, tfvars and YAML files, listed once needed
 * (with a progress report the user can cancel) and kept up to date from file events; the
 * module calls read from them make the core's caller index. And what an analysis of a
 * document waits for (`settled`): the files it reads, and the listing when callers could
 * change its findings.
 */
export class WorkspaceIndex {
  /** The workspace's Terraform and tfvars files, once listed (see ensureListed); kept up to date from file events. */
  private files = new Set<string>();
  /** The listing of the workspace under way: started when first needed (see `settled`), or at once with scope "workspace". */
  private run: Promise<void> | undefined;
  /** The current workspace folders are listed, or the user cancelled their listing (folders are then judged with the open files). */
  private settledListing = false;
  /** The listing of the current workspace folders completed (not cancelled). */
  private listedOnce = false;
  /** Bumped when the workspace folders change: a listing of the old ones is dropped. */
  private generation = 0;
  /** File events that came while the workspace was being listed: applied to what the listing found. */
  private eventsDuringListing: FileEvent[] | undefined;
  /** Open documents analysed before the listing without waiting for it (callers could not change their findings): checked again once it is in. */
  private readonly judgedBeforeListing = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly platform: ServerPlatform,
    private readonly folders: WorkspaceFolders,
    private readonly configuration: ServerConfiguration,
    private readonly core: CoreLoader,
    private readonly log: ServerLog,
    /** Resolves once `initialized` was handled: what a platform that reads ahead waits for. */
    private readonly initialization: () => Promise<void>,
    private readonly events: IndexEvents,
  ) {}

  /** True for a listed file (a Terraform, tfvars or YAML file of the workspace). */
  has(filePath: string): boolean {
    return this.files.has(filePath);
  }

  /** The listed files, in the order found. */
  listedFiles(): ReadonlySet<string> {
    return this.files;
  }

  /** A listing is under way. */
  busy(): boolean {
    return this.run !== undefined;
  }

  /** A closed document no longer waits to be checked again after the listing. */
  documentClosed(uri: string): void {
    this.judgedBeforeListing.delete(uri);
  }

  /** A created or deleted file (a watched-file event): the listing, or the one under way, follows it. */
  fileEvent(filePath: string, type: FileChangeType): void {
    this.applyFileEvent(this.files, filePath, type);
    this.eventsDuringListing?.push({ filePath, type });
  }

  /**
   * The workspace folders changed: what was listed is for the old ones. True when a listing
   * was needed (done or under way), so it is done again for the new folders; one that was
   * never needed, or was cancelled, waits until a folder needs it.
   */
  foldersChanged(): boolean {
    const listed = this.run !== undefined || this.listedOnce;
    this.generation++;
    this.settledListing = false;
    this.listedOnce = false;
    this.run = undefined;
    return listed;
  }

  /**
   * What an analysis of a document waits for: the files it reads (where they are read ahead),
   * and the workspace listing when callers among the closed files could change its findings
   * (the core says when: `callersMatter`). Until the listing is in, nothing of such a
   * document's analysis is shown, so no finding a caller would remove ever appears; the others
   * are shown at once and checked again once it is in (callers it found may add findings).
   */
  async settled(doc: { path: string; uri: string }): Promise<void> {
    await this.prefetched(doc);
    const service = this.core.current?.service;
    // An untitled document has no folder anyone could call.
    if (this.settledListing || !service || doc.uri.startsWith('untitled:')) return;
    const options = await this.configuration.optionsFor(doc.path, doc.uri);
    if (!options || !service.isSupportedFile(doc.path)) return;
    if (!service.callersMatter(doc.path, options)) {
      this.judgedBeforeListing.add(doc.uri);
      return;
    }
    await this.ensureListed();
    // Callers it found, and their folders, are read now (a browser).
    await this.prefetched(doc);
  }

  /**
   * Where files are read ahead (a browser, whose analysis always runs in-thread): fetches what
   * the document's analysis reads, so that it and what follows it see every file (a file not
   * read yet would look missing, and could make a finding that is not there).
   */
  private async prefetched(doc: { path: string; uri: string }): Promise<void> {
    if (!this.platform.readsAhead) return;
    await this.initialization();
    await this.platform.prefetch(async () => {
      const options = await this.configuration.optionsFor(doc.path, doc.uri);
      const service = this.core.current?.service;
      if (options && service?.isSupportedFile(doc.path)) service.analyzeModule(doc.path, options);
    });
  }

  /**
   * Resolves once the workspace folders are listed (or their listing was cancelled), starting
   * the listing when none is under way. Never rejects.
   */
  async ensureListed(): Promise<void> {
    // A listing of folders that changed meanwhile ends unsettled: the new folders' is awaited then.
    while (!this.settledListing) {
      if (!this.run) {
        const run = this.listWithProgress(this.generation).finally(() => {
          if (this.run === run) this.run = undefined;
          this.events.busyChanged();
        });
        this.run = run;
        this.events.busyChanged();
      }
      await this.run;
    }
  }

  /**
   * Lists the workspace (see listWorkspace) with a progress report the user can cancel.
   * Cancelled, the open files are all there is, as before any listing. Never rejects: a failure
   * is logged and counts as a cancellation.
   */
  private async listWithProgress(generation: number): Promise<void> {
    const core = await this.core.ready;
    if (!core || this.folders.paths.length === 0) {
      if (generation === this.generation) this.settledListing = true;
      return;
    }
    // Documents wait for the listing: a client that never answers gets no progress, not a stuck server.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const progress = await Promise.race([
      this.connection.window.createWorkDoneProgress().catch(() => undefined),
      new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), PROGRESS_CREATE_TIMEOUT_MS))),
    ]);
    clearTimeout(timer);
    const stale = () => generation !== this.generation;
    const cancelled = () => stale() || progress?.token.isCancellationRequested === true;
    const events: FileEvent[] = [];
    this.eventsDuringListing = events;
    let outcome: 'listed' | 'cancelled' | 'failed';
    try {
      progress?.begin('ELB Lens', 0, 'Listing Terraform files', true);
      outcome = (await this.listWorkspace(core.analysis, events, progress, cancelled)) ? 'listed' : 'cancelled';
    } catch (error) {
      this.log.error(`elb-lens: listing the workspace failed: ${describe(error)}`);
      outcome = 'failed';
    } finally {
      if (this.eventsDuringListing === events) this.eventsDuringListing = undefined;
      progress?.done();
    }
    // The folders changed meanwhile: their own listing follows (ensureListed).
    if (stale()) return;
    this.settledListing = true;
    this.listedOnce = outcome === 'listed';
    const judgedBefore = [...this.judgedBeforeListing];
    this.judgedBeforeListing.clear();
    if (outcome !== 'listed') {
      if (outcome === 'cancelled') {
        this.log.warnOnce(
          'elb-lens: indexing the workspace was cancelled: module folders are judged with the open files only (callers among closed files are not looked for) until the workspace folders change.',
        );
      }
      return;
    }
    this.events.listed(judgedBefore);
  }

  /**
   * Lists the workspace's Terraform files (and `.elb-lens.json` files), reads their module
   * calls a slice at a time (the caller index of module folders is built from them) and hands
   * them to the core. False when cancelled: nothing is changed then.
   */
  private async listWorkspace(
    analysis: Analysis,
    events: readonly FileEvent[],
    progress: WorkDoneProgressServerReporter | undefined,
    cancelled: () => boolean,
  ): Promise<boolean> {
    const folders = [...this.folders.paths];
    const files = await this.platform.listFiles(folders, cancelled);
    // A cancellation sent while the folders were walked (synchronously, on Node) arrives now.
    await nextTurn();
    if (cancelled()) return false;
    const settingsByFolder = await Promise.all(folders.map((f) => this.configuration.settingsFor(this.platform.pathToUri(f))));
    const workspaceFiles = new Set(
      files.filter((file) => {
        if (!INDEXED_KINDS.has(classify(file)) && !mayHoldKubernetes(file)) return false;
        const index = folders.findIndex((f) => file.startsWith(f + path.sep));
        const folder = folders[index];
        const settings = settingsByFolder[index] ?? DEFAULT_SETTINGS;
        return folder === undefined || !matchesScopes([{ base: folder, globs: settings.exclude }], file);
      }),
    );
    const pending = [...workspaceFiles].filter((f) => !mayHoldKubernetes(f));
    const message = `Indexing ${pending.length.toLocaleString('en')} Terraform files`;
    progress?.report(0, message);
    // Read here in slices, between which a cancellation or an edit gets through, rather than
    // all at once by the first analysis that needs them.
    const readCalls = async () => {
      let done = 0;
      while (done < pending.length && !cancelled()) {
        const sliceEnd = Date.now() + INDEX_SLICE_MS;
        while (done < pending.length && Date.now() < sliceEnd) analysis.readModuleCalls([pending[done++]]);
        progress?.report((done / pending.length) * 100, message);
        await nextTurn();
      }
    };
    // In a browser the files come in ahead of the read (any not in yet are fetched, and the read done again).
    if (this.platform.readsAhead) await this.platform.prefetch(readCalls);
    else await readCalls();
    if (cancelled()) return false;
    for (const event of events) this.applyFileEvent(workspaceFiles, event.filePath, event.type);
    this.files = workspaceFiles;
    this.events.configFilesListed(files.filter((file) => kindByName(file) === 'config'));
    analysis.workspaceFilesChanged(this.files);
    return true;
  }

  /** A created or deleted file, in a set of indexed workspace files. */
  private applyFileEvent(files: Set<string>, filePath: string, type: FileChangeType): void {
    const indexed = INDEXED_KINDS.has(classify(filePath)) || mayHoldKubernetes(filePath);
    if (type === FileChangeType.Created && indexed && this.folders.contains(filePath)) files.add(filePath);
    if (type === FileChangeType.Deleted) files.delete(filePath);
  }
}

/** Lets the event loop run (messages, timers) before going on. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
