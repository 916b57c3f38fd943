import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Finding } from '../server/src/core/types';
import type { AnalysisOptions } from '../server/src/core/options';
import { applyEdits, assertFmtAccepts, memoryService, memPath, textAt } from './helpers';

const ALWAYS_ON = 'client-ip-always-on';
const INEFFECTIVE = 'client-ip-ineffective-option';
const SHARED_L4_OFF = 'client-ip-shared-l4-off';

/**
 * A dedicated TCP listener with two findings, on two lines of one block:
 * client-ip-always-on on `transparent_client_ip_enable` and client-ip-ineffective-option on `real_ip`.
 * `above` goes on the line above the block, `header` after its `{`, `attribute` above the client IP line.
 */
const dedicated = ({
  above = '',
  header = '',
  attribute = '',
}: { above?: string; header?: string; attribute?: string } = {}) => `${above}resource "huaweicloud_elb_listener" "tcp" {${header}
  loadbalancer_id = var.lb
  protocol        = "TCP"
  protocol_port   = 80

${attribute}  transparent_client_ip_enable = "false"
  real_ip                      = true
}
`;

/** A shared TCP listener without the argument: client-ip-shared-l4-off on its label. */
const sharedTcp = (above = '', header = '') => `${above}resource "huaweicloud_lb_listener" "tcp" {${header}
  loadbalancer_id = var.lb
  protocol        = "TCP"
  protocol_port   = 22
}
`;

async function findingsOf(files: Record<string, string>, options: AnalysisOptions = {}, file = 'main.tf'): Promise<Finding[]> {
  const { service } = await memoryService(files);
  return service.analyzeModule(memPath(file), options).get(memPath(file)) ?? [];
}

const ruleIds = (findings: Finding[]) => findings.map((f) => f.ruleId).sort();

describe('inline suppressions', () => {
  test('without comments, the sample module has its findings', async () => {
    assert.deepEqual(ruleIds(await findingsOf({ 'main.tf': dedicated() })), [ALWAYS_ON, INEFFECTIVE]);
    assert.deepEqual(ruleIds(await findingsOf({ 'main.tf': sharedTcp() })), [SHARED_L4_OFF]);
  });

  test('`#` and `//` on the line above a finding suppress that rule on that line only', async () => {
    for (const marker of ['#', '//']) {
      const text = dedicated({ attribute: `  ${marker} elb-lens-ignore: ${ALWAYS_ON}\n` });
      assert.deepEqual(ruleIds(await findingsOf({ 'main.tf': text })), [INEFFECTIVE], marker);
    }
  });

  test('a comment above one attribute does not cover the next line or another rule', async () => {
    const otherRule = dedicated({ attribute: `  # elb-lens-ignore: ${INEFFECTIVE}\n` });
    assert.deepEqual(ruleIds(await findingsOf({ 'main.tf': otherRule })), [ALWAYS_ON, INEFFECTIVE]);
  });

  test('a trailing comment suppresses the finding on its own line', async () => {
    const text = dedicated().replace('"false"\n', `"false" # elb-lens-ignore: ${ALWAYS_ON} -- platform default\n`);
    assert.deepEqual(ruleIds(await findingsOf({ 'main.tf': text })), [INEFFECTIVE]);
  });

  test('several ids, spaces and a `-- reason` are understood', async () => {
    const text = dedicated({ attribute: `  # elb-lens-ignore:${ALWAYS_ON} ,  ${INEFFECTIVE}   -- kept until the migration, see OPS-12\n` });
    // The comment sits above the client IP line, so real_ip (the line after) is still reported.
    assert.deepEqual(ruleIds(await findingsOf({ 'main.tf': text })), [INEFFECTIVE]);
    const block = dedicated({ above: `# elb-lens-ignore: ${ALWAYS_ON}, ${INEFFECTIVE} -- kept until the migration\n` });
    assert.deepEqual(ruleIds(await findingsOf({ 'main.tf': block })), []);
  });

  test('on the line just above a block, or trailing its first line, it covers the whole block', async () => {
    const above = dedicated({ above: `# elb-lens-ignore: ${INEFFECTIVE}\n` });
    assert.deepEqual(ruleIds(await findingsOf({ 'main.tf': above })), [ALWAYS_ON]);
    const trailing = dedicated({ header: ` # elb-lens-ignore: ${INEFFECTIVE}, ${ALWAYS_ON}` });
    assert.deepEqual(ruleIds(await findingsOf({ 'main.tf': trailing })), []);
    // A finding on the block label itself.
    assert.deepEqual(ruleIds(await findingsOf({ 'main.tf': sharedTcp(`// elb-lens-ignore: ${SHARED_L4_OFF}\n`) })), []);
    assert.deepEqual(ruleIds(await findingsOf({ 'main.tf': sharedTcp('', ` # elb-lens-ignore: ${SHARED_L4_OFF}`) })), []);
  });

  test('a block comment form works too', async () => {
    const text = dedicated({ above: `/* elb-lens-ignore: ${ALWAYS_ON} */\n` });
    assert.deepEqual(ruleIds(await findingsOf({ 'main.tf': text })), [INEFFECTIVE]);
  });

  test('a blank line between the comment and the block breaks the link', async () => {
    const text = dedicated({ above: `# elb-lens-ignore: ${ALWAYS_ON}\n\n` });
    assert.deepEqual(ruleIds(await findingsOf({ 'main.tf': text })), [ALWAYS_ON, INEFFECTIVE]);
  });

  test('a comment above a nested block covers that block', async () => {
    const text = `resource "opentelekomcloud_lb_listener_v3" "tcp" {
  loadbalancer_id = var.lb
  protocol        = "TCP"

  # elb-lens-ignore: ${INEFFECTIVE} -- headers are prepared for the HTTP switch-over
  insert_headers {
    forwarded_host = true
  }
}
`;
    assert.deepEqual(ruleIds(await findingsOf({ 'main.tf': text })), []);
    assert.deepEqual(ruleIds(await findingsOf({ 'main.tf': text.replace(/ *# elb-lens-ignore.*\n/, '') })), [INEFFECTIVE]);
  });

  test('a directive without rule ids, or with another word, is not a suppression', async () => {
    for (const comment of [
      '# elb-lens-ignore:\n',
      '# elb-lens-ignored: client-ip-always-on\n',
      '# please elb-lens-ignore: client-ip-always-on\n',
    ]) {
      const text = dedicated({ attribute: `  ${comment}` });
      // The first is a malformed ignore comment, which ignore-comment reports (test/suppress/forms.test.ts).
      const findings = (await findingsOf({ 'main.tf': text })).filter((f) => f.ruleId !== 'ignore-comment');
      assert.deepEqual(ruleIds(findings), [ALWAYS_ON, INEFFECTIVE], comment);
    }
  });

  test('suppressions only act in their own file', async () => {
    const files = { 'a.tf': `# elb-lens-ignore-file: ${ALWAYS_ON}\n${dedicated()}`, 'b.tf': dedicated().replace('"tcp"', '"tcp2"') };
    assert.deepEqual(ruleIds(await findingsOf(files, {}, 'a.tf')), [INEFFECTIVE]);
    assert.deepEqual(ruleIds(await findingsOf(files, {}, 'b.tf')), [ALWAYS_ON, INEFFECTIVE]);
  });
});

describe('file-wide suppressions', () => {
  test('among the first comment lines, it covers every block of the file', async () => {
    const header = `# Copyright ACME\n// Web tier\n# elb-lens-ignore-file: ${ALWAYS_ON}, ${SHARED_L4_OFF} -- legacy module\n\n`;
    const text = header + dedicated() + '\n' + sharedTcp();
    assert.deepEqual(ruleIds(await findingsOf({ 'main.tf': text })), [INEFFECTIVE]);
  });

  test('after the first block it is not honoured', async () => {
    const text = `${sharedTcp()}\n# elb-lens-ignore-file: ${ALWAYS_ON}\n${dedicated()}`;
    assert.deepEqual(ruleIds(await findingsOf({ 'main.tf': text })), [ALWAYS_ON, INEFFECTIVE, SHARED_L4_OFF]);
  });
});

describe('suppression options', () => {
  const suppressed = dedicated({ attribute: `  # elb-lens-ignore: ${ALWAYS_ON} -- on purpose\n` });

  test('allowInlineIgnores: false reports the findings and flags each comment', async () => {
    const findings = await findingsOf({ 'main.tf': suppressed }, { allowInlineIgnores: false });
    assert.deepEqual(ruleIds(findings), [ALWAYS_ON, INEFFECTIVE, 'inline-ignore']);
    const flag = findings.find((f) => f.ruleId === 'inline-ignore')!;
    assert.equal(flag.severity, 'warning');
    assert.equal(textAt(suppressed, flag), `# elb-lens-ignore: ${ALWAYS_ON} -- on purpose`);
    assert.match(flag.message, /not honoured/);
    // The policy finding has a configurable severity and can be turned off.
    const off = await findingsOf({ 'main.tf': suppressed }, { allowInlineIgnores: false, rules: { 'inline-ignore': 'off' } });
    assert.deepEqual(ruleIds(off), [ALWAYS_ON, INEFFECTIVE]);
  });

  test('allowInlineIgnores: false also disables file-wide suppressions', async () => {
    const text = `# elb-lens-ignore-file: ${ALWAYS_ON}\n${dedicated()}`;
    assert.deepEqual(ruleIds(await findingsOf({ 'main.tf': text }, { allowInlineIgnores: false })), [
      ALWAYS_ON,
      INEFFECTIVE,
      'inline-ignore',
    ]);
  });

  test('reportUnusedIgnores reports a comment that suppresses nothing, as a hint with a fix that removes it', async () => {
    const text = dedicated({ above: `# elb-lens-ignore: ${SHARED_L4_OFF}\n`, attribute: `  # elb-lens-ignore: ${ALWAYS_ON}\n` });
    assert.deepEqual(ruleIds(await findingsOf({ 'main.tf': text })), [INEFFECTIVE], 'not reported by default');
    const findings = await findingsOf({ 'main.tf': text }, { reportUnusedIgnores: true });
    assert.deepEqual(ruleIds(findings), [INEFFECTIVE, 'unused-ignore']);
    const unused = findings.find((f) => f.ruleId === 'unused-ignore')!;
    assert.equal(unused.severity, 'hint');
    assert.equal(unused.unusedSuppression, true);
    assert.equal(textAt(text, unused), `# elb-lens-ignore: ${SHARED_L4_OFF}`);
    assert.match(unused.message, new RegExp(SHARED_L4_OFF));
    const fixed = applyEdits(text, unused.fixes[0].edits);
    assert.equal(fixed, dedicated({ attribute: `  # elb-lens-ignore: ${ALWAYS_ON}\n` }));
    assert.deepEqual(ruleIds(await findingsOf({ 'main.tf': fixed }, { reportUnusedIgnores: true })), [INEFFECTIVE]);
  });

  test('an unused trailing comment is removed with the space before it', async (t) => {
    const text = dedicated().replace('= true\n', `= true # elb-lens-ignore: ${ALWAYS_ON}\n`);
    const findings = await findingsOf({ 'main.tf': text }, { reportUnusedIgnores: true });
    const unused = findings.find((f) => f.ruleId === 'unused-ignore');
    assert.ok(unused);
    const fixed = applyEdits(text, unused.fixes[0].edits);
    assert.equal(fixed, dedicated());
    assertFmtAccepts(t, fixed);
  });

  test('an unused file-wide suppression is reported too; unused-ignore can be turned off', async () => {
    const text = `# elb-lens-ignore-file: ${SHARED_L4_OFF}\n${dedicated()}`;
    assert.deepEqual(ruleIds(await findingsOf({ 'main.tf': text }, { reportUnusedIgnores: true })), [
      ALWAYS_ON,
      INEFFECTIVE,
      'unused-ignore',
    ]);
    assert.deepEqual(ruleIds(await findingsOf({ 'main.tf': text }, { reportUnusedIgnores: true, rules: { 'unused-ignore': 'off' } })), [
      ALWAYS_ON,
      INEFFECTIVE,
    ]);
  });

  test('a suppression of a rule turned off in settings suppresses nothing', async () => {
    const findings = await findingsOf({ 'main.tf': suppressed }, { reportUnusedIgnores: true, rules: { [ALWAYS_ON]: 'off' } });
    assert.deepEqual(ruleIds(findings), [INEFFECTIVE, 'unused-ignore']);
  });
});

describe('the "ignore here" quick fix', () => {
  test('inserts a comment above the finding that then suppresses it, in terraform fmt style', async (t) => {
    const text = dedicated();
    const { service } = await memoryService({ 'main.tf': text });
    const finding = service.analyzeFile(memPath('main.tf')).find((f) => f.ruleId === ALWAYS_ON)!;
    const fix = service.suppressionFix(finding);
    assert.ok(fix);
    const fixed = applyEdits(text, fix.edits);
    assert.equal(fixed, dedicated({ attribute: `  # elb-lens-ignore: ${ALWAYS_ON} -- reason\n` }));
    assert.deepEqual(ruleIds(await findingsOf({ 'main.tf': fixed }, { reportUnusedIgnores: true })), [INEFFECTIVE]);
    assertFmtAccepts(t, fixed);
  });

  test('a comment put inside a run of aligned `=` signs realigns both halves, as terraform fmt does', async (t) => {
    const text = `resource "huaweicloud_lb_listener" "web" {
  loadbalancer_id              = var.lb
  protocol                     = "HTTP"
  transparent_client_ip_enable = "false"
  protocol_port                = 80
}
`;
    const { service } = await memoryService({ 'main.tf': text });
    const [finding] = service.analyzeFile(memPath('main.tf'));
    assert.equal(finding.ruleId, ALWAYS_ON);
    const fixed = applyEdits(text, service.suppressionFix(finding)!.edits);
    assert.equal(
      fixed,
      `resource "huaweicloud_lb_listener" "web" {
  loadbalancer_id = var.lb
  protocol        = "HTTP"
  # elb-lens-ignore: ${ALWAYS_ON} -- reason
  transparent_client_ip_enable = "false"
  protocol_port                = 80
}
`,
    );
    assertFmtAccepts(t, fixed);
    assert.deepEqual(await findingsOf({ 'main.tf': fixed }), []);

    // Removing the comment again (once unused) joins the two runs into one column.
    const unusedNow = fixed.replace('"false"', '"true"');
    const unused = (await findingsOf({ 'main.tf': unusedNow }, { reportUnusedIgnores: true })).find((f) => f.ruleId === 'unused-ignore');
    assert.ok(unused);
    const cleaned = applyEdits(unusedNow, unused.fixes[0].edits);
    assert.equal(cleaned, text.replace('"false"', '"true"'));
    assertFmtAccepts(t, cleaned);
  });

  test('on a block label it covers the block; CRLF files get CRLF', async () => {
    const text = sharedTcp().replaceAll('\n', '\r\n');
    const { service } = await memoryService({ 'main.tf': text });
    const [finding] = service.analyzeFile(memPath('main.tf'));
    const fixed = applyEdits(text, service.suppressionFix(finding)!.edits);
    assert.equal(fixed, `# elb-lens-ignore: ${SHARED_L4_OFF} -- reason\r\n${text}`);
    assert.deepEqual(await findingsOf({ 'main.tf': fixed }), []);
  });

  test('Terraform JSON cannot hold comments: no such fix', async () => {
    const json = JSON.stringify({ resource: { huaweicloud_lb_listener: { tcp: { protocol: 'TCP', loadbalancer_id: 'x' } } } }, null, 2);
    const { service } = await memoryService({ 'main.tf.json': json });
    const [finding] = service.analyzeFile(memPath('main.tf.json'));
    assert.equal(finding.ruleId, SHARED_L4_OFF);
    assert.equal(service.suppressionFix(finding), undefined);
  });
});
