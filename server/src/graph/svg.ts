import { xmlText } from '../core/escape';
import { groupParts, LAYER, SEVERITY_ICON, type ClientIpMap, type MapEdge, type MapNode } from './map';
import { layeredLayout, type Placed } from './layout';
import { clip, edgeLabel, findingLines, LEGEND, nodeTitle, sourceName } from './text';

/**
 * The client-IP map as one self-contained SVG: no fonts, scripts or images are fetched; the
 * colours are CSS variables with a light and a dark set (`prefers-color-scheme`), which a host
 * may override (the VS Code webview sets them from the colour theme). Nodes carry
 * `data-node="<id>"` (the ids of the JSON map) and are focusable, so a host can make them
 * clickable. Layout: layout.ts, one band per group, stacked top to bottom.
 */

export interface SvgOptions {
  /** Drawn under the map (default true). */
  legend?: boolean;
  /** Text of the document title (default "ELB Lens client IP map"). */
  title?: string;
}

const FONT = 'ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace';
/** Advance of one character of the monospace font, per pixel of font size. */
const CHAR = 0.61;
const TITLE_SIZE = 12;
const TEXT_SIZE = 11;
const LABEL_SIZE = 10;
const LINE = 15;
const PAD_X = 10;
const PAD_Y = 7;
const MAX_CHARS = 60;
/** Finding messages in tooltips are cut here: the map stays small, the editor has the full text. */
const MAX_TOOLTIP = 180;
const GROUP_PAD = 16;
const GROUP_HEADER = 26;
/** Loops (a backend that is also a client) run in lanes under the nodes, this far apart. */
const LOOP_LANE = 12;

const COLOUR_CLASSES = ['line', 'ok', 'alt', 'lb', 'unk', 'error', 'warning', 'information', 'hint'];
/** Each edge colour has its arrowhead (markers are CSS properties, so edges need no attribute). */
const COLOUR_CLASSES_CSS = COLOUR_CLASSES.map((c) => `path.c-${c}{marker-end:url(#k-${c})}`).join('');

const STYLE = `
.elb-map{--fg:#1f2328;--bg:#ffffff;--mut:#59636e;--line:#818b98;--node:#f6f8fa;--frame:#d1d9e0;--ok:#1a7f37;--alt:#8250df;--lb:#9a6700;--unk:#6e7781;--error:#cf222e;--warning:#bc4c00;--information:#0969da;--hint:#6e7781;--sel:#0969da}
@media (prefers-color-scheme:dark){.elb-map{--fg:#e6edf3;--bg:#0d1117;--mut:#9198a1;--line:#768390;--node:#161b22;--frame:#3d444d;--ok:#3fb950;--alt:#ab7df8;--lb:#d29922;--unk:#9198a1;--error:#f85149;--warning:#db6d28;--information:#4493f8;--hint:#9198a1;--sel:#4493f8}}
.elb-map{font-family:${FONT};font-size:${TEXT_SIZE}px}
.elb-map .bg{fill:var(--bg)}
.elb-map .gf{fill:none;stroke:var(--frame);stroke-width:1}
.elb-map .gt{fill:var(--fg);font-size:13px;font-weight:600}
.elb-map .lg{fill:var(--mut)}
.n rect{fill:var(--node);stroke:var(--line);stroke-width:1.2}
.n.lb rect{stroke-width:2.4}
.n text{fill:var(--mut)}
.n .t{fill:var(--fg);font-size:${TITLE_SIZE}px;font-weight:600}
.n.u rect{stroke-dasharray:5 3}
.n.s-error rect{stroke:var(--error);stroke-width:2.6}
.n.s-warning rect{stroke:var(--warning);stroke-width:2.6}
.n.s-information rect{stroke:var(--information);stroke-width:2}
.n.s-hint rect{stroke:var(--hint);stroke-width:2}
.n .f-error{fill:var(--error);font-weight:600}
.n .f-warning{fill:var(--warning);font-weight:600}
.n .f-information{fill:var(--information);font-weight:600}
.n .f-hint{fill:var(--hint)}
.n[data-node]{cursor:pointer}
.n[data-node]:focus{outline:none}
.n[data-node]:focus rect,.n[data-node]:hover rect,.n.sel rect{stroke:var(--sel);stroke-width:3.2}
.e{fill:none;stroke:var(--line);stroke-width:1.4;stroke-linejoin:round}
.e.u{stroke-dasharray:5 3}
.e.m{stroke-width:2.4}
.el{font-size:${LABEL_SIZE}px;fill:var(--mut);paint-order:stroke;stroke:var(--bg);stroke-width:3px;stroke-linejoin:round}
.c-ok{stroke:var(--ok)}.el.c-ok,.k-ok{fill:var(--ok)}
.c-alt{stroke:var(--alt)}.el.c-alt,.k-alt{fill:var(--alt)}
.c-lb{stroke:var(--lb)}.el.c-lb,.k-lb{fill:var(--lb)}
.c-unk{stroke:var(--unk)}.el.c-unk,.k-unk{fill:var(--unk)}
.c-error{stroke:var(--error)}.el.c-error,.k-error{fill:var(--error)}
.c-warning{stroke:var(--warning)}.el.c-warning,.k-warning{fill:var(--warning)}
.c-information{stroke:var(--information)}.el.c-information,.k-information{fill:var(--information)}
.c-hint{stroke:var(--hint)}.el.c-hint,.k-hint{fill:var(--hint)}
.k-line{fill:var(--line)}
${COLOUR_CLASSES_CSS}
.el.c-ok,.el.c-alt,.el.c-lb,.el.c-unk,.el.c-error,.el.c-warning,.el.c-information,.el.c-hint{stroke:var(--bg)}
`
  .trim()
  .replace(/\n/g, '');

/** Text in the SVG (line breaks kept: a tooltip has several lines). */
const xml = xmlText;

function width(chars: number, size: number): number {
  return chars * size * CHAR;
}

interface Box {
  node: MapNode;
  lines: { text: string; cls: string }[];
  width: number;
  height: number;
}

function box(node: MapNode): Box {
  const lines = [
    { text: clip(nodeTitle(node), MAX_CHARS), cls: 't' },
    ...node.details.map((d) => ({ text: clip(d, MAX_CHARS + 4), cls: '' })),
    ...findingLines(node).map((f) => ({ text: f, cls: `f-${severityOfLine(node, f)}` })),
  ];
  const chars = lines.map((l, i) => width(l.text.length, i === 0 ? TITLE_SIZE : TEXT_SIZE));
  return {
    node,
    lines,
    width: Math.ceil(Math.max(...chars) + 2 * PAD_X + 2),
    height: lines.length * LINE + 2 * PAD_Y - 2,
  };
}

/** The severity a finding line was drawn for (its icon); "+N more" lines take the node's lowest. */
function severityOfLine(node: MapNode, line: string): string {
  for (const [severity, icon] of Object.entries(SEVERITY_ICON)) if (line.startsWith(`${icon} `)) return severity;
  return node.findings[node.findings.length - 1]?.severity ?? 'hint';
}

function edgeClass(edge: MapEdge): string {
  if (edge.severity) return edge.severity;
  if (edge.kind === 'backend') {
    switch (edge.receives) {
      case 'client-address':
        return 'ok';
      case 'x-forwarded-for':
      case 'proxy-protocol':
        return 'alt';
      case 'lb-address':
        return 'lb';
      default:
        return 'unk';
    }
  }
  return edge.unknown ? 'unk' : 'line';
}

const KIND_CLASS: Record<MapNode['kind'], string> = { client: 'cl', loadbalancer: 'lb', listener: 'li', pool: 'po', member: 'me' };

function n(value: number): string {
  return String(Math.round(value));
}

export function toSvg(map: ClientIpMap, options: SvgOptions = {}): string {
  const body: string[] = [];
  let top = 0;
  let totalWidth = 0;
  for (const group of map.groups) {
    const { nodes, edges } = groupParts(map, group.id);
    const boxes = new Map(nodes.map((node) => [node.id, box(node)]));
    const labelChars = new Map<number, number>();
    for (const e of edges) {
      if (e.kind === 'same-server') continue;
      const layer = LAYER[nodes.find((x) => x.id === e.to)!.kind] - 1;
      labelChars.set(layer, Math.max(labelChars.get(layer) ?? 0, edgeLabel(e).length));
    }
    const layout = layeredLayout(
      nodes.map((node) => ({ id: node.id, layer: LAYER[node.kind], width: boxes.get(node.id)!.width, height: boxes.get(node.id)!.height })),
      edges.map((e) => ({ from: e.from, to: e.to, back: e.kind === 'same-server' })),
      { nodeGap: 14, layerGap: (layer) => Math.max(44, Math.ceil(width(labelChars.get(layer) ?? 0, LABEL_SIZE)) + 36) },
    );
    const loops = edges.filter((e) => e.kind === 'same-server').length;
    const left = GROUP_PAD;
    const originY = top + GROUP_HEADER;
    const place = (id: string): Placed => {
      const p = layout.positions.get(id)!;
      return { ...p, x: p.x + left, y: p.y + originY };
    };
    const groupWidth = layout.width + 2 * GROUP_PAD;
    const groupHeight = GROUP_HEADER + layout.height + loops * LOOP_LANE + (loops ? 10 : 0) + GROUP_PAD;
    let lane = 0;
    totalWidth = Math.max(totalWidth, groupWidth, width(group.name.length + 16, 13) + 2 * GROUP_PAD);
    body.push(`<g class="grp" data-group="${group.id}">`);
    body.push(`<rect class="gf" x="4" y="${n(top + 4)}" width="${n(groupWidth - 8)}" height="${n(groupHeight - 8)}" rx="8"/>`);
    body.push(`<text class="gt" x="${left}" y="${n(top + 20)}">${xml(`${group.name} · ${sourceName(group.source)}`)}</text>`);
    // Edges first, so nodes and labels sit on top of them.
    const labels: string[] = [];
    for (const edge of edges) {
      const from = place(edge.from);
      const to = place(edge.to);
      const colour = edgeClass(edge);
      const classes = `e c-${colour}${edge.unknown || edge.kind === 'same-server' ? ' u' : ''}${edge.severity ? ' m' : ''}`;
      const label = edgeLabel(edge);
      let d: string;
      let labelAt: { x: number; y: number; anchor: 'end' | 'start' | 'middle' };
      if (edge.kind === 'same-server') {
        // Right angles through the gutters and a lane under every node, so it crosses edges but
        // never a node: out of the backend's left side (below where its pool's edge comes in),
        // down the gutter, along the lane, up the gutter right of the target, into its right side.
        lane++;
        const sy = from.y + from.height - 6;
        const x1 = from.x - 10 - lane * 3;
        const y = originY + layout.height + 4 + lane * LOOP_LANE;
        const x2 = to.x + to.width + 12 + lane * 3;
        const ty = to.y + to.height - 7;
        d = `M${n(from.x)},${n(sy)}H${n(x1)}V${n(y)}H${n(x2)}V${n(ty)}H${n(to.x + to.width + 3)}`;
        labelAt = { x: (x1 + x2) / 2, y: y - 3, anchor: 'middle' };
      } else {
        const sx = from.x + from.width;
        const sy = from.y + from.height / 2;
        const tx = to.x - 3;
        const ty = to.y + to.height / 2;
        const bend = Math.max(20, (tx - sx) / 2);
        d = `M${n(sx)},${n(sy)}C${n(sx + bend)},${n(sy)} ${n(tx - bend)},${n(ty)} ${n(tx)},${n(ty)}`;
        labelAt = { x: tx - 6, y: ty - 5, anchor: 'end' };
      }
      body.push(`<path class="${classes}" d="${d}"/>`);
      if (label) {
        labels.push(
          `<text class="el c-${colour}" x="${n(labelAt.x)}" y="${n(labelAt.y)}"${labelAt.anchor === 'start' ? '' : ` text-anchor="${labelAt.anchor}"`}>${xml(label)}</text>`,
        );
      }
    }
    body.push(...labels);
    for (const node of nodes) {
      const b = boxes.get(node.id)!;
      const p = place(node.id);
      const classes = ['n', KIND_CLASS[node.kind], node.unknown ? 'u' : '', node.severity ? `s-${node.severity}` : '']
        .filter(Boolean)
        .join(' ');
      // A host makes nodes with a place in the files focusable and clickable (the webview does).
      const interactive = node.location ? ` data-node="${node.id}"` : '';
      const tooltip = [
        node.label,
        ...node.findings.map((f) => clip(`${SEVERITY_ICON[f.severity]} ${f.ruleId}: ${f.message}`, MAX_TOOLTIP)),
      ];
      const rx = node.kind === 'client' ? b.height / 2 : node.kind === 'pool' ? 10 : 5;
      const texts = b.lines
        .map((line, i) => `<text y="${n(PAD_Y + 11 + i * LINE)}"${line.cls ? ` class="${line.cls}"` : ''}>${xml(line.text)}</text>`)
        .join('');
      body.push(
        // The origin is where the text starts, so the lines need no x.
        `<g class="${classes}"${interactive} transform="translate(${n(p.x + PAD_X)} ${n(p.y)})"><title>${xml(tooltip.join('\n'))}</title>` +
          `<rect x="-${PAD_X}" width="${n(p.width)}" height="${n(b.height)}" rx="${n(rx)}"/>${texts}</g>`,
      );
    }
    body.push('</g>');
    top += groupHeight + 8;
  }
  if (map.groups.length === 0) {
    body.push(`<text class="lg" x="${GROUP_PAD}" y="24">No load balancer, listener, pool or member was found.</text>`);
    top = 40;
    totalWidth = 420;
  }
  if (options.legend !== false) {
    LEGEND.forEach((line, i) => body.push(`<text class="lg" x="${GROUP_PAD}" y="${n(top + 14 + i * LINE)}">${xml(line)}</text>`));
    totalWidth = Math.max(totalWidth, ...LEGEND.map((l) => width(l.length, TEXT_SIZE) + 2 * GROUP_PAD));
    top += LEGEND.length * LINE + 12;
  }
  const w = n(totalWidth);
  const h = n(top);
  const markers = COLOUR_CLASSES.map(
    (c) =>
      `<marker id="k-${c}" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="8" markerHeight="8" markerUnits="userSpaceOnUse" orient="auto"><path class="k-${c}" d="M0,0L8,4L0,8z"/></marker>`,
  ).join('');
  const title = options.title ?? 'ELB Lens client IP map';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="elb-map" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" aria-labelledby="elb-map-title">` +
    `<title id="elb-map-title">${xml(title)}</title><style>${STYLE}</style><defs>${markers}</defs>` +
    `<rect class="bg" width="${w}" height="${h}"/>\n${body.join('\n')}\n</svg>\n`
  );
}
