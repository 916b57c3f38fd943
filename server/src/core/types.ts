/**
 * Types the analysis core hands to its hosts (LSP adapter, CLI, tests).
 * They mirror LSP shapes (0-based lines, UTF-16 characters) so conversion is trivial,
 * but the core never depends on the LSP libraries.
 */

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export const SEVERITY_ORDER: Record<Severity, number> = {
  hint: 0,
  information: 1,
  warning: 2,
  error: 3,
};

export interface TextEdit {
  range: Range;
  newText: string;
}

/** An edit in a named file (usually the finding's own). */
export interface FileTextEdit extends TextEdit {
  file: string;
}

export interface Fix {
  title: string;
  edits: FileTextEdit[];
  /** The obvious fix for this finding (shown first, used by "fix all"). */
  isPreferred?: boolean;
}

export interface RelatedLocation {
  file: string;
  range: Range;
  message: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** Absolute path of the file the finding is in. */
  file: string;
  range: Range;
  related: RelatedLocation[];
  fixes: Fix[];
  docsUrl: string;
  /** Set on findings that report an inline suppression comment that suppresses nothing. */
  unusedSuppression?: boolean;
}

export interface HoverResult {
  markdown: string;
  range: Range;
}

export interface InlayHint {
  position: Position;
  label: string;
  tooltip?: string;
}

export function positionLessOrEqual(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

export function rangeContains(range: Range, pos: Position): boolean {
  return positionLessOrEqual(range.start, pos) && positionLessOrEqual(pos, range.end);
}

export function rangesOverlap(a: Range, b: Range): boolean {
  return positionLessOrEqual(a.start, b.end) && positionLessOrEqual(b.start, a.end);
}
