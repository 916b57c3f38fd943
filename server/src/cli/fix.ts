import type { Finding } from '../core/types';
import { applyOffsetEdits, selectFixes } from '../project/fixPolicy';

/**
 * `--fix`: one pass of the shared fix policy (project/fixPolicy.ts), applied to the texts.
 * What is skipped in one pass is tried again in the next, on re-analysed text.
 */

export interface FixPass {
  /** New text of each file that changes. */
  changed: Map<string, string>;
  /** Number of fixes applied. */
  applied: number;
  /** Fixes left for a later pass because they overlap one already taken. */
  deferred: number;
}

/**
 * Picks the fixes fix-all takes among the findings and applies them to the texts.
 * `canEdit` says whether a file may be written (fixes touching any other file are skipped).
 */
export function applyFixes(findings: Finding[], textOf: (file: string) => string | undefined, canEdit: (file: string) => boolean): FixPass {
  const selection = selectFixes(findings, textOf, canEdit);
  const changed = new Map<string, string>();
  for (const [file, edits] of selection.edits) {
    const text = textOf(file);
    if (text === undefined) continue;
    const next = applyOffsetEdits(text, edits);
    if (next !== text) changed.set(file, next);
  }
  return { changed, applied: selection.fixes.length, deferred: selection.deferred };
}
