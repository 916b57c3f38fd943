import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Finding, Range, Severity } from '../core/types';
import { isAppliedFix } from '../project/fixPolicy';
import { RULES } from '../rules';
import { firstSentence } from '../rules/support/messages';
import { PSEUDO_RULES } from '../core/pseudoRules';
import { printable, xmlText } from '../core/escape';
import { codequality } from './codequality';
import { atLeast, counted, relativePath, type CheckReport } from './report';

export interface FormatOptions {
  color: boolean;
}

export type Formatter = (report: CheckReport, options: FormatOptions) => string;

const COLORS = {
  error: '\x1b[31m',
  warning: '\x1b[33m',
  information: '\x1b[36m',
  hint: '\x1b[90m',
  dim: '\x1b[2m',
  reset: '\x1b[0m',
  bold: '\x1b[1m',
};

function paint(color: boolean, code: string, text: string): string {
  return color ? `${code}${text}${COLORS.reset}` : text;
}

/** Widest source line shown in a code frame; longer lines (plan JSON) are clipped around the finding. */
const FRAME_WIDTH = 120;

/** Two lines of context, the finding's first line marked, and a caret underline. */
export function codeFrame(text: string, finding: Finding, color: boolean): string {
  const lines = text.split(/\r\n|\r|\n/);
  const { start, end } = finding.range;
  const first = Math.max(0, start.line - 2);
  const last = Math.min(lines.length - 1, start.line + 1);
  const width = String(last + 1).length;
  // One horizontal window for the whole frame, so the caret stays under its column.
  const longest = Math.max(...lines.slice(first, last + 1).map((l) => l.length));
  const from = longest > FRAME_WIDTH ? Math.max(0, start.character - 40) : 0;
  const clip = (line: string) => {
    if (longest <= FRAME_WIDTH) return line;
    const part = line.slice(from, from + FRAME_WIDTH);
    return `${from > 0 && line.length > 0 ? '…' : ''}${part}${line.length > from + FRAME_WIDTH ? '…' : ''}`;
  };
  const lead = longest > FRAME_WIDTH && from > 0 ? 1 : 0;
  const out: string[] = [];
  for (let line = first; line <= last; line++) {
    const marker = line === start.line ? '>' : ' ';
    out.push(`  ${marker} ${String(line + 1).padStart(width)} | ${printable(clip(lines[line]))}`.trimEnd());
    if (line === start.line) {
      const lineEnd = end.line === start.line ? end.character : lines[line].length;
      const visibleEnd = Math.min(lineEnd, from + FRAME_WIDTH);
      const carets = '^'.repeat(Math.max(1, visibleEnd - start.character));
      out.push(`    ${' '.repeat(width)} | ${' '.repeat(start.character - from + lead)}${paint(color, COLORS[finding.severity], carets)}`);
    }
  }
  return out.join('\n');
}

function summary(report: CheckReport): string {
  const count = (severity: Severity) => report.findings.filter((f) => f.severity === severity).length;
  const parts = [
    counted(count('error'), 'error'),
    counted(count('warning'), 'warning'),
    `${count('information')} info`,
    counted(count('hint'), 'hint'),
  ];
  return `${parts.join(', ')} in ${counted(report.fileCount, 'file')} checked`;
}

/** Columns of a message line in the text format (a terminal's 100 or so, less the indent). */
const MESSAGE_WIDTH = 98;

/** The message indented under its location: the problem on a line of its own, the rest wrapped at word boundaries. */
export function messageLines(message: string): string[] {
  const problem = firstSentence(message);
  const lines = [`  ${problem}`];
  let line = '';
  for (const word of message.slice(problem.length).trim().split(/ +/)) {
    if (!word) continue;
    if (line && line.length + 1 + word.length > MESSAGE_WIDTH) {
      lines.push(`  ${line}`);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(`  ${line}`);
  return lines;
}

export const text: Formatter = (report, { color }) => {
  const out: string[] = [];
  for (const finding of report.findings) {
    const where = `${printable(relativePath(report.cwd, finding.file))}:${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
    out.push(
      `${paint(color, COLORS.bold, where)} ${paint(color, COLORS[finding.severity], finding.severity)} ${paint(color, COLORS.dim, finding.ruleId)}`,
    );
    out.push(...messageLines(printable(finding.message)));
    const source = report.readText(finding.file);
    if (source !== undefined) out.push(codeFrame(source, finding, color));
    out.push('');
  }
  out.push(summary(report));
  return out.join('\n') + '\n';
};

export const compact: Formatter = (report) =>
  report.findings
    .map(
      (f) =>
        `${printable(relativePath(report.cwd, f.file))}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} [${f.ruleId}] ${printable(f.message)}`,
    )
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
      // Whether `--fix` (and the editor's fix-all) applies it: the shared fix policy.
      appliedByFix: isAppliedFix(f, fix, report.canFix),
      edits: fix.edits.map((e) =>
        e.file === f.file
          ? { range: e.range, newText: e.newText }
          : { file: relativePath(report.cwd, e.file), range: e.range, newText: e.newText },
      ),
    })),
  }));
  return JSON.stringify({ version: 1, files: report.fileCount, diagnostics }, null, 2) + '\n';
};

// ---------------------------------------------------------------- SARIF 2.1.0

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('');
}

/** First paragraph of a markdown page after its title, as plain text. */
function firstParagraph(markdown: string): string | undefined {
  const paragraphs = markdown
    .replace(/\r\n/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0 && !p.startsWith('#') && !p.startsWith('```') && !p.startsWith('|'));
  const first = paragraphs[0];
  if (!first) return undefined;
  return first
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`/g, '')
    .replace(/\*\*|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])/g, '')
    .replace(/\s+/g, ' ');
}

function sarifRegion(range: Range) {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

function artifactLocation(report: CheckReport, file: string) {
  const relative = path.relative(report.cwd, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return { uri: pathToFileURL(file).href };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

export const sarif: Formatter = (report) => {
  const used = new Set(report.findings.map((f) => f.ruleId));
  const ruleList = [
    ...RULES.map((r) => ({ id: r.meta.id, defaultSeverity: r.meta.defaultSeverity, summary: r.meta.summary })),
    ...PSEUDO_RULES.filter((r) => used.has(r.id)),
  ];
  const index = new Map(ruleList.map((r, i) => [r.id, i]));
  const rules = ruleList.map((r) => {
    const doc = report.tool.readDoc(r.id);
    const helpUri = report.tool.helpUri(r.id);
    return {
      id: r.id,
      name: pascalCase(r.id),
      shortDescription: { text: r.summary },
      fullDescription: { text: (doc && firstParagraph(doc)) ?? r.summary },
      // The help travels in the log itself: there may be no public page to link to.
      help: doc ? { text: doc, markdown: doc } : { text: r.summary, markdown: r.summary },
      ...(helpUri ? { helpUri } : {}),
      defaultConfiguration: { level: SARIF_LEVEL[r.defaultSeverity] },
      properties: { tags: ['terraform', 'load-balancer', 'client-ip'] },
    };
  });
  const results = report.findings.map((f) => {
    const ruleIndex = index.get(f.ruleId);
    return {
      ruleId: f.ruleId,
      ...(ruleIndex !== undefined ? { ruleIndex } : {}),
      level: SARIF_LEVEL[f.severity],
      message: { text: f.message },
      locations: [{ physicalLocation: { artifactLocation: artifactLocation(report, f.file), region: sarifRegion(f.range) } }],
      ...(f.related.length > 0
        ? {
            relatedLocations: f.related.map((r, i) => ({
              id: i + 1,
              physicalLocation: { artifactLocation: artifactLocation(report, r.file), region: sarifRegion(r.range) },
              message: { text: r.message },
            })),
          }
        : {}),
      ...(f.fixes.length > 0
        ? {
            fixes: f.fixes.map((fix) => {
              const byFile = new Map<string, typeof fix.edits>();
              for (const edit of fix.edits) byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
              return {
                description: { text: fix.title },
                artifactChanges: [...byFile].map(([file, edits]) => ({
                  artifactLocation: artifactLocation(report, file),
                  replacements: edits.map((e) => ({ deletedRegion: sarifRegion(e.range), insertedContent: { text: e.newText } })),
                })),
              };
            }),
          }
        : {}),
    };
  });
  const informationUri = report.tool.informationUri;
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ELB Lens',
            ...(informationUri ? { informationUri } : {}),
            version: report.tool.version,
            semanticVersion: report.tool.version,
            rules,
          },
        },
        // No URI for the base: it would be a path on the machine that ran the check (a CI
        // runner's checkout). Code scanning resolves %SRCROOT% against the repository root.
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The folder elb-lens check ran in.' } } },
        columnKind: 'utf16CodeUnits',
        invocations: [{ executionSuccessful: true }],
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};

// ---------------------------------------------------------------- XML formats

const xml = xmlText;

function where(report: CheckReport, f: Finding): string {
  return `${relativePath(report.cwd, f.file)}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
}

/**
 * JUnit XML: one testsuite per checked file, one testcase per rule (rule × file). A rule
 * fails in a file when it has a finding there at or above --min-severity; findings below it
 * are listed in the testcase's system-out and do not fail it.
 */
export const junit: Formatter = (report) => {
  const byFile = new Map<string, Finding[]>();
  for (const file of report.files) byFile.set(file, []);
  for (const f of report.findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const suites: string[] = [];
  let totalTests = 0;
  let totalFailures = 0;
  for (const [file, findings] of [...byFile].sort((a, b) => a[0].localeCompare(b[0]))) {
    const name = relativePath(report.cwd, file);
    const ruleIds = [...report.enabledRules(file)];
    for (const f of findings) if (!ruleIds.includes(f.ruleId)) ruleIds.push(f.ruleId);
    const cases: string[] = [];
    let failures = 0;
    for (const ruleId of ruleIds) {
      const ofRule = findings.filter((f) => f.ruleId === ruleId);
      const failing = ofRule.filter((f) => atLeast(f.severity, report.minSeverity));
      const lines = (list: Finding[]) => list.map((f) => `${where(report, f)} ${f.severity}: ${f.message}`).join('\n');
      let body = '';
      if (failing.length > 0) {
        failures++;
        const message = failing.length === 1 ? failing[0].message : `${failing.length} findings of ${ruleId}`;
        body += `\n      <failure message="${xml(message)}" type="${xml(failing[0].severity)}">${xml(lines(failing))}</failure>`;
      }
      const below = ofRule.filter((f) => !failing.includes(f));
      if (below.length > 0) body += `\n      <system-out>${xml(lines(below))}</system-out>`;
      cases.push(`    <testcase name="${xml(ruleId)}" classname="${xml(name)}"${body ? `>${body}\n    </testcase>` : ' />'}`);
    }
    totalTests += cases.length;
    totalFailures += failures;
    suites.push(
      `  <testsuite name="${xml(name)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0">` +
        (cases.length > 0 ? `\n${cases.join('\n')}\n  </testsuite>` : '</testsuite>'),
    );
  }
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites name="elb-lens" tests="${totalTests}" failures="${totalFailures}" errors="0">\n` +
    suites.map((s) => s + '\n').join('') +
    '</testsuites>\n'
  );
};

const CHECKSTYLE_SEVERITY: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'info', hint: 'info' };

/** Checkstyle XML (as read by Jenkins warnings-ng, reviewdog, GitLab converters): every checked file listed. */
export const checkstyle: Formatter = (report) => {
  const byFile = new Map<string, Finding[]>();
  for (const file of report.files) byFile.set(file, []);
  for (const f of report.findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<checkstyle version="4.3">'];
  for (const [file, findings] of [...byFile].sort((a, b) => a[0].localeCompare(b[0]))) {
    const name = xml(relativePath(report.cwd, file));
    if (findings.length === 0) {
      out.push(`  <file name="${name}" />`);
      continue;
    }
    out.push(`  <file name="${name}">`);
    for (const f of findings) {
      out.push(
        `    <error line="${f.range.start.line + 1}" column="${f.range.start.character + 1}" severity="${CHECKSTYLE_SEVERITY[f.severity]}" message="${xml(f.message)}" source="elb-lens.${xml(f.ruleId)}" />`,
      );
    }
    out.push('  </file>');
  }
  out.push('</checkstyle>');
  return out.join('\n') + '\n';
};

export const FORMATTERS: Record<string, Formatter> = { text, compact, json, sarif, junit, checkstyle, codequality };
