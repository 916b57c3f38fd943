import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { layeredLayout, type LayoutEdge, type LayoutNode, type Placed } from '../../server/src/graph/layout';

const OPTIONS = { nodeGap: 10, layerGap: () => 40 };

function overlaps(a: Placed, b: Placed): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function centre(p: Placed): number {
  return p.y + p.height / 2;
}

describe('layered layout', () => {
  test('one column per layer, left to right; nothing overlaps', () => {
    const nodes: LayoutNode[] = [
      { id: 'c', layer: 0, width: 50, height: 20 },
      { id: 'lb', layer: 1, width: 120, height: 30 },
      ...[1, 2, 3].map((i) => ({ id: `l${i}`, layer: 2, width: 100 + i, height: 30 })),
      ...[1, 2, 3].map((i) => ({ id: `p${i}`, layer: 3, width: 80, height: 30 })),
      ...[1, 2, 3, 4, 5].map((i) => ({ id: `m${i}`, layer: 4, width: 90, height: 44 })),
    ];
    const edges: LayoutEdge[] = [
      { from: 'c', to: 'lb' },
      { from: 'lb', to: 'l1' },
      { from: 'lb', to: 'l2' },
      { from: 'lb', to: 'l3' },
      { from: 'l1', to: 'p1' },
      { from: 'l2', to: 'p2' },
      { from: 'l3', to: 'p3' },
      { from: 'p1', to: 'm1' },
      { from: 'p1', to: 'm2' },
      { from: 'p2', to: 'm3' },
      { from: 'p3', to: 'm4' },
      { from: 'p3', to: 'm5' },
      { from: 'm2', to: 'lb', back: true },
    ];
    const { positions, width, height } = layeredLayout(nodes, edges, OPTIONS);
    const all = nodes.map((n) => positions.get(n.id)!);
    for (let i = 0; i < all.length; i++)
      for (let j = i + 1; j < all.length; j++) assert.ok(!overlaps(all[i], all[j]), `${nodes[i].id} / ${nodes[j].id}`);
    // Columns: as wide as their widest node, in layer order.
    assert.equal(positions.get('l1')!.width, 103);
    assert.ok(positions.get('c')!.x < positions.get('lb')!.x);
    assert.equal(positions.get('l1')!.x, 50 + 40 + 120 + 40);
    assert.ok(width >= positions.get('m1')!.x + 90);
    assert.ok(height >= Math.max(...all.map((p) => p.y + p.height)));
    // A parent sits beside its children: p1 between m1 and m2, l2 level with p2.
    assert.equal(centre(positions.get('p1')!), (centre(positions.get('m1')!) + centre(positions.get('m2')!)) / 2);
    assert.equal(centre(positions.get('l2')!), centre(positions.get('p2')!));
    assert.ok(centre(positions.get('lb')!) > positions.get('l1')!.y && centre(positions.get('lb')!) < positions.get('l3')!.y + 30);
  });

  test('the order within a layer avoids crossings that the input order would make', () => {
    // Input order interleaves two branches; the depth-first order keeps each branch together.
    const nodes: LayoutNode[] = [
      { id: 'a', layer: 0, width: 10, height: 10 },
      { id: 'b', layer: 0, width: 10, height: 10 },
      { id: 'a1', layer: 1, width: 10, height: 10 },
      { id: 'b1', layer: 1, width: 10, height: 10 },
      { id: 'a2', layer: 1, width: 10, height: 10 },
      { id: 'b2', layer: 1, width: 10, height: 10 },
    ];
    const edges = ['a1', 'a2'].map((to) => ({ from: 'a', to })).concat(['b1', 'b2'].map((to) => ({ from: 'b', to })));
    const { positions } = layeredLayout(nodes, edges, OPTIONS);
    const y = (id: string) => positions.get(id)!.y;
    assert.ok(Math.max(y('a1'), y('a2')) < Math.min(y('b1'), y('b2')));
    assert.ok(y('a') < y('b'));
  });

  test('nodes without edges and empty layers still get a place', () => {
    const { positions } = layeredLayout(
      [
        { id: 'x', layer: 0, width: 10, height: 10 },
        { id: 'y', layer: 3, width: 10, height: 10 },
      ],
      [],
      OPTIONS,
    );
    assert.deepEqual(positions.get('x'), { x: 0, y: 0, width: 10, height: 10 });
    assert.deepEqual(positions.get('y'), { x: 50, y: 0, width: 10, height: 10 });
  });
});
