import { checkpoint } from '../core/budget';
import * as path from 'path';
import { effectiveClientIp } from '../model/clientIp';
import type { ElbModel, IpGroup, Listener, ListenerOption, LoadBalancer, Member, ModelNode, Pool } from '../model/elb';
import { resourceTypeInfo, type LoadBalancerKind } from '../model/providers';
import type { ConfigAttribute, ConfigBlock, ConfigFile } from '../parse/config';
import { pathText } from './configFile';
import { bool, exprValue, idList, isTrue, str, valueOf } from './values';
import { ELB_JSON_ROLES, isInsertHeaderName, type ElbJsonRole } from './fields';

/**
 * ELB API JSON → ElbModel: the API objects of a folder's files (see configFile.ts), linked
 * by id across them.
 */

// ---- model ----

interface ApiObject {
  role: ElbJsonRole;
  file: ConfigFile;
  block: ConfigBlock;
  id: string | undefined;
  address: string;
  /** False for a second copy of an id already seen (the same object exported twice): it gets no links. */
  primary: boolean;
}

interface KindEvidence {
  kind: 'shared' | 'dedicated';
  why: string;
  /** The listener whose protocol told the kind, when that is where it came from. */
  fromListener?: ApiObject;
}

/** `TERMINATED_HTTPS` only exists on shared load balancers; `HTTPS`, `TLS`, `QUIC` only on dedicated ones. */
function protocolKind(protocol: string | undefined): 'shared' | 'dedicated' | undefined {
  if (protocol === 'TERMINATED_HTTPS') return 'shared';
  if (protocol === 'HTTPS' || protocol === 'TLS' || protocol === 'QUIC') return 'dedicated';
  return undefined;
}

function ownLoadBalancerKind(block: ConfigBlock): KindEvidence | undefined {
  const guaranteed = bool(block, 'guaranteed');
  if (guaranteed === true) return { kind: 'dedicated', why: '`guaranteed` is true' };
  if (guaranteed === false) return { kind: 'shared', why: '`guaranteed` is false' };
  const flavor = ['l4_flavor_id', 'l7_flavor_id'].find((n) => str(block, n) !== undefined);
  if (flavor) return { kind: 'dedicated', why: `it has an \`${flavor}\`, and only dedicated load balancers have flavors` };
  return undefined;
}

function upperString(block: ConfigBlock, name: string): string | undefined {
  return str(block, name)?.toUpperCase();
}

/** Builds one ELB model from the ELB JSON files of a folder, linking objects by id across them. */
export function buildElbJsonModel(files: ConfigFile[]): ElbModel {
  const multiFile = files.length > 1;
  const objects: ApiObject[] = [];
  const primaryById = new Map<string, ApiObject>();
  for (const file of files) {
    for (const block of file.blocks) {
      checkpoint();
      const role = ELB_JSON_ROLES.find((r) => r === block.type);
      if (!role || !block.jsonPath) continue;
      const id = str(block, 'id');
      const key = `${role}:${id}`;
      const primary = id === undefined || !primaryById.has(key);
      const object: ApiObject = { role, file, block, id, address: addressOf(file, block, role, multiFile), primary };
      if (id !== undefined && primary) primaryById.set(key, object);
      objects.push(object);
    }
  }
  const byId = (role: ElbJsonRole, id: string | undefined): ApiObject | undefined =>
    id === undefined ? undefined : primaryById.get(`${role}:${id}`);
  const ofRole = (role: ElbJsonRole) => objects.filter((o) => o.role === role);
  const nodeBase = (o: ApiObject): ModelNode => ({
    address: o.address,
    type: o.role,
    info: resourceTypeInfo(`elb-api:${o.role}`)!,
    file: o.file,
    block: o.block,
  });

  // Load balancer ids that objects refer to, and what says whether each is shared or dedicated.
  const lbObjects = ofRole('loadbalancer');
  const listenerObjects = ofRole('listener');
  const poolObjects = ofRole('pool');
  const memberObjects = ofRole('member');

  // Reverse links from the `listeners`/`pools`/`members` lists of {"id": …}: child id → parent id.
  const listedIn = (parents: ApiObject[], list: string): Map<string, string> => {
    const parentOf = new Map<string, string>();
    for (const parent of parents) {
      if (!parent.primary || parent.id === undefined) continue;
      for (const child of idList(parent.block, list)) if (!parentOf.has(child)) parentOf.set(child, parent.id);
    }
    return parentOf;
  };
  const lbOfListener = listedIn(lbObjects, 'listeners');
  const lbOfPool = listedIn(lbObjects, 'pools');
  const poolOfMember = listedIn(poolObjects, 'members');

  const listenerLbId = (o: ApiObject): string | undefined =>
    str(o.block, 'loadbalancer_id') ?? idList(o.block, 'loadbalancers')[0] ?? (o.id ? lbOfListener.get(o.id) : undefined);

  const evidence = new Map<string, KindEvidence | 'conflict'>();
  const addEvidence = (lbId: string, e: KindEvidence) => {
    const existing = evidence.get(lbId);
    if (existing === undefined) evidence.set(lbId, e);
    else if (existing !== 'conflict' && existing.kind !== e.kind) evidence.set(lbId, 'conflict');
  };
  for (const lb of lbObjects) {
    const own = ownLoadBalancerKind(lb.block);
    if (lb.id && own) addEvidence(lb.id, own);
  }
  // A listener's protocol tells its load balancer's kind, for the other listeners of the same load balancer too.
  const fromProtocols = new Map<string, KindEvidence | 'conflict'>();
  for (const listener of listenerObjects) {
    const lbId = listenerLbId(listener);
    const protocol = upperString(listener.block, 'protocol');
    const kind = protocolKind(protocol);
    if (!lbId || !kind || evidence.has(lbId)) continue;
    const existing = fromProtocols.get(lbId);
    const e: KindEvidence = {
      kind,
      why: `its listener \`${listener.address}\` is ${protocol}, which only exists on ${kind} load balancers`,
      fromListener: listener,
    };
    if (existing === undefined) fromProtocols.set(lbId, e);
    else if (existing !== 'conflict' && existing.kind !== kind) fromProtocols.set(lbId, 'conflict');
  }
  for (const [lbId, e] of fromProtocols) if (!evidence.has(lbId)) evidence.set(lbId, e);
  const lbEvidence = (lbId: string | undefined): KindEvidence | undefined => {
    const e = lbId === undefined ? undefined : evidence.get(lbId);
    return e === 'conflict' ? undefined : e;
  };

  // Load balancers.
  const loadBalancers = new Map<ApiObject, LoadBalancer>();
  for (const o of lbObjects) {
    const e = lbEvidence(o.id) ?? ownLoadBalancerKind(o.block);
    const subnet = o.block.attributes.get('vip_subnet_cidr_id') ?? o.block.attributes.get('vip_subnet_id');
    loadBalancers.set(o, {
      ...nodeBase(o),
      kind: e?.kind ?? 'unknown',
      ipBackendsEnabled: valueOf(o.block, 'ip_target_enable'),
      subnetAttribute: subnet && str(o.block, subnet.name) !== undefined ? subnet : undefined,
    });
  }
  const lbNode = (lbId: string | undefined) => {
    const o = byId('loadbalancer', lbId);
    return o ? loadBalancers.get(o) : undefined;
  };

  // IP address groups.
  const ipGroups = new Map<ApiObject, IpGroup>();
  for (const o of ofRole('ipgroup')) {
    const list = valueOf(o.block, 'ip_list');
    const cidrs: string[] = [];
    if (Array.isArray(list)) {
      for (const item of list) {
        const ip = item && typeof item === 'object' && !Array.isArray(item) ? item.ip : undefined;
        if (typeof ip === 'string' && ip.trim() !== '') cidrs.push(ip.trim());
      }
    }
    ipGroups.set(o, { ...nodeBase(o), cidrs });
  }

  // Listeners.
  const listeners = new Map<ApiObject, Listener>();
  for (const o of listenerObjects) {
    const { block } = o;
    const protocol = upperString(block, 'protocol');
    const lbId = listenerLbId(o);
    const lb = lbNode(lbId);
    const e = lbEvidence(lbId);
    const own = protocolKind(protocol);
    let kind: LoadBalancerKind;
    let kindExplanation: string;
    if (own && (!e || e.fromListener === o)) {
      kind = own;
      kindExplanation = `${protocol} listeners only exist on ${own} load balancers`;
    } else if (e) {
      kind = e.kind;
      kindExplanation = lb
        ? `it belongs to \`${lb.address}\`, a ${e.kind} load balancer (${e.why})`
        : `its load balancer ${lbId} is ${e.kind} (${e.why})`;
    } else {
      kind = 'unknown';
      kindExplanation =
        lbId === undefined
          ? 'the listener names no load balancer, and its protocol exists on shared and dedicated load balancers alike'
          : lb
            ? `its load balancer \`${lb.address}\` does not say whether it is dedicated (no \`guaranteed\` or flavor), and its protocol does not tell`
            : `its load balancer ${lbId} is not among the ELB JSON files of this folder, and its protocol does not tell`;
    }
    const written = block.attributes.get('transparent_client_ip_enable');
    const attribute = written && valueOf(block, written.name) !== null ? written : undefined;
    const options = new Map<string, ListenerOption>();
    for (const name of ['nat64_enable', 'proxy_protocol_enable']) {
      const option = block.attributes.get(name);
      const value = option ? exprValue(option.expr) : undefined;
      if (option && value !== undefined && value !== null) options.set(name, { attribute: option, value });
    }
    const headers = block.blocks.find((b) => b.type === 'insert_headers');
    const headerOn = headers && [...headers.attributes.values()].some((a) => isInsertHeaderName(a.name) && isTrue(exprValue(a.expr)));
    const listener: Listener = {
      ...nodeBase(o),
      provider: 'elb-api',
      protocol,
      loadBalancer: lb,
      kind,
      kindExplanation,
      argType: 'bool',
      clientIp: effectiveClientIp({ kind, protocol, argType: 'bool', attribute, value: attribute ? exprValue(attribute.expr) : undefined }),
      pools: [],
      whitelistGroups: [],
      options,
      insertHeaders: headerOn ? headers : undefined,
      insertHeaderNames: true,
    };
    const access = block.blocks.find((b) => b.type === 'ipgroup');
    const accessType = str(access, 'type')?.toLowerCase() ?? 'white';
    const group = byId('ipgroup', str(access, 'ipgroup_id'));
    if (access && group && bool(access, 'enable_ipgroup') !== false && accessType === 'white') {
      const node = ipGroups.get(group);
      if (node) listener.whitelistGroups.push(node);
    }
    listeners.set(o, listener);
  }

  // Pools, linked to listeners in both directions (only first copies of an id take part).
  const pools = new Map<ApiObject, Pool>();
  const poolLbIds = new Map<Pool, string | undefined>();
  const link = (listener: Listener, pool: Pool) => {
    if (listener.pools.includes(pool)) return;
    listener.pools.push(pool);
    pool.listeners.push(listener);
    pool.loadBalancer ??= listener.loadBalancer;
  };
  for (const o of poolObjects) {
    const lbId = str(o.block, 'loadbalancer_id') ?? idList(o.block, 'loadbalancers')[0] ?? (o.id ? lbOfPool.get(o.id) : undefined);
    const typeValue = valueOf(o.block, 'type');
    const pool: Pool = {
      ...nodeBase(o),
      poolType: typeof typeValue === 'string' ? typeValue.trim().toLowerCase() : undefined,
      protocol: upperString(o.block, 'protocol'),
      listeners: [],
      members: [],
      loadBalancer: lbNode(lbId),
    };
    pools.set(o, pool);
    poolLbIds.set(pool, lbId);
    if (!o.primary) continue;
    const listenerIds = [str(o.block, 'listener_id'), ...idList(o.block, 'listeners')];
    for (const id of listenerIds) {
      const target = byId('listener', id);
      const listener = target ? listeners.get(target) : undefined;
      if (listener) link(listener, pool);
    }
  }
  for (const [o, listener] of listeners) {
    if (!o.primary) continue;
    const target = byId('pool', str(o.block, 'default_pool_id'));
    const pool = target ? pools.get(target) : undefined;
    if (pool && target?.primary) link(listener, pool);
  }

  // Pools known only by their id: a member names a pool (its `pool_id`, or the pool of a
  // script's request path) that is not among the exported pool objects, and a listener's
  // `default_pool_id` names the same id. A pool node stands in for it, so the listener
  // reaches those members. It sits on the script's `pool_id`, else on the listener's
  // `default_pool_id`.
  const listenersOfPoolId = new Map<string, Listener[]>();
  for (const [o, listener] of listeners) {
    const id = str(o.block, 'default_pool_id');
    if (!o.primary || id === undefined || byId('pool', id)) continue;
    listenersOfPoolId.set(id, [...(listenersOfPoolId.get(id) ?? []), listener]);
  }
  const idOnlyPools = new Map<string, Pool>();
  const idOnlyPool = (id: string, scriptFile: ConfigFile | undefined): Pool | undefined => {
    const known = idOnlyPools.get(id);
    if (known) return known;
    const named = listenersOfPoolId.get(id);
    if (!named) return undefined;
    const [file, attribute] = scriptFile
      ? [scriptFile, scriptFile.attributes.get('pool_id')]
      : [named[0].file, named[0].block.attributes.get('default_pool_id')];
    if (!attribute) return undefined;
    const lbId = lbOfPool.get(id);
    const pool: Pool = {
      address: `pool_id "${id}"`,
      type: 'pool',
      info: resourceTypeInfo('elb-api:pool')!,
      file,
      block: idBlock(attribute),
      poolType: undefined,
      protocol: undefined,
      listeners: [],
      members: [],
      loadBalancer: lbNode(lbId),
      idOnly: true,
    };
    poolLbIds.set(pool, lbId);
    for (const listener of named) link(listener, pool);
    idOnlyPools.set(id, pool);
    return pool;
  };

  const poolKind = (pool: Pool): KindEvidence | undefined => {
    const e = lbEvidence(poolLbIds.get(pool));
    if (e) return e;
    const known = pool.listeners.filter((l) => l.kind !== 'unknown');
    if (known.length > 0 && known.every((l) => l.kind === known[0].kind)) {
      return {
        kind: known[0].kind as 'shared' | 'dedicated',
        why: `its listener \`${known[0].address}\` is on a ${known[0].kind} load balancer`,
      };
    }
    return undefined;
  };

  // Members.
  const members: Member[] = [];
  for (const o of memberObjects) {
    const { block } = o;
    const ownPoolId = str(block, 'pool_id');
    const inScript = block.jsonPath?.[0] === 'member' || block.jsonPath?.[0] === 'members';
    const scriptPoolId = ownPoolId === undefined && inScript ? str(o.file, 'pool_id') : undefined;
    const poolId = ownPoolId ?? scriptPoolId ?? (o.id ? poolOfMember.get(o.id) : undefined);
    const poolObject = byId('pool', poolId);
    const pool =
      !o.primary || poolId === undefined
        ? undefined
        : poolObject
          ? pools.get(poolObject)
          : idOnlyPool(poolId, scriptPoolId === undefined ? undefined : o.file);
    const addressAttribute = block.attributes.get('address');
    const address = str(block, 'address');
    const e = (pool ? poolKind(pool) : undefined) ?? lbEvidence(str(block, 'loadbalancer_id'));
    const { isIpBackend, explanation } = memberBackendKind(block, pool, e);
    const member: Member = {
      ...nodeBase(o),
      ipAddress: address,
      addressAttribute,
      isIpBackend,
      ipBackendExplanation: explanation,
      pool,
      instance: undefined,
    };
    pool?.members.push(member);
    members.push(member);
  }

  const byBlock = new Map<ConfigBlock, ModelNode>();
  const allPools = [...pools.values(), ...idOnlyPools.values()];
  const all: ModelNode[] = [...loadBalancers.values(), ...listeners.values(), ...allPools, ...members, ...ipGroups.values()];
  for (const node of all) byBlock.set(node.block, node);
  return {
    loadBalancers: [...loadBalancers.values()],
    listeners: [...listeners.values()],
    pools: allPools,
    members,
    instances: [],
    ipGroups: [...ipGroups.values()],
    nodeForBlock: (block) => byBlock.get(block),
  };
}

/** The block of a pool known only by its id: the `"pool_id": …` or `"default_pool_id": …` where the id is written. */
function idBlock(attribute: ConfigAttribute): ConfigBlock {
  return {
    type: 'pool',
    labels: [attribute.name],
    labelRanges: [attribute.nameRange],
    range: attribute.range,
    headerRange: attribute.range,
    attributes: new Map(),
    blocks: [],
    bodyStart: attribute.range.start,
    close: undefined,
    hasErrors: false,
  };
}

function memberBackendKind(
  block: ConfigBlock,
  pool: Pool | undefined,
  kind: KindEvidence | undefined,
): { isIpBackend: boolean | undefined; explanation: string } {
  if (pool?.poolType === 'ip')
    return { isIpBackend: true, explanation: `its pool \`${pool.address}\` has \`type: "ip"\` and only holds IP backends` };
  const memberType = str(block, 'member_type')?.toLowerCase();
  if (memberType === 'ip') return { isIpBackend: true, explanation: '`member_type` is "ip": it was added by IP address' };
  if (memberType === 'instance') return { isIpBackend: false, explanation: '`member_type` is "instance": it is a cloud server' };
  const subnetName = ['subnet_cidr_id', 'subnet_id'].find((n) => str(block, n) !== undefined);
  if (kind?.kind === 'shared')
    return { isIpBackend: false, explanation: `members of shared load balancers are always cloud servers in a subnet (${kind.why})` };
  if (subnetName)
    return { isIpBackend: false, explanation: `it has a \`${subnetName}\`, so it is a server in the load balancer’s network` };
  if (kind?.kind === 'dedicated') {
    return {
      isIpBackend: true,
      explanation: `it has no \`subnet_cidr_id\`, so it is added by IP address (the load balancer is dedicated: ${kind.why})`,
    };
  }
  return {
    isIpBackend: undefined,
    explanation:
      'it has no `subnet_cidr_id` and no `member_type`, and its load balancer’s kind is unknown: only dedicated load balancers take members without a subnet (IP backends)',
  };
}

function addressOf(file: ConfigFile, block: ConfigBlock, role: ElbJsonRole, multiFile: boolean): string {
  const where = `${multiFile ? `${path.basename(file.path)}: ` : ''}${pathText(block.jsonPath ?? [])}`;
  const name = str(block, 'name');
  if (name) return `${where} "${name}"`;
  if (role === 'member') {
    const address = str(block, 'address');
    const port = valueOf(block, 'protocol_port');
    if (address) return `${where} ${address}${typeof port === 'number' ? `:${port}` : ''}`;
  }
  if (role === 'listener') {
    const port = valueOf(block, 'protocol_port');
    if (typeof port === 'number') return `${where} :${port}`;
  }
  return where;
}
