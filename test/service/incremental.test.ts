import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { LineIndex } from '../../server/src/parse/positions';
import { memoryService, memPath } from '../helpers';

const EXAMPLE = path.resolve(__dirname, '..', '..', '..', 'examples', 'huaweicloud', 'main.tf');

function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

test('incremental reparsing gives the same findings as parsing from scratch', async () => {
  const original = fs.readFileSync(EXAMPLE, 'utf8');
  const incremental = await memoryService({});
  const file = memPath('main.tf');
  incremental.service.openDocument(file, original);
  let text = original;
  const random = prng(7);
  const snippets = ['"', '{', '}', '\n', ' ', 'true', '"false"', 'x', 'é', '😀', '# c\n', 'protocol = "TCP"\n'];
  for (let step = 0; step < 150; step++) {
    const lines = new LineIndex(text);
    const start = Math.floor(random() * (text.length + 1));
    const end = Math.min(text.length, start + (random() < 0.5 ? 0 : Math.floor(random() * 20)));
    const insert = random() < 0.3 ? '' : snippets[Math.floor(random() * snippets.length)];
    incremental.service.updateDocument(file, [{ range: lines.range(start, end), text: insert }]);
    text = text.slice(0, start) + insert + text.slice(end);
    if (step % 10 !== 9) continue;
    const fresh = await memoryService({});
    fresh.service.openDocument(file, text);
    const summarize = (findings: { ruleId: string; range: unknown }[]) =>
      findings.map((f) => `${f.ruleId}${JSON.stringify(f.range)}`).sort();
    const findings = incremental.service.analyzeFile(file);
    assert.deepEqual(summarize(findings), summarize(fresh.service.analyzeFile(file)), `after step ${step}`);
    assert.equal(incremental.service.documentText(file), text);
    // Fixes are built from reused blocks' positions: they must edit the same text as a fresh parse's.
    for (const finding of findings) {
      assert.deepEqual(
        JSON.stringify(incremental.service.fixes(file, finding.range)),
        JSON.stringify(fresh.service.fixes(file, finding.range)),
        `fixes after step ${step}`,
      );
    }
  }
});

test('an open document that gains a NUL or an overlong line while typed is skipped, and read again once fixed', async () => {
  const original = fs.readFileSync(EXAMPLE, 'utf8');
  const { service } = await memoryService({});
  const file = memPath('main.tf');
  service.openDocument(file, original);
  const before = service.analyzeFile(file).length;
  assert.ok(before > 0, 'the example has findings');
  const lines = new LineIndex(original);
  const at = lines.range(10, 10);
  service.updateDocument(file, [{ range: at, text: '\u0000' }]);
  assert.deepEqual(service.analyzeFile(file), [], 'a NUL makes the document binary: nothing is said');
  service.updateDocument(file, [{ range: { start: at.start, end: { ...at.start, character: at.start.character + 1 } }, text: '' }]);
  assert.equal(service.analyzeFile(file).length, before, 'the NUL removed: the findings are back');
  const long = `# ${'x'.repeat(300 * 1024)}`;
  service.updateDocument(file, [{ range: lines.range(0, 0), text: long }]);
  assert.deepEqual(service.analyzeFile(file), [], 'a line of 300 K characters: generated content, skipped');
  service.updateDocument(file, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: long.length } }, text: '' }]);
  assert.equal(service.analyzeFile(file).length, before, 'the long line removed: the findings are back');
});
