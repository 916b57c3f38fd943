import * as path from 'path';
import { MessageChannel, Worker } from 'worker_threads';
import {
  createMessageConnection,
  PortMessageReader,
  PortMessageWriter,
  type CancellationToken,
  type MessageConnection,
} from 'vscode-languageserver/node';
import type { ServerStatus } from './status';
import { ANALYSIS_WORKER_MARK, type AnalysisWorkerData, type QuarantinedUnit, type WorkerReport } from './workerProtocol';

/**
 * The main thread's handle on one analysis thread (analysisWorker.ts): the thread, its LSP
 * connection, what it is analysing right now, and what it registered with the client (taken
 * back if it dies).
 */

/** What a thread is analysing, since when, and how long its budget lets it take. */
export interface BusyWith {
  path: string;
  unit: string | undefined;
  seconds: number;
  since: number;
  /** One of its folder's documents was edited since: the text it hangs on is no longer the one open. */
  superseded?: boolean;
}

export interface ThreadEvents {
  /** A request of the thread's server to the client (configuration, registrations, progress). */
  request(thread: AnalysisThread, method: string, params: unknown, token: CancellationToken): Promise<unknown>;
  /** A notification of the thread's server to the client (diagnostics, log, status). */
  notification(thread: AnalysisThread, method: string, params: unknown): void;
  /** The thread ended without being asked to: `busy` is what it was analysing then. */
  died(thread: AnalysisThread, reason: string, busy: BusyWith | undefined): void;
  /** A unit the thread refused changed and is analysed again. */
  released(unit: string): void;
}

export class AnalysisThread {
  readonly connection: MessageConnection;
  busy: BusyWith | undefined;
  /** Client registrations made by this thread's server, id → method. */
  readonly registrations = new Map<string, string>();
  /** The last `elbLens/status` its server sent. */
  status: ServerStatus | undefined;
  private readonly worker: Worker;
  private readonly cancel: Int32Array;
  private ending = false;
  /** Why the main thread ended it, when it hung. */
  private hung: string | undefined;

  constructor(
    script: string,
    /** The workspace folder it serves; undefined: documents outside every folder (or no folder at all). */
    readonly folder: string | undefined,
    quarantined: QuarantinedUnit[],
    readonly heapMb: number,
    events: ThreadEvents,
  ) {
    const channel = new MessageChannel();
    const cancel = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
    this.cancel = new Int32Array(cancel);
    const data: AnalysisWorkerData = { [ANALYSIS_WORKER_MARK]: true, lsp: channel.port2, cancel, quarantined };
    this.worker = new Worker(script, {
      workerData: data,
      transferList: [channel.port2],
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
    });
    this.connection = createMessageConnection(new PortMessageReader(channel.port1), new PortMessageWriter(channel.port1));
    this.connection.onRequest((method, params, token) => events.request(this, method, params, token));
    this.connection.onNotification((method, params) => events.notification(this, method, params));
    // Work-done progress is not a plain notification to the library: passed on as one.
    this.connection.onUnhandledProgress((params) => events.notification(this, '$/progress', params));
    this.connection.listen();
    this.worker.on('message', (report: WorkerReport) => {
      if (report.type === 'busy') this.busy = { path: report.path, unit: report.unit, seconds: report.seconds, since: Date.now() };
      else if (report.type === 'idle') this.busy = undefined;
      else events.released(report.unit);
    });
    let failure: Error | undefined;
    this.worker.once('error', (error) => (failure = error));
    this.worker.once('exit', (code) => {
      this.connection.dispose();
      channel.port1.close();
      if (!this.ending) events.died(this, this.reason(failure, code), this.busy);
    });
  }

  /** An edit of `filePath`: an analysis of its folder under way is dropped at its next checkpoint. */
  supersede(filePath: string): void {
    if (this.busy && path.dirname(this.busy.path) === path.dirname(filePath)) {
      Atomics.add(this.cancel, 0, 1);
      this.busy.superseded = true;
    }
  }

  /** Ends the thread on purpose (shut down, folder removed, or hung: then `died` follows with `reason`). */
  async end(reason?: string): Promise<void> {
    if (reason !== undefined) this.hung = reason;
    else this.ending = true;
    await this.worker.terminate();
  }

  private reason(failure: Error | undefined, code: number): string {
    if (this.hung !== undefined) return this.hung;
    if ((failure as NodeJS.ErrnoException | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
      return `it ran out of memory and ended its analysis thread (which may use ${this.heapMb} MB)`;
    }
    return `its analysis thread ended (${failure ? failure.message : `exit code ${code}`})`;
  }
}
