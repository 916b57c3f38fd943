import { getHeapStatistics } from 'v8';
import { isMainThread, parentPort, workerData } from 'worker_threads';
import { createConnection, PortMessageReader, PortMessageWriter, ProposedFeatures } from 'vscode-languageserver/node';
import { AnalysisCancelled, budgetOf, setBudgetProbes } from '../core/budget';
import { ANALYSIS_STOPPED_RULE_ID, type AnalysisOptions } from '../core/options';
import type { TextChange } from '../core/host';
import type { Finding } from '../core/types';
import type { ElbLensService } from '../service/api';
import { bundledDocsBase } from './fileUris';
import { createNodePlatform } from './nodePlatform';
import { ElbLensServer } from './server';
import { ANALYSIS_WORKER_MARK, type AnalysisWorkerData, type QuarantinedUnit, type WorkerReport } from './workerProtocol';

/**
 * An analysis thread of the language server on Node: the whole server (server.ts, unchanged)
 * for one workspace folder, speaking LSP with the main thread (router.ts) over a message port.
 * Its service is guarded: before each analysis it tells the main thread which unit it is
 * about to analyse (so a thread that dies or hangs is known to have died on that unit), it
 * refuses units that ended a thread before until one of their files changes, and an analysis
 * that an edit superseded stops at its next checkpoint (core/budget.ts).
 */

/** True when this bundle runs as an analysis thread. */
export function isAnalysisWorker(): boolean {
  return (
    !isMainThread &&
    typeof workerData === 'object' &&
    workerData !== null &&
    (workerData as Record<string, unknown>)[ANALYSIS_WORKER_MARK] === true
  );
}

export function runAnalysisWorker(bundleDir: string): void {
  const data = workerData as AnalysisWorkerData;
  const port = parentPort;
  if (!port) return;
  const connection = createConnection(ProposedFeatures.all, new PortMessageReader(data.lsp), new PortMessageWriter(data.lsp));
  process.on('unhandledRejection', (reason) => connection.console.error(`elb-lens: unhandled rejection: ${String(reason)}`));
  const guard = new AnalysisGuard(
    (report) => port.postMessage(report),
    new Int32Array(data.cancel),
    data.quarantined,
    bundledDocsBase(bundleDir),
  );
  setBudgetProbes({ heapUsed: () => getHeapStatistics().used_heap_size, cancelled: () => guard.cancelled() });
  for (const unit of data.quarantined) {
    connection.console.error(`elb-lens: ${unit.path} is not analysed until one of its files changes: ${unit.reason}`);
  }
  const platform = createNodePlatform(connection, bundleDir);
  const create = platform.createService.bind(platform);
  // Test-only (ELB_LENS_TEST_HANG_MARKER, see testHang below): read from the environment only.
  const hangMarker = process.env.ELB_LENS_TEST_HANG_MARKER || undefined;
  platform.createService = async (options) => guardedService(await create(options), guard, hangMarker);
  new ElbLensServer(connection, platform).listen();
}

/** The service methods that analyse (and so may take long, stop or end the thread), with what they answer when they do not. */
const ANALYSES = {
  analyzeModule: (path: string, stop: Finding | undefined, last: ReadonlyMap<string, Finding[]> | undefined) =>
    stop ? new Map([[path, [stop]]]) : (last ?? new Map()),
  analyzeFile: (_path: string, stop: Finding | undefined) => (stop ? [stop] : []),
  hover: () => undefined,
  fixes: () => [],
  inlayHints: () => [],
  models: () => [],
  // A unit not analysed cannot wait for callers.
  callersMatter: () => false,
} as const;

type AnalysisName = keyof typeof ANALYSES;

/**
 * The service with every analysis run through the guard, and every change told to it.
 *
 * `hangMarker` is for tests only (the environment variable ELB_LENS_TEST_HANG_MARKER, never
 * set by the extension nor read from a workspace): an open document whose text contains it
 * blocks its thread when analysed, with no checkpoint, as code without checkpoints that never
 * ends would; so the router's watchdog, which only such a hang reaches, can be tested.
 */
export function guardedService(service: ElbLensService, guard: AnalysisGuard, hangMarker?: string): ElbLensService {
  const lastModule = new Map<string, ReadonlyMap<string, Finding[]>>();
  const hanging = new Set<string>();
  const markHang = (filePath: string, text: string | undefined): void => {
    if (hangMarker === undefined || text === undefined) return;
    if (text.includes(hangMarker)) hanging.add(filePath);
    else hanging.delete(filePath);
  };
  return new Proxy(service, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      if (name === 'openDocument' || name === 'updateDocument' || name === 'closeDocument' || name === 'fileChanged') {
        return (filePath: string, ...rest: unknown[]) => {
          guard.changed(target, filePath, name !== 'openDocument' && name !== 'closeDocument');
          if (name === 'openDocument') markHang(filePath, rest[0] as string);
          else if (name === 'updateDocument') markHang(filePath, wholeText(rest[0] as TextChange[]));
          else if (name === 'closeDocument') hanging.delete(filePath);
          return method.call(target, filePath, ...rest);
        };
      }
      if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(ANALYSES, name)) return method.bind(target);
      const analysis = name as AnalysisName;
      return (filePath: string, ...rest: unknown[]) => {
        // Every analysis takes its options last (the budget is read from them).
        const options = rest[rest.length - 1] as AnalysisOptions | undefined;
        const answer = guard.run(
          target,
          filePath,
          options,
          hanging.has(filePath) ? hangWithoutCheckpoints : () => method.call(target, filePath, ...rest),
          (stop) => ANALYSES[analysis](filePath, stop, lastModule.get(filePath)),
        );
        if (analysis === 'analyzeModule') lastModule.set(filePath, answer as ReadonlyMap<string, Finding[]>);
        return answer;
      };
    },
  });
}

/** What the guard keeps across analyses: the units it refuses, and the cancel counter's value when the current analysis began. */
export class AnalysisGuard {
  private readonly quarantined: Map<string, QuarantinedUnit>;
  /** The cancel counter as of the last change this thread applied: while the counter is ahead, a change is on its way and every analysis is stale. */
  private seen = 0;

  constructor(
    private readonly report: (report: WorkerReport) => void,
    private readonly cancel: Int32Array,
    quarantined: readonly QuarantinedUnit[],
    private readonly docsBase: string,
  ) {
    this.quarantined = new Map(quarantined.map((q) => [q.unit, q]));
  }

  /** True while an edit the main thread forwarded has not been applied here: what is analysed now is already stale. */
  cancelled(): boolean {
    return Atomics.load(this.cancel, 0) !== this.seen;
  }

  /**
   * Runs one analysis: refused (with the finding that says why) for a quarantined unit; the
   * main thread hears of it first; a cancelled one answers what it answered last.
   */
  run<T>(
    service: ElbLensService,
    filePath: string,
    options: AnalysisOptions | undefined,
    compute: () => T,
    fallback: (stop?: Finding) => T,
  ): T {
    const unit = unitOf(service, filePath);
    const quarantined = unit !== undefined ? this.quarantined.get(unit) : undefined;
    if (quarantined) return fallback(this.stoppedFinding(quarantined, filePath));
    if (this.cancelled()) return fallback();
    this.report({ type: 'busy', path: filePath, unit, seconds: budgetOf(options?.budget).seconds });
    try {
      return compute();
    } catch (error) {
      if (error instanceof AnalysisCancelled) return fallback();
      throw error;
    } finally {
      this.report({ type: 'idle' });
    }
  }

  /**
   * A document or file changed (as the main thread forwarded it: the counter catches up); an
   * edit (`releases`) lets a quarantined unit it belongs to be analysed again.
   */
  changed(service: ElbLensService, filePath: string, releases: boolean): void {
    this.seen = Atomics.load(this.cancel, 0);
    if (!releases) return;
    const unit = unitOf(service, filePath);
    if (unit === undefined || !this.quarantined.delete(unit)) return;
    this.report({ type: 'released', unit });
  }

  private stoppedFinding(unit: QuarantinedUnit, filePath: string): Finding {
    return {
      ruleId: ANALYSIS_STOPPED_RULE_ID,
      severity: 'error',
      message: `Analysis of ${unit.path} stopped: ${unit.reason}. It is not analysed again until one of its files changes.`,
      file: filePath,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      related: [],
      fixes: [],
      docsUrl: `${this.docsBase}${ANALYSIS_STOPPED_RULE_ID}.md`,
    };
  }
}

/** The text after a list of changes, when the last one replaces the whole document. */
function wholeText(changes: readonly TextChange[]): string | undefined {
  const last = changes[changes.length - 1];
  return last && !last.range ? last.text : undefined;
}

/** Blocks the thread for good (test-only, see guardedService): no checkpoint runs, no message is handled. */
function hangWithoutCheckpoints(): never {
  for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)), 0, 0);
}

function unitOf(service: ElbLensService, filePath: string): string | undefined {
  try {
    return service.unitOf(filePath);
  } catch {
    return undefined;
  }
}
