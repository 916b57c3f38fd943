import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import type { Finding } from '../../server/src/core/types';
import { createElbLensService } from '../../server/src/service/service';
import { CORPUS_DIR, MemoryHost, memPath, needsMissing } from '../helpers';

/**
 * The byte scan before parsing: files in which nothing can matter are not parsed, and that
 * never changes a result (the same findings with the scan off, on every layout).
 */

async function findingsBothWays(files: Record<string, string>, file: string): Promise<{ on: Finding[]; off: Finding[]; unparsed: number }> {
  const results: Finding[][] = [];
  let unparsed = 0;
  for (const prescan of [true, false]) {
    const host = new MemoryHost(files);
    const service = await createElbLensService(host, { prescan });
    service.setWorkspaceFiles(host.files.keys());
    results.push(service.analyzeFile(memPath(file)));
    if (prescan) unparsed = service.stats().unparsedTerraformFiles;
  }
  return { on: results[0], off: results[1], unparsed };
}

const LISTENER = `resource "huaweicloud_lb_listener" "syslog" {
  loadbalancer_id              = "lb"
  protocol                     = var.protocol
  protocol_port                = 514
  transparent_client_ip_enable = local.transfer
}
`;
const VARIABLES = 'variable "protocol" {\n  default = "UDP"\n}\n';
const LOCALS = 'locals {\n  transfer = "false"\n}\n';
const UNRELATED = 'resource "huaweicloud_vpc" "net" {\n  name = "net"\n  cidr = "10.0.0.0/16"\n}\n';

describe('byte scan before parsing', () => {
  test('declarations in files without ELB resources are still found (read when a lookup needs them)', async () => {
    const files = { 'm/listener.tf': LISTENER, 'm/variables.tf': VARIABLES, 'm/locals.tf': LOCALS, 'm/network.tf': UNRELATED };
    const { on, off, unparsed } = await findingsBothWays(files, 'm/listener.tf');
    assert.equal(on.length, 1, 'var.protocol = UDP from variables.tf');
    assert.match(on[0].message, /\(UDP\) turns Transfer Client IP Address off/, 'local.transfer = "false" from locals.tf');
    assert.deepEqual(on, off);
    assert.equal(unparsed, 1, 'only network.tf is left unparsed');
  });

  test('the only ELB resource in a renamed file, a moved file, or a folder reached only through a module call', async () => {
    const base = { 'm/variables.tf': VARIABLES, 'm/locals.tf': LOCALS, 'm/network.tf': UNRELATED };
    for (const [name, where] of [
      ['renamed', 'm/zzz-renamed.tf'],
      ['moved', 'm/nested/listener.tf'],
    ] as const) {
      const files: Record<string, string> = { ...base, [where]: LISTENER };
      if (name === 'moved') Object.assign(files, { 'm/nested/variables.tf': VARIABLES, 'm/nested/locals.tf': LOCALS });
      const { on, off } = await findingsBothWays(files, where);
      assert.equal(on.length, 1, name);
      assert.deepEqual(on, off, name);
    }
    // The root holds no ELB resource, only a call: the child is found through it.
    const called = {
      'root/main.tf': 'module "syslog" {\n  source   = "../child"\n  protocol = "TCP"\n}\n',
      'root/network.tf': UNRELATED,
      'child/listener.tf': LISTENER,
      'child/variables.tf': 'variable "protocol" {}\n',
      'child/locals.tf': LOCALS,
    };
    const child = await findingsBothWays(called, 'child/listener.tf');
    assert.equal(child.on.length, 1);
    assert.match(child.on[0].message, /module\.syslog\./);
    assert.deepEqual(child.on, child.off);
  });

  test('a folder with no ELB resource and no module call is not parsed at all', async () => {
    const { on, unparsed } = await findingsBothWays({ 'net/a.tf': UNRELATED, 'net/b.tf': VARIABLES }, 'net/a.tf');
    assert.deepEqual(on, []);
    assert.equal(unparsed, 2);
  });
});

describe('the corpus: same findings with and without the scan, in one thread and in two', () => {
  const CLI = path.resolve(__dirname, '..', '..', '..', 'bin', 'elb-lens.js');
  const corpus = path.join(CORPUS_DIR, 'terraform');
  test('check --format json: --no-prescan and --jobs 1/2 agree', (t) => {
    if (!fs.existsSync(corpus)) {
      needsMissing(t, `the corpus is missing (${corpus})`);
      return;
    }
    const runs = [
      ['--jobs', '1'],
      ['--jobs', '2'],
      ['--jobs', '2', '--no-prescan'],
    ].map((extra) => {
      const run = spawnSync(process.execPath, [CLI, 'check', corpus, '--format', 'json', '--min-severity', 'hint', ...extra], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        timeout: 300_000,
      });
      assert.equal(run.error, undefined, String(run.error));
      assert.ok(run.status === 0 || run.status === 2, `exit ${run.status}: ${run.stderr}`);
      return run.stdout;
    });
    assert.equal(runs[1], runs[0], '--jobs 2 gives what --jobs 1 gives');
    assert.equal(runs[2], runs[0], '--no-prescan gives what the scan gives');
    t.diagnostic(`${(JSON.parse(runs[0]) as { diagnostics: unknown[] }).diagnostics.length} finding(s) each way`);
  });
});
