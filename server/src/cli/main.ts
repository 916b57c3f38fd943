import * as fs from 'fs';
import * as path from 'path';
import type { Finding } from '../core/types';
import { RULES, findRule } from '../rules';
import { createNodeHost } from '../service/nodeHost';
import { createElbLensService } from '../service/service';
import { parseArgs, UsageError, USAGE, type CheckArgs } from './args';
import { FORMATTERS } from './formats';
import { atLeast, sortFindings } from './report';
import { collectFiles } from './walk';

export const EXIT_CLEAN = 0;
export const EXIT_ERROR = 1;
export const EXIT_FINDINGS = 2;

export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTty: boolean;
  /** Directory that holds docs/ (the package root). */
  packageRoot: string;
}

/** Runs the CLI and returns its exit code; never calls process.exit itself. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const args = parseArgs(argv);
    switch (args.command) {
      case 'help':
        io.stdout(USAGE);
        return EXIT_CLEAN;
      case 'version':
        io.stdout(`${readVersion(io.packageRoot)}\n`);
        return EXIT_CLEAN;
      case 'rules':
        for (const rule of RULES) io.stdout(`${rule.meta.id.padEnd(32)} ${rule.meta.defaultSeverity.padEnd(12)} ${rule.meta.summary}\n`);
        return EXIT_CLEAN;
      case 'explain': {
        const rule = findRule(args.ruleId);
        if (!rule) throw new UsageError(`unknown rule "${args.ruleId}"; see "elb-lens rules"`);
        const page = path.join(io.packageRoot, rule.meta.docsUrl);
        io.stdout(fs.existsSync(page) ? fs.readFileSync(page, 'utf8') : `${rule.meta.id}: ${rule.meta.summary}\n`);
        return EXIT_CLEAN;
      }
      case 'check':
        return await check(args, io);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`elb-lens: ${error.message}\n\n${USAGE}`);
      return EXIT_ERROR;
    }
    io.stderr(`elb-lens: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT_ERROR;
  }
}

async function check(args: CheckArgs, io: CliIo): Promise<number> {
  const formatter = FORMATTERS[args.format];
  if (!formatter) throw new UsageError(`unknown format "${args.format}" (choose ${Object.keys(FORMATTERS).join(', ')})`);
  const host = createNodeHost((message) => io.stderr(`${message}\n`));
  const service = await createElbLensService(host, { docsBase: path.join(io.packageRoot, 'docs', 'rules') + path.sep });
  const { files, missing } = collectFiles(
    args.paths.map((p) => path.resolve(io.cwd, p)),
    (file) => service.isSupportedFile(file),
  );
  if (missing.length > 0) throw new UsageError(`no such file or directory: ${missing.join(', ')}`);
  const options = {
    variables: args.variables,
    varFiles: args.varFiles.map((f) => path.resolve(io.cwd, f)),
    reportUnusedIgnores: args.reportUnusedIgnores,
  };
  const wanted = new Set(files);
  const findings: Finding[] = [];
  const doneModules = new Set<string>();
  for (const file of files) {
    const dir = path.dirname(file);
    if (doneModules.has(dir)) continue;
    doneModules.add(dir);
    for (const [moduleFile, fileFindings] of service.analyzeModule(file, options)) {
      if (wanted.has(moduleFile)) findings.push(...fileFindings);
    }
  }
  const sorted = sortFindings(findings);
  const output = formatter(
    { fileCount: files.length, findings: sorted, cwd: io.cwd, readText: (f) => service.documentText(f) },
    { color: args.color ?? (io.isTty && !args.output && !process.env.NO_COLOR) },
  );
  if (args.output) writeAtomically(path.resolve(io.cwd, args.output), output);
  else io.stdout(output);
  return sorted.some((f) => atLeast(f.severity, args.minSeverity)) ? EXIT_FINDINGS : EXIT_CLEAN;
}

/** Write to a temporary file, then rename: a reader never sees half a file. */
export function writeAtomically(filePath: string, content: string): void {
  const temporary = `${filePath}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, content);
  fs.renameSync(temporary, filePath);
}

function readVersion(packageRoot: string): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Finds the package root (the folder with package.json and docs/) from the running file. */
export function findPackageRoot(start: string): string {
  let dir = start;
  for (let i = 0; i < 6; i++) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'docs'))) return dir;
    dir = path.dirname(dir);
  }
  return start;
}

/** Runs the CLI for this process. */
export function main(): void {
  void runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    isTty: process.stdout.isTTY === true,
    packageRoot: findPackageRoot(__dirname),
  }).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) main();
