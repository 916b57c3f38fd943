import * as assert from 'assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { unifiedDiff } from '../../server/src/cli/diff';
import { FIXTURES, REPO_ROOT, readTree, run, tempCopy, tempTree, terraformFmtCheck, terraformMissing } from './harness';
import { needsMissing } from '../helpers';

/** examples/ when another engineer has filled it, else the CLI fixtures with findings. */
function fixSource(): { dir: string; name: string } {
  const examples = path.join(REPO_ROOT, 'examples');
  const hasTf = fs.existsSync(examples) && Object.keys(readTree(examples)).some((f) => f.endsWith('.tf'));
  return hasTf
    ? { dir: examples, name: 'examples/' }
    : { dir: path.join(FIXTURES, 'findings'), name: 'test/cli/fixtures/findings/ (examples/ is empty)' };
}

describe('--fix', () => {
  it('leaves a tree with no fixable findings that terraform fmt accepts', async (t) => {
    const source = fixSource();
    t.diagnostic(`fixing a copy of ${source.name}`);
    const dir = tempCopy(source.dir);
    try {
      const before = readTree(dir);
      const first = await run(['check', '.', '--fix', '--report-unused-ignores', '--format', 'compact'], { cwd: dir });
      assert.notEqual(first.code, 1, first.stderr);
      assert.match(first.stderr, /^elb-lens: applied [1-9]\d* fix(es)? to [1-9]\d* files?\n$/);
      const after = readTree(dir);
      assert.notDeepEqual(after, before);
      assert.deepEqual(Object.keys(after).sort(), Object.keys(before).sort(), 'no file added (no temporary file left) or removed');

      // What the report shows afterwards is what a fresh check finds.
      const check = await run(['check', '.', '--report-unused-ignores', '--format', 'compact'], { cwd: dir });
      assert.equal(first.stdout, check.stdout);
      t.diagnostic(`left after --fix:\n${check.stdout}`);

      // Nothing fixable is left: a second run changes nothing.
      const second = await run(['check', '.', '--fix', '--report-unused-ignores', '--dry-run'], { cwd: dir });
      assert.equal(second.stdout, '', 'no diff');
      assert.match(second.stderr, /^elb-lens: 0 fixes would change 0 files/);

      const missing = terraformMissing();
      if (missing) {
        needsMissing(t, `${missing}: terraform fmt -check of the fixed tree cannot run`);
        return;
      }
      const fmt = terraformFmtCheck(dir);
      assert.ok(fmt.ok, `terraform fmt -check rejects:\n${fmt.output}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--dry-run changes nothing and prints a diff that patch applies to the same result', async () => {
    const source = fixSource();
    const dryDir = tempCopy(source.dir);
    const fixDir = tempCopy(source.dir);
    try {
      const before = readTree(dryDir);
      const dry = await run(['check', '.', '--fix', '--dry-run', '--report-unused-ignores'], { cwd: dryDir });
      assert.deepEqual(readTree(dryDir), before, 'dry run writes nothing');
      assert.match(dry.stdout, /^--- a\//);
      assert.match(dry.stderr, /would change/);
      await run(['check', '.', '--fix', '--report-unused-ignores'], { cwd: fixDir });
      const patch = spawnSync('patch', ['-p1', '--quiet', '--no-backup-if-mismatch'], { cwd: dryDir, input: dry.stdout, encoding: 'utf8' });
      if (patch.error) return; // no patch(1) here: the unit tests below cover the diff
      assert.equal(patch.status, 0, patch.stderr + patch.stdout);
      assert.deepEqual(readTree(dryDir), readTree(fixDir));
    } finally {
      fs.rmSync(dryDir, { recursive: true, force: true });
      fs.rmSync(fixDir, { recursive: true, force: true });
    }
  });

  it('keeps file permissions and CRLF line endings', async () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'findings/otc-shared/main.tf'), 'utf8').replace(/\n/g, '\r\n');
    const dir = tempTree({
      'main.tf': text,
      'variables.tf': fs.readFileSync(path.join(FIXTURES, 'findings/otc-shared/variables.tf'), 'utf8'),
    });
    try {
      const file = path.join(dir, 'main.tf');
      fs.chmodSync(file, 0o640);
      await run(['check', '.', '--fix'], { cwd: dir });
      const after = fs.readFileSync(file, 'utf8');
      assert.notEqual(after, text);
      assert.ok(!/[^\r]\n/.test(after), 'every line still ends with CRLF');
      assert.equal(fs.statSync(file).mode & 0o777, 0o640);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('does not touch plan files or excluded files', async () => {
    const dir = tempCopy(FIXTURES);
    try {
      const plan = fs.readFileSync(path.join(dir, 'plan/pretty/plan.json'), 'utf8');
      const legacy = fs.readFileSync(path.join(dir, 'config/legacy/main.tf'), 'utf8');
      await run(['check', 'plan', 'config', '--fix'], { cwd: dir });
      assert.equal(fs.readFileSync(path.join(dir, 'plan/pretty/plan.json'), 'utf8'), plan);
      assert.equal(fs.readFileSync(path.join(dir, 'config/legacy/main.tf'), 'utf8'), legacy);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('unified diff', () => {
  it('is empty for equal texts and has hunks with context otherwise', () => {
    assert.equal(unifiedDiff('a', 'b', 'x\n', 'x\n'), '');
    const before = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';
    const after = before.replace('line 3\n', 'line three\n').replace('line 18\n', '');
    assert.equal(
      unifiedDiff('a/f', 'b/f', before, after),
      [
        '--- a/f',
        '+++ b/f',
        '@@ -1,6 +1,6 @@',
        ' line 1',
        ' line 2',
        '-line 3',
        '+line three',
        ' line 4',
        ' line 5',
        ' line 6',
        '@@ -15,6 +15,5 @@',
        ' line 15',
        ' line 16',
        ' line 17',
        '-line 18',
        ' line 19',
        ' line 20',
        '',
      ].join('\n'),
    );
  });

  it('marks a missing final newline and handles empty files', () => {
    assert.equal(
      unifiedDiff('a', 'b', 'x', 'y'),
      '--- a\n+++ b\n@@ -1 +1 @@\n-x\n\\ No newline at end of file\n+y\n\\ No newline at end of file\n',
    );
    assert.equal(unifiedDiff('a', 'b', '', 'y\n'), '--- a\n+++ b\n@@ -0,0 +1 @@\n+y\n');
  });

  it('round-trips through patch(1) on random edits', (t) => {
    const probe = spawnSync('patch', ['--version'], { encoding: 'utf8' });
    if (probe.error) {
      needsMissing(t, 'patch is not installed (not on PATH): the diff cannot be applied with patch(1)');
      return;
    }
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let round = 0; round < 25; round++) {
      const a = Array.from({ length: 5 + random(30) }, () => `l${random(8)}\n`);
      const b = [...a];
      for (let k = 0; k < 1 + random(6); k++) {
        const at = random(b.length + 1);
        if (random(2) === 0) b.splice(at, 1);
        else b.splice(at, 0, `n${random(5)}\n`);
      }
      const dir = tempTree({ 'f.txt': a.join('') });
      try {
        const diff = unifiedDiff('a/f.txt', 'b/f.txt', a.join(''), b.join(''));
        if (diff === '') continue;
        const result = spawnSync('patch', ['-p1', '--quiet'], { cwd: dir, input: diff, encoding: 'utf8' });
        assert.equal(result.status, 0, `${diff}\n${result.stderr}${result.stdout}`);
        assert.equal(fs.readFileSync(path.join(dir, 'f.txt'), 'utf8'), b.join(''), diff);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
  });
});
