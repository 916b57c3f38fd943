import type { Node, Tree } from 'web-tree-sitter';
import type { Range } from '../../core/types';
import type { ConfigAttribute, ConfigBlock, ConfigComment, ConfigFile } from '../config';
import { LineIndex } from '../positions';
import { HclBlocks } from './blocks';
import { HclExpressions } from './expressions';
import { firstErrorRange, itemStarts, MAX_SINGLE_PIECES, RECOVERY_CHUNK, topLevelNodes } from './recover';
import {
  incrementalItems,
  moveItem,
  type BlockCache,
  type BodyFilter,
  type ConversionCounts,
  type KeptItem,
  type RangeParse,
  type TopItem,
  type TreeChanges,
} from './items';

/** Where a comment may start (HCL: `#`, `//`, `/*`). */
const COMMENT_START = /#|\/[/*]/;

/**
 * Converts a tree-sitter tree of an HCL file into a ConfigFile: top-level items (blocks,
 * attributes, comments, syntax errors), reusing unchanged blocks from the last conversion and
 * converting only the items that edits touched (see incrementalItems, convertWithinBlock).
 */

export class HclConverter {
  private readonly lines: LineIndex;
  private readonly expressions: HclExpressions;
  private readonly blocks: HclBlocks;
  private readonly comments: ConfigComment[] = [];
  private readonly syntaxErrors: Range[] = [];

  constructor(
    private readonly filePath: string,
    private readonly text: string,
    private readonly readBody: BodyFilter = () => true,
    /** Parses a stretch of the text alone: with it, damaged stretches are recovered piece by piece. */
    private readonly parseRange?: RangeParse,
  ) {
    this.lines = new LineIndex(text);
    this.expressions = new HclExpressions(text, this.lines);
    this.blocks = new HclBlocks(this.lines, this.expressions, readBody);
  }

  convert(tree: Tree, cache?: BlockCache, changes?: TreeChanges, counts?: ConversionCounts): ConfigFile {
    const incremental =
      cache?.items && cache.clean && changes && !tree.rootNode.hasError
        ? incrementalItems(this.lines, cache.items, cache.text, changes, (from, to, before, after) =>
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
    const items = incrementalItems(this.lines, cache.items, cache.text, changes, (from, to) =>
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

  /**
   * Every top-level item, converted (blocks whose text is in `cache` are reused). With syntax
   * errors, the damaged stretches are parsed again piece by piece (see recoveredItems).
   */
  private allItems(tree: Tree, cache: BlockCache | undefined): TopItem[] {
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
    if (!tree.rootNode.hasError || !this.parseRange) return this.itemsOf(tree, previous);
    const items: TopItem[] = [];
    let afterDamage = false;
    let singles = MAX_SINGLE_PIECES;
    for (const node of topLevelNodes(tree)) {
      const clean = node.type !== 'ERROR' && !node.hasError;
      // After damage, tree-sitter may have closed a block early and made its remaining lines
      // top-level items: an indented one is part of the damaged stretch, not guessed at.
      if (clean && afterDamage && node.type !== 'comment' && this.lines.positionAt(node.startIndex).character !== 0) {
        const item = this.emptyItem(node);
        this.collectComments(node, item.comments);
        items.push(item);
        continue;
      }
      if (clean) {
        const item = node.type === 'block' ? this.cachedBlock(node.startIndex, node.endIndex, () => node, previous) : this.bodyItem(node);
        if (item) items.push(item);
        continue;
      }
      afterDamage = true;
      const starts = itemStarts(this.text, this.lines, node.startIndex, node.endIndex);
      if (starts.length === 0) {
        items.push(this.damagedItem(node, node.parent?.type === 'config_file'));
        continue;
      }
      const bounds = [node.startIndex, ...starts, node.endIndex];
      for (let k = 0; k + 1 < bounds.length; k += RECOVERY_CHUNK) {
        const last = Math.min(k + RECOVERY_CHUNK, bounds.length - 1);
        const clean = this.cleanItems(this.parseRange, bounds[k], bounds[last], previous);
        if (clean) items.push(...clean);
        else if (last - k > 1 && singles >= last - k) {
          singles -= last - k;
          for (let j = k; j < last; j++) items.push(...this.recoveredItems(this.parseRange, bounds[j], bounds[j + 1], previous));
        } else items.push(...this.recoveredItems(this.parseRange, bounds[k], bounds[last], previous));
      }
    }
    return items;
  }

  /** The items of [start, end) parsed on its own, when that has no syntax error. */
  private cleanItems(parse: RangeParse, start: number, end: number, previous: Map<string, TopItem[]>): TopItem[] | undefined {
    const tree = parse(this.text, start, end, this.lines);
    try {
      return tree.rootNode.hasError ? undefined : this.itemsOf(tree, previous);
    } finally {
      tree.delete();
    }
  }

  /** Every top-level item of an error-free tree (blocks found in `previous` are reused). */
  private itemsOf(tree: Tree, previous: Map<string, TopItem[]>): TopItem[] {
    const items: TopItem[] = [];
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
   * The items of [start, end), a piece of a damaged stretch that begins where a top-level item
   * may, parsed on its own. When it parses cleanly, its items are taken as they are. Else only
   * its first item (after comments) is taken, when it also parses alone; damaged items are syntax errors
   * (blocks among them kept with hasErrors, so nothing is reported inside them), and whatever
   * tree-sitter made of the rest is not guessed at (only its comments are kept).
   */
  private recoveredItems(parse: RangeParse, start: number, end: number, previous: Map<string, TopItem[]>): TopItem[] {
    const tree = parse(this.text, start, end, this.lines);
    try {
      if (!tree.rootNode.hasError) return this.itemsOf(tree, previous);
      const items: TopItem[] = [];
      let first = true;
      for (const node of topLevelNodes(tree)) {
        const atStart = first;
        if (node.type === 'comment') {
          items.push(this.commentItem(node));
          continue;
        }
        first = false;
        if (node.type === 'ERROR' || node.hasError) items.push(this.damagedItem(node, false));
        else if (atStart && (node.type === 'block' || node.type === 'attribute'))
          items.push(this.standaloneItem(parse, node) ?? this.damagedItem(node, false));
        else {
          const item = this.emptyItem(node);
          this.collectComments(node, item.comments);
          items.push(item);
        }
      }
      return items;
    } finally {
      tree.delete();
    }
  }

  /** The block or attribute `node` when its text alone parses into exactly that, error-free. */
  private standaloneItem(parse: RangeParse, node: Node): TopItem | undefined {
    const tree = parse(this.text, node.startIndex, node.endIndex, this.lines);
    try {
      const nodes = topLevelNodes(tree).filter((n) => n.type !== 'comment');
      const alone = nodes.length === 1 ? nodes[0] : undefined;
      if (
        tree.rootNode.hasError ||
        !alone ||
        alone.type !== node.type ||
        alone.startIndex !== node.startIndex ||
        alone.endIndex !== node.endIndex
      )
        return undefined;
      return alone.type === 'block' ? this.blockItem(alone) : this.bodyItem(alone);
    } finally {
      tree.delete();
    }
  }

  /**
   * A top-level node with a syntax error in it, as one syntax error where parsing failed: a
   * block is kept with hasErrors (nothing is reported inside it), an attribute as an opaque
   * value, an ERROR node only for its comments (and, outside the body, the sound blocks
   * tree-sitter could not attach, when `outsideBody`).
   */
  private damagedItem(node: Node, outsideBody: boolean): TopItem {
    let item: TopItem;
    if (node.type === 'block') item = this.blockItem(node);
    else if (node.type === 'attribute') item = this.bodyItem(node) ?? this.emptyItem(node);
    else if (outsideBody && node.type === 'ERROR') item = this.rootItem(node) ?? this.emptyItem(node);
    else {
      item = this.emptyItem(node);
      this.collectComments(node, item.comments);
    }
    item.syntaxErrors = [firstErrorRange(node, this.lines)];
    return item;
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
    item.syntaxErrors.push(firstErrorRange(node, this.lines));
    this.collectComments(node, item.comments);
    // Blocks that tree-sitter could not attach to the body still count when sound.
    item.recovered = [];
    for (const child of node.namedChildren) if (child?.type === 'block' && !child.hasError) item.recovered.push(this.blocks.block(child));
    return item;
  }

  /** A top-level attribute (`.tfvars`), comment or unparsable stretch of the body. */
  private bodyItem(node: Node): TopItem | undefined {
    if (node.type === 'attribute') {
      const item = this.emptyItem(node);
      const attribute = this.blocks.attribute(node);
      if (attribute) item.attribute = attribute;
      this.collectComments(node, item.comments);
      return item;
    }
    if (node.type === 'comment') return this.commentItem(node);
    if (node.type === 'ERROR' || node.hasError) {
      const item = this.emptyItem(node);
      item.syntaxErrors.push(firstErrorRange(node, this.lines));
      this.collectComments(node, item.comments);
      return item;
    }
    return undefined;
  }

  private blockItem(node: Node): TopItem {
    const block = this.blocks.block(node, true);
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
    const block = this.blocks.block(node, true);
    const comments: ConfigComment[] = [];
    if (!block.bodySkipped) this.collectComments(node, comments);
    return { type: 'block', start: startIndex, end: endIndex, startPosition: start, block, comments, syntaxErrors: [] };
  }

  private collectComments(node: Node, into: ConfigComment[]): void {
    // Every comment starts with `#`, `//` or `/*`: a node without them is not walked (a walk
    // visits every node through WebAssembly, a tenth of the time of a 14,000-block file).
    if (!COMMENT_START.test(this.text.slice(node.startIndex, node.endIndex))) return;
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
}
