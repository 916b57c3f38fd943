import * as assert from 'assert/strict';
import * as fs from 'fs';
import { describe, it } from 'node:test';
import { run, tempTree } from './harness';

/** `elb-lens check` on a root module and its local child: the child is judged through its caller. */

const CHILD = `variable "protocol" {
  default = "HTTP"
}

resource "flexibleengine_lb_listener_v2" "this" {
  loadbalancer_id = "lb"
  protocol        = var.protocol
  protocol_port   = 514
}
`;

const ROOT = `variable "syslog_protocol" {}

module "syslog" {
  source   = "../modules/syslog"
  protocol = var.syslog_protocol
}
`;

describe('check: modules and their callers', () => {
  it("a finding in the child comes from the caller's value (tfvars of the root), once, naming the module instance", async () => {
    const dir = tempTree({
      'modules/syslog/main.tf': CHILD,
      'live/main.tf': ROOT,
      'live/terraform.tfvars': 'syslog_protocol = "UDP"\n',
    });
    try {
      const result = await run(['check', '--format', 'json', '--min-severity', 'information', '.'], { cwd: dir });
      assert.equal(result.code, 2, result.stderr);
      const report = JSON.parse(result.stdout) as { diagnostics: { ruleId: string; file: string; message: string }[] };
      assert.equal(report.diagnostics.length, 1, result.stdout);
      const [finding] = report.diagnostics;
      assert.equal(finding.ruleId, 'client-ip-shared-l4-off');
      assert.match(finding.file, /modules\/syslog\/main\.tf$/);
      assert.match(finding.message, /module\.syslog\.flexibleengine_lb_listener_v2\.this` \(UDP\)/);
      // Checking the child folder alone: no callers in sight, so its default (HTTP) is a value and says nothing.
      const alone = await run(['check', '--min-severity', 'information', 'modules'], { cwd: dir });
      assert.equal(alone.code, 0, alone.stdout);
      // TF_VAR_ feeds the root only; with no tfvars the root's value comes from it.
      fs.rmSync(`${dir}/live/terraform.tfvars`);
      const env = await run(['check', '--format', 'compact', '--min-severity', 'information', '.'], {
        cwd: dir,
        env: { TF_VAR_syslog_protocol: 'TCP' },
      });
      assert.match(env.stdout, /\(TCP\)/);
      const envChildOnly = await run(['check', '--min-severity', 'information', '.'], { cwd: dir, env: { TF_VAR_protocol: 'TCP' } });
      assert.equal(envChildOnly.code, 0, 'TF_VAR_protocol does not reach the child module');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('worker threads get the callers from the main thread: --jobs 2 reports what --jobs 1 does; --verbose counts', async () => {
    // Enough files for worker threads (≥ 200). The module folder, reached only through its
    // caller, is the last group in walk order: the worker (which takes chunks from the back,
    // one group each here, and goes first) analyses it.
    const files: Record<string, string> = {
      'modules/syslog/main.tf': CHILD,
      'live/main.tf': ROOT,
      'live/terraform.tfvars': 'syslog_protocol = "TCP"\n',
    };
    for (let d = 0; d < 12; d++) {
      for (let f = 0; f < 20; f++) files[`a-other-${d}/f${f}.tf`] = `resource "huaweicloud_vpc" "v${f}" {\n  name = "v${f}"\n}\n`;
    }
    const dir = tempTree(files);
    try {
      const runs = [];
      for (const jobs of ['1', '2']) {
        runs.push(
          await run(['check', '--format', 'json', '--min-severity', 'information', '--jobs', jobs, '--verbose', '.'], {
            cwd: dir,
            workersFirst: true,
          }),
        );
      }
      const [one, two] = runs;
      assert.equal(one.code, 2, one.stderr);
      assert.equal(two.stdout, one.stdout);
      const report = JSON.parse(two.stdout) as { diagnostics: { message: string }[] };
      assert.equal(report.diagnostics.length, 1);
      assert.match(report.diagnostics[0].message, /module\.syslog\.flexibleengine_lb_listener_v2\.this` \(TCP\)/);
      assert.match(one.stderr, /243 file\(s\) found, 242 checked in 14 group\(s\) \(one thread\); 240 Terraform file\(s\) not parsed/);
      assert.match(two.stderr, /\(2 of 2 threads analysed groups: \d+ \+ [1-9]\d*\); 240 Terraform file\(s\) not parsed/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
