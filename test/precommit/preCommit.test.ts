import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { parse } from 'yaml';
import { needsMissing } from '../helpers';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'elb-lens-pre-commit-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

interface Hook {
  id: string;
  entry: string;
  language: string;
  pass_filenames: boolean;
  require_serial: boolean;
  files: string;
  exclude: string;
}
const HOOKS = parse(fs.readFileSync(path.join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];

function preCommitMissing(): string | undefined {
  const probe = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
  return probe.error ? 'pre-commit is not installed (apt-get install pre-commit)' : undefined;
}

/** A git repository with these files committed, in which `pre-commit try-repo <this repository>` runs the hook. */
function tryRepo(name: string, files: Record<string, string> | string): { status: number | null; output: string } {
  const repo = path.join(scratch, name);
  if (typeof files === 'string') fs.cpSync(files, repo, { recursive: true });
  else
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
      fs.writeFileSync(path.join(repo, file), text);
    }
  const env = {
    ...process.env,
    PRE_COMMIT_HOME: path.join(scratch, 'pre-commit-home'),
    GIT_AUTHOR_NAME: 'test',
    GIT_AUTHOR_EMAIL: 'test@example.invalid',
    GIT_COMMITTER_NAME: 'test',
    GIT_COMMITTER_EMAIL: 'test@example.invalid',
  };
  for (const args of [
    ['init', '-q'],
    ['add', '-A'],
    ['commit', '-q', '-m', 'scratch'],
  ]) {
    const git = spawnSync('git', args, { cwd: repo, env, encoding: 'utf8' });
    assert.equal(git.status, 0, git.stderr);
  }
  const result = spawnSync('pre-commit', ['try-repo', REPO_ROOT, 'elb-lens', '--all-files'], {
    cwd: repo,
    env,
    encoding: 'utf8',
    timeout: 120000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

test('.pre-commit-hooks.yaml: hook elb-lens checks whole folders, serially, on the files it reads', () => {
  const hook = HOOKS.find((h) => h.id === 'elb-lens');
  assert.ok(hook);
  assert.equal(hook.pass_filenames, false, 'modules and overlays need whole folders');
  assert.equal(hook.require_serial, true);
  assert.equal(hook.language, 'script', 'runs the committed bundle: no npm install, no network');
  const entry = hook.entry.split(' ')[0];
  assert.ok(fs.statSync(path.join(REPO_ROOT, entry)).mode & 0o111, `${entry} is executable`);
  const files = new RegExp(hook.files);
  const exclude = new RegExp(hook.exclude);
  const runsOn = (file: string) => files.test(file) && !exclude.test(file);
  for (const file of [
    'main.tf',
    'infra/a.tofu',
    'x.tf.json',
    'prod.tfvars',
    'k8s/svc.yaml',
    'k8s/svc.yml',
    'api/listeners.elb.json',
    '.elb-lens.json',
  ])
    assert.ok(runsOn(file), file);
  for (const file of ['package.json', 'README.md', '.terraform/modules/x/main.tf', 'infra/.terraform/providers/a.tf'])
    assert.ok(!runsOn(file), file);
});

test('pre-commit try-repo: the hook fails on examples/ with its findings and passes on a clean folder', (t) => {
  const missing = preCommitMissing();
  if (missing) {
    needsMissing(t, missing);
    return;
  }
  const bad = tryRepo('bad', path.join(REPO_ROOT, 'examples'));
  assert.equal(bad.status, 1, bad.output);
  assert.match(bad.output, /ELB Lens\.+Failed/);
  assert.match(bad.output, /client-ip-always-on/);
  assert.match(bad.output, /\d+ errors?\b/);

  const clean = tryRepo('clean', { 'infra/main.tf': 'resource "huaweicloud_vpc" "v" {\n  name = "v"\n}\n' });
  assert.equal(clean.status, 0, clean.output);
  assert.match(clean.output, /ELB Lens\.+Passed/);
});
