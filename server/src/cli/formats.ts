import type { Finding } from '../core/types';
import { relativePath, type CheckReport } from './report';

export type Formatter = (report: CheckReport, options: { color: boolean }) => string;

const COLORS = { error: '\x1b[31m', warning: '\x1b[33m', information: '\x1b[36m', hint: '\x1b[90m', dim: '\x1b[2m', reset: '\x1b[0m', bold: '\x1b[1m' };

function paint(color: boolean, code: string, text: string): string {
  return color ? `${code}${text}${COLORS.reset}` : text;
}

/** Two lines of context, the finding's first line marked, and a caret underline. */
export function codeFrame(text: string, finding: Finding, color: boolean): string {
  const lines = text.split(/\r?\n/);
  const { start, end } = finding.range;
  const first = Math.max(0, start.line - 2);
  const last = Math.min(lines.length - 1, start.line + 1);
  const width = String(last + 1).length;
  const out: string[] = [];
  for (let line = first; line <= last; line++) {
    const marker = line === start.line ? '>' : ' ';
    out.push(`  ${marker} ${String(line + 1).padStart(width)} | ${lines[line]}`);
    if (line === start.line) {
      const underlineEnd = end.line === start.line ? end.character : lines[line].length;
      const carets = '^'.repeat(Math.max(1, underlineEnd - start.character));
      out.push(`    ${' '.repeat(width)} | ${' '.repeat(start.character)}${paint(color, COLORS[finding.severity], carets)}`);
    }
  }
  return out.join('\n');
}

function summary(report: CheckReport): string {
  const count = (severity: Finding['severity']) => report.findings.filter((f) => f.severity === severity).length;
  const parts = [`${count('error')} error(s)`, `${count('warning')} warning(s)`, `${count('information')} info`, `${count('hint')} hint(s)`];
  return `${parts.join(', ')} in ${report.fileCount} file(s) checked`;
}

export const text: Formatter = (report, { color }) => {
  const out: string[] = [];
  for (const finding of report.findings) {
    const where = `${relativePath(report.cwd, finding.file)}:${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
    out.push(`${paint(color, COLORS.bold, where)} ${paint(color, COLORS[finding.severity], finding.severity)} ${paint(color, COLORS.dim, finding.ruleId)}`);
    out.push(`  ${finding.message}`);
    const source = report.readText(finding.file);
    if (source !== undefined) out.push(codeFrame(source, finding, color));
    out.push('');
  }
  out.push(summary(report));
  return out.join('\n') + '\n';
};

export const compact: Formatter = (report) =>
  report.findings
    .map((f) => `${relativePath(report.cwd, f.file)}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} [${f.ruleId}] ${f.message}`)
    .join('\n') + (report.findings.length > 0 ? '\n' : '');

export const json: Formatter = (report) => {
  const diagnostics = report.findings.map((f) => ({
    file: relativePath(report.cwd, f.file),
    range: f.range,
    severity: f.severity,
    ruleId: f.ruleId,
    message: f.message,
    fixes: f.fixes.map((fix) => ({
      title: fix.title,
      edits: fix.edits.map((e) => (e.file === f.file ? { range: e.range, newText: e.newText } : { file: relativePath(report.cwd, e.file), range: e.range, newText: e.newText })),
    })),
  }));
  return JSON.stringify({ version: 1, files: report.fileCount, diagnostics }, null, 2) + '\n';
};

export const FORMATTERS: Record<string, Formatter> = { text, compact, json };
