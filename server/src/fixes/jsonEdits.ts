import * as jsonc from 'jsonc-parser';
import { parseJsonTree } from '../parse/json';

/**
 * Minimal edits that set or remove one property of a JSON/JSONC document while keeping
 * the file's own layout: its indentation (also odd ones, like a three-space margin),
 * its `"key" : value` spacing, and its comments. jsonc-parser's `modify` re-formats the
 * lines around an edit and drops the comments between neighbouring properties, so the
 * common shapes (a property on its own line(s)) are edited here directly, and `modify`
 * only handles the rest (single-line objects, empty objects, missing parents).
 */

export interface OffsetEdit {
  offset: number;
  length: number;
  content: string;
}

/** `value` undefined removes the property. */
export function jsonPropertyEdits(text: string, path: jsonc.JSONPath, value: unknown, eol: string): OffsetEdit[] {
  const root = parsed(text);
  const key = path[path.length - 1];
  const parent = root && path.length > 0 ? jsonc.findNodeAtLocation(root, path.slice(0, -1)) : undefined;
  if (!parent || parent.type !== 'object' || typeof key !== 'string') return formatted(text, path, value, eol);
  const properties = (parent.children ?? []).filter((p) => p.children?.[0]);
  const index = properties.findIndex((p) => p.children![0].value === key);
  const lines = new Lines(text);

  if (value === undefined) {
    if (index < 0) return [];
    // The only property, with nothing else (no comment) inside the braces: leave `{}`.
    const property = properties[index];
    const inside =
      text.slice(parent.offset + 1, property.offset) + text.slice(property.offset + property.length, parent.offset + parent.length - 1);
    if (properties.length === 1 && /^[\s,]*$/.test(inside)) return [{ offset: parent.offset + 1, length: parent.length - 2, content: '' }];
    return removeOwnLines(text, lines, properties, index) ?? jsonc.modify(text, path, undefined, {});
  }
  if (index >= 0) {
    const valueNode = properties[index].children?.[1];
    if (!valueNode) return formatted(text, path, value, eol);
    const indent = lines.indentOf(properties[index].offset);
    return [
      {
        offset: valueNode.offset,
        length: valueNode.length,
        content: serialize(value, indent, indentUnit(text, lines, parent, indent), eol),
      },
    ];
  }
  const last = properties[properties.length - 1];
  if (!last || !ownsLines(text, lines, last)) return formatted(text, path, value, eol);
  const indent = lines.indentOf(last.offset);
  const [lastKey, lastValue] = last.children!;
  const separator = lastValue ? text.slice(lastKey.offset + lastKey.length, lastValue.offset) : ': ';
  const lastEnd = last.offset + last.length;
  const needsComma = tokenAfter(text, lastEnd) !== jsonc.SyntaxKind.CommaToken;
  const at = lines.lineEnd(lastEnd);
  const valueText = serialize(value, indent, indentUnit(text, lines, parent, indent), eol);
  const line = `${eol}${indent}${JSON.stringify(key)}${separator.includes(':') ? separator : ': '}${valueText}`;
  // One edit when the comma goes where the new line starts; two when a comment sits between them.
  if (needsComma && at === lastEnd) return [{ offset: at, length: 0, content: `,${line}` }];
  return [...(needsComma ? [{ offset: lastEnd, length: 0, content: ',' }] : []), { offset: at, length: 0, content: line }];
}

/** Rules ask for many edits of one file in a row (one per finding): parse each text once. */
const recent: { text: string; root: jsonc.Node | undefined }[] = [];

function parsed(text: string): jsonc.Node | undefined {
  const hit = recent.find((r) => r.text === text);
  if (hit) return hit.root;
  const { root } = parseJsonTree(text);
  recent.unshift({ text, root });
  if (recent.length > 4) recent.pop();
  return root;
}

/** Removes a property that sits on lines of its own, with its trailing comma and comment. */
function removeOwnLines(text: string, lines: Lines, properties: jsonc.Node[], index: number): OffsetEdit[] | undefined {
  const property = properties[index];
  if (!ownsLines(text, lines, property)) return undefined;
  const start = lines.lineStart(property.offset);
  const lineEnd = lines.lineEnd(property.offset + property.length);
  const end = lineEnd < text.length ? lineEnd + (text[lineEnd] === '\r' && text[lineEnd + 1] === '\n' ? 2 : 1) : lineEnd;
  const edits: OffsetEdit[] = [{ offset: start, length: end - start, content: '' }];
  // The last property goes: the comma after the one before it must go too.
  if (index === properties.length - 1 && index > 0) {
    const previous = properties[index - 1];
    const comma = commaAfter(text, previous.offset + previous.length, start);
    if (comma !== undefined) edits.unshift({ offset: comma, length: 1, content: '' });
  }
  return edits;
}

/** True when only whitespace precedes the property on its first line and only `,`/a comment follows it on its last. */
function ownsLines(text: string, lines: Lines, property: jsonc.Node): boolean {
  const before = text.slice(lines.lineStart(property.offset), property.offset);
  const endOffset = property.offset + property.length;
  const after = text.slice(endOffset, lines.lineEnd(endOffset));
  return before.trim() === '' && /^\s*,?\s*(\/\/.*|\/\*.*\*\/\s*)?$/.test(after);
}

function tokenAfter(text: string, offset: number): jsonc.SyntaxKind {
  const scanner = jsonc.createScanner(text.slice(offset), true);
  return scanner.scan();
}

function commaAfter(text: string, from: number, before: number): number | undefined {
  const scanner = jsonc.createScanner(text.slice(from, before), true);
  const token = scanner.scan();
  return token === jsonc.SyntaxKind.CommaToken ? from + scanner.getTokenOffset() : undefined;
}

/** The step between an object's line and its properties' lines; two spaces when it cannot tell. */
function indentUnit(text: string, lines: Lines, object: jsonc.Node, propertyIndent: string): string {
  const objectIndent = lines.indentOf(object.offset);
  if (propertyIndent.startsWith(objectIndent) && propertyIndent.length > objectIndent.length)
    return propertyIndent.slice(objectIndent.length);
  return propertyIndent.startsWith('\t') ? '\t' : '  ';
}

/** A JSON value; objects and arrays over several lines, indented from `indent` by `unit`. */
function serialize(value: unknown, indent: string, unit: string, eol: string): string {
  const textValue = JSON.stringify(value, null, unit) ?? 'null';
  return textValue.split('\n').join(eol + indent);
}

/** jsonc-parser's own edit, formatted with the file's indentation. */
function formatted(text: string, path: jsonc.JSONPath, value: unknown, eol: string): OffsetEdit[] {
  const indentMatch = /\n([ \t]+)\S/.exec(text);
  const indent = indentMatch?.[1] ?? '  ';
  return jsonc.modify(text, path, value, {
    formattingOptions: {
      insertSpaces: !indent.startsWith('\t'),
      tabSize: indent.startsWith('\t') ? 1 : indent.length,
      eol,
      insertFinalNewline: false,
    },
  });
}

class Lines {
  constructor(private readonly text: string) {}

  lineStart(offset: number): number {
    return this.text.lastIndexOf('\n', offset - 1) + 1;
  }

  /** Offset of the line break (`\r\n` or `\n`) ending the line of `offset`, or the text's end. */
  lineEnd(offset: number): number {
    const newline = this.text.indexOf('\n', offset);
    if (newline < 0) return this.text.length;
    return newline > 0 && this.text[newline - 1] === '\r' ? newline - 1 : newline;
  }

  indentOf(offset: number): string {
    const start = this.lineStart(offset);
    return /^[ \t]*/.exec(this.text.slice(start, offset))?.[0] ?? '';
  }
}
