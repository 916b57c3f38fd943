import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze, applyEdits, ofRule, terraformFmtAccepts, textAt } from '../helpers';

const RULE = 'client-ip-ip-backend';

const huaweiModule = (protocol: string, member: string, poolExtra = '') => `resource "huaweicloud_elb_loadbalancer" "lb" {
  ipv4_subnet_id = huaweicloud_vpc_subnet.app.ipv4_subnet_id
}

resource "huaweicloud_elb_listener" "l" {
  loadbalancer_id = huaweicloud_elb_loadbalancer.lb.id
  protocol        = "${protocol}"
  protocol_port   = 80
  default_pool_id = huaweicloud_elb_pool.p.id
}

resource "huaweicloud_elb_pool" "p" {
  protocol  = "${protocol === 'TLS' ? 'TCP' : protocol}"
  lb_method = "ROUND_ROBIN"
${poolExtra}}

resource "huaweicloud_elb_member" "m" {
  pool_id       = huaweicloud_elb_pool.p.id
  address       = "172.16.0.9"
  protocol_port = 80
${member}}
`;

describe(RULE, () => {
  test('fires on a dedicated member without subnet_id, on its address, with related listener and pool', async () => {
    const text = huaweiModule('TCP', '');
    const findings = ofRule(await analyze({ 'main.tf': text }), RULE);
    assert.equal(findings.length, 1);
    assert.equal(textAt(text, findings[0]), 'address       = "172.16.0.9"');
    assert.match(findings[0].message, /huaweicloud_elb_member\.m/);
    assert.match(findings[0].message, /TCP listeners have no other way/);
    assert.deepEqual(
      findings[0].related.map((r) => r.message),
      ['listener that transfers the client IP', 'pool of this member'],
    );
  });

  test('HTTP: explains X-Forwarded-For and offers real_ip = true on Huawei dedicated listeners', async (t) => {
    const text = huaweiModule('HTTP', '');
    const [finding] = ofRule(await analyze({ 'main.tf': text }), RULE);
    assert.match(finding.message, /X-Forwarded-For/);
    assert.equal(finding.fixes.length, 1);
    assert.match(finding.fixes[0].title, /real_ip = true/);
    const fixed = applyEdits(text, finding.fixes[0].edits);
    assert.match(fixed, /real_ip {9}= true/);
    // The finding stays (IP backends still don't get the transferred IP), but now the app can read X-Real-IP.
    assert.equal(ofRule(await analyze({ 'main.tf': fixed }), 'client-ip-ineffective-option').length, 0);
    const fmt = terraformFmtAccepts(fixed);
    if (fmt === undefined) t.diagnostic('terraform not installed: fmt check skipped');
    else assert.equal(fmt, true, fixed);
  });

  test('TLS: offers proxy_protocol_enable = true', async () => {
    const [finding] = ofRule(await analyze({ 'main.tf': huaweiModule('TLS', '') }), RULE);
    assert.match(finding.message, /Proxy Protocol/);
    assert.match(finding.fixes[0].title, /proxy_protocol_enable = true/);
  });

  test('TCP: offers subnet_id from the load balancer, which makes the finding go away', async (t) => {
    const text = huaweiModule('TCP', '');
    const [finding] = ofRule(await analyze({ 'main.tf': text }), RULE);
    assert.equal(finding.fixes.length, 1);
    const fixed = applyEdits(text, finding.fixes[0].edits);
    assert.match(fixed, /subnet_id {5}= huaweicloud_vpc_subnet\.app\.ipv4_subnet_id/);
    assert.equal((await analyze({ 'main.tf': fixed })).length, 0);
    const fmt = terraformFmtAccepts(fixed);
    if (fmt === undefined) t.diagnostic('terraform not installed: fmt check skipped');
    else assert.equal(fmt, true, fixed);
  });

  test('fires once on the pool type of an IP-only pool', async () => {
    const text = huaweiModule('HTTP', '  subnet_id     = "s"\n', '  type      = "ip"\n');
    const findings = ofRule(await analyze({ 'main.tf': text }), RULE);
    assert.equal(findings.length, 1);
    assert.equal(textAt(text, findings[0]), 'type      = "ip"');
  });

  test('does not fire for members with subnet_id, shared members, or unlinked pools', async () => {
    assert.equal(ofRule(await analyze({ 'main.tf': huaweiModule('TCP', '  subnet_id     = var.s\n') }), RULE).length, 0);
    const shared = `resource "huaweicloud_lb_listener" "l" {
  loadbalancer_id              = var.lb
  protocol                     = "TCP"
  protocol_port                = 80
  default_pool_id              = huaweicloud_lb_pool.p.id
  transparent_client_ip_enable = "true"
}

resource "huaweicloud_lb_pool" "p" {
  protocol  = "TCP"
  lb_method = "ROUND_ROBIN"
}

resource "huaweicloud_lb_member" "m" {
  pool_id       = huaweicloud_lb_pool.p.id
  address       = "10.0.0.1"
  protocol_port = 80
  subnet_id     = var.s
}
`;
    assert.equal(ofRule(await analyze({ 'main.tf': shared }), RULE).length, 0);
    const unlinked = huaweiModule('TCP', '').replace('  default_pool_id = huaweicloud_elb_pool.p.id\n', '');
    assert.equal(ofRule(await analyze({ 'main.tf': unlinked }), RULE).length, 0);
  });

  test('does not fire when the listener state is unknown (OTC v2 listener, unknown load balancer, TCP)', async () => {
    const text = `resource "opentelekomcloud_lb_listener_v2" "l" {
  loadbalancer_id = var.lb
  protocol        = "TCP"
  protocol_port   = 80
}

resource "opentelekomcloud_lb_pool_v3" "p" {
  listener_id  = opentelekomcloud_lb_listener_v2.l.id
  lb_algorithm = "ROUND_ROBIN"
  protocol     = "TCP"
}

resource "opentelekomcloud_lb_member_v3" "m" {
  pool_id       = opentelekomcloud_lb_pool_v3.p.id
  address       = "10.0.0.1"
  protocol_port = 80
}
`;
    assert.equal(ofRule(await analyze({ 'main.tf': text }), RULE).length, 0);
  });

  test('fires for OTC and Flexible Engine v3 members, and across files', async () => {
    const otc = {
      'lb.tf': `resource "opentelekomcloud_lb_loadbalancer_v3" "lb" {
  ip_target_enable = true
}

resource "opentelekomcloud_lb_listener_v3" "l" {
  loadbalancer_id = opentelekomcloud_lb_loadbalancer_v3.lb.id
  protocol        = "UDP"
  protocol_port   = 53
}
`,
      'pool.tf': `resource "opentelekomcloud_lb_pool_v3" "p" {
  listener_id  = opentelekomcloud_lb_listener_v3.l.id
  lb_algorithm = "ROUND_ROBIN"
  protocol     = "UDP"
}

resource "opentelekomcloud_lb_member_v3" "m" {
  pool_id       = opentelekomcloud_lb_pool_v3.p.id
  address       = "10.1.0.1"
  protocol_port = 53
}
`,
    };
    const findings = ofRule(await analyze(otc), RULE);
    assert.equal(findings.length, 1);
    assert.match(findings[0].file, /pool\.tf$/);
    const fe = Object.fromEntries(Object.entries(otc).map(([k, v]) => [k, v.replaceAll('opentelekomcloud', 'flexibleengine')]));
    assert.equal(ofRule(await analyze(fe), RULE).length, 1);
  });

  test('fires in .tf.json; the subnet fix keeps valid JSON', async () => {
    const json = JSON.stringify(
      {
        resource: {
          huaweicloud_elb_loadbalancer: { lb: { ipv4_subnet_id: '${var.subnet}' } },
          huaweicloud_elb_listener: { l: { loadbalancer_id: '${huaweicloud_elb_loadbalancer.lb.id}', protocol: 'TCP', default_pool_id: '${huaweicloud_elb_pool.p.id}' } },
          huaweicloud_elb_pool: { p: { protocol: 'TCP' } },
          huaweicloud_elb_member: { m: { pool_id: '${huaweicloud_elb_pool.p.id}', address: '172.16.0.1' } },
        },
      },
      null,
      2,
    );
    const [finding] = ofRule(await analyze({ 'main.tf.json': json }), RULE);
    assert.ok(finding);
    const fixed = applyEdits(json, finding.fixes[0].edits);
    assert.equal(JSON.parse(fixed).resource.huaweicloud_elb_member.m.subnet_id, '${var.subnet}');
    assert.equal(ofRule(await analyze({ 'main.tf.json': fixed }), RULE).length, 0);
  });
});
