import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { mapEntries, parseYaml, scalarValue, seqItems, type YamlDocument } from '../../parse/yaml';
import { concat, fromOrigin, plain, type Origin, type Sourced } from './sourced';

/**
 * YAML data that remembers where each key and value was written: what the renderers
 * (kustomize.ts, helm/) move around, merge and print. Built from parsed YAML with a budget
 * of nodes, so that aliases that multiply (a "billion laughs" document) end as unknown
 * values instead of filling the memory.
 */

export type RNode = RScalar | RMap | RSeq | RUnknown;

export interface RScalar {
  kind: 'scalar';
  value: string | number | boolean | null;
  origin?: Origin;
  /** The scalar as written (quotes included), when it is one line: printed as it is, it maps linearly. */
  source?: string;
}

export interface RMap {
  kind: 'map';
  entries: Map<string, REntry>;
  origin?: Origin;
}

export interface REntry {
  value: RNode;
  keyOrigin?: Origin;
  /** `key: value` as written on one line in one file, when the value is a scalar. */
  line?: { text: string; origin: Origin };
}

export interface RSeq {
  kind: 'seq';
  items: RNode[];
  origin?: Origin;
}

export interface RUnknown {
  kind: 'unknown';
  reason: string;
  origin?: Origin;
}

/** Nodes one file may produce (aliases included); past it the rest is unknown. */
export const NODE_BUDGET = 200_000;
const MAX_DEPTH = 100;
const MAX_SOURCE = 1_000;

export interface Budget {
  left: number;
}

/** Every document of a YAML text, as trees with origins in `file`. */
export function readYamlDocuments(file: string, text: string, budget: Budget = { left: NODE_BUDGET }): RNode[] {
  const source = parseYaml(text, { comments: false });
  return source.documents
    .filter((doc) => !doc.hasErrors)
    .map((doc) => fromYaml(doc, doc.doc.contents as Node | null, file, text, budget, 0));
}

export function fromYaml(
  doc: YamlDocument,
  node: Node | null | undefined,
  file: string,
  text: string,
  budget: Budget,
  depth: number,
): RNode {
  const resolved = doc.resolve(node);
  if (--budget.left < 0) return { kind: 'unknown', reason: 'too many YAML nodes (aliases that multiply?)' };
  if (depth > MAX_DEPTH) return { kind: 'unknown', reason: 'nested too deeply' };
  const origin = resolved?.range ? { file, start: resolved.range[0], end: resolved.range[1] } : undefined;
  if (resolved === null || resolved === undefined) return { kind: 'scalar', value: null, ...(origin ? { origin } : {}) };
  if (isScalar(resolved)) {
    const value = scalarValue(doc, resolved);
    if (value === undefined) return { kind: 'unknown', reason: 'not a plain value', ...(origin ? { origin } : {}) };
    const written = origin ? text.slice(origin.start, origin.end) : undefined;
    const source = written !== undefined && written.length <= MAX_SOURCE && !written.includes('\n') ? written : undefined;
    return { kind: 'scalar', value, ...(origin ? { origin } : {}), ...(source !== undefined ? { source } : {}) };
  }
  if (isMap(resolved)) {
    const entries = new Map<string, REntry>();
    for (const [key, entry] of mapEntries(doc, resolved)) {
      const keyNode = entry.pair.key as Node | null;
      const keyOrigin = keyNode?.range ? { file, start: keyNode.range[0], end: keyNode.range[1] } : undefined;
      const value: RNode = entry.duplicate
        ? { kind: 'unknown', reason: 'a key written twice' }
        : fromYaml(doc, entry.value, file, text, budget, depth + 1);
      const result: REntry = { value, ...(keyOrigin && !entry.merged ? { keyOrigin } : {}) };
      if (!entry.merged && keyOrigin && value.kind === 'scalar' && value.origin && value.source !== undefined) {
        const line = text.slice(keyOrigin.start, value.origin.end);
        if (!line.includes('\n') && line.length <= MAX_SOURCE)
          result.line = { text: line, origin: { file, start: keyOrigin.start, end: value.origin.end } };
      }
      entries.set(key, result);
    }
    return { kind: 'map', entries, ...(origin ? { origin } : {}) };
  }
  if (isSeq(resolved)) {
    return {
      kind: 'seq',
      items: seqItems(doc, resolved).map((item) => fromYaml(doc, item, file, text, budget, depth + 1)),
      ...(origin ? { origin } : {}),
    };
  }
  return { kind: 'unknown', reason: 'not YAML data', ...(origin ? { origin } : {}) };
}

/** A deep copy, so that patching one overlay's copy leaves the base (and other overlays) alone. */
export function cloneNode(node: RNode): RNode {
  if (node.kind === 'map') {
    const entries = new Map<string, REntry>();
    for (const [key, entry] of node.entries) entries.set(key, { ...entry, value: cloneNode(entry.value) });
    return { ...node, entries };
  }
  if (node.kind === 'seq') return { ...node, items: node.items.map(cloneNode) };
  return { ...node };
}

export function mapGet(node: RNode | undefined, ...keys: string[]): RNode | undefined {
  let current = node;
  for (const key of keys) {
    if (current?.kind !== 'map') return undefined;
    current = current.entries.get(key)?.value;
  }
  return current;
}

export function stringAt(node: RNode | undefined, ...keys: string[]): string | undefined {
  const found = mapGet(node, ...keys);
  return found?.kind === 'scalar' && typeof found.value === 'string' ? found.value : undefined;
}

/** Whether a tree holds an unknown anywhere (a short walk; trees are small after rendering). */
export function hasUnknown(node: RNode, depth = 0): boolean {
  if (node.kind === 'unknown' || depth > MAX_DEPTH) return true;
  if (node.kind === 'map') return [...node.entries.values()].some((e) => hasUnknown(e.value, depth + 1));
  if (node.kind === 'seq') return node.items.some((i) => hasUnknown(i, depth + 1));
  return false;
}

const PLAIN_KEY = /^[A-Za-z0-9_][A-Za-z0-9_./-]*$/;
const RESERVED = /^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~|[-+.\d].*)$/;

function keyText(key: string): string {
  return PLAIN_KEY.test(key) && !RESERVED.test(key) ? key : JSON.stringify(key);
}

/** A scalar as YAML: as written where known (a linear segment), else in JSON form (maps as a whole). */
export function scalarText(node: RScalar): Sourced {
  if (node.source !== undefined && node.origin) return fromOrigin(node.source, node.origin, true);
  const value = node.value;
  const text = value === null ? 'null' : typeof value === 'string' ? JSON.stringify(value) : String(value);
  return fromOrigin(text, node.origin, false);
}

/**
 * A tree as block YAML at `indent` spaces, one key a line, each line ending in `\n`; keys in
 * their order (`sortKeys`: by name, as Helm's toYaml and kustomize print them). Unknown
 * values print as a marked placeholder.
 */
export function emitYaml(node: RNode, indent: number, sortKeys = false, depth = 0): Sourced {
  const pad = ' '.repeat(indent);
  if (node.kind === 'map') {
    if (node.entries.size === 0) return plain(`${pad}{}\n`);
    const keys = [...node.entries.keys()];
    if (sortKeys) keys.sort();
    const parts: Sourced[] = [];
    for (const key of keys) {
      const entry = node.entries.get(key)!;
      const value = entry.value;
      const keyPart = fromOrigin(keyText(key), entry.keyOrigin, entry.keyOrigin !== undefined && keyText(key) === key);
      if (value.kind === 'scalar' || value.kind === 'unknown' || depth >= MAX_DEPTH) {
        if (entry.line && value.kind === 'scalar' && value.source !== undefined && entry.line.text.startsWith(key)) {
          parts.push(plain(pad), fromOrigin(entry.line.text, entry.line.origin, true), plain('\n'));
        } else {
          parts.push(plain(pad), keyPart, plain(': '), inlineValue(value), plain('\n'));
        }
      } else if (value.kind === 'map' && value.entries.size === 0) {
        parts.push(plain(pad), keyPart, plain(': {}\n'));
      } else if (value.kind === 'seq' && value.items.length === 0) {
        parts.push(plain(pad), keyPart, plain(': []\n'));
      } else {
        parts.push(plain(pad), keyPart, plain(':\n'), emitYaml(value, value.kind === 'seq' ? indent : indent + 2, sortKeys, depth + 1));
      }
    }
    return concat(parts);
  }
  if (node.kind === 'seq') {
    if (node.items.length === 0) return plain(`${pad}[]\n`);
    const parts: Sourced[] = [];
    for (const item of node.items) {
      if (item.kind === 'map' && item.entries.size > 0 && depth < MAX_DEPTH) {
        // `- key: value`: the item printed two deeper, its first indentation replaced by the dash.
        const body = emitYaml(item, indent + 2, sortKeys, depth + 1);
        parts.push(plain(`${pad}- `), {
          ...body,
          text: body.text.slice(indent + 2),
          segments: shift(body, -(indent + 2)).segments,
          unknown: shift(body, -(indent + 2)).unknown,
        });
      } else if (item.kind === 'seq' && item.items.length > 0 && depth < MAX_DEPTH) {
        parts.push(plain(`${pad}-\n`), emitYaml(item, indent + 2, sortKeys, depth + 1));
      } else {
        parts.push(plain(`${pad}- `), inlineValue(item), plain('\n'));
      }
    }
    return concat(parts);
  }
  return concat([plain(pad), inlineValue(node), plain('\n')]);
}

function inlineValue(node: RNode): Sourced {
  if (node.kind === 'scalar') return scalarText(node);
  if (node.kind === 'map' && node.entries.size === 0) return plain('{}');
  if (node.kind === 'seq' && node.items.length === 0) return plain('[]');
  const text = '__elb_lens_unknown__';
  return { text, segments: [], unknown: [{ start: 0, end: text.length }] };
}

function shift(source: Sourced, by: number): Sourced {
  return {
    text: source.text,
    segments: source.segments.map((s) => ({ ...s, start: s.start + by, end: s.end + by })).filter((s) => s.start >= 0),
    unknown: source.unknown.map((u) => ({ start: Math.max(0, u.start + by), end: Math.max(0, u.end + by) })),
  };
}
