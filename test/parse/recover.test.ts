import assert from 'node:assert/strict';
import { describe, test, type TestContext } from 'node:test';
import type { ConfigFile } from '../../server/src/parse/config';
import { MAX_SINGLE_PIECES, RECOVERY_CHUNK } from '../../server/src/parse/hcl/recover';
import { needsMissing, terraformParses } from '../helpers';
import { parseHcl, textOf } from './util';

/**
 * Issue 28, item 10: a syntax error (a `...` placeholder from a snippet) no longer turns the
 * whole file into one parse error. The error is reported where parsing failed; every
 * top-level block that parses on its own is still read; the damaged block is not guessed at.
 */

const LB = `resource "huaweicloud_elb_loadbalancer" "lb" {
  name = "lb"
}
`;
const VPC_WITH_PLACEHOLDER = `resource "huaweicloud_vpc" "vpc" {
  name = "vpc"
  ...
}
`;
const LISTENER = `resource "huaweicloud_elb_listener" "web" {
  loadbalancer_id              = huaweicloud_elb_loadbalancer.lb.id
  protocol                     = "TCP"
  transparent_client_ip_enable = false
}
`;

/** `type label.label` of each block, with `!` for one kept with its errors. */
function blockNames(file: ConfigFile): string[] {
  return file.blocks.map((b) => `${b.type} ${b.labels.join('.')}${b.hasErrors ? ' !' : ''}`);
}

/** Each sound block's text alone parses for terraform, the whole file does not (when terraform is here). */
function assertOracle(t: TestContext, text: string, file: ConfigFile): void {
  const whole = terraformParses(text);
  if (whole === undefined) return needsMissing(t, 'terraform is not installed (not on PATH): the syntax oracle cannot run');
  assert.equal(whole, false, 'terraform rejects the file');
  for (const block of file.blocks) {
    const alone = textOf(file, block.range);
    assert.equal(terraformParses(alone), !block.hasErrors, `terraform on ${block.labels.join('.')} alone:\n${alone}`);
  }
}

describe('parse recovery: what parses on its own is read, the rest is a syntax error', () => {
  test('`...` inside one resource: the error at the placeholder, the blocks before and after read', async (t) => {
    const text = `${LB}\n${VPC_WITH_PLACEHOLDER}\n${LISTENER}`;
    const file = await parseHcl(text);
    assert.deepEqual(blockNames(file), [
      'resource huaweicloud_elb_loadbalancer.lb',
      'resource huaweicloud_vpc.vpc !',
      'resource huaweicloud_elb_listener.web',
    ]);
    assert.deepEqual(
      file.syntaxErrors.map((r) => textOf(file, r)),
      ['...'],
    );
    assert.equal(file.syntaxErrors[0].start.line, 6);
    const listener = file.blocks[2];
    assert.equal(textOf(file, listener.range), LISTENER.trimEnd());
    assert.equal(textOf(file, listener.attributes.get('transparent_client_ip_enable')!.valueRange), 'false');
    assertOracle(t, text, file);
  });

  test('`...` between blocks: every block read, the error at the placeholder', async (t) => {
    const text = `${LB}\n...\n\n${LISTENER}`;
    const file = await parseHcl(text);
    assert.deepEqual(blockNames(file), ['resource huaweicloud_elb_loadbalancer.lb', 'resource huaweicloud_elb_listener.web']);
    assert.deepEqual(
      file.syntaxErrors.map((r) => textOf(file, r)),
      ['...'],
    );
    assertOracle(t, text, file);
  });

  test('a placeholder as the whole body, in a list, in a nested block: that block only is left out', async (t) => {
    const damaged = [
      'resource "huaweicloud_elb_listener" "broken" {\n  ...\n}\n',
      'resource "huaweicloud_elb_listener" "broken" {\n  protocol = "TCP"\n  ip_list = [\n    "10.0.0.1",\n    ...\n  ]\n  transparent_client_ip_enable = false\n}\n',
      'resource "huaweicloud_elb_listener" "broken" {\n  protocol = "TCP"\n  nested {\n    ...\n  }\n  transparent_client_ip_enable = false\n}\n',
    ];
    for (const broken of damaged) {
      const text = `${LB}\n${broken}\n${LISTENER}`;
      const file = await parseHcl(text);
      const names = blockNames(file);
      assert.deepEqual(
        names.filter((n) => !n.includes('broken')),
        ['resource huaweicloud_elb_loadbalancer.lb', 'resource huaweicloud_elb_listener.web'],
        broken,
      );
      // The damaged block is left out or kept with its errors (nothing is reported inside it).
      assert.ok(
        names.every((n) => !n.includes('broken') || n.endsWith('!')),
        `${broken}: ${names.join(', ')}`,
      );
      assert.equal(file.syntaxErrors.length >= 1, true, broken);
      const brokenStart = text.indexOf(broken);
      const brokenLines = [
        text.slice(0, brokenStart).split('\n').length - 1,
        text.slice(0, brokenStart + broken.length).split('\n').length - 1,
      ];
      for (const range of file.syntaxErrors) assert.ok(range.start.line >= brokenLines[0] && range.start.line < brokenLines[1], broken);
      assertOracle(t, text, file);
    }
  });

  test('a column-0 line inside a heredoc of a damaged file is not taken for a block', async () => {
    const heredoc = `resource "huaweicloud_vpc" "vpc" {
  description = <<EOT
resource "huaweicloud_elb_listener" "fake" {
  transparent_client_ip_enable = false
}
EOT
  ...
}
`;
    const file = await parseHcl(`${LB}\n${heredoc}\n${LISTENER}`);
    assert.ok(!blockNames(file).some((n) => n.includes('fake')), blockNames(file).join(', '));
    assert.ok(blockNames(file).includes('resource huaweicloud_elb_listener.web'));
  });

  test('an indented line left after damage is not made a top-level item', async () => {
    // tree-sitter closes the block early at the stray brace; the indented argument after it is the damaged block's.
    const text = `resource "huaweicloud_elb_listener" "broken" {\n  nested {\n    "quoted" = 1\n  }\n  transparent_client_ip_enable = false\n}\n\n${LISTENER}`;
    const file = await parseHcl(text);
    assert.equal(file.attributes.size, 0, [...file.attributes.keys()].join(', '));
    assert.ok(blockNames(file).includes('resource huaweicloud_elb_listener.web'));
  });

  test('a long damaged file is read chunk by chunk: sound blocks read, damaged ones never, within the single-piece budget', async () => {
    const chunks = Math.ceil(MAX_SINGLE_PIECES / RECOVERY_CHUNK) + 4;
    const count = chunks * RECOVERY_CHUNK;
    const damaged = new Set(Array.from({ length: chunks }, (_, c) => c * RECOVERY_CHUNK + 10));
    const blocks = Array.from({ length: count }, (_, i) => {
      const block = LISTENER.replace('"web"', `"l${i}"`);
      return damaged.has(i) ? block.replace('  protocol ', '  ...\n  protocol ') : block;
    });
    const file = await parseHcl(`${VPC_WITH_PLACEHOLDER}\n${blocks.join('\n')}`);
    const sound = new Set(file.blocks.filter((b) => !b.hasErrors).map((b) => b.labels[1]));
    for (const d of damaged) assert.ok(!sound.has(`l${d}`), `the damaged l${d} is not read as sound`);
    // While the budget lasts, every sound block of a damaged chunk is read.
    const withinBudget = Math.floor(MAX_SINGLE_PIECES / RECOVERY_CHUNK) - 1;
    for (let i = 0; i < withinBudget * RECOVERY_CHUNK; i++) if (!damaged.has(i)) assert.ok(sound.has(`l${i}`), `l${i}`);
    assert.ok(sound.size < count - damaged.size, 'past the budget a damaged chunk is one piece: some of its blocks are left out');
    assert.ok(file.syntaxErrors.length >= withinBudget);
  });

  test('nested blocks written at column 0 are not cut apart (only top-level kinds start a piece)', async () => {
    const text = `resource "huaweicloud_elb_listener" "broken" {\n  ...\ninsert_headers {\nx_forwarded_elb_ip = "true"\n}\n}\n\n${LISTENER}`;
    const file = await parseHcl(text);
    assert.ok(!blockNames(file).some((n) => n.startsWith('insert_headers')), blockNames(file).join(', '));
    assert.ok(blockNames(file).includes('resource huaweicloud_elb_listener.web'));
  });

  test('a sound file is not touched: no syntax error, one block per block', async () => {
    const file = await parseHcl(`${LB}\n${LISTENER}`);
    assert.deepEqual(file.syntaxErrors, []);
    assert.deepEqual(blockNames(file), ['resource huaweicloud_elb_loadbalancer.lb', 'resource huaweicloud_elb_listener.web']);
  });

  test('comments of every piece are kept (an ignore comment above an intact block still counts)', async () => {
    const text = `${VPC_WITH_PLACEHOLDER}\n# elb-lens-ignore: client-ip-always-on # reason\n${LISTENER}`;
    const file = await parseHcl(text);
    assert.ok(file.comments.some((c) => c.text.startsWith('# elb-lens-ignore')));
  });
});
