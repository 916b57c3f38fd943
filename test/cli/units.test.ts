import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { REPO_ROOT, run, tempTree } from './harness';

/**
 * Every checked file is analysed in its own unit (project/units.ts). The CLI used to group the
 * non-Terraform files of a folder into one group and analysed only the first of them: a second
 * Kubernetes manifest of the folder, or a manifest next to an ELB JSON file, was skipped.
 */

const example = (name: string) => fs.readFileSync(path.join(REPO_ROOT, 'examples', name), 'utf8');
const CCE = example('kubernetes/cce.yaml');
const CLOUD_PROVIDER = example('kubernetes/cloud-provider-huaweicloud.yaml');
const JSONC_LISTENERS = example('elb-api-json/jsonc/listeners.elb.jsonc');

const FILES: Record<string, string> = {
  'two-manifests/cce.yaml': CCE,
  'two-manifests/cloud-provider.yaml': CLOUD_PROVIDER,
  'manifest-and-json/service.yaml': CLOUD_PROVIDER,
  'manifest-and-json/listeners.elb.jsonc': JSONC_LISTENERS,
};

interface Diagnostic {
  file: string;
  ruleId: string;
  range: { start: { line: number; character: number } };
}

/** `check --format json` findings as "file:line:col rule" lines, sorted. */
async function findings(cwd: string, args: string[]): Promise<{ lines: string[]; stderr: string }> {
  const result = await run(['check', '--format', 'json', '--min-severity', 'hint', ...args], { cwd, workersFirst: true });
  assert.ok(result.code === 0 || result.code === 2, result.stderr);
  const { diagnostics } = JSON.parse(result.stdout) as { diagnostics: Diagnostic[] };
  const lines = diagnostics.map((d) => `${d.file}:${d.range.start.line}:${d.range.start.character} ${d.ruleId}`).sort();
  return { lines, stderr: result.stderr };
}

/** What checking each file alone finds (nothing can be lost there). */
async function eachAlone(cwd: string): Promise<string[]> {
  const all: string[] = [];
  for (const name of Object.keys(FILES)) all.push(...(await findings(cwd, [name])).lines);
  return all.sort();
}

function filesWithFindings(lines: string[]): string[] {
  return [...new Set(lines.map((l) => l.slice(0, l.indexOf(':'))))].sort();
}

describe('check: every file of a folder is analysed', () => {
  it('two manifests in one folder, and a manifest next to an ELB JSON file, are each analysed', async () => {
    const dir = tempTree(FILES);
    try {
      const alone = await eachAlone(dir);
      // Each of the four files has findings of its own, so a lost one shows.
      assert.deepEqual(filesWithFindings(alone), Object.keys(FILES).sort());
      const together = await findings(dir, ['.']);
      assert.deepEqual(together.lines, alone);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the same with two threads (--jobs 2)', async () => {
    const plain: Record<string, string> = {};
    // Enough files and folders for worker threads (200 files, two groups a thread).
    for (let d = 0; d < 10; d++) {
      for (let f = 0; f < 20; f++) plain[`plain-${d}/f${f}.tf`] = `resource "huaweicloud_vpc" "v${f}" {\n  name = "v${f}"\n}\n`;
    }
    const dir = tempTree({ ...plain, ...FILES });
    try {
      const alone = await eachAlone(dir);
      const threaded = await findings(dir, ['--jobs', '2', '--verbose', '.']);
      assert.match(threaded.stderr, /2 of 2 threads analysed groups/);
      assert.deepEqual(threaded.lines, alone);
      assert.deepEqual((await findings(dir, ['--jobs', '1', '.'])).lines, alone);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
