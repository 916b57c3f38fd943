/* eslint-disable no-control-regex -- hostile names hold control characters on purpose */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import { runAction } from '../../server/src/action/main';
import { REPO_ROOT, run, tempTree } from '../cli/harness';
import { memoryService, memPath, needsMissing } from '../helpers';
import { HOSTILE, LISTENER } from './hostileFixtures';

/**
 * Issue 28, item 5 (names forge output), with the name in the place outputs.test.ts leaves
 * out: the FILE name (paths are printed in every format, and in log lines), and a hostile
 * resource name in the formats not covered there (graph JSON, the hover's whole text, the
 * GitHub Action's annotations and job summary, run end to end). Also item 8 for `--fix`: a
 * fix that cannot be written ends in one line, not a stack trace, and leaves the file whole.
 */

/** The hostile name as a file name: no `/` (the image's URL becomes a bare file name). */
const HOSTILE_FILE = `${HOSTILE.replace('http://example.invalid/', '')}.tf`;

/** A folder with the listener in a file of a hostile name, and a binary .tf of a hostile name (an error line that names it). */
function hostileFiles(): string {
  const dir = tempTree({});
  fs.writeFileSync(path.join(dir, HOSTILE_FILE), LISTENER('web'));
  fs.writeFileSync(path.join(dir, `bin${HOSTILE_FILE}`), 'x\u0000\u0001');
  return dir;
}

/**
 * No control character (but the line break), and (but in XML) no line that is a forged finding,
 * workflow command or (outside Markdown, whose own fence closes with one) fence.
 */
function assertNoForgery(output: string, what: string, kind: 'text' | 'xml' | 'markdown' = 'text'): void {
  const forbidden = kind === 'xml' ? /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/ : /[\u0000-\u0008\u000b-\u001f\u007f]/;
  assert.doesNotMatch(output, forbidden, `${what}: a control character passed through`);
  // XML text may hold line breaks (outputs.test.ts): what it must not hold is a forbidden character or markup.
  if (kind === 'xml') return;
  for (const line of output.split('\n')) {
    assert.doesNotMatch(line, /^::error file=README\.md::forged/, `${what}: a forged workflow command: ${line}`);
    assert.doesNotMatch(line, /^README\.md:1:1/, `${what}: a forged finding line: ${line}`);
    if (kind === 'text') assert.doesNotMatch(line, /^```$/, `${what}: a fence from the name: ${line}`);
  }
}

describe('hostile file names in every output format', () => {
  test('check: text, compact, json, sarif, codequality, junit, checkstyle, and the error line naming an unreadable file', async () => {
    const dir = hostileFiles();
    for (const format of ['text', 'compact', 'json', 'sarif', 'codequality', 'junit', 'checkstyle']) {
      const result = await run(['check', '--format', format, dir]);
      assert.equal(result.code, 1, `${format}: the binary file is an error: ${result.stderr}`);
      const xml = format === 'junit' || format === 'checkstyle';
      assertNoForgery(result.stdout, format, xml ? 'xml' : 'text');
      assertNoForgery(result.stderr, `${format} (stderr)`);
      assert.match(result.stderr, /elb-lens: cannot read .*binx.*: it is binary/, `${format}: the unreadable file is named`);
      assert.ok(result.stdout.includes('client-ip-always-on'), `${format}: the finding in the hostile file is reported`);
      if (xml) assert.doesNotMatch(result.stdout, /<svg onload/, format);
      if (['json', 'codequality'].includes(format)) {
        assert.ok(JSON.stringify(JSON.parse(result.stdout)).includes('![img](x.png)'), `${format}: the name is kept, JSON-escaped`);
      }
      if (format === 'sarif') {
        // SARIF names files by URI: the name percent-encoded, so it decodes to the name itself.
        const sarif = JSON.parse(result.stdout) as {
          runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
        };
        const uri = sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri;
        assert.ok(decodeURIComponent(uri).endsWith(HOSTILE_FILE), uri);
      }
    }
  });

  test('graph: markdown, mermaid, dot, svg and json', async () => {
    const dir = hostileFiles();
    for (const format of ['markdown', 'mermaid', 'dot', 'svg', 'json']) {
      const result = await run(['graph', '--format', format, dir]);
      assertNoForgery(result.stdout, format, format === 'svg' ? 'xml' : format === 'markdown' ? 'markdown' : 'text');
      assertNoForgery(result.stderr, `${format} (stderr)`);
      if (format === 'markdown') {
        assert.deepEqual(
          result.stdout.split('\n').filter((l) => l.startsWith('```')),
          ['```mermaid', '```'],
        );
      }
      if (format === 'json') assert.ok(JSON.parse(result.stdout), 'well-formed JSON');
      if (format !== 'dot' && format !== 'json') assert.ok(!result.stdout.includes('<svg onload'), `${format}: markup from the name`);
    }
  });
});

describe('hostile resource names where outputs.test.ts does not look', () => {
  const HOSTILE_LABEL =
    'x\\u001b[2J\\nREADME.md:1:1: error [forged] forged\\n::error file=README.md::forged\\n```\\n![img](http://example.invalid/x.png) `a` @admin <svg onload=1>';

  test('graph --format json holds the name as it is', async () => {
    const dir = tempTree({ 'main.tf': LISTENER(HOSTILE_LABEL) });
    const result = await run(['graph', '--format', 'json', dir]);
    assertNoForgery(result.stdout, 'graph json');
    assert.ok(JSON.stringify(JSON.parse(result.stdout)).includes('![img](http://example.invalid/x.png)'));
  });

  test('hover: the whole text stays text (no control character, no forged line, no live image)', async () => {
    const text = LISTENER(HOSTILE_LABEL);
    const { service } = await memoryService({ 'main.tf': text });
    const hover = service.hover(memPath('main.tf'), { line: 0, character: 40 });
    assert.ok(hover, 'a hover on the listener');
    assertNoForgery(hover.markdown, 'hover');
    // The image is inside a code span: what precedes it on its line opens one more backtick run than it closes.
    for (const line of hover.markdown.split('\n')) {
      const at = line.indexOf('![img]');
      if (at === -1) continue;
      const before = line.slice(0, at);
      assert.match(before, /`[^`]*$|``+ ?[^`]*$/, `the image is not in a code span: ${line}`);
    }
  });

  test('the GitHub Action: annotations and the job summary, run end to end on a hostile file name', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'elb-lens-action-names-'));
    const workspace = path.join(root, 'workspace');
    fs.mkdirSync(workspace);
    fs.writeFileSync(path.join(workspace, HOSTILE_FILE), LISTENER('web'));
    const env: Record<string, string> = {
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: path.join(root, 'output'),
      GITHUB_STEP_SUMMARY: path.join(root, 'summary.md'),
      INPUT_PATHS: '.',
      INPUT_FORMAT: 'sarif',
      INPUT_OUTPUT: 'elb-lens.sarif',
      INPUT_SUMMARY: 'true',
    };
    fs.writeFileSync(env.GITHUB_OUTPUT, '');
    fs.writeFileSync(env.GITHUB_STEP_SUMMARY, '');
    let log = '';
    const code = await runAction(env, (text) => (log += text), REPO_ROOT);
    assert.equal(code, 1, 'findings fail the step');
    const commands = log.split('\n').filter((l) => l.startsWith('::'));
    assert.ok(commands.length >= 1, `an annotation: ${log}`);
    for (const command of commands) {
      // One command per line; the file and message are encoded (%0A for a line break).
      assert.match(command, /^::(error|warning|notice) file=[^:]*%0A[^:]*,line=\d+/, command);
    }
    assertNoForgery(log, 'action log');
    const summary = fs.readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8');
    assertNoForgery(summary, 'job summary', 'markdown');
    assert.ok(!summary.includes('![img](x.png)'), 'no image from the name in the summary');
    assert.ok(!/@admin/.test(summary), 'no mention from the name in the summary');
  });
});

describe('--fix that cannot write its file', () => {
  test('ends in one line naming the file (exit 1), and the file is left whole', (t: TestContext) => {
    if (process.platform === 'win32') return needsMissing(t, 'a file-size limit (ulimit -f) needs a POSIX shell');
    // The file is over a 1 KiB file-size limit, so writing the fixed text fails (EFBIG), as it would on a full disk.
    const text = `# ${'x'.repeat(1100)}\n${LISTENER('web')}`;
    const dir = tempTree({ 'main.tf': text });
    const cli = path.join(REPO_ROOT, 'build', 'server', 'src', 'cli', 'main.js');
    const result = spawnSync('sh', ['-c', `ulimit -f 1 && exec "${process.execPath}" "${cli}" check --fix .`], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
    });
    if (result.error) return needsMissing(t, `sh cannot run here: ${result.error.message}`);
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stderr, /^elb-lens: cannot write the fixes to .*main\.tf: /m);
    assert.doesNotMatch(result.stderr, /^\s+at /m, 'no stack trace');
    assert.equal(fs.readFileSync(path.join(dir, 'main.tf'), 'utf8'), text, 'the file is as it was');
    assert.deepEqual(
      fs.readdirSync(dir).filter((name) => name.endsWith('.tmp')),
      [],
      'no temporary file is left',
    );
  });
});
