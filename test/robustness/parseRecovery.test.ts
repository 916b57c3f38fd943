import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Finding } from '../../server/src/core/types';
import { run, tempTree } from '../cli/harness';
import { memoryService, memPath } from '../helpers';

/**
 * Issue 28, item 10, end to end: a `...` placeholder in one resource of a file gives a
 * syntax-error warning where parsing failed and the real findings of the intact blocks, in
 * the CLI and in the editor (through the service the language server uses); the damaged
 * block, although it turns client IP transfer off, gives none.
 */

const TEXT = `resource "huaweicloud_elb_loadbalancer" "lb" {
  name = "lb"
}

resource "huaweicloud_elb_listener" "damaged" {
  loadbalancer_id              = huaweicloud_elb_loadbalancer.lb.id
  protocol                     = "TCP"
  ...
  transparent_client_ip_enable = false
}

resource "huaweicloud_elb_listener" "web" {
  loadbalancer_id              = huaweicloud_elb_loadbalancer.lb.id
  protocol                     = "TCP"
  protocol_port                = 80
  transparent_client_ip_enable = false
}
`;
/** 0-based line of the `...` and of the intact listener's argument. */
const PLACEHOLDER_LINE = 7;
const FINDING_LINE = 15;

function keys(findings: Finding[]): string[] {
  return findings.map((f) => `${f.ruleId}@${f.range.start.line}:${f.range.start.character}`).sort();
}

const EXPECTED = [`client-ip-always-on@${FINDING_LINE}:2`, `syntax-error@${PLACEHOLDER_LINE}:2`];

describe('a placeholder line: a syntax warning and the intact blocks still checked', () => {
  test('the language service: read from disk, opened, and edited elsewhere', async () => {
    const { service } = await memoryService({ 'main.tf': TEXT });
    const file = memPath('main.tf');
    const fromHost = service.analyzeFile(file);
    assert.deepEqual(keys(fromHost), EXPECTED);
    const syntax = fromHost.find((f) => f.ruleId === 'syntax-error')!;
    assert.equal(syntax.severity, 'warning');
    assert.match(syntax.message, /^This block has a syntax error, so ELB Lens does not check it\./);
    assert.match(syntax.message, /`resource "huaweicloud_elb_listener" "damaged"`/);
    assert.deepEqual(syntax.range.end, { line: PLACEHOLDER_LINE, character: 5 });
    assert.ok(syntax.docsUrl.endsWith('syntax-error.md'));

    service.openDocument(file, TEXT);
    assert.deepEqual(keys(service.analyzeFile(file)), EXPECTED);
    // An edit in the intact block (a space added, then removed): the same findings after each.
    const at = { line: FINDING_LINE - 1, character: 0 };
    service.updateDocument(file, [{ range: { start: at, end: at }, text: ' ' }]);
    assert.deepEqual(keys(service.analyzeFile(file)), EXPECTED);
    service.updateDocument(file, [{ range: { start: at, end: { line: at.line, character: 1 } }, text: '' }]);
    assert.deepEqual(keys(service.analyzeFile(file)), EXPECTED);
    // Removing the placeholder: the damaged listener is a listener again, with its own finding.
    const placeholder = { start: { line: PLACEHOLDER_LINE, character: 0 }, end: { line: PLACEHOLDER_LINE + 1, character: 0 } };
    service.updateDocument(file, [{ range: placeholder, text: '' }]);
    assert.deepEqual(keys(service.analyzeFile(file)), [
      `client-ip-always-on@${FINDING_LINE - 1}:2`,
      `client-ip-always-on@${PLACEHOLDER_LINE}:2`,
    ]);
  });

  test('the severity is a setting; off, the real finding stays', async () => {
    const { service } = await memoryService({ 'main.tf': TEXT });
    const findings = service.analyzeFile(memPath('main.tf'), { rules: { 'syntax-error': 'off' } });
    assert.deepEqual(keys(findings), [`client-ip-always-on@${FINDING_LINE}:2`]);
  });

  test('the CLI: both lines, exit 2 for the finding; text output names the block', async () => {
    const dir = tempTree({ 'main.tf': TEXT });
    const compact = await run(['check', '--format', 'compact', dir]);
    assert.equal(compact.code, 2, compact.stderr);
    const lines = compact.stdout.split('\n').filter((l) => l.includes('main.tf:'));
    assert.equal(lines.length, 2, compact.stdout);
    assert.match(lines[0], new RegExp(`main\\.tf:${PLACEHOLDER_LINE + 1}:3: warning \\[syntax-error\\] This block has a syntax error`));
    assert.match(lines[1], new RegExp(`main\\.tf:${FINDING_LINE + 1}:3: error \\[client-ip-always-on\\]`));
    const text = await run(['check', dir]);
    assert.match(text.stdout, /> 8 \| {3}\.\.\.\n/);
    assert.match(text.stdout, /`resource "huaweicloud_elb_listener" "damaged"` does not parse here/);
  });
});
