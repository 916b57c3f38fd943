import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { lockFile } from '../versionFixtures';
import { run } from './harness';

const LISTENER = `resource "huaweicloud_lb_listener" "l" {
  loadbalancer_id              = var.lb
  protocol                     = "TCP"
  protocol_port                = 80
  transparent_client_ip_enable = "true"
}
`;

function workspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'elb-lens-versions-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('elb-lens check: provider versions', () => {
  it('reports an argument the locked provider does not have, naming the versions', async (t) => {
    const dir = workspace({ 'infra/main.tf': LISTENER, 'infra/.terraform.lock.hcl': lockFile('1.70.2') });
    t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
    const result = await run(['check', 'infra', '--format', 'compact'], { cwd: dir });
    assert.equal(result.code, 2, result.stderr);
    assert.match(
      result.stdout,
      /^infra\/main\.tf:5:3: error \[client-ip-unsupported-argument\] transparent_client_ip_enable needs provider version 1\.93\.0 or later\. .* 1\.70\.2 \(locked in \.terraform\.lock\.hcl\)/m,
    );
  });

  it('reports a lock file it cannot read as a hint on that file, and goes on', async (t) => {
    const broken = lockFile('1.70.2').replace('version     = "1.70.2"', 'version     = "1.70.2');
    const dir = workspace({ 'infra/main.tf': LISTENER, 'infra/.terraform.lock.hcl': broken });
    t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
    const result = await run(['check', 'infra', '--format', 'compact'], { cwd: dir });
    // A hint is below the default --min-severity (warning): the run passes.
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^infra\/\.terraform\.lock\.hcl:\d+:\d+: hint \[provider-version\] ELB Lens cannot parse this lock file/m);
    assert.doesNotMatch(result.stdout, /client-ip-unsupported-argument/);
    const sarif = JSON.parse((await run(['check', 'infra', '--format', 'sarif'], { cwd: dir })).stdout) as {
      runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string }[] }[];
    };
    assert.ok(sarif.runs[0].tool.driver.rules.some((r) => r.id === 'provider-version'));
    assert.deepEqual(
      sarif.runs[0].results.map((r) => r.ruleId),
      ['provider-version'],
    );
  });
});
