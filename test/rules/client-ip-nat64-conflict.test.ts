import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze, applyEdits, ofRule, terraformFmtAccepts, textAt } from '../helpers';

const RULE = 'client-ip-nat64-conflict';

const listener = (nat64: string, transfer: string | undefined) => `resource "huaweicloud_elb_listener" "dual" {
  loadbalancer_id = var.lb
  protocol        = "TCP"
  protocol_port   = 80
  nat64_enable    = ${nat64}
${transfer === undefined ? '' : `
  transparent_client_ip_enable = ${transfer}
`}}
`;

describe(RULE, () => {
  test('fires when both are on (string and bool forms), on the client IP argument', async () => {
    for (const [nat64, transfer] of [
      ['"true"', '"true"'],
      ['true', 'true'],
    ]) {
      const text = listener(nat64, transfer);
      const findings = ofRule(await analyze({ 'main.tf': text }), RULE);
      assert.equal(findings.length, 1, text);
      assert.equal(textAt(text, findings[0]), `transparent_client_ip_enable = ${transfer}`);
      assert.match(findings[0].message, /NAT64/);
      assert.equal(findings[0].related[0].message, 'NAT64 is turned on here');
    }
  });

  test('does not fire when either is off, absent or unknown', async () => {
    for (const [nat64, transfer] of [
      ['"false"', '"true"'],
      ['"true"', undefined],
      ['"true"', '"false"'],
      ['var.nat64', '"true"'],
    ] as const) {
      const findings = await analyze({ 'main.tf': listener(nat64, transfer), 'v.tf': 'variable "nat64" {}\n' });
      assert.equal(ofRule(findings, RULE).length, 0, `${nat64} ${transfer}`);
    }
  });

  test('fires in .tf.json', async () => {
    const json = JSON.stringify({ resource: { huaweicloud_elb_listener: { d: { protocol: 'UDP', nat64_enable: 'true', transparent_client_ip_enable: 'true' } } } });
    assert.equal(ofRule(await analyze({ 'main.tf.json': json }), RULE).length, 1);
  });

  test('the fix removes transparent_client_ip_enable', async (t) => {
    const text = listener('"true"', '"true"');
    const [finding] = ofRule(await analyze({ 'main.tf': text }), RULE);
    const fixed = applyEdits(text, finding.fixes[0].edits);
    assert.equal(fixed.includes('transparent_client_ip_enable'), false);
    assert.equal(ofRule(await analyze({ 'main.tf': fixed }), RULE).length, 0);
    const fmt = terraformFmtAccepts(fixed);
    if (fmt === undefined) t.diagnostic('terraform not installed: fmt check skipped');
    else assert.equal(fmt, true, fixed);
  });
});
