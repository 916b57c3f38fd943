import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import type { Finding, Position, Range } from '../../server/src/core/types';
import { LineIndex } from '../../server/src/parse/positions';
import type { ElbLensService } from '../../server/src/service/api';
import type { TextChange } from '../../server/src/core/host';
import { CORPUS_DIR, memoryService, memPath } from '../helpers';

/**
 * Fuzzing the analysis core: mutated corpus files go through openDocument, incremental
 * updateDocument edits, analyzeModule, hover, inlay hints and fixes at random positions.
 * The core must never throw, no single call may take more than a second, and the
 * incremental path must agree with a parse from scratch. Every case is generated up front
 * from a fixed seed, so a failing case is saved whole (text and steps) as a regression
 * fixture and replayed on every run.
 *
 *   ELB_LENS_FUZZ_CASES=20000 npm test      more cases
 *   ELB_LENS_FUZZ_SEED=7 npm test           another sequence
 */

const CASES = Number(process.env.ELB_LENS_FUZZ_CASES ?? 2000);
const SEED = Number(process.env.ELB_LENS_FUZZ_SEED ?? 20261125);
const LIMIT_MS = 1000;
const NEST = 10000;
const REGRESSIONS = path.resolve(__dirname, '..', '..', '..', 'test', 'robustness', 'regressions');

type Step =
  | { kind: 'edit'; changes: TextChange[] }
  | { kind: 'analyze' }
  | { kind: 'hover'; position: Position }
  | { kind: 'inlay'; range?: Range }
  | { kind: 'fixes'; range: Range };

/** A whole fuzz case: what a regression fixture holds. */
interface FuzzCase {
  /** File name in the in-memory module: `main.tf` or `api.elb.json`. */
  file: string;
  text: string;
  steps: Step[];
  /** How the case was made, for the reader of a fixture. */
  origin?: string;
}

/** mulberry32: a small deterministic PRNG, so every case reproduces from the seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

type Random = () => number;
const pick = <T>(r: Random, items: readonly T[]): T => items[Math.floor(r() * items.length)];
const int = (r: Random, n: number): number => Math.floor(r() * n);

/** Characters and tokens that stress the lexer, positions (UTF-16) and line handling. */
const INSERTS = [
  'é',
  '😀',
  '\u{1F3F3}\uFE0F\u200D\u{1F308}',
  '\ud800',
  '\udc00',
  '\u0301',
  '\u202e',
  '\u200b',
  '\ufeff',
  '\u0000',
  '\r',
  '\r\n',
  '\u2028',
  '\\',
  '"',
  '${',
  '%{',
  '}',
  '{',
  '[',
  ']',
  '(',
  ')',
  '=',
  ',',
  '...',
  '?',
  ':',
  '=>',
  '<<EOF\n',
  '<<-EOT\n',
  '\nEOF\n',
  '/*',
  '*/',
  '#',
  '//',
  '# elb-lens-ignore: client-ip-always-on\n',
  '\n',
  '  ',
  '\t',
];

/** Values that switch rules on and off when they replace a string literal. */
const VALUES = [
  '"TCP"',
  '"UDP"',
  '"HTTP"',
  '"HTTPS"',
  '"QUIC"',
  'true',
  'false',
  '"false"',
  'null',
  'var.x',
  'local.y',
  '1',
  '[]',
  '{}',
  '""',
];

/** 10,000 levels of each kind of nesting the grammar has. */
const NESTINGS: Record<string, () => string> = {
  blocks: () => 'a {\n'.repeat(NEST) + '}\n'.repeat(NEST),
  braces: () => '{'.repeat(NEST),
  tuple: () => 'x = ' + '['.repeat(NEST) + ']'.repeat(NEST) + '\n',
  unclosedTuple: () => 'x = ' + '['.repeat(NEST) + '\n',
  object: () => 'x = ' + '{a = '.repeat(NEST) + '1' + '}'.repeat(NEST) + '\n',
  parens: () => 'x = ' + '('.repeat(NEST) + '1' + ')'.repeat(NEST) + '\n',
  interpolation: () => 'x = ' + '"${'.repeat(NEST) + '1' + '}"'.repeat(NEST) + '\n',
  calls: () => 'x = ' + 'f('.repeat(NEST) + '1' + ')'.repeat(NEST) + '\n',
  conditional: () => 'x = ' + 'a ? b : '.repeat(NEST) + '1\n',
  binary: () => 'x = ' + '1 + '.repeat(NEST) + '1\n',
  unary: () => 'x = ' + '!'.repeat(NEST) + 'true\n',
  traversal: () => 'x = a' + '.b'.repeat(NEST) + '\n',
  index: () => 'x = a' + '[0]'.repeat(NEST) + '\n',
  splat: () => 'x = a' + '[*].b'.repeat(NEST) + '\n',
  comments: () => '/*'.repeat(NEST) + '*/'.repeat(NEST),
  localsChain: () => 'locals {\n' + Array.from({ length: NEST }, (_, i) => `  l${i} = local.l${i + 1}\n`).join('') + '}\n',
};

function lineSplice(text: string, r: Random, action: (lines: string[], at: number, count: number) => void): string {
  const lines = text.split('\n');
  action(lines, int(r, lines.length), 1 + int(r, 5));
  return lines.join('\n');
}

const MUTATIONS: ((text: string, r: Random, other: string) => string)[] = [
  // truncate at a random point
  (t, r) => t.slice(0, int(r, t.length + 1)),
  // flip bits of the UTF-8 bytes (decoding then yields U+FFFD and odd characters)
  (t, r) => {
    const bytes = Buffer.from(t, 'utf8');
    for (let i = 1 + int(r, 8); i > 0 && bytes.length > 0; i--) bytes[int(r, bytes.length)] ^= 1 << int(r, 8);
    return bytes.toString('utf8');
  },
  // insert random unicode or a token
  (t, r) => {
    const at = int(r, t.length + 1);
    const insert = r() < 0.7 ? pick(r, INSERTS) : String.fromCodePoint(int(r, 0x110000 - 0x800) + (r() < 0.5 ? 0 : 0x800));
    return t.slice(0, at) + insert + t.slice(at);
  },
  // duplicate lines
  (t, r) => lineSplice(t, r, (lines, at, n) => lines.splice(at, 0, ...lines.slice(at, at + n))),
  // delete lines
  (t, r) => lineSplice(t, r, (lines, at, n) => lines.splice(at, n)),
  // move a chunk of lines elsewhere
  (t, r) =>
    lineSplice(t, r, (lines, at, n) => {
      const chunk = lines.splice(at, n);
      lines.splice(int(r, lines.length + 1), 0, ...chunk);
    }),
  // change line endings
  (t, r) => (r() < 0.5 ? t.replace(/\n/g, '\r\n') : t.replace(/\n/g, r() < 0.5 ? '\r' : '\n\n')),
  // replace a string literal (or true/false) by another value
  (t, r) => {
    const literals = [...t.matchAll(/"[^"\n]*"|\btrue\b|\bfalse\b/g)];
    if (literals.length === 0) return t;
    const m = pick(r, literals);
    return t.slice(0, m.index) + pick(r, VALUES) + t.slice(m.index + m[0].length);
  },
  // splice in part of another corpus file
  (t, r, other) => {
    const at = int(r, t.length + 1);
    const from = int(r, other.length + 1);
    return t.slice(0, at) + other.slice(from, from + int(r, 2000)) + t.slice(at);
  },
  // remove a random span
  (t, r) => {
    const at = int(r, t.length + 1);
    return t.slice(0, at) + t.slice(at + int(r, 200));
  },
];

/** A position in or (sometimes) beyond the text, as a careless client might send. */
function randomPosition(r: Random, lines: LineIndex): Position {
  const roll = r();
  if (roll < 0.03) return { line: lines.lineCount + int(r, 1000), character: int(r, 50) };
  if (roll < 0.05) return { line: int(r, lines.lineCount), character: 10000 + int(r, 1000) };
  if (roll < 0.06) return { line: -1 - int(r, 3), character: -int(r, 3) };
  return lines.positionAt(int(r, lines.text.length + 1));
}

function randomRange(r: Random, lines: LineIndex): Range {
  const a = lines.offsetAt(randomPosition(r, lines));
  const b = r() < 0.5 ? a : Math.min(lines.text.length, a + int(r, 300));
  return lines.range(a, b);
}

function applyChange(text: string, change: TextChange): string {
  if (!change.range) return change.text;
  const lines = new LineIndex(text);
  const start = lines.offsetAt(change.range.start);
  const end = Math.max(start, lines.offsetAt(change.range.end));
  return text.slice(0, start) + change.text + text.slice(end);
}

/** Probes and incremental edits for a text: what the editor would do with it. */
function randomSteps(r: Random, start: string, snippets: string[]): { steps: Step[]; text: string } {
  const steps: Step[] = [{ kind: 'analyze' }];
  let text = start;
  const probe = () => {
    const lines = new LineIndex(text);
    steps.push({ kind: 'hover', position: randomPosition(r, lines) });
    steps.push({ kind: 'inlay', range: r() < 0.5 ? undefined : randomRange(r, lines) });
    steps.push({ kind: 'fixes', range: randomRange(r, lines) });
  };
  probe();
  for (let e = 1 + int(r, 6); e > 0; e--) {
    const changes: TextChange[] = [];
    // Usually one change per notification (typing); sometimes a batch, rarely a full replace.
    for (let c = r() < 0.8 ? 1 : 2 + int(r, 3); c > 0; c--) {
      if (r() < 0.02) {
        changes.push({ text: text.slice(0, int(r, text.length + 1)) });
      } else {
        const lines = new LineIndex(text);
        const range = r() < 0.5 ? { start: randomPosition(r, lines), end: randomPosition(r, lines) } : randomRange(r, lines);
        const insert = r() < 0.3 ? '' : r() < 0.6 ? pick(r, INSERTS) : pick(r, snippets);
        changes.push({ range, text: insert });
      }
      text = applyChange(text, changes[changes.length - 1]);
    }
    steps.push({ kind: 'edit', changes });
    if (r() < 0.7) steps.push({ kind: 'analyze' });
    if (r() < 0.3) probe();
  }
  steps.push({ kind: 'analyze' });
  probe();
  return { steps, text };
}

interface Outcome {
  /**
   * Slowest single call of the case, ms: its wall time, or when re-measuring a slow case the
   * smaller of wall time and the process's CPU time during the call, so that a machine busy
   * with other work does not count against the core.
   */
  slowest: number;
  slowestCall: string;
  slowestWall: number;
  /** Findings at the end (so a run shows that the rules had something to say). */
  findings: number;
}

/** Findings as comparable text: everything but the object identity. */
function summarize(findings: Finding[]): string[] {
  return findings.map((f) => JSON.stringify([f.ruleId, f.severity, f.message, f.range, f.related, f.fixes])).sort();
}

function assertEditsInside(findings: Finding[], texts: (file: string) => string | undefined): void {
  for (const finding of findings) {
    for (const fix of finding.fixes) {
      for (const edit of fix.edits) {
        const text = texts(edit.file);
        assert.ok(text !== undefined, `fix "${fix.title}" edits a file the module does not have: ${edit.file}`);
        const lines = new LineIndex(text);
        const { start, end } = edit.range;
        const inside = (p: Position) =>
          p.line >= 0 && p.line < lines.lineCount && p.character >= 0 && p.character <= lines.lineText(p.line).length;
        assert.ok(inside(start) && inside(end), `fix "${fix.title}" edits outside the text: ${JSON.stringify(edit.range)}`);
        assert.ok(lines.offsetAt(start) <= lines.offsetAt(end), `fix "${fix.title}" has an inverted range`);
      }
    }
  }
}

/**
 * Runs a case through `service` (reused across cases, so state leaking between documents
 * shows) and compares the end state with a from-scratch analysis by `fresh`.
 */
function runCase(service: ElbLensService, fresh: ElbLensService, fuzzCase: FuzzCase, measureCpu = false): Outcome {
  const file = memPath(fuzzCase.file);
  const outcome: Outcome = { slowest: 0, slowestCall: '', slowestWall: 0, findings: 0 };
  const timed = <T>(call: string, work: () => T): T => {
    const started = performance.now();
    // process.cpuUsage is a system call: only when re-measuring a slow case.
    const cpuStart = measureCpu ? process.cpuUsage() : undefined;
    const result = work();
    const elapsed = performance.now() - started;
    const cpu = cpuStart && process.cpuUsage(cpuStart);
    // CPU time (ms) measures the work; wall time also counts waiting for a busy machine.
    const cost = cpu ? Math.min(elapsed, (cpu.user + cpu.system) / 1000) : elapsed;
    if (cost > outcome.slowest) {
      outcome.slowest = cost;
      outcome.slowestCall = call;
      outcome.slowestWall = elapsed;
    }
    return result;
  };
  let text = fuzzCase.text;
  timed('openDocument', () => service.openDocument(file, text));
  for (const step of fuzzCase.steps) {
    switch (step.kind) {
      case 'edit':
        timed('updateDocument', () => service.updateDocument(file, step.changes));
        for (const change of step.changes) text = applyChange(text, change);
        break;
      case 'analyze': {
        const byFile = timed('analyzeModule', () => service.analyzeModule(file));
        assertEditsInside([...byFile.values()].flat(), (f) => service.documentText(f));
        break;
      }
      case 'hover':
        timed('hover', () => service.hover(file, step.position));
        break;
      case 'inlay':
        timed('inlayHints', () => service.inlayHints(file, step.range));
        break;
      case 'fixes':
        timed('fixes', () => service.fixes(file, step.range));
        break;
    }
  }
  assert.equal(service.documentText(file), text, 'the service applied the incremental edits differently');
  // The incremental path (edited tree, reused blocks) must agree with a parse from scratch.
  fresh.openDocument(file, text);
  const expected = summarize(timed('analyzeFile (from scratch)', () => fresh.analyzeFile(file)));
  outcome.findings = expected.length;
  assert.deepEqual(summarize(service.analyzeFile(file)), expected, 'incremental analysis differs from a fresh one');
  const lines = new LineIndex(text);
  assert.deepEqual(service.inlayHints(file, undefined), fresh.inlayHints(file, undefined), 'inlay hints differ from a fresh analysis');
  for (let i = 0; i < 3; i++) {
    const position = lines.positionAt(Math.floor(((i + 1) * text.length) / 4));
    assert.deepEqual(service.hover(file, position), fresh.hover(file, position), `hover at ${JSON.stringify(position)} differs`);
  }
  fresh.closeDocument(file);
  service.closeDocument(file);
  return outcome;
}

function fixtureName(fuzzCase: FuzzCase): string {
  return createHash('sha1').update(JSON.stringify(fuzzCase)).digest('hex').slice(0, 12) + '.json';
}

/** Keeps a failing case, so it is replayed on every later run (and can be committed). */
function saveRegression(fuzzCase: FuzzCase, problem: string): string {
  fs.mkdirSync(REGRESSIONS, { recursive: true });
  const name = fixtureName(fuzzCase);
  fs.writeFileSync(path.join(REGRESSIONS, name), JSON.stringify({ problem, ...fuzzCase }, null, 1) + '\n');
  return `test/robustness/regressions/${name}`;
}

/** Fixtures: a saved case (JSON with text and steps), or any other file taken as a document text. */
function loadRegressions(): { name: string; fuzzCase: FuzzCase }[] {
  if (!fs.existsSync(REGRESSIONS)) return [];
  return fs
    .readdirSync(REGRESSIONS)
    .filter((n) => !n.startsWith('.') && n !== 'README.md')
    .sort()
    .map((name) => {
      const raw = fs.readFileSync(path.join(REGRESSIONS, name), 'utf8');
      const saved = name.endsWith('.json') ? (JSON.parse(raw) as Partial<FuzzCase>) : undefined;
      if (saved && typeof saved.text === 'string' && Array.isArray(saved.steps)) {
        return { name, fuzzCase: { file: saved.file ?? 'main.tf', text: saved.text, steps: saved.steps } };
      }
      // A bare document (hand-added): analysed with a fixed set of probes and edits.
      const { steps } = randomSteps(prng(1), raw, ['x = 1\n']);
      return { name, fuzzCase: { file: name.endsWith('.json') ? 'api.elb.json' : 'main.tf', text: raw, steps } };
    });
}

/** Runs cases; failures are saved as fixtures and reported together at the end. */
async function runAll(t: TestContext, cases: Iterable<FuzzCase>, save: boolean): Promise<void> {
  const { service } = await memoryService({});
  const fresh = (await memoryService({})).service;
  const failures: string[] = [];
  let slowest: Outcome & { origin?: string } = { slowest: 0, slowestCall: '', slowestWall: 0, findings: 0 };
  let withFindings = 0;
  let count = 0;
  for (const fuzzCase of cases) {
    count++;
    let problem: string | undefined;
    try {
      let outcome = runCase(service, fresh, fuzzCase);
      if (outcome.slowest > LIMIT_MS) {
        // A loaded machine can stall once; blame the input only if it is slow again, alone.
        const again = await memoryService({});
        outcome = runCase(again.service, (await memoryService({})).service, fuzzCase, true);
        if (outcome.slowest > LIMIT_MS)
          problem = `${outcome.slowestCall} took ${outcome.slowest.toFixed(0)} ms CPU, ${outcome.slowestWall.toFixed(0)} ms wall (limit ${LIMIT_MS} ms)`;
      }
      if (outcome.slowest > slowest.slowest) slowest = { ...outcome, origin: fuzzCase.origin };
      if (outcome.findings > 0) withFindings++;
    } catch (error) {
      problem = error instanceof Error ? (error.stack ?? error.message) : String(error);
      // Leave no half-edited document behind for the next case.
      try {
        service.closeDocument(memPath(fuzzCase.file));
        fresh.closeDocument(memPath(fuzzCase.file));
      } catch {
        // reported through `problem` already
      }
    }
    if (problem !== undefined) {
      const where = save ? saveRegression(fuzzCase, problem.split('\n')[0]) : fuzzCase.origin;
      failures.push(`${where}: ${problem}`);
      if (failures.length >= 10) break;
    }
  }
  t.diagnostic(
    `${count} cases (${withFindings} with findings); slowest single call ${slowest.slowest.toFixed(1)} ms (${slowest.slowestWall.toFixed(1)} ms wall; limit ${LIMIT_MS} ms): ` +
      `${slowest.slowestCall}${slowest.origin ? `, ${slowest.origin}` : ''}`,
  );
  assert.deepEqual(
    failures,
    [],
    `${failures.length} failing case(s)${save ? ', saved as regression fixtures' : ''}:\n${failures.join('\n\n')}`,
  );
}

function corpusFiles(dir: string, suffixes: string[]): string[] {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (suffixes.some((s) => e.name.endsWith(s))) files.push(full);
    }
  };
  walk(dir);
  return files.sort();
}

const EXAMPLES = path.resolve(__dirname, '..', '..', '..', 'examples');

/** Each example module as one text (its .tf files joined): they hold a finding of every rule. */
function exampleModules(): { name: string; text: string }[] {
  if (!fs.existsSync(EXAMPLES)) return [];
  return fs
    .readdirSync(EXAMPLES, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => {
      const dir = path.join(EXAMPLES, e.name);
      const tf = fs
        .readdirSync(dir)
        .filter((n) => n.endsWith('.tf'))
        .sort();
      return { name: `examples/${e.name}`, text: tf.map((n) => fs.readFileSync(path.join(dir, n), 'utf8')).join('\n') };
    })
    .filter((m) => m.text.length > 0);
}

/**
 * Cases from the corpus: mostly load balancer files, up to three mutations each. A share
 * starts from the example modules instead, so that rules fire and fixes get exercised;
 * a few are ELB API JSON documents.
 */
function* corpusCases(seed: number, count: number): Generator<FuzzCase> {
  const tfFiles = corpusFiles(path.join(CORPUS_DIR, 'terraform'), ['.tf']);
  const tfTexts = tfFiles.map((f) => fs.readFileSync(f, 'utf8'));
  const elbIndexes = tfTexts.flatMap((t, i) => (/_(lb|elb)_/.test(t) ? [i] : []));
  const jsonDir = path.join(CORPUS_DIR, 'elb-api-json');
  const jsonFiles = fs.existsSync(jsonDir) ? corpusFiles(jsonDir, ['.json', '.jsonc']) : [];
  const examples = exampleModules();
  const snippets = tfTexts.flatMap((t) => t.split('\n').filter((l) => /=/.test(l) && l.length < 120)).slice(0, 20000);
  const r = prng(seed);
  for (let i = 0; i < count; i++) {
    const roll = r();
    const json = jsonFiles.length > 0 && roll < 0.08;
    let text: string;
    let origin: string;
    if (json) {
      const source = pick(r, jsonFiles);
      text = fs.readFileSync(source, 'utf8');
      origin = path.relative(CORPUS_DIR, source);
    } else if (examples.length > 0 && roll < 0.3) {
      const example = pick(r, examples);
      text = example.text;
      origin = example.name;
    } else {
      const index = r() < 0.7 && elbIndexes.length > 0 ? pick(r, elbIndexes) : int(r, tfTexts.length);
      text = tfTexts[index];
      origin = path.relative(CORPUS_DIR, tfFiles[index]);
      if (r() < 0.15) {
        // A module of several files' blocks, as the benchmarks build them.
        const extra = pick(r, elbIndexes.length > 0 ? elbIndexes : [0]);
        text += '\n' + tfTexts[extra];
        origin += ` + ${path.relative(CORPUS_DIR, tfFiles[extra])}`;
      }
    }
    const applied: string[] = [];
    // None at all sometimes: the edits below then start from a sound module, whose findings they change.
    for (let m = r() < 0.25 ? 0 : 1 + int(r, 3); m > 0; m--) {
      const which = int(r, MUTATIONS.length);
      applied.push(String(which));
      text = MUTATIONS[which](text, r, tfTexts[int(r, tfTexts.length)]);
    }
    if (r() < 0.004) {
      // Deep nesting is slow to analyse (tens of ms): a few random ones here, each kind below.
      const kind = pick(r, Object.keys(NESTINGS));
      const at = int(r, text.length + 1);
      text = text.slice(0, at) + NESTINGS[kind]() + text.slice(at);
      applied.push(`nest:${kind}`);
    }
    const { steps } = randomSteps(r, text, snippets.length > 0 ? snippets : ['x = 1\n']);
    yield {
      file: json ? 'api.elb.json' : 'main.tf',
      text,
      steps,
      origin: `case ${i} (seed ${seed}): ${origin}, mutations ${applied.join(',')}`,
    };
  }
}

const LISTENER = `resource "huaweicloud_elb_loadbalancer" "lb" {
  name = "lb"
}

resource "huaweicloud_elb_listener" "l" {
  loadbalancer_id              = huaweicloud_elb_loadbalancer.lb.id
  protocol                     = "TCP"
  transparent_client_ip_enable = "false"
  NEST
}
`;

describe('fuzzing the analysis core', () => {
  test('regression fixtures (inputs that once failed) pass', async (t) => {
    const fixtures = loadRegressions();
    if (fixtures.length === 0) {
      t.diagnostic('no regression fixtures yet');
      return;
    }
    await runAll(
      t,
      fixtures.map((f) => ({ ...f.fuzzCase, origin: f.name })),
      false,
    );
  });

  test(`${NEST.toLocaleString('en')} levels of every kind of nesting`, async (t) => {
    const cases: FuzzCase[] = [];
    const r = prng(SEED);
    for (const [index, [kind, make]] of Object.entries(NESTINGS).entries()) {
      // Inside a listener's body for half the kinds, after it at the top level for the others.
      const inside = index % 2 === 0;
      const nest = make();
      const text = inside ? LISTENER.replace('NEST', nest) : LISTENER.replace('  NEST\n', '') + nest;
      cases.push({
        file: 'main.tf',
        text,
        steps: randomSteps(r, text, ['protocol = "UDP"\n', '}\n']).steps,
        origin: `nest:${kind}${inside ? ' in a listener' : ' at the top level'}`,
      });
    }
    await runAll(t, cases, true);
  });

  test(`${CASES} mutated corpus files (seed ${SEED})`, async (t) => {
    if (!fs.existsSync(path.join(CORPUS_DIR, 'terraform'))) {
      if (process.env.CI) assert.fail(`the corpus is missing at ${CORPUS_DIR}/terraform`);
      t.skip(`corpus not found at ${CORPUS_DIR}/terraform`);
      return;
    }
    await runAll(t, corpusCases(SEED, CASES), true);
  });
});
