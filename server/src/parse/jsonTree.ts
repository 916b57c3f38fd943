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

/** A tree of part of a text: its offsets, and objects left out of it. */
export interface TreePart {
  /** Where the parsed text starts in the whole text: added to every offset. */
  base?: number;
  /**
   * Objects this is true of are left empty (length and offset still right): their text can be
   * parsed on its own later. Not asked of the top-level value.
   */
  skip?: (object: jsonc.Node) => boolean;
}

/**
 * jsonc-parser's parseTree, node for node (the same types, offsets, lengths, parents, values
 * and colon offsets), with child lists of the size they end up: jsonc-parser grows each from
 * empty by `push`, which reserves room for 17 children, and a property has 2. For a plan of
 * 50,000 listeners that room was 100 MB of a 250 MB tree.
 */
export function compactParseTree(
  text: string,
  errors: jsonc.ParseError[],
  options: jsonc.ParseOptions,
  part: TreePart = {},
): jsonc.Node | undefined {
  const base = part.base ?? 0;
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
      onObjectBegin: (offset) => {
        const object: BuildingNode = part.skip
          ? lastingObjectNode(base + offset, current)
          : { type: 'object', offset: base + offset, length: -1, parent: current, children: [] };
        open(object);
        // false: jsonc-parser does not report what is inside (it still reports the end).
        return object.parent !== root && part.skip?.(object as jsonc.Node) === true ? false : undefined;
      },
      onObjectProperty: (name, offset, length) => {
        const property: BuildingNode = { type: 'property', offset: base + offset, length: -1, parent: current, children: [] };
        add(property);
        property.children = [{ type: 'string', value: name, offset: base + offset, length, parent: property }];
        current = property;
      },
      onObjectEnd: (offset, length) => {
        // A property without a value ends with its object.
        completeProperty(base + offset + length);
        close(base + offset + length);
        completeProperty(base + offset + length);
      },
      onArrayBegin: (offset) => open({ type: 'array', offset: base + offset, length: -1, parent: current, children: [] }),
      onArrayEnd: (offset, length) => {
        close(base + offset + length);
        completeProperty(base + offset + length);
      },
      onLiteralValue: (value: unknown, offset, length) => {
        add({ type: literalType(value), offset: base + offset, length, parent: current, value });
        completeProperty(base + offset + length);
      },
      onSeparator: (separator, offset) => {
        if (current.type !== 'property') return;
        if (separator === ':') current.colonOffset = base + offset;
        else if (separator === ',') completeProperty(base + offset);
      },
      onError: (error, offset, length) => {
        errors.push({ error, offset: base + offset, length });
      },
    },
    options,
  );
  const result = pending[0][0];
  if (result) delete result.parent;
  return result as jsonc.Node | undefined;
}

/**
 * An object node of a tree parsed with `skip` (a plan's, kept while its parts are read), made
 * here and not where the trees of those parts are made: V8 decides per place of allocation to
 * put objects straight into the old generation once most of them live long, and the nodes of
 * 50,000 short-lived resource trees then piled up there (a 50,000-listener plan with changes:
 * about 150 MB more peak memory).
 */
function lastingObjectNode(offset: number, parent: BuildingNode): BuildingNode {
  return { type: 'object', offset, length: -1, parent, children: [] };
}

/** The node type of a literal, as jsonc-parser names it. */
function literalType(value: unknown): jsonc.NodeType {
  if (typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') return typeof value as jsonc.NodeType;
  return 'null';
}
