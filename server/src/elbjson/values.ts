import type { ConfigAttribute, Expr } from '../parse/config';
import type { KnownValue } from '../model/value';

/** Values of ELB JSON fields, read straight from the JSON (there is nothing to evaluate). */

export function exprValue(expr: Expr, depth = 0): KnownValue | undefined {
  if (depth > 64) return undefined;
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'tuple': {
      const items: KnownValue[] = [];
      for (const item of expr.items) {
        const v = exprValue(item, depth + 1);
        if (v === undefined) return undefined;
        items.push(v);
      }
      return items;
    }
    case 'object': {
      // Null prototype: keys come from the file (`__proto__` is a plain key here).
      const out = Object.create(null) as { [key: string]: KnownValue };
      for (const entry of expr.entries) {
        const k = entry.key.kind === 'literal' ? entry.key.value : undefined;
        const v = exprValue(entry.value, depth + 1);
        if (typeof k !== 'string' || v === undefined) return undefined;
        out[k] = v;
      }
      return out;
    }
    default:
      return undefined;
  }
}

/** A block, or a file's top-level attributes. */
export type Holder = { attributes: Map<string, ConfigAttribute> } | undefined;

export function valueOf(block: Holder, name: string): KnownValue | undefined {
  const attribute = block?.attributes.get(name);
  return attribute ? exprValue(attribute.expr) : undefined;
}

/** A non-empty string value. */
export function str(block: Holder, name: string): string | undefined {
  const value = valueOf(block, name);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export function bool(block: Holder, name: string): boolean | undefined {
  const value = valueOf(block, name);
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  return undefined;
}

/** Ids of a `[{"id": …}]` list (or a list of id strings). */
export function idList(block: Holder, name: string): string[] {
  const value = valueOf(block, name);
  if (!Array.isArray(value)) return [];
  const ids: string[] = [];
  for (const item of value) {
    const id = typeof item === 'string' ? item : item && typeof item === 'object' && !Array.isArray(item) ? item.id : undefined;
    if (typeof id === 'string' && id !== '') ids.push(id);
  }
  return ids;
}

export function isTrue(value: KnownValue | undefined): boolean {
  return value === true || value === 'true';
}
