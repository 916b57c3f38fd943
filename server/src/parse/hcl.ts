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

/** A converted top-level block of a document's previous version. */
export interface CachedBlock {
  block: ConfigBlock;
  comments: ConfigComment[];
  start: Position;
  startOffset: number;
}

/**
 * Converted top-level blocks of a document's previous version, by their source text
 * (several when blocks repeat verbatim).
 */
export type BlockCache = Map<string, CachedBlock[]>;

/**
 * A deep copy of converted syntax moved by whole lines. It holds positions only (the
 * `ConfigBlock` type has no offsets), so moving it means changing every position's line.
 */
function shifted<T>(value: T, lineDelta: number): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const copy: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) copy[i] = shifted(value[i] as unknown, lineDelta);
    return copy as T;
  }
  if (value instanceof Map) {
    const copy = new Map<unknown, unknown>();
    for (const [k, v] of value as Map<unknown, unknown>) copy.set(k, shifted(v, lineDelta));
    return copy as T;
  }
  const source = value as Record<string, unknown>;
  if (isPosition(source)) return { line: source.line + lineDelta, character: source.character } as T;
  const copy: Record<string, unknown> = {};
  for (const key in source) {
    const field = source[key];
    copy[key] = typeof field === 'object' ? shifted(field, lineDelta) : field;
  }
  return copy as T;
}

function isPosition(value: Record<string, unknown>): value is { line: number; character: number } {
  if (typeof value.line !== 'number' || typeof value.character !== 'number') return false;
  let keys = 0;
  for (const key in value) if (Object.prototype.hasOwnProperty.call(value, key)) keys++;
  return keys === 2;
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

  convert(tree: Tree, cache?: BlockCache): ConfigFile {
    const blocks: ConfigBlock[] = [];
    const attributes = new Map<string, ConfigAttribute>();
    const root = tree.rootNode;
    for (const child of root.namedChildren) {
      if (!child) continue;
      if (child.type === 'body') {
        // A cursor over the top-level items: most are cached blocks, which then need no Node object.
        const cursor = child.walk();
        const items: Node[] = [];
        if (cursor.gotoFirstChild()) {
          do {
            if (!cursor.nodeIsNamed) continue;
            if (cursor.nodeType === 'block')
              blocks.push(this.cachedBlock(cursor.startIndex, cursor.endIndex, () => cursor.currentNode, cache));
            else items.push(cursor.currentNode);
          } while (cursor.gotoNextSibling());
        }
        cursor.delete();
        for (const item of items) {
          if (item?.type === 'attribute') {
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

  private remember(source: string, entry: CachedBlock): void {
    const entries = this.nextCache.get(source);
    if (entries) entries.push(entry);
    else this.nextCache.set(source, [entry]);
  }

  /**
   * Converting nodes crosses into WebAssembly for every field, which dominates the time
   * per keystroke. A top-level block whose text is unchanged converts to the same thing,
   * moved by whole lines: reuse it, shifted, instead of walking its nodes again.
   */
  private cachedBlock(startIndex: number, endIndex: number, nodeOf: () => Node, cache: BlockCache | undefined): ConfigBlock {
    const source = this.text.slice(startIndex, endIndex);
    const start = this.lines.positionAt(startIndex);
    // Of identical blocks, prefer one that did not move (nothing to shift), then one on the same line.
    const candidates = cache?.get(source)?.filter((c) => c.start.character === start.character);
    const hit =
      candidates?.find((c) => c.startOffset === startIndex) ?? candidates?.find((c) => c.start.line === start.line) ?? candidates?.[0];
    if (hit) {
      const lineDelta = start.line - hit.start.line;
      // Converted syntax holds positions only (no offsets), and is never mutated: a block
      // that moved along its line is the same object.
      const block = lineDelta === 0 ? hit.block : shifted(hit.block, lineDelta);
      const comments = lineDelta === 0 ? hit.comments : shifted(hit.comments, lineDelta);
      this.comments.push(...comments);
      this.remember(source, { block, comments, start, startOffset: startIndex });
      return block;
    }
    const node = nodeOf();
    const before = this.comments.length;
    const block = this.block(node, true);
    if (!block.bodySkipped) this.collectComments(node);
    if (!block.hasErrors) {
      this.remember(source, { block, comments: this.comments.slice(before), start, startOffset: startIndex });
    }
    return block;
  }

  private collectComments(node: Node): void {
    // Iterative walk: deeply nested input must not overflow the stack.
    const cursor = node.walk();
    let done = false;
    while (!done) {
      // nodeType reads the cursor without building a Node object for every node visited.
      const isComment = cursor.nodeType === 'comment';
      if (isComment) {
        const { startIndex, endIndex } = cursor;
        this.comments.push({ text: this.text.slice(startIndex, endIndex), range: this.lines.range(startIndex, endIndex) });
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
        range: { start: previous.range.start, end: this.lines.positionAt(node.endIndex) },
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
  const tail = rightAssociated(condition.whenFalse, whenTrue, whenFalse, { start: condition.whenFalse.range.start, end: range.end });
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
