import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze, applyEdits, ofRule, terraformFmtAccepts, textAt } from '../helpers';

const RULE = 'client-ip-unsupported-argument';

const listener = (type: string, extra = '  transparent_client_ip_enable = true\n') => `resource "${type}" "l" {
  loadbalancer_id = var.lb
  protocol        = "TCP"
  protocol_port   = 80
${extra}}
`;

describe(RULE, () => {
  for (const type of ['opentelekomcloud_lb_listener_v3', 'flexibleengine_lb_listener_v3']) {
    test(`fires on ${type}, on the argument name`, async () => {
      const text = listener(type);
      const findings = ofRule(await analyze({ 'main.tf': text }), RULE);
      assert.equal(findings.length, 1);
      assert.equal(textAt(text, findings[0]), 'transparent_client_ip_enable');
      assert.match(findings[0].message, new RegExp(`${type} has no argument`));
    });
  }

  test('fires whatever the value, even an unknown one', async () => {
    const text = listener('opentelekomcloud_lb_listener_v3', '  transparent_client_ip_enable = var.x\n');
    assert.equal(ofRule(await analyze({ 'main.tf': text }), RULE).length, 1);
  });

  test('does not fire on listener types that have the argument, or without it', async () => {
    for (const type of ['opentelekomcloud_lb_listener_v2', 'flexibleengine_lb_listener_v2', 'huaweicloud_elb_listener', 'huaweicloud_lb_listener']) {
      assert.equal(ofRule(await analyze({ 'main.tf': listener(type) }), RULE).length, 0, type);
    }
    assert.equal(ofRule(await analyze({ 'main.tf': listener('opentelekomcloud_lb_listener_v3', '') }), RULE).length, 0);
  });

  test('does not double-report with client-ip-always-on', async () => {
    const text = listener('opentelekomcloud_lb_listener_v3', '  transparent_client_ip_enable = false\n');
    const findings = await analyze({ 'main.tf': text });
    assert.deepEqual(
      findings.map((f) => f.ruleId),
      [RULE],
    );
  });

  test('fires in .tf.json', async () => {
    const json = JSON.stringify({ resource: { flexibleengine_lb_listener_v3: { l: { protocol: 'TCP', transparent_client_ip_enable: true } } } }, null, 2);
    const findings = ofRule(await analyze({ 'main.tf.json': json }), RULE);
    assert.equal(findings.length, 1);
    assert.equal(textAt(json, findings[0]), '"transparent_client_ip_enable"');
    const fixed = applyEdits(json, findings[0].fixes[0].edits);
    assert.deepEqual(JSON.parse(fixed), { resource: { flexibleengine_lb_listener_v3: { l: { protocol: 'TCP' } } } });
  });

  test('the fix removes the line and realigns the rest for terraform fmt', async (t) => {
    const text = listener('opentelekomcloud_lb_listener_v3');
    const [finding] = ofRule(await analyze({ 'main.tf': text }), RULE);
    const fixed = applyEdits(text, finding.fixes[0].edits);
    assert.equal(fixed.includes('transparent_client_ip_enable'), false);
    assert.equal((await analyze({ 'main.tf': fixed })).length, 0);
    const fmt = terraformFmtAccepts(fixed);
    if (fmt === undefined) t.diagnostic('terraform not installed: fmt check skipped');
    else assert.equal(fmt, true, fixed);
  });
});
