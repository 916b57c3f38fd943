import type { FileTextEdit, Finding, Fix } from '../core/types';
import { LineIndex } from '../parse/positions';

/**
 * `--fix`: choosing one fix per finding and applying the ones whose edits do not overlap.
 * What is skipped in one pass is tried again in the next, on re-analysed text.
 */

/**
 * The fix `--fix` applies for a finding: its preferred fix, or its only fix unless the rule
 * marks that one `isPreferred: false` (a change the user must ask for, e.g. switching
 * client IP transfer on, which changes what backends and their security groups see).
 */
export function chooseFix(finding: Finding): Fix | undefined {
  const preferred = finding.fixes.find((f) => f.isPreferred === true);
  if (preferred) return preferred;
  return finding.fixes.length === 1 && finding.fixes[0].isPreferred !== false ? finding.fixes[0] : undefined;
}

interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

function overlaps(a: OffsetEdit, b: OffsetEdit): boolean {
  // Two edits at the same place (e.g. two insertions) have no defined order: overlap.
  return a.start === b.start || (a.start < b.end && b.start < a.end);
}

export interface FixSelection {
  /** New text of each file that changes. */
  changed: Map<string, string>;
  /** Number of fixes applied. */
  applied: number;
  /** Fixes left for a later pass because they overlap one already taken. */
  deferred: number;
}

/**
 * Picks non-overlapping fixes among the findings and applies them to the texts.
 * `canEdit` says whether a file may be written (fixes touching any other file are skipped).
 */
export function applyFixes(
  findings: Finding[],
  textOf: (file: string) => string | undefined,
  canEdit: (file: string) => boolean,
): FixSelection {
  const taken = new Map<string, OffsetEdit[]>();
  const indexes = new Map<string, LineIndex>();
  const indexOf = (file: string): LineIndex | undefined => {
    let index = indexes.get(file);
    if (!index) {
      const text = textOf(file);
      if (text === undefined) return undefined;
      index = new LineIndex(text);
      indexes.set(file, index);
    }
    return index;
  };
  let applied = 0;
  let deferred = 0;
  const seen = new Set<string>();
  for (const finding of findings) {
    const fix = chooseFix(finding);
    if (!fix || fix.edits.length === 0) continue;
    // The same fix reported twice (two findings, one edit) is applied once.
    const key = JSON.stringify(fix.edits);
    if (seen.has(key)) continue;
    seen.add(key);
    const converted: { file: string; edit: OffsetEdit }[] = [];
    let usable = true;
    for (const edit of fix.edits) {
      const index = canEdit(edit.file) ? indexOf(edit.file) : undefined;
      if (!index) {
        usable = false;
        break;
      }
      converted.push({ file: edit.file, edit: toOffsets(index, edit) });
    }
    if (!usable) continue;
    const clashes = converted.some(({ file, edit }, i) => {
      const sameFix = converted.slice(0, i).filter((c) => c.file === file);
      return (taken.get(file) ?? []).some((t) => overlaps(t, edit)) || sameFix.some((c) => overlaps(c.edit, edit));
    });
    if (clashes) {
      deferred++;
      continue;
    }
    for (const { file, edit } of converted) taken.set(file, [...(taken.get(file) ?? []), edit]);
    applied++;
  }
  const changed = new Map<string, string>();
  for (const [file, edits] of taken) {
    const text = textOf(file);
    if (text === undefined) continue;
    const next = applyOffsetEdits(text, edits);
    if (next !== text) changed.set(file, next);
  }
  return { changed, applied, deferred };
}

function toOffsets(index: LineIndex, edit: FileTextEdit): OffsetEdit {
  const start = index.offsetAt(edit.range.start);
  const end = Math.max(start, index.offsetAt(edit.range.end));
  return { start, end, newText: edit.newText };
}

function applyOffsetEdits(text: string, edits: OffsetEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) {
    result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  }
  return result;
}
