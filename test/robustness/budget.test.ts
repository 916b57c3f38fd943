import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { afterEach, describe, test } from 'node:test';
import { AnalysisCancelled, BudgetExceeded, checkpoint, setBudgetProbes, stoppedMessage, withinBudget } from '../../server/src/core/budget';
import { ANALYSIS_STOPPED_RULE_ID } from '../../server/src/core/options';
import { ConfigError, parseConfig } from '../../server/src/project/configFile';
import { memoryService, memPath } from '../helpers';
import { run, tempTree } from '../cli/harness';
import { FAST_MODULE, slowTerraformModule } from '../slowInputs';

/**
 * Issue 28, "a budget per analysis unit": a unit that takes longer (or more memory) than its
 * budget stops at the next checkpoint, is reported once with one line, and the other units
 * are analysed as usual; the CLI exits 1 without a stack trace.
 */

/** Spins through checkpoints until one throws (what a long evaluation does). */
function spin(): never {
  for (;;) checkpoint();
}

afterEach(() => setBudgetProbes({}));

describe('budget: the checkpoints', () => {
  test('a unit past its time stops with BudgetExceeded, after at least its budget', () => {
    const started = Date.now();
    const error = captured(() => withinBudget({ seconds: 0.05, memoryMb: 1024 }, spin));
    assert.ok(error instanceof BudgetExceeded, String(error));
    assert.equal(error.reason, 'time');
    assert.ok(error.elapsedMs >= 50 && Date.now() - started >= 50, `${error.elapsedMs} ms`);
    assert.match(
      stoppedMessage('the root module in slow/', error),
      /^Analysis of the root module in slow\/ stopped after [\d.]+ s: over its time budget of 0\.05 s\. /,
    );
  });

  test('a unit whose heap grows past memoryMb stops with reason memory', () => {
    let heap = 0;
    // Each look at the heap finds 1 MB more: past 5 MB within a second or so.
    setBudgetProbes({ heapUsed: () => (heap += 1024 * 1024) });
    const error = captured(() => withinBudget({ seconds: 60, memoryMb: 5 }, spin));
    assert.ok(error instanceof BudgetExceeded, String(error));
    assert.equal(error.reason, 'memory');
    assert.match(error.message, /over its memory budget of 5 MB/);
  });

  test('a cancelled analysis stops with AnalysisCancelled, not a budget stop', () => {
    let wanted = true;
    setBudgetProbes({ cancelled: () => !wanted });
    const error = captured(() =>
      withinBudget({ seconds: 60, memoryMb: 1024 }, () => {
        wanted = false;
        spin();
      }),
    );
    assert.ok(error instanceof AnalysisCancelled, String(error));
  });

  test('a stop swallowed on the way still stops the unit, and an inner unit has its own budget', () => {
    const swallowed = captured(() =>
      withinBudget({ seconds: 0.05, memoryMb: 1024 }, () => {
        try {
          spin();
        } catch {
          // Code that catches everything (a rule's guard) must not hide the stop.
        }
        return 'incomplete';
      }),
    );
    assert.ok(swallowed instanceof BudgetExceeded, String(swallowed));
    // The outer unit has time left after an inner one stopped.
    const outer = withinBudget({ seconds: 60, memoryMb: 1024 }, () => {
      const inner = captured(() => withinBudget({ seconds: 0.02, memoryMb: 1024 }, spin));
      for (let i = 0; i < 10_000; i++) checkpoint();
      return inner;
    });
    assert.ok(outer instanceof BudgetExceeded);
    // Outside any unit a checkpoint never throws.
    for (let i = 0; i < 10_000; i++) checkpoint();
  });
});

describe('budget: the configuration', () => {
  test('.elb-lens.json takes budget.seconds and budget.memoryMb, and refuses what is out of range', () => {
    const config = parseConfig('/repo/.elb-lens.json', '{ "budget": { "seconds": 2.5, "memoryMb": 300 } }');
    assert.deepEqual(config.budget, { seconds: 2.5, memoryMb: 300 });
    for (const [text, key] of [
      ['{ "budget": { "seconds": 0 } }', 'budget.seconds'],
      ['{ "budget": { "seconds": 601 } }', 'budget.seconds'],
      ['{ "budget": { "memoryMb": "a lot" } }', 'budget.memoryMb'],
      ['{ "budget": { "minutes": 1 } }', 'budget.minutes'],
      ['{ "budget": 30 }', 'budget'],
      [`{ "rules": { "${ANALYSIS_STOPPED_RULE_ID}": "off" } }`, `rules.${ANALYSIS_STOPPED_RULE_ID}`],
    ]) {
      assert.throws(
        () => parseConfig('/repo/.elb-lens.json', text),
        (error: unknown) => error instanceof ConfigError && error.key === key,
        text,
      );
    }
  });
});

describe('budget: the language service', () => {
  test('a stopped unit is one finding, kept until its file changes; then the unit is analysed again', async () => {
    const { service } = await memoryService({ 'main.tf': slowTerraformModule() });
    const options = { budget: { seconds: 0.2 } };
    const first = service.analyzeFile(memPath('main.tf'), options);
    assert.deepEqual(
      first.map((f) => [f.ruleId, f.severity, f.range.start.line]),
      [[ANALYSIS_STOPPED_RULE_ID, 'error', 0]],
    );
    assert.match(first[0].message, /^Analysis of the root module in mem\/ stopped after [\d.]+ s: over its time budget of 0\.2 s\./);
    // Reported once: the same finding again from the cache, not a second run.
    const again = service.analyzeFile(memPath('main.tf'), options);
    assert.equal(again[0].message, first[0].message);
    service.openDocument(memPath('main.tf'), FAST_MODULE);
    assert.deepEqual(
      service.analyzeFile(memPath('main.tf'), options).map((f) => f.ruleId),
      ['client-ip-always-on'],
    );
  });
});

describe('budget: the command line', () => {
  const slow = slowTerraformModule();

  test('the slow unit stops with one line, the other unit is still reported, exit 1 without a stack trace', async () => {
    const root = tempTree({ 'slow/main.tf': slow, 'fast/main.tf': FAST_MODULE });
    try {
      const result = await run(['check', 'slow', 'fast', '--budget-seconds', '1', '--format', 'compact'], { cwd: root });
      assert.equal(result.code, 1, result.stderr);
      const stopped = result.stdout.split('\n').filter((l) => l.includes(`[${ANALYSIS_STOPPED_RULE_ID}]`));
      assert.equal(stopped.length, 1, result.stdout);
      assert.match(
        stopped[0],
        /^slow\/main\.tf:1:1: error \[analysis-stopped\] Analysis of the root module in slow\/ stopped after [\d.]+ s: over its time budget of 1 s\./,
      );
      assert.equal(ofRuleLines(result.stdout, 'client-ip-always-on').length, 1, result.stdout);
      assert.match(ofRuleLines(result.stdout, 'client-ip-always-on')[0], /^fast\/main\.tf:8:3: /);
      assert.match(result.stderr, /1 analysis unit\(s\) stopped at their budget/);
      assert.doesNotMatch(result.stderr + result.stdout, /\n\s+at /, 'no stack trace');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  test('the budget of .elb-lens.json applies, and the flag wins over it', async () => {
    const root = tempTree({ '.elb-lens.json': '{ "budget": { "seconds": 1 } }', 'slow/main.tf': slow, 'fast/main.tf': FAST_MODULE });
    try {
      const fromFile = await run(['check', '.', '--format', 'json'], { cwd: root });
      assert.equal(fromFile.code, 1, fromFile.stderr);
      const findings = (JSON.parse(fromFile.stdout) as { diagnostics: { ruleId: string; file: string }[] }).diagnostics;
      assert.deepEqual(
        findings.map((f) => [f.ruleId, f.file]).sort(),
        [
          [ANALYSIS_STOPPED_RULE_ID, 'slow/main.tf'],
          ['client-ip-always-on', 'fast/main.tf'],
        ].sort(),
      );
      // A budget the flag raises: the fast unit alone decides the exit code (findings: 2).
      const fastOnly = await run(['check', 'fast', '--budget-seconds', '600', '--format', 'compact'], { cwd: root });
      assert.equal(fastOnly.code, 2, fastOnly.stderr);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  test('graph: the stopped unit is said on stderr and missing from the map, the other one drawn, exit 1', async () => {
    const root = tempTree({ 'slow/main.tf': slow, 'fast/main.tf': FAST_MODULE });
    try {
      const result = await run(['graph', 'slow', 'fast', '--budget-seconds', '1'], { cwd: root });
      assert.equal(result.code, 1, result.stderr);
      assert.match(
        result.stderr,
        /^elb-lens: slow\/main\.tf: Analysis of the root module in slow\/ stopped after [\d.]+ s: over its time budget of 1 s\./m,
      );
      assert.match(result.stdout, /huaweicloud_elb_listener\.web/);
      assert.doesNotMatch(result.stdout, /slow/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  test('a budget flag out of range is a usage error', async () => {
    const result = await run(['check', '.', '--budget-seconds', '0']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /--budget-seconds must be a number above 0 and at most 600/);
  });
});

function ofRuleLines(output: string, ruleId: string): string[] {
  return output.split('\n').filter((line) => line.includes(`[${ruleId}]`));
}

function captured(action: () => unknown): unknown {
  try {
    return action();
  } catch (error) {
    return error;
  }
}
