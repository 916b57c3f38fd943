import type { Severity } from '../core/types';
import { SEVERITY_ICON, type MapEdge, type MapGroup, type MapNode, type Receives } from './map';

/**
 * The words every format draws: a node's lines and an edge's label. Marks never rely on
 * colour alone: a finding adds its icon and rule id, an unknown part a "?".
 */

const RECEIVES_LABEL: Record<Receives, string> = {
  'client-address': '✔ client address',
  'x-forwarded-for': '↪ X-Forwarded-For',
  'proxy-protocol': '↪ Proxy Protocol',
  'lb-address': '✗ LB address',
  unknown: '? unknown',
};

/** The icon and rule id of each finding of a node, once per rule (the worst severity first). */
export function findingLines(node: Pick<MapNode, 'findings'>, limit = 3): string[] {
  const byRule = new Map<string, Severity>();
  const order: Severity[] = ['error', 'warning', 'information', 'hint'];
  for (const severity of order)
    for (const f of node.findings) if (f.severity === severity && !byRule.has(f.ruleId)) byRule.set(f.ruleId, severity);
  const lines = [...byRule].map(([ruleId, severity]) => `${SEVERITY_ICON[severity]} ${ruleId}`);
  return lines.length > limit ? [...lines.slice(0, limit - 1), `+${lines.length - limit + 1} more`] : lines;
}

/** The first line of a node: its label, with "?" in front when it is drawn as unknown. */
export function nodeTitle(node: Pick<MapNode, 'label' | 'unknown'>): string {
  return node.unknown ? `? ${node.label}` : node.label;
}

/** Title, details, then findings. */
export function nodeLines(node: MapNode): string[] {
  return [nodeTitle(node), ...node.details, ...findingLines(node)];
}

/** An edge's label: what a backend receives, a loop, or the finding that marks it ("" for none). */
export function edgeLabel(edge: MapEdge): string {
  const icon = edge.severity ? `${SEVERITY_ICON[edge.severity]} ` : '';
  if (edge.kind === 'backend' && edge.receives) {
    const text = RECEIVES_LABEL[edge.receives];
    return edge.severity ? `${icon}${text.slice(2)}` : text;
  }
  if (edge.label) return `${icon}${edge.label}`;
  if (edge.severity) return `${icon}${edge.findings[0].ruleId}`;
  return '';
}

/** Cuts text to `max` characters with an ellipsis. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The legend, in words, shared by the formats that can show one. */
export const LEGEND = [
  '✔ the backend gets the client’s address',
  '↪ only in X-Forwarded-For / X-Real-IP or the Proxy Protocol header',
  '✗ only the load balancer’s address',
  '? unknown until Terraform runs',
  '✖ ⚠ ℹ a finding (error, warning, information)',
];

export function sourceName(source: MapGroup['source']): string {
  if (source === 'kubernetes') return 'Kubernetes';
  return source === 'terraform' ? 'Terraform' : source === 'elb-json' ? 'ELB API JSON' : 'plan';
}
