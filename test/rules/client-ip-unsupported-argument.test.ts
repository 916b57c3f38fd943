import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze, applyFixToModule, findingKeys, keysWithout, ofRule, textAt } from '../helpers';
import { json, jsonFindings } from '../elbjson/util';

const RULE = 'client-ip-unsupported-argument';

const V3_LISTENERS: [string, string][] = [
  ['opentelekomcloud_lb_listener_v3', 'opentelekomcloud_lb_loadbalancer_v3'],
  ['flexibleengine_lb_listener_v3', 'flexibleengine_lb_loadbalancer_v3'],
];

const listener = (type: string, clientIpLine = '  transparent_client_ip_enable = true\n', protocol = 'TCP') => `resource "${type}" "l" {
  loadbalancer_id = var.lb
  protocol        = "${protocol}"
  protocol_port   = 80
${clientIpLine}}
`;

describe(`${RULE}: fires`, () => {
  for (const [type, lbType] of V3_LISTENERS) {
    test(`on ${type}: on the argument name, with the type and listener in the message`, async () => {
      const text = listener(type);
      const findings = ofRule(await analyze({ 'main.tf': text }), RULE);
      assert.equal(findings.length, 1);
      const [finding] = findings;
      assert.equal(textAt(text, finding), 'transparent_client_ip_enable');
      assert.equal(finding.severity, 'error');
      assert.match(finding.message, new RegExp(`^${type} has no argument transparent_client_ip_enable`));
      assert.match(finding.message, new RegExp(`listener \`${type}\\.l\` \\(TCP\\)`));
      assert.match(finding.message, /always pass the client IP on/);
    });

    test(`on ${type} attached to its load balancer, for every protocol`, async () => {
      for (const protocol of ['TCP', 'UDP', 'HTTP', 'HTTPS']) {
        const text = `resource "${lbType}" "lb" {
  name = "lb"
}

${listener(type, '  transparent_client_ip_enable = false\n', protocol).replace('var.lb', `${lbType}.lb.id`)}`;
        assert.equal(ofRule(await analyze({ 'main.tf': text }), RULE).length, 1, protocol);
      }
    });
  }

  test('whatever the value: true, false, null, unknown', async () => {
    for (const value of ['true', 'false', 'null', 'var.unset', 'count.index == 0']) {
      const files = {
        'main.tf': listener('opentelekomcloud_lb_listener_v3', `  transparent_client_ip_enable = ${value}\n`),
        'v.tf': 'variable "unset" {}\n',
      };
      assert.equal(ofRule(await analyze(files), RULE).length, 1, value);
    }
  });

  test('in Terraform JSON, on the property name', async () => {
    const json = JSON.stringify(
      { resource: { flexibleengine_lb_listener_v3: { l: { protocol: 'TCP', transparent_client_ip_enable: true } } } },
      null,
      2,
    );
    const [finding] = ofRule(await analyze({ 'main.tf.json': json }), RULE);
    assert.ok(finding);
    assert.equal(textAt(json, finding), '"transparent_client_ip_enable"');
  });
});

describe(`${RULE}: does not fire`, () => {
  test('on listener types that have the argument (shared and Huawei dedicated)', async () => {
    for (const type of [
      'opentelekomcloud_lb_listener_v2',
      'flexibleengine_lb_listener_v2',
      'huaweicloud_elb_listener',
      'huaweicloud_lb_listener',
    ]) {
      assert.equal(ofRule(await analyze({ 'main.tf': listener(type) }), RULE).length, 0, type);
    }
  });

  test('on v3 listeners without the argument', async () => {
    for (const [type] of V3_LISTENERS) assert.deepEqual(await analyze({ 'main.tf': listener(type, '') }), [], type);
  });

  test('on resources that are not listeners, or in nested blocks', async () => {
    const text = `resource "opentelekomcloud_lb_pool_v3" "p" {
  protocol                     = "TCP"
  transparent_client_ip_enable = true
}

resource "opentelekomcloud_lb_listener_v3" "l" {
  protocol = "HTTP"

  insert_headers {
    transparent_client_ip_enable = true
  }
}
`;
    assert.equal(ofRule(await analyze({ 'main.tf': text }), RULE).length, 0);
  });

  test('alongside client-ip-always-on: a false value is reported once, by this rule', async () => {
    const findings = await analyze({
      'main.tf': listener('opentelekomcloud_lb_listener_v3', '  transparent_client_ip_enable = false\n', 'HTTP'),
    });
    assert.deepEqual(
      findings.map((f) => f.ruleId),
      [RULE],
    );
  });
});

describe(`${RULE}: fix`, () => {
  for (const [type] of V3_LISTENERS) {
    test(`${type}: removing the argument clears the finding, adds none, and keeps terraform fmt happy`, async (t) => {
      const files = { 'main.tf': listener(type) };
      const before = await analyze(files);
      const [finding] = ofRule(before, RULE);
      assert.deepEqual(
        finding.fixes.map((f) => [f.title, f.isPreferred]),
        [['Remove transparent_client_ip_enable', true]],
      );
      const after = await applyFixToModule(t, files, finding.fixes[0].edits);
      assert.equal(after.files['main.tf'], listener(type, ''));
      assert.deepEqual(findingKeys(after.findings), keysWithout(before, finding));
    });
  }

  test('removing the longest name realigns the other `=` signs', async (t) => {
    const text = `resource "opentelekomcloud_lb_listener_v3" "l" {
  loadbalancer_id              = var.lb
  transparent_client_ip_enable = true
  protocol                     = "HTTP"
  protocol_port                = 80
}
`;
    const files = { 'main.tf': text };
    const before = await analyze(files);
    const [finding] = ofRule(before, RULE);
    const after = await applyFixToModule(t, files, finding.fixes[0].edits);
    assert.equal(
      after.files['main.tf'],
      `resource "opentelekomcloud_lb_listener_v3" "l" {
  loadbalancer_id = var.lb
  protocol        = "HTTP"
  protocol_port   = 80
}
`,
    );
    assert.deepEqual(findingKeys(after.findings), []);
  });

  test('in Terraform JSON the fix removes the property and keeps valid JSON', async (t) => {
    const json = JSON.stringify(
      { resource: { flexibleengine_lb_listener_v3: { l: { protocol: 'TCP', transparent_client_ip_enable: true, protocol_port: 80 } } } },
      null,
      2,
    );
    const files = { 'main.tf.json': json };
    const before = await analyze(files);
    const [finding] = ofRule(before, RULE);
    const after = await applyFixToModule(t, files, finding.fixes[0].edits);
    assert.deepEqual(JSON.parse(after.files['main.tf.json']), {
      resource: { flexibleengine_lb_listener_v3: { l: { protocol: 'TCP', protocol_port: 80 } } },
    });
    assert.deepEqual(findingKeys(after.findings), keysWithout(before, finding));
  });
});

// ELB API JSON: request bodies, list responses and exports spread over several files of a
// folder. Every fix is applied, the folder re-analysed, and each `.json` file must still JSON.parse.

const listenerBody = (listener: Record<string, unknown>) => json({ listener });

describe('client-ip-unsupported-argument (JSON)', () => {
  test('never fires: every API listener has transparent_client_ip_enable', async () => {
    const files = { 'l.json': listenerBody({ protocol: 'HTTPS', transparent_client_ip_enable: true }) };
    assert.equal(ofRule((await jsonFindings(files)).findings, 'client-ip-unsupported-argument').length, 0);
  });
});
