import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { Finding } from '../../server/src/core/types';
import { SNIFF_FIELDS, wrapperFor } from '../../server/src/elbjson';
import { createNodeHost } from '../../server/src/service/nodeHost';
import { createElbLensService } from '../../server/src/service/service';
import { CORPUS_DIR } from '../helpers';

const ELB_API_JSON = path.join(CORPUS_DIR, 'elb-api-json');

/**
 * Every finding the corpus produces, reviewed. The samples are API reference examples:
 * - v3 `adding_a_listener`, `querying_listeners`, `updating_a_listener.1`,
 *   `viewing_details_of_a_listener`: the TCP listener "My listener" has
 *   `insert_headers: {"X-Forwarded-ELB-IP": true}`, an HTTP header a TCP listener ignores.
 * - v3 `querying_listeners`: the TERMINATED_HTTPS listener "listener-test" has
 *   `transparent_client_ip_enable: false`; TERMINATED_HTTPS only exists on shared load
 *   balancers, whose HTTPS listeners always pass the client IP on.
 * - v2.0 (folder mode only) `adding_a_listener.0`: TCP listener on load balancer 0416b6f1…,
 *   which `adding_a_listener.1` shows is shared (it has a TERMINATED_HTTPS listener); shared
 *   TCP listeners leave client IP transfer off by default (information).
 */
const REVIEWED_ALONE = [
  'apis_v3/adding_a_listener.0.json:29 client-ip-ineffective-option',
  'apis_v3/querying_listeners.0.json:28 client-ip-ineffective-option',
  'apis_v3/querying_listeners.0.json:60 client-ip-always-on',
  'apis_v3/updating_a_listener.1.json:28 client-ip-ineffective-option',
  'apis_v3/viewing_details_of_a_listener.0.json:28 client-ip-ineffective-option',
];
const REVIEWED_FOLDERS = [...REVIEWED_ALONE, 'apis_v2.0/adding_a_listener.0.json:2 client-ip-shared-l4-off'].sort();

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

test('ELB API JSON corpus: every sample analyses without exception, each alone and each folder whole; findings listed', async (t) => {
  if (!fs.existsSync(ELB_API_JSON)) {
    if (process.env.CI) assert.fail(`the corpus is missing at ${ELB_API_JSON}`);
    t.skip(`corpus not found at ${ELB_API_JSON}`);
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
  const describe = (file: string, f: Finding) =>
    `${path.relative(ELB_API_JSON, file).split(path.sep).join('/')}:${f.range.start.line + 1} ${f.ruleId}`;
  const dirs = fs
    .readdirSync(ELB_API_JSON, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => path.join(ELB_API_JSON, e.name))
    .sort();
  const started = performance.now();
  let count = 0;
  let recognised = 0;
  let slowest = { file: '', ms: 0 };
  const alone: string[] = [];
  const lines: string[] = [];
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
      for (const f of findings) {
        alone.push(describe(file, f));
        lines.push(`alone   ${describe(file, f)} (${f.severity}): ${f.message}`);
      }
    }
  }
  only = undefined;
  const folders: string[] = [];
  for (const dir of dirs) {
    const files = fs.readdirSync(dir).map((n) => path.join(dir, n));
    for (const file of files) service.fileChanged(file);
    const first = files.find((f) => service.isSupportedFile(f));
    if (!first) continue;
    for (const [file, findings] of service.analyzeModule(first)) {
      for (const f of findings) {
        folders.push(describe(file, f));
        lines.push(`folder  ${describe(file, f)} (${f.severity}): ${f.message}`);
      }
    }
  }
  const total = performance.now() - started;
  t.diagnostic(`${count} samples (${recognised} ELB JSON) in ${total.toFixed(0)} ms; slowest ${slowest.file} ${slowest.ms.toFixed(1)} ms`);
  for (const line of lines) t.diagnostic(line);
  assert.deepEqual(logged, [], 'no rule failed');
  assert.ok(count > 100, `expected the whole corpus, read ${count} files`);
  assert.ok(recognised > 40, `recognised ${recognised}`);
  assert.deepEqual(alone.sort(), REVIEWED_ALONE);
  assert.deepEqual(folders.sort(), REVIEWED_FOLDERS);
});
