/**
 * Values of the model: what a Terraform expression, a JSON field or a YAML scalar evaluates to.
 * Whatever cannot be decided without running Terraform (computed attributes, most functions,
 * count.index …) is Unknown, and Unknown never leads to a finding.
 */

export type KnownValue = string | number | boolean | null | KnownValue[] | { [key: string]: KnownValue };

export class Unknown {
  constructor(readonly reason: string) {}
}

export type Value = KnownValue | Unknown;

export function isUnknown(value: Value): value is Unknown {
  return value instanceof Unknown;
}

/** Terraform's conversions: bools and the strings "true"/"false". */
export function toBool(value: KnownValue): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

export function toStringValue(value: KnownValue): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

export function describeValue(value: Value): string {
  return isUnknown(value) ? `unknown (${value.reason})` : JSON.stringify(value);
}
