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
  /** `cache` (kept per document) lets unchanged blocks be reused from the last conversion. */
  toConfigFile(filePath: string, text: string, tree: Tree, cache?: BlockCache, readBody?: BodyFilter): ConfigFile;
}

/**
 * Decides from a top-level block's type and labels whether its body is read at all.
 * Converting nodes is the expensive part, and most blocks of a real module are not
 * about load balancers.
 */
export type BodyFilter = (type: string, labels: string[]) => boolean;

/** Converted top-level blocks of a document's previous version, by their source text. */
export type BlockCache = Map<string, { block: ConfigBlock; comments: ConfigComment[]; start: Position; startOffset: number }>;

/** A deep copy of converted syntax moved by whole lines (and the matching offsets). */
function shifted<T>(value: T, lineDelta: number, offsetDelta: number): T {
  if (Array.isArray(value)) return value.map((v: unknown) => shifted(v, lineDelta, offsetDelta)) as T;
  if (value instanceof Map) {
    return new Map([...value].map(([k, v]: [unknown, unknown]) => [k, shifted(v, lineDelta, offsetDelta)])) as T;
  }
  if (value === null || typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  if (typeof source.line === 'number' && typeof source.character === 'number' && Object.keys(source).length === 2) {
    return { line: source.line + lineDelta, character: source.character } as T;
  }
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(source)) {
    copy[key] = key.endsWith('Offset') && typeof field === 'number' ? field + offsetDelta : shifted(field, lineDelta, offsetDelta);
  }
  return copy as T;
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

export function loadHclParser(wasmDir?: string): Promise<HclParser> {
  parserPromise ??= (async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS build of an ESM-first package
    const treeSitter = require('web-tree-sitter') as TreeSitterModule;
    const runtimeWasm = locateWasm('web-tree-sitter.wasm', 'web-tree-sitter', wasmDir);
    await treeSitter.Parser.init({ locateFile: () => runtimeWasm });
    const grammarWasm = locateWasm('tree-sitter-hcl.wasm', '@tree-sitter-grammars/tree-sitter-hcl', wasmDir);
    const language = await treeSitter.Language.load(fs.readFileSync(grammarWasm));
    const parser = new treeSitter.Parser();
    parser.setLanguage(language);
    return createHclParser(parser);
  })();
  return parserPromise;
}

function createHclParser(parser: ParserType): HclParser {
  return {
    parseTree(text, previous) {
      const tree = parser.parse(text, previous);
      if (!tree) throw new Error('tree-sitter returned no tree');
      return tree;
    },
    toConfigFile(filePath, text, tree, cache, readBody) {
      return new HclConverter(filePath, text, readBody).convert(tree, cache);
    },
  };
}

/**
 * Builds the tree-sitter edit for replacing [start, end) of `oldText` by `newText`.
 * web-tree-sitter takes indices and columns in UTF-16 code units, like JavaScript strings.
 */
export function treeEditFor(oldText: string, start: number, end: number, newText: string): Edit {
  const pointAt = (text: string, offset: number) => {
    let row = 0;
    let lastBreak = -1;
    for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
      row++;
      lastBreak = i;
    }
    return { row, column: offset - lastBreak - 1 };
  };
  const newEnd = start + newText.length;
  const newEndPosition = pointAt(oldText.slice(0, start) + newText, newEnd);
  return {
    startIndex: start,
    oldEndIndex: end,
    newEndIndex: newEnd,
    startPosition: pointAt(oldText, start),
    oldEndPosition: pointAt(oldText, end),
    newEndPosition,
  } as Edit;
}

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

  convert(tree: Tree, cache?: BlockCache): ConfigFile {
    const blocks: ConfigBlock[] = [];
    const attributes = new Map<string, ConfigAttribute>();
    const root = tree.rootNode;
    for (const child of root.namedChildren) {
      if (!child) continue;
      if (child.type === 'body') {
        for (const item of child.namedChildren) {
          if (item?.type === 'block') blocks.push(this.cachedBlock(item, cache));
          else if (item?.type === 'attribute') {
            const attribute = this.attribute(item);
            this.collectComments(item);
            if (attribute && !attributes.has(attribute.name)) attributes.set(attribute.name, attribute);
          } else if (item?.type === 'comment') {
            this.comments.push({ text: item.text, range: this.range(item) });
          } else if (item && (item.type === 'ERROR' || item.hasError)) {
            this.syntaxErrors.push(this.range(item));
            this.collectComments(item);
          }
        }
      } else if (child.type === 'comment') {
        this.comments.push({ text: child.text, range: this.range(child) });
      } else if (child.type === 'ERROR') {
        this.syntaxErrors.push(this.range(child));
        this.collectComments(child);
        // Blocks that tree-sitter could not attach to the body still count when sound.
        for (const item of child.namedChildren) if (item?.type === 'block' && !item.hasError) blocks.push(this.block(item));
      }
    }
    if (cache) {
      cache.clear();
      for (const [key, value] of this.nextCache) cache.set(key, value);
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

  private readonly nextCache: BlockCache = new Map();

  /**
   * Converting nodes crosses into WebAssembly for every field, which dominates the time
   * per keystroke. A top-level block whose text is unchanged converts to the same thing,
   * moved by whole lines: reuse it, shifted, instead of walking its nodes again.
   */
  private cachedBlock(node: Node, cache: BlockCache | undefined): ConfigBlock {
    const source = this.text.slice(node.startIndex, node.endIndex);
    const start = this.lines.positionAt(node.startIndex);
    const hit = cache?.get(source);
    if (hit && hit.start.character === start.character) {
      const lineDelta = start.line - hit.start.line;
      const offsetDelta = node.startIndex - hit.startOffset;
      const block = lineDelta === 0 && offsetDelta === 0 ? hit.block : shifted(hit.block, lineDelta, offsetDelta);
      const comments = lineDelta === 0 ? hit.comments : shifted(hit.comments, lineDelta, offsetDelta);
      this.comments.push(...comments);
      this.nextCache.set(source, { block, comments, start, startOffset: node.startIndex });
      return block;
    }
    const before = this.comments.length;
    const block = this.block(node, true);
    if (!block.bodySkipped) this.collectComments(node);
    if (!block.hasErrors) {
      this.nextCache.set(source, { block, comments: this.comments.slice(before), start, startOffset: node.startIndex });
    }
    return block;
  }

  private collectComments(node: Node): void {
    // Iterative walk: deeply nested input must not overflow the stack.
    const cursor = node.walk();
    let done = false;
    while (!done) {
      const current = cursor.currentNode;
      if (current.type === 'comment') {
        this.comments.push({ text: current.text, range: this.range(current) });
      }
      if (current.type !== 'comment' && cursor.gotoFirstChild()) continue;
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

  private block(node: Node, topLevel = false): ConfigBlock {
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
          blocks.push(this.block(item));
        }
      }
    }
    const headerStart = labelRanges[0]?.start ?? this.lines.positionAt(node.startIndex);
    const headerEnd = labelRanges[labelRanges.length - 1]?.end ?? this.lines.positionAt(node.startIndex + type.length);
    return {
      type,
      labels,
      labelRanges,
      range: this.range(node),
      headerRange: { start: headerStart, end: headerEnd },
      attributes,
      blocks,
      startOffset: node.startIndex,
      endOffset: node.endIndex,
      bodyStartOffset,
      closeOffset,
      hasErrors: node.hasError,
      ...(bodySkipped ? { bodySkipped } : {}),
    };
  }

  private attribute(node: Node): ConfigAttribute | undefined {
    const name = node.namedChildren.find((c) => c?.type === 'identifier');
    const value = node.namedChildren.find((c) => c?.type === 'expression');
    if (!name || !value) return undefined;
    const expr = node.hasError ? this.opaque(value) : this.expression(value);
    return {
      name: name.text,
      expr,
      nameRange: this.range(name),
      valueRange: this.range(value),
      range: this.lines.range(node.startIndex, node.endIndex),
      startOffset: node.startIndex,
      endOffset: node.endIndex,
    };
  }

  private opaque(node: Node): Expr {
    return { kind: 'opaque', text: node.text, range: this.range(node) };
  }

  /** Converts an `expression` node (or one of its inner kinds). */
  private expression(node: Node, depth = 0): Expr {
    if (depth > 200 || node.hasError) return this.opaque(node);
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
        const isHeredoc = quoted.type === 'heredoc_template';
        const parts: Expr[] = [];
        for (const part of quoted.namedChildren) {
          if (!part) continue;
          if (part.type === 'template_literal') {
            parts.push({ kind: 'literal', value: isHeredoc ? part.text : unescapeHcl(part.text), range: this.range(part) });
          } else if (part.type === 'template_interpolation') {
            const inner = part.namedChildren.find((c) => c?.type === 'expression');
            if (!inner) return this.opaque(node);
            parts.push(this.expression(inner, depth + 1));
          } else if (part.type === 'template_directive') {
            return this.opaque(node);
          }
        }
        return { kind: 'template', parts, range };
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
        return {
          kind: 'conditional',
          condition: this.expression(parts[0], depth + 1),
          whenTrue: this.expression(parts[1], depth + 1),
          whenFalse: this.expression(parts[2], depth + 1),
          range,
        };
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
          const opNode = inner.children.find((c) => c !== null && !c.isNamed);
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
        range: { start: previous.range.start, end: this.lines.positionAt(node.endIndex) },
      };
    }
    return operands;
  }

  private stringLitValue(node: Node): string {
    const literal = node.namedChildren.find((c) => c?.type === 'template_literal');
    return literal ? unescapeHcl(literal.text) : '';
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
