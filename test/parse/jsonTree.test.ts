import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as jsonc from 'jsonc-parser';
import { parseJsonTree } from '../../server/src/parse/json';
import { compactParseTree } from '../../server/src/parse/jsonTree';
import { seededRandom } from '../helpers';

const OPTIONS: jsonc.ParseOptions = { allowTrailingComma: true, disallowComments: false };

/** A node as plain data, with its parent named by type and offset (the objects themselves form a cycle). */
function shape(node: jsonc.Node | undefined): unknown {
  if (!node) return undefined;
  return {
    type: node.type,
    offset: node.offset,
    length: node.length,
    value: node.value,
    colonOffset: node.colonOffset,
    parent: node.parent ? `${node.parent.type}@${node.parent.offset}` : undefined,
    hasParent: 'parent' in node,
    children: node.children?.map(shape),
  };
}

function assertSameTree(text: string): void {
  const ours: jsonc.ParseError[] = [];
  const theirs: jsonc.ParseError[] = [];
  const tree = compactParseTree(text, ours, OPTIONS);
  assert.deepEqual(shape(tree), shape(jsonc.parseTree(text, theirs, OPTIONS)), text);
  assert.deepEqual(ours, theirs, text);
  // The point of it: no child list holds more room than children (a property, exactly two).
  const walk = (node: jsonc.Node) => {
    if (node.type === 'property') assert.ok(node.children!.length <= 2, text);
    for (const child of node.children ?? []) {
      assert.equal(child.parent, node, `${text}: a child's parent is the node that lists it`);
      walk(child);
    }
  };
  if (tree) walk(tree);
}

describe('compactParseTree: the tree of jsonc-parser, smaller', () => {
  test('the same nodes as jsonc.parseTree on well-formed, commented and broken JSON', () => {
    for (const text of [
      '{}',
      '[]',
      '1',
      '"s"',
      'null',
      '{"a": 1, "b": [true, false, null, {"c": "d"}], "e": {}}',
      '{\n  // a comment\n  "a" : 1, /* another */ "b": [1,2,],\n}',
      '{"a": }',
      '{"a"',
      '{"a": 1,, "b": 2}',
      '[1, 2',
      '{"a": [1, {"b": }], "c": 3}',
      '{"a": 1 "b": 2}',
      '',
      '{"plan": {"resources": [{"address": "x.y[0]", "values": {"id": "1"}}]}}',
    ])
      assertSameTree(text);
  });

  test('skipped objects stay empty with their offsets; their text parsed on its own gives the nodes of the whole parse', () => {
    const text = '{"resources": [{"a": 1, "b": [2, {"c": "d"}]}, {"a": 3 /* x */}], "other": {"resources": 1}}';
    const whole = parseJsonTree(text).root!;
    const skipped: jsonc.Node[] = [];
    const { root, errors } = parseJsonTree(text, {
      from: 0,
      to: text.length,
      skip: (object) => object.parent?.type === 'array' && (skipped.push(object), true),
    });
    assert.deepEqual(errors, []);
    const resources = (tree: jsonc.Node) => jsonc.findNodeAtLocation(tree, ['resources'])!.children!;
    assert.equal(skipped.length, 2);
    assert.deepEqual(skipped, resources(root!));
    resources(whole).forEach((full, i) => {
      const empty = skipped[i];
      assert.deepEqual([empty.offset, empty.length, empty.children], [full.offset, full.length, []]);
      const part = parseJsonTree(text, { from: empty.offset, to: empty.offset + empty.length });
      assert.deepEqual(shape(part.root), { ...(shape(full) as object), parent: undefined, hasParent: false });
    });
    // A part's syntax errors are at their offsets in the whole text.
    const broken = '{"resources": [{"a": }]}';
    const object = jsonc.findNodeAtLocation(parseJsonTree(broken).root!, ['resources', 0])!;
    const part = parseJsonTree(broken, { from: object.offset, to: object.offset + object.length });
    assert.deepEqual(
      part.errors.map((e) => e.offset),
      parseJsonTree(broken).errors.map((e) => e.offset),
    );
  });

  test('property: the same nodes on generated, partly damaged JSON', () => {
    const random = seededRandom(28);
    const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)];
    const value = (depth: number): string => {
      const kind = depth > 3 ? pick(['n', 's', 'b']) : pick(['n', 's', 'b', 'o', 'a', 'o']);
      if (kind === 'n') return String(Math.floor(random() * 1000));
      if (kind === 's') return JSON.stringify(pick(['a', 'b c', 'x"y', '']));
      if (kind === 'b') return pick(['true', 'false', 'null']);
      const count = Math.floor(random() * 4);
      const items = Array.from({ length: count }, (_, i) => (kind === 'o' ? `"k${i}": ${value(depth + 1)}` : value(depth + 1)));
      return kind === 'o' ? `{${items.join(', ')}}` : `[${items.join(', ')}]`;
    };
    for (let i = 0; i < 300; i++) {
      let text = value(0);
      // One in three loses a character somewhere: the trees must agree on broken text too.
      if (random() < 0.33 && text.length > 1) {
        const at = Math.floor(random() * text.length);
        text = text.slice(0, at) + text.slice(at + 1);
      }
      assertSameTree(text);
    }
  });
});
