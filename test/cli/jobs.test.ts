import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describe, it } from 'node:test';
import { FIXTURES, REPO_ROOT, run } from './harness';

/** `elb-lens check --jobs N`: the main thread and N − 1 workers share the groups; the output must not show it. */

const VERBOSE = /\((?:one thread|(\d+) of (\d+) threads analysed groups: ([\d +]+))\)/;

/**
 * Six copies of examples/ (findings of every provider, modules with callers, ELB API JSON,
 * Kubernetes), the plan fixtures, plain folders to pass the 200-file threshold, and binary
 * `.tf` files at the start, in the middle and at the end (a log line each, from whichever
 * thread analyses the folder; they must come out in folder order).
 */
function tree(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'elb-lens-jobs-'));
  for (let c = 0; c < 6; c++) fs.cpSync(path.join(REPO_ROOT, 'examples'), path.join(dir, `c${c}`), { recursive: true });
  fs.cpSync(path.join(FIXTURES, 'plan'), path.join(dir, 'plans'), { recursive: true });
  for (let d = 0; d < 8; d++) {
    fs.mkdirSync(path.join(dir, `c3-plain-${d}`));
    for (let f = 0; f < 20; f++) {
      fs.writeFileSync(path.join(dir, `c3-plain-${d}`, `f${f}.tf`), `resource "huaweicloud_vpc" "v${f}" {\n  name = "v${f}"\n}\n`);
    }
  }
  for (const folder of ['c0/huaweicloud', 'c3-plain-4', 'c5/opentelekomcloud']) {
    fs.writeFileSync(path.join(dir, folder, 'binary.tf'), 'resource "x" "y" {}\n\0\0\0');
  }
  return dir;
}

/** stderr without the --verbose line (its time differs from run to run). */
function logLines(stderr: string): string {
  return stderr
    .split('\n')
    .filter((line) => !VERBOSE.test(line))
    .join('\n');
}

describe('check --jobs', () => {
  it('--jobs is capped at the number of cores', async () => {
    const dir = tree();
    try {
      const many = await run(['check', '--format', 'json', '--verbose', '--jobs', '1000', '.'], { cwd: dir, workersFirst: true });
      const cores = os.availableParallelism();
      const [, , threads] = VERBOSE.exec(many.stderr) ?? [];
      if (cores === 1) assert.match(many.stderr, /\(one thread\)/);
      else assert.equal(threads, String(cores), many.stderr);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--jobs 2, 3 and 4 give byte for byte what --jobs 1 gives, and every thread analyses groups', async () => {
    const dir = tree();
    try {
      const argv = (jobs: number) => ['check', '--format', 'json', '--min-severity', 'hint', '--verbose', '--jobs', String(jobs), '.'];
      // workersFirst: the main thread waits until each worker has its first chunk, so that
      // every thread takes part however loaded the machine is.
      const one = await run(argv(1), { cwd: dir, workersFirst: true });
      // The binary .tf files are asked for and cannot be read as text: exit 1, each named (issue 28, fail-closed).
      assert.equal(one.code, 1, one.stderr);
      assert.equal(one.stderr.match(/cannot read .*binary\.tf: it is binary/g)?.length, 3, one.stderr);
      assert.ok((JSON.parse(one.stdout) as { diagnostics: unknown[] }).diagnostics.length >= 30, one.stdout);
      assert.match(one.stderr, /\(one thread\)/);
      assert.equal(one.stderr.match(/skipped .*binary\.tf: it cannot be read/g)?.length, 3, one.stderr);
      const groups = Number(/checked in (\d+) group\(s\)/.exec(one.stderr)?.[1]);
      for (const jobs of [2, 3, 4]) {
        const many = await run(argv(jobs), { cwd: dir, workersFirst: true });
        assert.equal(many.code, one.code, many.stderr);
        assert.equal(many.stdout, one.stdout, `--jobs ${jobs}: the report differs from --jobs 1`);
        assert.equal(logLines(many.stderr), logLines(one.stderr), `--jobs ${jobs}: the log lines differ from --jobs 1`);
        const [, tookPart, threads, counts] = VERBOSE.exec(many.stderr) ?? [];
        // --jobs is capped at the number of cores.
        const expected = Math.min(jobs, os.availableParallelism());
        assert.equal(threads, String(expected), many.stderr);
        assert.equal(tookPart, String(expected), `--jobs ${jobs}: every thread analyses groups: ${many.stderr}`);
        const perThread = counts.split(' + ').map(Number);
        assert.ok(
          perThread.every((n) => n > 0),
          many.stderr,
        );
        assert.equal(
          perThread.reduce((a, b) => a + b, 0),
          groups,
          many.stderr,
        );
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--fix, small checks and (without --jobs) checks under 10,000 files run in one thread', async () => {
    const dir = tree();
    try {
      const fix = await run(['check', '--fix', '--dry-run', '--verbose', '--jobs', '2', '.'], { cwd: dir });
      assert.match(fix.stderr, /\(one thread\)/);
      const small = await run(['check', '--verbose', '--jobs', '2', 'c0'], { cwd: dir });
      assert.match(small.stderr, /\(one thread\)/);
      const byDefault = await run(['check', '--verbose', '.'], { cwd: dir });
      assert.match(byDefault.stderr, /\(one thread\)/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
