import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { LineIndex } from '../../server/src/parse/positions';
import { CORPUS_DIR, memoryService, memPath } from '../helpers';

/** Deterministic PRNG (fixed seed) so any failure reproduces. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const CASES = Number(process.env.ELB_LENS_FUZZ_CASES ?? 2000);
const REGRESSIONS = path.resolve(__dirname, '..', '..', '..', 'test', 'robustness', 'regressions');
const UNICODE = ['é', '😀', '\u200b', '\ufeff', '\u0000', '\r', '\\', '"', '${', '}', '{', '%{', '<<EOF\n', '/*', '#'];

type Mutation = (text: string, random: () => number) => string;

const MUTATIONS: Mutation[] = [
  (t, r) => t.slice(0, Math.floor(r() * t.length)),
  (t, r) => {
    const i = Math.floor(r() * t.length);
    return t.slice(0, i) + String.fromCharCode(t.charCodeAt(i) ^ (1 << Math.floor(r() * 7))) + t.slice(i + 1);
  },
  (t, r) => {
    const i = Math.floor(r() * t.length);
    return t.slice(0, i) + UNICODE[Math.floor(r() * UNICODE.length)] + t.slice(i);
  },
  (t, r) => {
    const lines = t.split('\n');
    const i = Math.floor(r() * lines.length);
    lines.splice(i, 0, lines[i] ?? '');
    return lines.join('\n');
  },
  (t, r) => {
    const lines = t.split('\n');
    lines.splice(Math.floor(r() * lines.length), 1);
    return lines.join('\n');
  },
  (t, r) => (r() < 0.5 ? '{'.repeat(10000) : 'x = ' + '['.repeat(10000)) + t,
];

function corpusSamples(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.tf')) files.push(full);
    }
  };
  walk(path.join(CORPUS_DIR, 'terraform'));
  return files.sort().map((f) => fs.readFileSync(f, 'utf8'));
}

test(`fuzz: ${CASES} mutated corpus files through parse, analysis, hover, fixes and incremental edits`, async (t) => {
  if (!fs.existsSync(CORPUS_DIR)) {
    if (process.env.CI) assert.fail(`corpus missing at ${CORPUS_DIR}`);
    t.skip(`corpus not found at ${CORPUS_DIR}`);
    return;
  }
  const samples = corpusSamples().filter((s) => /lb_|elb_/.test(s));
  const random = prng(20261125);
  const { service } = await memoryService({});
  const file = memPath('main.tf');
  let slowest = 0;
  const regressions = fs.existsSync(REGRESSIONS)
    ? fs.readdirSync(REGRESSIONS).map((n) => fs.readFileSync(path.join(REGRESSIONS, n), 'utf8'))
    : [];
  const inputs = (function* () {
    yield* regressions;
    for (let i = 0; i < CASES; i++) {
      let text = samples[Math.floor(random() * samples.length)];
      const rounds = 1 + Math.floor(random() * 3);
      for (let m = 0; m < rounds; m++) text = MUTATIONS[Math.floor(random() * MUTATIONS.length)](text, random);
      yield text;
    }
  })();
  for (const input of inputs) {
    let elapsed = 0;
    const timed = <T>(work: () => T): T => {
      const started = performance.now();
      try {
        return work();
      } finally {
        elapsed = Math.max(elapsed, performance.now() - started);
      }
    };
    try {
      service.openDocument(file, input);
      timed(() => service.analyzeFile(file));
      const lines = new LineIndex(input);
      const position = lines.positionAt(Math.floor(random() * (input.length + 1)));
      service.hover(file, position);
      service.inlayHints(file, undefined);
      service.fixes(file, { start: { line: 0, character: 0 }, end: { line: lines.lineCount, character: 0 } });
      // A few keystrokes through the incremental path.
      for (let k = 0; k < 3; k++) {
        const at = lines.positionAt(Math.floor(random() * (input.length + 1)));
        service.updateDocument(file, [{ range: { start: at, end: at }, text: UNICODE[k] }]);
      }
      timed(() => service.analyzeFile(file));
    } catch (error) {
      const name = `case-${Date.now()}.tf`;
      fs.mkdirSync(REGRESSIONS, { recursive: true });
      fs.writeFileSync(path.join(REGRESSIONS, name), input);
      throw new Error(`the core threw on an input saved as test/robustness/regressions/${name}: ${String(error)}`, { cause: error });
    }
    slowest = Math.max(slowest, elapsed);
    if (elapsed >= 1000) {
      // A busy machine or a GC pause is not the input's fault: time it again, alone, before failing.
      service.openDocument(file, input);
      const again = performance.now();
      service.analyzeFile(file);
      const retried = performance.now() - again;
      assert.ok(retried < 1000, `one analysis took ${elapsed.toFixed(0)} ms, then ${retried.toFixed(0)} ms`);
    }
  }
  t.diagnostic(`${CASES} cases (+${regressions.length} regressions); slowest analysis ${slowest.toFixed(1)} ms`);
});
