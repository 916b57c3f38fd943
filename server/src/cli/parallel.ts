import { Worker, isMainThread, parentPort, workerData } from 'worker_threads';
import type { Finding } from '../core/types';
import type { CheckArgs } from './args';

/**
 * `check --jobs N`: the main thread and N − 1 worker threads, each with its own language
 * service, take chunks of consecutive analysis groups (module folders, ELB JSON folders,
 * plans) from one shared counter until none are left. Each group's findings and log lines
 * are kept by group index and put together in group order afterwards, so the output does not
 * depend on which thread analysed what.
 */

/** What a worker needs to start (its session), before the main thread knows the groups. */
export interface WorkerInit {
  args: CheckArgs;
  cwd: string;
  env: Record<string, string>;
  packageRoot: string;
  /** The shared counters of a {@link GroupQueue}. */
  shared: SharedArrayBuffer;
  /** This worker's state slot in `shared`. */
  slot: number;
}

/** The groups to analyse, posted to every worker once the main thread has them. */
export interface WorkerTask {
  groups: string[];
  /** Plan texts by path (a plan is a group of its own). */
  plans: Record<string, string>;
  wanted: string[];
  /** Every walked file: callers of module folders are looked for among them. */
  workspaceFiles: string[];
  /** The caller index the main thread built over those files (not rebuilt in each worker). */
  callers: Record<string, string[]>;
  /** Groups taken at a time. */
  chunk: number;
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

type WorkerMessage = { type: 'started' } | { type: 'result'; result: ThreadResult };

/** Counter 0 is the next group to take; counter 1 + w is worker w's state. */
const NEXT = 0;
const STARTING = 0;
const RUNNING = 1;
const CLOSED = 2;

/** Chunks small enough to balance (about 8 per thread), consecutive so that neighbouring folders share a thread's caches. */
export function chunkSize(groups: number, jobs: number): number {
  return Math.max(1, Math.floor(groups / (jobs * 8)));
}

/** The groups as a queue shared by all threads (Atomics: the main thread's synchronous loop needs no messages). */
export class GroupQueue {
  private readonly counters: Int32Array;

  constructor(
    shared: SharedArrayBuffer,
    readonly total: number,
    readonly chunk: number,
  ) {
    this.counters = new Int32Array(shared);
  }

  /** The next chunk [start, end) of group indices, or undefined when every group is taken. */
  take(): [number, number] | undefined {
    const start = Atomics.add(this.counters, NEXT, this.chunk);
    return start < this.total ? [start, Math.min(this.total, start + this.chunk)] : undefined;
  }

  /** Groups handed out so far (for progress). */
  taken(): number {
    return Math.min(this.total, Atomics.load(this.counters, NEXT));
  }

  /** A worker about to take groups: false when the main thread has closed it (nothing left for it). */
  enter(slot: number): boolean {
    return Atomics.compareExchange(this.counters, slot, STARTING, RUNNING) === STARTING;
  }

  /** After the queue ran dry: true when the worker never entered, which then never will. */
  close(slot: number): boolean {
    return Atomics.compareExchange(this.counters, slot, STARTING, CLOSED) === STARTING;
  }
}

const WORKER_MARK = 'elb-lens-check-worker';

interface RunningWorker {
  worker: Worker;
  slot: number;
  /** Settles when the worker has taken its first chunk (or found none). */
  started: Promise<void>;
  result: Promise<ThreadResult>;
  /** Set when the main thread ends the worker on purpose (its exit is then no error). */
  ending: boolean;
}

/**
 * The worker threads of one check. They are started before the main thread has its groups,
 * so that their start-up (the bundle, the WebAssembly parser) overlaps the main thread's
 * classifying and caller index; {@link run} then hands them the groups.
 */
export class CheckWorkers {
  readonly shared: SharedArrayBuffer;
  private readonly running: RunningWorker[];

  constructor(script: string, count: number, init: Omit<WorkerInit, 'shared' | 'slot'>) {
    this.shared = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * (1 + count));
    this.running = Array.from({ length: count }, (_, w) => this.spawn(script, { ...init, shared: this.shared, slot: 1 + w }));
  }

  get count(): number {
    return this.running.length;
  }

  private spawn(script: string, init: WorkerInit): RunningWorker {
    const worker = new Worker(script, { workerData: { [WORKER_MARK]: true, init } });
    let markStarted: () => void = () => undefined;
    const running: RunningWorker = {
      worker,
      slot: init.slot,
      started: new Promise<void>((resolve) => (markStarted = resolve)),
      result: Promise.resolve({ groups: [], unparsed: [] }),
      ending: false,
    };
    running.result = new Promise<ThreadResult>((resolve, reject) => {
      let settled = false;
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'result') {
          settled = true;
          resolve(message.result);
        }
        markStarted();
      });
      worker.once('error', (error) => {
        settled = true;
        markStarted();
        reject(error);
      });
      worker.once('exit', (code) => {
        markStarted();
        if (!settled && !running.ending) reject(new Error(`a check worker exited with code ${code} before reporting`));
      });
    });
    // Rejections are read in finish(); until then they must not count as unhandled.
    running.result.catch(() => undefined);
    return running;
  }

  /** Hands every worker the groups; each starts taking chunks as soon as it is ready. */
  run(task: WorkerTask): void {
    for (const { worker } of this.running) worker.postMessage(task);
  }

  /** Settles when every worker has taken its first chunk (tests: so that each takes part). */
  async started(): Promise<void> {
    await Promise.all(this.running.map((r) => r.started));
  }

  /**
   * Once the main thread found the queue empty: workers that never entered are closed and
   * ended (not waited for: still starting, they would only find nothing to do); the others'
   * results are awaited. Index i of the answer is worker i's result, empty if it was closed.
   */
  async finish(queue: GroupQueue): Promise<ThreadResult[]> {
    return Promise.all(
      this.running.map(async (running): Promise<ThreadResult> => {
        if (!queue.close(running.slot)) return running.result;
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

/** One thread's side of a check: analyses groups by index. */
export interface ThreadWork {
  analyze(index: number): GroupResult;
  unparsed(): string[];
}

/**
 * The worker side: `setup` starts the session at once; when the groups arrive, the worker
 * takes chunks until the queue is empty and posts what it found. An error ends the worker,
 * which the main thread reports.
 */
export function runCheckWorker(setup: (init: WorkerInit) => (task: WorkerTask) => Promise<ThreadWork>): void {
  const { init } = workerData as { init: WorkerInit };
  const port = parentPort;
  if (!port) return;
  const prepare = setup(init);
  port.once('message', (task: WorkerTask) => {
    void prepare(task).then((work) => {
      const queue = new GroupQueue(init.shared, task.groups.length, task.chunk);
      // Closed: the main thread analysed everything while this worker started; it ends us.
      if (!queue.enter(init.slot)) return;
      const groups: GroupResult[] = [];
      let range = queue.take();
      port.postMessage({ type: 'started' } satisfies WorkerMessage);
      while (range) {
        for (let index = range[0]; index < range[1]; index++) groups.push(work.analyze(index));
        range = queue.take();
      }
      port.postMessage({ type: 'result', result: { groups, unparsed: work.unparsed() } } satisfies WorkerMessage);
    });
  });
}
