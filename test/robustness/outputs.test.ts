/* eslint-disable no-control-regex -- hostile names hold control characters on purpose */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { codeSpan, markdownText } from '../../server/src/core/escape';
import { workflowCommand } from '../../server/src/action/workflow';
import { findingsSummary } from '../../server/src/action/summary';
import { CLI_JS, run, tempTree } from '../cli/harness';
import { memoryService, memPath, needsMissing } from '../helpers';
import { HOSTILE, LISTENER } from './hostileFixtures';

/**
 * Issue 28, item 3: what the CLI writes cannot be forged by the names in the files it
 * reads, and writing it never replaces what the output path is.
 */

/** The same name written as an HCL string (escapes for the control characters). */
const HOSTILE_HCL = HOSTILE.replace(/\\/g, '\\\\')
  .replace(/"/g, '\\"')
  .replace(/\n/g, '\\n')
  .replace(/[\u0000-\u001f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

function hostileTree(): string {
  return tempTree({ 'main.tf': LISTENER(HOSTILE_HCL) });
}

/** No escape or bell character, and no line that is a forged finding or workflow command. */
function assertNoForgery(output: string, format: string): void {
  assert.doesNotMatch(output, /[\u0000-\u0008\u000b-\u001f\u007f]/, `${format}: a control character passed through`);
  for (const line of output.split('\n')) {
    assert.doesNotMatch(line, /^::/, `${format}: a workflow command line: ${line}`);
    assert.doesNotMatch(line, /^README\.md:1:1/, `${format}: a forged finding line: ${line}`);
  }
}

describe('hostile names in every output format', () => {
  test('text and compact: one finding is one line (compact) and nothing is forged', async () => {
    const dir = hostileTree();
    for (const format of ['text', 'compact']) {
      const result = await run(['check', '--format', format, dir]);
      assert.equal(result.code, 2, result.stderr);
      assertNoForgery(result.stdout, format);
      assert.match(result.stdout, /\\u001b\[2J/, `${format}: the escape is shown, not sent`);
    }
    const compact = await run(['check', '--format', 'compact', dir]);
    const json = await run(['check', '--format', 'json', dir]);
    const count = (JSON.parse(json.stdout) as { diagnostics: unknown[] }).diagnostics.length;
    assert.equal(compact.stdout.trimEnd().split('\n').length, count);
  });

  test('json, SARIF and codequality hold the name as it is (JSON escapes it); JUnit and Checkstyle are well-formed XML text', async () => {
    const dir = hostileTree();
    for (const format of ['json', 'sarif', 'codequality']) {
      const result = await run(['check', '--format', format, dir]);
      assertNoForgery(result.stdout, format);
      assert.ok(JSON.stringify(JSON.parse(result.stdout)).includes('![img]'), `${format}: the name is kept`);
    }
    // XML may hold line breaks in text; what it must not hold is a character XML forbids, or markup.
    for (const format of ['junit', 'checkstyle']) {
      const result = await run(['check', '--format', format, dir]);
      assert.doesNotMatch(result.stdout, /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/, format);
      assert.doesNotMatch(result.stdout, /<svg onload/, format);
    }
  });

  test('graph: the Markdown keeps one Mermaid fence; Mermaid, DOT and SVG carry no raw line break, backtick or markup from the name', async () => {
    const dir = hostileTree();
    const markdown = (await run(['graph', '--format', 'markdown', dir])).stdout;
    assertNoForgery(markdown, 'markdown');
    assert.deepEqual(
      markdown.split('\n').filter((l) => l.startsWith('```')),
      ['```mermaid', '```'],
    );
    const fenced = markdown.slice(markdown.indexOf('```mermaid') + 10, markdown.lastIndexOf('```'));
    assert.ok(!fenced.includes('`'), 'no backtick inside the fence (Mermaid reads none as Markdown, and none closes it)');
    for (const format of ['mermaid', 'dot', 'svg']) {
      const output = (await run(['graph', '--format', format, dir])).stdout;
      // SVG is XML, whose text may hold line breaks (tooltips have several lines).
      if (format === 'svg') assert.doesNotMatch(output, /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/, format);
      else assertNoForgery(output, format);
      // DOT's quoted strings are text (its HTML labels would be <…>, not "…").
      if (format !== 'dot') assert.ok(!output.includes('<svg onload'), `${format}: markup from the name`);
      if (format !== 'svg') assert.ok(!output.split('\n').some((l) => l.startsWith('```')), `${format}: a fence line from the name`);
    }
  });

  test('hover: a name with backticks stays inside its code span', async () => {
    const text = LISTENER('web').replace('"lb" {', '"a`b``c" {');
    const { service } = await memoryService({ 'main.tf': text });
    const hover = service.hover(memPath('main.tf'), { line: 6, character: 45 });
    assert.ok(hover, 'a hover on the load balancer');
    assert.ok(hover.markdown.includes(codeSpan('huaweicloud_elb_loadbalancer.a`b``c')), hover.markdown);
    assert.equal(codeSpan('a`b``c'), '```a`b``c```');
    assert.equal(codeSpan('`x'), '`` `x ``');
  });

  test('job summary and annotations: names cannot add links, images, mentions, rows or commands', () => {
    const summary = findingsSummary(
      [
        {
          file: 'main.tf',
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
          severity: 'error',
          ruleId: 'r',
          message: HOSTILE,
        },
      ],
      2,
      undefined,
    );
    assertNoForgery(summary, 'summary');
    assert.ok(!summary.includes('![img]('), 'an image');
    assert.ok(!/@admin/.test(summary), 'a mention');
    assert.ok(summary.includes(markdownText(HOSTILE)));
    const command = workflowCommand('error', { file: 'a,b:c', line: 1 }, HOSTILE);
    assert.equal(command.split('\n').length, 2, 'one line and its end');
    assert.ok(command.startsWith('::error file=a%2Cb%3Ac,line=1::'));
  });
});

describe('--output writes to what the path is', () => {
  test('a symbolic link stays a link and its target gets the report', async () => {
    const dir = hostileTree();
    const target = path.join(dir, 'report-target.json');
    const link = path.join(dir, 'report.json');
    fs.writeFileSync(target, 'old');
    fs.symlinkSync(target, link);
    const result = await run(['check', '--format', 'json', '--output', link, dir]);
    assert.equal(result.code, 2, result.stderr);
    assert.ok(fs.lstatSync(link).isSymbolicLink(), 'still a link');
    assert.ok(JSON.parse(fs.readFileSync(target, 'utf8')), 'the target holds the report');
  });

  test('a FIFO (like a device) is written through, never replaced by a file', async (t) => {
    const dir = hostileTree();
    const fifo = path.join(dir, 'out.fifo');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return needsMissing(t, 'mkfifo is not available');
    const child = spawn(process.execPath, [CLI_JS, 'check', '--format', 'compact', '--output', fifo, dir], { stdio: 'ignore' });
    let received = '';
    for await (const chunk of fs.createReadStream(fifo, 'utf8')) received += String(chunk);
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(code, 2);
    assert.ok(fs.lstatSync(fifo).isFIFO(), 'still a FIFO');
    assert.match(received, /client-ip-always-on/);
  });
});

describe('--output to a device node', () => {
  test('is written through and stays a device (as root: a null device made in a temporary folder, never /dev/null itself)', async (t) => {
    const dir = hostileTree();
    let device = '/dev/null';
    if (process.getuid?.() === 0) {
      // As root a wrong rename would replace the machine's /dev/null: use a node of the same device instead.
      device = path.join(dir, 'null');
      if (spawnSync('mknod', [device, 'c', '1', '3']).status !== 0) return needsMissing(t, 'mknod cannot make a device node here');
    }
    const result = await run(['check', '--format', 'json', '--output', device, dir]);
    assert.equal(result.code, 2, result.stderr);
    assert.ok(fs.lstatSync(device).isCharacterDevice(), `${device} is still a device`);
  });
});

describe('standard output that fails ends the run with one line and exit code 1', () => {
  /** Enough findings that the report fills a pipe's buffer. */
  function manyFindings(): string {
    const files: Record<string, string> = {};
    for (let i = 0; i < 300; i++) files[`m${i}/main.tf`] = LISTENER(`web${i}`);
    return tempTree(files);
  }

  test('a reader that goes away (| head): EPIPE', async () => {
    const dir = manyFindings();
    const child = spawn(process.execPath, [CLI_JS, 'check', '--format', 'json', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(code, 1, stderr);
    assert.equal(stderr.trimEnd().split('\n').length, 1, stderr);
    assert.match(stderr, /^elb-lens: cannot write to standard output: .*EPIPE/);
  });

  test('a full disk: ENOSPC', (t) => {
    if (!fs.existsSync('/dev/full')) return needsMissing(t, '/dev/full is not available');
    const dir = manyFindings();
    const full = fs.openSync('/dev/full', 'w');
    try {
      const result = spawnSync(process.execPath, [CLI_JS, 'check', '--format', 'json', dir], {
        stdio: ['ignore', full, 'pipe'],
        encoding: 'utf8',
      });
      assert.equal(result.status, 1, result.stderr);
      assert.equal(result.stderr.trimEnd().split('\n').length, 1, result.stderr);
      assert.match(result.stderr, /^elb-lens: cannot write to standard output: .*ENOSPC/);
      const output = spawnSync(process.execPath, [CLI_JS, 'check', '--format', 'json', '--output', '/dev/full', dir], { encoding: 'utf8' });
      assert.equal(output.status, 1);
      assert.match(output.stderr, /^elb-lens: cannot write \/dev\/full: .*ENOSPC/);
    } finally {
      fs.closeSync(full);
    }
  });
});
