import type { Tree, Edit } from 'web-tree-sitter';
import type { Position, Range } from '../../core/types';
import { forEachChildExpr, type ConfigAttribute, type ConfigBlock, type ConfigComment, type Expr } from '../config';
import { LineIndex } from '../positions';

/**
 * What one top-level item (a block, an attribute, a comment, a stretch tree-sitter could
 * not parse) adds to the converted file. Offsets are those of the text it was converted from.
 */
export interface TopItem {
  /** The node's type: `block`, `attribute`, `comment`, `ERROR`, … */
  type: string;
  start: number;
  end: number;
  startPosition: Position;
  block?: ConfigBlock;
  /** Sound blocks inside a top-level ERROR node. */
  recovered?: ConfigBlock[];
  attribute?: ConfigAttribute;
  comments: ConfigComment[];
  syntaxErrors: Range[];
}

/** A previous item that an edit did not touch, and where it is now. */
export interface KeptItem {
  item: TopItem;
  start: number;
  end: number;
  startPosition: Position;
}

export interface ConversionCounts {
  /** Only the stretches edits touched were converted, after a reparse of the document. */
  incremental: number;
  /** Only one block was parsed and converted (the edits were inside it). */
  withinBlock: number;
  /** Everything was converted (blocks whose text did not change reused). */
  full: number;
}

/** Parses only [start, end) of `text` (tree-sitter's included ranges); node offsets stay those of `text`. */
export type RangeParse = (text: string, start: number, end: number, lines: LineIndex) => Tree;

/**
 * A document's conversion state between edits: the top-level items of its last conversion
 * and the text they came from. The next conversion reuses them, moved, where their text did
 * not change (and then owns them: see moveItem).
 */
export interface BlockCache {
  items?: TopItem[];
  text?: string;
  /** No syntax errors: a base for converting only what edits touch. */
  clean?: boolean;
}

export function newBlockCache(): BlockCache {
  return {};
}

/** The edits applied to a tree since its last conversion. */
export interface TreeChanges {
  /** In the order they were applied, each in the coordinates left by the ones before it. */
  edits: readonly Edit[];
}

/*
 * Converted syntax holds positions only (the `ConfigBlock` type has no offsets), so a block
 * moved by whole lines must have every position's line changed. That happens in place, on
 * the converter's own objects: this runs for every block after an inserted or removed line,
 * on each such keystroke, and copying them all costs several milliseconds at 5,000 lines.
 * So the converted file of a document's previous version is out of date after the next
 * conversion (its consumers are rebuilt from the new one), and no two places of converted
 * syntax share a position object (a test walks converted files to check it).
 */
export function moveRange(r: Range, d: number): void {
  r.start.line += d;
  r.end.line += d;
}

export function moveExpr(e: Expr, d: number): void {
  moveRange(e.range, d);
  forEachChildExpr(e, (child) => moveExpr(child, d));
}

export function moveAttribute(a: ConfigAttribute, d: number): void {
  moveExpr(a.expr, d);
  moveRange(a.nameRange, d);
  moveRange(a.valueRange, d);
  moveRange(a.range, d);
}

export function moveBlock(b: ConfigBlock, d: number): void {
  for (const r of b.labelRanges) moveRange(r, d);
  moveRange(b.range, d);
  moveRange(b.headerRange, d);
  for (const attribute of b.attributes.values()) moveAttribute(attribute, d);
  for (const nested of b.blocks) moveBlock(nested, d);
  b.bodyStart.line += d;
  if (b.close) b.close.line += d;
}

/** Moves an item whose own text did not change to `start` (an offset) and `startPosition`. */
export function moveItem(item: TopItem, start: number, startPosition: Position): void {
  const lineDelta = startPosition.line - item.startPosition.line;
  item.end += start - item.start;
  item.start = start;
  item.startPosition = startPosition;
  if (lineDelta === 0) return;
  if (item.block) moveBlock(item.block, lineDelta);
  for (const block of item.recovered ?? []) moveBlock(block, lineDelta);
  if (item.attribute) moveAttribute(item.attribute, lineDelta);
  for (const comment of item.comments) moveRange(comment.range, lineDelta);
  for (const range of item.syntaxErrors) moveRange(range, lineDelta);
}

/**
 * Decides from a top-level block's type and labels whether its body is read at all.
 * Converting nodes is the expensive part, and most blocks of a real module are not
 * about load balancers.
 */
export type BodyFilter = (type: string, labels: string[]) => boolean;

/**
 * The top-level items after edits, converting only the stretches of text the edits touch;
 * the other items are the previous conversion's, moved. Undefined when that cannot be
 * shown to give what a full conversion gives (then everything is converted).
 *
 * Why checking the items next to each converted stretch suffices: in an error-free tree
 * every top-level item is parsed from the same state, so an item whose text did not change
 * parses the same unless the text before it runs into it (an attribute continued by an
 * operator, a heredoc left open...). That shows as a top-level node crossing the stretch's
 * ends, or as the neighbouring items no longer being top-level nodes of their old extent.
 * Items farther away are preceded by unchanged items, so they parse the same too.
 * (`Tree.getChangedRanges` would say the same but costs about 40 % of the reparse itself.)
 */
export function incrementalItems(
  lines: LineIndex,
  previous: TopItem[],
  previousText: string | undefined,
  changes: TreeChanges,
  convertGap: (from: number, to: number, before: KeptItem | undefined, after: KeptItem | undefined) => TopItem[] | undefined,
): TopItem[] | undefined {
  let lengthAfterEdits = previousText?.length ?? -1;
  for (const edit of changes.edits) lengthAfterEdits += edit.newEndIndex - edit.oldEndIndex;
  if (lengthAfterEdits !== lines.text.length) return undefined;
  // Where the text changed, in the new text's offsets.
  const dirty: { startIndex: number; endIndex: number }[] = [];
  changes.edits.forEach((edit, k) => {
    let start = edit.startIndex;
    let end = edit.newEndIndex;
    for (const later of changes.edits.slice(k + 1)) {
      const delta = later.newEndIndex - later.oldEndIndex;
      start = start < later.startIndex ? start : start >= later.oldEndIndex ? start + delta : later.startIndex;
      end = end < later.startIndex ? end : end >= later.oldEndIndex ? end + delta : later.newEndIndex;
    }
    dirty.push({ startIndex: start, endIndex: end });
  });
  const touchesDirty = (start: number, end: number) => dirty.some((d) => start <= d.endIndex && end >= d.startIndex);

  // First the plan (nothing is moved until every stretch between kept items is converted).
  const kept: KeptItem[] = [];
  const items: (TopItem | KeptItem)[] = [];
  let before: KeptItem | undefined;
  let gapHasDirtyItem = false;
  const closeGap = (after: KeptItem | undefined): boolean => {
    const from = before?.end ?? 0;
    const to = after?.start ?? lines.text.length;
    if (gapHasDirtyItem || touchesDirty(from, to)) {
      const converted = convertGap(from, to, before, after);
      if (!converted) return false;
      items.push(...converted);
    }
    gapHasDirtyItem = false;
    return true;
  };
  for (const item of previous) {
    // Follow the item through the edits; touching one (even at an end) makes it dirty.
    let start: number | undefined = item.start;
    let end = item.end;
    for (const edit of changes.edits) {
      if (end < edit.startIndex) continue;
      if (start > edit.oldEndIndex) {
        const delta = edit.newEndIndex - edit.oldEndIndex;
        start += delta;
        end += delta;
        continue;
      }
      start = undefined;
      break;
    }
    let startPosition: Position | undefined;
    if (start !== undefined && !touchesDirty(start, end)) {
      startPosition = lines.positionAt(start);
      // Text before it on its first line changed length: its characters moved, convert it again.
      if (startPosition.character !== item.startPosition.character) startPosition = undefined;
    }
    if (start === undefined || startPosition === undefined) {
      gapHasDirtyItem = true;
      continue;
    }
    const entry: KeptItem = { item, start, end, startPosition };
    if (!closeGap(entry)) return undefined;
    kept.push(entry);
    items.push(entry);
    before = entry;
  }
  if (!closeGap(undefined)) return undefined;
  // Then the move: kept items are taken over from the previous conversion.
  for (const { item, start, startPosition } of kept) moveItem(item, start, startPosition);
  return items.map((entry) => ('item' in entry ? entry.item : entry));
}
