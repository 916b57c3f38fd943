import type { Severity } from '../core/types';
import { MAP_FORMATS, type MapFormat } from '../graph';

export interface CheckArgs {
  command: 'check';
  paths: string[];
  format: string;
  output: string | undefined;
  minSeverity: Severity;
  variables: Record<string, string>;
  varFiles: string[];
  reportUnusedIgnores: boolean;
  color: boolean | undefined;
  /** `--config FILE`: one configuration for every file instead of the nearest `.elb-lens.json`. */
  config: string | undefined;
  fix: boolean;
  dryRun: boolean;
  /** `--jobs N`: threads for independent modules, the main one included (default: the number of cores, for large checks). */
  jobs: number | undefined;
  /** `--verbose`: counts and timing on stderr. */
  verbose: boolean;
  /** `--no-prescan`: parse every Terraform file (the scan never changes results; for comparison). */
  prescan: boolean;
  /** `-` as the path: check what is read from standard input (rendered manifests, by default). */
  stdin: boolean;
  /** `--stdin-filename NAME`: the name the stream has in reports; its extension decides its kind. */
  stdinFilename: string | undefined;
}

/** `elb-lens graph`: the client-IP map of the paths. */
export interface GraphArgs {
  command: 'graph';
  paths: string[];
  format: MapFormat;
  output: string | undefined;
  variables: Record<string, string>;
  varFiles: string[];
  config: string | undefined;
}

export type CliArgs =
  CheckArgs | GraphArgs | { command: 'rules' } | { command: 'explain'; ruleId: string } | { command: 'help' } | { command: 'version' };

export class UsageError extends Error {}

const SEVERITIES: Severity[] = ['hint', 'information', 'warning', 'error'];

export const FORMAT_NAMES = ['text', 'compact', 'json', 'sarif', 'junit', 'checkstyle'];

export const USAGE = `Usage:
  elb-lens check [paths...] [options]   check .tf, .tf.json, ELB JSON, plan JSON and Kubernetes files and folders,
                                        kustomize overlays and Helm charts (default: .)
  elb-lens check - [options]            check standard input: rendered manifests (helm template …,
                                        kustomize build …), several documents in one stream
  elb-lens graph [paths...] [options]   draw where the client address goes: client → load balancer →
                                        listener → pool → backend (default: .)
  elb-lens rules                        list the rules
  elb-lens explain <rule-id>            print a rule's documentation

Options for check:
  --format <${FORMAT_NAMES.join('|')}>
                                        output format (default: text)
  --output <file>                       write the report to a file
  --min-severity <error|warning|information|hint>
                                        lowest severity that fails the run (default: warning)
  --config <file>                       use this configuration file for every path
                                        (default: the nearest .elb-lens.json above each file)
  --var <name=value>                    set a Terraform variable (repeatable)
  --var-file <file>                     read variables from a tfvars file (repeatable)
                                        (TF_VAR_<name> environment variables are read too)
  --fix                                 apply the fixes in place, then report what is left
  --dry-run                             with --fix: print a unified diff, change nothing
  --report-unused-ignores               report elb-lens-ignore comments that suppress nothing
  --color / --no-color                  force colours on or off
  --jobs <n>                            threads for independent modules (default: the number of cores
                                        for 10,000 files or more, else one; under 200 files and with
                                        --fix always one)
  --verbose                             print counts (files found, checked, not parsed) and timing on stderr
  --no-prescan                          parse every Terraform file instead of scanning first (same results)
  --stdin-filename <name>               with -: the stream's name in reports; its extension decides what
                                        it is (default: Kubernetes YAML named <stdin>)

Options for graph:
  --format <${MAP_FORMATS.join('|')}>
                                        output format (default: mermaid; markdown is Mermaid in
                                        a fence with a legend, for a CI job summary)
  --output <file>, --config <file>, --var <name=value>, --var-file <file>
                                        as for check

Exit codes: 0 nothing at or above --min-severity, 2 findings, 1 usage, configuration or internal error.
`;

export function parseArgs(argv: string[]): CliArgs {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') return { command: 'help' };
  if (command === '--version' || command === 'version') return { command: 'version' };
  if (command === 'rules') return { command: 'rules' };
  if (command === 'explain') {
    if (!rest[0]) throw new UsageError('explain needs a rule id');
    return { command: 'explain', ruleId: rest[0] };
  }
  if (command === 'graph') return parseGraphArgs(rest);
  if (command !== 'check') throw new UsageError(`unknown command "${command}"`);
  const args: CheckArgs = {
    command: 'check',
    paths: [],
    format: 'text',
    output: undefined,
    minSeverity: 'warning',
    variables: {},
    varFiles: [],
    reportUnusedIgnores: false,
    color: undefined,
    config: undefined,
    fix: false,
    dryRun: false,
    jobs: undefined,
    verbose: false,
    prescan: true,
    stdin: false,
    stdinFilename: undefined,
  };
  forEachFlag(rest, (flag, value, arg) => {
    switch (flag) {
      case '--format':
      case '-f':
        args.format = value();
        if (!FORMAT_NAMES.includes(args.format))
          throw new UsageError(`unknown format "${args.format}" (choose ${FORMAT_NAMES.join(', ')})`);
        break;
      case '--fix':
        args.fix = true;
        break;
      case '--dry-run':
        args.dryRun = true;
        break;
      case '--min-severity': {
        const severity = value();
        if (!SEVERITIES.includes(severity as Severity)) throw new UsageError(`--min-severity must be one of ${SEVERITIES.join(', ')}`);
        args.minSeverity = severity as Severity;
        break;
      }
      case '--jobs':
      case '-j': {
        const jobs = Number(value());
        if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError('--jobs takes a whole number of 1 or more');
        args.jobs = jobs;
        break;
      }
      case '--verbose':
      case '-v':
        args.verbose = true;
        break;
      case '--no-prescan':
        args.prescan = false;
        break;
      case '--stdin-filename':
        args.stdinFilename = value();
        break;
      case '--report-unused-ignores':
        args.reportUnusedIgnores = true;
        break;
      case '--color':
        args.color = true;
        break;
      case '--no-color':
        args.color = false;
        break;
      default:
        if (inputFlag(flag, value, args)) break;
        if (flag.startsWith('-') && flag !== '-') throw new UsageError(`unknown option ${flag}`);
        args.paths.push(arg);
    }
  });
  if (args.dryRun && !args.fix) throw new UsageError('--dry-run only goes with --fix');
  if (args.paths.includes('-')) {
    if (args.paths.length > 1) throw new UsageError('- (standard input) is checked alone, without other paths');
    if (args.fix) throw new UsageError('--fix cannot change standard input');
    args.stdin = true;
  } else if (args.stdinFilename !== undefined) throw new UsageError('--stdin-filename only goes with - (standard input)');
  if (args.paths.length === 0) args.paths.push('.');
  return args;
}

function parseGraphArgs(rest: string[]): GraphArgs {
  const args: GraphArgs = {
    command: 'graph',
    paths: [],
    format: 'mermaid',
    output: undefined,
    variables: {},
    varFiles: [],
    config: undefined,
  };
  forEachFlag(rest, (flag, value, arg) => {
    switch (flag) {
      case '--format':
      case '-f': {
        const format = value();
        if (!(MAP_FORMATS as readonly string[]).includes(format))
          throw new UsageError(`unknown graph format "${format}" (choose ${MAP_FORMATS.join(', ')})`);
        args.format = format as MapFormat;
        break;
      }
      default:
        if (inputFlag(flag, value, args)) break;
        if (flag.startsWith('-')) throw new UsageError(`unknown option ${flag} for graph`);
        args.paths.push(arg);
    }
  });
  if (args.paths.length === 0) args.paths.push('.');
  return args;
}

/** The flags `check` and `graph` share (where to write, configuration and variable values); false for any other. */
function inputFlag(
  flag: string,
  value: () => string,
  args: { output: string | undefined; config: string | undefined; variables: Record<string, string>; varFiles: string[] },
): boolean {
  switch (flag) {
    case '--output':
    case '-o':
      args.output = value();
      return true;
    case '--config':
    case '-c':
      args.config = value();
      return true;
    case '--var': {
      const assignment = value();
      const eq = assignment.indexOf('=');
      if (eq <= 0) throw new UsageError(`--var takes name=value, got "${assignment}"`);
      args.variables[assignment.slice(0, eq)] = assignment.slice(eq + 1);
      return true;
    }
    case '--var-file':
      args.varFiles.push(value());
      return true;
    default:
      return false;
  }
}

/**
 * Calls `handle` for each argument: `--flag=value` is split; `value()` takes the inline value
 * or the next argument (a usage error when there is none).
 */
function forEachFlag(rest: string[], handle: (flag: string, value: () => string, arg: string) => void): void {
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const [flag, inlineValue] =
      arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    handle(
      flag,
      () => {
        const v = inlineValue ?? rest[++i];
        if (v === undefined) throw new UsageError(`${flag} needs a value`);
        return v;
      },
      arg,
    );
  }
}
