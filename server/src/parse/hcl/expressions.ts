import type { Node } from 'web-tree-sitter';
import type { Range } from '../../core/types';
import type { Expr, TraversalStep } from '../config';
import { LineIndex } from '../positions';

/** Deeper expressions convert to opaque (unknown) values, so recursion stays bounded. */
export const MAX_EXPR_DEPTH = 200;
/** Nested blocks deeper than this are not read (Terraform schemas nest a few levels). */
export const MAX_BLOCK_DEPTH = 64;
/** Longer traversals (`a.b[0]…`, thousands of steps in hostile input) are opaque: converting each step costs. */
export const MAX_TRAVERSAL_STEPS = 256;

/**
 * HCL expressions from tree-sitter nodes: literals, traversals, operators, function calls,
 * templates and heredocs, `for` expressions. Anything not modelled, or nested deeper than
 * MAX_EXPR_DEPTH, becomes an opaque expression (its value unknown).
 */
export class HclExpressions {
  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
  ) {}

  private range(node: Node): Range {
    return this.lines.range(node.startIndex, node.endIndex);
  }

  opaque(node: Node): Expr {
    return { kind: 'opaque', text: node.text, range: this.range(node) };
  }

  /** Converts an `expression` node (or one of its inner kinds). */
  expression(node: Node, depth = 0): Expr {
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
  stringLitValue(node: Node): string {
    // A sound string_lit is its quotes and what lies between: read from the text, without two
    // more crossings into WebAssembly for the quote nodes (every label and string value comes here).
    const start = node.startIndex;
    const end = node.endIndex;
    if (end - start >= 2 && this.text.charCodeAt(start) === 0x22 && this.text.charCodeAt(end - 1) === 0x22 && !node.hasError)
      return unescapeHcl(this.text.slice(start + 1, end - 1));
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
