import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze, applyFixToModule, findingKeys, keysWithout, ofRule, textAt } from '../helpers';
import { fixAndReanalyse, json, jsonFindings, SHARED_LB } from '../elbjson/util';
import { applyK8sFix, CCE, FAMILIES, k8sFindings, service, yamlValue } from '../kubernetes/util';
import { resourceBlock, terraformChain, terraformListener, variable } from './fixtures';

const RULE = 'client-ip-shared-l4-off';

/** [listener type, shared load balancer type, `true` in the listener's own type, `false` likewise] */
const PROVIDERS: [string, string, string, string][] = [
  ['huaweicloud_lb_listener', 'huaweicloud_lb_loadbalancer', '"true"', '"false"'],
  ['opentelekomcloud_lb_listener_v2', 'opentelekomcloud_lb_loadbalancer_v2', 'true', 'false'],
  ['flexibleengine_lb_listener_v2', 'flexibleengine_lb_loadbalancer_v2', 'true', 'false'],
];

/** A shared load balancer and a listener; `clientIp` is the value of the argument, or undefined to leave it out. */
const shared = (type: string, lbType: string, protocol: string, clientIp?: string) =>
  terraformListener({ lbType, lb: [['vip_subnet_id', '"x"']], listenerType: type, protocol, clientIp });

/** `variable "transfer"`, declared without a value, or with a default. */
const declared = variable('transfer');
const transfer = (value: string) => variable('transfer', `default = ${value}`);

const huaweiShared = (clientIp?: string, protocol = 'TCP') =>
  shared('huaweicloud_lb_listener', 'huaweicloud_lb_loadbalancer', protocol, clientIp);

describe(`${RULE}: fires`, () => {
  for (const [type, lbType, , off] of PROVIDERS) {
    test(`${type}: on the block label when the argument is missing (TCP and UDP)`, async () => {
      for (const protocol of ['TCP', 'UDP']) {
        const text = shared(type, lbType, protocol);
        const findings = ofRule(await analyze({ 'main.tf': text }), RULE);
        assert.equal(findings.length, 1, protocol);
        const [finding] = findings;
        assert.equal(finding.severity, 'information');
        assert.equal(textAt(text, finding), `"${type}" "l"`);
        assert.match(
          finding.message,
          new RegExp(
            `^Backends of a shared ${protocol} listener see load balancer addresses, not clients'\\. listener \`${type}\\.l\` \\(${protocol}\\) leaves Transfer Client IP Address off \\(the default\\)`,
          ),
        );
        assert.match(finding.message, /100\.125\.0\.0\/16/);
        assert.match(finding.message, new RegExp(`${protocol} has no header that could carry the client address`));
        // Security groups no longer filter this traffic once it is on: the remedy is access control, never admitting clients.
        assert.match(finding.message, /no longer filter this listener's traffic: restrict clients with the listener’s access control/);
        assert.match(finding.message, type.startsWith('flexibleengine') ? /100\.126\.0\.0\/16/ : /^(?![\s\S]*100\.126)/);
      }
    });

    test(`${type}: on an explicit ${off}`, async () => {
      const text = shared(type, lbType, 'TCP', off);
      const [finding] = ofRule(await analyze({ 'main.tf': text }), RULE);
      assert.ok(finding);
      assert.equal(textAt(text, finding), `transparent_client_ip_enable = ${off}`);
      assert.match(finding.message, /turns Transfer Client IP Address off/);
    });
  }

  test('when the listener type alone says shared (Huawei, Flexible Engine)', async () => {
    for (const type of ['huaweicloud_lb_listener', 'flexibleengine_lb_listener_v2']) {
      const text = terraformListener({ listenerType: type, port: false });
      assert.equal(ofRule(await analyze({ 'main.tf': text }), RULE).length, 1, type);
    }
  });

  test('with a lower-case protocol', async () => {
    assert.equal(ofRule(await analyze({ 'main.tf': huaweiShared(undefined, 'udp') }), RULE).length, 1);
  });

  test('on null: the argument is unset, so the default (off) applies', async () => {
    const text = huaweiShared('null');
    const [finding] = ofRule(await analyze({ 'main.tf': text }), RULE);
    assert.ok(finding);
    assert.equal(textAt(text, finding), 'transparent_client_ip_enable = null');
    assert.match(finding.message, /\(the default\)/);
  });
});

describe(`${RULE}: values from variables, tfvars, locals and functions`, () => {
  const otc = (value: string) => shared('opentelekomcloud_lb_listener_v2', 'opentelekomcloud_lb_loadbalancer_v2', 'TCP', value);
  const cases: [string, Record<string, string>, boolean][] = [
    ['a var default false', { 'main.tf': otc('var.transfer'), 'v.tf': transfer('false') }, true],
    ['a var default true', { 'main.tf': otc('var.transfer'), 'v.tf': transfer('true') }, false],
    [
      'terraform.tfvars true over a false default',
      { 'main.tf': otc('var.transfer'), 'v.tf': transfer('false'), 'terraform.tfvars': 'transfer = true\n' },
      false,
    ],
    ['terraform.tfvars false', { 'main.tf': otc('var.transfer'), 'v.tf': declared, 'terraform.tfvars': 'transfer = false\n' }, true],
    ['terraform.tfvars.json', { 'main.tf': otc('var.transfer'), 'v.tf': declared, 'terraform.tfvars.json': '{"transfer": false}\n' }, true],
    [
      '*.auto.tfvars over terraform.tfvars',
      { 'main.tf': otc('var.transfer'), 'v.tf': declared, 'terraform.tfvars': 'transfer = true\n', 'x.auto.tfvars': 'transfer = false\n' },
      true,
    ],
    [
      '*.auto.tfvars.json over *.auto.tfvars (by name)',
      {
        'main.tf': otc('var.transfer'),
        'v.tf': declared,
        'a.auto.tfvars': 'transfer = true\n',
        'z.auto.tfvars.json': '{"transfer": false}',
      },
      true,
    ],
    ['*.auto.tfvars.json true', { 'main.tf': otc('var.transfer'), 'v.tf': declared, 'z.auto.tfvars.json': '{"transfer": true}' }, false],
    ['a local', { 'main.tf': otc('local.transfer') + '\nlocals {\n  transfer = false\n}\n' }, true],
    ['a local that is true', { 'main.tf': otc('local.transfer') + '\nlocals {\n  transfer = true\n}\n' }, false],
    ['a conditional', { 'main.tf': otc('var.env == "prod" ? true : false'), 'v.tf': variable('env', 'default = "dev"') }, true],
    [
      'a conditional that picks true',
      { 'main.tf': otc('var.env == "prod" ? true : false'), 'v.tf': variable('env', 'default = "prod"') },
      false,
    ],
    ['tobool() of a string', { 'main.tf': otc('tobool(var.transfer)'), 'v.tf': transfer('"false"') }, true],
    ['tobool() of "true"', { 'main.tf': otc('tobool("true")') }, false],
    ['the string "false" on a bool-typed argument', { 'main.tf': otc('"false"') }, true],
    [
      '&& with a false side',
      { 'main.tf': otc('var.a && var.unknown'), 'v.tf': `${variable('a', 'default = false')}\n${variable('unknown')}` },
      true,
    ],
  ];
  for (const [how, files, fires] of cases) {
    test(`${fires ? 'fires' : 'does not fire'} through ${how}`, async () => {
      assert.equal(ofRule(await analyze(files), RULE).length, fires ? 1 : 0);
    });
  }
});

describe(`${RULE}: does not fire`, () => {
  test('when it is on, in the listener type of each provider', async () => {
    for (const [type, lbType, on] of PROVIDERS) {
      assert.equal(ofRule(await analyze({ 'main.tf': shared(type, lbType, 'TCP', on) }), RULE).length, 0, type);
    }
  });

  test('on HTTP and TERMINATED_HTTPS listeners (always on)', async () => {
    for (const [type, lbType] of PROVIDERS) {
      for (const protocol of ['HTTP', 'TERMINATED_HTTPS']) {
        assert.equal(ofRule(await analyze({ 'main.tf': shared(type, lbType, protocol) }), RULE).length, 0, `${type} ${protocol}`);
      }
    }
  });

  test('on dedicated listeners: Huawei, OTC/FE v3, and an OTC v2 listener of a v3 load balancer', async () => {
    const dedicated: [string, string][] = [
      ['huaweicloud_elb_listener', 'huaweicloud_elb_loadbalancer'],
      ['opentelekomcloud_lb_listener_v3', 'opentelekomcloud_lb_loadbalancer_v3'],
      ['flexibleengine_lb_listener_v3', 'flexibleengine_lb_loadbalancer_v3'],
      ['opentelekomcloud_lb_listener_v2', 'opentelekomcloud_lb_loadbalancer_v3'],
    ];
    for (const [type, lbType] of dedicated)
      assert.equal(ofRule(await analyze({ 'main.tf': shared(type, lbType, 'TCP') }), RULE).length, 0, `${type} on ${lbType}`);
  });

  test('when the load balancer kind is unknown (OTC v2 listener, load balancer outside the module)', async () => {
    const text = terraformListener({ listenerType: 'opentelekomcloud_lb_listener_v2', lbId: 'var.lb' });
    assert.equal(ofRule(await analyze({ 'main.tf': text }), RULE).length, 0);
  });

  const unknown: [string, Record<string, string>][] = [
    ['a variable without a value', { 'main.tf': huaweiShared('var.transfer'), 'v.tf': declared }],
    ['an unresolvable reference', { 'main.tf': huaweiShared('data.terraform_remote_state.net.outputs.transfer') }],
    [
      'count.index',
      {
        'main.tf': huaweiShared('count.index == 0 ? "true" : "false"').replace(
          '  protocol  ',
          '  count                        = var.n\n  protocol  ',
        ),
        'v.tf': variable('n'),
      },
    ],
    ['a function we do not evaluate', { 'main.tf': huaweiShared('try(var.settings.transfer, "false")'), 'v.tf': variable('settings') }],
    ['an unknown protocol', { 'main.tf': huaweiShared().replace('"TCP"', 'var.protocol'), 'v.tf': variable('protocol') }],
  ];
  for (const [how, files] of unknown) {
    test(`for ${how}`, async () => {
      assert.equal(ofRule(await analyze(files), RULE).length, 0);
    });
  }
});

describe(`${RULE}: Terraform JSON`, () => {
  test('fires on the label; the fix adds a JSON bool (OTC, FE) or string (Huawei) and clears the finding', async (t) => {
    for (const [type, lbType, on] of PROVIDERS) {
      const json = JSON.stringify(
        {
          resource: {
            [lbType]: { lb: { vip_subnet_id: 'x' } },
            [type]: { l: { loadbalancer_id: `\${${lbType}.lb.id}`, protocol: 'TCP', protocol_port: 80 } },
          },
        },
        null,
        2,
      );
      const files = { 'main.tf.json': json };
      const before = await analyze(files);
      const [finding] = ofRule(before, RULE);
      assert.ok(finding, type);
      assert.equal(textAt(json, finding), '"l"');
      const after = await applyFixToModule(t, files, finding.fixes[0].edits);
      assert.equal(JSON.parse(after.files['main.tf.json']).resource[type].l.transparent_client_ip_enable, JSON.parse(on));
      assert.deepEqual(findingKeys(after.findings), keysWithout(before, finding));
    }
  });

  test('fires on an explicit false property, and follows "${var.x}"', async () => {
    const json = (value: unknown) =>
      JSON.stringify({ resource: { huaweicloud_lb_listener: { l: { protocol: 'UDP', transparent_client_ip_enable: value } } } }, null, 2);
    const text = json('false');
    const [finding] = ofRule(await analyze({ 'main.tf.json': text }), RULE);
    assert.equal(textAt(text, finding), '"transparent_client_ip_enable": "false"');
    const variables = (value: string) => JSON.stringify({ variable: { transfer: { default: value } } });
    assert.equal(ofRule(await analyze({ 'main.tf.json': json('${var.transfer}'), 'v.tf.json': variables('false') }), RULE).length, 1);
    assert.equal(ofRule(await analyze({ 'main.tf.json': json('${var.transfer}'), 'v.tf.json': variables('true') }), RULE).length, 0);
  });
});

describe(`${RULE}: fix`, () => {
  for (const [type, lbType, on] of PROVIDERS) {
    test(`${type}: adds transparent_client_ip_enable = ${on}, aligned, not preferred`, async (t) => {
      const files = { 'main.tf': shared(type, lbType, 'TCP') };
      const before = await analyze(files);
      const [finding] = ofRule(before, RULE);
      assert.equal(finding.fixes.length, 1);
      const [fix] = finding.fixes;
      assert.equal(fix.title, `Set transparent_client_ip_enable = ${on} (then restrict clients with access control, not security groups)`);
      assert.equal(fix.isPreferred, false, 'fix-all must not switch the transfer on unasked');
      const after = await applyFixToModule(t, files, fix.edits);
      assert.equal(after.files['main.tf'], shared(type, lbType, 'TCP', on));
      assert.deepEqual(findingKeys(after.findings), keysWithout(before, finding));
    });
  }

  test('replaces an explicit false (here from a variable) by true', async (t) => {
    const files = { 'main.tf': huaweiShared('var.transfer'), 'v.tf': transfer('"false"') };
    const before = await analyze(files);
    const [finding] = ofRule(before, RULE);
    const after = await applyFixToModule(t, files, finding.fixes[0].edits);
    assert.equal(after.files['main.tf'], huaweiShared('"true"'));
    assert.deepEqual(findingKeys(after.findings), keysWithout(before, finding));
  });

  test('switching it on can bring out client-ip-same-server: an intended consequence', async (t) => {
    const text = terraformChain({
      provider: 'huaweicloud',
      lbKind: 'shared',
      loadBalancer: '  vip_address = "192.168.0.100"\n',
      beforeMember: `${resourceBlock('huaweicloud_compute_instance', 'vm', [['user_data', '"curl http://192.168.0.100/"']])}\n`,
      memberAddress: 'huaweicloud_compute_instance.vm.access_ip_v4',
      member: '  subnet_id     = var.subnet\n',
    });
    const files = { 'main.tf': text };
    const before = await analyze(files);
    const [finding] = ofRule(before, RULE);
    const after = await applyFixToModule(t, files, finding.fixes[0].edits);
    assert.equal(ofRule(after.findings, RULE).length, 0);
    // Intended: with the transfer on, the server that calls its own load balancer loses its answers.
    assert.deepEqual(
      after.findings.map((f) => f.ruleId),
      ['client-ip-same-server'],
    );
  });

  test('adds the argument after a multi-line value without breaking terraform fmt', async (t) => {
    const text = `resource "huaweicloud_lb_listener" "l" {
  loadbalancer_id = var.lb_id
  protocol        = "UDP"
  tags = {
    team = "dns"
  }
}
`;
    const files = { 'main.tf': text };
    const before = await analyze(files);
    const [finding] = ofRule(before, RULE);
    const after = await applyFixToModule(t, files, finding.fixes[0].edits);
    assert.equal(after.files['main.tf'], text.replace('  }\n}', '  }\n  transparent_client_ip_enable = "true"\n}'));
    assert.deepEqual(findingKeys(after.findings), keysWithout(before, finding));
  });
});

describe(`${RULE}: the CCE fix leaves nothing behind`, () => {
  const CCE_IP = 'kubernetes.io/elb.transparent-client-ip';
  for (const [label, spec] of [
    ['externalTrafficPolicy absent', [] as string[]],
    ['externalTrafficPolicy: Cluster', ['externalTrafficPolicy: Cluster']],
  ] as const) {
    test(`${label}: one edit sets the annotation and externalTrafficPolicy: Local`, async () => {
      const text = service({ annotations: ['kubernetes.io/elb.class: union', 'kubernetes.io/elb.id: "0b5c"'], spec: [...spec] });
      const before = (await k8sFindings(text)).findings;
      const [finding] = ofRule(before, RULE);
      assert.ok(finding, JSON.stringify(before.map((f) => f.ruleId)));
      const [fix] = finding.fixes;
      assert.equal(
        fix.title,
        `Set ${CCE_IP}: "true" and externalTrafficPolicy: Local (then restrict clients with access control, not security groups)`,
      );
      const after = await applyK8sFix(text, fix);
      assert.equal(yamlValue(after.text, ['metadata', 'annotations', CCE_IP]), 'true');
      assert.equal(yamlValue(after.text, ['spec', 'externalTrafficPolicy']), 'Local');
      assert.deepEqual(
        after.findings.map((f) => f.ruleId),
        [],
        'neither client-ip-shared-l4-off nor client-ip-lost-in-cluster after the fix',
      );
    });
  }

  test('externalTrafficPolicy: Local already: the fix sets the annotation alone', async () => {
    const text = service({ annotations: ['kubernetes.io/elb.class: union'], spec: ['externalTrafficPolicy: Local'] });
    const [finding] = ofRule((await k8sFindings(text)).findings, RULE);
    assert.equal(finding.fixes[0].edits.length, 1);
    assert.doesNotMatch(finding.fixes[0].title, /externalTrafficPolicy/);
  });
});

// ELB API JSON: request bodies, list responses and exports spread over several files of a
// folder. Every fix is applied, the folder re-analysed, and each `.json` file must still JSON.parse.

const listenerBody = (listener: Record<string, unknown>) => json({ listener });

describe('client-ip-shared-l4-off (JSON)', () => {
  const RULE = 'client-ip-shared-l4-off';

  test('fires on a shared TCP listener that leaves it off, on the "listener" key; the fix adds true', async () => {
    const files = {
      'lb.json': json({ loadbalancer: SHARED_LB }),
      'listener.json': listenerBody({ protocol: 'TCP', protocol_port: 80, loadbalancer_id: 'lb-shr' }),
    };
    const [finding] = ofRule((await jsonFindings(files)).findings, RULE);
    assert.equal(finding.severity, 'information');
    assert.equal(textAt(files['listener.json'], finding), '"listener"');
    const { files: fixed, findings: after } = await fixAndReanalyse(files, finding, /transparent_client_ip_enable/);
    assert.equal(ofRule(after, RULE).length, 0);
    assert.equal((JSON.parse(fixed['listener.json']) as { listener: Record<string, unknown> }).listener.transparent_client_ip_enable, true);
  });

  test('fires on an explicit false in a list response (shared from a TERMINATED_HTTPS sibling), on the value', async () => {
    const files = {
      'listeners.json': json({
        listeners: [
          { id: 'a', protocol: 'TERMINATED_HTTPS', loadbalancers: [{ id: 'lb-x' }] },
          { id: 'b', name: 'dns', protocol: 'UDP', loadbalancers: [{ id: 'lb-x' }], transparent_client_ip_enable: false },
        ],
      }),
    };
    const [finding] = ofRule((await jsonFindings(files)).findings, RULE);
    assert.equal(textAt(files['listeners.json'], finding), '"transparent_client_ip_enable": false');
    const { findings: after } = await fixAndReanalyse(files, finding, /transparent_client_ip_enable/);
    assert.equal(ofRule(after, RULE).length, 0);
  });

  test('does not fire for an unknown load balancer kind, true, or HTTP', async () => {
    const cases: Record<string, string>[] = [
      { 'listener.json': listenerBody({ protocol: 'TCP', loadbalancer_id: 'elsewhere' }) },
      {
        'lb.json': json({ loadbalancer: SHARED_LB }),
        'listener.json': listenerBody({ protocol: 'TCP', loadbalancer_id: 'lb-shr', transparent_client_ip_enable: true }),
      },
      { 'lb.json': json({ loadbalancer: SHARED_LB }), 'listener.json': listenerBody({ protocol: 'HTTP', loadbalancer_id: 'lb-shr' }) },
    ];
    for (const files of cases) assert.equal(ofRule((await jsonFindings(files)).findings, RULE).length, 0, JSON.stringify(files));
  });
});

// Kubernetes Services: the same meaning, the same rule, for both annotation families (CCE and
// cloud-provider-huaweicloud).

describe('client-ip-shared-l4-off on Services', () => {
  for (const [family, f] of FAMILIES) {
    test(`${family}: a shared TCP/UDP Service left at the default, on the port`, async () => {
      const text = service({
        annotations: [f.shared, 'kubernetes.io/elb.id: "0b5c"'],
        ports: ['  - name: dns', '    port: 53', '    protocol: UDP'],
      });
      const findings = ofRule((await k8sFindings(text)).findings, 'client-ip-shared-l4-off');
      assert.equal(findings.length, 1);
      const [finding] = findings;
      assert.equal(finding.severity, 'information');
      assert.equal(textAt(text, finding), 'port: 53');
      assert.match(
        finding.message,
        /^Backends of a shared UDP listener see load balancer addresses, not clients'\. listener `Service web port 53` \(UDP\) leaves Transfer Client IP Address off \(the default\)/,
      );
      assert.ok(
        finding.message.includes(`Set ${f.ip}: "true" and externalTrafficPolicy: Local (pods keep the client address only with Local)`),
        finding.message,
      );
      const [fix] = finding.fixes;
      assert.equal(fix.isPreferred, false);
      const after = await applyK8sFix(text, fix);
      assert.equal(yamlValue(after.text, ['metadata', 'annotations', f.ip]), 'true');
      // The annotations around it use double quotes: so does the new one, in their indentation.
      assert.ok(after.text.includes(`    kubernetes.io/elb.id: "0b5c"\n    ${f.ip}: "true"\nspec:`), after.text);
      // One edit sets both: the annotation alone would leave client-ip-lost-in-cluster behind.
      assert.equal(yamlValue(after.text, ['spec', 'externalTrafficPolicy']), 'Local');
      assert.deepEqual(after.findings, [], 'neither shared-l4-off nor lost-in-cluster after the fix');
    });

    test(`${family}: an explicit 'false', on the annotation`, async () => {
      const text = service({ annotations: [f.shared, `${f.ip}: 'false'`], spec: ['externalTrafficPolicy: Local'] });
      const [finding] = ofRule((await k8sFindings(text)).findings, 'client-ip-shared-l4-off');
      assert.equal(textAt(text, finding), `${f.ip}: 'false'`);
      assert.match(finding.message, /turns Transfer Client IP Address off/);
      const after = await applyK8sFix(text, finding.fixes[0]);
      assert.ok(after.text.includes(`${f.ip}: 'true'`));
      assert.deepEqual(after.findings, []);
    });
  }

  test('a Service written without quotes anywhere gets single quotes (a plain true would be a boolean)', async () => {
    const text = service({ annotations: [CCE.shared], spec: ['externalTrafficPolicy: Local'] });
    const [finding] = ofRule((await k8sFindings(text)).findings, 'client-ip-shared-l4-off');
    const after = await applyK8sFix(text, finding.fixes[0]);
    assert.ok(after.text.includes(`    ${CCE.ip}: 'true'\n`), after.text);
    assert.deepEqual(after.findings, []);
  });

  test('not on a dedicated or HTTP Service, not on a Service that turns it on', async () => {
    for (const text of [
      service({ annotations: [CCE.dedicated] }),
      service({ annotations: [CCE.shared, 'kubernetes.io/elb.protocol-port: "http:80"'] }),
      service({ annotations: [CCE.shared, `${CCE.ip}: 'true'`] }),
    ]) {
      assert.equal(ofRule((await k8sFindings(text)).findings, 'client-ip-shared-l4-off').length, 0, text);
    }
  });
});
