import { printable } from '../core/escape';
import type { Severity } from '../core/types';
import { groupParts, type ClientIpMap, type MapEdge, type MapNode, type Receives } from './map';
import { edgeLabel, LEGEND, nodeLines, sourceName } from './text';

/**
 * Text formats of the client-IP map: Mermaid (what GitHub renders in Markdown), Graphviz DOT,
 * Markdown (Mermaid in a fence with a legend, for CI job summaries) and JSON. The SVG is drawn
 * by svg.ts with its own layout.
 */

/** Colours readable on light and dark pages (GitHub's palette). */
export const COLORS: Record<Severity | Receives, string> = {
  error: '#cf222e',
  warning: '#bc4c00',
  information: '#0969da',
  hint: '#6e7781',
  'client-address': '#1a7f37',
  'x-forwarded-for': '#8250df',
  'proxy-protocol': '#8250df',
  'lb-address': '#9a6700',
  unknown: '#6e7781',
};

/** Paths as the host wants them shown (relative to the working folder in the CLI). */
export type PathShown = (file: string) => string;

// ---------------------------------------------------------------- Mermaid

/** A label in Mermaid: entities for what Mermaid or the Markdown fence around it would read (a backtick could close the fence). */
function mermaidText(text: string): string {
  return printable(text.replace(/\r\n|\r|\n/g, ' '))
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/`/g, '#96;');
}

const MERMAID_SHAPE: Record<MapNode['kind'], [string, string]> = {
  client: ['([', '])'],
  loadbalancer: ['[[', ']]'],
  listener: ['[', ']'],
  pool: ['[(', ')]'],
  member: ['(', ')'],
};

export function toMermaid(map: ClientIpMap): string {
  const out = ['flowchart LR'];
  const classes = new Map<string, string[]>();
  const addClass = (name: string, id: string) => {
    const list = classes.get(name) ?? [];
    list.push(id);
    classes.set(name, list);
  };
  const edgeStyles = new Map<string, number[]>();
  let edgeIndex = 0;
  const edgeLines: string[] = [];
  for (const group of map.groups) {
    const { nodes, edges } = groupParts(map, group.id);
    out.push(`  subgraph ${group.id}["${mermaidText(`${group.name} (${sourceName(group.source)})`)}"]`, '    direction LR');
    for (const node of nodes) {
      const [open, close] = MERMAID_SHAPE[node.kind];
      out.push(`    ${node.id}${open}"${nodeLines(node).map(mermaidText).join('<br/>')}"${close}`);
      if (node.severity) addClass(node.severity, node.id);
      if (node.unknown) addClass('unknown', node.id);
    }
    out.push('  end');
    for (const edge of edges) {
      const label = edgeLabel(edge);
      const arrow = edge.severity ? '==>' : edge.unknown || edge.kind === 'same-server' ? '-.->' : '-->';
      edgeLines.push(`  ${edge.from} ${arrow}${label ? `|"${mermaidText(label)}"|` : ''} ${edge.to}`);
      const style = edgeColour(edge);
      if (style) {
        const list = edgeStyles.get(style) ?? [];
        list.push(edgeIndex);
        edgeStyles.set(style, list);
      }
      edgeIndex++;
    }
  }
  out.push(...edgeLines);
  out.push(
    `  classDef error fill:#ffebe9,stroke:${COLORS.error},stroke-width:3px,color:#1f2328`,
    `  classDef warning fill:#fff1e5,stroke:${COLORS.warning},stroke-width:3px,color:#1f2328`,
    `  classDef information fill:#ddf4ff,stroke:${COLORS.information},stroke-width:2px,color:#1f2328`,
    `  classDef hint stroke:${COLORS.hint},stroke-width:2px`,
    '  classDef unknown stroke-dasharray:5 3',
  );
  for (const [name, ids] of classes) out.push(`  class ${ids.join(',')} ${name}`);
  for (const [colour, indexes] of edgeStyles)
    out.push(`  linkStyle ${indexes.join(',')} stroke:${colour},stroke-width:2px,color:${colour}`);
  return out.join('\n') + '\n';
}

/** The colour an edge is drawn in: its finding's, else what the backend receives (undefined: the default). */
function edgeColour(edge: MapEdge): string | undefined {
  if (edge.severity) return COLORS[edge.severity];
  if (edge.kind === 'backend' && edge.receives) return COLORS[edge.receives];
  return undefined;
}

// ---------------------------------------------------------------- Markdown

/** Mermaid in a fence, with a title and a legend: what a CI job appends to its summary. */
export function toMarkdown(map: ClientIpMap): string {
  const listeners = map.nodes.filter((n) => n.kind === 'listener').length;
  const marked = map.nodes.filter((n) => n.severity).length;
  return [
    '### Client IP map',
    '',
    `${listeners} listener(s) in ${map.groups.length} module(s); ${marked} node(s) with findings.`,
    '',
    '```mermaid',
    toMermaid(map).trimEnd(),
    '```',
    '',
    LEGEND.join(' · '),
    '',
  ].join('\n');
}

// ---------------------------------------------------------------- DOT

function dotText(text: string): string {
  const lines = text.split(/\r\n|\r|\n/).map((line) => printable(line).replace(/\\/g, '\\\\').replace(/"/g, '\\"'));
  return `"${lines.join('\\n')}"`;
}

const DOT_SHAPE: Record<MapNode['kind'], string> = {
  client: 'shape=ellipse',
  loadbalancer: 'shape=box, peripheries=2',
  listener: 'shape=box, style="rounded"',
  pool: 'shape=cylinder',
  member: 'shape=box, style="rounded"',
};

export function toDot(map: ClientIpMap): string {
  const out = [
    'digraph "client-ip-map" {',
    '  graph [rankdir=LR, fontname="Helvetica", fontsize=11, nodesep=0.25, ranksep=0.7];',
    '  node [fontname="Helvetica", fontsize=10];',
    '  edge [fontname="Helvetica", fontsize=9];',
  ];
  const edgeLines: string[] = [];
  for (const group of map.groups) {
    const { nodes, edges } = groupParts(map, group.id);
    out.push(`  subgraph cluster_${group.id} {`, `    label=${dotText(`${group.name} (${sourceName(group.source)})`)};`);
    for (const node of nodes) {
      const attributes = [`label=${dotText(nodeLines(node).join('\n'))}`, DOT_SHAPE[node.kind]];
      if (node.unknown) {
        const shape = DOT_SHAPE[node.kind];
        attributes[1] = shape.includes('style=') ? shape.replace('style="rounded"', 'style="rounded,dashed"') : `${shape}, style="dashed"`;
      }
      if (node.severity) attributes.push(`color="${COLORS[node.severity]}"`, 'penwidth=2.5');
      out.push(`    ${node.id} [${attributes.join(', ')}];`);
    }
    out.push('  }');
    for (const edge of edges) {
      const attributes: string[] = [];
      const label = edgeLabel(edge);
      if (label) attributes.push(`label=${dotText(label)}`);
      const colour = edgeColour(edge);
      if (colour) attributes.push(`color="${colour}"`, `fontcolor="${colour}"`);
      if (edge.severity) attributes.push('penwidth=2');
      if (edge.unknown || edge.kind === 'same-server') attributes.push('style=dashed');
      // A loop back to the load balancer must not pull the backend to the left.
      if (edge.kind === 'same-server') attributes.push('constraint=false');
      edgeLines.push(`  ${edge.from} -> ${edge.to}${attributes.length ? ` [${attributes.join(', ')}]` : ''};`);
    }
  }
  out.push(...edgeLines, '}');
  return out.join('\n') + '\n';
}

// ---------------------------------------------------------------- JSON

/** The map as JSON (`version` 1), paths shown as the host says. */
export function toJson(map: ClientIpMap, shown: PathShown = (f) => f): string {
  const relocate = <T extends { file: string }>(item: T): T => ({ ...item, file: shown(item.file) });
  const document = {
    version: 1,
    groups: map.groups,
    nodes: map.nodes.map((n) => ({
      ...n,
      findings: n.findings.map(relocate),
      ...(n.location ? { location: relocate(n.location) } : {}),
    })),
    // An edge's findings are its target's (or its source's, for a loop): named here, told in full there.
    edges: map.edges.map((e) => ({ ...e, findings: e.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity })) })),
  };
  return JSON.stringify(document, null, 2) + '\n';
}
