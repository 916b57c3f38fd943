import * as path from 'path';
import { SEVERITY_ORDER, type Finding, type Severity } from '../core/types';

/** What every output format receives. */
export interface CheckReport {
  /** Files checked. */
  fileCount: number;
  findings: Finding[];
  /** Working directory that paths are shown relative to. */
  cwd: string;
  /** File contents, for code frames. */
  readText(file: string): string | undefined;
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
