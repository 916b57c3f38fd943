import * as path from 'path';
import type { Range } from '../core/types';
import { buildClientIpMap, toSvg, viewSource, type MapNode } from '../graph';
import type { ElbLensService } from '../service/api';
import type { AnalysisOptions } from '../core/options';
import type { UriOf } from './convert';

/**
 * `elbLens/clientIpMap`: the client-IP map of a document's module, for the VS Code webview
 * (and any client that wants it): the SVG and where each node is written. A custom request,
 * so the core and the SVG stay in the server and the client only shows them.
 */
export const CLIENT_IP_MAP_METHOD = 'elbLens/clientIpMap';

export interface ClientIpMapParams {
  textDocument: { uri: string };
  /** false: only the nodes (for code lenses), no SVG. Default true. */
  svg?: boolean;
}

export interface ClientIpMapNode {
  id: string;
  kind: MapNode['kind'];
  label: string;
  /** Where the node is written; absent for the client and for load balancers outside the files. */
  uri?: string;
  range?: Range;
}

export interface ClientIpMapResult {
  /** The modules drawn (folders relative to the workspace folder). */
  title: string;
  svg?: string;
  nodes: ClientIpMapNode[];
}

export function clientIpMapResult(
  service: ElbLensService,
  filePath: string,
  options: AnalysisOptions,
  uriOf: UriOf,
  workspaceFolders: string[],
  withSvg: boolean,
): ClientIpMapResult {
  const shown = (root: string) => {
    const folder = workspaceFolders.find((f) => root === f || root.startsWith(f + path.sep));
    return folder ? path.relative(folder, root) || path.basename(root) : root;
  };
  const sources = service.models(filePath, options).map((view) => viewSource(view, shown));
  const map = buildClientIpMap(sources);
  return {
    title: map.groups.map((g) => g.name).join(', ') || shown(path.dirname(filePath)),
    ...(withSvg ? { svg: toSvg(map) } : {}),
    nodes: map.nodes.map((n) => ({
      id: n.id,
      kind: n.kind,
      label: n.label,
      ...(n.location ? { uri: uriOf(n.location.file), range: n.location.range } : {}),
    })),
  };
}
