// The GitHub Action (action.yml): runs `elb-lens check` in-process on the workspace, writes
// the report file, annotates every finding, sets the outputs and writes a job summary with
// the findings and the client IP map. Nothing is installed and nothing goes to the network:
// the runner runs the committed bundle (dist/) with its own Node.
import * as fs from 'fs';
import * as path from 'path';
import type { Severity } from '../core/types';
import { findPackageRoot, runCli } from '../cli/main';
import { findingsSummary, type JsonDiagnostic } from './summary';
import { appendSummary, booleanInput, input, listInput, setOutputs, workflowCommand, type Env } from './workflow';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the action with the runner's environment; returns the process exit code (0 passes the step). */
export async function runAction(env: Env, write: (text: string) => void, packageRoot: string): Promise<number> {
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const paths = listInput(env, 'paths');
  const format = input(env, 'format') || 'sarif';
  const output = input(env, 'output') || 'elb-lens.sarif';
  const minSeverity = input(env, 'min-severity');
  const config = input(env, 'config');
  const shared = [
    ...(paths.length > 0 ? paths : ['.']),
    ...(config ? ['--config', config] : []),
    ...listInput(env, 'var-files').flatMap((file) => ['--var-file', file]),
  ];
  const cli = async (argv: string[]): Promise<CliResult> => {
    let stdout = '';
    let stderr = '';
    const code = await runCli(argv, {
      cwd: workspace,
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      isTty: false,
      env,
      packageRoot,
    });
    return { code, stdout, stderr };
  };

  // A report in a folder of its own (reports/elb-lens.sarif) needs the folder first.
  fs.mkdirSync(path.dirname(path.resolve(workspace, output)), { recursive: true });
  const report = await cli([
    'check',
    ...shared,
    '--format',
    format,
    '--output',
    output,
    ...(minSeverity ? ['--min-severity', minSeverity] : []),
  ]);
  if (report.stderr) write(report.stderr);
  if (report.code === 1) {
    // The reason is the first line; the usage text after it is in the log above.
    const reason = report.stderr.split('\n').find((line) => line.trim() !== '') ?? 'elb-lens check failed';
    write(workflowCommand('error', { title: 'ELB Lens' }, reason));
    setOutputs(env, { 'exit-code': 1 });
    return 1;
  }
  // The findings once more as JSON, for the annotations, the counts and the summary.
  const listed = await cli(['check', ...shared, '--format', 'json']);
  const diagnostics = (JSON.parse(listed.stdout) as { diagnostics: JsonDiagnostic[] }).diagnostics;
  for (const d of diagnostics) {
    const properties = {
      file: d.file,
      line: d.range.start.line + 1,
      endLine: d.range.end.line + 1,
      col: d.range.start.character + 1,
      ...(d.range.end.line === d.range.start.line ? { endColumn: d.range.end.character + 1 } : {}),
      title: d.ruleId,
    };
    write(workflowCommand(COMMAND[d.severity], properties, d.message));
  }
  const count = (severity: Severity) => diagnostics.filter((d) => d.severity === severity).length;
  setOutputs(env, {
    'sarif-file': format === 'sarif' ? output : '',
    'report-file': output,
    'exit-code': report.code,
    errors: count('error'),
    warnings: count('warning'),
    information: count('information'),
    hints: count('hint'),
  });
  if (booleanInput(env, 'summary', true)) {
    const map = await cli(['graph', ...shared, '--format', 'markdown']);
    appendSummary(env, findingsSummary(diagnostics, report.code, map.code === 0 ? map.stdout : undefined));
  }
  return report.code === 0 ? 0 : 1;
}

/** The entry point the runner starts (dist/action.js). */
export function actionMain(): void {
  void runAction(process.env, (t) => process.stdout.write(t), findPackageRoot(__dirname)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stdout.write(
        workflowCommand('error', { title: 'ELB Lens' }, error instanceof Error ? (error.stack ?? error.message) : String(error)),
      );
      process.exitCode = 1;
    },
  );
}
