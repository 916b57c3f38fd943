import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze, applyFixToModule, findingKeys, keysWithout, ofRule, textAt } from '../helpers';
import { fixAndReanalyse, json, jsonFindings } from '../elbjson/util';

const RULE = 'client-ip-ineffective-option';

/** Huawei dedicated listener flat switches and the header each adds. */
const HEADER_SWITCHES: [string, string][] = [
  ['forward_eip', 'X-Forwarded-ELB-IP'],
  ['forward_port', 'X-Forwarded-Port'],
  ['forward_request_port', 'X-Forwarded-For-Port'],
  ['forward_host', 'X-Forwarded-Host'],
  ['forward_elb', 'X-Forwarded-ELB-ID'],
  ['forward_proto', 'X-Forwarded-Proto'],
  ['real_ip', 'X-Real-IP'],
];

/** A Huawei dedicated listener with one extra line (`option`), in its own `=` run. */
const huawei = (protocol: string, option: string) => `resource "huaweicloud_elb_listener" "l" {
  loadbalancer_id = var.lb
  protocol        = "${protocol}"
  protocol_port   = 80

  ${option}
}
`;

/** A listener with an `insert_headers` block. */
const withInsertHeaders = (type: string, protocol: string, header: string) => `resource "${type}" "l" {
  loadbalancer_id = var.lb
  protocol        = "${protocol}"
  protocol_port   = 80

  insert_headers {
    ${header}
  }
}
`;

describe(`${RULE}: HTTP header switches`, () => {
  test('fire on each switch set to true on TCP and UDP listeners, on the switch, naming header and listener', async () => {
    for (const protocol of ['TCP', 'UDP']) {
      for (const [name, header] of HEADER_SWITCHES) {
        const text = huawei(protocol, `${name} = true`);
        const findings = ofRule(await analyze({ 'main.tf': text }), RULE);
        assert.equal(findings.length, 1, `${protocol} ${name}`);
        const [finding] = findings;
        assert.equal(finding.severity, 'warning');
        assert.equal(textAt(text, finding), `${name} = true`);
        assert.match(
          finding.message,
          new RegExp(
            `^${name} has no effect on ${protocol} listeners\\. It adds the ${header} HTTP header, and listener \`huaweicloud_elb_listener\\.l\` \\(${protocol}\\) does not speak HTTP`,
          ),
        );
        assert.match(finding.message, /TCP and UDP listeners pass the client address only through Transfer Client IP Address/);
      }
    }
  });

  test('fire on TLS and QUIC listeners, pointing to HTTP/HTTPS listeners instead', async () => {
    for (const protocol of ['TLS', 'QUIC']) {
      const [finding] = ofRule(await analyze({ 'main.tf': huawei(protocol, 'real_ip = true') }), RULE);
      assert.ok(finding, protocol);
      assert.match(finding.message, /Use an HTTP or HTTPS listener if backends need this header/);
    }
  });

  test('fire through a variable default and the string "true"', async () => {
    const files = { 'main.tf': huawei('TCP', 'forward_eip = var.eip_header'), 'v.tf': 'variable "eip_header" {\n  default = true\n}\n' };
    assert.equal(ofRule(await analyze(files), RULE).length, 1);
    assert.equal(ofRule(await analyze({ 'main.tf': huawei('UDP', 'forward_port = "true"') }), RULE).length, 1);
  });

  test('one finding per switch', async () => {
    const text = huawei('TCP', 'forward_eip = true\n  real_ip     = true\n  forward_elb = false');
    const findings = ofRule(await analyze({ 'main.tf': text }), RULE);
    assert.deepEqual(findings.map((f) => textAt(text, f)).sort(), ['forward_eip = true', 'real_ip     = true']);
  });

  test('do not fire on HTTP/HTTPS listeners, on false, null or unknown values, or with an unknown protocol', async () => {
    for (const protocol of ['HTTP', 'HTTPS'])
      assert.equal(ofRule(await analyze({ 'main.tf': huawei(protocol, 'real_ip = true') }), RULE).length, 0, protocol);
    for (const value of ['false', '"false"', 'null', 'var.unset', 'data.x.y.z', 'count.index == 0', 'can(var.unset)']) {
      const files = { 'main.tf': huawei('TCP', `real_ip = ${value}`), 'v.tf': 'variable "unset" {}\n' };
      assert.equal(ofRule(await analyze(files), RULE).length, 0, value);
    }
    const unknownProtocol = {
      'main.tf': huawei('TCP', 'real_ip = true').replace('"TCP"', 'var.protocol'),
      'v.tf': 'variable "protocol" {}\n',
    };
    assert.equal(ofRule(await analyze(unknownProtocol), RULE).length, 0);
  });

  test('do not fire when a switch is left at its default (forward_host is true by default)', async () => {
    const text = huawei('TCP', 'name = "l"');
    assert.equal(ofRule(await analyze({ 'main.tf': text }), RULE).length, 0);
  });
});

describe(`${RULE}: proxy_protocol_enable`, () => {
  test('fires on non-TLS listeners, on the argument; on HTTP it mentions X-Forwarded-For', async () => {
    for (const protocol of ['TCP', 'UDP', 'QUIC', 'HTTP', 'HTTPS']) {
      const text = huawei(protocol, 'proxy_protocol_enable = true');
      const findings = ofRule(await analyze({ 'main.tf': text }), RULE);
      assert.equal(findings.length, 1, protocol);
      assert.equal(textAt(text, findings[0]), 'proxy_protocol_enable = true');
      assert.match(
        findings[0].message,
        new RegExp(
          `Proxy Protocol only carries the client address on TLS listeners; listener \`huaweicloud_elb_listener\\.l\` \\(${protocol}\\) ignores`,
        ),
      );
      if (protocol.startsWith('HTTP')) assert.match(findings[0].message, /X-Forwarded-For/);
      else assert.doesNotMatch(findings[0].message, /X-Forwarded-For/);
    }
  });

  test('does not fire on TLS listeners, or when false or unknown', async () => {
    assert.equal(ofRule(await analyze({ 'main.tf': huawei('TLS', 'proxy_protocol_enable = true') }), RULE).length, 0);
    assert.equal(ofRule(await analyze({ 'main.tf': huawei('TCP', 'proxy_protocol_enable = false') }), RULE).length, 0);
    assert.equal(
      ofRule(await analyze({ 'main.tf': huawei('TCP', 'proxy_protocol_enable = var.p'), 'v.tf': 'variable "p" {}\n' }), RULE).length,
      0,
    );
  });
});

describe(`${RULE}: insert_headers`, () => {
  test('fires on the block of an OTC v3 TCP listener, on the block name', async () => {
    const text = withInsertHeaders('opentelekomcloud_lb_listener_v3', 'TCP', 'forwarded_host = true');
    const findings = ofRule(await analyze({ 'main.tf': text }), RULE);
    assert.equal(findings.length, 1);
    assert.equal(textAt(text, findings[0]), 'insert_headers');
    assert.match(
      findings[0].message,
      /^insert_headers has no effect on TCP listeners\. It only applies to HTTP and HTTPS listeners; listener `opentelekomcloud_lb_listener_v3\.l` \(TCP\) ignores it/,
    );
  });

  test('fires on the block of a Huawei shared UDP listener', async () => {
    const text = withInsertHeaders('huaweicloud_lb_listener', 'UDP', 'x_forwarded_host = "true"');
    assert.equal(ofRule(await analyze({ 'main.tf': text }), RULE).length, 1);
  });

  test('does not fire on HTTP, HTTPS or TERMINATED_HTTPS listeners, or with an unknown protocol', async () => {
    assert.equal(
      ofRule(await analyze({ 'main.tf': withInsertHeaders('opentelekomcloud_lb_listener_v3', 'HTTP', 'forwarded_host = true') }), RULE)
        .length,
      0,
    );
    assert.equal(
      ofRule(await analyze({ 'main.tf': withInsertHeaders('opentelekomcloud_lb_listener_v3', 'HTTPS', 'forwarded_host = true') }), RULE)
        .length,
      0,
    );
    assert.equal(
      ofRule(
        await analyze({ 'main.tf': withInsertHeaders('huaweicloud_lb_listener', 'TERMINATED_HTTPS', 'x_forwarded_host = "true"') }),
        RULE,
      ).length,
      0,
    );
    const unknown = withInsertHeaders('opentelekomcloud_lb_listener_v3', 'TCP', 'forwarded_host = true').replace('"TCP"', 'var.protocol');
    assert.equal(ofRule(await analyze({ 'main.tf': unknown, 'v.tf': 'variable "protocol" {}\n' }), RULE).length, 0);
  });
});

describe(`${RULE}: Terraform JSON`, () => {
  test('a flat switch: fires on the property, the fix removes it and keeps valid JSON', async (t) => {
    const json = JSON.stringify(
      { resource: { huaweicloud_elb_listener: { l: { protocol: 'TCP', forward_eip: true, protocol_port: 80 } } } },
      null,
      2,
    );
    const files = { 'main.tf.json': json };
    const before = await analyze(files);
    const [finding] = ofRule(before, RULE);
    assert.ok(finding);
    assert.equal(textAt(json, finding), '"forward_eip": true');
    const after = await applyFixToModule(t, files, finding.fixes[0].edits);
    assert.deepEqual(JSON.parse(after.files['main.tf.json']).resource.huaweicloud_elb_listener.l, { protocol: 'TCP', protocol_port: 80 });
    assert.deepEqual(findingKeys(after.findings), keysWithout(before, finding));
  });

  test('an insert_headers object: fires on its key, the fix removes it', async (t) => {
    const json = JSON.stringify(
      {
        resource: {
          opentelekomcloud_lb_listener_v3: { l: { protocol: 'UDP', insert_headers: { forwarded_host: true }, protocol_port: 53 } },
        },
      },
      null,
      2,
    );
    const files = { 'main.tf.json': json };
    const before = await analyze(files);
    const [finding] = ofRule(before, RULE);
    assert.ok(finding);
    assert.equal(textAt(json, finding), '"insert_headers"');
    const after = await applyFixToModule(t, files, finding.fixes[0].edits);
    assert.deepEqual(JSON.parse(after.files['main.tf.json']).resource.opentelekomcloud_lb_listener_v3.l, {
      protocol: 'UDP',
      protocol_port: 53,
    });
    assert.deepEqual(findingKeys(after.findings), keysWithout(before, finding));
  });
});

describe(`${RULE}: fixes`, () => {
  test('removing a switch (preferred) clears the finding, adds none, keeps terraform fmt happy', async (t) => {
    const files = { 'main.tf': huawei('TCP', 'real_ip = true') };
    const before = await analyze(files);
    const [finding] = ofRule(before, RULE);
    assert.deepEqual(
      finding.fixes.map((f) => [f.title, f.isPreferred]),
      [['Remove real_ip', true]],
    );
    const after = await applyFixToModule(t, files, finding.fixes[0].edits);
    assert.deepEqual(findingKeys(after.findings), keysWithout(before, finding));
  });

  test('removing the longest switch of a run realigns the others for terraform fmt', async (t) => {
    const text = `resource "huaweicloud_elb_listener" "l" {
  loadbalancer_id      = var.lb
  protocol             = "TCP"
  protocol_port        = 80
  forward_request_port = true
}
`;
    const files = { 'main.tf': text };
    const before = await analyze(files);
    const [finding] = ofRule(before, RULE);
    const after = await applyFixToModule(t, files, finding.fixes[0].edits);
    assert.equal(
      after.files['main.tf'],
      `resource "huaweicloud_elb_listener" "l" {
  loadbalancer_id = var.lb
  protocol        = "TCP"
  protocol_port   = 80
}
`,
    );
    assert.deepEqual(findingKeys(after.findings), []);
  });

  test('removing proxy_protocol_enable', async (t) => {
    const files = { 'main.tf': huawei('HTTP', 'proxy_protocol_enable = true') };
    const before = await analyze(files);
    const [finding] = ofRule(before, RULE);
    assert.equal(finding.fixes[0].title, 'Remove proxy_protocol_enable');
    const after = await applyFixToModule(t, files, finding.fixes[0].edits);
    assert.equal(after.files['main.tf'].includes('proxy_protocol_enable'), false);
    assert.deepEqual(findingKeys(after.findings), keysWithout(before, finding));
  });

  test('removing the insert_headers block', async (t) => {
    const files = { 'main.tf': withInsertHeaders('opentelekomcloud_lb_listener_v3', 'TCP', 'forwarded_host = true') };
    const before = await analyze(files);
    const [finding] = ofRule(before, RULE);
    assert.equal(finding.fixes[0].title, 'Remove insert_headers');
    const after = await applyFixToModule(t, files, finding.fixes[0].edits);
    assert.equal(after.files['main.tf'].includes('insert_headers'), false);
    assert.deepEqual(findingKeys(after.findings), keysWithout(before, finding));
  });
});

// ELB API JSON: request bodies, list responses and exports spread over several files of a
// folder. Every fix is applied, the folder re-analysed, and each `.json` file must still JSON.parse.

const listenerBody = (listener: Record<string, unknown>) => json({ listener });

describe('client-ip-ineffective-option (JSON)', () => {
  const RULE = 'client-ip-ineffective-option';

  test('fires on each header switched on in insert_headers of a TCP listener, on that key; the fix removes the key', async () => {
    const files = {
      'listener.json': listenerBody({
        protocol: 'TCP',
        insert_headers: { 'X-Forwarded-ELB-IP': true, 'X-Forwarded-Host': false, 'X-Forwarded-TLS-Protocol': true },
      }),
    };
    const findings = ofRule((await jsonFindings(files)).findings, RULE);
    assert.deepEqual(
      findings.map((f) => textAt(files['listener.json'], f)),
      ['"X-Forwarded-ELB-IP": true', '"X-Forwarded-TLS-Protocol": true'],
    );
    assert.match(findings[0].message, /does not speak HTTP/);
    const { files: fixed, findings: after } = await fixAndReanalyse(files, findings[0], /Remove/);
    assert.equal(ofRule(after, RULE).length, 1);
    assert.deepEqual((JSON.parse(fixed['listener.json']) as { listener: { insert_headers: unknown } }).listener.insert_headers, {
      'X-Forwarded-Host': false,
      'X-Forwarded-TLS-Protocol': true,
    });
  });

  test('fires on proxy_protocol_enable on a non-TLS listener; the fix removes it', async () => {
    const files = { 'listeners.json': json({ listeners: [{ protocol: 'HTTP', proxy_protocol_enable: true }] }) };
    const [finding] = ofRule((await jsonFindings(files)).findings, RULE);
    assert.equal(textAt(files['listeners.json'], finding), '"proxy_protocol_enable": true');
    const { findings: after } = await fixAndReanalyse(files, finding, /Remove/);
    assert.equal(ofRule(after, RULE).length, 0);
  });

  test('does not fire for headers that are off, headers on HTTP, proxy protocol on TLS, or an unknown protocol', async () => {
    for (const listener of [
      { protocol: 'TCP', insert_headers: { 'X-Forwarded-ELB-IP': false } },
      { protocol: 'TCP', insert_headers: null },
      { protocol: 'HTTP', insert_headers: { 'X-Forwarded-ELB-IP': true, 'X-Real-IP': true } },
      { protocol: 'TERMINATED_HTTPS', insert_headers: { 'X-Forwarded-Host': true } },
      { protocol: 'TLS', proxy_protocol_enable: true },
      { insert_headers: { 'X-Forwarded-ELB-IP': true }, proxy_protocol_enable: true, protocol_port: 80 },
    ]) {
      assert.equal(ofRule((await jsonFindings({ 'l.json': listenerBody(listener) })).findings, RULE).length, 0, JSON.stringify(listener));
    }
  });
});
