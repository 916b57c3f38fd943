import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze, applyEdits, memoryService, memPath, ofRule, terraformFmtAccepts, textAt } from '../helpers';

const RULE = 'client-ip-always-on';

const dedicatedHuawei = (value: string) => `resource "huaweicloud_elb_loadbalancer" "lb" {
  name = "lb"
}

resource "huaweicloud_elb_listener" "web" {
  loadbalancer_id              = huaweicloud_elb_loadbalancer.lb.id
  protocol                     = "TCP"
  protocol_port                = 80
  transparent_client_ip_enable = ${value}
}
`;

describe(RULE, () => {
  test('fires on "false" on a dedicated Huawei listener, on the attribute', async () => {
    const text = dedicatedHuawei('"false"');
    const findings = ofRule(await analyze({ 'main.tf': text }), RULE);
    assert.equal(findings.length, 1);
    assert.equal(textAt(text, findings[0]), 'transparent_client_ip_enable = "false"');
    assert.match(findings[0].message, /huaweicloud_elb_listener\.web/);
    assert.match(findings[0].message, /dedicated/);
    assert.equal(findings[0].severity, 'error');
    assert.equal(findings[0].related[0]?.message.includes('load balancer'), true);
  });

  test('fires on an HTTP listener of a shared OTC load balancer (bool false)', async () => {
    const text = `resource "opentelekomcloud_lb_loadbalancer_v2" "lb" {
  vip_subnet_id = "x"
}

resource "opentelekomcloud_lb_listener_v2" "http" {
  loadbalancer_id              = opentelekomcloud_lb_loadbalancer_v2.lb.id
  protocol                     = "HTTP"
  protocol_port                = 80
  transparent_client_ip_enable = false
}
`;
    const findings = ofRule(await analyze({ 'main.tf': text }), RULE);
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /HTTP listeners of shared load balancers/);
  });

  test('fires on an OTC v2 listener attached to a v3 (dedicated) load balancer, even for TCP', async () => {
    const text = `resource "opentelekomcloud_lb_loadbalancer_v3" "lb" {
  name = "x"
}

resource "opentelekomcloud_lb_listener_v2" "tcp" {
  loadbalancer_id              = opentelekomcloud_lb_loadbalancer_v3.lb.id
  protocol                     = "TCP"
  protocol_port                = 80
  transparent_client_ip_enable = false
}
`;
    assert.equal(ofRule(await analyze({ 'main.tf': text }), RULE).length, 1);
  });

  test('evaluates var defaults, tfvars, auto.tfvars(.json), locals, conditionals and tobool()', async () => {
    const listener = (value: string) => dedicatedHuawei(value);
    const cases: Record<string, string>[] = [
      { 'main.tf': listener('var.off'), 'variables.tf': 'variable "off" {\n  default = "false"\n}\n' },
      { 'main.tf': listener('var.off'), 'variables.tf': 'variable "off" {}\n', 'terraform.tfvars': 'off = "false"\n' },
      { 'main.tf': listener('var.off'), 'variables.tf': 'variable "off" {}\n', 'a.auto.tfvars': 'off = "true"\n', 'b.auto.tfvars': 'off = "false"\n' },
      { 'main.tf': listener('var.off'), 'variables.tf': 'variable "off" {}\n', 'x.auto.tfvars.json': '{"off": false}' },
      { 'main.tf': listener('local.flag') + 'locals {\n  flag = lower("FALSE")\n}\n' },
      { 'main.tf': listener('var.strict ? "true" : "false"'), 'variables.tf': 'variable "strict" {\n  default = false\n}\n' },
      { 'main.tf': listener('tostring(tobool("false"))') },
    ];
    for (const files of cases) {
      assert.equal(ofRule(await analyze(files), RULE).length, 1, JSON.stringify(files));
    }
  });

  test('does not fire when the value is unknown or true', async () => {
    const cases: Record<string, string>[] = [
      { 'main.tf': dedicatedHuawei('var.nodefault'), 'variables.tf': 'variable "nodefault" {}\n' },
      { 'main.tf': dedicatedHuawei('data.x.y.enabled') },
      { 'main.tf': dedicatedHuawei('jsondecode(var.x).flag'), 'variables.tf': 'variable "x" {}\n' },
      { 'main.tf': dedicatedHuawei('"true"') },
      { 'main.tf': dedicatedHuawei('var.x ? "true" : "false"'), 'variables.tf': 'variable "x" {}\n' },
    ];
    for (const files of cases) assert.equal(ofRule(await analyze(files), RULE).length, 0, JSON.stringify(files));
  });

  test('does not fire on shared TCP/UDP listeners, where off is allowed', async () => {
    const text = `resource "huaweicloud_lb_loadbalancer" "lb" {
  vip_subnet_id = "x"
}

resource "huaweicloud_lb_listener" "tcp" {
  loadbalancer_id              = huaweicloud_lb_loadbalancer.lb.id
  protocol                     = "UDP"
  protocol_port                = 53
  transparent_client_ip_enable = "false"
}

resource "flexibleengine_lb_listener_v2" "tcp" {
  loadbalancer_id              = var.lb
  protocol                     = "TCP"
  protocol_port                = 22
  transparent_client_ip_enable = false
}
`;
    assert.equal(ofRule(await analyze({ 'main.tf': text }), RULE).length, 0);
  });

  test('does not fire on an OTC v2 TCP listener whose load balancer is unknown', async () => {
    const text = `resource "opentelekomcloud_lb_listener_v2" "tcp" {
  loadbalancer_id              = var.lb
  protocol                     = "TCP"
  protocol_port                = 22
  transparent_client_ip_enable = false
}
`;
    assert.equal(ofRule(await analyze({ 'main.tf': text }), RULE).length, 0);
  });

  test('fires in .tf.json with a template reference', async () => {
    const json = JSON.stringify(
      {
        resource: {
          huaweicloud_elb_loadbalancer: { lb: { name: 'lb' } },
          huaweicloud_elb_listener: {
            web: { loadbalancer_id: '${huaweicloud_elb_loadbalancer.lb.id}', protocol: 'HTTP', protocol_port: 80, transparent_client_ip_enable: 'false' },
          },
        },
      },
      null,
      2,
    );
    const findings = ofRule(await analyze({ 'main.tf.json': json }), RULE);
    assert.equal(findings.length, 1);
    assert.equal(textAt(json, findings[0]), '"transparent_client_ip_enable": "false"');
  });

  test('both fixes remove the finding, keep terraform fmt happy and write the resource type', async (t) => {
    const text = dedicatedHuawei('"false"');
    const { service } = await memoryService({ 'main.tf': text });
    const [finding] = ofRule(service.analyzeFile(memPath('main.tf')), RULE);
    assert.deepEqual(
      finding.fixes.map((f) => f.title),
      ['Remove transparent_client_ip_enable', 'Set transparent_client_ip_enable to "true"'],
    );
    assert.equal(finding.fixes[0].isPreferred, true);
    for (const fix of finding.fixes) {
      const fixed = applyEdits(text, fix.edits);
      const after = await analyze({ 'main.tf': fixed });
      assert.equal(after.length, 0, `${fix.title}: ${JSON.stringify(after.map((f) => f.ruleId))}`);
      const fmt = terraformFmtAccepts(fixed);
      if (fmt === undefined) t.diagnostic('terraform not installed: fmt check skipped');
      else assert.equal(fmt, true, `terraform fmt rejects:\n${fixed}`);
    }
    assert.match(applyEdits(text, finding.fixes[1].edits), /transparent_client_ip_enable = "true"/);
  });

  test('the set-true fix writes a bool for bool-typed listeners', async () => {
    const text = `resource "opentelekomcloud_lb_listener_v2" "http" {
  loadbalancer_id              = var.lb
  protocol                     = "HTTP"
  protocol_port                = 80
  transparent_client_ip_enable = false
}
`;
    const [finding] = ofRule(await analyze({ 'main.tf': text }), RULE);
    assert.match(applyEdits(text, finding.fixes[1].edits), /transparent_client_ip_enable = true\n/);
  });
});
