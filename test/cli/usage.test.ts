import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { CHECK_OPTIONS, GRAPH_OPTIONS } from '../../server/src/cli/args';
import { PSEUDO_RULES } from '../../server/src/core/pseudoRules';
import { REPO_ROOT, run, runChild, tempTree } from './harness';

describe('CLI help, version and suggestions', () => {
  it('every command prints its own help with --help or -h, exit 0 and nothing on stderr', async () => {
    for (const command of ['check', 'graph', 'rules', 'explain']) {
      for (const flag of ['--help', '-h']) {
        const result = await run([command, flag]);
        assert.equal(result.code, 0, `${command} ${flag}: ${result.stderr}`);
        assert.equal(result.stderr, '');
        assert.match(result.stdout, new RegExp(`^Usage: elb-lens ${command}`));
      }
    }
    const later = await run(['check', 'examples', '--format', 'json', '--help']);
    assert.equal(later.code, 0);
    assert.match(later.stdout, /^Usage: elb-lens check/);
    assert.match((await run(['help', 'graph'])).stdout, /^Usage: elb-lens graph/);
  });

  it('the help of check and graph names every option with its short form', async () => {
    for (const [command, options] of [
      ['check', CHECK_OPTIONS],
      ['graph', GRAPH_OPTIONS],
    ] as const) {
      const help = (await run([command, '--help'])).stdout;
      for (const option of options) {
        const [long, short] = option.names;
        assert.ok(help.includes(short ? `${short}, ${long}` : long), `${command}: ${option.names.join(' ')}`);
      }
    }
    assert.match((await run(['check', '--help'])).stdout, /-o, --output <file>/);
  });

  it('the help names Kubernetes YAML among the files checked', async () => {
    for (const argv of [['--help'], ['check', '--help']]) assert.match((await run(argv)).stdout, /Kubernetes Service YAML/);
  });

  it('-v, -V, --version and version print the version', async () => {
    const version = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    for (const flag of ['-v', '-V', '--version', 'version']) {
      const result = await run([flag]);
      assert.equal(result.code, 0, flag);
      assert.equal(result.stdout, `${version}\n`, flag);
    }
  });

  it('a mistyped option or command gets a suggestion, exit 1, and that command’s help', async () => {
    const option = await run(['check', '--fromat', 'json']);
    assert.equal(option.code, 1);
    assert.match(option.stderr, /^elb-lens: unknown option --fromat for check; did you mean --format\?\n\nUsage: elb-lens check/);
    assert.match((await run(['graph', '--outptu', 'x'])).stderr, /did you mean --output\?/);
    assert.match((await run(['chekc'])).stderr, /unknown command "chekc"; did you mean check\?/);
    const far = await run(['check', '--zzzzzzzzzz']);
    assert.equal(far.code, 1);
    assert.doesNotMatch(far.stderr, /did you mean/);
  });

  it('rules lists and explain explains every id the tool can print', async () => {
    const listed = (await run(['rules'])).stdout;
    for (const pseudo of PSEUDO_RULES) {
      assert.match(listed, new RegExp(`^${pseudo.id} +${pseudo.defaultSeverity} `, 'm'));
      const result = await run(['explain', pseudo.id]);
      assert.equal(result.code, 0, `${pseudo.id}: ${result.stderr}`);
      assert.ok(result.stdout.startsWith(`${pseudo.id} (${pseudo.defaultSeverity}): ${pseudo.summary}\n\n#`), result.stdout);
      // The page or section shipped with the package follows the summary.
      assert.ok(result.stdout.split('\n').length > 5, pseudo.id);
    }
    assert.match((await run(['explain', 'client-ip-alwayson'])).stderr, /did you mean client-ip-always-on\?/);
  });
});

describe('a check that finds nothing to check', () => {
  it('warns on stderr and exits 0; --fail-on-empty exits 1 (child process)', () => {
    const root = tempTree({ 'notes.txt': 'nothing here\n', 'values.json': '{"a": 1}\n' });
    try {
      const plain = runChild(['check', '.'], root);
      assert.equal(plain.code, 0);
      assert.match(plain.stderr, /^elb-lens: warning: nothing to check under \.: no Terraform, ELB API JSON, plan JSON or Kubernetes/);
      const failing = runChild(['check', '.', '--fail-on-empty', '--format', 'json'], root);
      assert.equal(failing.code, 1);
      assert.match(failing.stderr, /nothing to check/);
      // The report is still written, for a CI step that uploads it.
      assert.equal((JSON.parse(failing.stdout) as { files: number }).files, 0);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('says nothing when there is something to check, even with --fail-on-empty', () => {
    const root = tempTree({ 'main.tf': 'variable "x" {}\n' });
    try {
      const result = runChild(['check', '.', '--fail-on-empty'], root);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stderr, '');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
