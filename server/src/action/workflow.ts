// The GitHub Actions runner's side of the conversation: inputs from INPUT_* variables,
// outputs and the job summary through the files it names, annotations as workflow commands
// on stdout. Plain functions of the environment, so that tests run them as the runner does.
import { printable } from '../core/escape';
import * as fs from 'fs';

export type Env = Record<string, string | undefined>;

/** An input as the runner passes it: INPUT_<NAME>, spaces turned into _, upper case, hyphens kept. */
export function input(env: Env, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** A list input: one item per line or separated by spaces (paths with spaces go one per line). */
export function listInput(env: Env, name: string): string[] {
  const value = input(env, name);
  if (value === '') return [];
  const lines = value.split(/\r?\n/).map((l) => l.trim());
  return (lines.length > 1 ? lines : value.split(/\s+/)).filter((item) => item !== '');
}

/** A boolean input: true unless it says false (YAML's spellings of it). */
export function booleanInput(env: Env, name: string, fallback: boolean): boolean {
  const value = input(env, name).toLowerCase();
  if (value === '') return fallback;
  return !['false', 'no', 'off', '0'].includes(value);
}

/**
 * Escapes the message of a workflow command (%, CR, LF, as the runner decodes them); other
 * control characters (a terminal escape from a file name) are shown as text (`\u001b`).
 */
function escapeData(text: string): string {
  return printable(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** Escapes a property of a workflow command (also : and ,, which separate properties). */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::error file=…,line=…::message`: an annotation on the file (and on the pull request's diff). */
export function workflowCommand(command: string, properties: Record<string, string | number>, message: string): string {
  const props = Object.entries(properties)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${command}${props ? ` ${props}` : ''}::${escapeData(message)}\n`;
}

/** Appends `name=value` lines to the file in GITHUB_OUTPUT (a value with a line break uses a delimiter). */
export function setOutputs(env: Env, outputs: Record<string, string | number>): void {
  const file = env.GITHUB_OUTPUT;
  if (!file) return;
  const lines = Object.entries(outputs).map(([name, value]) => {
    const text = String(value);
    if (!/[\r\n]/.test(text)) return `${name}=${text}\n`;
    const delimiter = `elb_lens_${Math.random().toString(36).slice(2)}`;
    return `${name}<<${delimiter}\n${text}\n${delimiter}\n`;
  });
  fs.appendFileSync(file, lines.join(''));
}

/** Appends markdown to the job summary (GITHUB_STEP_SUMMARY), when the runner gives one. */
export function appendSummary(env: Env, markdown: string): void {
  const file = env.GITHUB_STEP_SUMMARY;
  if (file) fs.appendFileSync(file, markdown);
}
