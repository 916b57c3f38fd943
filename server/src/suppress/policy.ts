import type { AnalysisOptions, RuleSetting } from '../core/options';
import { IGNORE_COMMENT_RULE_ID, INLINE_IGNORE_RULE_ID, UNUSED_IGNORE_RULE_ID } from '../core/options';
import { PSEUDO_RULES } from '../core/pseudoRules';
import type { FileTextEdit, Finding, Range, Severity } from '../core/types';
import { removeLines } from '../fixes/edits';
import type { ConfigFile } from '../parse/config';
import { applySuppressions, collectSuppressions, ignoreCommentFindings, type Suppression } from './suppress';

/**
 * What the user asked to see, applied once to the rules' findings for every host and every
 * kind of source: rule settings (`off`, severities) from the configuration, the editor's
 * settings and the command line, then inline `elb-lens-ignore` comments (or, where they are
 * not allowed, a finding for each), and the comments that suppress nothing.
 */

export type PolicyOptions = Pick<AnalysisOptions, 'rules' | 'allowInlineIgnores' | 'reportUnusedIgnores'>;

/** What the policy needs from above: the docs, and the rule ids there are (for `ignore-comment`). */
export interface PolicyContext {
  /** Base for docs links. */
  docsBase: string;
  knownIds: readonly string[];
  closest: (word: string, candidates: string[]) => string | undefined;
}

/** Findings of rules set to "off" are dropped; a severity set for a rule replaces its default. */
export function withRuleSettings(findings: Finding[], settings: Record<string, RuleSetting> = {}): Finding[] {
  const out: Finding[] = [];
  for (const finding of findings) {
    const setting = settings[finding.ruleId];
    if (setting === 'off') continue;
    out.push(setting ? { ...finding, severity: setting } : finding);
  }
  return out;
}

/** Rule settings, then the suppression comments (when they are allowed); marks the comments used. */
export function shownFindings(findings: Finding[], suppressions: Suppression[], options: PolicyOptions): Finding[] {
  const shown = withRuleSettings(findings, options.rules);
  return options.allowInlineIgnores !== false ? applySuppressions(shown, suppressions) : shown;
}

/**
 * The findings of one file as the user sees them: `findings` are the rules' findings in the
 * file, with their default severities. Adds an `inline-ignore` finding for each suppression
 * comment where they are not allowed, and (with `reportUnusedIgnores`) an `unused-ignore`
 * finding for each comment that suppresses nothing, and an `ignore-comment` finding for each
 * malformed comment or unknown rule id in one.
 */
export function fileFindings(file: ConfigFile, findings: Finding[], options: PolicyOptions, context: PolicyContext): Finding[] {
  const { docsBase } = context;
  const settings = options.rules ?? {};
  const allowInline = options.allowInlineIgnores !== false;
  const suppressions = collectSuppressions(file);
  const shown = shownFindings(findings, suppressions, options);
  if (!allowInline && settings[INLINE_IGNORE_RULE_ID] !== 'off') {
    // Suppressions are not allowed, so each comment is itself a finding.
    for (const s of suppressions) {
      shown.push({
        ruleId: INLINE_IGNORE_RULE_ID,
        severity: severityOf(INLINE_IGNORE_RULE_ID, settings),
        message: `Inline suppressions are not allowed here (allowInlineIgnores is false): this elb-lens-ignore comment (${s.ruleIds.join(', ')}) is not honoured.`,
        file: file.path,
        range: s.comment,
        related: [],
        fixes: [],
        docsUrl: `${docsBase}README.md`,
      });
    }
  }
  if (settings[IGNORE_COMMENT_RULE_ID] !== 'off') {
    shown.push(
      ...ignoreCommentFindings(file, {
        knownIds: context.knownIds,
        closest: context.closest,
        severity: severityOf(IGNORE_COMMENT_RULE_ID, settings),
        docsUrl: `${docsBase}README.md`,
      }),
    );
  }
  if (options.reportUnusedIgnores && allowInline && settings[UNUSED_IGNORE_RULE_ID] !== 'off') {
    for (const s of suppressions.filter((x) => !x.used)) {
      shown.push({
        ruleId: UNUSED_IGNORE_RULE_ID,
        severity: severityOf(UNUSED_IGNORE_RULE_ID, settings),
        message: `This elb-lens-ignore comment suppresses nothing (${s.ruleIds.join(', ')}).`,
        file: file.path,
        range: s.comment,
        related: [],
        fixes: [{ title: 'Remove the unused elb-lens-ignore comment', edits: commentRemovalEdits(file, s.comment) }],
        docsUrl: `${docsBase}README.md`,
        unusedSuppression: true,
      });
    }
  }
  return shown;
}

/** A pseudo rule's severity: as set, else its default. */
function severityOf(ruleId: string, settings: Record<string, RuleSetting>): Severity {
  const setting = settings[ruleId];
  if (setting && setting !== 'off') return setting;
  return PSEUDO_RULES.find((r) => r.id === ruleId)?.defaultSeverity ?? 'warning';
}

/**
 * A comment alone on its line(s) goes with its whole lines (realigning the attributes
 * around them, see removeLines); a trailing one with the space before it.
 */
function commentRemovalEdits(file: ConfigFile, comment: Range): FileTextEdit[] {
  const { lines } = file;
  const lineStart = lines.lineStart(comment.start.line);
  const start = lines.offsetAt(comment.start);
  const end = lines.offsetAt(comment.end);
  const lineEnd = lines.lineEnd(comment.end.line);
  const before = file.text.slice(lineStart, start);
  const after = file.text.slice(end, lineEnd);
  if (before.trim() === '' && after.trim() === '') return removeLines(file, comment.start.line, comment.end.line);
  const spaces = /[ \t]*$/.exec(before)?.[0].length ?? 0;
  return [{ file: file.path, range: lines.range(start - spaces, after.trim() === '' ? lineEnd : end), newText: '' }];
}
