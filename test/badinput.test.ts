import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze, memoryService, memPath } from './helpers';

/** A small deterministic PRNG, so failures reproduce. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const HALF_TYPED_LISTENER = `resource "huaweicloud_elb_loadbalancer" "lb" {
  name = "lb"
}

resource "huaweicloud_elb_listener" "half" {
  loadbalancer_id              = huaweicloud_elb_loadbalancer.lb.id
  protocol                     = "TCP"
  transparent_client_ip_enable = "false
`;

async function analyseWithin(text: string, name = 'main.tf'): Promise<{ count: number; ms: number }> {
  const start = performance.now();
  const findings = await analyze({ [name]: text });
  return { count: findings.length, ms: performance.now() - start };
}

describe('bad input never throws and invents nothing', () => {
  const random = prng(42);
  const cases: Record<string, string> = {
    empty: '',
    whitespace: '   \n\t\n  ',
    'binary (NUL bytes)': 'resource "a" "b" {\u0000\u0001\u0002}',
    'random bytes': Array.from({ length: 4096 }, () => String.fromCharCode(Math.floor(random() * 256))).join(''),
    'deep braces': '{'.repeat(10000),
    'deep tuple': 'x = ' + '['.repeat(10000) + ']'.repeat(10000) + '\n',
    'deep parentheses': 'locals {\n  x = ' + '('.repeat(10000) + '1' + ')'.repeat(10000) + '\n}\n',
    'unterminated string': 'resource "huaweicloud_elb_listener" "x" {\n  protocol = "TCP\n',
    'unterminated block': 'resource "huaweicloud_elb_listener" "x" {\n  protocol = "TCP"\n',
    'CRLF line ends': 'resource "huaweicloud_lb_listener" "x" {\r\n  protocol = "HTTP"\r\n}\r\n',
    'byte order mark': '\ufeffresource "huaweicloud_lb_listener" "x" {\n  protocol = "HTTP"\n}\n',
    'replacement characters (decoded non-UTF-8)': 'resource "huaweicloud_elb_listener" "\ufffd\ufffd" {\n  protocol = "\ufffdTCP"\n}\n',
    '1 MB single line': 'x = "' + 'a'.repeat(1024 * 1024) + '"',
  };
  for (const [name, text] of Object.entries(cases)) {
    test(name, async () => {
      const { count, ms } = await analyseWithin(text);
      assert.equal(count, 0);
      assert.ok(ms < 30000, `took ${ms.toFixed(0)} ms`);
    });
  }

  test('a 10 MB file is skipped without a finding', async () => {
    const block = 'resource "huaweicloud_elb_listener" "l" {\n  protocol = "HTTP"\n  transparent_client_ip_enable = "false"\n}\n';
    const huge = block.repeat(Math.ceil((10 * 1024 * 1024) / block.length));
    const { count, ms } = await analyseWithin(huge);
    assert.equal(count, 0, 'files this large are not analysed');
    assert.ok(ms < 30000, `took ${ms.toFixed(0)} ms`);
  });

  test('a half-typed listener gets no finding, complete blocks still do', async () => {
    assert.equal((await analyseWithin(HALF_TYPED_LISTENER)).count, 0);
    const complete = `resource "huaweicloud_elb_listener" "done" {
  loadbalancer_id              = var.lb
  protocol                     = "HTTP"
  transparent_client_ip_enable = "false"
}

${HALF_TYPED_LISTENER}`;
    const findings = await analyze({ 'main.tf': complete });
    assert.deepEqual(
      findings.map((f) => `${f.ruleId}@${f.range.start.line}`),
      ['client-ip-always-on@3'],
    );
  });

  test('malformed .tf.json and tfvars are quiet', async () => {
    assert.equal((await analyseWithin('{"resource": {"huaweicloud_elb_listener": {"x": {"protocol": ', 'main.tf.json')).count, 0);
    assert.equal((await analyseWithin('[1, 2, 3]', 'main.tf.json')).count, 0);
    const findings = await analyze({ 'main.tf': 'variable "x" {}\n', 'terraform.tfvars': 'x = = =\n', 'a.auto.tfvars.json': '{ nope' });
    assert.equal(findings.length, 0);
  });

  test('edits that delete everything and retype keep working (incremental parse)', async () => {
    const { service } = await memoryService({});
    const file = memPath('main.tf');
    service.openDocument(file, HALF_TYPED_LISTENER);
    service.updateDocument(file, [{ range: { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } }, text: '' }]);
    assert.equal(service.analyzeFile(file).length, 0);
    service.updateDocument(file, [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: HALF_TYPED_LISTENER + '"\n}\n' },
    ]);
    assert.deepEqual(
      service.analyzeFile(file).map((f) => f.ruleId),
      ['client-ip-always-on'],
    );
  });
});
