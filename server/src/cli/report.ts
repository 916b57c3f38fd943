import * as path from 'path';
import { SEVERITY_ORDER, type Finding, type Severity } from '../core/types';

/** What the tool says about itself in reports (SARIF driver). */
export interface ToolInfo {
  version: string;
  /** Absolute URI of the project's home page, when package.json names one. */
  informationUri: string | undefined;
  /** Absolute URI of a rule's documentation page, when one is known. */
  helpUri(ruleId: string): string | undefined;
  /** The markdown of docs/rules/<id>.md, when shipped. */
  readDoc(ruleId: string): string | undefined;
}

/** What every output format receives. */
export interface CheckReport {
  /** Files checked. */
  fileCount: number;
  /** Absolute paths of the files checked, sorted. */
  files: string[];
  findings: Finding[];
  /** Working directory that paths are shown relative to. */
  cwd: string;
  /** File contents, for code frames. */
  readText(file: string): string | undefined;
  /** Lowest severity that fails the run. */
  minSeverity: Severity;
  /** Ids of the rules that ran on a file (not switched off by its configuration). */
  enabledRules(file: string): string[];
  /** Whether `--fix` may write the file (a checked file, not a plan). */
  canFix(file: string): boolean;
  tool: ToolInfo;
}

export function relativePath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return (relative.startsWith('..') ? file : relative).split(path.sep).join('/');
}

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      a.ruleId.localeCompare(b.ruleId),
  );
}

export function atLeast(severity: Severity, minimum: Severity): boolean {
  return SEVERITY_ORDER[severity] >= SEVERITY_ORDER[minimum];
}

/** `1 error`, `2 errors`, `0 errors`: a count and its noun, singular only for one. */
export function counted(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
