import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { setBudgetProbes } from '../../server/src/core/budget';
import { AnalysisGuard, guardedService } from '../../server/src/lsp/analysisWorker';
import type { WorkerReport } from '../../server/src/lsp/workerProtocol';
import { memoryService, memPath } from '../helpers';
import { FAST_MODULE, slowTerraformModule } from '../slowInputs';

/**
 * The analysis thread's guarded service (lsp/analysisWorker.ts), in-process: what it tells the
 * main thread, what it refuses, and what a superseded analysis answers.
 */

const MAIN = memPath('main.tf');

async function guarded(files: Record<string, string>, quarantined: { unit: string; path: string; reason: string }[] = []) {
  const { service } = await memoryService(files);
  const reports: WorkerReport[] = [];
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const guard = new AnalysisGuard((r) => reports.push(r), counter, quarantined, 'docs/');
  setBudgetProbes({ cancelled: () => guard.cancelled() });
  return { service: guardedService(service, guard), reports, counter, raw: service };
}

afterEach(() => setBudgetProbes({}));

describe('analysis thread: the guarded service', () => {
  test('each analysis is announced with its unit and budget, then ended', async () => {
    const { service, reports, raw } = await guarded({ 'main.tf': FAST_MODULE });
    const findings = service.analyzeFile(MAIN, { budget: { seconds: 7 } });
    assert.deepEqual(
      findings.map((f) => f.ruleId),
      ['client-ip-always-on'],
    );
    assert.deepEqual(reports, [{ type: 'busy', path: MAIN, unit: raw.unitOf(MAIN), seconds: 7 }, { type: 'idle' }]);
  });

  test('a quarantined unit is refused with a finding that says why, until an edit releases it', async () => {
    const { service: raw } = await memoryService({ 'main.tf': FAST_MODULE });
    const unit = raw.unitOf(MAIN)!;
    const { service, reports } = await guarded({ 'main.tf': FAST_MODULE }, [{ unit, path: MAIN, reason: 'it ran out of memory' }]);
    const refused = service.analyzeModule(MAIN, {});
    assert.deepEqual(
      [...refused.get(MAIN)!].map((f) => [f.ruleId, f.message]),
      [['analysis-stopped', `Analysis of ${MAIN} stopped: it ran out of memory. It is not analysed again until one of its files changes.`]],
    );
    assert.deepEqual(reports, [], 'nothing analysed');
    // Opening it again (a restarted thread gets its documents back) does not release it ...
    service.openDocument(MAIN, FAST_MODULE);
    assert.equal(service.analyzeFile(MAIN, {})[0].ruleId, 'analysis-stopped');
    // ... an edit does.
    service.updateDocument(MAIN, [{ text: FAST_MODULE }]);
    assert.deepEqual(reports, [{ type: 'released', unit }]);
    assert.equal(service.analyzeFile(MAIN, {})[0].ruleId, 'client-ip-always-on');
  });

  test('an analysis superseded by an edit stops and answers what it answered last, until the edit arrives', async () => {
    const { service, counter } = await guarded({ 'main.tf': FAST_MODULE, 'slow/main.tf': slowTerraformModule() });
    const first = service.analyzeModule(MAIN, {});
    assert.equal(first.get(MAIN)?.[0].ruleId, 'client-ip-always-on');
    // The main thread forwarded an edit (the counter moves ahead): analyses are stale until it is applied.
    Atomics.add(counter, 0, 1);
    service.fileChanged(memPath('other.tf'));
    const slow = memPath('slow/main.tf');
    Atomics.add(counter, 0, 1);
    const started = Date.now();
    assert.deepEqual([...service.analyzeModule(slow, { budget: { seconds: 60 } })], [], 'dropped: nothing answered before for it');
    assert.ok(Date.now() - started < 2000, 'dropped at once, not analysed for seconds');
    assert.equal(service.analyzeModule(MAIN, {}), first, 'the answer it gave last');
    assert.equal(service.hover(MAIN, { line: 3, character: 12 }, {}), undefined);
    // The edit arrives: analyses run again.
    service.updateDocument(MAIN, [{ text: FAST_MODULE }]);
    assert.equal(service.analyzeFile(MAIN, {})[0].ruleId, 'client-ip-always-on');
  });
});
