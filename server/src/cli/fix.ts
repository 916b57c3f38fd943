import type { Finding } from '../core/types';
import type { ElbLensService } from '../service/api';
import { CheckError } from './io';
import { writeFailure, writeOutput } from './output';
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

/** `--fix` re-analyses and applies again until nothing changes, at most this often. */
export const MAX_FIX_PASSES = 10;

export interface FixResult {
  findings: Finding[];
  applied: number;
  /** Text before the first fix, of every file that changed. */
  originals: Map<string, string>;
}

/**
 * Applies fixes pass after pass (overlapping ones wait for the next pass, on re-analysed
 * text) until nothing changes. Real runs write each file atomically; dry runs keep the new
 * texts as open documents of the service, so the next pass and the diff see them.
 */
export function fixAll(
  service: ElbLensService,
  analyzeAll: (progress: boolean) => Finding[],
  canEdit: (file: string) => boolean,
  dryRun: boolean,
): FixResult {
  const originals = new Map<string, string>();
  let applied = 0;
  let findings = analyzeAll(true);
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const selection = applyFixes(findings, (file) => service.documentText(file), canEdit);
    if (selection.changed.size === 0) break;
    for (const [file, text] of selection.changed) {
      if (!originals.has(file)) originals.set(file, service.documentText(file) ?? '');
      if (dryRun) service.openDocument(file, text);
      else {
        try {
          writeOutput(file, text);
        } catch (error) {
          throw new CheckError(`cannot write the fixes to ${file}: ${writeFailure(error)}`);
        }
        service.fileChanged(file);
      }
    }
    applied += selection.applied;
    findings = analyzeAll(false);
  }
  // Files a later pass changed back to what they were: nothing to show.
  for (const [file, original] of originals) if (service.documentText(file) === original) originals.delete(file);
  return { findings, applied, originals };
}
