import * as fs from 'fs';
import * as path from 'path';
import { ConfigError } from '../project/configFile';
import { RULES } from '../rules';
import { PSEUDO_RULES } from '../core/pseudoRules';
import { COMMAND_USAGE, parseArgs, UsageError, USAGE } from './args';
import { graph } from './graph';
import { isCheckWorker, runCheckWorker } from './parallel';
import { explain, readPackageJson } from './explain';
import { check } from './check';
import { checkWorker, environmentVariables } from './session';
import { CheckError, EXIT_CLEAN, EXIT_ERROR } from './io';
import type { CliIo } from './io';
import { endOnStdioErrors, writeOutput } from './output';

/** Runs the CLI and returns its exit code; never calls process.exit itself. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const args = parseArgs(argv);
    switch (args.command) {
      case 'help':
        io.stdout(args.of ? COMMAND_USAGE[args.of] : USAGE);
        return EXIT_CLEAN;
      case 'version':
        io.stdout(`${readPackageJson(io.packageRoot).version ?? 'unknown'}\n`);
        return EXIT_CLEAN;
      case 'rules':
        for (const rule of RULES) io.stdout(`${rule.meta.id.padEnd(32)} ${rule.meta.defaultSeverity.padEnd(12)} ${rule.meta.summary}\n`);
        for (const pseudo of PSEUDO_RULES) io.stdout(`${pseudo.id.padEnd(32)} ${pseudo.defaultSeverity.padEnd(12)} ${pseudo.summary}\n`);
        return EXIT_CLEAN;
      case 'explain':
        io.stdout(explain(args.ruleId, io.packageRoot));
        return EXIT_CLEAN;
      case 'check':
        return await check(args, io, __filename);
      case 'graph':
        return await graph(args, io, { environmentVariables: environmentVariables(io.env ?? process.env), writeFile: writeOutput });
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`elb-lens: ${error.message}\n\n${error.command ? COMMAND_USAGE[error.command] : USAGE}`);
      return EXIT_ERROR;
    }
    if (error instanceof ConfigError) {
      io.stderr(`elb-lens: invalid configuration: ${error.relativeTo(io.cwd)}\n`);
      return EXIT_ERROR;
    }
    if (error instanceof CheckError) {
      io.stderr(`elb-lens: ${error.message}\n`);
      return EXIT_ERROR;
    }
    io.stderr(`elb-lens: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT_ERROR;
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
  endOnStdioErrors(EXIT_ERROR);
  void runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    isTty: process.stdout.isTTY === true,
    stderrIsTty: process.stderr.isTTY === true,
    env: process.env,
    packageRoot: findPackageRoot(__dirname),
  }).then((code) => {
    process.exitCode = code;
  });
}

if (isCheckWorker()) runCheckWorker(checkWorker);
else if (require.main === module) main();
