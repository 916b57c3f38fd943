import * as jsonc from 'jsonc-parser';

/** A jsonc-parser node while it is built (jsonc.Node's fields are read-only). */
interface BuildingNode {
  type: jsonc.NodeType;
  offset: number;
  length: number;
  parent?: BuildingNode;
  children?: BuildingNode[];
  value?: unknown;
  colonOffset?: number;
}

/**
 * jsonc-parser's parseTree, node for node (the same types, offsets, lengths, parents, values
 * and colon offsets), with child lists of the size they end up: jsonc-parser grows each from
 * empty by `push`, which reserves room for 17 children, and a property has 2. For a plan of
 * 50,000 listeners that room was 100 MB of a 250 MB tree.
 */
export function compactParseTree(text: string, errors: jsonc.ParseError[], options: jsonc.ParseOptions): jsonc.Node | undefined {
  const root: BuildingNode = { type: 'array', offset: -1, length: -1, children: [] };
  let current = root;
  /** Children of the open objects and arrays (a property's go straight into it). */
  const pending: BuildingNode[][] = [[]];

  const add = (node: BuildingNode): void => {
    if (current.type === 'property') current.children = [current.children![0], node];
    else pending[pending.length - 1].push(node);
  };
  const open = (node: BuildingNode): void => {
    add(node);
    current = node;
    pending.push([]);
  };
  /** Ends the open object or array: its children, copied to an array of their number. */
  const close = (endOffset: number): void => {
    current.children = pending.pop()!.slice();
    current.length = endOffset - current.offset;
    current = current.parent!;
  };
  const completeProperty = (endOffset: number): void => {
    if (current.type !== 'property') return;
    current.length = endOffset - current.offset;
    current = current.parent!;
  };

  jsonc.visit(
    text,
    {
      onObjectBegin: (offset) => open({ type: 'object', offset, length: -1, parent: current, children: [] }),
      onObjectProperty: (name, offset, length) => {
        const property: BuildingNode = { type: 'property', offset, length: -1, parent: current, children: [] };
        add(property);
        property.children = [{ type: 'string', value: name, offset, length, parent: property }];
        current = property;
      },
      onObjectEnd: (offset, length) => {
        // A property without a value ends with its object.
        completeProperty(offset + length);
        close(offset + length);
        completeProperty(offset + length);
      },
      onArrayBegin: (offset) => open({ type: 'array', offset, length: -1, parent: current, children: [] }),
      onArrayEnd: (offset, length) => {
        close(offset + length);
        completeProperty(offset + length);
      },
      onLiteralValue: (value: unknown, offset, length) => {
        add({ type: literalType(value), offset, length, parent: current, value });
        completeProperty(offset + length);
      },
      onSeparator: (separator, offset) => {
        if (current.type !== 'property') return;
        if (separator === ':') current.colonOffset = offset;
        else if (separator === ',') completeProperty(offset);
      },
      onError: (error, offset, length) => {
        errors.push({ error, offset, length });
      },
    },
    options,
  );
  const result = pending[0][0];
  if (result) delete result.parent;
  return result as jsonc.Node | undefined;
}

/** The node type of a literal, as jsonc-parser names it. */
function literalType(value: unknown): jsonc.NodeType {
  if (typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') return typeof value as jsonc.NodeType;
  return 'null';
}
