import { checkpoint } from '../core/budget';
import { rangesOverlap, type RelatedLocation } from '../core/types';
import type { ConfigBlock, Expr } from '../parse/config';
import { effectiveClientIp } from '../model/clientIp';
import type {
  ElbModel,
  Instance,
  IpGroup,
  Listener,
  ListenerOption,
  LoadBalancer,
  Member,
  ModelNode,
  NodeContext,
  Pool,
} from '../model/elb';
import {
  FLAT_HEADER_SWITCHES,
  INLINE_MEMBER_TYPE,
  KUBERNETES_SERVICE_TYPES,
  resourceTypeInfo,
  type LoadBalancerKind,
} from '../model/providers';
import { addTerraformServices } from './kubernetesServices';
import type { KubernetesNodes } from '../kubernetes/toModel';
import type { ClusterNetwork } from '../kubernetes/serviceFields';
import { isUnknown, toBool, type Value } from '../model/value';
import type { TerraformModule } from './module';
import type { ProviderVersions } from './providerVersions';
import { type ModuleInstance, type ResourceInstance, type Scope } from './scope';
import { nestedBlocks } from './instances';
import { linkSecurityGroups, listenerAccessControl, memberPort } from './securityGroups';
import { linkInstancesToLoadBalancerAddresses } from './loadBalancerAddresses';

const LB_SUBNET_ATTRIBUTES = ['ipv4_subnet_id', 'vip_subnet_id', 'subnet_id'];

function knownString(value: Value | undefined): string | undefined {
  return value !== undefined && !isUnknown(value) && typeof value === 'string' ? value : undefined;
}

function upper(value: Value | undefined): string | undefined {
  return knownString(value)?.toUpperCase();
}

export interface TerraformModelOptions {
  /** The cluster network of the Kubernetes Services (`kubernetes_service(_v1)`) in the module. */
  network?: ClusterNetwork;
}

/**
 * Builds the ELB model of a Terraform module and every module instance it calls; `versions`
 * (see providerVersions.ts) gives each listener the provider versions that may be in use.
 * Kubernetes Services written as `kubernetes_service(_v1)` resources join it through the
 * Kubernetes model builder (kubernetes/terraform.ts).
 */
export function buildTerraformModel(root: TerraformModule, versions?: ProviderVersions, options: TerraformModelOptions = {}): ElbModel {
  const byBlock = new Map<ConfigBlock, ModelNode>();
  const loadBalancers = new Map<string, LoadBalancer>();
  const listeners = new Map<string, Listener>();
  const pools = new Map<string, Pool>();
  const members: Member[] = [];
  const instances = new Map<string, Instance>();
  const ipGroups = new Map<string, IpGroup>();

  const base = (resource: ResourceInstance) => ({
    address: resource.address,
    type: resource.entry.type,
    info: resourceTypeInfo(resource.entry.type)!,
    file: resource.entry.file,
    block: resource.entry.block,
    ...(resource.module.parent || resource.key !== undefined ? { context: nodeContext(resource) } : {}),
  });
  // Object.assign, not `{ ...base(resource), … }`: V8 gives an object spread and then extended
  // a shape of its own (40 MB of shapes for a plan of 50,000 listeners, and as much garbage).
  const withBase = <T extends object>(resource: ResourceInstance, fields: T) => Object.assign(base(resource), fields);

  const resources = root.allModules().flatMap((module) => module.allResourceInstances());
  for (const resource of resources) {
    checkpoint();
    const info = resourceTypeInfo(resource.entry.type);
    if (!info) continue;
    const { block } = resource.entry;
    const { scope } = resource;
    if (info.role === 'loadbalancer') {
      const lb: LoadBalancer = withBase(resource, {
        kind: info.kind,
        ipBackendsEnabled: info.ipBackendSwitch ? scope.evaluateAttribute(block, info.ipBackendSwitch) : undefined,
        ...(knownString(scope.evaluateAttribute(block, 'loadbalancer_type'))?.toLowerCase() === 'gateway' ? { gateway: true } : {}),
        subnetAttribute: LB_SUBNET_ATTRIBUTES.map((n) => block.attributes.get(n)).find((a) => a !== undefined),
      });
      loadBalancers.set(resource.address, lb);
    } else if (info.role === 'instance') {
      instances.set(resource.address, withBase(resource, { lbAddressUses: [] }));
    } else if (info.role === 'ipgroup') {
      const cidrs: string[] = [];
      for (const item of nestedBlocks(block, scope, 'ip_list').blocks) {
        const ip = knownString(item.scope.evaluateAttribute(item.block, 'ip'));
        if (ip) cidrs.push(ip.trim());
      }
      ipGroups.set(resource.address, withBase(resource, { cidrs }));
    }
  }

  const linked = <T>(resource: ResourceInstance, attribute: string, table: Map<string, T>, block = resource.entry.block): T | undefined => {
    const target = resource.scope.linkedResource(block, attribute);
    return target ? table.get(target.address) : undefined;
  };

  const whitelists = resources.filter((r) => resourceTypeInfo(r.entry.type)?.role === 'whitelist');
  // Listeners, before pools so pools can attach to them.
  for (const resource of resources) {
    checkpoint();
    const info = resourceTypeInfo(resource.entry.type);
    if (info?.role !== 'listener') continue;
    const { block, type } = resource.entry;
    const { scope } = resource;
    const lb = linked(resource, 'loadbalancer_id', loadBalancers);
    const protocol = upper(scope.evaluateAttribute(block, 'protocol'));
    let kind: LoadBalancerKind;
    let kindExplanation: string;
    if (lb) {
      kind = lb.kind;
      kindExplanation = `it belongs to ${lb.address}, a ${lb.kind} load balancer`;
    } else if (type === 'opentelekomcloud_lb_listener_v2') {
      // This listener type also attaches to dedicated (v3) load balancers.
      kind = 'unknown';
      kindExplanation = 'its load balancer is not in this module, and this listener type can belong to shared or dedicated load balancers';
    } else {
      kind = info.kind;
      kindExplanation = `${type} is a listener of ${info.kind} load balancers`;
    }
    const attribute = block.attributes.get('transparent_client_ip_enable');
    const headers = nestedBlocks(block, scope, 'insert_headers');
    const listener: Listener = withBase(resource, {
      provider: info.provider,
      protocol,
      loadBalancer: lb,
      kind,
      kindExplanation,
      argType: info.clientIpArg ?? 'none',
      clientIp: effectiveClientIp({
        kind,
        protocol,
        argType: info.clientIpArg ?? 'none',
        attribute,
        value: attribute ? scope.evaluate(attribute.expr) : undefined,
      }),
      pools: [],
      whitelistGroups: whitelistGroups(resource, ipGroups),
      accessControl: listenerAccessControl(resource, whitelists),
      options: listenerOptions(resource),
      // A dynamic block that makes at least one insert_headers block stands for them (its removal removes them).
      insertHeaders: headers.blocks[0]?.dynamic ?? headers.blocks[0]?.block,
      insertHeaderNames: false,
    });
    const providerVersion = versions?.forResource(resource, info.provider);
    if (providerVersion) listener.providerVersion = providerVersion;
    listeners.set(resource.address, listener);
  }
  // A listener copy speaks the protocol of the listener it copies, when that one is in the module.
  for (const resource of resources) {
    checkpoint();
    const from = resourceTypeInfo(resource.entry.type)?.protocolFrom;
    const copy = from ? listeners.get(resource.address) : undefined;
    const source = from && copy?.protocol === undefined ? linked(resource, from, listeners) : undefined;
    if (!copy || !source?.protocol) continue;
    const attribute = copy.clientIp.attribute;
    copy.protocol = source.protocol;
    copy.clientIp = effectiveClientIp({
      kind: copy.kind,
      protocol: source.protocol,
      argType: copy.argType,
      attribute,
      value: attribute ? resource.scope.evaluate(attribute.expr) : undefined,
    });
  }

  for (const resource of resources) {
    checkpoint();
    const info = resourceTypeInfo(resource.entry.type);
    if (info?.role !== 'pool') continue;
    const { block } = resource.entry;
    const typeValue = resource.scope.evaluateAttribute(block, 'type');
    const pool: Pool = withBase(resource, {
      poolType: typeValue === undefined ? undefined : knownString(typeValue)?.toLowerCase(),
      protocol: upper(resource.scope.evaluateAttribute(block, 'protocol')),
      listeners: [],
      members: [],
      loadBalancer: linked(resource, 'loadbalancer_id', loadBalancers),
    });
    const listener = linked(resource, 'listener_id', listeners);
    if (listener) {
      pool.listeners.push(listener);
      listener.pools.push(pool);
      pool.loadBalancer ??= listener.loadBalancer;
    }
    pools.set(resource.address, pool);
  }
  const listenerResources = new Map(resources.map((r) => [r.address, r]));
  for (const listener of listeners.values()) {
    const resource = listenerResources.get(listener.address);
    const pool = resource ? linked(resource, 'default_pool_id', pools) : undefined;
    if (pool && !listener.pools.includes(pool)) {
      listener.pools.push(pool);
      pool.listeners.push(listener);
      pool.loadBalancer ??= listener.loadBalancer;
    }
  }

  for (const resource of resources) {
    checkpoint();
    const info = resourceTypeInfo(resource.entry.type);
    if (info?.role !== 'member') continue;
    const { block } = resource.entry;
    const pool = linked(resource, 'pool_id', pools);
    const addressAttribute = block.attributes.get('address');
    const instanceTarget = addressAttribute
      ? resource.scope.referencedResources(addressAttribute.expr).find((r) => instances.has(r.address))
      : undefined;
    const { isIpBackend, explanation } = memberBackendKind(block, resource.scope, info.kind, pool);
    const member: Member = withBase(resource, {
      ipAddress: knownString(addressAttribute ? resource.scope.evaluate(addressAttribute.expr) : undefined),
      port: memberPort(resource.scope.evaluateAttribute(block, 'protocol_port')),
      addressAttribute,
      isIpBackend,
      ipBackendExplanation: explanation,
      pool,
      instance: instanceTarget ? instances.get(instanceTarget.address) : undefined,
    });
    pool?.members.push(member);
    members.push(member);
  }
  for (const resource of resources) {
    checkpoint();
    const type = resourceTypeInfo(resource.entry.type)?.inlineMembers;
    const pool = type ? pools.get(resource.address) : undefined;
    if (!type || !pool) continue;
    nestedBlocks(resource.entry.block, resource.scope, type).blocks.forEach(({ block, scope }, index) => {
      const addressAttribute = block.attributes.get('address');
      const instanceTarget = addressAttribute
        ? scope.referencedResources(addressAttribute.expr).find((r) => instances.has(r.address))
        : undefined;
      const { isIpBackend, explanation } = memberBackendKind(block, scope, pool.loadBalancer?.kind ?? 'dedicated', pool);
      const member: Member = withBase(resource, {
        address: `${resource.address}.${type}[${index}]`,
        type: INLINE_MEMBER_TYPE,
        info: resourceTypeInfo(INLINE_MEMBER_TYPE)!,
        block,
        ipAddress: knownString(addressAttribute ? scope.evaluate(addressAttribute.expr) : undefined),
        port: memberPort(scope.evaluateAttribute(block, 'protocol_port')),
        addressAttribute,
        isIpBackend,
        ipBackendExplanation: explanation,
        pool,
        instance: instanceTarget ? instances.get(instanceTarget.address) : undefined,
      });
      pool.members.push(member);
      members.push(member);
    });
  }

  linkInstancesToLoadBalancerAddresses(resources, instances, loadBalancers);
  linkSecurityGroups(resources, instances, base);

  const services: KubernetesNodes = { loadBalancers: [], listeners: [], pools: [], unrecognized: [] };
  addTerraformServices(
    services,
    resources.filter((r) => KUBERNETES_SERVICE_TYPES.has(r.entry.type)),
    { network: options.network, context: nodeContext },
  );

  for (const node of [
    ...loadBalancers.values(),
    ...services.loadBalancers,
    ...listeners.values(),
    ...services.listeners,
    ...pools.values(),
    ...services.pools,
    ...members,
    ...instances.values(),
    ...ipGroups.values(),
  ]) {
    // The first instance of a block stands for it (hover, inlay hints); see nodesForBlock for all.
    if (!byBlock.has(node.block)) byBlock.set(node.block, node);
  }
  return {
    loadBalancers: [...loadBalancers.values(), ...services.loadBalancers],
    listeners: [...listeners.values(), ...services.listeners],
    pools: [...pools.values(), ...services.pools],
    members,
    instances: [...instances.values()],
    ipGroups: [...ipGroups.values()],
    ...(services.unrecognized.length > 0 ? { unrecognized: services.unrecognized } : {}),
    nodeForBlock: (block) => byBlock.get(block),
  };
}

/** How a node of a module instance or of count/for_each traces its values back to callers. */
function nodeContext(resource: ResourceInstance): NodeContext {
  const { block } = resource.entry;
  const context: NodeContext = {
    moduleAddress: resource.module.address,
    callerSources(range) {
      const exprs: Expr[] = [];
      const collect = (b: ConfigBlock) => {
        for (const attribute of b.attributes.values()) {
          if (ALWAYS_TRACED.has(attribute.name) || rangesOverlap(attribute.range, range)) exprs.push(attribute.expr);
        }
        for (const nested of b.blocks) if (rangesOverlap(nested.range, range)) collect(nested);
      };
      collect(block);
      const out: RelatedLocation[] = [];
      for (const expr of exprs) {
        for (const source of resource.scope.callerSources(expr)) {
          if (!out.some((o) => o.file === source.file && o.range.start.line === source.range.start.line && o.message === source.message))
            out.push(source);
        }
      }
      return out;
    },
  };
  // Code under .terraform/modules is not the user's to edit: show findings at the call in their own files.
  let top: ModuleInstance | undefined;
  for (let m: ModuleInstance | undefined = resource.module; m?.downloaded; m = m.parent?.module) top = m;
  if (top?.parent) context.shownAt = { file: top.parent.call.file.path, range: top.parent.call.block.headerRange };
  return context;
}

/** Arguments every finding of a block depends on: their callers' values are always worth pointing at. */
const ALWAYS_TRACED = new Set(['protocol', 'transparent_client_ip_enable', 'count', 'for_each', 'loadbalancer_id', 'annotations']);

const LISTENER_OPTIONS = ['nat64_enable', 'proxy_protocol_enable', ...Object.keys(FLAT_HEADER_SWITCHES)];

/** One empty map for the listeners that set no option (most of them: 50,000 maps were 10 MB). */
const NO_OPTIONS: ReadonlyMap<string, ListenerOption> = new Map();

function listenerOptions(resource: ResourceInstance): ReadonlyMap<string, ListenerOption> {
  let options: Map<string, ListenerOption> | undefined;
  for (const name of LISTENER_OPTIONS) {
    const attribute = resource.entry.block.attributes.get(name);
    if (attribute) (options ??= new Map()).set(name, { attribute, value: resource.scope.evaluate(attribute.expr) });
  }
  return options ?? NO_OPTIONS;
}

function memberBackendKind(
  block: ConfigBlock,
  scope: Scope,
  kind: LoadBalancerKind,
  pool: Pool | undefined,
): { isIpBackend: boolean | undefined; explanation: string } {
  // Gateway load balancers require a subnet on every member: none is an IP backend there.
  if (pool?.loadBalancer?.gateway || pool?.protocol === 'IP')
    return { isIpBackend: false, explanation: 'members of gateway load balancers always name a subnet, so none is an IP backend' };
  if (pool?.poolType === 'ip') return { isIpBackend: true, explanation: `its pool ${pool.address} only holds IP backends` };
  if (kind !== 'dedicated')
    return { isIpBackend: false, explanation: 'members of shared load balancers are always cloud servers in a subnet' };
  const subnet = block.attributes.get('subnet_id');
  if (!subnet) return { isIpBackend: true, explanation: 'it has no `subnet_id`, so it is added by IP address' };
  const value = scope.evaluate(subnet.expr);
  if (value === null) return { isIpBackend: true, explanation: '`subnet_id` is null, so it is added by IP address' };
  return { isIpBackend: false, explanation: 'it has a `subnet_id`, so it is a server in the load balancer’s network' };
}

/** Listeners restrict clients through `ip_group` blocks (OTC) or flat `ip_group` + `access_policy` (Huawei). */
function whitelistGroups(resource: ResourceInstance, ipGroups: Map<string, IpGroup>): IpGroup[] {
  const groups: IpGroup[] = [];
  const { block } = resource.entry;
  const add = (scope: Scope, expr: Expr | undefined) => {
    if (!expr) return;
    for (const target of scope.referencedResources(expr)) {
      const group = ipGroups.get(target.address);
      if (group && !groups.includes(group)) groups.push(group);
    }
  };
  const flat = block.attributes.get('ip_group');
  if (flat && knownString(resource.scope.evaluateAttribute(block, 'access_policy'))?.toLowerCase() === 'white')
    add(resource.scope, flat.expr);
  for (const nested of nestedBlocks(block, resource.scope, 'ip_group').blocks) {
    const type = knownString(nested.scope.evaluateAttribute(nested.block, 'type'))?.toLowerCase();
    const enabled = nested.scope.evaluateAttribute(nested.block, 'enable');
    const isEnabled = enabled === undefined || (!isUnknown(enabled) && toBool(enabled) === true);
    if ((type === undefined || type === 'white') && isEnabled) add(nested.scope, nested.block.attributes.get('id')?.expr);
  }
  return groups;
}
