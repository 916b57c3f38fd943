import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze, applyEdits, ofRule, terraformFmtAccepts, textAt } from '../helpers';

const RULE = 'client-ip-ineffective-option';

const huawei = (protocol: string, option: string) => `resource "huaweicloud_elb_listener" "l" {
  loadbalancer_id = var.lb
  protocol        = "${protocol}"
  protocol_port   = 80
  ${option}
}
`;

describe(RULE, () => {
  test('fires on each HTTP header switch set to true on a TCP or UDP listener', async () => {
    for (const name of ['forward_eip', 'forward_port', 'forward_request_port', 'forward_host', 'forward_elb', 'forward_proto', 'real_ip']) {
      const text = huawei('UDP', `${name} = true`);
      const findings = ofRule(await analyze({ 'main.tf': text }), RULE);
      assert.equal(findings.length, 1, name);
      assert.equal(textAt(text, findings[0]), `${name} = true`);
      assert.match(findings[0].message, /does not speak HTTP/);
    }
  });

  test('does not fire on HTTP listeners, switches set to false, unknown values or protocols', async () => {
    assert.equal(ofRule(await analyze({ 'main.tf': huawei('HTTP', 'real_ip = true') }), RULE).length, 0);
    assert.equal(ofRule(await analyze({ 'main.tf': huawei('TCP', 'real_ip = false') }), RULE).length, 0);
    assert.equal(ofRule(await analyze({ 'main.tf': huawei('TCP', 'real_ip = var.x') }), RULE).length, 0);
    const unknownProtocol = huawei('TCP', 'real_ip = true').replace('"TCP"', 'var.protocol');
    assert.equal(ofRule(await analyze({ 'main.tf': unknownProtocol }), RULE).length, 0);
  });

  test('fires on proxy_protocol_enable on a non-TLS listener, not on TLS', async () => {
    assert.equal(ofRule(await analyze({ 'main.tf': huawei('TCP', 'proxy_protocol_enable = true') }), RULE).length, 1);
    const http = ofRule(await analyze({ 'main.tf': huawei('HTTP', 'proxy_protocol_enable = true') }), RULE);
    assert.equal(http.length, 1);
    assert.match(http[0].message, /X-Forwarded-For/);
    assert.equal(ofRule(await analyze({ 'main.tf': huawei('TLS', 'proxy_protocol_enable = true') }), RULE).length, 0);
  });

  test('fires on an insert_headers block of an OTC v3 TCP listener, on the block', async (t) => {
    const text = `resource "opentelekomcloud_lb_listener_v3" "tcp" {
  loadbalancer_id = var.lb
  protocol        = "TCP"
  protocol_port   = 80

  insert_headers {
    forwarded_host = true
  }
}
`;
    const findings = ofRule(await analyze({ 'main.tf': text }), RULE);
    assert.equal(findings.length, 1);
    assert.equal(textAt(text, findings[0]), 'insert_headers');
    const fixed = applyEdits(text, findings[0].fixes[0].edits);
    assert.equal(fixed.includes('insert_headers'), false);
    assert.equal(ofRule(await analyze({ 'main.tf': fixed }), RULE).length, 0);
    const fmt = terraformFmtAccepts(fixed);
    if (fmt === undefined) t.diagnostic('terraform not installed: fmt check skipped');
    else assert.equal(fmt, true, fixed);
  });

  test('does not fire on insert_headers of an HTTP listener', async () => {
    const text = `resource "opentelekomcloud_lb_listener_v3" "web" {
  protocol = "HTTP"

  insert_headers {
    forwarded_host = true
  }
}
`;
    assert.equal(ofRule(await analyze({ 'main.tf': text }), RULE).length, 0);
  });

  test('fires in .tf.json and the fix keeps valid JSON', async () => {
    const json = JSON.stringify({ resource: { huaweicloud_elb_listener: { l: { protocol: 'TCP', forward_eip: true, protocol_port: 80 } } } }, null, 2);
    const [finding] = ofRule(await analyze({ 'main.tf.json': json }), RULE);
    assert.ok(finding);
    const fixed = JSON.parse(applyEdits(json, finding.fixes[0].edits));
    assert.deepEqual(fixed.resource.huaweicloud_elb_listener.l, { protocol: 'TCP', protocol_port: 80 });
  });

  test('removing the option realigns the group for terraform fmt', async (t) => {
    const aligned = `resource "huaweicloud_elb_listener" "l" {
  loadbalancer_id      = var.lb
  protocol             = "TCP"
  protocol_port        = 80
  forward_request_port = true
}
`;
    const [finding] = ofRule(await analyze({ 'main.tf': aligned }), RULE);
    const fixed = applyEdits(aligned, finding.fixes[0].edits);
    assert.equal(
      fixed,
      `resource "huaweicloud_elb_listener" "l" {
  loadbalancer_id = var.lb
  protocol        = "TCP"
  protocol_port   = 80
}
`,
    );
    const fmt = terraformFmtAccepts(fixed);
    if (fmt === undefined) t.diagnostic('terraform not installed: fmt check skipped');
    else assert.equal(fmt, true, fixed);
  });
});
