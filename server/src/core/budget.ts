import { ANALYSIS_STOPPED_RULE_ID, type AnalysisBudget } from './options';
import type { Finding } from './types';

/**
 * The budget of one analysis unit (a root module with what it calls, an ELB JSON folder, a
 * manifest, an overlay or chart, a plan): how long its analysis may take and how much memory
 * it may claim. Time is checked cooperatively: the evaluator, the model builders and the rule
 * engine call {@link checkpoint} in their loops, and a unit past its budget stops there with
 * {@link BudgetExceeded}; its host reports it once and goes on with the other units.
 *
 * Memory is the growth of the JavaScript heap while the unit is analysed, where the host can
 * measure it (Node; a browser cannot): checked at the same points, a few times a second. It
 * counts garbage not collected yet, so it is a ceiling against runaway inputs, not a meter.
 */

/** What a unit may take unless the configuration says otherwise. */
export const DEFAULT_BUDGET: Readonly<AnalysisBudget> = { seconds: 30, memoryMb: 1024 };

/** The largest values a configuration may give (a repository cannot ask for an hour per unit). */
export const MAX_BUDGET: Readonly<AnalysisBudget> = { seconds: 600, memoryMb: 16384 };

/** A unit stopped at its budget; `elapsedMs` is how long it had run. */
export class BudgetExceeded extends Error {
  constructor(
    readonly reason: 'time' | 'memory',
    readonly elapsedMs: number,
    readonly budget: AnalysisBudget,
  ) {
    super(reason === 'time' ? `over its time budget of ${budget.seconds} s` : `over its memory budget of ${budget.memoryMb} MB`);
    this.name = 'BudgetExceeded';
  }
}

/** The host dropped the analysis (a newer edit superseded it); nothing of it is kept. */
export class AnalysisCancelled extends Error {
  constructor() {
    super('the analysis was superseded');
    this.name = 'AnalysisCancelled';
  }
}

/** True for the errors a checkpoint throws, which code that catches everything must pass on. */
export function isAnalysisStop(error: unknown): error is BudgetExceeded | AnalysisCancelled {
  return error instanceof BudgetExceeded || error instanceof AnalysisCancelled;
}

/** What the host can measure: the heap in use (bytes) where it can, and whether the analysis is still wanted. */
export interface BudgetProbes {
  heapUsed?: () => number;
  cancelled?: () => boolean;
}

let probes: BudgetProbes = {};

/** Set once by a host (the CLI, the language server's analysis worker). */
export function setBudgetProbes(given: BudgetProbes): void {
  probes = given;
}

/** Checkpoints between looks at the clock: a look costs far more than a checkpoint. */
const CHECKPOINTS_PER_LOOK = 256;
/** Milliseconds between looks at the heap. */
const HEAP_LOOK_MS = 100;

interface Meter {
  budget: AnalysisBudget;
  started: number;
  deadline: number;
  heapAtStart: number | undefined;
  nextHeapLook: number;
  /** Set once the unit is over its budget: every later checkpoint throws at once. */
  stopped: Error | undefined;
}

let active: Meter | undefined;
let countdown = CHECKPOINTS_PER_LOOK;

/**
 * Called in loops of the analysis: cheap (a counter) until it is time to look at the clock.
 * Throws {@link BudgetExceeded} or {@link AnalysisCancelled}, and keeps throwing once it did,
 * so a `catch` on the way that swallows errors only delays the stop.
 */
export function checkpoint(): void {
  if (active === undefined) return;
  if (active.stopped) throw active.stopped;
  if (--countdown > 0) return;
  countdown = CHECKPOINTS_PER_LOOK;
  look(active);
}

function look(meter: Meter): void {
  const now = Date.now();
  if (probes.cancelled?.()) meter.stopped = new AnalysisCancelled();
  else if (now > meter.deadline) meter.stopped = new BudgetExceeded('time', now - meter.started, meter.budget);
  else if (meter.heapAtStart !== undefined && probes.heapUsed && now >= meter.nextHeapLook) {
    meter.nextHeapLook = now + HEAP_LOOK_MS;
    if (probes.heapUsed() - meter.heapAtStart > meter.budget.memoryMb * 1024 * 1024) {
      meter.stopped = new BudgetExceeded('memory', now - meter.started, meter.budget);
    }
  }
  if (meter.stopped) throw meter.stopped;
}

/** The budget from the options (the defaults where they say nothing). */
export function budgetOf(given: Partial<AnalysisBudget> | undefined): AnalysisBudget {
  return { seconds: given?.seconds ?? DEFAULT_BUDGET.seconds, memoryMb: given?.memoryMb ?? DEFAULT_BUDGET.memoryMb };
}

/**
 * Runs one unit's analysis within its budget. A unit inside another (a folder's units) has
 * its own budget and counts towards the outer one too. Throws what the checkpoints throw.
 */
export function withinBudget<T>(budget: AnalysisBudget, run: () => T): T {
  const outer = active;
  const outerCountdown = countdown;
  const started = Date.now();
  active = {
    budget,
    started,
    deadline: started + budget.seconds * 1000,
    heapAtStart: probes.heapUsed?.(),
    nextHeapLook: started + HEAP_LOOK_MS,
    stopped: undefined,
  };
  countdown = CHECKPOINTS_PER_LOOK;
  try {
    const result = run();
    // A stop swallowed on the way still stops the unit: what it returned is incomplete.
    if (active.stopped) throw active.stopped;
    return result;
  } finally {
    active = outer;
    countdown = outerCountdown;
    // The outer unit looks at its clock at its next checkpoint (this one may have taken long).
    if (outer) countdown = 1;
  }
}

/**
 * The one line that reports a stopped unit: "Analysis of <unit> stopped after N s: …".
 * `setting` names where the budget is set, for the remedy.
 */
export function stoppedMessage(unit: string, stop: BudgetExceeded): string {
  const seconds = Math.max(0.1, Math.round(stop.elapsedMs / 100) / 10);
  const key = stop.reason === 'time' ? 'budget.seconds' : 'budget.memoryMb';
  return (
    `Analysis of ${unit} stopped after ${seconds} s: ${stop.message}. ` +
    `Nothing is reported for this unit; the other units are analysed. ` +
    `Raise ${key} in .elb-lens.json (or the editor setting or command-line flag) if it is expected to take this long, or exclude it.`
  );
}

/** The finding that stands for a stopped unit, at the top of `file` (the unit's first file). */
export function stoppedFinding(file: string, unit: string, stop: BudgetExceeded, docsBase: string): Finding {
  return {
    ruleId: ANALYSIS_STOPPED_RULE_ID,
    severity: 'error',
    message: stoppedMessage(unit, stop),
    file,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    related: [],
    fixes: [],
    docsUrl: `${docsBase}${ANALYSIS_STOPPED_RULE_ID}.md`,
  };
}

/** A key that changes with the budget (a cached stop is kept only under the same budget). */
export function budgetKey(given: Partial<AnalysisBudget> | undefined): string {
  const budget = budgetOf(given);
  return `${budget.seconds}|${budget.memoryMb}`;
}
