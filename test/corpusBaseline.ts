import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TestContext } from 'node:test';
import type { Finding } from '../server/src/core/types';
import { CORPUS_DIR } from './helpers';

/**
 * The reviewed findings of the real-world corpus (../shared/corpus), one list per way the
 * corpus is analysed, as `path/relative/to/the/corpus:line rule-id`. The corpus tests fail
 * on any difference. `npm run corpus:baseline` (ELB_LENS_CORPUS_BASELINE=write) writes
 * what the analysis finds now instead; review the diff of the file before committing it.
 * `notes` holds free-form explanations of single findings (key → why it is expected); they
 * are kept when rewriting, and a note whose finding is gone is reported for removal by hand.
 */
export const BASELINE_FILE = path.resolve(__dirname, '..', '..', 'test', 'fixtures', 'corpus-baseline.json');
const BASELINE_NAME = 'test/fixtures/corpus-baseline.json';

/** Whether this run rewrites the baseline instead of checking it. */
export const UPDATING_BASELINE = process.env.ELB_LENS_CORPUS_BASELINE === 'write';

interface BaselineFile {
  about: string;
  notes: Record<string, string>;
  findings: Record<string, string[]>;
}

const ABOUT =
  'Expected findings of ../shared/corpus (file relative to the corpus:line rule-id), checked by test/corpus.test.ts and ' +
  'test/elbjson/corpus.test.ts. Regenerate with `npm run corpus:baseline` and review the diff; notes are kept.';

/** The baseline key of a finding. */
export function baselineKey(finding: Finding): string {
  return `${path.relative(CORPUS_DIR, finding.file).split(path.sep).join('/')}:${finding.range.start.line + 1} ${finding.ruleId}`;
}

function readBaseline(): BaselineFile {
  if (!fs.existsSync(BASELINE_FILE)) return { about: ABOUT, notes: {}, findings: {} };
  const parsed = JSON.parse(fs.readFileSync(BASELINE_FILE, 'utf8')) as Partial<BaselineFile>;
  return { about: ABOUT, notes: parsed.notes ?? {}, findings: parsed.findings ?? {} };
}

/** `a` less one occurrence of each entry of `b` (both may repeat entries). */
function without(a: string[], b: string[]): string[] {
  const left = new Map<string, number>();
  for (const key of b) left.set(key, (left.get(key) ?? 0) + 1);
  return a.filter((key) => {
    const n = left.get(key) ?? 0;
    if (n === 0) return true;
    left.set(key, n - 1);
    return false;
  });
}

/**
 * Compares the findings of one section with the baseline and fails with a readable diff
 * (or, when rewriting, stores them and reports what changed).
 */
export function checkBaseline(t: TestContext, section: string, findings: Finding[]): void {
  const actual = findings.map(baselineKey).sort();
  const detail = new Map(findings.map((f) => [baselineKey(f), `${f.severity}: ${f.message}`]));
  const baseline = readBaseline();
  const expected = baseline.findings[section];
  const missing = expected ? without(expected, actual) : [];
  const added = without(actual, expected ?? []);
  const diff = [
    ...(missing.length > 0 ? [`  expected, not found (${missing.length}):`, ...missing.map((k) => `    - ${k}`)] : []),
    ...(added.length > 0 ? [`  found, not in the baseline (${added.length}):`, ...added.map((k) => `    + ${k} (${detail.get(k)})`)] : []),
  ];

  if (UPDATING_BASELINE) {
    baseline.findings[section] = actual;
    const sections = Object.keys(baseline.findings).sort();
    const all = new Set(sections.flatMap((s) => baseline.findings[s]));
    const orphans = Object.keys(baseline.notes).filter((key) => !all.has(key));
    const written: BaselineFile = {
      about: ABOUT,
      notes: baseline.notes,
      findings: Object.fromEntries(sections.map((s) => [s, baseline.findings[s]])),
    };
    fs.mkdirSync(path.dirname(BASELINE_FILE), { recursive: true });
    fs.writeFileSync(BASELINE_FILE, `${JSON.stringify(written, null, 2)}\n`);
    console.log(`${BASELINE_NAME} "${section}": ${actual.length} finding(s) written${diff.length ? ', changes:' : ', unchanged'}`);
    for (const line of diff) console.log(line);
    for (const key of orphans) console.log(`  a note in ${BASELINE_NAME} has no finding in any section (remove it if it is gone): ${key}`);
    return;
  }

  if (!expected) assert.fail(`${BASELINE_NAME} has no section "${section}": run npm run corpus:baseline and review the result`);
  if (diff.length === 0) {
    t.diagnostic(`${actual.length} finding(s), as in ${BASELINE_NAME} "${section}"`);
    return;
  }
  assert.fail(
    [
      `the corpus findings differ from the reviewed baseline ${BASELINE_NAME} "${section}":`,
      ...diff,
      'If the change is intended, run `npm run corpus:baseline` and review the diff of the baseline before committing it.',
    ].join('\n'),
  );
}
