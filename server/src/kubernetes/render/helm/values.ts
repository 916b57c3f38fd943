import { concat, fromOrigin, plain, unknownText, type Origin, type Sourced } from '../sourced';
import { emitYaml, type RMap, type RNode } from '../tree';

/**
 * The values a template works with: data from values.yaml and Chart.yaml (trees that keep
 * their origins), strings built while rendering (text with a source map), numbers, booleans,
 * nil, lists and dicts made by functions, and unknown (what ELB Lens does not render).
 */
export type TVal =
  | { t: 'data'; node: RNode }
  | { t: 'str'; s: Sourced }
  | { t: 'num'; n: number; origin?: Origin }
  | { t: 'bool'; b: boolean; origin?: Origin }
  | { t: 'nil' }
  | { t: 'list'; items: TVal[] }
  | { t: 'dict'; entries: Map<string, TVal> }
  | { t: 'unknown'; why: string };

export const NIL: TVal = { t: 'nil' };

export function unknown(why: string): TVal {
  return { t: 'unknown', why };
}

export function str(text: string): TVal {
  return { t: 'str', s: plain(text) };
}

/** Data nodes that are scalars become plain values; maps and lists stay data. */
export function settle(value: TVal): TVal {
  if (value.t !== 'data') return value;
  const node = value.node;
  if (node.kind === 'unknown') return unknown(node.reason);
  if (node.kind !== 'scalar') return value;
  const v = node.value;
  if (v === null) return NIL;
  if (typeof v === 'boolean') return { t: 'bool', b: v, ...(node.origin ? { origin: node.origin } : {}) };
  if (typeof v === 'number') return { t: 'num', n: v, ...(node.origin ? { origin: node.origin } : {}) };
  // A plain scalar's text is the value itself: it maps character by character.
  return { t: 'str', s: fromOrigin(v, node.origin, node.source === v) };
}

/** Go's truth: false, 0, nil and empty strings, lists and maps are false; undefined when not known. */
export function truthy(value: TVal): boolean | undefined {
  const v = settle(value);
  switch (v.t) {
    case 'unknown':
      return undefined;
    case 'nil':
      return false;
    case 'bool':
      return v.b;
    case 'num':
      return v.n !== 0;
    case 'str':
      if (v.s.unknown.length > 0) return undefined;
      return v.s.text !== '';
    case 'list':
      return v.items.length > 0;
    case 'dict':
      return v.entries.size > 0;
    case 'data':
      if (v.node.kind === 'map') return v.node.entries.size > 0;
      if (v.node.kind === 'seq') return v.node.items.length > 0;
      return undefined;
  }
}

/** Go's way of printing a number: integers without a fraction, large ones in exponent form. */
export function formatNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return Math.abs(n) >= 1e21 ? n.toExponential() : String(n);
  return String(n);
}

/** A value as template output; what Go would print as `map[…]` or what is unknown becomes an unknown mark. */
export function printed(value: TVal): Sourced {
  const v = settle(value);
  switch (v.t) {
    case 'str':
      return v.s;
    case 'num':
      return fromOrigin(formatNumber(v.n), v.origin, false);
    case 'bool':
      return fromOrigin(String(v.b), v.origin, false);
    // Helm prints a missing value as nothing; a Service value missing from values.yaml is set at install time: unknown.
    case 'nil':
    default:
      return unknownText();
  }
}

/** A value as data, for toYaml: lists and dicts made by functions become trees. */
export function asNode(value: TVal, depth = 0): RNode {
  const v = settle(value);
  if (depth > 50) return { kind: 'unknown', reason: 'nested too deeply' };
  switch (v.t) {
    case 'data':
      return v.node;
    case 'str':
      if (v.s.unknown.length > 0) return { kind: 'unknown', reason: 'not known' };
      return {
        kind: 'scalar',
        value: v.s.text,
        ...(v.s.segments.length === 1 && v.s.segments[0].start === 0 && v.s.segments[0].end === v.s.text.length
          ? { origin: v.s.segments[0].origin, ...(v.s.segments[0].linear ? { source: v.s.text } : {}) }
          : {}),
      };
    case 'num':
      return { kind: 'scalar', value: v.n, ...(v.origin ? { origin: v.origin } : {}) };
    case 'bool':
      return { kind: 'scalar', value: v.b, ...(v.origin ? { origin: v.origin } : {}) };
    case 'nil':
      return { kind: 'scalar', value: null };
    case 'list':
      return { kind: 'seq', items: v.items.map((i) => asNode(i, depth + 1)) };
    case 'dict': {
      const map: RMap = { kind: 'map', entries: new Map() };
      for (const [key, item] of v.entries) map.entries.set(key, { value: asNode(item, depth + 1) });
      return map;
    }
    default:
      return { kind: 'unknown', reason: v.why };
  }
}

/** Helm's toYaml: keys sorted, no trailing line break; a scalar alone on its line. */
export function toYaml(value: TVal): Sourced {
  const node = asNode(value);
  if (node.kind === 'unknown') return unknownText();
  const text = emitYaml(node, 0, true);
  return text.text.endsWith('\n') ? { ...text, text: text.text.slice(0, -1) } : text;
}

export function joinPrinted(values: TVal[], separator: string): Sourced {
  const parts: Sourced[] = [];
  values.forEach((v, i) => {
    if (i > 0) parts.push(plain(separator));
    parts.push(printed(v));
  });
  return concat(parts);
}
