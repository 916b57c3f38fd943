import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const ACTION = parse(fs.readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
  runs: { using: string; main: string };
};

interface ActionRun {
  status: number | null;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
  workspace: string;
}

/**
 * Runs the action's entry point as the runner does: `node <main>` in the workspace, with
 * every input as INPUT_<NAME> (the defaults of action.yml unless given), and the files for
 * outputs and the job summary. Only PATH and these variables are set.
 */
function runAction(files: Record<string, string> | string, inputs: Record<string, string> = {}): ActionRun {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'elb-lens-action-'));
  const workspace = path.join(root, 'workspace');
  if (typeof files === 'string') fs.cpSync(files, workspace, { recursive: true });
  else
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(workspace, name)), { recursive: true });
      fs.writeFileSync(path.join(workspace, name), text);
    }
  const outputFile = path.join(root, 'output');
  const summaryFile = path.join(root, 'summary.md');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
  };
  for (const [name, spec] of Object.entries(ACTION.inputs)) env[`INPUT_${name.toUpperCase()}`] = inputs[name] ?? spec.default ?? '';
  fs.writeFileSync(outputFile, '');
  fs.writeFileSync(summaryFile, '');
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, ACTION.runs.main)], {
    cwd: workspace,
    env,
    encoding: 'utf8',
    timeout: 60000,
  });
  const outputs = Object.fromEntries(
    fs
      .readFileSync(outputFile, 'utf8')
      .split('\n')
      .filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  return {
    status: result.status,
    stdout: result.stdout + result.stderr,
    outputs,
    summary: fs.readFileSync(summaryFile, 'utf8'),
    workspace,
  };
}

test('action.yml: a Node action on the committed bundle, its outputs declared', () => {
  assert.match(ACTION.runs.using, /^node(20|24)$/);
  assert.ok(fs.existsSync(path.join(REPO_ROOT, ACTION.runs.main)), `${ACTION.runs.main} is committed`);
  assert.deepEqual(Object.keys(ACTION.inputs).sort(), ['config', 'format', 'min-severity', 'output', 'paths', 'summary', 'var-files']);
  assert.equal(ACTION.inputs.paths.default, '.');
  assert.equal(ACTION.inputs.format.default, 'sarif');
  assert.equal(ACTION.inputs.output.default, 'elb-lens.sarif');
  for (const name of ['sarif-file', 'exit-code', 'errors', 'warnings', 'information', 'hints']) assert.ok(name in ACTION.outputs, name);
});

test('the action on examples/: SARIF file, outputs, annotations and a job summary with the map', () => {
  const run = runAction(path.join(REPO_ROOT, 'examples'));
  try {
    assert.equal(run.status, 1, `findings fail the step\n${run.stdout}`);
    assert.equal(run.outputs['exit-code'], '2');
    assert.equal(run.outputs['sarif-file'], 'elb-lens.sarif');
    const sarif = JSON.parse(fs.readFileSync(path.join(run.workspace, 'elb-lens.sarif'), 'utf8')) as {
      runs: { results: { level: string; ruleId: string }[] }[];
    };
    const results = sarif.runs[0].results;
    assert.ok(results.length > 0);
    assert.equal(run.outputs.errors, String(results.filter((r) => r.level === 'error').length), 'the error count matches the SARIF');
    assert.equal(run.outputs.warnings, String(results.filter((r) => r.level === 'warning').length));

    const annotations = run.stdout.split('\n').filter((l) => /^::(error|warning|notice) /.test(l));
    assert.equal(annotations.length, results.length, 'one annotation per finding');
    assert.match(run.stdout, /^::error file=[^,]+\.tf,line=\d+,endLine=\d+,col=\d+(,endColumn=\d+)?,title=client-ip-always-on::\S/m);
    for (const line of annotations) assert.doesNotMatch(line, /file=\//, 'paths relative to the workspace');

    assert.match(run.summary, /^## ELB Lens$/m);
    assert.match(run.summary, new RegExp(`^${run.outputs.errors} errors?, ${run.outputs.warnings} warnings?`, 'm'));
    assert.match(run.summary, /^\| where \| severity \| rule \| finding \|$/m);
    const rows = run.summary.split('\n').filter((l) => /^\| `[^`]+:\d+:\d+` \|/.test(l));
    assert.equal(rows.length, Math.min(results.length, 200), 'a row per finding');
    assert.match(run.summary, /^```mermaid$/m, 'the client IP map as Mermaid');
    assert.match(run.summary, /^flowchart /m);
  } finally {
    fs.rmSync(path.dirname(run.workspace), { recursive: true, force: true });
  }
});

test('the action on a clean folder passes, with zero counts, and respects format, output and summary', () => {
  const clean = 'resource "huaweicloud_vpc" "v" {\n  name = "v"\n}\n';
  const run = runAction(
    { 'infra/main.tf': clean, 'other/main.tf': 'not :: terraform {' },
    { paths: 'infra', format: 'json', output: 'out/report.json', summary: 'false' },
  );
  try {
    assert.equal(run.status, 0, run.stdout);
    assert.equal(run.outputs['exit-code'], '0');
    assert.equal(run.outputs['sarif-file'], '');
    assert.equal(run.outputs['report-file'], 'out/report.json');
    assert.equal(run.outputs.errors, '0');
    const report = JSON.parse(fs.readFileSync(path.join(run.workspace, 'out', 'report.json'), 'utf8')) as { files: number };
    assert.equal(report.files, 1, 'only the given path');
    assert.doesNotMatch(run.stdout, /^::(error|warning|notice)/m);
    assert.equal(run.summary, '', 'summary: false writes none');
  } finally {
    fs.rmSync(path.dirname(run.workspace), { recursive: true, force: true });
  }
});

test('the action with a bad input fails the step with an error annotation', () => {
  const run = runAction({ 'main.tf': '' }, { 'min-severity': 'loud' });
  try {
    assert.equal(run.status, 1);
    assert.equal(run.outputs['exit-code'], '1');
    assert.match(run.stdout, /^::error title=ELB Lens::elb-lens: --min-severity must be one of [a-z, ]+$/m, 'the reason, on one line');
  } finally {
    fs.rmSync(path.dirname(run.workspace), { recursive: true, force: true });
  }
});

test('the committed bundle (dist/) is what the sources build to', () => {
  const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'elb-lens-dist-'));
  try {
    const build = spawnSync(process.execPath, ['esbuild.mjs', '--dist', fresh], { cwd: REPO_ROOT, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
    const built = fs.readdirSync(fresh).sort();
    assert.ok(built.includes('elb-lens.js'));
    for (const name of built) {
      const committed = path.join(REPO_ROOT, 'dist', name);
      assert.ok(
        fs.existsSync(committed) && fs.readFileSync(committed).equals(fs.readFileSync(path.join(fresh, name))),
        `dist/${name} differs from a fresh build of the sources: run \`npm run build:dist\` and commit dist/`,
      );
    }
  } finally {
    fs.rmSync(fresh, { recursive: true, force: true });
  }
});
