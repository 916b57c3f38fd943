import { isAlias, isMap, isScalar, isSeq, Lexer, parseAllDocuments, visit, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Range } from '../core/types';
import type { ConfigAttribute, ConfigComment, Expr } from './config';
import { LineIndex } from './positions';

/**
 * YAML syntax for the front ends that read YAML (Kubernetes manifests): the documents of a
 * stream with the source ranges of every node, the comments, and the syntax errors. It
 * knows nothing of Kubernetes; `kubernetes/` decides what the documents mean.
 *
 * Parsing follows what `kubectl` does with a manifest (go-yaml, YAML 1.1): `yes`/`on` are
 * booleans and `<<` merge keys apply. Broken input never throws: the `yaml` package keeps
 * what it could read of each document and reports the rest as errors, and a nesting deep
 * enough to overflow the stack (hostile input) leaves an empty stream with one error.
 */

export interface YamlSource {
  text: string;
  lines: LineIndex;
  documents: YamlDocument[];
  comments: ConfigComment[];
  /** Syntax errors, as offset pairs. */
  errors: { start: number; end: number }[];
}

export interface YamlDocument {
  doc: Document.Parsed;
  /** The document's own range (`---` to the next one). */
  start: number;
  end: number;
  /** True when the parser had to recover somewhere in the document. */
  hasErrors: boolean;
  /** Looks up the node an alias names (cached per document). */
  resolve(node: Node | null | undefined): Node | null | undefined;
}

/** `comments: false`: no comment list (for text that no suppression is read from: rendered output, values). */
export function parseYaml(text: string, options: { comments?: boolean } = {}): YamlSource {
  const lines = new LineIndex(text);
  let parsed: Document.Parsed[] = [];
  const errors: { start: number; end: number }[] = [];
  // The yaml library breaks lines at LF only: a lone CR (old Mac line endings) becomes LF,
  // one character for one, so every offset stays where it was.
  const source = text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
  try {
    const stream = parseAllDocuments(source, { version: '1.1', uniqueKeys: false, strict: false, prettyErrors: false });
    parsed = Array.isArray(stream) ? stream : [];
  } catch (error) {
    // The composer recurses per nesting level: tens of thousands of levels overflow the stack.
    if (!(error instanceof RangeError)) throw error;
    errors.push({ start: 0, end: text.length });
  }
  const documents = parsed.map((doc) => {
    const [start, , end] = doc.range;
    const docErrors = doc.errors.map((e) => ({ start: e.pos[0], end: Math.max(e.pos[0], e.pos[1]) }));
    errors.push(...docErrors);
    return { doc, start, end, hasErrors: docErrors.length > 0, resolve: aliasResolver(doc) };
  });
  return { text, lines, documents, comments: options.comments === false ? [] : collectComments(source, lines), errors };
}

/**
 * `# …` comments, from the lexer so that a `#` inside a quoted or block scalar is not one.
 * The lexer's tokens are the source split in order, plus zero-length control characters.
 */
function collectComments(text: string, lines: LineIndex): ConfigComment[] {
  const comments: ConfigComment[] = [];
  let offset = 0;
  try {
    for (const token of new Lexer().lex(text)) {
      if (token === '\x02' || token === '\x18' || token === '\x1f') continue;
      if (token.startsWith('#')) comments.push({ text: token, range: lines.range(offset, offset + token.length) });
      offset += token.length;
    }
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
  }
  return comments;
}

/**
 * Aliases name the latest anchor of that name before them. The anchors of a document are
 * collected once (visiting it), so resolving many aliases stays linear.
 */
function aliasResolver(doc: Document.Parsed): YamlDocument['resolve'] {
  let anchors: Map<string, { offset: number; node: Node }[]> | undefined;
  return (node) => {
    if (!isAlias(node)) return node;
    if (!anchors) {
      const found = new Map<string, { offset: number; node: Node }[]>();
      try {
        visit(doc, (_key, visited) => {
          const n = visited as Node;
          if (n && typeof n === 'object' && 'anchor' in n && typeof n.anchor === 'string' && n.range) {
            const list = found.get(n.anchor) ?? [];
            list.push({ offset: n.range[0], node: n });
            found.set(n.anchor, list);
          }
        });
      } catch (error) {
        if (!(error instanceof RangeError)) throw error;
      }
      anchors = found;
    }
    const at = node.range?.[0] ?? Number.MAX_SAFE_INTEGER;
    const candidates = (anchors.get(node.source) ?? []).filter((c) => c.offset < at);
    return candidates[candidates.length - 1]?.node;
  };
}

/** A node's range without the comments and blank lines after it. */
export function yamlRange(lines: LineIndex, node: Node): Range {
  const [start, valueEnd] = node.range ?? [0, 0];
  return lines.range(start, valueEnd);
}

/** The value of a scalar (after alias resolution); undefined for collections and missing nodes. */
export function scalarValue(doc: YamlDocument, node: Node | null | undefined): string | number | boolean | null | undefined {
  const resolved = doc.resolve(node);
  if (resolved === null) return null;
  if (!isScalar(resolved)) return undefined;
  const value = resolved.value;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(resolved.source ?? value);
  if (typeof value === 'bigint') return Number(value);
  return undefined;
}

/** The string a scalar holds; numbers and booleans as YAML writes them, as Kubernetes would refuse them. */
export function scalarString(doc: YamlDocument, node: Node | null | undefined): string | undefined {
  const value = scalarValue(doc, node);
  return typeof value === 'string' ? value : undefined;
}

export interface YamlEntry {
  key: string;
  pair: Pair;
  /** The value node, aliases resolved. */
  value: Node | null | undefined;
  /** True when the entry came through a `<<` merge key, not from the mapping itself. */
  merged: boolean;
  /** True when the key appears more than once in the mapping (which kubectl rejects). */
  duplicate: boolean;
}

/**
 * The entries of a mapping by key, `<<` merges included (the mapping's own keys win, as in
 * YAML 1.1), at most `limit` of them. Keys that are not scalars are skipped.
 */
export function mapEntries(
  doc: YamlDocument,
  node: Node | null | undefined,
  limit = 10_000,
  seen: Set<Node> = new Set(),
): Map<string, YamlEntry> {
  const entries = new Map<string, YamlEntry>();
  const map = doc.resolve(node);
  // A mapping that merges itself, or two that merge each other, end here; so does a chain of merges deeper than any real one.
  if (!isMap(map) || seen.has(map) || seen.size > 32) return entries;
  seen.add(map);
  const merges: Node[] = [];
  for (const pair of (map as YAMLMap).items.slice(0, limit)) {
    const keyNode = pair.key as Node | null;
    const rawKey = isScalar(keyNode) ? keyNode.value : undefined;
    if (typeof rawKey === 'symbol' || rawKey === '<<') {
      const value = pair.value as Node | null;
      if (isSeq(doc.resolve(value))) merges.push(...((doc.resolve(value) as { items: Node[] }).items ?? []));
      else if (value) merges.push(value);
      continue;
    }
    if (rawKey === undefined || rawKey === null || typeof rawKey === 'object') continue;
    const key = String(rawKey);
    const existing = entries.get(key);
    if (existing && !existing.merged) {
      existing.duplicate = true;
      continue;
    }
    entries.set(key, { key, pair, value: doc.resolve(pair.value as Node | null), merged: false, duplicate: false });
  }
  for (const source of merges.slice(0, 100)) {
    const merged = doc.resolve(source);
    if (!isMap(merged) || seen.has(merged)) continue;
    for (const [key, entry] of mapEntries(doc, merged, limit, seen)) {
      if (!entries.has(key)) entries.set(key, { ...entry, merged: true });
    }
  }
  return entries;
}

/** The items of a sequence (aliases resolved), at most `limit`. */
export function seqItems(doc: YamlDocument, node: Node | null | undefined, limit = 10_000): Node[] {
  const seq = doc.resolve(node);
  if (!isSeq(seq)) return [];
  return seq.items
    .slice(0, limit)
    .map((item) => doc.resolve(item as Node))
    .filter((item): item is Node => !!item);
}

/** A mapping entry as a ConfigAttribute: its key, its value as a literal (or opaque) expression, their ranges. */
export function entryAttribute(doc: YamlDocument, lines: LineIndex, text: string, entry: YamlEntry): ConfigAttribute {
  const keyNode = entry.pair.key as Node;
  const [keyStart, keyEnd] = keyNode.range ?? [0, 0];
  const valueNode = entry.pair.value as Node | null;
  let valueStart: number;
  let valueEnd: number;
  if (valueNode?.range) {
    [valueStart, valueEnd] = valueNode.range;
  } else {
    // `key:` with no value: an empty range just after the colon, where a value goes.
    const colon = text.indexOf(':', keyEnd);
    valueStart = valueEnd = colon >= 0 && colon - keyEnd < 1024 ? colon + 1 : keyEnd;
  }
  const valueRange = lines.range(valueStart, valueEnd);
  const value = entry.duplicate ? undefined : scalarValue(doc, valueNode);
  const expr: Expr =
    value === undefined
      ? { kind: 'opaque', text: entry.duplicate ? 'a key written twice' : '', range: valueRange }
      : { kind: 'literal', value, range: valueRange };
  return {
    name: entry.key,
    expr,
    nameRange: lines.range(keyStart, keyEnd),
    valueRange,
    range: lines.range(keyStart, Math.max(keyEnd, valueEnd)),
  };
}

/** What YAML edits need to know of a mapping that a ConfigBlock stands for. */
export interface YamlMappingInfo {
  /** `{ a: b }` rather than one entry a line. */
  flow: boolean;
  /** Offsets of the mapping node (its value end: no trailing comments). */
  start: number;
  end: number;
  /** Offset just past the last entry's value (flow mappings: where `, key: value` goes). */
  lastEntryEnd: number | undefined;
  /** Indentation of the entries' keys (block mappings). */
  entryIndent: string;
}

const mappingInfos = new WeakMap<object, YamlMappingInfo>();

export function yamlMappingInfo(block: object): YamlMappingInfo | undefined {
  return mappingInfos.get(block);
}

/** Records how a block's mapping is written, for the edits of quick fixes (fixes/yamlEdits.ts). */
export function setYamlMappingInfo(block: object, doc: YamlDocument, text: string, node: Node | null | undefined): void {
  const map = doc.resolve(node);
  if (!isMap(map) || !map.range) return;
  const [start, end] = map.range;
  const items = (map as YAMLMap).items;
  const last = items[items.length - 1];
  const lastValue = last?.value as Node | null | undefined;
  const lastKey = last?.key as Node | null | undefined;
  const lastEntryEnd = lastValue?.range?.[1] ?? lastKey?.range?.[1];
  const firstKey = items[0]?.key as Node | null | undefined;
  let entryIndent = '';
  if (firstKey?.range) {
    const keyStart = firstKey.range[0];
    const lineStart = text.lastIndexOf('\n', keyStart - 1) + 1;
    // `- key: v` (a mapping in a list item): the key's column, in spaces.
    entryIndent = text.slice(lineStart, keyStart).replace(/[^\t]/g, ' ');
  }
  mappingInfos.set(block, { flow: map.flow === true, start, end, lastEntryEnd, entryIndent });
}
