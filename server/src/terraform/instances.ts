import { terraformNumber } from './conversions';
import type { ConfigBlock } from '../parse/config';
import { Unknown, isUnknown, type KnownValue, type Value } from '../model/value';
import type { Scope } from './scope';

/**
 * How many of a block Terraform makes: the instances of a resource or module call from its
 * `count` or `for_each`, and the nested blocks a `dynamic` block generates.
 */

/** `[1]`, `["ssh"]` or '' */
export function keySuffix(key: number | string | undefined): string {
  if (key === undefined) return '';
  return typeof key === 'number' ? `[${key}]` : `[${JSON.stringify(key)}]`;
}

interface Expansion {
  key: number | string | undefined;
  abstract: boolean;
  scope: Scope;
}

/** Instances above this count are not expanded one by one (one abstract instance stands for them). */
const MAX_INSTANCES = 256;

/**
 * The instances of a resource or module block from its `count` or `for_each`, each with a
 * scope that binds `count.index` or `each.key`/`each.value`. Unknown counts give one
 * abstract instance (its `count.index` is unknown), so nothing is guessed.
 */
export function expand(block: ConfigBlock, scope: Scope): Expansion[] {
  const countAttribute = block.attributes.get('count');
  const forEachAttribute = block.attributes.get('for_each');
  if (countAttribute) {
    const origin = { scope, expr: countAttribute.expr };
    const count = toCount(scope.evaluate(countAttribute.expr));
    if (typeof count !== 'number' || count > MAX_INSTANCES) {
      const reason = typeof count === 'number' ? `count is ${count}` : `count is unknown (${count.reason})`;
      return [{ key: undefined, abstract: true, scope: scope.with('count', { value: new Unknown(`count.index: ${reason}`), origin }) }];
    }
    return Array.from({ length: count }, (_, index) => ({
      key: index,
      abstract: false,
      scope: scope.with('count', { value: { index }, origin }),
    }));
  }
  if (forEachAttribute) {
    const origin = { scope, expr: forEachAttribute.expr };
    const items = forEachItems(scope.evaluate(forEachAttribute.expr));
    if (isUnknown(items) || items.length > MAX_INSTANCES) {
      const reason = isUnknown(items) ? `for_each is unknown (${items.reason})` : `for_each has ${items.length} elements`;
      return [{ key: undefined, abstract: true, scope: scope.with('each', { value: new Unknown(`each: ${reason}`), origin }) }];
    }
    return items.map(({ key, value }) => ({ key, abstract: false, scope: scope.with('each', { value: { key, value }, origin }) }));
  }
  return [{ key: undefined, abstract: false, scope }];
}

function toCount(value: Value): number | Unknown {
  if (isUnknown(value)) return value;
  // Terraform converts a string that spells a number (`count = "3"`).
  const n = terraformNumber(value);
  return n !== undefined && Number.isInteger(n) && n >= 0 ? n : new Unknown('count is not a whole number');
}

/** `for_each` elements: a map's entries by key, or a set's strings (key = value). */
export function forEachItems(value: Value): { key: string; value: KnownValue }[] | Unknown {
  if (isUnknown(value)) return value;
  if (Array.isArray(value)) {
    if (!value.every((v) => typeof v === 'string')) return new Unknown('for_each over a list that is not a set of strings');
    return [...new Set(value as string[])].sort().map((key) => ({ key, value: key }));
  }
  if (value !== null && typeof value === 'object') {
    return Object.keys(value)
      .sort()
      .map((key) => ({ key, value: value[key] }));
  }
  return new Unknown('for_each is not a map or a set');
}

/** A nested block as evaluated: static, or one element of a `dynamic` block (its `content`, with the iterator bound). */
export interface ScopedBlock {
  block: ConfigBlock;
  scope: Scope;
  /** The `dynamic` block that made it, for ranges and removal. */
  dynamic?: ConfigBlock;
}

/**
 * The nested blocks of a type as Terraform would create them: static ones, plus one per
 * element of each `dynamic "<type>"` block whose `for_each` is known. `maybeMore` is true
 * when a dynamic block's `for_each` is unknown (blocks may exist that are not listed).
 */
export function nestedBlocks(block: ConfigBlock, scope: Scope, type: string): { blocks: ScopedBlock[]; maybeMore: boolean } {
  const blocks: ScopedBlock[] = [];
  let maybeMore = false;
  for (const nested of block.blocks) {
    if (nested.type === type) {
      blocks.push({ block: nested, scope });
      continue;
    }
    if (nested.type !== 'dynamic' || nested.labels[0] !== type) continue;
    const content = nested.blocks.find((b) => b.type === 'content');
    const forEach = nested.attributes.get('for_each');
    if (!content || !forEach) {
      maybeMore = true;
      continue;
    }
    const items = forEachItemsOrList(scope.evaluate(forEach.expr));
    if (isUnknown(items)) {
      maybeMore = true;
      continue;
    }
    const iteratorAttr = nested.attributes.get('iterator');
    const iteratorExpr = iteratorAttr?.expr;
    // `iterator = h` in HCL, `"iterator": "h"` in .tf.json.
    const iterator =
      iteratorExpr?.kind === 'traversal' && iteratorExpr.steps.length === 0
        ? iteratorExpr.root
        : iteratorExpr?.kind === 'literal' && typeof iteratorExpr.value === 'string'
          ? iteratorExpr.value
          : type;
    for (const { key, value } of items) {
      blocks.push({
        block: content,
        scope: scope.with(iterator, { value: { key, value }, origin: { scope, expr: forEach.expr } }),
        dynamic: nested,
      });
    }
  }
  return { blocks, maybeMore };
}

/** A dynamic block's `for_each` may also be a list (keys are the indexes). */
function forEachItemsOrList(value: Value): { key: string | number; value: Exclude<Value, Unknown> }[] | Unknown {
  if (!isUnknown(value) && Array.isArray(value)) return value.map((v, i) => ({ key: i, value: v }));
  return forEachItems(value);
}
