export {
  buildClientIpMap,
  backendReceives,
  type ClientIpMap,
  type MapEdge,
  type MapGroup,
  type MapNode,
  type MapSource,
  type Receives,
} from './map';
export { toDot, toJson, toMarkdown, toMermaid } from './formats';
export { toSvg, type SvgOptions } from './svg';
export { planView, viewSource } from './sources';

/** The formats of `elb-lens graph`. */
export const MAP_FORMATS = ['mermaid', 'dot', 'svg', 'json', 'markdown'] as const;
export type MapFormat = (typeof MAP_FORMATS)[number];
