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
