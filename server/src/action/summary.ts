// The job summary: counts, a table of the findings and the client IP map (Mermaid, which
// GitHub renders in the summary).
import { markdownText } from '../core/escape';
import type { Range, Severity } from '../core/types';

/** A diagnostic of `elb-lens check --format json` (0-based positions). */
export interface JsonDiagnostic {
  file: string;
  range: Range;
  severity: Severity;
  ruleId: string;
  message: string;
}

/** Rows beyond this go to the report file only: a summary is limited to 1 MiB. */
const MAX_ROWS = 200;
/** A larger map is left out for the same reason. */
const MAX_MAP_CHARS = 400_000;

const ICON: Record<Severity, string> = { error: '🔴 error', warning: '🟡 warning', information: '🔵 information', hint: '⚪ hint' };

/** Text in a table cell: no column break, no line break, no HTML, link, image or mention (names come from the files). */
const cell = markdownText;

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function findingsSummary(diagnostics: JsonDiagnostic[], exitCode: number, map: string | undefined): string {
  const count = (severity: Severity) => diagnostics.filter((d) => d.severity === severity).length;
  const out = ['## ELB Lens', ''];
  out.push(
    diagnostics.length === 0
      ? 'No findings.'
      : `${plural(count('error'), 'error', 'errors')}, ${plural(count('warning'), 'warning', 'warnings')}, ${count('information')} information, ${plural(count('hint'), 'hint', 'hints')}` +
          (exitCode === 0 ? ' (none at or above the failing severity).' : '.'),
    '',
  );
  if (diagnostics.length > 0) {
    out.push('| where | severity | rule | finding |', '|---|---|---|---|');
    for (const d of diagnostics.slice(0, MAX_ROWS)) {
      out.push(
        `| \`${cell(`${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1}`)}\` | ${ICON[d.severity]} | \`${d.ruleId}\` | ${cell(d.message)} |`,
      );
    }
    if (diagnostics.length > MAX_ROWS) out.push('', `… and ${diagnostics.length - MAX_ROWS} more in the report file.`);
    out.push('');
  }
  if (map !== undefined && map.trim() !== '') {
    out.push('### Client IP map', '');
    out.push(
      map.length <= MAX_MAP_CHARS
        ? map.trimEnd()
        : `The map is too large for a job summary (${map.length} characters): run \`elb-lens graph\` locally.`,
    );
    out.push('');
  }
  return out.join('\n') + '\n';
}
