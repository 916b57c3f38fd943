import { budgetProblem, closest } from '../project/configValues';
import { DEFAULT_BUDGET } from '../core/budget';
import type { AnalysisBudget } from '../core/options';
import type { Severity } from '../core/types';
import { MAP_FORMATS, type MapFormat } from '../graph';
import { KINDS_CHECKED, UsageError, optionsHelp, unknownOption, type CommandName, type OptionSpec } from './usage';

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
  /** `--fail-on-empty`: exit 1 when the paths hold nothing of a kind ELB Lens checks. */
  failOnEmpty: boolean;
  /** `--budget-seconds`, `--budget-memory-mb`: what one analysis unit may take (over `budget` of `.elb-lens.json`). */
  budget: Partial<AnalysisBudget>;
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
  budget: Partial<AnalysisBudget>;
}

export type CliArgs =
  | CheckArgs
  | GraphArgs
  | { command: 'rules' }
  | { command: 'explain'; ruleId: string }
  | { command: 'help'; of?: CommandName }
  | { command: 'version' };

export { UsageError };

const SEVERITIES: Severity[] = ['hint', 'information', 'warning', 'error'];

export const FORMAT_NAMES = ['text', 'compact', 'json', 'sarif', 'junit', 'checkstyle', 'codequality'];

/** The options `check` and `graph` share: where to write, configuration and variable values. */
const INPUT_OPTIONS: OptionSpec[] = [
  { names: ['--output', '-o'], value: '<file>', help: ['write the report to a file'] },
  {
    names: ['--config', '-c'],
    value: '<file>',
    help: ['use this configuration file for every path', '(default: the nearest .elb-lens.json above each file)'],
  },
  { names: ['--var'], value: '<name=value>', help: ['set a Terraform variable (repeatable)'] },
  {
    names: ['--var-file'],
    value: '<file>',
    help: ['read variables from a tfvars file (repeatable)', '(TF_VAR_<name> environment variables are read too)'],
  },
  {
    names: ['--budget-seconds'],
    value: '<s>',
    help: [
      `seconds one analysis unit may take (default ${DEFAULT_BUDGET.seconds}; budget.seconds`,
      'in .elb-lens.json); a unit over it is reported and the run exits 1',
    ],
  },
  {
    names: ['--budget-memory-mb'],
    value: '<mb>',
    help: [`megabytes one analysis unit may add to the heap (default ${DEFAULT_BUDGET.memoryMb};`, 'budget.memoryMb in .elb-lens.json)'],
  },
];

export const CHECK_OPTIONS: readonly OptionSpec[] = [
  { names: ['--format', '-f'], value: `<${FORMAT_NAMES.join('|')}>`, help: ['output format (default: text)'] },
  ...INPUT_OPTIONS.slice(0, 1),
  {
    names: ['--min-severity'],
    value: '<error|warning|information|hint>',
    help: ['lowest severity that fails the run (default: warning)'],
  },
  ...INPUT_OPTIONS.slice(1),
  { names: ['--fix'], help: ['apply the fixes in place, then report what is left'] },
  { names: ['--dry-run'], help: ['with --fix: print a unified diff, change nothing'] },
  { names: ['--report-unused-ignores'], help: ['report elb-lens-ignore comments that suppress nothing'] },
  {
    names: ['--fail-on-empty'],
    help: ['exit 1 when the paths hold no file of a kind ELB Lens checks', '(without it: a warning on stderr, exit 0)'],
  },
  { names: ['--color'], help: ['force colours on'] },
  { names: ['--no-color'], help: ['force colours off (NO_COLOR in the environment too)'] },
  {
    names: ['--jobs', '-j'],
    value: '<n>',
    help: [
      'threads for independent modules (default: the number of cores',
      'for 10,000 files or more, else one; under 200 files and with',
      '--fix always one; never more than the number of cores)',
    ],
  },
  { names: ['--verbose', '-v'], help: ['print counts (files found, checked, not parsed) and timing on stderr'] },
  { names: ['--no-prescan'], help: ['parse every Terraform file instead of scanning first (same results)'] },
  {
    names: ['--stdin-filename'],
    value: '<name>',
    help: [
      "with - (standard input): the stream's name in reports; its extension",
      'decides what it is (default: Kubernetes YAML named <stdin>)',
    ],
  },
];

export const GRAPH_OPTIONS: readonly OptionSpec[] = [
  {
    names: ['--format', '-f'],
    value: `<${MAP_FORMATS.join('|')}>`,
    help: ['output format (default: mermaid; markdown is Mermaid in', 'a fence with a legend, for a CI job summary)'],
  },
  ...INPUT_OPTIONS,
];

const EXIT_CODES =
  'Exit codes: 0 nothing at or above --min-severity, 2 findings, 1 usage, configuration or internal error\n' +
  '(or, with --fail-on-empty, nothing to check; or the report could not be written: closed pipe, full disk;\n' +
  'or an analysis unit stopped at its budget: its analysis-stopped finding says which).\n';

export const COMMAND_USAGE: Record<CommandName, string> = {
  check: `Usage: elb-lens check [paths...] [options]

Checks ${KINDS_CHECKED} files and folders
(default: .). Kubernetes manifests are recognised by their content (kind: Service).

Options:
${optionsHelp(CHECK_OPTIONS)}

${EXIT_CODES}`,
  graph: `Usage: elb-lens graph [paths...] [options]

Draws where the client address goes: client → load balancer → listener → pool → backend
(default path: .).

Options:
${optionsHelp(GRAPH_OPTIONS)}
`,
  rules: `Usage: elb-lens rules

Lists every id ELB Lens reports, with its default severity and what it means.

Options:
${optionsHelp([])}
`,
  explain: `Usage: elb-lens explain <rule-id>

Prints the documentation of a rule or of another id ELB Lens reports (see "elb-lens rules").

Options:
${optionsHelp([])}
`,
};

export const USAGE = `Usage:
  elb-lens check [paths...] [options]   check ${KINDS_CHECKED.replace('\n', '\n                                        ')}
                                        files and folders (default: .)
  elb-lens check - [options]            check standard input: rendered manifests (helm template …,
                                        kustomize build …), several documents in one stream
  elb-lens graph [paths...] [options]   draw where the client address goes: client → load balancer →
                                        listener → pool → backend (default: .)
  elb-lens rules                        list the rules
  elb-lens explain <rule-id>            print a rule's documentation
  elb-lens <command> --help             the options of a command
  elb-lens -v, --version                print the version

Options for check:
${optionsHelp(CHECK_OPTIONS)}

Options for graph:
${optionsHelp(GRAPH_OPTIONS)}

${EXIT_CODES}`;

/** Whether `rest` asks for the command's help (`--help` or `-h` anywhere before a `--`). */
function wantsHelp(rest: readonly string[]): boolean {
  return rest.some((arg) => arg === '--help' || arg === '-h');
}

export function parseArgs(argv: string[]): CliArgs {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h') return { command: 'help' };
  if (command === 'help') return isCommand(rest[0]) ? { command: 'help', of: rest[0] } : { command: 'help' };
  if (command === '--version' || command === '-v' || command === '-V' || command === 'version') return { command: 'version' };
  if (isCommand(command) && wantsHelp(rest)) return { command: 'help', of: command };
  if (command === 'rules') {
    if (rest.length > 0) throw unknownOrExtra(rest[0], 'rules');
    return { command: 'rules' };
  }
  if (command === 'explain') {
    if (!rest[0]) throw new UsageError('explain needs a rule id', 'explain');
    if (rest[0].startsWith('-')) throw unknownOption(rest[0], 'explain', []);
    return { command: 'explain', ruleId: rest[0] };
  }
  if (command === 'graph') return parseGraphArgs(rest);
  if (command !== 'check') {
    const suggestion = command.startsWith('-')
      ? closest(command, ['--help', '--version'])
      : closest(command, ['check', 'graph', 'rules', 'explain', 'help', 'version']);
    throw new UsageError(
      `unknown ${command.startsWith('-') ? 'option' : 'command'} "${command}"${suggestion ? `; did you mean ${suggestion}?` : ''}`,
    );
  }
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
    failOnEmpty: false,
    budget: {},
  };
  forEachFlag(rest, (flag, value, arg) => {
    switch (flag) {
      case '--format':
      case '-f':
        args.format = value();
        if (!FORMAT_NAMES.includes(args.format))
          throw new UsageError(`unknown format "${args.format}" (choose ${FORMAT_NAMES.join(', ')})`, 'check');
        break;
      case '--fix':
        args.fix = true;
        break;
      case '--dry-run':
        args.dryRun = true;
        break;
      case '--min-severity': {
        const severity = value();
        if (!SEVERITIES.includes(severity as Severity))
          throw new UsageError(`--min-severity must be one of ${SEVERITIES.join(', ')}`, 'check');
        args.minSeverity = severity as Severity;
        break;
      }
      case '--jobs':
      case '-j': {
        const jobs = Number(value());
        if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError('--jobs takes a whole number of 1 or more', 'check');
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
      case '--fail-on-empty':
        args.failOnEmpty = true;
        break;
      case '--color':
        args.color = true;
        break;
      case '--no-color':
        args.color = false;
        break;
      default:
        if (inputFlag(flag, value, args)) break;
        if (flag.startsWith('-') && flag !== '-') throw unknownOption(flag, 'check', CHECK_OPTIONS);
        args.paths.push(arg);
    }
  });
  if (args.dryRun && !args.fix) throw new UsageError('--dry-run only goes with --fix', 'check');
  if (args.paths.includes('-')) {
    if (args.paths.length > 1) throw new UsageError('- (standard input) is checked alone, without other paths', 'check');
    if (args.fix) throw new UsageError('--fix cannot change standard input', 'check');
    args.stdin = true;
  } else if (args.stdinFilename !== undefined) throw new UsageError('--stdin-filename only goes with - (standard input)', 'check');
  if (args.paths.length === 0) args.paths.push('.');
  return args;
}

function isCommand(word: string | undefined): word is CommandName {
  return word === 'check' || word === 'graph' || word === 'rules' || word === 'explain';
}

/** A flag or a stray argument after a command that takes none. */
function unknownOrExtra(arg: string, command: CommandName): UsageError {
  return arg.startsWith('-') ? unknownOption(arg, command, []) : new UsageError(`${command} takes no argument, got "${arg}"`, command);
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
    budget: {},
  };
  forEachFlag(rest, (flag, value, arg) => {
    switch (flag) {
      case '--format':
      case '-f': {
        const format = value();
        if (!(MAP_FORMATS as readonly string[]).includes(format))
          throw new UsageError(`unknown graph format "${format}" (choose ${MAP_FORMATS.join(', ')})`, 'graph');
        args.format = format as MapFormat;
        break;
      }
      default:
        if (inputFlag(flag, value, args)) break;
        if (flag.startsWith('-') && flag !== '-') throw unknownOption(flag, 'graph', GRAPH_OPTIONS);
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
  args: {
    output: string | undefined;
    config: string | undefined;
    variables: Record<string, string>;
    varFiles: string[];
    budget: Partial<AnalysisBudget>;
  },
): boolean {
  switch (flag) {
    case '--budget-seconds':
    case '--budget-memory-mb': {
      const name = flag === '--budget-seconds' ? 'seconds' : 'memoryMb';
      const given = Number(value());
      const problem = budgetProblem(name, given);
      if (problem) throw new UsageError(`${flag} ${problem}`, 'check');
      args.budget[name] = given;
      return true;
    }
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
