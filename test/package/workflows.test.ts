import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { REPO_ROOT } from './install';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  'runs-on': string;
  needs?: string | string[];
  steps: Step[];
}
interface Workflow {
  name: string;
  on: unknown;
  jobs: Record<string, Job>;
}

const WORKFLOWS = path.join(REPO_ROOT, '.github', 'workflows');
const scripts = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

/** What a workflow's steps need from the repository: actions pinned, npm scripts and files that exist. */
function checkJobs(where: string, workflow: Workflow): void {
  assert.ok(workflow.on, `${where}: a trigger`);
  const ids = Object.keys(workflow.jobs ?? {});
  assert.ok(ids.length > 0, `${where}: jobs`);
  for (const [id, job] of Object.entries(workflow.jobs)) {
    assert.equal(typeof job['runs-on'], 'string', `${where} ${id}: runs-on`);
    for (const need of [job.needs ?? []].flat()) assert.ok(ids.includes(need), `${where} ${id}: needs ${need}, a job of the file`);
    assert.ok(Array.isArray(job.steps) && job.steps.length > 0, `${where} ${id}: steps`);
    for (const step of job.steps) {
      assert.ok((step.uses === undefined) !== (step.run === undefined), `${where} ${id}: a step either uses an action or runs a command`);
      if (step.uses && !step.uses.startsWith('./'))
        assert.match(step.uses, /^[\w.-]+\/[\w./-]+@\S+$/, `${where} ${id}: ${step.uses} names a version`);
      for (const [, script] of (step.run ?? '').matchAll(/\bnpm run ([\w:-]+)/g))
        assert.ok(script in scripts, `${where} ${id}: npm run ${script} exists`);
      for (const [, file] of (step.run ?? '').matchAll(/\bbash (\S+)/g))
        assert.ok(fs.existsSync(path.join(REPO_ROOT, file)), `${where} ${id}: ${file} exists`);
    }
  }
}

test('every workflow under .github/workflows parses and its steps fit the repository', () => {
  const files = fs.readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f));
  assert.ok(files.includes('release.yml'));
  for (const file of files) checkJobs(file, parse(fs.readFileSync(path.join(WORKFLOWS, file), 'utf8')) as Workflow);
});

test('release.yml: on a version tag, runs .ci/run, packs, checksums, publishes with provenance and attaches the files', () => {
  const text = fs.readFileSync(path.join(WORKFLOWS, 'release.yml'), 'utf8');
  const release = parse(text) as Workflow & { on: { push: { tags: string[] } } };
  assert.deepEqual(release.on.push.tags, ['v*']);
  const runs = Object.values(release.jobs)
    .flatMap((job) => job.steps)
    .map((step) => step.run ?? '')
    .join('\n');
  for (const command of [
    'bash .ci/run',
    'npm pack',
    'npm run package',
    'sha256sum',
    'npm publish',
    '--provenance',
    'ovsx publish',
    'vsce publish',
    'gh release create',
  ])
    assert.ok(runs.includes(command), `runs ${command}`);
  assert.ok(text.split('\n').length < 80, 'short');
});

test("README's workflow and job examples parse, and their GitHub steps fit the repository", () => {
  const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/^```ya?ml\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
  assert.ok(blocks.length >= 3, 'the Action, GitLab and pre-commit examples');
  let workflows = 0;
  for (const block of blocks) {
    const value = parse(block) as Partial<Workflow> | null;
    if (value && typeof value === 'object' && 'jobs' in value && 'on' in value) {
      checkJobs('README.md', value as Workflow);
      workflows++;
    }
  }
  assert.ok(workflows >= 1, 'at least one whole GitHub workflow');
});
