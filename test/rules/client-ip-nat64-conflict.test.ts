import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze, applyFixToModule, findingKeys, keysWithout, ofRule, textAt } from '../helpers';
import { fixAndReanalyse, json, jsonFindings } from '../elbjson/util';

const RULE = 'client-ip-nat64-conflict';

/** A Huawei dedicated listener (the only type with nat64_enable); undefined leaves an argument out. */
const listener = (
  nat64: string | undefined,
  transfer: string | undefined,
  protocol = 'TCP',
) => `resource "huaweicloud_elb_loadbalancer" "lb" {
  name = "dual-stack"
}

resource "huaweicloud_elb_listener" "dual" {
  loadbalancer_id = huaweicloud_elb_loadbalancer.lb.id
  protocol        = "${protocol}"
  protocol_port   = 80
${nat64 === undefined ? '' : `  nat64_enable    = ${nat64}\n`}${transfer === undefined ? '' : `\n  transparent_client_ip_enable = ${transfer}\n`}}
`;

describe(`${RULE}: fires`, () => {
  test('when both are on: on the client IP argument, related: the NAT64 argument', async () => {
    const text = listener('"true"', '"true"');
    const findings = ofRule(await analyze({ 'main.tf': text }), RULE);
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(finding.severity, 'error');
    assert.equal(textAt(text, finding), 'transparent_client_ip_enable = "true"');
    assert.match(
      finding.message,
      /^NAT64 and client IP transfer cannot both be on\. Listener `huaweicloud_elb_listener\.dual` \(TCP\) turns on NAT64/,
    );
    assert.match(finding.message, /cannot both be on/);
    assert.deepEqual(
      finding.related.map((r) => [r.message, textAt(text, { ...finding, range: r.range })]),
      [['NAT64 is turned on here', 'nat64_enable    = "true"']],
    );
  });

  test('with bool or string values, for every protocol', async () => {
    for (const [nat64, transfer] of [
      ['"true"', '"true"'],
      ['true', 'true'],
      ['true', '"true"'],
      ['"true"', 'true'],
    ]) {
      for (const protocol of ['TCP', 'UDP', 'HTTP', 'HTTPS', 'TLS', 'QUIC']) {
        assert.equal(
          ofRule(await analyze({ 'main.tf': listener(nat64, transfer, protocol) }), RULE).length,
          1,
          `${nat64} ${transfer} ${protocol}`,
        );
      }
    }
  });

  test('through variables, tfvars, locals and tobool()', async () => {
    const cases: Record<string, string>[] = [
      {
        'main.tf': listener('var.nat64', 'var.transfer'),
        'v.tf': 'variable "nat64" {\n  default = "true"\n}\n\nvariable "transfer" {\n  default = "true"\n}\n',
      },
      { 'main.tf': listener('var.nat64', '"true"'), 'v.tf': 'variable "nat64" {}\n', 'terraform.tfvars': 'nat64 = "true"\n' },
      { 'main.tf': listener('var.nat64', '"true"'), 'v.tf': 'variable "nat64" {}\n', 'ipv6.auto.tfvars.json': '{"nat64": true}' },
      { 'main.tf': listener('local.dual_stack ? "true" : "false"', '"true"') + '\nlocals {\n  dual_stack = true\n}\n' },
      { 'main.tf': listener('tostring(tobool("true"))', '"true"') },
    ];
    for (const files of cases) assert.equal(ofRule(await analyze(files), RULE).length, 1, JSON.stringify(files));
  });

  test('without a linked load balancer (the listener type is dedicated)', async () => {
    const text = listener('"true"', '"true"').replace('huaweicloud_elb_loadbalancer.lb.id', 'var.lb_id');
    assert.equal(ofRule(await analyze({ 'main.tf': text }), RULE).length, 1);
  });
});

describe(`${RULE}: does not fire`, () => {
  test('when either is off, absent, null or unknown', async () => {
    const cases: [string | undefined, string | undefined][] = [
      ['"false"', '"true"'],
      ['false', 'true'],
      [undefined, '"true"'],
      ['null', '"true"'],
      ['"true"', undefined],
      ['"true"', 'null'],
      ['var.nat64', '"true"'],
      ['"true"', 'var.transfer'],
      ['"true"', 'data.x.y.transfer'],
      ['count.index == 0 ? "true" : "false"', '"true"'],
      ['jsondecode(var.nat64).enabled', '"true"'],
    ];
    for (const [nat64, transfer] of cases) {
      const files = { 'main.tf': listener(nat64, transfer), 'v.tf': 'variable "nat64" {}\n\nvariable "transfer" {}\n' };
      assert.equal(ofRule(await analyze(files), RULE).length, 0, `${nat64} ${transfer}`);
    }
  });

  test('when the client IP is set to false: client-ip-always-on reports that instead', async () => {
    const findings = await analyze({ 'main.tf': listener('"true"', '"false"') });
    assert.deepEqual(
      findings.map((f) => f.ruleId),
      ['client-ip-always-on'],
    );
  });
});

describe(`${RULE}: Terraform JSON`, () => {
  test('fires on the property, and the fix keeps valid JSON', async (t) => {
    const json = JSON.stringify(
      { resource: { huaweicloud_elb_listener: { d: { protocol: 'UDP', nat64_enable: 'true', transparent_client_ip_enable: 'true' } } } },
      null,
      2,
    );
    const files = { 'main.tf.json': json };
    const before = await analyze(files);
    const [finding] = ofRule(before, RULE);
    assert.ok(finding);
    assert.equal(textAt(json, finding), '"transparent_client_ip_enable": "true"');
    assert.equal(textAt(json, { ...finding, range: finding.related[0].range }), '"nat64_enable": "true"');
    const after = await applyFixToModule(t, files, finding.fixes[0].edits);
    assert.deepEqual(JSON.parse(after.files['main.tf.json']).resource.huaweicloud_elb_listener.d, {
      protocol: 'UDP',
      nat64_enable: 'true',
    });
    assert.deepEqual(findingKeys(after.findings), keysWithout(before, finding));
  });
});

describe(`${RULE}: fix`, () => {
  test('removes transparent_client_ip_enable (preferred), adds no finding, keeps terraform fmt happy', async (t) => {
    const files = { 'main.tf': listener('"true"', '"true"') };
    const before = await analyze(files);
    const [finding] = ofRule(before, RULE);
    assert.deepEqual(
      finding.fixes.map((f) => [f.title, f.isPreferred]),
      [['Remove transparent_client_ip_enable', true]],
    );
    const after = await applyFixToModule(t, files, finding.fixes[0].edits);
    // The blank line before the removed argument stays; terraform fmt accepts a trailing blank line in a block.
    assert.equal(
      after.files['main.tf'],
      listener('"true"', undefined).replace('  nat64_enable    = "true"\n', '  nat64_enable    = "true"\n\n'),
    );
    assert.deepEqual(findingKeys(after.findings), keysWithout(before, finding));
  });

  test('removing it from the `=` run realigns the others', async (t) => {
    const text = `resource "huaweicloud_elb_listener" "dual" {
  loadbalancer_id              = var.lb_id
  protocol                     = "TCP"
  nat64_enable                 = true
  transparent_client_ip_enable = true
}
`;
    const files = { 'main.tf': text };
    const before = await analyze(files);
    const [finding] = ofRule(before, RULE);
    const after = await applyFixToModule(t, files, finding.fixes[0].edits);
    assert.equal(
      after.files['main.tf'],
      `resource "huaweicloud_elb_listener" "dual" {
  loadbalancer_id = var.lb_id
  protocol        = "TCP"
  nat64_enable    = true
}
`,
    );
    assert.deepEqual(findingKeys(after.findings), []);
  });
});

// ELB API JSON: request bodies, list responses and exports spread over several files of a
// folder. Every fix is applied, the folder re-analysed, and each `.json` file must still JSON.parse.

const listenerBody = (listener: Record<string, unknown>) => json({ listener });

describe('client-ip-nat64-conflict (JSON)', () => {
  const RULE = 'client-ip-nat64-conflict';

  test('fires when nat64_enable and transparent_client_ip_enable are both true; removing the latter clears it', async () => {
    const files = { 'listener.json': listenerBody({ protocol: 'TCP', nat64_enable: true, transparent_client_ip_enable: true }) };
    const [finding] = ofRule((await jsonFindings(files)).findings, RULE);
    assert.equal(textAt(files['listener.json'], finding), '"transparent_client_ip_enable": true');
    assert.match(finding.related[0].message, /NAT64/);
    const { files: fixed, findings: after } = await fixAndReanalyse(files, finding, /Remove/);
    assert.equal(ofRule(after, RULE).length, 0);
    assert.match(fixed['listener.json'], /"nat64_enable": true/);
  });

  test('does not fire when either is off', async () => {
    for (const listener of [
      { protocol: 'TCP', nat64_enable: false, transparent_client_ip_enable: true },
      { protocol: 'TCP', nat64_enable: true, transparent_client_ip_enable: false },
      { protocol: 'TCP', nat64_enable: true },
    ]) {
      assert.equal(ofRule((await jsonFindings({ 'l.json': listenerBody(listener) })).findings, RULE).length, 0);
    }
  });
});
