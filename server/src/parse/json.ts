import * as jsonc from 'jsonc-parser';
import type { Range } from '../core/types';
import type { ConfigAttribute, ConfigBlock, ConfigComment, ConfigFile, Expr } from './config';
import { compactParseTree, type TreePart } from './jsonTree';
import { LineIndex } from './positions';

export interface JsonDocument {
  root: jsonc.Node | undefined;
  errors: jsonc.ParseError[];
  lines: LineIndex;
  comments: ConfigComment[];
}

export function parseJsonDocument(text: string): JsonDocument {
  const { root, errors } = parseJsonTree(text);
  const lines = new LineIndex(text);
  return { root, errors, lines, comments: collectJsonComments(text, lines) };
}

/** JSON nested deeper than this is not parsed: jsonc-parser and the walks over its tree recurse per level. */
export const MAX_JSON_DEPTH = 256;

/**
 * jsonc-parser's parseTree (comments and trailing commas allowed; see compactParseTree) of
 * the text or of `part` of it (offsets stay the whole text's), with a nesting bound: text nested
 * deeper than MAX_JSON_DEPTH gives no tree, one error, and `tooDeepAt` (the offset of the
 * bracket that went too deep), so hostile input cannot overflow the stack.
 */
export function parseJsonTree(
  text: string,
  part: { from: number; to: number } & Pick<TreePart, 'skip'> = { from: 0, to: text.length },
): { root: jsonc.Node | undefined; errors: jsonc.ParseError[]; tooDeepAt?: number } {
  const parsed = part.from === 0 && part.to === text.length ? text : text.slice(part.from, part.to);
  const deep = nestingPastLimit(parsed, MAX_JSON_DEPTH);
  if (deep >= 0) {
    const tooDeepAt = part.from + deep;
    return { root: undefined, errors: [{ error: jsonc.ParseErrorCode.InvalidSymbol, offset: tooDeepAt, length: 1 }], tooDeepAt };
  }
  const errors: jsonc.ParseError[] = [];
  const root = compactParseTree(
    parsed,
    errors,
    { allowTrailingComma: true, disallowComments: false },
    { base: part.from, skip: part.skip },
  );
  return { root, errors };
}

/** The offset where `[`/`{` nesting first exceeds `limit`, or -1 (one pass; strings and comments skipped). */
export function nestingPastLimit(text: string, limit: number): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c /* \ */) i++;
    } else if (c === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2f) {
      while (i < text.length && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d) i++;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a /* * */) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > limit) return i;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      if (depth > 0) depth--;
    }
  }
  return -1;
}

export function collectJsonComments(text: string, lines: LineIndex): ConfigComment[] {
  const comments: ConfigComment[] = [];
  const scanner = jsonc.createScanner(text, false);
  for (let token = scanner.scan(); token !== jsonc.SyntaxKind.EOF; token = scanner.scan()) {
    if (token === jsonc.SyntaxKind.LineCommentTrivia || token === jsonc.SyntaxKind.BlockCommentTrivia) {
      const start = scanner.getTokenOffset();
      const end = start + scanner.getTokenLength();
      comments.push({ text: text.slice(start, end), range: lines.range(start, end) });
    }
  }
  return comments;
}

export function nodeRange(lines: LineIndex, node: jsonc.Node): Range {
  return lines.range(node.offset, node.offset + node.length);
}

/**
 * A plain JSON value (no templates: ELB API bodies and plan values) as an expression:
 * literals, tuples and objects with literal keys. Deeper than 64 levels it is opaque.
 * `range`: the node's range, when the caller has made it already.
 */
export function jsonValueExpr(lines: LineIndex, node: jsonc.Node, depth = 0, range = nodeRange(lines, node)): Expr {
  if (depth > 64) return { kind: 'opaque', text: '', range };
  switch (node.type) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
      return { kind: 'literal', value: node.value as string | number | boolean | null, range };
    case 'array':
      return { kind: 'tuple', items: (node.children ?? []).map((c) => jsonValueExpr(lines, c, depth + 1)), range };
    case 'object':
      return {
        kind: 'object',
        entries: (node.children ?? []).flatMap((property) => {
          const [key, value] = property.children ?? [];
          if (!key || !value) return [];
          return [
            {
              key: { kind: 'literal' as const, value: String(key.value), range: nodeRange(lines, key) },
              value: jsonValueExpr(lines, value, depth + 1),
            },
          ];
        }),
        range,
      };
    default:
      return { kind: 'opaque', text: '', range };
  }
}

/** Blocks whose JSON form is an object (or a list of objects) rather than an attribute. */
const NESTED_BLOCKS = new Set(['insert_headers', 'ip_list', 'ip_group', 'network', 'ipgroup', 'content']);

/** More nested blocks of some resource types (their JSON form is ambiguous without the schema). */
const RESOURCE_NESTED_BLOCKS: Record<string, ReadonlySet<string>> = {
  kubernetes_service: new Set(['metadata', 'spec', 'port']),
  kubernetes_service_v1: new Set(['metadata', 'spec', 'port']),
};

/** Nested blocks deeper than any provider schema (hostile input) are not read: the recursion must stay bounded. */
const MAX_BLOCK_DEPTH = 64;

/**
 * Terraform JSON (`.tf.json`) → ConfigFile. String values are templates; `parseTemplate`
 * (backed by the HCL parser, see parseTemplateText) turns a decoded string such as
 * `${var.x}` into an expression.
 */
export function tfJsonToConfigFile(filePath: string, text: string, parseTemplate: (template: string) => Expr | undefined): ConfigFile {
  const doc = parseJsonDocument(text);
  const { lines } = doc;
  const blocks: ConfigBlock[] = [];
  const syntaxErrors = doc.errors.map((e) => lines.range(e.offset, e.offset + e.length));
  const root = doc.root;

  const expr = (node: jsonc.Node, depth: number): Expr => {
    const range = nodeRange(lines, node);
    if (depth > 100) return { kind: 'opaque', text: '', range };
    switch (node.type) {
      case 'string': {
        const value = node.value as string;
        if (!value.includes('${') && !value.includes('%{')) return { kind: 'literal', value, range };
        const parsed = parseTemplate(value);
        return parsed ? withRange(parsed, range) : { kind: 'opaque', text: value, range };
      }
      case 'number':
      case 'boolean':
      case 'null':
        return { kind: 'literal', value: node.value as number | boolean | null, range };
      case 'array':
        return { kind: 'tuple', items: (node.children ?? []).map((c) => expr(c, depth + 1)), range };
      case 'object':
        return {
          kind: 'object',
          entries: (node.children ?? []).flatMap((prop) => {
            const [key, value] = prop.children ?? [];
            return key && value ? [{ key: expr(key, depth + 1), value: expr(value, depth + 1) }] : [];
          }),
          range,
        };
      default:
        return { kind: 'opaque', text: '', range };
    }
  };

  const bodyBlock = (
    type: string,
    labelNodes: jsonc.Node[],
    body: jsonc.Node,
    jsonPath: (string | number)[],
    depth = 0,
    extraBlocks?: ReadonlySet<string>,
  ): ConfigBlock => {
    const attributes = new Map<string, ConfigAttribute>();
    const nested: ConfigBlock[] = [];
    for (const prop of body.children ?? []) {
      const [key, value] = prop.children ?? [];
      if (!key || !value) continue;
      const name = key.value as string;
      if (name === 'dynamic' && value.type === 'object' && depth < MAX_BLOCK_DEPTH) {
        // `"dynamic": { "<type>": { "for_each": …, "content": { … } } }`: one dynamic block per type.
        for (const dynamicProp of value.children ?? []) {
          const [label, dynamicBody] = dynamicProp.children ?? [];
          if (label && dynamicBody?.type === 'object') {
            nested.push(bodyBlock('dynamic', [label], dynamicBody, [...jsonPath, name, label.value as string], depth + 1, extraBlocks));
          }
        }
        continue;
      }
      if ((NESTED_BLOCKS.has(name) || extraBlocks?.has(name)) && (value.type === 'object' || value.type === 'array')) {
        const items = value.type === 'array' ? (value.children ?? []) : [value];
        items.forEach((item, index) => {
          if (item.type === 'object' && depth < MAX_BLOCK_DEPTH) {
            const path = value.type === 'array' ? [...jsonPath, name, index] : [...jsonPath, name];
            nested.push(bodyBlock(name, [key], item, path, depth + 1, extraBlocks));
          }
        });
        continue;
      }
      if (!attributes.has(name)) {
        attributes.set(name, {
          name,
          expr: expr(value, 0),
          nameRange: nodeRange(lines, key),
          valueRange: nodeRange(lines, value),
          range: lines.range(key.offset, value.offset + value.length),
        });
      }
    }
    const labelRanges = labelNodes.map((n) => nodeRange(lines, n));
    const header = labelRanges[labelRanges.length - 1] ?? nodeRange(lines, body);
    const end = body.offset + body.length;
    // An unclosed body, or one with a syntax error inside, may be half-typed (as in HCL).
    const closed = text.charCodeAt(end - 1) === 0x7d; // }
    const hasErrors = !closed || doc.errors.some((e) => e.offset >= body.offset && e.offset < end);
    return {
      type,
      labels: labelNodes.map((n) => String(n.value)),
      labelRanges,
      range: nodeRange(lines, body),
      headerRange: header,
      attributes,
      blocks: nested,
      bodyStart: lines.positionAt(body.offset + 1),
      close: closed ? lines.positionAt(end - 1) : undefined,
      hasErrors,
      jsonPath,
    };
  };

  /** Each level of a JSON block may be an object or a list of objects. */
  const objectsOf = (node: jsonc.Node, path: (string | number)[]): { node: jsonc.Node; path: (string | number)[] }[] => {
    if (node.type === 'object') return [{ node, path }];
    if (node.type === 'array') {
      return (node.children ?? []).flatMap((child, i) => (child.type === 'object' ? [{ node: child, path: [...path, i] }] : []));
    }
    return [];
  };

  if (root?.type === 'object') {
    for (const top of root.children ?? []) {
      const [topKey, topValue] = top.children ?? [];
      if (!topKey || !topValue) continue;
      const blockType = topKey.value as string;
      for (const level1 of objectsOf(topValue, [blockType])) {
        if (blockType === 'locals') {
          blocks.push(bodyBlock('locals', [], level1.node, level1.path));
          continue;
        }
        const twoLabels = blockType === 'resource' || blockType === 'data';
        for (const prop of level1.node.children ?? []) {
          const [k1, v1] = prop.children ?? [];
          if (!k1 || !v1) continue;
          if (!twoLabels) {
            for (const body of objectsOf(v1, [...level1.path, k1.value as string])) {
              blocks.push(bodyBlock(blockType, [k1], body.node, body.path));
            }
            continue;
          }
          for (const level2 of objectsOf(v1, [...level1.path, k1.value as string])) {
            for (const prop2 of level2.node.children ?? []) {
              const [k2, v2] = prop2.children ?? [];
              if (!k2 || !v2) continue;
              for (const body of objectsOf(v2, [...level2.path, k2.value as string])) {
                const resourceType = String(k1.value);
                const extra =
                  blockType === 'resource' && Object.prototype.hasOwnProperty.call(RESOURCE_NESTED_BLOCKS, resourceType)
                    ? RESOURCE_NESTED_BLOCKS[resourceType]
                    : undefined;
                blocks.push(bodyBlock(blockType, [k1, k2], body.node, body.path, 0, extra));
              }
            }
          }
        }
      }
    }
  }

  return { path: filePath, format: 'tfjson', text, lines, blocks, attributes: new Map(), comments: doc.comments, syntaxErrors };
}

/** Expressions parsed from inside a JSON string get the string's range (sub-ranges don't map). */
function withRange(expr: Expr, range: Range): Expr {
  switch (expr.kind) {
    case 'template':
      return { ...expr, parts: expr.parts.map((p) => withRange(p, range)), range };
    case 'conditional':
      return {
        ...expr,
        condition: withRange(expr.condition, range),
        whenTrue: withRange(expr.whenTrue, range),
        whenFalse: withRange(expr.whenFalse, range),
        range,
      };
    case 'call':
      return { ...expr, args: expr.args.map((a) => withRange(a, range)), range };
    case 'tuple':
      return { ...expr, items: expr.items.map((i) => withRange(i, range)), range };
    case 'object':
      return { ...expr, entries: expr.entries.map((e) => ({ key: withRange(e.key, range), value: withRange(e.value, range) })), range };
    case 'unary':
      return { ...expr, operand: withRange(expr.operand, range), range };
    case 'binary':
      return { ...expr, left: withRange(expr.left, range), right: withRange(expr.right, range), range };
    case 'parens':
      return { ...expr, inner: withRange(expr.inner, range), range };
    case 'traversal':
      return {
        ...expr,
        steps: expr.steps.map((s) => (s.kind === 'index' ? { kind: 'index', key: withRange(s.key, range) } : s)),
        range,
      };
    default:
      return { ...expr, range };
  }
}
