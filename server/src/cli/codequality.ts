import { createHash } from 'crypto';
import type { Severity } from '../core/types';
import { relativePath, type CheckReport } from './report';

/** GitLab's severities: info, minor, major, critical, blocker. A finding never blocks by itself. */
const CODEQUALITY_SEVERITY: Record<Severity, 'major' | 'minor' | 'info'> = {
  error: 'major',
  warning: 'minor',
  information: 'info',
  hint: 'info',
};

/**
 * GitLab Code Quality JSON (a `codequality` report artifact): one issue per finding. The
 * fingerprint leaves the line out, so that a finding keeps its identity when lines above it
 * move and the merge request widget shows it as unchanged; equal findings in one file are
 * told apart by their order.
 */
export function codequality(report: CheckReport): string {
  const seen = new Map<string, number>();
  const issues = report.findings.map((f) => {
    const file = relativePath(report.cwd, f.file);
    const key = [f.ruleId, file, f.message].join('\u0000');
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return {
      type: 'issue',
      check_name: f.ruleId,
      description: f.message,
      severity: CODEQUALITY_SEVERITY[f.severity],
      fingerprint: createHash('sha256').update(`${key}\u0000${occurrence}`).digest('hex'),
      location: { path: file, lines: { begin: f.range.start.line + 1, end: f.range.end.line + 1 } },
    };
  });
  return JSON.stringify(issues, null, 2) + '\n';
}
