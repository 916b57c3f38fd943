import { Worker, isMainThread, parentPort, workerData } from 'worker_threads';
import type { Finding } from '../core/types';
import type { CheckArgs } from './args';

/**
 * `check --jobs N`: the analysis groups (module folders, ELB JSON folders, plans) split
 * into N contiguous shares, one worker thread each, each with its own language service.
 * Results are sorted afterwards, so the output does not depend on which thread finished first.
 */

export interface WorkerTask {
  groups: string[];
  /** Plan texts by path (plans are analysed where their group lands). */
  plans: Record<string, string>;
  wanted: string[];
  /** Every walked file: callers of module folders are looked for among them. */
  workspaceFiles: string[];
  /** The caller index the main thread built over those files (not rebuilt in each worker). */
  callers: Record<string, string[]>;
  args: CheckArgs;
  cwd: string;
  env: Record<string, string>;
  packageRoot: string;
}

export interface WorkerResult {
  findings: Finding[];
  unparsed: number;
  logs: string[];
}

const WORKER_MARK = 'elb-lens-check-worker';

export interface ParallelRun extends Omit<WorkerTask, 'groups'> {
  /** The compiled file that calls runCheckWorker when loaded in a worker (the CLI's own). */
  script: string;
  jobs: number;
  groups: string[];
}

export async function analyzeInWorkers(
  run: ParallelRun,
  log: (message: string) => void,
): Promise<{ findings: Finding[]; unparsed: number }> {
  const { script, jobs, groups, ...shared } = run;
  const size = Math.ceil(groups.length / jobs);
  const shares = Array.from({ length: jobs }, (_, i) => groups.slice(i * size, (i + 1) * size)).filter((g) => g.length > 0);
  const results = await Promise.all(
    shares.map(
      (share) =>
        new Promise<WorkerResult>((resolve, reject) => {
          const task: WorkerTask = { ...shared, groups: share };
          const worker = new Worker(script, { workerData: { [WORKER_MARK]: true, task } });
          let settled = false;
          worker.once('message', (result: WorkerResult) => {
            settled = true;
            resolve(result);
          });
          worker.once('error', (error) => {
            settled = true;
            reject(error);
          });
          worker.once('exit', (code) => {
            if (!settled) reject(new Error(`a check worker exited with code ${code} before reporting`));
          });
        }),
    ),
  );
  const findings: Finding[] = [];
  let unparsed = 0;
  for (const result of results) {
    findings.push(...result.findings);
    unparsed += result.unparsed;
    for (const message of result.logs) log(message.replace(/\n$/, ''));
  }
  return { findings, unparsed };
}

/** True when this module is loaded as a check worker. */
export function isCheckWorker(): boolean {
  return (
    !isMainThread && typeof workerData === 'object' && workerData !== null && (workerData as Record<string, unknown>)[WORKER_MARK] === true
  );
}

/** The worker side: runs the task and posts the result (an error ends the worker, which the parent reports). */
export function runCheckWorker(analyze: (task: WorkerTask) => Promise<WorkerResult>): void {
  const { task } = workerData as { task: WorkerTask };
  void analyze(task).then((result) => parentPort?.postMessage(result));
}
