import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Finding } from '../../server/src/core/types';
import { analyze, applyFixToModule, ofRule, textAt } from '../helpers';

/** count / for_each instances, dynamic blocks and conditional references. */

const sharedLb = (provider: 'huaweicloud' | 'opentelekomcloud' | 'flexibleengine') =>
  provider === 'huaweicloud' ? 'huaweicloud_lb_loadbalancer' : `${provider}_lb_loadbalancer_v2`;
const sharedListener = (provider: 'huaweicloud' | 'opentelekomcloud' | 'flexibleengine') =>
  provider === 'huaweicloud' ? 'huaweicloud_lb_listener' : `${provider}_lb_listener_v2`;

function counted(provider: 'huaweicloud' | 'opentelekomcloud' | 'flexibleengine', protocolExpr: string, head: string): string {
  return `resource "${sharedLb(provider)}" "lb" {
  vip_subnet_id = "s"
}

resource "${sharedListener(provider)}" "l" {
${head}
  loadbalancer_id = ${sharedLb(provider)}.lb.id
  protocol        = ${protocolExpr}
  protocol_port   = 80
}
`;
}

const L4_OFF = 'client-ip-shared-l4-off';

describe('count and for_each instances', () => {
  for (const provider of ['huaweicloud', 'opentelekomcloud', 'flexibleengine'] as const) {
    test(`${provider}: element(var.protocols, count.index) with values from terraform.tfvars`, async () => {
      const main = counted(provider, 'element(var.protocols, count.index)', '  count = length(var.protocols)');
      const files = {
        'main.tf': main,
        'variables.tf': 'variable "protocols" {}\n',
        'terraform.tfvars': 'protocols = ["HTTP", "UDP", "TCP"]\n',
      };
      const findings = ofRule(await analyze(files), L4_OFF);
      assert.equal(findings.length, 2, 'UDP and TCP (different messages), not HTTP');
      assert.ok(findings.some((f) => /\.l\[1\]` \(UDP\)/.test(f.message)));
      assert.ok(findings.some((f) => /\.l\[2\]` \(TCP\)/.test(f.message)));
      for (const finding of findings) assert.equal(textAt(main, finding), `"${sharedListener(provider)}" "l"`);
    });
  }

  test('var.protocols[count.index] with a default; the same finding for two instances is reported once', async () => {
    const main = counted('huaweicloud', 'var.protocols[count.index]', '  count = 2');
    const findings = ofRule(await analyze({ 'main.tf': main, 'v.tf': 'variable "protocols" {\n  default = ["TCP", "TCP"]\n}\n' }), L4_OFF);
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /huaweicloud_lb_listener\.l\[0\]/);
    assert.match(findings[0].message, /The same holds for the instance `huaweicloud_lb_listener\.l\[1\]`/);
  });

  test('each.value.protocol over a map; each.key names the instance', async () => {
    const main = counted('opentelekomcloud', 'each.value.protocol', '  for_each = var.listeners');
    const vars = 'variable "listeners" {\n  default = {\n    ssh = { protocol = "TCP" }\n    web = { protocol = "HTTP" }\n  }\n}\n';
    const findings = ofRule(await analyze({ 'main.tf': main, 'v.tf': vars }), L4_OFF);
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /opentelekomcloud_lb_listener_v2\.l\["ssh"\]` \(TCP\)/);
  });

  test('a known count = 0 or an empty for_each makes no instance and no finding; an unknown one says nothing', async () => {
    const enabled = 'variable "enabled" {\n  default = false\n}\n';
    assert.deepEqual(await analyze({ 'main.tf': counted('huaweicloud', '"TCP"', '  count = var.enabled ? 1 : 0'), 'v.tf': enabled }), []);
    assert.deepEqual(await analyze({ 'main.tf': counted('flexibleengine', '"TCP"', '  for_each = {}') }), []);
    // The same with the flag on: the finding is back.
    const on = 'variable "enabled" {\n  default = true\n}\n';
    assert.equal(
      ofRule(await analyze({ 'main.tf': counted('huaweicloud', '"TCP"', '  count = var.enabled ? 1 : 0'), 'v.tf': on }), L4_OFF).length,
      1,
    );
    // Unknown count: the resource may exist; its (known) protocol still gives the finding once.
    const unknownCount = await analyze({ 'main.tf': counted('huaweicloud', '"TCP"', '  count = var.n'), 'v.tf': 'variable "n" {}\n' });
    assert.equal(ofRule(unknownCount, L4_OFF).length, 1);
    // Unknown count with a protocol that depends on count.index: silence.
    const unknownIndex = await analyze({
      'main.tf': counted('huaweicloud', 'var.p[count.index]', '  count = var.n'),
      'v.tf': 'variable "n" {}\nvariable "p" {\n  default = ["TCP"]\n}\n',
    });
    assert.deepEqual(ofRule(unknownIndex, L4_OFF), []);
  });
});

const dedicatedListener = (body: string) => `resource "huaweicloud_elb_loadbalancer" "lb" {
  name = "lb"
}

resource "huaweicloud_elb_listener" "l" {
  loadbalancer_id = huaweicloud_elb_loadbalancer.lb.id
  protocol        = "TCP"
  protocol_port   = 80
${body}}
`;

describe('dynamic blocks', () => {
  const dynamicHeaders = (forEach: string) => `  dynamic "insert_headers" {
    for_each = ${forEach}
    content {
      forwarded_host = insert_headers.value
    }
  }
`;

  test('dynamic "insert_headers" with a known, non-empty for_each on a TCP listener: the block is ineffective', async (t) => {
    const text = dedicatedListener(dynamicHeaders('["true"]'));
    const findings = ofRule(await analyze({ 'main.tf': text }), 'client-ip-ineffective-option');
    assert.equal(findings.length, 1);
    assert.equal(textAt(text, findings[0]), '"insert_headers"', 'on the dynamic block');
    const fixed = await applyFixToModule(t, { 'main.tf': text }, findings[0].fixes[0].edits);
    assert.doesNotMatch(fixed.files['main.tf'], /dynamic/, 'the fix removes the dynamic block');
    assert.deepEqual(ofRule(fixed.findings, 'client-ip-ineffective-option'), []);
  });

  test('dynamic "insert_headers" with an empty or unknown for_each: no finding', async () => {
    assert.deepEqual(ofRule(await analyze({ 'main.tf': dedicatedListener(dynamicHeaders('[]')) }), 'client-ip-ineffective-option'), []);
    const unknown = { 'main.tf': dedicatedListener(dynamicHeaders('var.headers')), 'v.tf': 'variable "headers" {}\n' };
    assert.deepEqual(ofRule(await analyze(unknown), 'client-ip-ineffective-option'), []);
  });

  test('dynamic blocks in .tf.json', async () => {
    const json = JSON.stringify({
      resource: {
        huaweicloud_elb_loadbalancer: { lb: { name: 'lb' } },
        huaweicloud_elb_listener: {
          l: {
            loadbalancer_id: '${huaweicloud_elb_loadbalancer.lb.id}',
            protocol: 'TCP',
            dynamic: { insert_headers: { for_each: '${[1]}', iterator: 'h', content: { forwarded_host: true } } },
          },
        },
      },
    });
    assert.equal(ofRule(await analyze({ 'main.tf.json': json }), 'client-ip-ineffective-option').length, 1);
    const empty = json.replace('${[1]}', '${[]}');
    assert.equal(ofRule(await analyze({ 'main.tf.json': empty }), 'client-ip-ineffective-option').length, 0);
  });

  test('dynamic "ip_list" in an IP group: a backend inside the white list is found (same server)', async () => {
    const text = `resource "opentelekomcloud_lb_loadbalancer_v3" "lb" {
  name = "lb"
}

resource "opentelekomcloud_lb_ipgroup_v3" "ops" {
  dynamic "ip_list" {
    for_each = var.operator_cidrs
    iterator = cidr
    content {
      ip = cidr.value
    }
  }
}

resource "opentelekomcloud_lb_listener_v3" "admin" {
  loadbalancer_id = opentelekomcloud_lb_loadbalancer_v3.lb.id
  protocol        = "HTTP"
  protocol_port   = 80
  default_pool_id = opentelekomcloud_lb_pool_v3.p.id
  ip_group {
    id     = opentelekomcloud_lb_ipgroup_v3.ops.id
    enable = true
    type   = "white"
  }
}

resource "opentelekomcloud_lb_pool_v3" "p" {
  loadbalancer_id = opentelekomcloud_lb_loadbalancer_v3.lb.id
  protocol        = "HTTP"
  lb_algorithm    = "ROUND_ROBIN"
}

resource "opentelekomcloud_lb_member_v3" "console" {
  pool_id   = opentelekomcloud_lb_pool_v3.p.id
  address   = "10.0.0.5"
  subnet_id = "subnet"
}
`;
    const inside = { 'main.tf': text, 'v.tf': 'variable "operator_cidrs" {\n  default = ["10.0.0.0/24"]\n}\n' };
    assert.equal(ofRule(await analyze(inside), 'client-ip-same-server').length, 1);
    const outside = { 'main.tf': text, 'v.tf': 'variable "operator_cidrs" {\n  default = ["192.168.0.0/24"]\n}\n' };
    assert.equal(ofRule(await analyze(outside), 'client-ip-same-server').length, 0);
    const unknown = { 'main.tf': text, 'v.tf': 'variable "operator_cidrs" {}\n' };
    assert.equal(ofRule(await analyze(unknown), 'client-ip-same-server').length, 0);
  });
});

describe('conditional references', () => {
  const choose = (dedicated: string) => ({
    'main.tf': `variable "dedicated" {
  default = ${dedicated}
}

resource "opentelekomcloud_lb_loadbalancer_v2" "shared" {
  vip_subnet_id = "s"
}

resource "opentelekomcloud_lb_loadbalancer_v3" "dedicated" {
  name = "d"
}

resource "opentelekomcloud_lb_listener_v2" "l" {
  loadbalancer_id              = var.dedicated ? opentelekomcloud_lb_loadbalancer_v3.dedicated.id : opentelekomcloud_lb_loadbalancer_v2.shared.id
  protocol                     = "TCP"
  protocol_port                = 80
  transparent_client_ip_enable = false
}
`,
  });

  test('loadbalancer_id = var.dedicated ? a.id : b.id resolves to the chosen load balancer', async () => {
    const dedicated: Finding[] = ofRule(await analyze(choose('true')), 'client-ip-always-on');
    assert.equal(dedicated.length, 1);
    assert.match(dedicated[0].message, /dedicated/);
    assert.equal(ofRule(await analyze(choose('false')), 'client-ip-always-on').length, 0, 'shared: off is allowed');
  });

  test('an unknown condition links to neither: the kind stays unknown and nothing is said', async () => {
    const files = choose('true');
    files['main.tf'] = files['main.tf'].replace('  default = true\n', '');
    assert.equal(ofRule(await analyze(files), 'client-ip-always-on').length, 0);
  });
});
