import type { Finding, Fix, Range } from '../core/types';
import { insertLineBefore } from '../fixes/edits';
import type { ConfigBlock, ConfigFile } from '../parse/config';

/**
 * Inline suppressions:
 *   # elb-lens-ignore: rule-a, rule-b # reason      (line above a finding, or a block's first line)
 *   # elb-lens-ignore: rule-a -- reason              (the older reason separator)
 *   # elb-lens-ignore: all                           (every rule; TFLint's forms)
 *   # elb-lens-ignore-file: rule-a                   (among the first comment lines of a file)
 * `//` works as well as `#`. A comment that names no id, or an id no rule has, suppresses
 * nothing for that id: {@link ignoreCommentProblems} says so.
 */

/** The id that matches every rule. */
export const ALL_RULES = 'all';

export interface Suppression {
  ruleIds: string[];
  /** Lines whose findings it covers. */
  fromLine: number;
  toLine: number;
  comment: Range;
  fileWide: boolean;
  used: boolean;
}

/** A comment that starts like an ignore comment; `rest` is what follows the keyword. */
const DIRECTIVE = /^(?:#|\/\/|\/\*)\s*elb-lens-ignore(-file)?(?![\w-])([^\n]*?)(?:\*\/)?\s*$/;
/** Where the reason starts: ` # reason` (TFLint), `-- reason` or `// reason`. */
const REASON = /\s*#|\s*--|\s*\/\//;

interface RuleIdAt {
  id: string;
  /** Offset of the id in the comment's text. */
  offset: number;
}

type Directive = { fileWide: boolean; ruleIds: RuleIdAt[] } | { malformed: string };

function parseDirective(text: string): Directive | undefined {
  const match = DIRECTIVE.exec(text.trim());
  if (!match) return undefined;
  const fileWide = match[1] === '-file';
  const colon = /^\s*:/.exec(match[2]);
  if (!colon) return { malformed: `a colon after elb-lens-ignore${fileWide ? '-file' : ''}` };
  // What follows the keyword starts at the same place in the comment's own text.
  const idsStart = text.indexOf('elb-lens-ignore') + `elb-lens-ignore${fileWide ? '-file' : ''}`.length + colon[0].length;
  let idsText = text.slice(idsStart).replace(/\*\/\s*$/, '');
  const reason = REASON.exec(idsText);
  if (reason) idsText = idsText.slice(0, reason.index);
  const ruleIds: RuleIdAt[] = [];
  for (const found of idsText.matchAll(/[^\s,]+/g)) ruleIds.push({ id: found[0], offset: idsStart + (found.index ?? 0) });
  if (ruleIds.length === 0) return { malformed: 'a rule id (or `all`) after the colon' };
  return { fileWide, ruleIds };
}

/** Whether a suppression's ids cover `ruleId`. */
export function suppresses(ruleIds: readonly string[], ruleId: string): boolean {
  return ruleIds.includes(ruleId) || ruleIds.includes(ALL_RULES);
}

/** What is wrong with an ignore comment: it is malformed, or names an id no rule has. */
export interface IgnoreCommentProblem {
  range: Range;
  /** The comment as a whole. */
  comment: Range;
  /** Set for an unknown id. */
  unknownId?: string;
  /** The known id it is probably meant to be. */
  suggestion?: string;
  /** Set for a malformed comment: what it lacks. */
  lacks?: string;
}

/**
 * The ignore comments of `file` that are malformed or name an id that is not in `knownIds`
 * (with the closest known id, found by `closest`).
 */
export function ignoreCommentProblems(
  file: ConfigFile,
  knownIds: readonly string[],
  closest: (word: string, candidates: string[]) => string | undefined,
): IgnoreCommentProblem[] {
  const problems: IgnoreCommentProblem[] = [];
  for (const comment of file.comments) {
    const directive = parseDirective(comment.text);
    if (!directive) continue;
    if ('malformed' in directive) {
      problems.push({ range: comment.range, comment: comment.range, lacks: directive.malformed });
      continue;
    }
    for (const { id, offset } of directive.ruleIds) {
      if (id === ALL_RULES || knownIds.includes(id)) continue;
      const oneLine = comment.range.start.line === comment.range.end.line;
      const start = { line: comment.range.start.line, character: comment.range.start.character + offset };
      const range = oneLine ? { start, end: { line: start.line, character: start.character + id.length } } : comment.range;
      problems.push({ range, comment: comment.range, unknownId: id, suggestion: closest(id, [...knownIds]) });
    }
  }
  return problems;
}

export function collectSuppressions(file: ConfigFile): Suppression[] {
  const suppressions: Suppression[] = [];
  const firstCodeLine = firstNonCommentLine(file);
  for (const comment of file.comments) {
    const parsed = parseDirective(comment.text);
    if (!parsed || 'malformed' in parsed) continue;
    const directive = { fileWide: parsed.fileWide, ruleIds: parsed.ruleIds.map((r) => r.id) };
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
    const match = suppressions.find((s) => suppresses(s.ruleIds, finding.ruleId) && line >= s.fromLine && line <= s.toLine);
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

/**
 * `ignore-comment` findings: an ignore comment that is malformed, or names an id no rule has
 * (it suppresses nothing for that id, which would otherwise go unnoticed).
 */
export function ignoreCommentFindings(
  file: ConfigFile,
  context: {
    knownIds: readonly string[];
    closest: (word: string, candidates: string[]) => string | undefined;
    severity: Finding['severity'];
    docsUrl: string;
  },
): Finding[] {
  return ignoreCommentProblems(file, context.knownIds, context.closest).map((problem) => {
    const base = {
      ruleId: 'ignore-comment',
      severity: context.severity,
      file: file.path,
      range: problem.range,
      related: [],
      docsUrl: context.docsUrl,
    };
    if (problem.unknownId === undefined) {
      return {
        ...base,
        message:
          `This elb-lens-ignore comment lacks ${problem.lacks ?? 'a rule id'}, so it suppresses nothing. ` +
          'Write `# elb-lens-ignore: <rule-id> # reason` (several ids separated by commas, or `all`).',
        fixes: [],
      };
    }
    const { unknownId, suggestion } = problem;
    return {
      ...base,
      message:
        `No rule has the id \`${unknownId}\`, so this ignore comment suppresses nothing for it. ` +
        (suggestion ? `Did you mean \`${suggestion}\`?` : '`elb-lens rules` lists the ids.'),
      // The id's own range (a one-line comment): the fix replaces just the id.
      fixes:
        suggestion && problem.range !== problem.comment
          ? [
              {
                title: `Change it to ${suggestion}`,
                edits: [{ file: file.path, range: problem.range, newText: suggestion }],
                isPreferred: true,
              },
            ]
          : [],
    };
  });
}
