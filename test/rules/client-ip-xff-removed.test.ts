import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { memoryService, memPath } from '../helpers';
import { fixAndReanalyse, json, jsonFindings, ofRule, SHARED_LB, DEDICATED_LB } from '../elbjson/util';

const RULE = 'client-ip-xff-removed';
const MODE = 'X-Forwarded-For-Processing-Mode';

/** One load balancer and one listener with the given insert_headers, as an ELB API JSON folder. */
function folder(lb: object, listener: Record<string, unknown>): Record<string, string> {
  return {
    'loadbalancer.elb.json': json({ loadbalancer: lb }),
    'listener.elb.json': json({ listener: { name: 'web', protocol_port: 80, loadbalancer_id: (lb as { id: string }).id, ...listener } }),
  };
}

describe(`${RULE}: fires`, () => {
  for (const [label, lb, protocol] of [
    ['dedicated HTTP', DEDICATED_LB, 'HTTP'],
    ['dedicated HTTPS', DEDICATED_LB, 'HTTPS'],
    ['dedicated QUIC', DEDICATED_LB, 'QUIC'],
    ['shared HTTP', SHARED_LB, 'HTTP'],
    ['shared TERMINATED_HTTPS', SHARED_LB, 'TERMINATED_HTTPS'],
  ] as const) {
    test(`${label}: "remove" on the key, a warning; the fix writes "append" and nothing is left`, async () => {
      const files = folder(lb, { protocol, insert_headers: { [MODE]: 'remove', 'X-Forwarded-Host': true } });
      const findings = ofRule((await jsonFindings(files)).findings, RULE);
      assert.equal(findings.length, 1);
      const [finding] = findings;
      assert.equal(finding.severity, 'warning');
      assert.match(finding.message, /^Backends of this listener get no client address: X-Forwarded-For is removed\. /);
      assert.ok(finding.message.split('. ')[0].length <= 100, 'the first sentence names the problem briefly');
      assert.match(finding.message, new RegExp(`\\(${protocol}\\) sets ${MODE} to "remove"`));
      assert.match(finding.message, /Set it to "append"/);
      const fixed = await fixAndReanalyse(files, finding, /^Set X-Forwarded-For-Processing-Mode to "append"/);
      assert.equal(JSON.parse(fixed.files['listener.elb.json']).listener.insert_headers[MODE], 'append');
      assert.deepEqual(ofRule(fixed.findings, RULE), []);
    });
  }

  test('in a list response (listeners[]), on the key of the listener that removes it', async () => {
    const files = {
      'listeners.elb.json': json({
        listeners: [
          { name: 'a', protocol: 'HTTP', insert_headers: { [MODE]: 'append' } },
          { name: 'b', protocol: 'HTTPS', insert_headers: { [MODE]: 'remove' } },
        ],
      }),
    };
    const findings = ofRule((await jsonFindings(files)).findings, RULE);
    assert.equal(findings.length, 1);
    assert.equal(
      findings[0].range.start.line,
      files['listeners.elb.json'].split('\n').findIndex((l) => l.includes('"remove"')),
    );
  });
});

describe(`${RULE}: stays silent`, () => {
  test('append, preserve, no key, an unknown or differently written value', async () => {
    for (const mode of ['append', 'preserve', 'Remove', 'REMOVE ', 1, true, null]) {
      const files = folder(DEDICATED_LB, { protocol: 'HTTP', insert_headers: { [MODE]: mode } });
      assert.deepEqual(ofRule((await jsonFindings(files)).findings, RULE), [], String(mode));
    }
    const files = folder(DEDICATED_LB, { protocol: 'HTTP', insert_headers: { 'X-Forwarded-Host': true } });
    assert.deepEqual(ofRule((await jsonFindings(files)).findings, RULE), []);
  });

  test('protocols the key does not act on, and an unknown protocol', async () => {
    for (const protocol of ['TCP', 'UDP', 'TLS', undefined]) {
      const files = folder(DEDICATED_LB, { protocol, insert_headers: { [MODE]: 'remove' } });
      assert.deepEqual(ofRule((await jsonFindings(files)).findings, RULE), [], String(protocol));
    }
  });

  test('X-Real-IP still carries the client address (or may)', async () => {
    for (const realIp of [true, 'true', 'yes']) {
      const files = folder(DEDICATED_LB, { protocol: 'HTTP', insert_headers: { [MODE]: 'remove', 'X-Real-IP': realIp } });
      assert.deepEqual(ofRule((await jsonFindings(files)).findings, RULE), [], String(realIp));
    }
    const files = folder(DEDICATED_LB, { protocol: 'HTTP', insert_headers: { [MODE]: 'remove', 'X-Real-IP': false } });
    assert.equal(ofRule((await jsonFindings(files)).findings, RULE).length, 1, 'X-Real-IP written false does not help');
  });

  test('Terraform: no provider has the key; an insert_headers block with a look-alike argument is not read as it', async () => {
    const { service } = await memoryService({
      'main.tf': `resource "opentelekomcloud_lb_listener_v3" "l" {
  protocol = "HTTP"
  insert_headers {
    forwarded_host = true
  }
}
`,
    });
    assert.deepEqual(ofRule(service.analyzeFile(memPath('main.tf')), RULE), []);
  });
});

describe(`${RULE}: hover on the mode`, () => {
  test('"preserve": a client-supplied header passes unchanged (spoofable); "remove": none at all', async () => {
    for (const [mode, expected] of [
      [
        'preserve',
        /X-Forwarded-For-Processing-Mode` is `preserve`: a client-supplied X-Forwarded-For passes unchanged, so clients can put any address there/,
      ],
      ['remove', /X-Forwarded-For-Processing-Mode` is `remove`: backends get no X-Forwarded-For at all/],
    ] as const) {
      const files = folder(DEDICATED_LB, { protocol: 'HTTP', insert_headers: { [MODE]: mode } });
      const { service } = await memoryService(files);
      const text = files['listener.elb.json'];
      // On the mode itself, inside insert_headers.
      const line = text.split('\n').findIndex((l) => l.includes(`"${mode}"`));
      const result = service.hover(memPath('listener.elb.json'), { line, character: text.split('\n')[line].indexOf(`"${mode}"`) + 1 });
      assert.match(result?.markdown ?? '', expected, mode);
      assert.equal(result?.range.start.line, line, 'the range is the key');
    }
  });
});
