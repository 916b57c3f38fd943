import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  ErrorCodes,
  ResponseError,
  type CancellationToken,
  type InitializeParams,
  type MessageConnection,
  type WorkspaceFolder,
} from 'vscode-languageserver/node';
import { AnalysisThread, type BusyWith } from './analysisThread';
import { pathToUri, uriToPath } from './fileUris';
import { STATUS_NOTIFICATION, type ServerStatus } from './status';
import type { QuarantinedUnit } from './workerProtocol';

/**
 * The language server's main thread on Node: it speaks LSP with the client and runs no
 * analysis. Each workspace folder has an analysis thread (analysisWorker.ts: the whole server
 * for that folder); documents and requests go to the thread of their folder (documents
 * outside every folder to the first folder's), notifications about settings and files to all.
 * So a folder whose analysis takes long delays no other folder's hover or quick fix, and the
 * main thread sees its client go away whatever a thread is doing.
 *
 * A thread that dies (out of memory) or hangs past twice its unit's budget is started again;
 * the unit it was analysing is not analysed again until one of its files changes (said in
 * the log, the status and a finding on the file).
 */

/** How often the main thread looks for a thread that hangs past its budget. */
const HANG_CHECK_MS = 1000;
/** A thread that dies this often within DEATH_WINDOW_MS is not started again. */
const MAX_DEATHS = 3;
const DEATH_WINDOW_MS = 60_000;
/** A thread may analyse one unit for twice its budget plus this many seconds before it is ended. */
export const DEFAULT_GRACE_SECONDS = 10;

interface OpenDocument {
  document: TextDocument;
  /** The thread (its folder key) that has it open. */
  thread: string;
}

/** Key of the thread for documents outside every folder, when there is no folder. */
const NO_FOLDER = '';

export class LspRouter {
  private readonly threads = new Map<string, AnalysisThread>();
  private folders: (WorkspaceFolder & { path: string })[] = [];
  private readonly documents = new Map<string, OpenDocument>();
  private params: InitializeParams | undefined;
  private initialized = false;
  private shutdown = false;
  private sendsStatus = false;
  private lastStatus = '';
  private readonly quarantined = new Map<string, QuarantinedUnit>();
  private readonly deaths = new Map<string, number[]>();
  /** Folders whose thread died too often: their documents get no analysis until the server restarts. */
  private readonly givenUp = new Map<string, string>();

  constructor(
    private readonly client: MessageConnection,
    private readonly script: string,
    private readonly heapMb: number,
    /** Seconds past twice its budget before a hung thread is ended (ELB_LENS_THREAD_GRACE_SECONDS). */
    private readonly graceSeconds = DEFAULT_GRACE_SECONDS,
  ) {}

  listen(): void {
    const c = this.client;
    c.onRequest('initialize', (params: InitializeParams) => this.initialize(params));
    c.onRequest('shutdown', async () => {
      this.shutdown = true;
      await Promise.all([...this.threads.values()].map((t) => t.connection.sendRequest('shutdown').catch(() => undefined)));
      return null;
    });
    c.onNotification('exit', () => this.exit());
    c.onNotification((method, params) => this.clientNotification(method, params));
    c.onRequest((method, params, token) => this.clientRequest(method, params, token));
    c.onClose(() => this.exit());
    c.listen();
    setInterval(() => this.endHungThreads(), HANG_CHECK_MS).unref();
  }

  /** The client is gone or said exit: the process ends, threads and all. */
  exit(): never {
    process.exit(this.shutdown ? 0 : 1);
  }

  private async initialize(params: InitializeParams): Promise<unknown> {
    this.params = params;
    const init: unknown = params.initializationOptions;
    this.sendsStatus = typeof init === 'object' && init !== null && (init as { status?: unknown }).status === true;
    const given = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: path.basename(params.rootUri) }] : []);
    this.folders = given.flatMap((f) => {
      const folderPath = uriToPath(f.uri);
      return folderPath ? [{ ...f, path: folderPath }] : [];
    });
    // The client's process: when it is gone, so is the server (the main thread is never busy).
    if (typeof params.processId === 'number') this.watchClientProcess(params.processId);
    const keys = this.folders.length > 0 ? this.folders.map((f) => f.path) : [NO_FOLDER];
    const results = await Promise.all(keys.map((key) => this.start(key)));
    return results[0];
  }

  /** Ends the process once the client's process is gone (checked every 3 s). */
  watchClientProcess(processId: number): void {
    setInterval(() => {
      try {
        process.kill(processId, 0);
      } catch {
        this.exit();
      }
    }, 3000).unref();
  }

  /** Starts the thread of a folder: initialize (with that folder alone), then initialized once the client has said it. */
  private async start(key: string): Promise<unknown> {
    const params = this.params!;
    const folder = this.folders.find((f) => f.path === key);
    const thread = new AnalysisThread(this.script, folder?.path, [...this.quarantined.values()], this.heapMb, {
      request: (from, method, p, token) => this.threadRequest(from, method, p, token),
      notification: (from, method, p) => this.threadNotification(from, method, p),
      died: (from, reason, busy) => this.died(key, from, reason, busy),
      released: (unit) => this.released(unit),
    });
    this.threads.set(key, thread);
    this.updateStatus();
    const result = await thread.connection.sendRequest('initialize', {
      ...params,
      // The main thread watches the client's process: a thread must not end the process itself.
      processId: null,
      rootUri: folder ? pathToUri(folder.path) : null,
      rootPath: folder?.path ?? null,
      workspaceFolders: folder ? [{ uri: folder.uri, name: folder.name }] : null,
    });
    if (this.initialized) await thread.connection.sendNotification('initialized', {});
    return result;
  }

  /** The thread key of a document: the innermost workspace folder holding it, else the first folder. */
  private threadKeyOf(uri: string): string {
    const filePath = uriToPath(uri);
    const holding = filePath ? this.folders.filter((f) => filePath.startsWith(f.path + path.sep)) : [];
    const innermost = holding.sort((a, b) => b.path.length - a.path.length)[0];
    return innermost?.path ?? this.folders[0]?.path ?? NO_FOLDER;
  }

  private threadOf(uri: string): AnalysisThread | undefined {
    return this.threads.get(this.documents.get(uri)?.thread ?? this.threadKeyOf(uri));
  }

  private clientNotification(method: string, params: unknown): void {
    const document = (params as { textDocument?: { uri?: string } } | undefined)?.textDocument;
    if (method === 'initialized') this.initialized = true;
    if (method === 'workspace/didChangeWorkspaceFolders') {
      void this.foldersChanged(params as { event: { added: WorkspaceFolder[]; removed: WorkspaceFolder[] } });
      return;
    }
    if (typeof document?.uri !== 'string') {
      for (const thread of this.threads.values()) void thread.connection.sendNotification(method, params);
      return;
    }
    this.track(method, params, document.uri);
    void this.threadOf(document.uri)?.connection.sendNotification(method, params);
  }

  /** Keeps the open documents' texts (a thread started again gets them) and cancels what an edit supersedes. */
  private track(method: string, params: unknown, uri: string): void {
    if (method === 'textDocument/didOpen') {
      const { languageId, version, text } = (params as { textDocument: { languageId: string; version: number; text: string } })
        .textDocument;
      this.documents.set(uri, { document: TextDocument.create(uri, languageId, version, text), thread: this.threadKeyOf(uri) });
      return;
    }
    const open = this.documents.get(uri);
    if (!open) return;
    const filePath = uriToPath(uri);
    if (filePath && (method === 'textDocument/didChange' || method === 'textDocument/didClose'))
      this.threads.get(open.thread)?.supersede(filePath);
    if (method === 'textDocument/didChange') {
      const p = params as { textDocument: { version: number }; contentChanges: Parameters<typeof TextDocument.update>[1] };
      open.document = TextDocument.update(open.document, p.contentChanges, p.textDocument.version);
    } else if (method === 'textDocument/didClose') this.documents.delete(uri);
  }

  private async clientRequest(method: string, params: unknown, token: CancellationToken): Promise<unknown> {
    const uri = (params as { textDocument?: { uri?: unknown } } | undefined)?.textDocument?.uri;
    const thread = typeof uri === 'string' ? this.threadOf(uri) : this.threads.values().next().value;
    if (!thread) {
      const folder = typeof uri === 'string' ? this.threadKeyOf(uri) : '';
      throw new ResponseError(
        ErrorCodes.InternalError,
        `elb-lens: no analysis for ${folder}: ${this.givenUp.get(folder) ?? 'not started'}`,
      );
    }
    return thread.connection.sendRequest(method, params, token);
  }

  private async threadRequest(thread: AnalysisThread, method: string, params: unknown, token: CancellationToken): Promise<unknown> {
    const result = await this.client.sendRequest(method, params, token);
    if (method === 'client/registerCapability') {
      for (const r of (params as { registrations: { id: string; method: string }[] }).registrations)
        thread.registrations.set(r.id, r.method);
    } else if (method === 'client/unregisterCapability') {
      for (const r of (params as { unregisterations: { id: string }[] }).unregisterations) thread.registrations.delete(r.id);
    }
    return result;
  }

  private threadNotification(thread: AnalysisThread, method: string, params: unknown): void {
    if (method === STATUS_NOTIFICATION) {
      thread.status = params as ServerStatus;
      this.updateStatus();
      return;
    }
    void this.client.sendNotification(method, params);
  }

  /** One status for the client: analysing while any thread is; then a unit that ended a thread; then any thread's error. */
  private updateStatus(): void {
    if (!this.sendsStatus) return;
    const statuses = [...this.threads.values()].map((t) => t.status);
    const [quarantined] = this.quarantined.values();
    const [givenUp] = this.givenUp.values();
    let status: ServerStatus;
    if (givenUp !== undefined) status = { state: 'error', message: givenUp };
    else if (statuses.some((s) => s === undefined || s.state === 'analysing')) status = { state: 'analysing' };
    else if (quarantined) status = { state: 'error', message: `${quarantined.path} is not analysed: ${quarantined.reason}` };
    else status = statuses.find((s) => s?.state === 'error') ?? { state: 'ready' };
    const key = JSON.stringify(status);
    if (key === this.lastStatus) return;
    this.lastStatus = key;
    void this.client.sendNotification(STATUS_NOTIFICATION, status);
  }

  private log(type: 1 | 2 | 3, message: string): void {
    void this.client.sendNotification('window/logMessage', { type, message });
  }

  /** A thread ended by itself (or hung): the unit it was on is set aside, and the thread starts again. */
  private died(key: string, thread: AnalysisThread, reason: string, busy: BusyWith | undefined): void {
    if (this.threads.get(key) !== thread) return;
    this.threads.delete(key);
    // Edited while it hung or died: that edit never reached the thread, and the text that ended it is gone.
    if (busy?.unit !== undefined && busy.superseded)
      this.log(1, `elb-lens: the analysis of ${busy.path} stopped: ${reason}. It was edited meanwhile and is analysed again.`);
    else if (busy?.unit !== undefined) {
      this.quarantined.set(busy.unit, { unit: busy.unit, path: busy.path, reason });
      this.log(1, `elb-lens: the analysis of ${busy.path} stopped: ${reason}. It is not analysed again until one of its files changes.`);
    } else this.log(1, `elb-lens: an analysis thread stopped: ${reason}.`);
    // What it registered goes with it; the new thread registers its own.
    const unregisterations = [...thread.registrations].map(([id, method]) => ({ id, method }));
    if (unregisterations.length > 0)
      void this.client.sendRequest('client/unregisterCapability', { unregisterations }).catch(() => undefined);
    const now = Date.now();
    const recent = [...(this.deaths.get(key) ?? []).filter((t) => now - t < DEATH_WINDOW_MS), now];
    this.deaths.set(key, recent);
    if (recent.length >= MAX_DEATHS) {
      this.givenUp.set(
        key,
        `the analysis of ${key || 'files outside the workspace'} stopped ${recent.length} times within a minute; restart the server`,
      );
      this.log(1, `elb-lens: ${this.givenUp.get(key)}`);
      this.updateStatus();
      return;
    }
    void this.start(key).then(() => this.reopen(key));
  }

  /** A thread started again gets the documents it had open, as they are now. */
  private async reopen(key: string): Promise<void> {
    const thread = this.threads.get(key);
    if (!thread) return;
    for (const [uri, open] of this.documents) {
      if (open.thread !== key) continue;
      const { languageId, version } = open.document;
      await thread.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId, version, text: open.document.getText() },
      });
    }
  }

  private released(unit: string): void {
    if (this.quarantined.delete(unit)) this.updateStatus();
  }

  /** Ends a thread that analyses one unit for more than twice its budget (the budget's checkpoints did not stop it). */
  private endHungThreads(): void {
    const now = Date.now();
    for (const thread of this.threads.values()) {
      const busy = thread.busy;
      const limit = busy ? busy.seconds * 2 + this.graceSeconds : Infinity;
      if (busy && now - busy.since > limit * 1000) void thread.end(`it did not stop within ${limit} s`);
    }
  }

  /** Folders added get threads, removed ones lose theirs; open documents move to the thread of their folder. */
  private async foldersChanged(params: { event: { added: WorkspaceFolder[]; removed: WorkspaceFolder[] } }): Promise<void> {
    const removed = new Set(params.event.removed.map((f) => uriToPath(f.uri)));
    this.folders = this.folders.filter((f) => !removed.has(f.path));
    for (const added of params.event.added) {
      const folderPath = uriToPath(added.uri);
      if (folderPath && !this.folders.some((f) => f.path === folderPath)) this.folders.push({ ...added, path: folderPath });
    }
    const wanted = new Set(this.folders.length > 0 ? this.folders.map((f) => f.path) : [NO_FOLDER]);
    await Promise.all([...wanted].filter((key) => !this.threads.has(key) && !this.givenUp.has(key)).map((key) => this.start(key)));
    for (const [uri, open] of this.documents) {
      const key = this.threadKeyOf(uri);
      if (key === open.thread) continue;
      void this.threads.get(open.thread)?.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      open.thread = key;
      const { languageId, version } = open.document;
      void this.threads.get(key)?.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId, version, text: open.document.getText() },
      });
    }
    for (const [key, thread] of this.threads) {
      if (wanted.has(key)) continue;
      this.threads.delete(key);
      void thread.end();
    }
    this.updateStatus();
  }
}
