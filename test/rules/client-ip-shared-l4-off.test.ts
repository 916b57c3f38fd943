import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze, applyEdits, ofRule, terraformFmtAccepts, textAt } from '../helpers';

const RULE = 'client-ip-shared-l4-off';

const shared = (type: string, lbType: string, protocol: string, extra = '') => `resource "${lbType}" "lb" {
  vip_subnet_id = "x"
}

resource "${type}" "l" {
  loadbalancer_id = ${lbType}.lb.id
  protocol        = "${protocol}"
  protocol_port   = 80
${extra}}
`;

const PROVIDERS: [string, string, string][] = [
  ['huaweicloud_lb_listener', 'huaweicloud_lb_loadbalancer', '"true"'],
  ['opentelekomcloud_lb_listener_v2', 'opentelekomcloud_lb_loadbalancer_v2', 'true'],
  ['flexibleengine_lb_listener_v2', 'flexibleengine_lb_loadbalancer_v2', 'true'],
];

describe(RULE, () => {
  for (const [type, lbType, trueLiteral] of PROVIDERS) {
    test(`${type}: fires on the label when the argument is missing; the fix adds ${trueLiteral}`, async (t) => {
      const text = shared(type, lbType, 'TCP');
      const findings = ofRule(await analyze({ 'main.tf': text }), RULE);
      assert.equal(findings.length, 1);
      assert.equal(findings[0].severity, 'information');
      assert.equal(textAt(text, findings[0]), `"${type}" "l"`);
      assert.match(findings[0].message, /the default/);
      assert.match(findings[0].message, /security groups/);
      const fixed = applyEdits(text, findings[0].fixes[0].edits);
      assert.ok(fixed.includes(`transparent_client_ip_enable = ${trueLiteral}\n`), fixed);
      assert.equal((await analyze({ 'main.tf': fixed })).length, 0);
      const fmt = terraformFmtAccepts(fixed);
      if (fmt === undefined) t.diagnostic('terraform not installed: fmt check skipped');
      else assert.equal(fmt, true, fixed);
    });
  }

  test('fires on an explicit false (through a variable) and the fix flips it', async () => {
    const text = shared('huaweicloud_lb_listener', 'huaweicloud_lb_loadbalancer', 'UDP', '  transparent_client_ip_enable = var.transfer\n');
    const files = { 'main.tf': text, 'variables.tf': 'variable "transfer" {\n  default = "false"\n}\n' };
    const [finding] = ofRule(await analyze(files), RULE);
    assert.equal(textAt(text, finding), 'transparent_client_ip_enable = var.transfer');
    assert.match(finding.message, /turns Transfer Client IP Address off/);
    assert.equal(finding.fixes[0].isPreferred, false, 'fix-all must not switch it on unasked');
    const fixed = applyEdits(text, finding.fixes[0].edits);
    assert.equal(ofRule(await analyze({ ...files, 'main.tf': fixed }), RULE).length, 0);
  });

  test('follows tfvars and auto.tfvars.json over defaults', async () => {
    const text = shared('opentelekomcloud_lb_listener_v2', 'opentelekomcloud_lb_loadbalancer_v2', 'TCP', '  transparent_client_ip_enable = var.t\n');
    const on = { 'main.tf': text, 'v.tf': 'variable "t" {\n  default = false\n}\n', 'terraform.tfvars': 't = true\n' };
    assert.equal(ofRule(await analyze(on), RULE).length, 0);
    const offAgain = { ...on, 'z.auto.tfvars.json': '{"t": false}' };
    assert.equal(ofRule(await analyze(offAgain), RULE).length, 1);
  });

  test('does not fire on HTTP listeners, dedicated ones, unknown values or unknown load balancer kinds', async () => {
    assert.equal(ofRule(await analyze({ 'main.tf': shared('huaweicloud_lb_listener', 'huaweicloud_lb_loadbalancer', 'HTTP') }), RULE).length, 0);
    assert.equal(ofRule(await analyze({ 'main.tf': shared('huaweicloud_elb_listener', 'huaweicloud_elb_loadbalancer', 'TCP') }), RULE).length, 0);
    const unknown = shared('huaweicloud_lb_listener', 'huaweicloud_lb_loadbalancer', 'TCP', '  transparent_client_ip_enable = var.nodefault\n');
    assert.equal(ofRule(await analyze({ 'main.tf': unknown, 'v.tf': 'variable "nodefault" {}\n' }), RULE).length, 0);
    const otcUnknownLb = `resource "opentelekomcloud_lb_listener_v2" "l" {
  loadbalancer_id = var.lb
  protocol        = "TCP"
  protocol_port   = 80
}
`;
    assert.equal(ofRule(await analyze({ 'main.tf': otcUnknownLb }), RULE).length, 0);
  });

  test('fires in .tf.json and the fix adds a JSON bool', async () => {
    const json = JSON.stringify({ resource: { flexibleengine_lb_listener_v2: { l: { loadbalancer_id: 'abc', protocol: 'TCP' } } } }, null, 2);
    const [finding] = ofRule(await analyze({ 'main.tf.json': json }), RULE);
    assert.ok(finding);
    const fixed = applyEdits(json, finding.fixes[0].edits);
    assert.equal(JSON.parse(fixed).resource.flexibleengine_lb_listener_v2.l.transparent_client_ip_enable, true);
  });
});
