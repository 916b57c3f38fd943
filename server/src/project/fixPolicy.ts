import type { FileTextEdit, Finding, Fix } from '../core/types';
import { LineIndex } from '../parse/positions';

/**
 * The one fix policy of the editor's *Fix all* (`source.fixAll.elbLens`) and of
 * `elb-lens check --fix`: which fix of a finding is applied, and which of those go together
 * in one pass. The hosts only say which files may be edited (the editor: the document;
 * the CLI: the checked files, never a plan) and what to do with the result.
 */

/**
 * The fix applied for a finding: its preferred fix, or its only fix unless the rule marks
 * that one `isPreferred: false` (a change the user must ask for, e.g. switching client IP
 * transfer on, or any client-ip-ip-backend fix, which changes what backends receive).
 */
export function fixToApply(finding: Finding): Fix | undefined {
  const preferred = finding.fixes.find((f) => f.isPreferred === true);
  if (preferred) return preferred;
  return finding.fixes.length === 1 && finding.fixes[0].isPreferred !== false ? finding.fixes[0] : undefined;
}

/**
 * True when fix-all / `--fix` applies this fix of the finding, given the files it may edit.
 * (An overlap with another fix only postpones it to the next pass.)
 */
export function isAppliedFix(finding: Finding, fix: Fix, canEdit: (file: string) => boolean): boolean {
  return fix === fixToApply(finding) && editable(fix, canEdit);
}

function editable(fix: Fix, canEdit: (file: string) => boolean): boolean {
  return fix.edits.length > 0 && fix.edits.every((e) => canEdit(e.file));
}

/** An edit as offsets into its file's text. */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/** The overlap rule: sharing any character, or starting at the same place (two insertions there have no defined order). */
export function editsOverlap(a: OffsetEdit, b: OffsetEdit): boolean {
  return a.start === b.start || (a.start < b.end && b.start < a.end);
}

export interface FixSelection {
  /** The fixes taken, in the order of the findings. */
  fixes: Fix[];
  /** Their edits by file, as offsets into the text `textOf` gave. */
  edits: Map<string, OffsetEdit[]>;
  /** Fixes left out because they overlap one already taken; a later pass on re-analysed text may take them. */
  deferred: number;
}

/**
 * One pass of fix-all: each finding's fixToApply, in order, unless it edits a file that
 * `canEdit` refuses or that has no text, or one of its edits overlaps an edit already taken
 * (or another of its own). The same fix reported by two findings is taken once.
 */
export function selectFixes(
  findings: readonly Finding[],
  textOf: (file: string) => string | undefined,
  canEdit: (file: string) => boolean,
): FixSelection {
  const edits = new Map<string, OffsetEdit[]>();
  const indexes = new Map<string, LineIndex | undefined>();
  const indexOf = (file: string): LineIndex | undefined => {
    if (!indexes.has(file)) {
      const text = textOf(file);
      indexes.set(file, text === undefined ? undefined : new LineIndex(text));
    }
    return indexes.get(file);
  };
  const fixes: Fix[] = [];
  let deferred = 0;
  const seen = new Set<string>();
  for (const finding of findings) {
    const fix = fixToApply(finding);
    if (!fix || !editable(fix, canEdit)) continue;
    const key = JSON.stringify(fix.edits);
    if (seen.has(key)) continue;
    seen.add(key);
    const converted: { file: string; edit: OffsetEdit }[] = [];
    for (const edit of fix.edits) {
      const index = indexOf(edit.file);
      if (!index) break;
      converted.push({ file: edit.file, edit: toOffsets(index, edit) });
    }
    if (converted.length < fix.edits.length) continue;
    const clashes = converted.some(
      ({ file, edit }, i) =>
        (edits.get(file) ?? []).some((taken) => editsOverlap(taken, edit)) ||
        converted.slice(0, i).some((other) => other.file === file && editsOverlap(other.edit, edit)),
    );
    if (clashes) {
      deferred++;
      continue;
    }
    for (const { file, edit } of converted) edits.set(file, [...(edits.get(file) ?? []), edit]);
    fixes.push(fix);
  }
  return { fixes, edits, deferred };
}

function toOffsets(index: LineIndex, edit: FileTextEdit): OffsetEdit {
  const start = index.offsetAt(edit.range.start);
  const end = Math.max(start, index.offsetAt(edit.range.end));
  return { start, end, newText: edit.newText };
}

/** Applies non-overlapping offset edits to a text. */
export function applyOffsetEdits(text: string, edits: readonly OffsetEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) {
    result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  }
  return result;
}
