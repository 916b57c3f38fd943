import type { ConfigBlock } from '../parse/config';
import { isUnknown, Unknown, type Value } from '../model/value';

/**
 * Terraform's automatic conversions between primitive types: a string that spells a number
 * where a number is needed (`count = "3"`, `count.index % var.n` with `n = "2"`), and a
 * variable's value converted to its declared primitive type (`type = number`, `bool`,
 * `string`). A conversion Terraform would refuse gives an unknown value, never a guess.
 */

/** Decimal numbers as Terraform reads them from strings: an optional minus, digits, a fraction, an exponent; no spaces. */
const NUMBER_TEXT = /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/** The number a value stands for where Terraform needs a number, or undefined when it converts to none. */
export function terraformNumber(value: Value): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || !NUMBER_TEXT.test(value)) return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** `number`, `bool` or `string` when a variable block declares that primitive type; undefined otherwise (any, collections, none). */
function declaredPrimitive(block: ConfigBlock): 'number' | 'bool' | 'string' | undefined {
  const expr = block.attributes.get('type')?.expr;
  if (!expr || expr.kind !== 'traversal' || expr.steps.length > 0) return undefined;
  return expr.root === 'number' || expr.root === 'bool' || expr.root === 'string' ? expr.root : undefined;
}

/** A variable's value as Terraform hands it on: converted to the declared primitive type, unknown where Terraform would refuse. */
export function convertToDeclaredType(value: Value, variableBlock: ConfigBlock, name: string): Value {
  const type = declaredPrimitive(variableBlock);
  if (type === undefined || value === null || isUnknown(value)) return value;
  switch (type) {
    case 'number': {
      const n = terraformNumber(value);
      return n !== undefined ? n : new Unknown(`var.${name} is declared a number, and its value is not one`);
    }
    case 'bool':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 'false') return value === 'true';
      return new Unknown(`var.${name} is declared a bool, and its value is not one`);
    case 'string':
      if (typeof value === 'string') return value;
      if (typeof value === 'number' || typeof value === 'boolean') return String(value);
      return new Unknown(`var.${name} is declared a string, and its value is not one`);
  }
}
