import { checkpoint } from '../core/budget';
import { terraformNumber } from './conversions';
import type { Expr } from '../parse/config';
import { Unknown, isUnknown, toBool, toStringValue, type KnownValue, type Value } from '../model/value';

/**
 * Static evaluation of Terraform expressions. Whatever cannot be decided without
 * running Terraform (computed attributes, most functions, count.index …) is Unknown,
 * and Unknown never leads to a finding.
 */

/** Where a variable's value came from, for hover text. */
export interface VariableValue {
  value: Value;
  source: string;
}

export type TraversalSteps = Extract<Expr, { kind: 'traversal' }>['steps'];

/** What the evaluator needs from a module instance (see terraform/scope.ts). */
export interface EvalScope {
  variable(name: string): VariableValue | undefined;
  /**
   * The value of `local.name`, evaluated once per module instance (a reference cycle is
   * Unknown); undefined when the module defines no such local.
   */
  localValue(name: string): Value | undefined;
  /**
   * `count`, `each` or a dynamic block's iterator: an object (`{ index }`, `{ key, value }`)
   * or Unknown; undefined when the name is not bound here.
   */
  iteration(root: string): Value | undefined;
  /**
   * The value of `type.name<steps>` (steps after the name: instance key, attribute, …), or
   * undefined when the module has no such resource (then it is not a resource reference).
   */
  resourceValue(type: string, name: string, steps: TraversalSteps, depth: number): Value | undefined;
  /** The value of `module.name<steps>`, or undefined when the module makes no such call. */
  moduleValue(name: string, steps: TraversalSteps, depth: number): Value | undefined;
}

/** Names that are never resource types in a traversal. */
const SPECIAL_ROOTS = new Set(['var', 'local', 'module', 'data', 'path', 'terraform', 'self', 'count', 'each']);

const MAX_DEPTH = 64;

/**
 * Values larger than this are Unknown: memoised locals share their parts, so a few lines
 * that each double the previous one describe a value too large to build or print.
 */
const MAX_VALUE_NODES = 100_000;
const MAX_STRING_CHARS = 1_000_000;

/** Sizes (nodes) of the collections the evaluator built; literals count their own entries. */
const valueSizes = new WeakMap<object, number>();

function sizeOf(value: KnownValue): number {
  if (value === null || typeof value !== 'object') return 1;
  return valueSizes.get(value) ?? 1 + (Array.isArray(value) ? value.length : Object.keys(value).length);
}

/** The collection, or Unknown when it (with what it holds) is too large. */
function sized(value: KnownValue[] | { [key: string]: KnownValue }): Value {
  let size = 1;
  for (const item of Array.isArray(value) ? value : Object.values(value)) size += sizeOf(item);
  if (size > MAX_VALUE_NODES) return tooLarge();
  valueSizes.set(value, size);
  return value;
}

function tooLarge(): Unknown {
  return new Unknown(`the value is too large to work out statically (over ${MAX_VALUE_NODES} parts)`);
}

function boundedString(text: string): Value {
  return text.length > MAX_STRING_CHARS
    ? new Unknown(`the string is too long to work out statically (over ${MAX_STRING_CHARS} characters)`)
    : text;
}

export class Evaluator {
  constructor(private readonly scope: EvalScope) {}

  evaluate(expr: Expr, depth = 0): Value {
    checkpoint();
    if (depth > MAX_DEPTH) return new Unknown('expression too deeply nested');
    switch (expr.kind) {
      case 'literal':
        return expr.value;
      case 'parens':
        return this.evaluate(expr.inner, depth + 1);
      case 'template':
        return this.template(expr.parts, depth);
      case 'conditional': {
        const condition = this.evaluate(expr.condition, depth + 1);
        if (isUnknown(condition)) return new Unknown(`the condition is unknown (${condition.reason})`);
        const truth = toBool(condition);
        if (truth === undefined) return new Unknown('the condition is not a boolean');
        return this.evaluate(truth ? expr.whenTrue : expr.whenFalse, depth + 1);
      }
      case 'call':
        return this.call(expr.name, expr.args, depth);
      case 'tuple': {
        const items: KnownValue[] = [];
        for (const item of expr.items) {
          const value = this.evaluate(item, depth + 1);
          if (isUnknown(value)) return value;
          items.push(value);
        }
        return sized(items);
      }
      case 'object': {
        // Null prototype: keys come from files (`__proto__`, `constructor` are plain keys here).
        const result: Record<string, KnownValue> = Object.create(null) as Record<string, KnownValue>;
        for (const entry of expr.entries) {
          // Object keys written as bare words are traversals in the grammar.
          const key = entry.key.kind === 'traversal' && entry.key.steps.length === 0 ? entry.key.root : this.evaluate(entry.key, depth + 1);
          if (isUnknown(key) || typeof key === 'object') return new Unknown('an object key is unknown');
          const value = this.evaluate(entry.value, depth + 1);
          if (isUnknown(value)) return value;
          result[String(key)] = value;
        }
        return sized(result);
      }
      case 'unary': {
        const operand = this.evaluate(expr.operand, depth + 1);
        if (isUnknown(operand)) return operand;
        if (expr.op === '!') {
          const truth = toBool(operand);
          return truth === undefined ? new Unknown('operand of ! is not a boolean') : !truth;
        }
        if (expr.op === '-' && typeof operand === 'number') return -operand;
        return new Unknown(`unsupported operator ${expr.op}`);
      }
      case 'binary':
        return this.binary(expr.op, expr.left, expr.right, depth);
      case 'traversal':
        return this.traversal(expr, depth);
      case 'annotated':
        return this.evaluate(expr.value, depth + 1);
      case 'opaque':
        return new Unknown('the expression is not evaluated statically');
    }
  }

  private template(parts: Expr[], depth: number): Value {
    // A template that is a single interpolation yields the value itself, as in Terraform.
    if (parts.length === 1 && parts[0].kind !== 'literal') return this.evaluate(parts[0], depth + 1);
    let result = '';
    for (const part of parts) {
      const value = this.evaluate(part, depth + 1);
      if (isUnknown(value)) return value;
      const text = toStringValue(value);
      if (text === undefined) return new Unknown('a template part is not a string');
      result += text;
      if (result.length > MAX_STRING_CHARS) return boundedString(result);
    }
    return result;
  }

  private binary(op: string, leftExpr: Expr, rightExpr: Expr, depth: number): Value {
    const left = this.evaluate(leftExpr, depth + 1);
    // && and || can be decided by one side alone.
    if (op === '&&' || op === '||') {
      const right = this.evaluate(rightExpr, depth + 1);
      const l = isUnknown(left) ? undefined : toBool(left);
      const r = isUnknown(right) ? undefined : toBool(right);
      if (op === '&&') {
        if (l === false || r === false) return false;
        if (l === true && r === true) return true;
      } else {
        if (l === true || r === true) return true;
        if (l === false && r === false) return false;
      }
      return new Unknown('a logical operand is unknown');
    }
    if (isUnknown(left)) return left;
    const right = this.evaluate(rightExpr, depth + 1);
    if (isUnknown(right)) return right;
    switch (op) {
      case '==':
      case '!=': {
        const equal = equalValues(left, right);
        if (equal === undefined) return new Unknown('values too deeply nested to compare');
        return op === '==' ? equal : !equal;
      }
    }
    // Arithmetic and ordering convert strings that spell numbers, as Terraform does (== and != do not).
    const l = terraformNumber(left);
    const r = terraformNumber(right);
    if (l === undefined || r === undefined) return new Unknown(`operator ${op} needs numbers`);
    return arithmetic(op, l, r);
  }

  private call(name: string, argExprs: Expr[], depth: number): Value {
    const args = argExprs.map((a) => this.evaluate(a, depth + 1));
    const unknownArg = args.find(isUnknown);
    if (unknownArg) return unknownArg;
    const known = args as KnownValue[];
    const first = known[0];
    switch (name) {
      case 'tobool': {
        if (known.length !== 1) break;
        if (first === null) return null;
        const truth = toBool(first);
        return truth === undefined ? new Unknown('tobool() of a value that is not a boolean') : truth;
      }
      case 'tostring': {
        if (known.length !== 1) break;
        if (first === null) return null;
        const text = toStringValue(first);
        return text === undefined ? new Unknown('tostring() of a collection') : text;
      }
      case 'tonumber': {
        if (known.length !== 1) break;
        const n = terraformNumber(first);
        return n !== undefined ? n : new Unknown('tonumber() of a value that is not a number');
      }
      case 'lower':
      case 'upper':
      case 'trimspace': {
        if (known.length !== 1 || typeof first !== 'string') break;
        return name === 'lower' ? first.toLowerCase() : name === 'upper' ? first.toUpperCase() : first.trim();
      }
      case 'coalesce': {
        const found = known.find((v) => v !== null && v !== '');
        return found === undefined ? new Unknown('coalesce() of empty values') : found;
      }
      case 'element': {
        // element() wraps around: element(list, length) is the first element again.
        const [list, indexValue] = known;
        const index = terraformNumber(indexValue);
        if (!Array.isArray(list) || list.length === 0 || index === undefined || !Number.isInteger(index) || index < 0) break;
        return list[index % list.length];
      }
      case 'length': {
        if (known.length !== 1) break;
        if (Array.isArray(first)) return first.length;
        if (typeof first === 'string') return [...first].length;
        if (first !== null && typeof first === 'object') return Object.keys(first).length;
        break;
      }
      case 'lookup': {
        const [map, key, fallback] = known;
        if (map === null || typeof map !== 'object' || Array.isArray(map) || typeof key !== 'string') break;
        if (Object.prototype.hasOwnProperty.call(map, key)) return map[key];
        return known.length === 3 ? fallback : new Unknown(`lookup(): no key "${key}"`);
      }
      case 'keys':
      case 'values': {
        if (known.length !== 1 || first === null || typeof first !== 'object' || Array.isArray(first)) break;
        const keys = Object.keys(first).sort();
        return name === 'keys' ? keys : keys.map((k) => first[k]);
      }
      case 'tolist':
      case 'tomap':
        if (known.length === 1 && first !== null && typeof first === 'object') return first;
        break;
      case 'toset': {
        // Sets of strings iterate in lexical order, as Terraform's do.
        if (known.length !== 1 || !Array.isArray(first)) break;
        const unique: KnownValue[] = [];
        for (const item of first) if (!unique.some((u) => equalValues(u, item) === true)) unique.push(item);
        return unique.every((u) => typeof u === 'string') ? (unique as string[]).sort() : unique;
      }
      case 'concat': {
        if (!known.every(Array.isArray)) break;
        const lists = known as KnownValue[][];
        if (lists.reduce((n, l) => n + l.length, 0) > MAX_VALUE_NODES) return tooLarge();
        return sized(([] as KnownValue[]).concat(...lists));
      }
      case 'merge': {
        if (!known.every((m) => m === null || (typeof m === 'object' && !Array.isArray(m)))) break;
        return sized(
          Object.assign(Object.create(null) as Record<string, KnownValue>, ...known.filter((m) => m !== null)) as Record<
            string,
            KnownValue
          >,
        );
      }
      case 'contains': {
        const [list, item] = known;
        if (!Array.isArray(list) || known.length !== 2) break;
        return list.some((v) => equalValues(v, item) === true);
      }
    }
    return new Unknown(`the function ${name}() is not evaluated statically`);
  }

  private traversal(expr: Extract<Expr, { kind: 'traversal' }>, depth: number): Value {
    const { root, steps } = expr;
    const firstAttr = steps[0]?.kind === 'attr' ? steps[0].name : undefined;
    const iteration = this.scope.iteration(root);
    if (iteration !== undefined) return this.applySteps(iteration, steps, depth);
    if (root === 'count' || root === 'each')
      return new Unknown(
        `${renderTraversalHead(expr)} is only known for a resource or module with known ${root === 'count' ? 'count' : 'for_each'}`,
      );
    let value: Value;
    const rest = steps.slice(1);
    if (root === 'var' && firstAttr) {
      const variable = this.scope.variable(firstAttr);
      value = variable ? variable.value : new Unknown(`var.${firstAttr} is not declared in this module`);
    } else if (root === 'local' && firstAttr) {
      value = this.scope.localValue(firstAttr) ?? new Unknown(`local.${firstAttr} is not defined in this module`);
    } else if (root === 'module' && firstAttr) {
      return this.scope.moduleValue(firstAttr, rest, depth + 1) ?? new Unknown(`module.${firstAttr} is not called in this module`);
    } else if (firstAttr && !SPECIAL_ROOTS.has(root)) {
      const resource = this.scope.resourceValue(root, firstAttr, rest, depth + 1);
      if (resource !== undefined) return resource;
      return new Unknown(`${renderTraversalHead(expr)} is only known when Terraform runs`);
    } else {
      return new Unknown(`${renderTraversalHead(expr)} is only known when Terraform runs`);
    }
    return this.applySteps(value, rest, depth);
  }

  /** Indexes into a value step by step (`.attr`, `[key]`); a splat is unknown. */
  applySteps(start: Value, steps: TraversalSteps, depth: number): Value {
    let value = start;
    for (const step of steps) {
      if (isUnknown(value)) return value;
      value = this.step(value, step, depth);
    }
    return value;
  }

  private step(value: KnownValue, step: TraversalSteps[number], depth: number): Value {
    if (step.kind === 'splat') return new Unknown('splat of a value');
    let key: Value;
    if (step.kind === 'attr') key = step.name;
    else key = this.evaluate(step.key, depth + 1);
    if (isUnknown(key)) return key;
    if (Array.isArray(value)) {
      const i = typeof key === 'number' ? key : Number(key);
      return Number.isInteger(i) && i >= 0 && i < value.length ? value[i] : new Unknown('index out of range');
    }
    if (value !== null && typeof value === 'object' && (typeof key === 'string' || typeof key === 'number')) {
      const k = String(key);
      return Object.prototype.hasOwnProperty.call(value, k) ? value[k] : new Unknown(`no key "${k}"`);
    }
    return new Unknown('cannot index this value');
  }
}

function renderTraversalHead(expr: Extract<Expr, { kind: 'traversal' }>): string {
  const first = expr.steps[0];
  return first?.kind === 'attr' ? `${expr.root}.${first.name}` : expr.root;
}

/**
 * Terraform's `==`: same type and same structure; object keys in any order. Undefined when
 * the values nest too deeply to compare (hostile input must not overflow the stack).
 */
function equalValues(a: KnownValue, b: KnownValue, depth = 0): boolean | undefined {
  if (depth > MAX_DEPTH) return undefined;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
      const equal = equalValues(a[i], b[i], depth + 1);
      if (equal !== true) return equal;
    }
    return true;
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(b, key)) return false;
    const equal = equalValues(a[key], b[key], depth + 1);
    if (equal !== true) return equal;
  }
  return true;
}

/** The arithmetic and comparison operators on two numbers. */
function arithmetic(op: string, left: number, right: number): Value {
  switch (op) {
    case '+':
      return left + right;
    case '-':
      return left - right;
    case '*':
      return left * right;
    case '/':
      return right === 0 ? new Unknown('division by zero') : left / right;
    case '%':
      return right === 0 ? new Unknown('division by zero') : left % right;
    case '<':
      return left < right;
    case '>':
      return left > right;
    case '<=':
      return left <= right;
    case '>=':
      return left >= right;
  }
  return new Unknown(`unsupported operator ${op}`);
}
