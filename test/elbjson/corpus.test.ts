import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { Finding } from '../../server/src/core/types';
import { SNIFF_FIELDS, wrapperFor } from '../../server/src/elbjson';
import { createNodeHost } from '../../server/src/project/nodeFs';
import { createElbLensService } from '../../server/src/service/service';
import { checkBaseline, UPDATING_BASELINE } from '../corpusBaseline';
import { CORPUS_DIR, needsMissing } from '../helpers';

const ELB_API_JSON = path.join(CORPUS_DIR, 'elb-api-json');

// Every finding the corpus produces is compared with the reviewed baseline,
// test/fixtures/corpus-baseline.json (its notes say why each of these is expected);
// `npm run corpus:baseline` regenerates it.

/** The sniff's answer worked out with a full parse: a top-level ELB object (or list item) with an ELB field. */
function looksElb(text: string): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return false;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return false;
  return Object.entries(parsed).some(([key, value]) => {
    const wrapper = wrapperFor(key);
    if (!wrapper) return false;
    const items: unknown[] = wrapper.plural
      ? Array.isArray(value)
        ? value
        : []
      : value && typeof value === 'object' && !Array.isArray(value)
        ? [value]
        : [];
    return items.some((item) => item && typeof item === 'object' && Object.keys(item).some((k) => SNIFF_FIELDS[wrapper.role].includes(k)));
  });
}

test('ELB API JSON corpus: every sample analyses without exception, each alone and each folder whole; findings as in the baseline', async (t) => {
  if (!fs.existsSync(ELB_API_JSON)) {
    if (UPDATING_BASELINE) assert.fail(`corpus not found at ${ELB_API_JSON}: the baseline cannot be written`);
    needsMissing(t, `corpus not found at ${ELB_API_JSON}`);
    return;
  }
  const nodeHost = createNodeHost();
  let only: string | undefined;
  const logged: string[] = [];
  const service = await createElbLensService({
    readFile: (file) => nodeHost.readFile(file),
    readDirectory: (dir) => (only && path.dirname(only) === dir ? [path.basename(only)] : nodeHost.readDirectory(dir)),
    log: (message) => logged.push(message),
  });
  const dirs = fs
    .readdirSync(ELB_API_JSON, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => path.join(ELB_API_JSON, e.name))
    .sort();
  const started = performance.now();
  let count = 0;
  let recognised = 0;
  let slowest = { file: '', ms: 0 };
  const alone: Finding[] = [];
  for (const dir of dirs) {
    for (const name of fs.readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      count++;
      only = file;
      service.fileChanged(file);
      const supported = service.isSupportedFile(file);
      const text = fs.readFileSync(file, 'utf8');
      // Recognised exactly when a top-level ELB object carries ELB fields (certificates, policies, health checks, tags … are not).
      assert.equal(supported, looksElb(text), name);
      if (supported) recognised++;
      const begin = performance.now();
      const findings = service.analyzeFile(file);
      const hover = service.hover(file, { line: 2, character: 8 });
      service.inlayHints(file, undefined);
      for (const f of findings) for (const fix of f.fixes) assert.ok(fix.edits.length > 0, `${name}: ${fix.title}`);
      const ms = performance.now() - begin;
      if (ms > slowest.ms) slowest = { file: name, ms };
      if (!supported) assert.equal(findings.length + (hover ? 1 : 0), 0, name);
      alone.push(...findings);
    }
  }
  only = undefined;
  const folders: Finding[] = [];
  for (const dir of dirs) {
    const files = fs.readdirSync(dir).map((n) => path.join(dir, n));
    for (const file of files) service.fileChanged(file);
    const first = files.find((f) => service.isSupportedFile(f));
    if (!first) continue;
    for (const findings of service.analyzeModule(first).values()) folders.push(...findings);
  }
  const total = performance.now() - started;
  t.diagnostic(`${count} samples (${recognised} ELB JSON) in ${total.toFixed(0)} ms; slowest ${slowest.file} ${slowest.ms.toFixed(1)} ms`);
  assert.deepEqual(logged, [], 'no rule failed');
  assert.ok(count > 100, `expected the whole corpus, read ${count} files`);
  assert.ok(recognised > 40, `recognised ${recognised}`);
  checkBaseline(t, 'elb-api-json: each file on its own', alone);
  checkBaseline(t, 'elb-api-json: each folder as one set', folders);
});
