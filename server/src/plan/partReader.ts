import * as jsonc from 'jsonc-parser';

/**
 * Reading a few values of one object of a plan (a resource, a resource change) with
 * jsonc-parser's visitor, without building the object's tree. The plan's tree leaves these
 * objects empty; building the tree of each of 50,000 on its own still cost a plan about 100 MB
 * of peak memory: V8 places nodes from the parser that built the long-lived plan tree in the old
 * generation, where these short-lived ones then pile up.
 *
 * The plan's text passed the nesting bound (parseJsonTree) before, so the visitor's recursion
 * is bounded too.
 */

/**
 * Calls `onLiteral` with each literal value of `span`'s object (left empty in the plan's tree)
 * that is a property value (not an array item): `path` holds the property names leading to
 * its object ('' for the object itself and for array items), `key` is its own. `onObject` is
 * called as each object opens. Syntax errors are added to `errors`, when given, at their
 * offsets in the whole text.
 */
export function visitPart(
  text: string,
  span: jsonc.Node,
  onLiteral: (path: readonly string[], key: string, value: unknown) => void,
  errors?: jsonc.ParseError[],
  onObject?: (path: readonly string[]) => void,
): void {
  const path: string[] = [];
  /** Whether each open container is an array. */
  const inArray: boolean[] = [];
  let key = '';
  const open = (array: boolean): void => {
    path.push(inArray.length > 0 && inArray[inArray.length - 1] ? '' : key);
    inArray.push(array);
    key = '';
    if (!array) onObject?.(path);
  };
  const close = (): void => {
    path.pop();
    inArray.pop();
  };
  jsonc.visit(
    text.slice(span.offset, span.offset + span.length),
    {
      onObjectBegin: () => open(false),
      onArrayBegin: () => open(true),
      onObjectEnd: close,
      onArrayEnd: close,
      onObjectProperty: (name) => {
        key = name;
      },
      onLiteralValue: (value: unknown) => {
        if (!inArray[inArray.length - 1]) onLiteral(path, key, value);
      },
      onError: (error, offset, length) => errors?.push({ error, offset: span.offset + offset, length }),
    },
    { allowTrailingComma: true, disallowComments: false },
  );
}

const isAfterUnknown = (path: readonly string[]) => path.length === 3 && path[1] === 'change' && path[2] === 'after_unknown';

/** The address of one entry of `resource_changes` and the top-level names its `change.after_unknown` marks `true`. */
export function changeUnknowns(
  text: string,
  span: jsonc.Node,
  errors: jsonc.ParseError[],
): { address: string | undefined; unknown: Set<string> | undefined } {
  let address: string | undefined;
  let unknown: Set<string> | undefined;
  visitPart(
    text,
    span,
    (path, key, value) => {
      if (path.length === 1 && key === 'address' && address === undefined && typeof value === 'string') address = value;
      else if (value === true && isAfterUnknown(path)) unknown?.add(key);
    },
    errors,
    (path) => {
      if (isAfterUnknown(path)) unknown ??= new Set();
    },
  );
  return { address, unknown };
}

/** What indexes a planned resource: its top-level strings and numbers, and `values.id`. */
export interface ResourceHeader {
  mode?: string;
  type?: string;
  name?: string;
  address?: string;
  index?: number | string;
  id?: string;
}

const HEADER_KEYS = new Set(['mode', 'type', 'name', 'address', 'index']);

/** The header of a planned resource (its syntax errors are reported when its block is built). */
export function resourceHeader(text: string, span: jsonc.Node): ResourceHeader {
  // The first value of each key, as the tree's first property of that name would be.
  const first = new Map<string, unknown>();
  let id: unknown;
  let idSeen = false;
  visitPart(text, span, (path, key, value) => {
    if (path.length === 1 && HEADER_KEYS.has(key) && !first.has(key)) first.set(key, value);
    else if (path.length === 2 && path[1] === 'values' && key === 'id' && !idSeen) [id, idSeen] = [value, true];
  });
  const textOf = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const index = first.get('index');
  return {
    mode: textOf(first.get('mode')),
    type: textOf(first.get('type')),
    name: textOf(first.get('name')),
    address: textOf(first.get('address')),
    index: typeof index === 'number' || typeof index === 'string' ? index : undefined,
    id: textOf(id),
  };
}
