import type { Node } from 'web-tree-sitter';
import type { Range } from '../../core/types';
import type { ConfigAttribute, ConfigBlock } from '../config';
import type { LineIndex } from '../positions';
import { MAX_BLOCK_DEPTH, type HclExpressions } from './expressions';
import type { BodyFilter } from './items';

/** Blocks and attributes from tree-sitter nodes (their expressions through HclExpressions). */
export class HclBlocks {
  constructor(
    private readonly lines: LineIndex,
    private readonly expressions: HclExpressions,
    private readonly readBody: BodyFilter,
  ) {}

  private range(node: Node): Range {
    return this.lines.range(node.startIndex, node.endIndex);
  }

  /** `depth`: nesting below the top-level block; deeper blocks than MAX_BLOCK_DEPTH are not read. */
  block(node: Node, topLevel = false, depth = 0): ConfigBlock {
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
          labels.push(this.expressions.stringLitValue(child));
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

  attribute(node: Node): ConfigAttribute | undefined {
    const children = node.namedChildren; // each read crosses into WebAssembly: once
    const name = children.find((c) => c?.type === 'identifier');
    const value = children.find((c) => c?.type === 'expression');
    if (!name || !value) return undefined;
    const expr = node.hasError ? this.expressions.opaque(value) : this.expressions.expression(value);
    return {
      name: name.text,
      expr,
      nameRange: this.range(name),
      valueRange: this.range(value),
      range: this.lines.range(node.startIndex, node.endIndex),
    };
  }
}
