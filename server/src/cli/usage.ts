import { closest } from '../project/configValues';

/**
 * The options of each command, as one table: the parser looks flags up in it, the help is
 * printed from it and a mistyped flag is matched against it, so the three cannot disagree.
 */
export interface OptionSpec {
  /** Long name first (`--format`), then its short form if any (`-f`). */
  names: readonly string[];
  /** Placeholder of its value (`<file>`); none for a switch. */
  value?: string;
  /** Lines of the help text. */
  help: readonly string[];
}

export type CommandName = 'check' | 'graph' | 'rules' | 'explain';

/** A mistake on the command line; `command` picks the help printed with it. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: CommandName,
  ) {
    super(message);
  }
}

/** `-h` / `--help`, accepted by every command. */
export const HELP_OPTION: OptionSpec = { names: ['--help', '-h'], help: ['print this help'] };

export function optionNames(options: readonly OptionSpec[]): string[] {
  return options.flatMap((o) => o.names);
}

/** The usage error for a flag no option of the command has, with the nearest one if close. */
export function unknownOption(flag: string, command: CommandName, options: readonly OptionSpec[]): UsageError {
  const suggestion = closest(
    flag,
    optionNames([...options, HELP_OPTION]).filter((name) => name.startsWith('--')),
  );
  return new UsageError(`unknown option ${flag} for ${command}${suggestion ? `; did you mean ${suggestion}?` : ''}`, command);
}

const COLUMN = 40;

/** Options as help lines: `  -f, --format <…>   text`, the text below when the names are long. */
export function optionsHelp(options: readonly OptionSpec[]): string {
  const lines: string[] = [];
  for (const option of [...options, HELP_OPTION]) {
    const [long, short] = option.names;
    const names = `  ${short ? `${short}, ` : '    '}${long}${option.value ? ` ${option.value}` : ''}`;
    const [first, ...more] = option.help;
    if (names.length < COLUMN) lines.push(`${names.padEnd(COLUMN)}${first}`);
    else lines.push(names, `${' '.repeat(COLUMN)}${first}`);
    for (const line of more) lines.push(`${' '.repeat(COLUMN)}${line}`);
  }
  return lines.join('\n');
}

export const KINDS_CHECKED =
  'Terraform and OpenTofu (.tf, .tf.json, .tofu, .tofu.json), ELB API JSON (*.elb.json),\nTerraform plan JSON, Kubernetes Service YAML, kustomize overlays and Helm charts';

/** The same kinds, for "none of them was found". */
export const KINDS_FOUND = 'Terraform, ELB API JSON, plan JSON or Kubernetes Service YAML';

/** The warning for a check that found nothing to check (a CI job pointed at the wrong folder passes silently otherwise). */
export function nothingFound(paths: readonly string[]): string {
  return (
    `nothing to check under ${paths.join(', ')}: no ${KINDS_FOUND} file found ` +
    '(ELB API JSON is read from *.elb.json unless .elb-lens.json "json.files" names other files)'
  );
}
