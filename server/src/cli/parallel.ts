import { Worker, isMainThread, parentPort, workerData } from 'worker_threads';
import type { Finding } from '../core/types';
import type { CheckArgs } from './args';

/**
 * `check --jobs N`: the main thread and N − 1 worker threads, each with its own language
 * service, share two pieces of work through queues of chunks in shared memory: first the scan
 * for module calls (the caller index, over every walked file), then the analysis groups
 * (module folders, ELB JSON folders, plans). Each group's findings and log lines are kept by
 * group index and put together in group order afterwards, so the output does not depend on
 * which thread analysed what.
 */

/** A {@link ChunkQueue} as it crosses to a worker (structured clone; the buffer stays shared). */
export interface QueueShape {
  shared: SharedArrayBuffer;
  items: number;
  chunk: number;
  workers: number;
}

/** What a worker needs to start, before the main thread has classified the files. */
export interface WorkerInit {
  args: CheckArgs;
  cwd: string;
  env: Record<string, string>;
  packageRoot: string;
  /** This worker's number (0-based) in the queues. */
  worker: number;
  /** Every walked file: callers of module folders are looked for among them. */
  workspaceFiles: string[];
  /** The scan of `workspaceFiles` for module calls. */
  scan: QueueShape;
}

/** The groups to analyse, posted to every worker once the main thread has them. */
export interface WorkerTask {
  groups: string[];
  /** Plan texts by path (a plan is a group of its own). */
  plans: Record<string, string>;
  wanted: string[];
  /** The caller index, merged from every thread's part of the scan. */
  callers: Record<string, string[]>;
  analysis: QueueShape;
}

/** The caller index over one chunk of the walked files, and the log lines written meanwhile. */
export interface ScanPart {
  start: number;
  callers: Record<string, string[]>;
  logs: string[];
}

export interface GroupResult {
  index: number;
  findings: Finding[];
  /** Log lines written while the group was analysed (each ending in a newline). */
  logs: string[];
}

export interface ThreadResult {
  groups: GroupResult[];
  /** Terraform files this thread's scan left unparsed (a set across threads, for --verbose). */
  unparsed: string[];
}

type WorkerMessage = { type: 'scanned'; parts: ScanPart[] } | { type: 'started' } | { type: 'result'; result: ThreadResult };

const FRONT = 0;
const BACK = 1;
/** Then one state per worker, then one claim flag per chunk. */
const STATES = 2;
const STARTING = 0;
const RUNNING = 1;
const CLOSED = 2;

/** Chunks small enough to balance (about 8 per thread), of consecutive items so that neighbouring folders share a thread's caches. */
export function chunkSize(items: number, jobs: number): number {
  return Math.max(1, Math.floor(items / (jobs * 8)));
}

/**
 * Items (files to scan, groups to analyse) in chunks, shared by all threads through Atomics
 * (the main thread's synchronous loop needs no messages). The main thread takes chunks from
 * the front, workers from the back: each thread keeps to one end of the list in both the scan
 * and the analysis, so a group's files are mostly read, and stay cached, in the thread that
 * analyses it. Each chunk goes to the thread that wins its claim flag; the ends meet where the
 * work runs out.
 */
export class ChunkQueue {
  private readonly counters: Int32Array;
  readonly chunks: number;

  constructor(readonly shape: QueueShape) {
    this.counters = new Int32Array(shape.shared);
    this.chunks = Math.ceil(shape.items / shape.chunk);
  }

  static create(items: number, chunk: number, workers: number): ChunkQueue {
    const chunks = Math.ceil(items / chunk);
    const shared = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * (STATES + workers + chunks));
    return new ChunkQueue({ shared, items, chunk, workers });
  }

  /** The main thread's next chunk [start, end) of item indices, or undefined when none is left. */
  takeFront(): [number, number] | undefined {
    return this.claim(Atomics.add(this.counters, FRONT, 1));
  }

  /** A worker's next chunk, from the back. */
  takeBack(): [number, number] | undefined {
    return this.claim(this.chunks - 1 - Atomics.add(this.counters, BACK, 1));
  }

  /**
   * A lost claim means the other end already has this chunk, and so every chunk beyond it:
   * nothing is left for this end.
   */
  private claim(chunk: number): [number, number] | undefined {
    if (chunk < 0 || chunk >= this.chunks) return undefined;
    if (Atomics.compareExchange(this.counters, STATES + this.shape.workers + chunk, 0, 1) !== 0) return undefined;
    const start = chunk * this.shape.chunk;
    return [start, Math.min(this.shape.items, start + this.shape.chunk)];
  }

  /** Items handed out so far (for progress; the chunks being claimed count as taken). */
  taken(): number {
    const handed = Atomics.load(this.counters, FRONT) + Atomics.load(this.counters, BACK);
    return Math.min(this.shape.items, handed * this.shape.chunk);
  }

  /** A worker about to take chunks: false when the main thread has closed the queue to it. */
  enter(worker: number): boolean {
    return Atomics.compareExchange(this.counters, STATES + worker, STARTING, RUNNING) === STARTING;
  }

  /** Once the main thread found nothing left: true when the worker never entered, which then never will. */
  close(worker: number): boolean {
    return Atomics.compareExchange(this.counters, STATES + worker, STARTING, CLOSED) === STARTING;
  }
}

const WORKER_MARK = 'elb-lens-check-worker';

/** Settles with one kind of message from a worker, or with its failure. */
interface Waiter<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: Error): void;
}

function waiter<T>(): Waiter<T> {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Read only when needed (a worker closed out of the scan never answers it).
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

interface RunningWorker {
  worker: Worker;
  scanned: Waiter<ScanPart[]>;
  started: Waiter<void>;
  result: Waiter<ThreadResult>;
  /** Set when the main thread ends the worker on purpose (its exit is then no error). */
  ending: boolean;
}

/**
 * The worker threads of one check, started as soon as the walk is done, so that their
 * start-up (the bundle, the WebAssembly parser) overlaps the main thread's classifying; each
 * joins the scan for module calls when it is ready, and the analysis when {@link run} hands it
 * the groups.
 */
export class CheckWorkers {
  readonly scan: ChunkQueue;
  private readonly running: RunningWorker[];

  constructor(script: string, count: number, init: Omit<WorkerInit, 'worker' | 'scan'>, jobs: number) {
    this.scan = ChunkQueue.create(init.workspaceFiles.length, chunkSize(init.workspaceFiles.length, jobs), count);
    this.running = Array.from({ length: count }, (_, worker) => this.spawn(script, { ...init, worker, scan: this.scan.shape }));
  }

  get count(): number {
    return this.running.length;
  }

  private spawn(script: string, init: WorkerInit): RunningWorker {
    const worker = new Worker(script, { workerData: { [WORKER_MARK]: true, init } });
    const running: RunningWorker = { worker, scanned: waiter(), started: waiter(), result: waiter(), ending: false };
    // A failure (or an exit before the result) settles whatever is still waited for; the
    // barrier of started() just opens, finish() reports the error.
    const fail = (error: Error) => {
      running.started.resolve();
      if (running.ending) return;
      running.scanned.reject(error);
      running.result.reject(error);
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'scanned') running.scanned.resolve(message.parts);
      else if (message.type === 'started') running.started.resolve();
      else {
        running.started.resolve();
        running.result.resolve(message.result);
      }
    });
    worker.once('error', fail);
    worker.once('exit', (code) => fail(new Error(`a check worker exited with code ${code} before reporting`)));
    return running;
  }

  /**
   * The parts of the caller index the workers scanned, once the main thread found no chunk
   * left: a worker that never joined the scan is closed out of it and not waited for.
   */
  async scanned(): Promise<ScanPart[]> {
    const parts = await Promise.all(this.running.map((r, w) => (this.scan.close(w) ? [] : r.scanned.promise)));
    return parts.flat();
  }

  /** Hands every worker the groups; each starts taking chunks as soon as it is ready. */
  run(task: WorkerTask): void {
    for (const { worker } of this.running) worker.postMessage(task);
  }

  /** Settles when every worker has taken its first chunk (tests: so that each takes part). */
  async started(): Promise<void> {
    await Promise.all(this.running.map((r) => r.started.promise));
  }

  /**
   * Once the main thread found the analysis queue empty: workers that never entered it are
   * closed and ended (not waited for: still starting, they would only find nothing to do);
   * the others' results are awaited. Index i of the answer is worker i's, empty if closed.
   */
  async finish(queue: ChunkQueue): Promise<ThreadResult[]> {
    return Promise.all(
      this.running.map(async (running, w): Promise<ThreadResult> => {
        if (!queue.close(w)) return running.result.promise;
        running.ending = true;
        void running.worker.terminate();
        return { groups: [], unparsed: [] };
      }),
    );
  }

  /** Ends every worker (no groups for them after all, or the check failed). */
  terminate(): void {
    for (const running of this.running) {
      running.ending = true;
      void running.worker.terminate();
    }
  }
}

/** True when this module is loaded as a check worker. */
export function isCheckWorker(): boolean {
  return (
    !isMainThread && typeof workerData === 'object' && workerData !== null && (workerData as Record<string, unknown>)[WORKER_MARK] === true
  );
}

/** One thread's side of a check. */
export interface ThreadWork {
  /** The caller index over some of the walked files (by index). */
  scan(start: number, end: number): ScanPart;
  /** Takes the merged caller index and the groups; from then on `analyze` works. */
  begin(task: WorkerTask): void;
  analyze(index: number): GroupResult;
  unparsed(): string[];
}

/** Caller index parts → one index (each caller list sorted, as one thread would build it). */
export function mergeCallers(parts: ScanPart[]): Record<string, string[]> {
  const merged = new Map<string, Set<string>>();
  for (const part of parts) {
    for (const [child, callers] of Object.entries(part.callers)) {
      let set = merged.get(child);
      if (!set) merged.set(child, (set = new Set()));
      for (const caller of callers) set.add(caller);
    }
  }
  return Object.fromEntries([...merged].map(([child, callers]) => [child, [...callers].sort()]));
}

/**
 * The worker side: `setup` starts the session; once it is ready the worker scans chunks for
 * module calls (unless the main thread got there first) and posts its part; with the groups
 * it takes analysis chunks until none are left and posts what it found. An error ends the
 * worker, which the main thread reports.
 */
export function runCheckWorker(setup: (init: WorkerInit) => Promise<ThreadWork>): void {
  const { init } = workerData as { init: WorkerInit };
  const port = parentPort;
  if (!port) return;
  const post = (message: WorkerMessage) => port.postMessage(message);
  const work = setup(init).then((thread) => {
    const scan = new ChunkQueue(init.scan);
    if (scan.enter(init.worker)) {
      const parts: ScanPart[] = [];
      for (let range = scan.takeBack(); range; range = scan.takeBack()) parts.push(thread.scan(...range));
      post({ type: 'scanned', parts });
    }
    return thread;
  });
  port.once('message', (task: WorkerTask) => {
    void work.then((thread) => {
      const queue = new ChunkQueue(task.analysis);
      thread.begin(task);
      // Closed: the main thread analysed everything while this worker started; it ends us.
      if (!queue.enter(init.worker)) return;
      const groups: GroupResult[] = [];
      let range = queue.takeBack();
      post({ type: 'started' });
      while (range) {
        for (let index = range[0]; index < range[1]; index++) groups.push(thread.analyze(index));
        range = queue.takeBack();
      }
      post({ type: 'result', result: { groups, unparsed: thread.unparsed() } });
    });
  });
}
