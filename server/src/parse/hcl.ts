import * as fs from 'fs';
import * as path from 'path';
import type { Node, Tree, Parser as ParserType, Edit } from 'web-tree-sitter';
import type { Position, Range } from '../core/types';
import type { ConfigAttribute, ConfigBlock, ConfigComment, ConfigFile, Expr, TraversalStep } from './config';
import { LineIndex } from './positions';

// web-tree-sitter is loaded lazily so that hosts which never see HCL pay nothing.
type TreeSitterModule = typeof import('web-tree-sitter');

export interface HclParser {
  /** Parses `text`; pass the previous tree (already `edit`ed) to reparse incrementally. */
  parseTree(text: string, previous?: Tree): Tree;
  /**
   * `cache` (kept per document) lets unchanged blocks be reused from the last conversion;
   * `changes` (the edits since that conversion and tree-sitter's changed ranges) lets only
   * the top-level items they touch be converted again.
   */
  toConfigFile(filePath: string, text: string, tree: Tree, cache?: BlockCache, readBody?: BodyFilter, changes?: TreeChanges): ConfigFile;
  /**
   * Converts an edited document by parsing only the block its edits fall in (see
   * HclConverter.convertWithinBlock); undefined when that does not apply. The document's own
   * tree is then not reparsed: it keeps the edits for the next full reparse.
   */
  toConfigFileWithinBlock(
    filePath: string,
    text: string,
    cache: BlockCache,
    readBody: BodyFilter | undefined,
    changes: TreeChanges,
  ): ConfigFile | undefined;
  /** How conversions with a cache went (see ConversionCounts). */
  readonly conversions: ConversionCounts;
}

/**
 * Decides from a top-level block's type and labels whether its body is read at all.
 * Converting nodes is the expensive part, and most blocks of a real module are not
 * about load balancers.
 */
export type BodyFilter = (type: string, labels: string[]) => boolean;

/**
 * What one top-level item (a block, an attribute, a comment, a stretch tree-sitter could
 * not parse) adds to the converted file. Offsets are those of the text it was converted from.
 */
interface TopItem {
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
interface KeptItem {
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
function moveRange(r: Range, d: number): void {
  r.start.line += d;
  r.end.line += d;
}

function moveExpr(e: Expr, d: number): void {
  moveRange(e.range, d);
  switch (e.kind) {
    case 'literal':
    case 'opaque':
      return;
    case 'template':
      for (const part of e.parts) moveExpr(part, d);
      return;
    case 'traversal':
      for (const step of e.steps) if (step.kind === 'index') moveExpr(step.key, d);
      return;
    case 'conditional':
      moveExpr(e.condition, d);
      moveExpr(e.whenTrue, d);
      moveExpr(e.whenFalse, d);
      return;
    case 'call':
      for (const arg of e.args) moveExpr(arg, d);
      return;
    case 'tuple':
      for (const item of e.items) moveExpr(item, d);
      return;
    case 'object':
      for (const entry of e.entries) {
        moveExpr(entry.key, d);
        moveExpr(entry.value, d);
      }
      return;
    case 'unary':
      moveExpr(e.operand, d);
      return;
    case 'binary':
      moveExpr(e.left, d);
      moveExpr(e.right, d);
      return;
    case 'parens':
      moveExpr(e.inner, d);
      return;
    case 'annotated':
      moveExpr(e.value, d);
      moveExpr(e.references, d);
      return;
  }
}

function moveAttribute(a: ConfigAttribute, d: number): void {
  moveExpr(a.expr, d);
  moveRange(a.nameRange, d);
  moveRange(a.valueRange, d);
  moveRange(a.range, d);
}

function moveBlock(b: ConfigBlock, d: number): void {
  for (const r of b.labelRanges) moveRange(r, d);
  moveRange(b.range, d);
  moveRange(b.headerRange, d);
  for (const attribute of b.attributes.values()) moveAttribute(attribute, d);
  for (const nested of b.blocks) moveBlock(nested, d);
  b.bodyStart.line += d;
  if (b.close) b.close.line += d;
}

/** Moves an item whose own text did not change to `start` (an offset) and `startPosition`. */
function moveItem(item: TopItem, start: number, startPosition: Position): void {
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

let parserPromise: Promise<HclParser> | undefined;

/** Finds a wasm file next to the bundle first, then in node_modules. */
function locateWasm(fileName: string, packageName: string, wasmDir?: string): string {
  const candidates = [wasmDir, __dirname, path.join(__dirname, '..')].filter((dir): dir is string => typeof dir === 'string');
  for (const dir of candidates) {
    const candidate = path.join(dir, fileName);
    if (fs.existsSync(candidate)) return candidate;
  }
  return require.resolve(`${packageName}/${fileName}`);
}

/** The parser's WebAssembly as bytes: a host without a file system (a browser) gives them. */
export interface HclWasm {
  /** web-tree-sitter.wasm */
  runtime: Uint8Array;
  /** tree-sitter-hcl.wasm */
  grammar: Uint8Array;
}

let givenWasm: HclWasm | undefined;

/** Makes loadHclParser use these bytes instead of looking for the files (call it before). */
export function useHclWasm(wasm: HclWasm): void {
  givenWasm = wasm;
}

export function loadHclParser(wasmDir?: string): Promise<HclParser> {
  parserPromise ??= (async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS build of an ESM-first package
    const treeSitter = require('web-tree-sitter') as TreeSitterModule;
    let language;
    if (givenWasm) {
      await treeSitter.Parser.init({ wasmBinary: givenWasm.runtime } as Parameters<typeof treeSitter.Parser.init>[0]);
      language = await treeSitter.Language.load(givenWasm.grammar);
    } else {
      const runtimeWasm = locateWasm('web-tree-sitter.wasm', 'web-tree-sitter', wasmDir);
      await treeSitter.Parser.init({ locateFile: () => runtimeWasm });
      const grammarWasm = locateWasm('tree-sitter-hcl.wasm', '@tree-sitter-grammars/tree-sitter-hcl', wasmDir);
      language = await treeSitter.Language.load(fs.readFileSync(grammarWasm));
    }
    const parser = new treeSitter.Parser();
    parser.setLanguage(language);
    return createHclParser(parser);
  })();
  return parserPromise;
}

function createHclParser(parser: ParserType): HclParser {
  const conversions: ConversionCounts = { incremental: 0, withinBlock: 0, full: 0 };
  const parseRange: RangeParse = (text, start, end, lines) => {
    const point = (offset: number) => {
      const position = lines.positionAt(offset);
      return { row: position.line, column: position.character };
    };
    const range = { startIndex: start, endIndex: end, startPosition: point(start), endPosition: point(end) };
    const tree = parser.parse(text, null, { includedRanges: [range] });
    if (!tree) throw new Error('tree-sitter returned no tree');
    return tree;
  };
  return {
    conversions,
    parseTree(text, previous) {
      const tree = parser.parse(text, previous);
      if (!tree) throw new Error('tree-sitter returned no tree');
      return tree;
    },
    toConfigFile(filePath, text, tree, cache, readBody, changes) {
      return new HclConverter(filePath, text, readBody).convert(tree, cache, changes, conversions);
    },
    toConfigFileWithinBlock(filePath, text, cache, readBody, changes) {
      return new HclConverter(filePath, text, readBody).convertWithinBlock(parseRange, cache, changes, conversions);
    },
  };
}

/**
 * Builds the tree-sitter edit for replacing [start, end) of `oldText` by `newText`.
 * web-tree-sitter takes indices and columns in UTF-16 code units, like JavaScript strings.
 * `lines` (an index of `oldText`) saves scanning the text for the rows.
 */
export function treeEditFor(oldText: string, start: number, end: number, newText: string, lines?: LineIndex): Edit {
  // LineIndex also breaks lines at a lone \r, tree-sitter only at \n: use it only without \r.
  const index = lines && lines.text === oldText && !oldText.includes('\r') ? lines : undefined;
  const pointAt = (offset: number) => {
    if (index) {
      const position = index.positionAt(offset);
      return { row: position.line, column: position.character };
    }
    let row = 0;
    let lastBreak = -1;
    for (let i = oldText.indexOf('\n'); i !== -1 && i < offset; i = oldText.indexOf('\n', i + 1)) {
      row++;
      lastBreak = i;
    }
    return { row, column: offset - lastBreak - 1 };
  };
  const startPosition = pointAt(start);
  const lastBreak = newText.lastIndexOf('\n');
  let newRows = 0;
  for (let i = newText.indexOf('\n'); i !== -1; i = newText.indexOf('\n', i + 1)) newRows++;
  const newEndPosition =
    lastBreak === -1
      ? { row: startPosition.row, column: startPosition.column + newText.length }
      : { row: startPosition.row + newRows, column: newText.length - lastBreak - 1 };
  return {
    startIndex: start,
    oldEndIndex: end,
    newEndIndex: start + newText.length,
    startPosition,
    oldEndPosition: pointAt(end),
    newEndPosition,
  } as Edit;
}

/** Deeper expressions convert to opaque (unknown) values, so recursion stays bounded. */
const MAX_EXPR_DEPTH = 200;
/** Nested blocks deeper than this are not read (Terraform schemas nest a few levels). */
const MAX_BLOCK_DEPTH = 64;
/** Longer traversals (`a.b[0]…`, thousands of steps in hostile input) are opaque: converting each step costs. */
const MAX_TRAVERSAL_STEPS = 256;

class HclConverter {
  private readonly lines: LineIndex;
  private readonly comments: ConfigComment[] = [];
  private readonly syntaxErrors: Range[] = [];

  constructor(
    private readonly filePath: string,
    private readonly text: string,
    private readonly readBody: BodyFilter = () => true,
  ) {
    this.lines = new LineIndex(text);
  }

  convert(tree: Tree, cache?: BlockCache, changes?: TreeChanges, counts?: ConversionCounts): ConfigFile {
    const incremental =
      cache?.items && cache.clean && changes && !tree.rootNode.hasError
        ? this.incrementalItems(cache.items, cache.text, changes, (from, to, before, after) =>
            (before && !this.isTopLevelNode(tree, before)) || (after && !this.isTopLevelNode(tree, after))
              ? undefined
              : this.itemsBetween(tree, from, to),
          )
        : undefined;
    const items = incremental ?? this.allItems(tree, cache);
    if (cache && counts) counts[incremental ? 'incremental' : 'full']++;
    return this.assemble(items, cache);
  }

  /**
   * The conversion after edits that all fall inside one top-level block, without a reparse
   * of the document: only that block's text is parsed (tree-sitter's included ranges), and
   * the other items are moved. Undefined when that does not apply: the edits reach a block's
   * ends or more than one item, or the block alone does not parse into one sound block.
   */
  convertWithinBlock(parse: RangeParse, cache: BlockCache, changes: TreeChanges, counts?: ConversionCounts): ConfigFile | undefined {
    if (!cache.items || !cache.clean || cache.text === undefined || changes.edits.length === 0) return undefined;
    // The one item holding every edit strictly inside (its first character and closing brace untouched).
    const first = changes.edits[0];
    const target = cache.items.find((item) => item.start < first.startIndex && first.oldEndIndex < item.end - 1);
    if (target?.type !== 'block') return undefined;
    const start = target.start;
    let end = target.end;
    for (const edit of changes.edits) {
      if (!(start < edit.startIndex && edit.oldEndIndex < end - 1)) return undefined;
      end += edit.newEndIndex - edit.oldEndIndex;
    }
    const tree = parse(this.text, start, end, this.lines);
    let converted: TopItem;
    try {
      const body = tree.rootNode.namedChildCount === 1 ? tree.rootNode.namedChild(0) : null;
      const block = body?.type === 'body' && body.namedChildCount === 1 ? body.namedChild(0) : null;
      if (tree.rootNode.hasError || block?.type !== 'block' || block.startIndex !== start || block.endIndex !== end) return undefined;
      converted = this.blockItem(block);
    } finally {
      tree.delete();
    }
    // The stretch around the block holds only white space besides it (no other item changed).
    const items = this.incrementalItems(cache.items, cache.text, changes, (from, to) =>
      from <= start && end <= to ? [converted] : undefined,
    );
    if (!items) return undefined;
    if (counts) counts.withinBlock++;
    return this.assemble(items, cache);
  }

  private assemble(items: TopItem[], cache: BlockCache | undefined): ConfigFile {
    if (cache) {
      cache.items = items;
      cache.text = this.text;
      // With syntax errors the next conversion is a full one: tree-sitter's recovery may reach
      // across items, so only an error-free conversion is a base for converting what edits touch.
      cache.clean = items.every((item) => item.syntaxErrors.length === 0 && !item.block?.hasErrors);
    }
    const blocks: ConfigBlock[] = [];
    const attributes = new Map<string, ConfigAttribute>();
    for (const item of items) {
      if (item.block) blocks.push(item.block);
      if (item.recovered) blocks.push(...item.recovered);
      if (item.attribute && !attributes.has(item.attribute.name)) attributes.set(item.attribute.name, item.attribute);
      this.comments.push(...item.comments);
      this.syntaxErrors.push(...item.syntaxErrors);
    }
    this.comments.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    return {
      path: this.filePath,
      format: 'hcl',
      text: this.text,
      lines: this.lines,
      blocks,
      attributes,
      comments: this.comments,
      syntaxErrors: this.syntaxErrors,
    };
  }

  /** Every top-level item, converted (blocks whose text is in `cache` are reused). */
  private allItems(tree: Tree, cache: BlockCache | undefined): TopItem[] {
    const items: TopItem[] = [];
    // Sound blocks of the previous conversion by their text (several when blocks repeat verbatim).
    const previous = new Map<string, TopItem[]>();
    const previousText = cache?.text;
    if (previousText !== undefined) {
      for (const item of cache?.items ?? []) {
        if (!item.block || item.block.hasErrors) continue;
        const source = previousText.slice(item.start, item.end);
        const entries = previous.get(source);
        if (entries) entries.push(item);
        else previous.set(source, [item]);
      }
    }
    for (const child of tree.rootNode.namedChildren) {
      if (!child) continue;
      if (child.type !== 'body') {
        const item = this.rootItem(child);
        if (item) items.push(item);
        continue;
      }
      // A cursor over the top-level items: most are cached blocks, which then need no Node object.
      const cursor = child.walk();
      if (cursor.gotoFirstChild()) {
        do {
          if (!cursor.nodeIsNamed) continue;
          if (cursor.nodeType === 'block') {
            items.push(this.cachedBlock(cursor.startIndex, cursor.endIndex, () => cursor.currentNode, previous));
          } else {
            const item = this.bodyItem(cursor.currentNode);
            if (item) items.push(item);
          }
        } while (cursor.gotoNextSibling());
      }
      cursor.delete();
    }
    return items;
  }

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
  private incrementalItems(
    previous: TopItem[],
    previousText: string | undefined,
    changes: TreeChanges,
    convertGap: (from: number, to: number, before: KeptItem | undefined, after: KeptItem | undefined) => TopItem[] | undefined,
  ): TopItem[] | undefined {
    let lengthAfterEdits = previousText?.length ?? -1;
    for (const edit of changes.edits) lengthAfterEdits += edit.newEndIndex - edit.oldEndIndex;
    if (lengthAfterEdits !== this.text.length) return undefined;
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
      const to = after?.start ?? this.text.length;
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
        startPosition = this.lines.positionAt(start);
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

  /** True when the new tree has a top-level node of the kept item's type exactly where the item now is. */
  private isTopLevelNode(tree: Tree, kept: KeptItem): boolean {
    const node = tree.rootNode.descendantForIndex(kept.start, kept.end);
    if (!node || node.startIndex !== kept.start || node.endIndex !== kept.end || node.type !== kept.item.type) return false;
    const parent = node.parent;
    return parent?.type === 'config_file' || (parent?.type === 'body' && parent.parent?.type === 'config_file');
  }

  /** The top-level items lying in [from, to] of the new tree; undefined when one reaches outside. */
  private itemsBetween(tree: Tree, from: number, to: number): TopItem[] | undefined {
    const items: TopItem[] = [];
    for (const child of tree.rootNode.namedChildren) {
      if (!child || child.endIndex <= from || child.startIndex >= to) continue;
      if (child.type !== 'body') {
        if (child.startIndex < from || child.endIndex > to) return undefined;
        const item = this.rootItem(child);
        if (item) items.push(item);
        continue;
      }
      const cursor = child.walk();
      try {
        if (!cursor.gotoFirstChildForIndex(from)) continue;
        do {
          if (cursor.startIndex >= to) break;
          if (!cursor.nodeIsNamed) continue;
          if (cursor.startIndex < from || cursor.endIndex > to) return undefined;
          const node = cursor.currentNode;
          const item = node.type === 'block' ? this.blockItem(node) : this.bodyItem(node);
          if (item) items.push(item);
        } while (cursor.gotoNextSibling());
      } finally {
        cursor.delete();
      }
    }
    return items;
  }

  private emptyItem(node: Node): TopItem {
    return {
      type: node.type,
      start: node.startIndex,
      end: node.endIndex,
      startPosition: this.lines.positionAt(node.startIndex),
      comments: [],
      syntaxErrors: [],
    };
  }

  private commentItem(node: Node): TopItem {
    return { ...this.emptyItem(node), comments: [{ text: node.text, range: this.range(node) }] };
  }

  /** A comment or an ERROR node outside the body (other kinds add nothing). */
  private rootItem(node: Node): TopItem | undefined {
    if (node.type === 'comment') return this.commentItem(node);
    if (node.type !== 'ERROR') return undefined;
    const item = this.emptyItem(node);
    item.syntaxErrors.push(this.range(node));
    this.collectComments(node, item.comments);
    // Blocks that tree-sitter could not attach to the body still count when sound.
    item.recovered = [];
    for (const child of node.namedChildren) if (child?.type === 'block' && !child.hasError) item.recovered.push(this.block(child));
    return item;
  }

  /** A top-level attribute (`.tfvars`), comment or unparsable stretch of the body. */
  private bodyItem(node: Node): TopItem | undefined {
    if (node.type === 'attribute') {
      const item = this.emptyItem(node);
      const attribute = this.attribute(node);
      if (attribute) item.attribute = attribute;
      this.collectComments(node, item.comments);
      return item;
    }
    if (node.type === 'comment') return this.commentItem(node);
    if (node.type === 'ERROR' || node.hasError) {
      const item = this.emptyItem(node);
      item.syntaxErrors.push(this.range(node));
      this.collectComments(node, item.comments);
      return item;
    }
    return undefined;
  }

  private blockItem(node: Node): TopItem {
    const block = this.block(node, true);
    const comments: ConfigComment[] = [];
    if (!block.bodySkipped) this.collectComments(node, comments);
    return { ...this.emptyItem(node), block, comments };
  }

  /**
   * Converting nodes crosses into WebAssembly for every field, which dominates the time
   * per keystroke. A top-level block whose text is unchanged converts to the same thing,
   * moved by whole lines: reuse it, moved, instead of walking its nodes again.
   */
  private cachedBlock(startIndex: number, endIndex: number, nodeOf: () => Node, previous: Map<string, TopItem[]>): TopItem {
    const source = this.text.slice(startIndex, endIndex);
    const start = this.lines.positionAt(startIndex);
    // Of identical blocks, prefer one that did not move (nothing to change), then one on the same line.
    const candidates = previous.get(source);
    const fits = candidates?.filter((c) => c.startPosition.character === start.character);
    const hit = fits?.find((c) => c.start === startIndex) ?? fits?.find((c) => c.startPosition.line === start.line) ?? fits?.[0];
    if (hit && candidates) {
      // Each previous item is reused once: it is moved in place.
      candidates.splice(candidates.indexOf(hit), 1);
      moveItem(hit, startIndex, start);
      return hit;
    }
    const node = nodeOf();
    const block = this.block(node, true);
    const comments: ConfigComment[] = [];
    if (!block.bodySkipped) this.collectComments(node, comments);
    return { type: 'block', start: startIndex, end: endIndex, startPosition: start, block, comments, syntaxErrors: [] };
  }

  private collectComments(node: Node, into: ConfigComment[]): void {
    // Iterative walk: deeply nested input must not overflow the stack.
    const cursor = node.walk();
    let done = false;
    while (!done) {
      // nodeType reads the cursor without building a Node object for every node visited.
      const isComment = cursor.nodeType === 'comment';
      if (isComment) {
        const { startIndex, endIndex } = cursor;
        into.push({ text: this.text.slice(startIndex, endIndex), range: this.lines.range(startIndex, endIndex) });
      }
      if (!isComment && cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) {
          done = true;
          break;
        }
      }
    }
    cursor.delete();
  }

  private range(node: Node): Range {
    return this.lines.range(node.startIndex, node.endIndex);
  }

  /** `depth`: nesting below the top-level block; deeper blocks than MAX_BLOCK_DEPTH are not read. */
  private block(node: Node, topLevel = false, depth = 0): ConfigBlock {
    const labels: string[] = [];
    const labelRanges: Range[] = [];
    let type = '';
    let body: Node | undefined;
    let bodyStartOffset = node.endIndex;
    let closeOffset: number | undefined;
    for (const child of node.namedChildren) {
      if (!child) continue;
      switch (child.type) {
        case 'identifier':
          if (!type) type = child.text;
          else {
            labels.push(child.text);
            labelRanges.push(this.range(child));
          }
          break;
        case 'string_lit':
          labels.push(this.stringLitValue(child));
          labelRanges.push(this.range(child));
          break;
        case 'block_start':
          bodyStartOffset = child.endIndex;
          break;
        case 'body':
          body = child;
          break;
        case 'block_end':
          if (!child.isMissing && child.endIndex > child.startIndex) closeOffset = child.startIndex;
          break;
      }
    }
    const attributes = new Map<string, ConfigAttribute>();
    const blocks: ConfigBlock[] = [];
    const bodySkipped = topLevel && !this.readBody(type, labels);
    if (body && !bodySkipped) {
      for (const item of body.namedChildren) {
        if (!item) continue;
        if (item.type === 'attribute') {
          const attribute = this.attribute(item);
          if (attribute && !attributes.has(attribute.name)) attributes.set(attribute.name, attribute);
        } else if (item.type === 'block') {
          // Nesting beyond any real schema (hostile input) would overflow the stack: not read.
          if (depth < MAX_BLOCK_DEPTH) blocks.push(this.block(item, false, depth + 1));
        }
      }
    }
    // Copies, not the labels' own positions: moveBlock moves each position object once.
    const firstLabel = labelRanges[0];
    const lastLabel = labelRanges[labelRanges.length - 1];
    const headerStart = firstLabel ? { ...firstLabel.start } : this.lines.positionAt(node.startIndex);
    const headerEnd = lastLabel ? { ...lastLabel.end } : this.lines.positionAt(node.startIndex + type.length);
    return {
      type,
      labels,
      labelRanges,
      range: this.range(node),
      headerRange: { start: headerStart, end: headerEnd },
      attributes,
      blocks,
      bodyStart: this.lines.positionAt(bodyStartOffset),
      close: closeOffset === undefined ? undefined : this.lines.positionAt(closeOffset),
      hasErrors: node.hasError,
      ...(bodySkipped ? { bodySkipped } : {}),
    };
  }

  private attribute(node: Node): ConfigAttribute | undefined {
    const children = node.namedChildren; // each read crosses into WebAssembly: once
    const name = children.find((c) => c?.type === 'identifier');
    const value = children.find((c) => c?.type === 'expression');
    if (!name || !value) return undefined;
    const expr = node.hasError ? this.opaque(value) : this.expression(value);
    return {
      name: name.text,
      expr,
      nameRange: this.range(name),
      valueRange: this.range(value),
      range: this.lines.range(node.startIndex, node.endIndex),
    };
  }

  private opaque(node: Node): Expr {
    return { kind: 'opaque', text: node.text, range: this.range(node) };
  }

  /** Converts an `expression` node (or one of its inner kinds). */
  private expression(node: Node, depth = 0): Expr {
    if (depth > MAX_EXPR_DEPTH || node.hasError) return this.opaque(node);
    const range = this.range(node);
    if (node.type !== 'expression') return this.primary(node, depth);
    const children = node.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
    if (children.length === 0) return this.opaque(node);
    const first = children[0];
    if (first.type === 'conditional') return this.primary(first, depth);
    // A parenthesised expression: "(" expression ")" followed by optional traversal steps.
    let head: Expr =
      first.type === 'expression' ? { kind: 'parens', inner: this.expression(first, depth + 1), range } : this.primary(first, depth);
    if (children.length === 1) return head;
    // Traversal: variable_expr followed by get_attr / index / splat steps.
    if (children.length > MAX_TRAVERSAL_STEPS) return this.opaque(node);
    if (head.kind === 'traversal' || head.kind === 'parens') {
      const steps: TraversalStep[] = head.kind === 'traversal' ? [...head.steps] : [];
      for (const step of children.slice(1)) {
        const converted = this.step(step, depth);
        if (!converted) return this.opaque(node);
        steps.push(...converted);
      }
      if (head.kind === 'parens') return this.opaque(node);
      head = { kind: 'traversal', root: head.root, steps, range };
      return head;
    }
    return this.opaque(node);
  }

  private step(node: Node, depth: number): TraversalStep[] | undefined {
    switch (node.type) {
      case 'get_attr': {
        const id = node.namedChildren.find((c) => c?.type === 'identifier');
        return id ? [{ kind: 'attr', name: id.text }] : undefined;
      }
      case 'index': {
        const inner = node.namedChildren[0];
        if (!inner) return undefined;
        if (inner.type === 'legacy_index') {
          const digits = inner.text.replace(/^\./, '');
          return [{ kind: 'index', key: { kind: 'literal', value: Number(digits), range: this.range(inner) } }];
        }
        const keyNode = inner.namedChildren.find((c) => c?.type === 'expression');
        return keyNode ? [{ kind: 'index', key: this.expression(keyNode, depth + 1) }] : undefined;
      }
      case 'splat': {
        const steps: TraversalStep[] = [{ kind: 'splat' }];
        const kind = node.namedChildren[0];
        for (const child of kind?.namedChildren ?? []) {
          if (!child) continue;
          const converted = this.step(child, depth);
          if (!converted) return undefined;
          steps.push(...converted);
        }
        return steps;
      }
      default:
        return undefined;
    }
  }

  private primary(node: Node, depth: number): Expr {
    // Operations recurse through here, not expression(): `1 + 1 + … + 1` nests as deep as it is long.
    if (depth > MAX_EXPR_DEPTH) return this.opaque(node);
    const range = this.range(node);
    const named = node.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
    switch (node.type) {
      case 'literal_value': {
        const inner = named[0];
        if (!inner) return this.opaque(node);
        switch (inner.type) {
          case 'bool_lit':
            return { kind: 'literal', value: inner.text === 'true', range };
          case 'null_lit':
            return { kind: 'literal', value: null, range };
          case 'numeric_lit': {
            const n = Number(inner.text);
            return Number.isFinite(n) ? { kind: 'literal', value: n, range } : this.opaque(node);
          }
          case 'string_lit':
            return { kind: 'literal', value: this.stringLitValue(inner), range };
        }
        return this.opaque(node);
      }
      case 'template_expr': {
        const quoted = named[0];
        if (!quoted || (quoted.type !== 'quoted_template' && quoted.type !== 'heredoc_template')) return this.opaque(node);
        const parts = this.templateParts(quoted, depth);
        return parts ? { kind: 'template', parts, range } : this.opaque(node);
      }
      case 'variable_expr': {
        const id = named[0];
        return id ? { kind: 'traversal', root: id.text, steps: [], range } : this.opaque(node);
      }
      case 'function_call': {
        const name = named.find((c) => c.type === 'identifier');
        const args = named.find((c) => c.type === 'function_arguments');
        if (!name) return this.opaque(node);
        if (args?.namedChildren.some((c) => c?.type === 'ellipsis')) return this.opaque(node);
        const argExprs = (args?.namedChildren ?? [])
          .filter((c): c is Node => c?.type === 'expression')
          .map((c) => this.expression(c, depth + 1));
        return { kind: 'call', name: name.text, args: argExprs, range };
      }
      case 'conditional': {
        const parts = named.filter((c) => c.type === 'expression');
        if (parts.length !== 3) return this.opaque(node);
        return rightAssociated(
          this.expression(parts[0], depth + 1),
          this.expression(parts[1], depth + 1),
          this.expression(parts[2], depth + 1),
          range,
        );
      }
      case 'collection_value': {
        const inner = named[0];
        if (inner?.type === 'tuple') {
          const items = inner.namedChildren.filter((c): c is Node => c?.type === 'expression').map((c) => this.expression(c, depth + 1));
          return { kind: 'tuple', items, range };
        }
        if (inner?.type === 'object') {
          const entries: { key: Expr; value: Expr }[] = [];
          for (const elem of inner.namedChildren) {
            if (elem?.type !== 'object_elem') continue;
            const key = elem.childForFieldName('key');
            const value = elem.childForFieldName('val');
            if (!key || !value) return this.opaque(node);
            entries.push({ key: this.expression(key, depth + 1), value: this.expression(value, depth + 1) });
          }
          return { kind: 'object', entries, range };
        }
        return this.opaque(node);
      }
      case 'operation': {
        const inner = named[0];
        if (!inner) return this.opaque(node);
        const operands = this.groupOperands(
          inner.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment'),
          depth,
        );
        if (!operands) return this.opaque(node);
        if (inner.type === 'unary_operation' && operands.length === 1) {
          const op = inner.child(0)?.text ?? '';
          return { kind: 'unary', op, operand: operands[0], range };
        }
        if (inner.type === 'binary_operation' && operands.length === 2) {
          // A parenthesised operand's parentheses are anonymous children too: `(a + b) * c`.
          const opNode = inner.children.find((c) => c !== null && !c.isNamed && c.type !== '(' && c.type !== ')');
          return { kind: 'binary', op: opNode?.text ?? '', left: operands[0], right: operands[1], range };
        }
        return this.opaque(node);
      }
      default:
        return this.opaque(node);
    }
  }

  private operand(node: Node, depth: number): Expr {
    return node.type === 'expression' ? this.expression(node, depth + 1) : this.primary(node, depth + 1);
  }

  /**
   * Operands of an operation come flattened: `var.a && b` is variable_expr, get_attr,
   * variable_expr. Traversal steps join the operand before them.
   */
  private groupOperands(nodes: Node[], depth: number): Expr[] | undefined {
    const operands: Expr[] = [];
    for (const node of nodes) {
      const isStep = node.type === 'get_attr' || node.type === 'index' || node.type === 'splat';
      if (!isStep) {
        operands.push(this.operand(node, depth));
        continue;
      }
      const previous = operands[operands.length - 1];
      const steps = this.step(node, depth);
      if (!previous || previous.kind !== 'traversal' || !steps) return undefined;
      operands[operands.length - 1] = {
        ...previous,
        steps: [...previous.steps, ...steps],
        range: { start: { ...previous.range.start }, end: this.lines.positionAt(node.endIndex) },
      };
    }
    return operands;
  }

  /** The text between the quotes: template_literal nodes leave out white space next to them. */
  private stringLitValue(node: Node): string {
    const open = node.firstChild;
    const close = node.lastChild;
    if (!open || !close || open.type !== 'quoted_template_start' || close.type !== 'quoted_template_end') return '';
    return unescapeHcl(this.text.slice(open.endIndex, Math.max(open.endIndex, close.startIndex)));
  }

  /**
   * A template's parts: its literal text is the source between the interpolations, since
   * template_literal nodes leave out white space next to quotes, interpolations and line
   * ends. Undefined for what is not modelled (directives, strip markers `~`).
   */
  private templateParts(quoted: Node, depth: number): Expr[] | undefined {
    const children = quoted.children.filter((c): c is Node => c !== null);
    const isHeredoc = quoted.type === 'heredoc_template';
    let contentStart: number;
    let contentEnd: number;
    if (isHeredoc) {
      // Content: the lines after the opening marker's line, up to the closing marker's line.
      const [opening, closing] = children.filter((c) => c.type === 'heredoc_identifier');
      if (!opening || !closing) return undefined;
      const lineBreak = this.text.indexOf('\n', opening.endIndex);
      contentStart = lineBreak === -1 ? closing.startIndex : lineBreak + 1;
      contentEnd = Math.max(contentStart, this.lines.lineStart(this.lines.positionAt(closing.startIndex).line));
    } else {
      const open = children[0];
      const close = children[children.length - 1];
      if (open?.type !== 'quoted_template_start' || close?.type !== 'quoted_template_end') return undefined;
      contentStart = open.endIndex;
      contentEnd = Math.max(contentStart, close.startIndex);
    }
    const interpolations = children.filter((c) => c.type === 'template_interpolation' || c.type === 'template_directive');
    if (interpolations.some((c) => c.type === 'template_directive' || /^\$\{~|~\}$/.test(c.text))) return undefined;
    // `<<-`: the smallest indentation of the content lines is removed from each of them.
    const flush = isHeredoc && children.some((c) => c.type === 'heredoc_start' && c.text === '<<-');
    const indent = flush ? this.heredocIndent(contentStart, contentEnd, interpolations) : 0;
    const literal = (from: number, to: number): Expr => {
      let raw = this.text.slice(from, to);
      if (indent > 0) {
        raw = raw
          .split('\n')
          .map((line, i) => (i > 0 || from === contentStart ? line.replace(/^[ \t]+/, (space) => space.slice(indent)) : line))
          .join('\n');
      }
      const value = isHeredoc ? raw.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{') : unescapeHcl(raw);
      return { kind: 'literal', value, range: this.lines.range(from, to) };
    };
    const parts: Expr[] = [];
    let at = contentStart;
    for (const part of interpolations) {
      if (part.startIndex > at) parts.push(literal(at, part.startIndex));
      const inner = part.namedChildren.find((c) => c?.type === 'expression');
      if (!inner) return undefined;
      parts.push(this.expression(inner, depth + 1));
      at = part.endIndex;
    }
    if (contentEnd > at) parts.push(literal(at, contentEnd));
    return parts;
  }

  /** The indentation of a flush heredoc: the least of its non-blank lines (an interpolation counts as text). */
  private heredocIndent(start: number, end: number, interpolations: Node[]): number {
    let least = Infinity;
    let lineStart = start;
    while (lineStart < end) {
      const inside = interpolations.some((p) => lineStart > p.startIndex && lineStart < p.endIndex);
      let i = lineStart;
      while (i < end && (this.text[i] === ' ' || this.text[i] === '\t')) i++;
      const blank = i >= end || this.text[i] === '\n' || this.text[i] === '\r';
      if (!inside && !blank) least = Math.min(least, i - lineStart);
      const lineBreak = this.text.indexOf('\n', lineStart);
      if (lineBreak === -1) break;
      lineStart = lineBreak + 1;
    }
    return least === Infinity ? 0 : least;
  }
}

/**
 * tree-sitter-hcl groups `a ? b : c ? d : e` as `(a ? b : c) ? d : e`; in HCL the conditional
 * is right-associative: `a ? b : (c ? d : e)`. A conditional as the condition can only come
 * from that grouping (written parentheses make a `parens` expression), so it is regrouped.
 */
function rightAssociated(condition: Expr, whenTrue: Expr, whenFalse: Expr, range: Range): Expr {
  if (condition.kind !== 'conditional') return { kind: 'conditional', condition, whenTrue, whenFalse, range };
  // Copied positions: no two places of converted syntax share one (see moveRange).
  const tail = rightAssociated(condition.whenFalse, whenTrue, whenFalse, {
    start: { ...condition.whenFalse.range.start },
    end: { ...range.end },
  });
  return { ...condition, whenFalse: tail, range };
}

/** Ends the heredoc that wraps a template's text; a text containing it is not parsed. */
const TEMPLATE_MARKER = 'ELB_LENS_TEMPLATE_END';

/**
 * Parses the text of a template as Terraform does for `.tf.json` strings (after JSON
 * decoding): `${…}` interpolations and `%{…}` directives, no backslash escapes. The text
 * becomes the body of a heredoc, which has exactly that syntax. Undefined when it does
 * not parse or is not modelled.
 */
export function parseTemplateText(parser: HclParser, template: string): Expr | undefined {
  if (template.includes(TEMPLATE_MARKER)) return undefined;
  const source = `v = <<${TEMPLATE_MARKER}\n${template}\n${TEMPLATE_MARKER}\n`;
  const tree = parser.parseTree(source);
  try {
    const file = parser.toConfigFile('', source, tree);
    const expr = file.attributes.get('v')?.expr;
    if (!expr || expr.kind !== 'template' || file.syntaxErrors.length > 0) return undefined;
    // The heredoc's last line break is not part of the template.
    const last = expr.parts[expr.parts.length - 1];
    if (last?.kind !== 'literal' || typeof last.value !== 'string' || !last.value.endsWith('\n')) return undefined;
    const value = last.value.slice(0, -1);
    const parts = value === '' ? expr.parts.slice(0, -1) : [...expr.parts.slice(0, -1), { ...last, value }];
    return { ...expr, parts };
  } finally {
    tree.delete();
  }
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

export function unescapeHcl(raw: string): string {
  return raw
    .replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (whole, code: string) => {
      if (code.length > 1) {
        const point = parseInt(code.slice(1), 16);
        return point <= 0x10ffff ? String.fromCodePoint(point) : whole;
      }
      return ESCAPES[code] ?? whole;
    })
    .replace(/\$\$\{/g, '${')
    .replace(/%%\{/g, '%{');
}
