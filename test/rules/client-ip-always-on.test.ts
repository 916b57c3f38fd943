import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze, applyFixToModule, findingKeys, keysWithout, ofRule, textAt } from '../helpers';
import { applyK8sFix, CCE, FAMILIES, k8sFindings, service } from '../kubernetes/util';
import { DEDICATED_LB, fixAndReanalyse, json, jsonFindings, nameOf, SHARED_LB } from '../elbjson/util';
import { terraformListener, variable } from './fixtures';

const RULE = 'client-ip-always-on';

/** A listener "web" of a load balancer declared in the module; `value` is the client IP argument's expression (undefined: not written). */
const listenerOf = (lbType: string, listenerType: string, protocol: string, value?: string) =>
  terraformListener({ lbType, lb: [['name', '"lb"']], listenerType, name: 'web', protocol, clientIp: value });

/** A listener whose load balancer is not in the module. */
const standalone = (listenerType: string, protocol: string, value: string) =>
  terraformListener({ listenerType, name: 'web', protocol, clientIp: value });

const huaweiDedicated = (value: string, protocol = 'TCP') =>
  listenerOf('huaweicloud_elb_loadbalancer', 'huaweicloud_elb_listener', protocol, value);

/** The dedicated Huawei listener `count` times, on for the first instance only. */
const countedBy = (count: string) =>
  huaweiDedicated('count.index == 0 ? "true" : "false"').replace('  protocol  ', `  count                        = ${count}\n  protocol  `);

/** The dedicated Huawei listener with `value`, and the other files of the module. */
const dedicatedWith = (value: string, files: Record<string, string> = {}) => ({ 'main.tf': huaweiDedicated(value), ...files });

/** [load balancer type, listener type, false in the listener's own type] of the shared load balancers of all three providers. */
const SHARED: [string, string, string][] = [
  ['huaweicloud_lb_loadbalancer', 'huaweicloud_lb_listener', '"false"'],
  ['opentelekomcloud_lb_loadbalancer_v2', 'opentelekomcloud_lb_listener_v2', 'false'],
  ['flexibleengine_lb_loadbalancer_v2', 'flexibleengine_lb_listener_v2', 'false'],
];

describe(`${RULE}: fires`, () => {
  test('once per block for count / for_each instances whose value is known, naming the instances', async () => {
    const counted = countedBy('3');
    const [finding, ...rest] = ofRule(await analyze({ 'main.tf': counted }), RULE);
    assert.equal(rest.length, 0, 'instances [1] and [2] give one finding');
    assert.match(finding.message, /huaweicloud_elb_listener\.web\[1\]/);
    assert.match(finding.message, /huaweicloud_elb_listener\.web\[2\]/);
    assert.doesNotMatch(finding.message, /web\[0\]/);
    const each = huaweiDedicated('each.value').replace(
      '  protocol  ',
      '  for_each                     = toset(["false", "true"])\n  protocol  ',
    );
    const eachFindings = ofRule(await analyze({ 'main.tf': each }), RULE);
    assert.equal(eachFindings.length, 1);
    assert.match(eachFindings[0].message, /web\["false"\]/);
    const lookedUp = dedicatedWith('lookup(var.m, "t", "false")', { 'variables.tf': variable('m', 'default = {}') });
    assert.equal(ofRule(await analyze(lookedUp), RULE).length, 1);
  });

  test('on "false" on a dedicated Huawei listener: range, message, severity, related load balancer', async () => {
    const text = huaweiDedicated('"false"');
    const findings = ofRule(await analyze({ 'main.tf': text }), RULE);
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(textAt(text, finding), 'transparent_client_ip_enable = "false"');
    assert.equal(finding.severity, 'error');
    assert.match(finding.message, /`huaweicloud_elb_listener\.web` \(TCP\)/);
    assert.match(finding.message, /^Client IP transfer cannot be turned off on a dedicated load balancer\./);
    assert.equal(finding.docsUrl.endsWith(`${RULE}.md`), true);
    assert.equal(finding.related.length, 1);
    assert.equal(finding.related[0].message, 'dedicated load balancer of this listener');
    assert.equal(textAt(text, { ...finding, range: finding.related[0].range }), '"huaweicloud_elb_loadbalancer" "lb"');
  });

  test('on every protocol of a dedicated Huawei listener, also when false is written as a bool', async () => {
    for (const protocol of ['TCP', 'UDP', 'HTTP', 'HTTPS', 'TLS', 'QUIC']) {
      for (const value of ['"false"', 'false']) {
        const text = huaweiDedicated(value, protocol);
        const findings = ofRule(await analyze({ 'main.tf': text }), RULE);
        assert.equal(findings.length, 1, `${protocol} ${value}`);
        assert.equal(textAt(text, findings[0]), `transparent_client_ip_enable = ${value}`);
      }
    }
  });

  test('on a dedicated Huawei listener whose load balancer is not in the module (the listener type decides)', async () => {
    const findings = ofRule(await analyze({ 'main.tf': standalone('huaweicloud_elb_listener', 'UDP', '"false"') }), RULE);
    assert.equal(findings.length, 1);
    assert.deepEqual(findings[0].related, [], 'no load balancer to point at');
  });

  test('on HTTP and TERMINATED_HTTPS listeners of shared load balancers, all three providers', async () => {
    for (const [lbType, listenerType, off] of SHARED) {
      for (const protocol of ['HTTP', 'TERMINATED_HTTPS']) {
        const text = listenerOf(lbType, listenerType, protocol, off);
        const findings = ofRule(await analyze({ 'main.tf': text }), RULE);
        assert.equal(findings.length, 1, `${listenerType} ${protocol}`);
        assert.equal(textAt(text, findings[0]), `transparent_client_ip_enable = ${off}`);
        assert.match(findings[0].message, new RegExp(`^Client IP transfer cannot be turned off on ${protocol} listeners\\.`));
        assert.match(findings[0].message, new RegExp(`\`${listenerType}\\.web\``));
        assert.equal(findings[0].related[0]?.message, 'shared load balancer of this listener');
      }
    }
  });

  test('on an HTTP listener whose load balancer kind is unknown: HTTP is always on on both kinds', async () => {
    const [finding] = ofRule(await analyze({ 'main.tf': standalone('opentelekomcloud_lb_listener_v2', 'HTTP', 'false') }), RULE);
    assert.ok(finding);
    assert.match(finding.message, /^Client IP transfer cannot be turned off on HTTP listeners\./);
  });

  test('on an OTC v2 listener attached to a v3 (dedicated) load balancer, even for TCP', async () => {
    const text = listenerOf('opentelekomcloud_lb_loadbalancer_v3', 'opentelekomcloud_lb_listener_v2', 'TCP', 'false');
    const [finding] = ofRule(await analyze({ 'main.tf': text }), RULE);
    assert.ok(finding);
    assert.match(finding.message, /dedicated/);
    assert.equal(finding.related[0]?.message, 'dedicated load balancer of this listener');
  });

  test('on a Flexible Engine v2 listener attached to a v3 (dedicated) load balancer', async () => {
    const text = listenerOf('flexibleengine_lb_loadbalancer_v3', 'flexibleengine_lb_listener_v2', 'UDP', 'false');
    assert.equal(ofRule(await analyze({ 'main.tf': text }), RULE).length, 1);
  });

  test('with a lower-case protocol', async () => {
    const text = listenerOf('huaweicloud_lb_loadbalancer', 'huaweicloud_lb_listener', 'http', '"false"');
    assert.equal(ofRule(await analyze({ 'main.tf': text }), RULE).length, 1);
  });
});

describe(`${RULE}: values from variables, tfvars, locals and functions`, () => {
  const transfer = (...lines: string[]) => ({ 'variables.tf': variable('transfer', ...lines) });
  const firing: [string, Record<string, string>][] = [
    ['a var default', dedicatedWith('var.transfer', transfer('default = "false"'))],
    ['a bool var default', dedicatedWith('var.transfer', transfer('type    = bool', 'default = false'))],
    ['terraform.tfvars', dedicatedWith('var.transfer', { ...transfer(), 'terraform.tfvars': 'transfer = "false"\n' })],
    [
      'terraform.tfvars over the default',
      dedicatedWith('var.transfer', { ...transfer('default = "true"'), 'terraform.tfvars': 'transfer = "false"\n' }),
    ],
    ['terraform.tfvars.json', dedicatedWith('var.transfer', { ...transfer(), 'terraform.tfvars.json': '{ "transfer": "false" }\n' })],
    ['*.auto.tfvars', dedicatedWith('var.transfer', { ...transfer(), 'prod.auto.tfvars': 'transfer = false\n' })],
    [
      '*.auto.tfvars over terraform.tfvars, the last by name winning',
      dedicatedWith('var.transfer', {
        ...transfer(),
        'terraform.tfvars': 'transfer = "true"\n',
        'a.auto.tfvars': 'transfer = "true"\n',
        'b.auto.tfvars': 'transfer = "false"\n',
      }),
    ],
    ['*.auto.tfvars.json', dedicatedWith('var.transfer', { ...transfer(), 'x.auto.tfvars.json': '{"transfer": false}' })],
    ['a local', { 'main.tf': huaweiDedicated('local.transfer') + '\nlocals {\n  transfer = "false"\n}\n' }],
    [
      'a local through a variable and lower()',
      {
        'main.tf':
          huaweiDedicated('local.transfer') + '\nlocals {\n  transfer = lower(var.mode)\n}\n\n' + variable('mode', 'default = "FALSE"'),
      },
    ],
    ['a conditional', dedicatedWith('var.strict ? "true" : "false"', { 'variables.tf': variable('strict', 'default = false') })],
    [
      'a conditional on a comparison',
      dedicatedWith('var.env == "prod" ? "false" : "true"', { 'variables.tf': variable('env', 'default = "prod"') }),
    ],
    ['tobool()', dedicatedWith('tobool("false")')],
    ['tostring(tobool(var))', dedicatedWith('tostring(tobool(var.t))', { 'variables.tf': variable('t', 'default = "false"') })],
    ['a negation', dedicatedWith('!var.on', { 'variables.tf': variable('on', 'default = true') })],
    ['a string template', dedicatedWith('"${var.t}"', { 'variables.tf': variable('t', 'default = false') })],
  ];
  for (const [how, files] of firing) {
    test(`fires through ${how}`, async () => {
      assert.equal(ofRule(await analyze(files), RULE).length, 1);
    });
  }

  test('tfvars that set it to true win over a false default', async () => {
    const files = dedicatedWith('var.transfer', { ...transfer('default = "false"'), 'z.auto.tfvars.json': '{"transfer": "true"}' });
    assert.equal(ofRule(await analyze(files), RULE).length, 0);
  });
});

describe(`${RULE}: does not fire`, () => {
  const unknown: [string, Record<string, string>][] = [
    ['a variable without default or value', dedicatedWith('var.transfer', { 'variables.tf': variable('transfer') })],
    [
      'an undeclared variable (tfvars alone do not declare it)',
      dedicatedWith('var.transfer', { 'terraform.tfvars': 'transfer = "false"\n' }),
    ],
    ['a data source attribute', dedicatedWith('data.huaweicloud_elb_flavors.f.flavors[0].id')],
    ['a computed attribute of another resource', dedicatedWith('huaweicloud_elb_loadbalancer.lb.ipv4_port_id')],
    ['a module output', dedicatedWith('module.settings.transfer')],
    ['a function we do not evaluate', dedicatedWith('jsondecode(var.cfg).transfer', { 'variables.tf': variable('cfg', 'default = "{}"') })],
    ['lookup() of a map without a value', dedicatedWith('lookup(var.m, "t", "false")', { 'variables.tf': variable('m') })],
    ['a conditional on an unknown', dedicatedWith('var.x ? "true" : "false"', { 'variables.tf': variable('x') })],
    ['count.index', { 'main.tf': countedBy('var.n'), 'variables.tf': variable('n') }],
    [
      'each.value',
      {
        'main.tf': huaweiDedicated('each.value').replace('  protocol  ', '  for_each                     = var.flags\n  protocol  '),
        'variables.tf': variable('flags'),
      },
    ],
    ['a self-referencing local', { 'main.tf': huaweiDedicated('local.a') + '\nlocals {\n  a = local.a\n}\n' }],
    ['null (unset: the default applies)', dedicatedWith('null')],
    ['a value that is not a boolean', dedicatedWith('"no"')],
  ];
  for (const [how, files] of unknown) {
    test(`for ${how}`, async () => {
      assert.equal(ofRule(await analyze(files), RULE).length, 0);
    });
  }

  test('when it is true (string or bool) or not written', async () => {
    for (const value of ['"true"', 'true', 'tobool("true")'])
      assert.equal(ofRule(await analyze({ 'main.tf': huaweiDedicated(value) }), RULE).length, 0, value);
    const absent = huaweiDedicated('"false"').replace('  transparent_client_ip_enable = "false"\n', '');
    assert.equal(ofRule(await analyze({ 'main.tf': absent }), RULE).length, 0);
  });

  test('on shared TCP/UDP listeners of all three providers, where off is allowed', async () => {
    for (const [lbType, listenerType, off] of SHARED) {
      for (const protocol of ['TCP', 'UDP']) {
        const findings = await analyze({ 'main.tf': listenerOf(lbType, listenerType, protocol, off) });
        assert.equal(ofRule(findings, RULE).length, 0, `${listenerType} ${protocol}`);
      }
    }
    // Shared kind from the listener type alone (Huawei and Flexible Engine shared listener types).
    assert.equal(ofRule(await analyze({ 'main.tf': standalone('huaweicloud_lb_listener', 'TCP', '"false"') }), RULE).length, 0);
    assert.equal(ofRule(await analyze({ 'main.tf': standalone('flexibleengine_lb_listener_v2', 'UDP', 'false') }), RULE).length, 0);
  });

  test('on an OTC v2 TCP listener whose load balancer is unknown (it may be shared)', async () => {
    assert.equal(ofRule(await analyze({ 'main.tf': standalone('opentelekomcloud_lb_listener_v2', 'TCP', 'false') }), RULE).length, 0);
  });

  test('on a shared listener whose protocol is unknown', async () => {
    const text = listenerOf('huaweicloud_lb_loadbalancer', 'huaweicloud_lb_listener', 'TCP', '"false"').replace('"TCP"', 'var.protocol');
    assert.equal(ofRule(await analyze({ 'main.tf': text, 'variables.tf': variable('protocol') }), RULE).length, 0);
  });

  test('on OTC and Flexible Engine v3 listeners: client-ip-unsupported-argument reports those instead', async () => {
    for (const [lbType, listenerType] of [
      ['opentelekomcloud_lb_loadbalancer_v3', 'opentelekomcloud_lb_listener_v3'],
      ['flexibleengine_lb_loadbalancer_v3', 'flexibleengine_lb_listener_v3'],
    ]) {
      const findings = await analyze({ 'main.tf': listenerOf(lbType, listenerType, 'HTTP', 'false') });
      assert.deepEqual(
        findings.map((f) => f.ruleId),
        ['client-ip-unsupported-argument'],
      );
    }
  });
});

describe(`${RULE}: Terraform JSON`, () => {
  const json = (value: unknown) =>
    JSON.stringify(
      {
        resource: {
          huaweicloud_elb_loadbalancer: { lb: { name: 'lb' } },
          huaweicloud_elb_listener: {
            web: {
              loadbalancer_id: '${huaweicloud_elb_loadbalancer.lb.id}',
              protocol: 'HTTP',
              protocol_port: 80,
              transparent_client_ip_enable: value,
            },
          },
        },
      },
      null,
      2,
    );

  test('fires on the property, with a template reference to the load balancer', async () => {
    const text = json('false');
    const [finding] = ofRule(await analyze({ 'main.tf.json': text }), RULE);
    assert.ok(finding);
    assert.equal(textAt(text, finding), '"transparent_client_ip_enable": "false"');
    assert.equal(finding.related[0]?.message, 'dedicated load balancer of this listener');
  });

  test('evaluates "${var.x}" with a default declared in JSON too', async () => {
    const text = json('${var.transfer}');
    const variables = JSON.stringify({ variable: { transfer: { default: 'false' } } });
    assert.equal(ofRule(await analyze({ 'main.tf.json': text, 'variables.tf.json': variables }), RULE).length, 1);
    assert.equal(
      ofRule(await analyze({ 'main.tf.json': text, 'variables.tf.json': JSON.stringify({ variable: { transfer: {} } }) }), RULE).length,
      0,
    );
  });

  test('both fixes keep valid JSON, in the resource type, and clear the finding', async (t) => {
    const files = { 'main.tf.json': json('false') };
    const before = await analyze(files);
    const [finding] = ofRule(before, RULE);
    const [remove, setTrue] = finding.fixes;
    const removed = await applyFixToModule(t, files, remove.edits);
    assert.equal('transparent_client_ip_enable' in JSON.parse(removed.files['main.tf.json']).resource.huaweicloud_elb_listener.web, false);
    assert.deepEqual(findingKeys(removed.findings), keysWithout(before, finding));
    const flipped = await applyFixToModule(t, files, setTrue.edits);
    assert.equal(JSON.parse(flipped.files['main.tf.json']).resource.huaweicloud_elb_listener.web.transparent_client_ip_enable, 'true');
    assert.deepEqual(findingKeys(flipped.findings), keysWithout(before, finding));
  });
});

describe(`${RULE}: fixes`, () => {
  test('remove (preferred) and set "true" each clear the finding, add none, and keep terraform fmt happy', async (t) => {
    const files = { 'main.tf': huaweiDedicated('"false"') };
    const before = await analyze(files);
    const [finding] = ofRule(before, RULE);
    assert.deepEqual(
      finding.fixes.map((f) => [f.title, f.isPreferred ?? false]),
      [
        ['Remove transparent_client_ip_enable', true],
        ['Set transparent_client_ip_enable to "true"', false],
      ],
    );
    const removed = await applyFixToModule(t, files, finding.fixes[0].edits);
    // The remaining arguments realigned, as terraform fmt writes them.
    assert.equal(removed.files['main.tf'], listenerOf('huaweicloud_elb_loadbalancer', 'huaweicloud_elb_listener', 'TCP'));
    assert.deepEqual(findingKeys(removed.findings), keysWithout(before, finding));
    const flipped = await applyFixToModule(t, files, finding.fixes[1].edits);
    assert.equal(flipped.files['main.tf'], huaweiDedicated('"true"'));
    assert.deepEqual(findingKeys(flipped.findings), keysWithout(before, finding));
  });

  test('the set-true fix writes a bool for bool-typed listeners (OTC and Flexible Engine v2)', async (t) => {
    for (const listenerType of ['opentelekomcloud_lb_listener_v2', 'flexibleengine_lb_listener_v2']) {
      const files = { 'main.tf': standalone(listenerType, 'HTTP', 'false') };
      const before = await analyze(files);
      const [finding] = ofRule(before, RULE);
      assert.equal(finding.fixes[1].title, 'Set transparent_client_ip_enable to true');
      const flipped = await applyFixToModule(t, files, finding.fixes[1].edits);
      assert.equal(flipped.files['main.tf'], standalone(listenerType, 'HTTP', 'true'));
      assert.deepEqual(findingKeys(flipped.findings), keysWithout(before, finding));
    }
  });

  test('the set-true fix replaces the whole expression of a variable-driven value', async (t) => {
    const files = dedicatedWith('var.strict ? "true" : "false"', { 'variables.tf': variable('strict', 'default = false') });
    const before = await analyze(files);
    const [finding] = ofRule(before, RULE);
    const flipped = await applyFixToModule(t, files, finding.fixes[1].edits);
    assert.match(flipped.files['main.tf'], /transparent_client_ip_enable = "true"\n/);
    assert.deepEqual(findingKeys(flipped.findings), keysWithout(before, finding));
  });

  test('removing keeps terraform fmt happy next to a multi-line value and a trailing comment', async (t) => {
    const text = `resource "huaweicloud_lb_listener" "web" {
  loadbalancer_id              = var.lb_id
  protocol                     = "HTTP"
  transparent_client_ip_enable = "false" # we do not want it
  tags = {
    team = "web"
  }
}
`;
    const files = { 'main.tf': text };
    const before = await analyze(files);
    const [finding] = ofRule(before, RULE);
    const removed = await applyFixToModule(t, files, finding.fixes[0].edits);
    assert.equal(
      removed.files['main.tf'],
      `resource "huaweicloud_lb_listener" "web" {
  loadbalancer_id = var.lb_id
  protocol        = "HTTP"
  tags = {
    team = "web"
  }
}
`,
    );
    assert.deepEqual(findingKeys(removed.findings), keysWithout(before, finding));
  });
});

// ELB API JSON: request bodies, list responses and exports spread over several files of a
// folder. Every fix is applied, the folder re-analysed, and each `.json` file must still JSON.parse.

const listenerBody = (listener: Record<string, unknown>) => json({ listener });

describe('client-ip-always-on (JSON)', () => {
  const RULE = 'client-ip-always-on';

  test('fires on false for a listener of a dedicated load balancer in another file, on the key; both fixes clear it', async () => {
    const files = {
      'loadbalancer.json': json({ loadbalancer: DEDICATED_LB }),
      'listener.json': listenerBody({
        name: 'tcp',
        protocol: 'TCP',
        protocol_port: 80,
        loadbalancer_id: 'lb-ded',
        transparent_client_ip_enable: false,
      }),
    };
    const findings = ofRule((await jsonFindings(files)).findings, RULE);
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(nameOf(finding.file), 'listener.json');
    assert.equal(textAt(files['listener.json'], finding), '"transparent_client_ip_enable": false');
    assert.match(finding.message, /listener\.json: listener "tcp"/);
    assert.match(finding.message, /dedicated/);
    assert.equal(finding.severity, 'error');
    assert.equal(nameOf(finding.related[0].file), 'loadbalancer.json');
    for (const title of [/^Remove/, /to true/]) {
      const { files: fixed, findings: after } = await fixAndReanalyse(files, finding, title);
      assert.equal(ofRule(after, RULE).length, 0, fixed['listener.json']);
    }
    const { files: removed } = await fixAndReanalyse(files, finding, /^Remove/);
    assert.doesNotMatch(removed['listener.json'], /transparent_client_ip_enable/);
    const { files: setTrue } = await fixAndReanalyse(files, finding, /to true/);
    assert.match(setTrue['listener.json'], /"transparent_client_ip_enable": true/);
  });

  test('knows dedicated from l4/l7 flavors and from HTTPS/TLS/QUIC, shared from TERMINATED_HTTPS (list responses)', async () => {
    const flavored = {
      'loadbalancers.json': json({ loadbalancers: [{ id: 'lb-f', l4_flavor_id: 'f-1', l7_flavor_id: null }] }),
      'listeners.json': json({
        listeners: [{ id: 'l1', protocol: 'UDP', loadbalancers: [{ id: 'lb-f' }], transparent_client_ip_enable: false }],
      }),
    };
    assert.equal(ofRule((await jsonFindings(flavored)).findings, RULE).length, 1);
    for (const protocol of ['HTTPS', 'TLS', 'QUIC', 'TERMINATED_HTTPS', 'HTTP']) {
      const files = { 'listeners.json': json({ listeners: [{ protocol, transparent_client_ip_enable: false }] }) };
      const findings = ofRule((await jsonFindings(files)).findings, RULE);
      assert.equal(findings.length, 1, protocol);
      assert.equal(textAt(files['listeners.json'], findings[0]), '"transparent_client_ip_enable": false');
    }
  });

  test('a TERMINATED_HTTPS listener makes its load balancer shared for its TCP sibling (no finding there), and HTTPS dedicated', async () => {
    const files = {
      'listeners.json': json({
        listeners: [
          { id: 'a', protocol: 'TERMINATED_HTTPS', loadbalancers: [{ id: 'lb-x' }] },
          { id: 'b', protocol: 'TCP', loadbalancers: [{ id: 'lb-x' }], transparent_client_ip_enable: false },
          { id: 'c', protocol: 'HTTPS', loadbalancers: [{ id: 'lb-y' }] },
          { id: 'd', protocol: 'UDP', loadbalancers: [{ id: 'lb-y' }], transparent_client_ip_enable: false },
        ],
      }),
    };
    const findings = ofRule((await jsonFindings(files)).findings, RULE);
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /listeners\[3\]/);
    assert.match(findings[0].message, /dedicated/);
  });

  test('does not fire where it can be turned off, is true, null, or the load balancer kind is unknown', async () => {
    const cases: Record<string, string>[] = [
      // TCP, load balancer unknown: never guess shared or dedicated.
      { 'listener.json': listenerBody({ protocol: 'TCP', loadbalancer_id: 'elsewhere', transparent_client_ip_enable: false }) },
      // Shared TCP: false is allowed.
      {
        'lb.json': json({ loadbalancer: SHARED_LB }),
        'listener.json': listenerBody({ protocol: 'TCP', loadbalancer_id: 'lb-shr', transparent_client_ip_enable: false }),
      },
      {
        'lb.json': json({ loadbalancer: DEDICATED_LB }),
        'listener.json': listenerBody({ protocol: 'TCP', loadbalancer_id: 'lb-ded', transparent_client_ip_enable: true }),
      },
      {
        'lb.json': json({ loadbalancer: DEDICATED_LB }),
        'listener.json': listenerBody({ protocol: 'TCP', loadbalancer_id: 'lb-ded', transparent_client_ip_enable: null }),
      },
      // The load balancer exists but does not say its kind.
      {
        'lb.json': json({ loadbalancer: { id: 'lb-q', vip_address: '10.0.0.1' } }),
        'l.json': listenerBody({ protocol: 'UDP', loadbalancer_id: 'lb-q', transparent_client_ip_enable: false }),
      },
    ];
    for (const files of cases) assert.equal(ofRule((await jsonFindings(files)).findings, RULE).length, 0, JSON.stringify(files));
  });
});

// Kubernetes Services: the same meaning, the same rule, for both annotation families (CCE and
// cloud-provider-huaweicloud).

describe('client-ip-always-on on Services', () => {
  for (const [family, f] of FAMILIES) {
    test(`${family}: a dedicated class with the client-IP annotation 'false'`, async () => {
      const text = service({ annotations: [f.dedicated, `${f.ip}: 'false'   # keep it off`], spec: ['externalTrafficPolicy: Local'] });
      const findings = (await k8sFindings(text)).findings;
      assert.deepEqual(
        findings.map((x) => x.ruleId),
        ['client-ip-always-on'],
      );
      const [finding] = findings;
      assert.equal(finding.severity, 'error');
      assert.equal(textAt(text, finding), `${f.ip}: 'false'`);
      assert.match(
        finding.message,
        /^Client IP transfer cannot be turned off on a dedicated load balancer\. Listener `Service web port 80` \(TCP\) sets it to false/,
      );
      assert.equal(finding.related[0].message, 'dedicated load balancer of this listener');

      const [remove, setTrue] = finding.fixes;
      assert.equal(remove.title, `Remove ${f.ip}`);
      assert.equal(remove.isPreferred, true);
      const removed = await applyK8sFix(text, remove);
      assert.ok(!removed.text.includes(f.ip), 'the annotation and its comment are gone');
      assert.ok(!removed.text.includes('keep it off'));
      assert.match(removed.text, /annotations:\n {4}kubernetes\.io\/elb\.class: \w+\nspec:/);
      assert.deepEqual(removed.findings, []);

      assert.equal(setTrue.title, `Set ${f.ip} to "true"`);
      const set = await applyK8sFix(text, setTrue);
      assert.ok(set.text.includes(`${f.ip}: 'true'   # keep it off`), 'single quotes and the comment stay');
      assert.deepEqual(set.findings, []);
    });

    test(`${family}: an HTTP listener of a shared load balancer with 'false'`, async () => {
      const http = family === 'CCE' ? 'kubernetes.io/elb.protocol-port: "http:80"' : "kubernetes.io/elb.x-forwarded-host: 'true'";
      const text = service({ annotations: [f.shared, http, `${f.ip}: "false"`] });
      const [finding] = ofRule((await k8sFindings(text)).findings, 'client-ip-always-on');
      assert.ok(finding);
      assert.match(finding.message, /^Client IP transfer cannot be turned off on HTTP listeners\. Listener `Service web port 80` \(HTTP\)/);
    });
  }

  test('several ports with the same problem: one finding, naming the others', async () => {
    const text = service({
      annotations: [CCE.dedicated, `${CCE.ip}: 'false'`],
      ports: ['  - port: 80', '  - port: 443'],
      spec: ['externalTrafficPolicy: Local'],
    });
    const findings = ofRule((await k8sFindings(text)).findings, 'client-ip-always-on');
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /The same holds for the instance `Service web port 443`\.$/);
  });

  test('not on a shared TCP listener, nor on an unknown class', async () => {
    for (const text of [
      service({ annotations: [CCE.shared, `${CCE.ip}: 'false'`] }),
      service({ annotations: ['kubernetes.io/elb.class: unheard-of', `${CCE.ip}: 'false'`] }),
    ]) {
      assert.equal(ofRule((await k8sFindings(text)).findings, 'client-ip-always-on').length, 0);
    }
  });
});

describe('suppression comments and quick fixes in YAML', () => {
  test('# elb-lens-ignore above the annotation; the suppression fix writes a # comment with the indentation', async () => {
    const text = service({ annotations: [CCE.dedicated, `${CCE.ip}: 'false'`], spec: ['externalTrafficPolicy: Local'] });
    const { findings, service: svc } = await k8sFindings(text);
    const fix = svc.suppressionFix(findings[0]);
    assert.ok(fix);
    const after = await applyK8sFix(text, fix);
    assert.match(
      after.text,
      /\n {4}# elb-lens-ignore: client-ip-always-on -- reason\n {4}kubernetes\.io\/elb\.transparent-client-ip: 'false'/,
    );
    assert.deepEqual(after.findings, []);
  });
});
