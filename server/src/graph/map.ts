import { SEVERITY_ORDER, rangeContains, type Range, type Severity } from '../core/types';
import type { ClientIpReason, ElbModel, Listener, LoadBalancer, Member, ModelNode, Pool } from '../model/elb';
import { HTTP_PROTOCOLS, type LoadBalancerKind } from '../model/providers';
import type { ReportedFinding } from '../rules/support/instanceFindings';
import { sameServerEvidence } from '../rules/client-ip-same-server';
import { isUnknown, toBool } from '../model/value';

/**
 * The client-IP map: where the client's address goes, drawn from the ELB model.
 *
 *   client → load balancer (shared/dedicated) → listener (protocol, client-IP state and why)
 *          → pool → each backend, labelled with what it receives
 *
 * One function (`buildClientIpMap`) turns models and their findings into nodes and edges; the
 * formats (mermaid, dot, svg, json) only draw what it says. Labels are what the user wrote
 * (resource addresses with module and instance keys, JSON names). Nothing unknown is guessed:
 * an unknown state, kind or protocol is drawn as unknown.
 */

export type MapNodeKind = 'client' | 'loadbalancer' | 'listener' | 'pool' | 'member';

/** What a backend sees as the client's address. */
export type Receives =
  /** The client's own address, as the source of the connection. */
  | 'client-address'
  /** The load balancer's address; the client's only in X-Forwarded-For (and X-Real-IP). */
  | 'x-forwarded-for'
  /** The load balancer's address; the client's only in the Proxy Protocol header. */
  | 'proxy-protocol'
  /** Only the load balancer's address. */
  | 'lb-address'
  | 'unknown';

export interface MapLocation {
  file: string;
  range: Range;
}

export interface MapFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  file: string;
  range: Range;
}

export interface MapNode {
  /** `n1`, `n2`, … in drawing order: safe in every format. */
  id: string;
  group: string;
  kind: MapNodeKind;
  /** What the user wrote: `module.web.huaweicloud_elb_listener.api[1]`, `listeners[0] "web"`. */
  label: string;
  /** Short lines under the label (protocol and state, kind, what a backend gets). */
  details: string[];
  /** Drawn as unknown (dashed, with "?"): a state, kind or protocol that cannot be known statically. */
  unknown: boolean;
  /** Load balancers and listeners: shared, dedicated or unknown. */
  lbKind?: LoadBalancerKind;
  /** Listeners. */
  protocol?: string;
  /** Listeners: the effective Transfer Client IP Address state, its reason and why. */
  clientIp?: { state: 'on' | 'off' | 'unknown'; reason: ClientIpReason; explanation: string };
  /** Pools: `ip` when the pool only holds IP backends. */
  poolType?: string;
  /** Members: server backend, IP backend, or cannot tell; and why. */
  backend?: { kind: 'server' | 'ip' | 'unknown'; explanation: string; address?: string };
  /** Members: what the backend receives through each listener of its pool. */
  receives?: { listener: string; receives: Receives; text: string }[];
  findings: MapFinding[];
  /** The highest severity of `findings`. */
  severity?: Severity;
  /** Where the node is written (absent for the client and for load balancers that are not in the files). */
  location?: MapLocation;
}

export type MapEdgeKind = 'client' | 'listener' | 'pool' | 'backend' | 'same-server';

export interface MapEdge {
  from: string;
  to: string;
  kind: MapEdgeKind;
  label?: string;
  /** Backend edges: what the backend receives (summed up over the pool's listeners). */
  receives?: Receives;
  unknown: boolean;
  /** Findings about what travels along the edge (a backend that does not get the address, a loop). */
  findings: MapFinding[];
  severity?: Severity;
}

export interface MapGroup {
  id: string;
  /** The folder or file, as the host names it. */
  name: string;
  source: 'terraform' | 'elb-json' | 'kubernetes' | 'plan';
}

export interface ClientIpMap {
  groups: MapGroup[];
  nodes: MapNode[];
  edges: MapEdge[];
}

/** One model to draw, with its findings (ModelView of the language service). */
export interface MapSource {
  name: string;
  source: MapGroup['source'];
  model: ElbModel;
  findings: ReportedFinding[];
}

/** The layer of each kind, left to right. */
export const LAYER: Record<MapNodeKind, number> = { client: 0, loadbalancer: 1, listener: 2, pool: 3, member: 4 };

export const SEVERITY_ICON: Record<Severity, string> = { error: '✖', warning: '⚠', information: 'ℹ', hint: '…' };

const RECEIVES_ICON: Record<Receives, string> = {
  'client-address': '✔',
  'x-forwarded-for': '↪',
  'proxy-protocol': '↪',
  'lb-address': '✗',
  unknown: '?',
};

export function receivesIcon(receives: Receives): string {
  return RECEIVES_ICON[receives];
}

export function highestSeverity(findings: { severity: Severity }[]): Severity | undefined {
  let best: Severity | undefined;
  for (const f of findings) if (!best || SEVERITY_ORDER[f.severity] > SEVERITY_ORDER[best]) best = f.severity;
  return best;
}

/** The map of one or more models (a module, or every module of a workspace: one group each). */
export function buildClientIpMap(sources: MapSource[]): ClientIpMap {
  const map: ClientIpMap = { groups: [], nodes: [], edges: [] };
  let next = 1;
  const newId = () => `n${next++}`;
  sources.forEach((source, index) => {
    const group: MapGroup = { id: `g${index + 1}`, name: source.name, source: source.source };
    map.groups.push(group);
    addGroup(map, group, source, newId);
  });
  return map;
}

function addGroup(map: ClientIpMap, group: MapGroup, source: MapSource, newId: () => string): void {
  const { model } = source;
  const ids = new Map<ModelNode, MapNode>();
  const add = (node: Omit<MapNode, 'id' | 'group' | 'findings'>, modelNode?: ModelNode): MapNode => {
    const mapNode: MapNode = { id: newId(), group: group.id, ...node, findings: [] };
    if (modelNode) ids.set(modelNode, mapNode);
    map.nodes.push(mapNode);
    return mapNode;
  };
  const edges: MapEdge[] = [];
  // Edges made so far, by ends and kind (a search of the list per edge was quadratic: 14,000 listeners took 8 s).
  const edgeKeys = new Set<string>();
  const edge = (from: MapNode, to: MapNode, kind: MapEdgeKind, extra: Partial<MapEdge> = {}) => {
    const key = `${from.id}\u0000${to.id}\u0000${kind}`;
    if (edgeKeys.has(key)) return;
    edgeKeys.add(key);
    edges.push({ from: from.id, to: to.id, kind, unknown: false, findings: [], ...extra });
  };

  const client = add({ kind: 'client', label: 'client', details: [], unknown: false });

  for (const lb of model.loadBalancers) add(loadBalancerNode(lb), lb);
  /** Listeners whose load balancer is not in the model: one unknown load balancer per kind. */
  const missingLbs = new Map<LoadBalancerKind, MapNode>();
  for (const listener of model.listeners) {
    if (listener.loadBalancer || missingLbs.has(listener.kind)) continue;
    missingLbs.set(listener.kind, add(missingLoadBalancerNode(listener.kind)));
  }
  for (const listener of model.listeners) add(listenerNode(listener), listener);
  for (const pool of model.pools) add(poolNode(pool), pool);
  for (const member of model.members) add(memberNode(member), member);

  const nodeOf = (n: ModelNode | undefined) => (n ? ids.get(n) : undefined);

  for (const lb of model.loadBalancers) edge(client, ids.get(lb)!, 'client');
  for (const lbNode of missingLbs.values()) edge(client, lbNode, 'client', { unknown: true });
  for (const listener of model.listeners) {
    const target = ids.get(listener)!;
    const lbNode = nodeOf(listener.loadBalancer) ?? missingLbs.get(listener.kind)!;
    edge(lbNode, target, 'listener');
    for (const pool of listener.pools) {
      const poolNode = nodeOf(pool);
      if (poolNode) edge(target, poolNode, 'pool');
    }
  }
  for (const pool of model.pools) {
    const poolNode = ids.get(pool)!;
    // A pool no listener sends traffic to hangs off its load balancer.
    if (pool.listeners.length === 0) {
      const lbNode = nodeOf(pool.loadBalancer);
      if (lbNode) edge(lbNode, poolNode, 'pool', { label: 'no listener', unknown: true });
    }
  }
  for (const member of model.members) {
    const memberNode = ids.get(member)!;
    const poolNode = nodeOf(member.pool);
    if (poolNode) {
      const summary = summarise(memberNode.receives ?? []);
      edge(poolNode, memberNode, 'backend', {
        receives: summary.receives,
        label: summary.text,
        unknown: summary.receives === 'unknown',
      });
    }
    // The same-server loop: the backend is also a client of the load balancer (or of the listener's white list).
    for (const listener of member.pool?.listeners ?? []) {
      const evidence = sameServerEvidence(listener, member);
      if (!evidence) continue;
      const target = evidence.via === 'loadbalancer' ? nodeOf(listener.loadBalancer) : nodeOf(listener);
      if (target)
        edge(memberNode, target, 'same-server', { label: evidence.via === 'loadbalancer' ? 'also a client' : 'white-listed client' });
    }
  }

  // Nodes of rendered manifests (overlays, charts) are shown where their text was written.
  if (model.locate) {
    for (const n of map.nodes) {
      if (n.group !== group.id || !n.location) continue;
      const written = model.locate(n.location.file, n.location.range);
      if (written) n.location = { ...n.location, ...written };
    }
  }

  // Findings go to their node; those about a backend or a pool also mark the edge into it.
  const edgesAt = new Map<string, MapEdge[]>();
  for (const e of edges) {
    for (const end of new Set([e.from, e.to])) {
      const list = edgesAt.get(end);
      if (list) list.push(e);
      else edgesAt.set(end, [e]);
    }
  }
  for (const { finding, node } of source.findings) {
    const mapNode = nodeOf(node) ?? nodeAtRange(map.nodes, group.id, finding.file, finding.range);
    if (!mapNode) continue;
    const item: MapFinding = {
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      file: finding.file,
      range: finding.range,
    };
    if (!mapNode.findings.some((f) => f.ruleId === item.ruleId && f.message === item.message)) mapNode.findings.push(item);
    for (const e of edgesAt.get(mapNode.id) ?? []) {
      const about =
        e.to === mapNode.id && (e.kind === 'backend' || e.kind === 'pool') && finding.ruleId !== 'client-ip-same-server'
          ? true
          : e.from === mapNode.id && e.kind === 'same-server' && finding.ruleId === 'client-ip-same-server';
      if (about && !e.findings.some((f) => f.ruleId === item.ruleId && f.message === item.message)) e.findings.push(item);
    }
  }
  for (const n of map.nodes) if (n.group === group.id) n.severity = highestSeverity(n.findings);
  for (const e of edges) e.severity = highestSeverity(e.findings);
  map.edges.push(...edges);
}

/** A finding without its node: the node whose block holds it. */
function nodeAtRange(nodes: MapNode[], group: string, file: string, range: Range): MapNode | undefined {
  return nodes.find((n) => n.group === group && n.location?.file === file && rangeContains(n.location.range, range.start));
}

function location(node: ModelNode): MapLocation {
  return { file: node.file.path, range: node.block.headerRange };
}

const KIND_TEXT: Record<LoadBalancerKind, string> = {
  shared: 'shared load balancer',
  dedicated: 'dedicated load balancer',
  unknown: 'load balancer, shared or dedicated: unknown',
};

function loadBalancerNode(lb: LoadBalancer): Omit<MapNode, 'id' | 'group' | 'findings'> {
  return {
    kind: 'loadbalancer',
    label: lb.address,
    details: [KIND_TEXT[lb.kind]],
    unknown: lb.kind === 'unknown',
    lbKind: lb.kind,
    location: location(lb),
  };
}

function missingLoadBalancerNode(kind: LoadBalancerKind): Omit<MapNode, 'id' | 'group' | 'findings'> {
  return {
    kind: 'loadbalancer',
    label: '(load balancer not in these files)',
    details: [kind === 'unknown' ? KIND_TEXT.unknown : `${KIND_TEXT[kind]}, by the listener's type`],
    unknown: true,
    lbKind: kind,
  };
}

/** "on (always on)", "off (default)", "on (set)", "unknown". */
export function clientIpText(listener: Pick<Listener, 'clientIp'>): string {
  const { state, reason } = listener.clientIp;
  if (state === 'unknown') return 'unknown';
  if (reason === 'always-on') return 'always on';
  return `${state} (${reason === 'default' ? 'default' : 'set'})`;
}

function listenerNode(listener: Listener): Omit<MapNode, 'id' | 'group' | 'findings'> {
  const { clientIp } = listener;
  return {
    kind: 'listener',
    label: listener.address,
    details: [`${listener.protocol ?? 'protocol ?'} · client IP: ${clientIpText(listener)}`],
    unknown: clientIp.state === 'unknown' || listener.protocol === undefined,
    lbKind: listener.kind,
    protocol: listener.protocol,
    clientIp: { state: clientIp.state, reason: clientIp.reason, explanation: clientIp.explanation },
    location: location(listener),
  };
}

function poolNode(pool: Pool): Omit<MapNode, 'id' | 'group' | 'findings'> {
  const details = pool.idOnly
    ? ['pool: only its id is known']
    : pool.poolType === 'ip'
      ? ['pool of IP backends only']
      : [`pool${pool.protocol ? ` · ${pool.protocol}` : ''}`];
  return {
    kind: 'pool',
    label: pool.address,
    details,
    unknown: pool.idOnly === true,
    poolType: pool.poolType,
    location: location(pool),
  };
}

function memberNode(member: Member): Omit<MapNode, 'id' | 'group' | 'findings'> {
  const kind = member.isIpBackend === true ? 'ip' : member.isIpBackend === false ? 'server' : 'unknown';
  const listeners = member.pool?.listeners ?? [];
  const receives = listeners.map((l) => ({ listener: l.address, ...backendReceives(l, member) }));
  const summary = summarise(receives);
  const what = kind === 'ip' ? 'IP backend' : kind === 'server' ? 'server backend' : 'backend, server or IP: unknown';
  const details = [`${what}${member.ipAddress ? ` · ${member.ipAddress}` : ''}`];
  if (receives.length <= 1 || summary.receives !== 'unknown' || receives.every((r) => r.receives === 'unknown')) {
    details.push(`gets: ${summary.text}`);
  } else {
    for (const r of receives) details.push(`via ${r.listener}: ${r.text}`);
  }
  return {
    kind: 'member',
    label: member.address,
    details,
    unknown: kind === 'unknown' || summary.receives === 'unknown',
    backend: { kind, explanation: member.ipBackendExplanation, ...(member.ipAddress ? { address: member.ipAddress } : {}) },
    receives,
    location: location(member),
  };
}

function summarise(receives: { receives: Receives; text: string }[]): { receives: Receives; text: string } {
  if (receives.length === 0) return { receives: 'unknown', text: 'unknown: no listener sends traffic to its pool' };
  const first = receives[0];
  if (receives.every((r) => r.receives === first.receives && r.text === first.text)) return first;
  return { receives: 'unknown', text: 'depends on the listener' };
}

/**
 * What a backend sees as the client's address, through one listener: the client's own address
 * when the listener transfers it to a server backend; otherwise the load balancer's address,
 * with the client's in a header or the Proxy Protocol where the listener adds one.
 */
export function backendReceives(listener: Listener, member: Member): { receives: Receives; text: string } {
  const { state } = listener.clientIp;
  if (state === 'unknown') return { receives: 'unknown', text: 'unknown (the listener’s client-IP state is unknown)' };
  // TLS listeners do not pass the client IP on themselves (Huawei's guide): only Proxy Protocol does.
  if (listener.protocol === 'TLS') return alternativeReceives(listener);
  if (state === 'on' && member.isIpBackend === false) return { receives: 'client-address', text: 'the client’s address' };
  const alternative = alternativeReceives(listener);
  if (state === 'on' && member.isIpBackend === undefined) {
    return { receives: 'unknown', text: `the client’s address if it is a server in the VPC, else ${alternative.text}` };
  }
  return alternative;
}

function alternativeReceives(listener: Listener): { receives: Receives; text: string } {
  const { protocol } = listener;
  if (protocol === undefined) return { receives: 'unknown', text: 'unknown (the protocol is unknown)' };
  if (HTTP_PROTOCOLS.has(protocol)) {
    return { receives: 'x-forwarded-for', text: realIpOn(listener) ? 'X-Forwarded-For / X-Real-IP only' : 'X-Forwarded-For only' };
  }
  if (protocol === 'TLS') {
    const proxy = listener.options.get('proxy_protocol_enable')?.value;
    if (proxy !== undefined && proxy !== null && isUnknown(proxy))
      return { receives: 'unknown', text: 'unknown (Proxy Protocol is unknown)' };
    if (proxy !== undefined && proxy !== null && toBool(proxy) === true) return { receives: 'proxy-protocol', text: 'Proxy Protocol only' };
  }
  return { receives: 'lb-address', text: lbAddressText(listener.kind) };
}

export function lbAddressText(kind: LoadBalancerKind): string {
  if (kind === 'shared') return 'the LB’s 100.125.0.0/16 address';
  if (kind === 'dedicated') return 'the LB’s backend-subnet address';
  return 'the LB’s address';
}

/** `real_ip = true` (Huawei dedicated) or `"X-Real-IP": true` in insert_headers (ELB API). */
function realIpOn(listener: Listener): boolean {
  const realIp = listener.options.get('real_ip')?.value;
  if (realIp !== undefined && realIp !== null && !isUnknown(realIp) && toBool(realIp) === true) return true;
  const header = listener.insertHeaderNames ? listener.insertHeaders?.attributes.get('X-Real-IP') : undefined;
  return header?.expr.kind === 'literal' && header.expr.value === true;
}

/** The nodes and edges of one group. */
export function groupParts(map: ClientIpMap, group: string): { nodes: MapNode[]; edges: MapEdge[] } {
  const nodes = map.nodes.filter((n) => n.group === group);
  const ids = new Set(nodes.map((n) => n.id));
  return { nodes, edges: map.edges.filter((e) => ids.has(e.from)) };
}
