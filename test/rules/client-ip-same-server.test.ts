import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze, ofRule, textAt } from '../helpers';
import { chainLoadBalancer, chainTypes, type Provider, terraformChain } from './fixtures';
import { DEDICATED_LB, json, jsonFindings, nameOf } from '../elbjson/util';

const RULE = 'client-ip-same-server';

/** A Huawei dedicated TCP listener whose member is a server with the given `user_data`. */
const huawei = (userData: string, extra = '') =>
  terraformChain({
    provider: 'huaweicloud',
    lbKind: 'dedicated',
    loadBalancer: '  ipv4_address = "192.168.0.100"\n',
    beforeMember: `resource "huaweicloud_compute_instance" "vm" {\n  name      = "vm"\n  user_data = ${userData}\n}\n\n`,
    memberAddress: 'huaweicloud_compute_instance.vm.access_ip_v4',
    member: '  subnet_id     = var.subnet\n',
  }) + extra;

/** A shared load balancer of `provider` with a TCP listener and a server member that calls its address. */
const shared = (provider: Provider, instanceType: string, transfer: string | undefined) => {
  const lb = chainLoadBalancer(provider, 'shared');
  return terraformChain({
    provider,
    lbKind: 'shared',
    clientIp: transfer,
    loadBalancer: '  vip_address = "192.168.0.100"\n',
    beforeMember: `resource "${instanceType}" "vm" {\n  user_data = "curl http://\${${lb}.vip_address}/"\n}\n\n`,
    memberAddress: `${instanceType}.vm.access_ip_v4`,
    member: '  subnet_id     = var.subnet\n',
  });
};

const SHARED_PROVIDERS: [Provider, string, string][] = [
  ['huaweicloud', 'huaweicloud_compute_instance', '"true"'],
  ['opentelekomcloud', 'opentelekomcloud_compute_instance_v2', 'true'],
  ['flexibleengine', 'flexibleengine_compute_instance_v2', 'true'],
];

describe(`${RULE}: a member's server refers to the load balancer address`, () => {
  test('fires on the member address, naming member, server and attribute; related: the reference and the listener', async () => {
    const text = huawei('"curl http://${huaweicloud_elb_loadbalancer.lb.ipv4_address}/health"');
    const findings = ofRule(await analyze({ 'main.tf': text }), RULE);
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(finding.severity, 'warning');
    assert.equal(textAt(text, finding), 'address       = huaweicloud_compute_instance.vm.access_ip_v4');
    assert.match(
      finding.message,
      /^This backend is also a client of its load balancer, so its requests to itself hang\. Member `huaweicloud_elb_member\.m` is a client too/,
    );
    assert.match(
      finding.message,
      /server `huaweicloud_compute_instance\.vm` uses huaweicloud_elb_loadbalancer\.lb\.ipv4_address in `user_data`/,
    );
    assert.match(finding.message, /listener `huaweicloud_elb_listener\.l` \(TCP\)/);
    assert.deepEqual(
      finding.related.map((r) => [r.message, textAt(text, { ...finding, range: r.range })]),
      [
        [
          'the server refers to the load balancer address here',
          'user_data = "curl http://${huaweicloud_elb_loadbalancer.lb.ipv4_address}/health"',
        ],
        ['listener that transfers the client IP', '"huaweicloud_elb_listener" "l"'],
      ],
    );
    assert.deepEqual(finding.fixes, [], 'no quick fix: the hover and docs explain');
  });

  test('fires through templatefile() arguments and locals', async () => {
    const text = huawei(
      'templatefile("init.sh", { lb = local.lb_ip })',
      '\nlocals {\n  lb_ip = huaweicloud_elb_loadbalancer.lb.ipv4_address\n}\n',
    );
    assert.equal(ofRule(await analyze({ 'main.tf': text }), RULE).length, 1);
  });

  test('fires on the literal VIP, also when it comes from a variable default', async () => {
    assert.equal(ofRule(await analyze({ 'main.tf': huawei('"API=http://192.168.0.100:80"') }), RULE).length, 1);
    const viaVariable = huawei('"API=http://192.168.0.100:80"').replace('"192.168.0.100"\n', 'var.vip\n');
    const findings = ofRule(await analyze({ 'main.tf': viaVariable, 'v.tf': 'variable "vip" {\n  default = "192.168.0.100"\n}\n' }), RULE);
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /192\.168\.0\.100, the address of huaweicloud_elb_loadbalancer\.lb/);
  });

  test('fires on a reference in a nested block (metadata-like maps, network blocks)', async () => {
    const text = huawei('null').replace(
      '  user_data = null\n',
      '  user_data = null\n  metadata = {\n    api = huaweicloud_elb_loadbalancer.lb.ipv4_address\n  }\n',
    );
    const [finding] = ofRule(await analyze({ 'main.tf': text }), RULE);
    assert.ok(finding);
    assert.match(finding.message, /in `metadata`/);
  });

  test('fires when the server uses an EIP bound to the load balancer', async () => {
    const text = huawei(
      '"API=${huaweicloud_vpc_eip.lb.address}"',
      `
resource "huaweicloud_vpc_eip" "lb" {
  publicip {
    type = "5_bgp"
  }
}

resource "huaweicloud_vpc_eip_associate" "lb" {
  public_ip = huaweicloud_vpc_eip.lb.address
  port_id   = huaweicloud_elb_loadbalancer.lb.ipv4_port_id
}
`,
    );
    const [finding] = ofRule(await analyze({ 'main.tf': text }), RULE);
    assert.ok(finding);
    assert.match(finding.message, /huaweicloud_vpc_eip\.lb\.address, the EIP of huaweicloud_elb_loadbalancer\.lb/);
  });

  test('fires when the member address is a network fixed IP of the server', async () => {
    const text = huawei('"${huaweicloud_elb_loadbalancer.lb.ipv4_address}"').replace(
      'huaweicloud_compute_instance.vm.access_ip_v4',
      'huaweicloud_compute_instance.vm.network[0].fixed_ip_v4',
    );
    assert.equal(ofRule(await analyze({ 'main.tf': text }), RULE).length, 1);
  });

  for (const [provider, instanceType, on] of SHARED_PROVIDERS) {
    const { prefix, suffix } = chainTypes(provider, 'shared');
    test(`${prefix}${suffix}: fires on a shared TCP listener only while the transfer is on`, async () => {
      assert.equal(ofRule(await analyze({ 'main.tf': shared(provider, instanceType, on) }), RULE).length, 1, 'on');
      assert.equal(ofRule(await analyze({ 'main.tf': shared(provider, instanceType, undefined) }), RULE).length, 0, 'default off');
      const viaTfvars = {
        'main.tf': shared(provider, instanceType, 'var.transfer'),
        'v.tf': 'variable "transfer" {}\n',
        'terraform.tfvars': `transfer = ${on}\n`,
      };
      assert.equal(ofRule(await analyze(viaTfvars), RULE).length, 1, 'tfvars');
    });
  }

  test('OTC dedicated load balancer and v3 resources', async () => {
    const text = `resource "opentelekomcloud_lb_loadbalancer_v3" "lb" {
  name = "lb"
}

resource "opentelekomcloud_lb_listener_v3" "l" {
  loadbalancer_id = opentelekomcloud_lb_loadbalancer_v3.lb.id
  protocol        = "HTTP"
  protocol_port   = 80
}

resource "opentelekomcloud_lb_pool_v3" "p" {
  listener_id  = opentelekomcloud_lb_listener_v3.l.id
  lb_algorithm = "ROUND_ROBIN"
  protocol     = "HTTP"
}

resource "opentelekomcloud_compute_instance_v2" "vm" {
  user_data = "echo \${opentelekomcloud_lb_loadbalancer_v3.lb.vip_address}"
}

resource "opentelekomcloud_lb_member_v3" "m" {
  pool_id   = opentelekomcloud_lb_pool_v3.p.id
  address   = opentelekomcloud_compute_instance_v2.vm.access_ip_v4
  subnet_id = var.subnet
}
`;
    assert.equal(ofRule(await analyze({ 'main.tf': text }), RULE).length, 1);
  });

  test('in Terraform JSON', async () => {
    const json = JSON.stringify(
      {
        resource: {
          opentelekomcloud_lb_loadbalancer_v3: { lb: { name: 'x' } },
          opentelekomcloud_lb_listener_v3: { l: { loadbalancer_id: '${opentelekomcloud_lb_loadbalancer_v3.lb.id}', protocol: 'TCP' } },
          opentelekomcloud_lb_pool_v3: { p: { listener_id: '${opentelekomcloud_lb_listener_v3.l.id}', protocol: 'TCP' } },
          opentelekomcloud_compute_instance_v2: { vm: { user_data: 'echo ${opentelekomcloud_lb_loadbalancer_v3.lb.vip_address}' } },
          opentelekomcloud_lb_member_v3: {
            m: {
              pool_id: '${opentelekomcloud_lb_pool_v3.p.id}',
              address: '${opentelekomcloud_compute_instance_v2.vm.access_ip_v4}',
              subnet_id: 's',
            },
          },
        },
      },
      null,
      2,
    );
    const [finding] = ofRule(await analyze({ 'main.tf.json': json }), RULE);
    assert.ok(finding);
    assert.equal(textAt(json, finding), '"address": "${opentelekomcloud_compute_instance_v2.vm.access_ip_v4}"');
  });
});

describe(`${RULE}: a member address inside the listener's white list`, () => {
  const huaweiWhiteList = (access: string, memberAddress: string) => `resource "huaweicloud_elb_ipgroup" "office" {
  ip_list {
    ip = "10.0.0.0/24"
  }
}

resource "huaweicloud_elb_listener" "l" {
  loadbalancer_id = var.lb
  protocol        = "HTTP"
  protocol_port   = 80
  access_policy   = "${access}"
  ip_group        = huaweicloud_elb_ipgroup.office.id
}

resource "huaweicloud_elb_pool" "p" {
  listener_id = huaweicloud_elb_listener.l.id
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
}

resource "huaweicloud_elb_member" "m" {
  pool_id       = huaweicloud_elb_pool.p.id
  address       = ${memberAddress}
  protocol_port = 80
  subnet_id     = var.subnet
}
`;

  test('Huawei access_policy "white": fires, with the CIDR and the related IP group', async () => {
    const text = huaweiWhiteList('white', '"10.0.0.15"');
    const [finding] = ofRule(await analyze({ 'main.tf': text }), RULE);
    assert.ok(finding);
    assert.equal(textAt(text, finding), 'address       = "10.0.0.15"');
    assert.match(
      finding.message,
      /its address 10\.0\.0\.15 is in 10\.0\.0\.0\/24, which the white list `huaweicloud_elb_ipgroup\.office` admits as a client/,
    );
    assert.equal(finding.related[0].message, 'white list that admits the backend as a client');
    assert.equal(textAt(text, { ...finding, range: finding.related[0].range }), '"huaweicloud_elb_ipgroup" "office"');
  });

  test('through a variable default for the member address', async () => {
    const files = { 'main.tf': huaweiWhiteList('white', 'var.backend'), 'v.tf': 'variable "backend" {\n  default = "10.0.0.200"\n}\n' };
    assert.equal(ofRule(await analyze(files), RULE).length, 1);
  });

  test('does not fire outside the CIDR, for a black list, or for an unknown address', async () => {
    assert.equal(ofRule(await analyze({ 'main.tf': huaweiWhiteList('white', '"10.0.1.15"') }), RULE).length, 0);
    assert.equal(ofRule(await analyze({ 'main.tf': huaweiWhiteList('black', '"10.0.0.15"') }), RULE).length, 0);
    assert.equal(
      ofRule(await analyze({ 'main.tf': huaweiWhiteList('white', 'var.backend'), 'v.tf': 'variable "backend" {}\n' }), RULE).length,
      0,
    );
  });

  test('OTC ip_group blocks: white (or no type) and enabled fire; black or disabled do not', async () => {
    const otc = (ipGroupBody: string) => `resource "opentelekomcloud_lb_ipgroup_v3" "office" {
  ip_list {
    ip = "10.0.0.0/24"
  }
}

resource "opentelekomcloud_lb_listener_v3" "l" {
  loadbalancer_id = var.lb
  protocol        = "TCP"
  protocol_port   = 80

  ip_group {
    id = opentelekomcloud_lb_ipgroup_v3.office.id
${ipGroupBody}  }
}

resource "opentelekomcloud_lb_pool_v3" "p" {
  listener_id  = opentelekomcloud_lb_listener_v3.l.id
  lb_algorithm = "ROUND_ROBIN"
  protocol     = "TCP"
}

resource "opentelekomcloud_lb_member_v3" "m" {
  pool_id   = opentelekomcloud_lb_pool_v3.p.id
  address   = "10.0.0.7"
  subnet_id = var.subnet
}
`;
    assert.equal(ofRule(await analyze({ 'main.tf': otc('') }), RULE).length, 1, 'no type: white');
    assert.equal(ofRule(await analyze({ 'main.tf': otc('    type   = "white"\n    enable = true\n') }), RULE).length, 1, 'white');
    assert.equal(ofRule(await analyze({ 'main.tf': otc('    type = "black"\n') }), RULE).length, 0, 'black');
    assert.equal(ofRule(await analyze({ 'main.tf': otc('    enable = false\n') }), RULE).length, 0, 'disabled');
  });
});

describe(`${RULE}: does not fire`, () => {
  test('when the server only refers to the load balancer id, or to another address', async () => {
    for (const userData of [
      '"LB=${huaweicloud_elb_loadbalancer.lb.id}"',
      '"API=http://192.168.0.101/"',
      '"API=http://192.168.0.1000/"',
      '"API=http://10.192.168.0.100/"',
    ]) {
      assert.equal(ofRule(await analyze({ 'main.tf': huawei(userData) }), RULE).length, 0, userData);
    }
  });

  test('when the server refers to another load balancer', async () => {
    const text = huawei(
      '"API=${huaweicloud_elb_loadbalancer.other.ipv4_address}"',
      '\nresource "huaweicloud_elb_loadbalancer" "other" {\n  ipv4_address = "192.168.0.200"\n}\n',
    );
    assert.equal(ofRule(await analyze({ 'main.tf': text }), RULE).length, 0);
  });

  test('when the member is not that server', async () => {
    const text = huawei('"${huaweicloud_elb_loadbalancer.lb.ipv4_address}"').replace(
      'huaweicloud_compute_instance.vm.access_ip_v4',
      '"192.168.0.7"',
    );
    assert.equal(ofRule(await analyze({ 'main.tf': text }), RULE).length, 0);
  });

  test('when the transfer state is unknown (shared TCP listener, unknown value)', async () => {
    const [provider, instanceType] = SHARED_PROVIDERS[0];
    const files = { 'main.tf': shared(provider, instanceType, 'var.transfer'), 'v.tf': 'variable "transfer" {}\n' };
    assert.equal(ofRule(await analyze(files), RULE).length, 0);
  });

  test('when the listener does not reach the pool', async () => {
    const text = huawei('"${huaweicloud_elb_loadbalancer.lb.ipv4_address}"').replace('  listener_id = huaweicloud_elb_listener.l.id\n', '');
    assert.equal(ofRule(await analyze({ 'main.tf': text }), RULE).length, 0);
  });
});

// ELB API JSON: request bodies, list responses and exports spread over several files of a
// folder. Every fix is applied, the folder re-analysed, and each `.json` file must still JSON.parse.

const listenerBody = (listener: Record<string, unknown>) => json({ listener });

describe('client-ip-same-server (JSON)', () => {
  const RULE = 'client-ip-same-server';
  const folder = (ipgroup: Record<string, unknown> | null, address = '192.168.1.5') => ({
    'lb.json': json({ loadbalancer: DEDICATED_LB }),
    'listener.json': listenerBody({ id: 'l1', protocol: 'TCP', loadbalancer_id: 'lb-ded', default_pool_id: 'p1', ipgroup }),
    'ipgroups.json': json({ ipgroups: [{ id: 'g1', name: 'office', ip_list: [{ ip: '192.168.1.0/24' }, { ip: '10.9.9.9' }] }] }),
    'pool.json': json({ pool: { id: 'p1', protocol: 'TCP', lb_algorithm: 'ROUND_ROBIN' } }),
    'members.json': json({ pool_id: 'p1', members: [{ address, protocol_port: 80, subnet_cidr_id: 'subnet-lb' }] }),
  });

  test("fires when a member address is in the listener's white list", async () => {
    const files = folder({ ipgroup_id: 'g1', enable_ipgroup: true, type: 'white' });
    const findings = ofRule((await jsonFindings(files)).findings, RULE);
    assert.equal(findings.length, 1);
    assert.equal(textAt(files['members.json'], findings[0]), '"address": "192.168.1.5"');
    assert.match(findings[0].message, /192\.168\.1\.0\/24/);
    assert.equal(nameOf(findings[0].related[0].file), 'ipgroups.json');
    assert.equal(findings[0].fixes.length, 0);
    // type defaults to white
    assert.equal(ofRule((await jsonFindings(folder({ ipgroup_id: 'g1' }))).findings, RULE).length, 1);
  });

  test('does not fire for a black list, a disabled group, no group, or an address outside it', async () => {
    for (const files of [
      folder({ ipgroup_id: 'g1', type: 'black' }),
      folder({ ipgroup_id: 'g1', enable_ipgroup: false }),
      folder(null),
      folder({ ipgroup_id: 'g1' }, '192.168.2.5'),
    ]) {
      assert.equal(ofRule((await jsonFindings(files)).findings, RULE).length, 0, JSON.stringify(files));
    }
  });
});
