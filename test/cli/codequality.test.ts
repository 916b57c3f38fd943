import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { run, tempTree } from './harness';

interface Issue {
  type: string;
  check_name: string;
  description: string;
  severity: string;
  fingerprint: string;
  location: { path: string; lines: { begin: number; end: number } };
}

const LISTENERS = `resource "huaweicloud_elb_loadbalancer" "lb" {
  name = "lb"
}

resource "huaweicloud_elb_listener" "a" {
  loadbalancer_id              = huaweicloud_elb_loadbalancer.lb.id
  protocol                     = "TCP"
  transparent_client_ip_enable = false
}

resource "huaweicloud_elb_listener" "b" {
  loadbalancer_id              = huaweicloud_elb_loadbalancer.lb.id
  protocol                     = "HTTP"
  transparent_client_ip_enable = false
}
`;

async function issuesOf(files: Record<string, string>): Promise<Issue[]> {
  const dir = tempTree(files);
  try {
    const result = await run(['check', '--format', 'codequality', '.'], { cwd: dir });
    assert.equal(result.code, 2, result.stderr);
    return JSON.parse(result.stdout) as Issue[];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('--format codequality: GitLab Code Quality issues with the fields GitLab reads', async () => {
  const issues = await issuesOf({ 'infra/main.tf': LISTENERS });
  assert.equal(issues.length, 2, JSON.stringify(issues, null, 2));
  for (const issue of issues) {
    assert.equal(issue.type, 'issue');
    assert.equal(issue.check_name, 'client-ip-always-on');
    assert.ok(issue.description.length > 0);
    assert.equal(issue.severity, 'major', 'an error is major');
    assert.equal(issue.location.path, 'infra/main.tf', 'relative to the folder the job ran in, with /');
    assert.match(issue.fingerprint, /^[0-9a-f]{64}$/);
  }
  assert.deepEqual(
    issues.map((i) => i.location.lines.begin),
    [8, 14],
    '1-based lines of transparent_client_ip_enable',
  );
  assert.notEqual(issues[0].fingerprint, issues[1].fingerprint, 'each finding has its own fingerprint');
});

test('--format codequality: a fingerprint survives lines moving above the finding', async () => {
  const before = await issuesOf({ 'main.tf': LISTENERS });
  const after = await issuesOf({ 'main.tf': `# a comment\n\n${LISTENERS}` });
  assert.deepEqual(
    after.map((i) => i.location.lines.begin),
    before.map((i) => i.location.lines.begin + 2),
  );
  assert.deepEqual(
    after.map((i) => i.fingerprint),
    before.map((i) => i.fingerprint),
  );
});

test('--format codequality: nothing to report is an empty array', async () => {
  const dir = tempTree({ 'main.tf': 'resource "huaweicloud_vpc" "v" {\n  name = "v"\n}\n' });
  try {
    const result = await run(['check', '--format', 'codequality', '.'], { cwd: dir });
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), []);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
