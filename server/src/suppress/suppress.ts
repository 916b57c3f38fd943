import type { Finding, Fix, Range } from '../core/types';
import { insertLineBefore } from '../fixes/edits';
import type { ConfigBlock, ConfigFile } from '../parse/config';

/**
 * Inline suppressions:
 *   # elb-lens-ignore: rule-a, rule-b -- reason     (line above a finding, or a block's first line)
 *   # elb-lens-ignore-file: rule-a                   (among the first comment lines of a file)
 * `//` works as well as `#`.
 */

export interface Suppression {
  ruleIds: string[];
  /** Lines whose findings it covers. */
  fromLine: number;
  toLine: number;
  comment: Range;
  fileWide: boolean;
  used: boolean;
}

const DIRECTIVE = /^(?:#|\/\/|\/\*)\s*elb-lens-ignore(-file)?\s*:\s*([^\n]*?)(?:\*\/)?\s*$/;

function parseDirective(text: string): { fileWide: boolean; ruleIds: string[] } | undefined {
  const match = DIRECTIVE.exec(text.trim());
  if (!match) return undefined;
  const [idsPart] = match[2].split('--');
  const ruleIds = idsPart
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  return ruleIds.length > 0 ? { fileWide: match[1] === '-file', ruleIds } : undefined;
}

export function collectSuppressions(file: ConfigFile): Suppression[] {
  const suppressions: Suppression[] = [];
  const firstCodeLine = firstNonCommentLine(file);
  for (const comment of file.comments) {
    const directive = parseDirective(comment.text);
    if (!directive) continue;
    const line = comment.range.start.line;
    if (directive.fileWide) {
      if (line <= firstCodeLine) {
        suppressions.push({
          ruleIds: directive.ruleIds,
          fromLine: 0,
          toLine: Number.MAX_SAFE_INTEGER,
          comment: comment.range,
          fileWide: true,
          used: false,
        });
      }
      continue;
    }
    // On a block's first line, or on the line just above a block: the whole block.
    const block = blockStartingAt(file.blocks, line) ?? blockStartingAt(file.blocks, line + 1);
    const isOwnLine = file.lines.lineText(line).slice(0, comment.range.start.character).trim() === '';
    if (block && (isOwnLine ? block.range.start.line === line + 1 : block.range.start.line === line)) {
      suppressions.push({
        ruleIds: directive.ruleIds,
        fromLine: block.range.start.line,
        toLine: block.range.end.line,
        comment: comment.range,
        fileWide: false,
        used: false,
      });
    } else {
      // A comment on its own line covers the next line; a trailing one, its own line.
      const target = isOwnLine ? line + 1 : line;
      suppressions.push({
        ruleIds: directive.ruleIds,
        fromLine: target,
        toLine: target,
        comment: comment.range,
        fileWide: false,
        used: false,
      });
    }
  }
  return suppressions;
}

function blockStartingAt(blocks: ConfigBlock[], line: number): ConfigBlock | undefined {
  for (const block of blocks) {
    if (block.range.start.line === line) return block;
    if (block.range.start.line < line && line <= block.range.end.line) return blockStartingAt(block.blocks, line);
  }
  return undefined;
}

function firstNonCommentLine(file: ConfigFile): number {
  const starts = file.blocks.map((b) => b.range.start.line);
  for (const attribute of file.attributes.values()) starts.push(attribute.range.start.line);
  return starts.length > 0 ? Math.min(...starts) : Number.MAX_SAFE_INTEGER;
}

/** Drops suppressed findings and marks the suppressions used. */
export function applySuppressions(findings: Finding[], suppressions: Suppression[]): Finding[] {
  return findings.filter((finding) => {
    const line = finding.range.start.line;
    const match = suppressions.find((s) => s.ruleIds.includes(finding.ruleId) && line >= s.fromLine && line <= s.toLine);
    if (match) match.used = true;
    return !match;
  });
}

/** An edit that puts `# elb-lens-ignore: <rule> -- reason` above the finding's line. */
export function suppressionFix(file: ConfigFile, finding: Finding): Fix | undefined {
  const marker = file.format === 'hcl' || file.format === 'yaml' ? '#' : file.format === 'tfjson' ? undefined : '//';
  if (!marker) return undefined;
  const line = finding.range.start.line;
  const indent = /^[ \t]*/.exec(file.lines.lineText(line))?.[0] ?? '';
  return {
    title: `Ignore ${finding.ruleId} here`,
    edits: insertLineBefore(file, line, `${indent}${marker} elb-lens-ignore: ${finding.ruleId} -- reason`),
  };
}
