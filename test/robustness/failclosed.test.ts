import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { run, tempTree } from '../cli/harness';
import { needsMissing } from '../helpers';

/**
 * Issue 28, item 5: input that was asked for and cannot be read is an error that names it
 * (exit 1), not a skip with exit 0; the readable files are still checked and reported.
 */

const LISTENER = `resource "huaweicloud_elb_listener" "web" {
  loadbalancer_id              = "lb"
  protocol                     = "TCP"
  transparent_client_ip_enable = false
}
`;

async function checkAndExpect(dir: string, name: RegExp, reason: RegExp): Promise<void> {
  const result = await run(['check', '--format', 'compact', dir]);
  assert.equal(result.code, 1, result.stderr);
  assert.match(result.stderr, new RegExp(`elb-lens: cannot read .*${name.source}.*: .*${reason.source}`));
  assert.match(result.stdout, /ok\/main\.tf:\d+:\d+: error \[client-ip-always-on\]/, 'the readable files are still checked');
}

describe('what cannot be read is an error, not a skip', () => {
  test('a FIFO under a checked name', async (t) => {
    const dir = tempTree({ 'ok/main.tf': LISTENER });
    if (spawnSync('mkfifo', [path.join(dir, 'pipe.tf')]).status !== 0) return needsMissing(t, 'mkfifo is not available');
    await checkAndExpect(dir, /pipe\.tf/, /not a regular file/);
  });

  test('a link to /dev/zero under a checked name', async (t) => {
    if (!fs.existsSync('/dev/zero')) return needsMissing(t, '/dev/zero is not available');
    const dir = tempTree({ 'ok/main.tf': LISTENER });
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.tf'));
    await checkAndExpect(dir, /zero\.tf/, /a link to a FIFO, socket or device/);
  });

  test('a folder whose name is not valid UTF-8', async () => {
    const dir = tempTree({ 'ok/main.tf': LISTENER });
    const bad = Buffer.concat([Buffer.from(path.join(dir, 'bad')), Buffer.from([0xff])]);
    fs.mkdirSync(bad);
    fs.writeFileSync(Buffer.concat([bad, Buffer.from('/main.tf')]), LISTENER);
    await checkAndExpect(dir, /bad/, /name is not valid UTF-8/);
  });

  test('a folder whose path is longer than PATH_MAX', async (t) => {
    const dir = tempTree({ 'ok/main.tf': LISTENER });
    // Made one relative step at a time (an absolute path that long cannot be opened).
    const script = `process.chdir(process.argv[1]); for (let i = 0; i < 20; i++) { require('fs').mkdirSync('${'x'.repeat(250)}'); process.chdir('${'x'.repeat(250)}'); } require('fs').writeFileSync('main.tf', process.argv[2]);`;
    const made = spawnSync(process.execPath, ['-e', script, dir, LISTENER], { encoding: 'utf8' });
    if (made.status !== 0) return needsMissing(t, `a path past PATH_MAX cannot be made here: ${made.stderr}`);
    await checkAndExpect(dir, /x{250}/, /longer than the system allows/);
  });

  test('a root that is a FIFO (named on the command line)', async (t) => {
    const dir = tempTree({ 'ok/main.tf': LISTENER });
    const fifo = path.join(dir, 'named.tf');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return needsMissing(t, 'mkfifo is not available');
    const result = await run(['check', '--format', 'compact', fifo, path.join(dir, 'ok')]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /cannot read .*named\.tf: it is not a regular file/);
  });
});
