import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../server/src/cli/main';

/** The repository root (this file runs from build/test/cli/). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
/** Fixtures are read from the source tree (tsc does not copy them). */
export const FIXTURES = path.join(REPO_ROOT, 'test', 'cli', 'fixtures');
export const GOLDEN = path.join(REPO_ROOT, 'test', 'cli', 'golden');
export const CLI_JS = path.join(REPO_ROOT, 'build', 'server', 'src', 'cli', 'main.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  isTty?: boolean;
  stderrIsTty?: boolean;
  /** Package root (docs/, package.json); default: the repository. */
  packageRoot?: string;
  /** With worker threads, the main thread waits until each has taken groups (so that each takes part). */
  workersFirst?: boolean;
  /** What standard input holds (`check -`). */
  stdin?: string;
}

/** Runs the CLI in-process with captured output; the environment is empty unless given. */
export async function run(argv: string[], options: RunOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    cwd: options.cwd ?? FIXTURES,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    isTty: options.isTty ?? false,
    stderrIsTty: options.stderrIsTty ?? false,
    env: options.env ?? {},
    packageRoot: options.packageRoot ?? REPO_ROOT,
    workersFirst: options.workersFirst,
    readStdin: () => Promise.resolve(options.stdin ?? ''),
  });
  return { code, stdout, stderr };
}

/** Runs the compiled CLI as a child process (for real exit codes and stdio). */
export function runChild(argv: string[], cwd = FIXTURES, env: Record<string, string> = {}): CliRun {
  const result = spawnSync(process.execPath, [CLI_JS, ...argv], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh temporary folder with a copy of `source` (a folder) in it. */
export function tempCopy(source: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'elb-lens-cli-'));
  fs.cpSync(source, dir, { recursive: true });
  return dir;
}

/** A temporary folder with the given files (relative path → text). */
export function tempTree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'elb-lens-cli-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** All files under a folder, relative path → text. */
export function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else out[path.relative(dir, full).split(path.sep).join('/')] = fs.readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return out;
}

/** Whether `terraform` runs here; the reason when it does not. */
export function terraformMissing(): string | undefined {
  const probe = spawnSync('terraform', ['version'], { encoding: 'utf8' });
  return probe.error || probe.status !== 0 ? 'terraform is not installed (not on PATH)' : undefined;
}

/** `terraform fmt -check -recursive dir`: exit status and the files it would change. */
export function terraformFmtCheck(dir: string): { ok: boolean; output: string } {
  const result = spawnSync('terraform', ['fmt', '-check', '-recursive', '.'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, TF_CLI_CONFIG_FILE: os.devNull },
  });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

/**
 * Compares `actual` with the committed golden file; `UPDATE_GOLDEN=1` rewrites it first.
 * A missing golden file is an error (run once with UPDATE_GOLDEN=1 and commit the result).
 */
export function golden(name: string, actual: string): { expected: string; actual: string } {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    fs.mkdirSync(GOLDEN, { recursive: true });
    fs.writeFileSync(file, actual);
  }
  if (!fs.existsSync(file)) throw new Error(`golden file test/cli/golden/${name} is missing: run UPDATE_GOLDEN=1 npm test`);
  return { expected: fs.readFileSync(file, 'utf8'), actual };
}
