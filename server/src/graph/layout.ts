/**
 * A small layered layout, left to right (docs/client-ip-map.md#layout):
 *
 * 1. Layers are given (client, load balancers, listeners, pools, backends), so no layering step.
 * 2. Order within a layer: depth-first visit from the left layer (a tree keeps its branches
 *    together), then a few barycenter sweeps (down and up) that keep the order with the fewest
 *    crossings between neighbouring layers.
 * 3. Vertical positions, right to left: the rightmost layer is stacked; every node to the left
 *    is centred on the nodes it leads to, then pushed down as far as needed to keep the gap to
 *    the node above it. Parents sit beside their children; nothing overlaps.
 * 4. Horizontal positions: one column per layer, as wide as its widest node, with the gap the
 *    caller asks for (room for edge labels).
 *
 * Edges marked `back` (a backend that is also a client) take no part in ordering.
 */

export interface LayoutNode {
  id: string;
  layer: number;
  width: number;
  height: number;
}

export interface LayoutEdge {
  from: string;
  to: string;
  /** Drawn, but ignored by the layout (it points right to left). */
  back?: boolean;
}

export interface LayoutOptions {
  /** Vertical gap between nodes of a layer. */
  nodeGap: number;
  /** Horizontal gap after layer `layer` (before the next non-empty one). */
  layerGap(layer: number): number;
}

export interface Placed {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Layout {
  positions: Map<string, Placed>;
  width: number;
  height: number;
}

/** Above this many edges the sweeps are skipped: the depth-first order is already a good one for trees. */
const MAX_SWEEP_EDGES = 3000;

export function layeredLayout(nodes: LayoutNode[], edges: LayoutEdge[], options: LayoutOptions): Layout {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const forward = edges.filter((e) => !e.back && byId.has(e.from) && byId.has(e.to) && byId.get(e.from)!.layer < byId.get(e.to)!.layer);
  const successors = new Map<string, string[]>();
  const predecessors = new Map<string, string[]>();
  for (const e of forward) {
    push(successors, e.from, e.to);
    push(predecessors, e.to, e.from);
  }
  const layerCount = nodes.reduce((max, n) => Math.max(max, n.layer + 1), 0);
  const layers: string[][] = Array.from({ length: layerCount }, () => []);

  // 2. Depth-first order from the left.
  const visited = new Set<string>();
  const visit = (id: string) => {
    if (visited.has(id)) return;
    visited.add(id);
    layers[byId.get(id)!.layer].push(id);
    for (const next of successors.get(id) ?? []) visit(next);
  };
  for (const n of [...nodes].sort((a, b) => a.layer - b.layer)) if (!predecessors.has(n.id)) visit(n.id);
  for (const n of nodes) visit(n.id);

  if (forward.length <= MAX_SWEEP_EDGES) {
    let best = layers.map((l) => [...l]);
    let bestCrossings = crossings(layers, forward, byId);
    for (let sweep = 0; sweep < 4 && bestCrossings > 0; sweep++) {
      for (let l = 1; l < layerCount; l++) reorder(layers, l, predecessors);
      for (let l = layerCount - 2; l >= 0; l--) reorder(layers, l, successors);
      const count = crossings(layers, forward, byId);
      if (count < bestCrossings) {
        bestCrossings = count;
        best = layers.map((l) => [...l]);
      }
    }
    for (let l = 0; l < layerCount; l++) layers[l] = best[l];
  }

  // 4. Columns.
  const columnX: number[] = [];
  const columnWidth = layers.map((ids) => ids.reduce((max, id) => Math.max(max, byId.get(id)!.width), 0));
  let x = 0;
  for (let l = 0; l < layerCount; l++) {
    columnX.push(x);
    if (layers[l].length > 0) x += columnWidth[l] + (l < layerCount - 1 ? options.layerGap(l) : 0);
  }

  // 3. Rows, right to left.
  const positions = new Map<string, Placed>();
  for (let l = layerCount - 1; l >= 0; l--) {
    let bottom = -options.nodeGap;
    for (const id of layers[l]) {
      const node = byId.get(id)!;
      const placedNext = (successors.get(id) ?? []).map((s) => positions.get(s)).filter((p): p is Placed => p !== undefined);
      const wanted =
        placedNext.length > 0 ? placedNext.reduce((sum, p) => sum + p.y + p.height / 2, 0) / placedNext.length - node.height / 2 : 0;
      const y = Math.max(wanted, bottom + options.nodeGap);
      positions.set(id, { x: columnX[l], y, width: columnWidth[l], height: node.height });
      bottom = y + node.height;
    }
  }
  let height = 0;
  for (const p of positions.values()) height = Math.max(height, p.y + p.height);
  const last = layers.map((ids, l) => (ids.length > 0 ? columnX[l] + columnWidth[l] : 0));
  return { positions, width: Math.max(0, ...last), height };
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Sorts layer `l` by the mean position of each node's neighbours; nodes without any keep their place. */
function reorder(layers: string[][], l: number, neighbours: Map<string, string[]>): void {
  const index = new Map<string, number>();
  for (const layer of layers) layer.forEach((id, i) => index.set(id, i / Math.max(1, layer.length - 1)));
  const layer = layers[l];
  const keyed: { id: string; key: number }[] = [];
  const fixed = new Map<number, string>();
  layer.forEach((id, i) => {
    const around = (neighbours.get(id) ?? []).map((n) => index.get(n)!);
    if (around.length === 0) fixed.set(i, id);
    else keyed.push({ id, key: around.reduce((a, b) => a + b, 0) / around.length });
  });
  keyed.sort((a, b) => a.key - b.key);
  const result: string[] = [];
  let k = 0;
  for (let i = 0; i < layer.length; i++) result.push(fixed.get(i) ?? keyed[k++].id);
  layers[l] = result;
}

/** Crossings between edges that leave the same layer (an O(E²) count per layer, fine at map sizes). */
function crossings(layers: string[][], edges: LayoutEdge[], byId: Map<string, LayoutNode>): number {
  const position = new Map<string, number>();
  for (const layer of layers) layer.forEach((id, i) => position.set(id, i));
  const byLayer = new Map<number, { a: number; b: number }[]>();
  for (const e of edges) {
    const layer = byId.get(e.from)!.layer;
    const list = byLayer.get(layer) ?? [];
    list.push({ a: position.get(e.from)!, b: position.get(e.to)! });
    byLayer.set(layer, list);
  }
  let count = 0;
  for (const list of byLayer.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        if ((list[i].a - list[j].a) * (list[i].b - list[j].b) < 0) count++;
      }
    }
  }
  return count;
}
