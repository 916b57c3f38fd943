import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import { CLI_JS, run, tempTree, type CliRun } from '../cli/harness';
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

/** Whether this process runs as root, for whom file permissions do not stop a read. */
const IS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;
/** The user `nobody`, whom the CLI runs as when the tests run as root. */
const NOBODY = 65534;

/**
 * Runs the compiled CLI as a child running as `nobody` (for root, file permissions do not stop
 * a read); a string saying why when that child cannot start here.
 */
function runAsNobody(argv: string[], dir: string): CliRun | string {
  // nobody must reach the tree: mkdtemp makes it private to root.
  fs.chmodSync(dir, 0o755);
  const result = spawnSync(process.execPath, [CLI_JS, ...argv], {
    encoding: 'utf8',
    uid: NOBODY,
    gid: NOBODY,
    env: { PATH: process.env.PATH ?? '' },
  });
  if (result.error || /Cannot find module|EACCES: permission denied, open '.*\.js'/.test(result.stderr))
    return `the CLI cannot run as nobody (uid ${NOBODY}) here: ${result.error?.message ?? result.stderr.split('\n')[0]}`;
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** The CLI's run with files made unreadable (chmod 000): as nobody when root, else as this user. */
async function runWithUnreadable(t: TestContext, argv: string[], dir: string, unreadable: string[]): Promise<CliRun | undefined> {
  for (const file of unreadable) fs.chmodSync(file, 0o000);
  if (!IS_ROOT) return run(argv);
  const result = runAsNobody(argv, dir);
  if (typeof result === 'string') {
    needsMissing(t, result);
    return undefined;
  }
  return result;
}

describe('what cannot be read is an error, not a skip', () => {
  test('a file or a folder without read permission, in a folder and named on the command line (as root: run as nobody)', async (t) => {
    const dir = tempTree({
      'ok/main.tf': LISTENER,
      'secret.tf': LISTENER,
      'values.yaml': 'a: 1\n',
      'other.txt': 'x',
      'locked/main.tf': LISTENER,
    });
    const secret = path.join(dir, 'secret.tf');
    const inFolder = await runWithUnreadable(t, ['check', '--format', 'compact', dir], dir, [
      secret,
      path.join(dir, 'values.yaml'),
      path.join(dir, 'other.txt'),
      path.join(dir, 'locked'),
    ]);
    if (!inFolder) return;
    assert.equal(inFolder.code, 1, inFolder.stderr);
    assert.match(inFolder.stderr, /elb-lens: cannot read .*secret\.tf: permission denied/);
    assert.match(inFolder.stderr, /elb-lens: cannot read .*values\.yaml: permission denied/);
    assert.match(inFolder.stderr, /elb-lens: cannot read .*locked: the folder cannot be read/);
    assert.doesNotMatch(inFolder.stderr, /other\.txt/, 'a file of no kind ELB Lens reads is not asked for');
    assert.match(inFolder.stdout, /ok\/main\.tf:\d+:\d+: error \[client-ip-always-on\]/, 'the readable files are still checked');
    const named = await runWithUnreadable(t, ['check', '--format', 'compact', secret, path.join(dir, 'ok')], dir, []);
    if (!named) return;
    assert.equal(named.code, 1, named.stderr);
    assert.match(named.stderr, /elb-lens: cannot read .*secret\.tf: permission denied/);
    assert.match(named.stdout, /ok\/main\.tf:\d+:\d+: error \[client-ip-always-on\]/);
  });

  test('an unreadable file that the configuration excludes is not asked for', async (t) => {
    const dir = tempTree({ 'ok/main.tf': LISTENER, 'legacy/secret.tf': LISTENER, '.elb-lens.json': '{"exclude": ["legacy/**"]}' });
    fs.chmodSync(path.join(dir, 'legacy'), 0o755);
    const result = await runWithUnreadable(t, ['check', '--format', 'compact', dir], dir, [path.join(dir, 'legacy', 'secret.tf')]);
    if (!result) return;
    assert.equal(result.code, 2, result.stderr);
    assert.doesNotMatch(result.stderr, /cannot read/);
  });

  test('a Terraform file that is not UTF-8 text, or binary', async () => {
    const dir = tempTree({ 'ok/main.tf': LISTENER });
    fs.writeFileSync(
      path.join(dir, 'latin1.tf'),
      Buffer.concat([Buffer.from('locals {\n  x = "caf'), Buffer.from([0xe9]), Buffer.from('"\n}\n')]),
    );
    fs.writeFileSync(path.join(dir, 'blob.auto.tfvars'), Buffer.from([0x78, 0x00, 0x01, 0x02]));
    const result = await run(['check', '--format', 'compact', dir]);
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /elb-lens: cannot read .*latin1\.tf: it is not valid UTF-8 text/);
    assert.match(result.stderr, /elb-lens: cannot read .*blob\.auto\.tfvars: it is binary/);
    assert.match(result.stdout, /ok\/main\.tf:\d+:\d+: error \[client-ip-always-on\]/);
  });

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
