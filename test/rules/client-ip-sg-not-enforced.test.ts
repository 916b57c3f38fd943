import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze, ofRule, textAt } from '../helpers';

const RULE = 'client-ip-sg-not-enforced';

interface Form {
  /** Listener, pool, member, instance, group and rule types, and how transfer is written on. */
  lb: string;
  lbBody: string;
  listener: string;
  on: string;
  pool: string;
  member: string;
  instance: string;
  attach: (group: string) => string;
  group: string;
  rule: string;
  /** How a white list for the listener is written in this form (a resource, or listener arguments). */
  whiteList: { resources: string; listenerLines: string };
}

const HW_INSTANCE = 'huaweicloud_compute_instance';
const OTC_INSTANCE = 'opentelekomcloud_compute_instance_v2';
const FE_INSTANCE = 'flexibleengine_compute_instance_v2';

const FORMS: Record<string, Form> = {
  'Huawei shared': {
    lb: 'huaweicloud_lb_loadbalancer',
    lbBody: 'vip_subnet_id = "s"',
    listener: 'huaweicloud_lb_listener',
    on: 'transparent_client_ip_enable = "true"',
    pool: 'huaweicloud_lb_pool',
    member: 'huaweicloud_lb_member',
    instance: HW_INSTANCE,
    attach: (g) => `security_group_ids = [${g}.id]`,
    group: 'huaweicloud_networking_secgroup',
    rule: 'huaweicloud_networking_secgroup_rule',
    whiteList: {
      resources:
        'resource "huaweicloud_lb_whitelist" "w" {\n  listener_id = huaweicloud_lb_listener.l.id\n  whitelist = "10.8.0.0/16"\n}\n',
      listenerLines: '',
    },
  },
  'Huawei dedicated': {
    lb: 'huaweicloud_elb_loadbalancer',
    lbBody: 'name = "lb"',
    listener: 'huaweicloud_elb_listener',
    on: '',
    pool: 'huaweicloud_elb_pool',
    member: 'huaweicloud_elb_member',
    instance: HW_INSTANCE,
    attach: (g) => `security_group_ids = [${g}.id]`,
    group: 'huaweicloud_networking_secgroup',
    rule: 'huaweicloud_networking_secgroup_rule',
    whiteList: {
      resources: 'resource "huaweicloud_elb_ipgroup" "office" {\n  ip_list {\n    ip = "10.8.0.0/16"\n  }\n}\n',
      listenerLines: 'ip_group = huaweicloud_elb_ipgroup.office.id\n  access_policy = "white"',
    },
  },
  'OTC shared': {
    lb: 'opentelekomcloud_lb_loadbalancer_v2',
    lbBody: 'vip_subnet_id = "s"',
    listener: 'opentelekomcloud_lb_listener_v2',
    on: 'transparent_client_ip_enable = true',
    pool: 'opentelekomcloud_lb_pool_v2',
    member: 'opentelekomcloud_lb_member_v2',
    instance: OTC_INSTANCE,
    attach: (g) => `security_groups = [${g}.name]`,
    group: 'opentelekomcloud_networking_secgroup_v2',
    rule: 'opentelekomcloud_networking_secgroup_rule_v2',
    whiteList: {
      resources:
        'resource "opentelekomcloud_lb_whitelist_v2" "w" {\n  listener_id = opentelekomcloud_lb_listener_v2.l.id\n  whitelist = "10.8.0.0/16"\n}\n',
      listenerLines: '',
    },
  },
  'OTC dedicated': {
    lb: 'opentelekomcloud_lb_loadbalancer_v3',
    lbBody: 'name = "lb"',
    listener: 'opentelekomcloud_lb_listener_v3',
    on: '',
    pool: 'opentelekomcloud_lb_pool_v3',
    member: 'opentelekomcloud_lb_member_v3',
    instance: OTC_INSTANCE,
    attach: (g) => `security_groups = [${g}.name]`,
    group: 'opentelekomcloud_networking_secgroup_v2',
    rule: 'opentelekomcloud_networking_secgroup_rule_v2',
    whiteList: {
      resources: 'resource "opentelekomcloud_lb_ipgroup_v3" "office" {\n  ip_list {\n    ip = "10.8.0.0/16"\n  }\n}\n',
      listenerLines: 'ip_group {\n    id     = opentelekomcloud_lb_ipgroup_v3.office.id\n    enable = true\n    type   = "white"\n  }',
    },
  },
  'Flexible Engine shared': {
    lb: 'flexibleengine_lb_loadbalancer_v2',
    lbBody: 'vip_subnet_id = "s"',
    listener: 'flexibleengine_lb_listener_v2',
    on: 'transparent_client_ip_enable = true',
    pool: 'flexibleengine_lb_pool_v2',
    member: 'flexibleengine_lb_member_v2',
    instance: FE_INSTANCE,
    attach: (g) => `security_groups = [${g}.name]`,
    group: 'flexibleengine_networking_secgroup_v2',
    rule: 'flexibleengine_networking_secgroup_rule_v2',
    whiteList: {
      resources:
        'resource "flexibleengine_lb_whitelist_v2" "w" {\n  listener_id = flexibleengine_lb_listener_v2.l.id\n  whitelist = "10.8.0.0/16"\n}\n',
      listenerLines: '',
    },
  },
  'Flexible Engine dedicated': {
    lb: 'flexibleengine_lb_loadbalancer_v3',
    lbBody: 'name = "lb"',
    listener: 'flexibleengine_lb_listener_v3',
    on: '',
    pool: 'flexibleengine_lb_pool_v3',
    member: 'flexibleengine_lb_member_v3',
    instance: FE_INSTANCE,
    attach: (g) => `security_groups = [${g}.name]`,
    group: 'flexibleengine_networking_secgroup_v2',
    rule: 'flexibleengine_networking_secgroup_rule_v2',
    whiteList: { resources: '', listenerLines: 'ip_group = "ipg-1"\n  access_policy = "white"' },
  },
};

interface Options {
  protocol?: string;
  /** Lines of the security group rule (its `security_group_id` is added). */
  ruleLines?: string[];
  /** More rules of the same group. */
  moreRules?: string[][];
  listenerLines?: string;
  lbBody?: string;
  extra?: string;
  on?: string;
}

const RESTRICTING = [
  'direction = "ingress"',
  'ethertype = "IPv4"',
  'protocol = "tcp"',
  'port_range_min = 5432',
  'port_range_max = 5432',
  'remote_ip_prefix = "10.8.0.0/16"',
];

function module(form: Form, options: Options = {}): string {
  const rules = [options.ruleLines ?? RESTRICTING, ...(options.moreRules ?? [])];
  return [
    `resource "${form.lb}" "lb" {\n  ${options.lbBody ?? form.lbBody}\n}\n`,
    `resource "${form.listener}" "l" {\n  loadbalancer_id = ${form.lb}.lb.id\n  protocol = "${options.protocol ?? 'TCP'}"\n  protocol_port = 5432\n  ${options.on ?? form.on}\n  ${options.listenerLines ?? ''}\n}\n`,
    `resource "${form.pool}" "p" {\n  listener_id = ${form.listener}.l.id\n  protocol = "${options.protocol ?? 'TCP'}"\n}\n`,
    `resource "${form.member}" "m" {\n  pool_id = ${form.pool}.p.id\n  address = ${form.instance}.db.access_ip_v4\n  protocol_port = 5432\n  subnet_id = "s"\n}\n`,
    `resource "${form.instance}" "db" {\n  name = "db"\n  ${form.attach(`${form.group}.sg`)}\n}\n`,
    `resource "${form.group}" "sg" {\n  name = "db"\n}\n`,
    ...rules.map(
      (lines, i) =>
        `resource "${form.rule}" "r${i}" {\n  security_group_id = ${form.group}.sg.id\n${lines.map((l) => `  ${l}\n`).join('')}}\n`,
    ),
    options.extra ?? '',
  ].join('\n');
}

describe(`${RULE}: fires`, () => {
  for (const [name, form] of Object.entries(FORMS)) {
    test(`${name}: on the restricting rule's remote_ip_prefix, with the listener and member as related places`, async () => {
      const text = module(form);
      const findings = ofRule(await analyze({ 'main.tf': text }), RULE);
      assert.equal(findings.length, 1, name);
      const [finding] = findings;
      assert.equal(finding.severity, 'information');
      assert.equal(textAt(text, finding), 'remote_ip_prefix = "10.8.0.0/16"');
      assert.match(finding.message, /^This security group rule does not restrict clients of a listener that passes the client IP\. /);
      assert.ok(finding.message.split('. ')[0].length <= 100);
      assert.match(
        finding.message,
        new RegExp(`admits only 10\\.8\\.0\\.0/16 on port 5432, but listener \`${form.listener}\\.l\` \\(TCP\\)`),
      );
      assert.match(finding.message, /not applied to that Layer-4 traffic/);
      assert.match(finding.message, /Restrict clients with the listener's access control: /);
      assert.doesNotMatch(finding.message, /admit (the )?client/);
      assert.deepEqual(
        finding.related.map((r) => r.message),
        ['listener that passes the client IP', 'backend behind the security group'],
      );
    });
  }

  test('UDP, a rule without protocol (any), a Huawei ports list, several sources', async () => {
    const form = FORMS['Huawei shared'];
    const udp = module(form, {
      protocol: 'UDP',
      ruleLines: ['direction = "ingress"', 'protocol = "udp"', 'ports = "53,5000-6000"', 'remote_ip_prefix = "10.0.0.0/8"'],
    });
    assert.equal(ofRule(await analyze({ 'main.tf': udp }), RULE).length, 1, 'udp and a range in ports');
    const anyProtocol = module(form, { ruleLines: ['direction = "ingress"', 'remote_ip_prefix = "192.168.1.0/24"'] });
    assert.equal(ofRule(await analyze({ 'main.tf': anyProtocol }), RULE).length, 1, 'no protocol, no ports: all');
    const two = module(form, {
      moreRules: [['direction = "ingress"', 'protocol = "tcp"', 'ports = "5432"', 'remote_ip_prefix = "172.16.0.0/12"']],
    });
    assert.equal(ofRule(await analyze({ 'main.tf': two }), RULE).length, 2, 'one finding per restricting rule');
  });
});

describe(`${RULE}: stays silent`, () => {
  const silent = async (text: string, why: string) => assert.deepEqual(ofRule(await analyze({ 'main.tf': text }), RULE), [], why);

  for (const [name, form] of Object.entries(FORMS)) {
    test(`${name}: with an enabled white list`, async () => {
      await silent(module(form, { listenerLines: form.whiteList.listenerLines, extra: form.whiteList.resources }), 'white list');
    });
  }

  test('a rule open to everyone on the port, or admitting any source', async () => {
    const form = FORMS['Huawei shared'];
    await silent(
      module(form, { moreRules: [['direction = "ingress"', 'protocol = "tcp"', 'ports = "5432"', 'remote_ip_prefix = "0.0.0.0/0"']] }),
      '0.0.0.0/0',
    );
    await silent(module(form, { ruleLines: ['direction = "ingress"', 'protocol = "tcp"', 'ports = "5432"'] }), 'no remote_ip_prefix');
  });

  test('another port, another protocol, egress', async () => {
    const form = FORMS['Huawei shared'];
    await silent(
      module(form, { ruleLines: ['direction = "ingress"', 'protocol = "tcp"', 'ports = "22"', 'remote_ip_prefix = "10.0.0.0/8"'] }),
      'port 22',
    );
    await silent(
      module(form, { ruleLines: ['direction = "ingress"', 'protocol = "udp"', 'ports = "5432"', 'remote_ip_prefix = "10.0.0.0/8"'] }),
      'udp rule',
    );
    await silent(
      module(form, { ruleLines: ['direction = "egress"', 'protocol = "tcp"', 'ports = "5432"', 'remote_ip_prefix = "10.0.0.0/8"'] }),
      'egress',
    );
  });

  test('a deny rule, a remote group, an unknown value anywhere in the groups', async () => {
    const form = FORMS['Huawei shared'];
    const deny = ['direction = "ingress"', 'action = "deny"', 'protocol = "tcp"', 'ports = "22"', 'remote_ip_prefix = "1.2.3.4/32"'];
    await silent(module(form, { moreRules: [deny] }), 'deny');
    await silent(module(form, { moreRules: [['direction = "ingress"', 'remote_group_id = "sg-2"']] }), 'remote group');
    await silent(
      module(form, { ruleLines: [...RESTRICTING.slice(0, -1), 'remote_ip_prefix = var.office'], extra: 'variable "office" {}\n' }),
      'unknown CIDR',
    );
    await silent(
      module(form, {
        moreRules: [['direction = "ingress"', 'protocol = "tcp"', 'ports = var.ports', 'remote_ip_prefix = "10.1.0.0/16"']],
        extra: 'variable "ports" {}\n',
      }),
      'unknown ports',
    );
  });

  test('groups not all known: from a variable, a group outside the module, a rule naming an unknown group, none attached', async () => {
    const form = FORMS['Huawei shared'];
    const base = module(form);
    await silent(
      base.replace('security_group_ids = [huaweicloud_networking_secgroup.sg.id]', 'security_group_ids = var.sgs') + 'variable "sgs" {}\n',
      'variable',
    );
    await silent(
      base.replace(
        'security_group_ids = [huaweicloud_networking_secgroup.sg.id]',
        'security_group_ids = [huaweicloud_networking_secgroup.sg.id, "sg-other"]',
      ),
      'an id from elsewhere',
    );
    await silent(
      base +
        'resource "huaweicloud_networking_secgroup_rule" "x" {\n  security_group_id = var.sg\n  direction = "ingress"\n}\nvariable "sg" {}\n',
      'a rule of an unknown group',
    );
    await silent(base.replace('security_group_ids = [huaweicloud_networking_secgroup.sg.id]', ''), 'the default group');
  });

  test('transfer off or unknown, HTTP, dedicated with IP backends on or unknown, an IP backend, an unknown white list', async () => {
    await silent(module(FORMS['Huawei shared'], { on: '' }), 'shared TCP left off');
    await silent(module(FORMS['Huawei shared'], { on: 'transparent_client_ip_enable = var.on', extra: 'variable "on" {}\n' }), 'unknown');
    await silent(module(FORMS['Huawei dedicated'], { protocol: 'HTTP' }), 'HTTP: the groups apply');
    await silent(module(FORMS['Huawei dedicated'], { lbBody: 'cross_vpc_backend = true' }), 'IP backends on: the groups apply');
    await silent(module(FORMS['Huawei dedicated'], { lbBody: 'cross_vpc_backend = var.x' }) + 'variable "x" {}\n', 'IP backends unknown');
    await silent(module(FORMS['Huawei dedicated']).replace('  subnet_id = "s"\n', ''), 'an IP backend');
    await silent(
      module(FORMS['Huawei dedicated'], { listenerLines: 'ip_group = var.g\n  access_policy = var.p' }) +
        'variable "g" {}\nvariable "p" {}\n',
      'white list unknown',
    );
    await silent(
      module(FORMS['Huawei shared'], { extra: 'resource "huaweicloud_lb_whitelist" "w" {\n  listener_id = var.l\n}\nvariable "l" {}\n' }),
      'a whitelist of an unknown listener',
    );
  });

  test('a white list switched off does not count', async () => {
    const form = FORMS['Huawei shared'];
    const off = form.whiteList.resources.replace('whitelist = ', 'enable_whitelist = false\n  whitelist = ');
    assert.equal(ofRule(await analyze({ 'main.tf': module(form, { extra: off }) }), RULE).length, 1);
    const otc = FORMS['OTC dedicated'];
    const disabled = module(otc, {
      listenerLines: otc.whiteList.listenerLines.replace('enable = true', 'enable = false'),
      extra: otc.whiteList.resources,
    });
    assert.equal(ofRule(await analyze({ 'main.tf': disabled }), RULE).length, 1);
  });
});
