import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Finding } from '../../server/src/core/types';
import { suppressionFix } from '../../server/src/suppress/suppress';
import { applyEdits, memoryService, memPath, needsMissing, terraformFmtAccepts } from '../helpers';
import { parseHcl } from '../parse/util';

/**
 * Issue 28, item 11: the "Ignore … here" quick fix puts a comment line above the finding. A
 * comment line ends terraform fmt's runs of aligned `=` signs and of aligned trailing comments,
 * so the lines above and below are realigned: after the fix, `terraform fmt -check` still
 * passes. terraform fmt is the oracle, on every line of files of several shapes where a
 * finding could start.
 */

const SHAPES: Record<string, string> = {
  'block arguments around a nested block': `resource "huaweicloud_lb_listener" "web" {
  loadbalancer_id              = var.lb
  protocol                     = "HTTP"
  transparent_client_ip_enable = "false"
  protocol_port                = 80

  insert_headers {
    x_forwarded_elb_ip = "true"
    x_forwarded_host   = "true"
  }
  name = "web"
}
`,
  'object entries of an annotations map': `resource "kubernetes_service_v1" "web" {
  metadata {
    name = "web"
    annotations = {
      "kubernetes.io/elb.class"                  = "union"
      "kubernetes.io/elb.transparent-client-ipx" = "true"
      "kubernetes.io/elb.id"                     = "abc"
      short                                      = "x"
    }
  }
  spec {
    type = "LoadBalancer"
    port {
      port     = 80
      protocol = "TCP"
    }
  }
}
`,
  'aligned trailing comments': `resource "huaweicloud_lb_listener" "web" {
  loadbalancer_id              = var.lb  # the lb
  protocol                     = "HTTP"  # web
  transparent_client_ip_enable = "false" # off
  protocol_port                = 80      # port
}
`,
  'object entries with trailing comments, nested objects': `locals {
  settings = {
    a               = 1           # one
    longer_key_name = "two"       # two
    nested_object   = { x = 1 }   # inline
    "quoted-key.io" = var.value   # quoted
    last            = local.other // slashes
    deeper = {
      k    = "v"
      kkkk = "vv"
    }
  }
}
`,
  'a heredoc value inside a run': `resource "huaweicloud_compute_instance" "vm" {
  name      = "vm"
  user_data = <<EOT
#!/bin/sh
key = value
EOT
  image_id  = "img"
  flavor_id = "s6.small.1"
}
`,
  'a multi-line list and a call between runs': `resource "huaweicloud_elb_listener" "web" {
  loadbalancer_id = huaweicloud_elb_loadbalancer.lb.id
  protocol        = "TCP"
  ip_list = [
    "10.0.0.1",
    "10.0.0.2",
  ]
  protocol_port = 80
  description = format(
    "%s-%s", "a", "b"
  )
  transparent_client_ip_enable = false
  idle_timeout                 = 60
}
`,
};

/** The lines a finding can start on: code lines outside heredoc bodies that do not close a bracket. */
function findingLines(text: string): number[] {
  const lines = text.split('\n');
  const result: number[] = [];
  let heredoc: string | undefined;
  lines.forEach((line, i) => {
    if (heredoc !== undefined) {
      if (line.trim() === heredoc) heredoc = undefined;
      return;
    }
    const opener = /<<-?(\w+)\s*$/.exec(line);
    if (opener) heredoc = opener[1];
    if (line.trim() !== '' && !/^\s*[}\])]/.test(line)) result.push(i);
  });
  return result;
}

function findingAt(line: number): Finding {
  const range = { start: { line, character: 0 }, end: { line, character: 1 } };
  return {
    ruleId: 'client-ip-always-on',
    severity: 'error',
    message: 'm',
    file: '/mem/main.tf',
    range,
    related: [],
    fixes: [],
    docsUrl: '',
  };
}

describe('the "Ignore … here" fix keeps terraform fmt clean', () => {
  for (const [name, text] of Object.entries(SHAPES)) {
    test(name, async (t) => {
      const premise = terraformFmtAccepts(text);
      if (premise === undefined) return needsMissing(t, 'terraform is not installed (not on PATH): terraform fmt is the oracle here');
      assert.equal(premise, true, `the shape is what terraform fmt writes:\n${text}`);
      const file = await parseHcl(text);
      const rejected: string[] = [];
      let removed = 0;
      for (const line of findingLines(text)) {
        const fix = suppressionFix(file, findingAt(line));
        assert.ok(fix);
        const fixed = applyEdits(text, fix.edits);
        assert.equal(fixed.split('\n').length, text.split('\n').length + 1, 'one line added');
        assert.match(fixed.split('\n')[line], /^\s*# elb-lens-ignore: client-ip-always-on -- reason$/);
        if (!terraformFmtAccepts(fixed)) rejected.push(`above line ${line + 1}:\n${fixed}`);
        // Unused there, the comment is reported; its fix takes it out and joins the runs again.
        const { service } = await memoryService({ 'main.tf': fixed });
        const unused = service
          .analyzeFile(memPath('main.tf'), { reportUnusedIgnores: true })
          .find((f) => f.ruleId === 'unused-ignore' && f.range.start.line === line);
        if (unused) {
          assert.equal(applyEdits(fixed, unused.fixes[0].edits), text, `removing the comment above line ${line + 1} again`);
          removed++;
        }
      }
      assert.ok(removed > 0, 'the removal of an unused comment was tried');
      assert.deepEqual(rejected, [], 'terraform fmt -check rejects the text after the fix');
    });
  }

  test('through the service: an unknown annotation in an aligned annotations map', async (t) => {
    const text = SHAPES['object entries of an annotations map'];
    const { service } = await memoryService({ 'main.tf': text });
    const finding = service.analyzeFile(memPath('main.tf')).find((f) => f.ruleId === 'elb-annotation-unknown');
    assert.ok(finding, 'the misspelled annotation is reported');
    const fixed = applyEdits(text, service.suppressionFix(finding)!.edits);
    const accepted = terraformFmtAccepts(fixed);
    if (accepted === undefined) return needsMissing(t, 'terraform is not installed (not on PATH): terraform fmt is the oracle here');
    assert.equal(accepted, true, fixed);
    const { service: after } = await memoryService({ 'main.tf': fixed });
    assert.equal(
      after.analyzeFile(memPath('main.tf')).filter((f) => f.ruleId === 'elb-annotation-unknown').length,
      0,
      'the comment suppresses it',
    );
  });
});
