import type { MessagePort } from 'worker_threads';

/**
 * What the language server's main thread (router.ts) and its analysis threads
 * (analysisWorker.ts) tell each other besides LSP: which unit a thread is analysing (so that
 * a thread that dies or hangs is known to have died on it), which units not to analyse, and
 * a shared counter that cancels an analysis an edit superseded.
 */

/** Marks the bundle's `workerData` as an analysis thread's. */
export const ANALYSIS_WORKER_MARK = 'elb-lens-analysis-worker';

/** A unit not analysed again until one of its files changes: it ended the thread that analysed it. */
export interface QuarantinedUnit {
  /** The unit's key (ElbLensService.unitOf). */
  unit: string;
  /** The file whose analysis it was. */
  path: string;
  /** What happened, for the finding and the log ("it ran out of memory …"). */
  reason: string;
}

export interface AnalysisWorkerData {
  [ANALYSIS_WORKER_MARK]: true;
  /** The LSP connection to the main thread (the thread's parentPort carries the messages below). */
  lsp: MessagePort;
  /** Int32 [0]: bumped by the main thread when an edit supersedes what the thread is analysing. */
  cancel: SharedArrayBuffer;
  quarantined: QuarantinedUnit[];
}

/** From an analysis thread to the main thread, on its parentPort (synchronous: sent before a long analysis starts). */
export type WorkerReport =
  | { type: 'busy'; path: string; unit: string | undefined; seconds: number }
  | { type: 'idle' }
  /** A quarantined unit's file changed: it is analysed again. */
  | { type: 'released'; unit: string };
