import type { ConfigAttribute, ConfigBlock, Expr } from '../parse/config';
import { effectiveClientIp } from '../model/clientIp';
import type { ElbModel, Instance, IpGroup, Listener, ListenerOption, LoadBalancer, Member, ModelNode, Pool } from '../model/elb';
import { EIP_TYPE, FLAT_HEADER_SWITCHES, resourceTypeInfo, type LoadBalancerKind } from '../model/providers';
import { isUnknown, toBool, type Value } from './evaluate';
import type { ResourceEntry, TerraformModule } from './module';

const LB_SUBNET_ATTRIBUTES = ['ipv4_subnet_id', 'vip_subnet_id', 'subnet_id'];
const LB_ADDRESS_ATTRIBUTES = ['vip_address', 'ipv4_address', 'ip_address'];

function knownString(value: Value | undefined): string | undefined {
  return value !== undefined && !isUnknown(value) && typeof value === 'string' ? value : undefined;
}

function upper(value: Value | undefined): string | undefined {
  return knownString(value)?.toUpperCase();
}

/** Builds the ELB model of one Terraform module. */
export function buildTerraformModel(module: TerraformModule): ElbModel {
  const byBlock = new Map<ConfigBlock, ModelNode>();
  const loadBalancers = new Map<string, LoadBalancer>();
  const listeners = new Map<string, Listener>();
  const pools = new Map<string, Pool>();
  const members: Member[] = [];
  const instances = new Map<string, Instance>();
  const ipGroups = new Map<string, IpGroup>();

  const base = (entry: ResourceEntry) => ({
    address: entry.address,
    type: entry.type,
    info: resourceTypeInfo(entry.type)!,
    file: entry.file,
    block: entry.block,
  });

  const entries = [...module.resources.values()];
  for (const entry of entries) {
    const info = resourceTypeInfo(entry.type);
    if (!info) continue;
    const { block } = entry;
    if (info.role === 'loadbalancer') {
      const lb: LoadBalancer = {
        ...base(entry),
        kind: info.kind,
        ipBackendsEnabled: info.ipBackendSwitch ? module.evaluateAttribute(block, info.ipBackendSwitch) : undefined,
        subnetAttribute: LB_SUBNET_ATTRIBUTES.map((n) => block.attributes.get(n)).find((a) => a !== undefined),
      };
      loadBalancers.set(entry.address, lb);
    } else if (info.role === 'instance') {
      instances.set(entry.address, { ...base(entry), lbAddressUses: [] });
    } else if (info.role === 'ipgroup') {
      const cidrs: string[] = [];
      for (const item of block.blocks.filter((b) => b.type === 'ip_list')) {
        const ip = knownString(module.evaluateAttribute(item, 'ip'));
        if (ip) cidrs.push(ip.trim());
      }
      ipGroups.set(entry.address, { ...base(entry), cidrs });
    }
  }

  const linked = <T>(block: ConfigBlock, attribute: string, table: Map<string, T>): T | undefined => {
    const target = module.linkedResource(block, attribute);
    return target ? table.get(target.address) : undefined;
  };

  // Listeners, before pools so pools can attach to them.
  for (const entry of entries) {
    const info = resourceTypeInfo(entry.type);
    if (info?.role !== 'listener') continue;
    const { block } = entry;
    const lb = linked(block, 'loadbalancer_id', loadBalancers);
    const protocol = upper(module.evaluateAttribute(block, 'protocol'));
    let kind: LoadBalancerKind;
    let kindExplanation: string;
    if (lb) {
      kind = lb.kind;
      kindExplanation = `it belongs to ${lb.address}, a ${lb.kind} load balancer`;
    } else if (entry.type === 'opentelekomcloud_lb_listener_v2') {
      // This listener type also attaches to dedicated (v3) load balancers.
      kind = 'unknown';
      kindExplanation = 'its load balancer is not in this module, and this listener type can belong to shared or dedicated load balancers';
    } else {
      kind = info.kind;
      kindExplanation = `${entry.type} is a listener of ${info.kind} load balancers`;
    }
    const attribute = block.attributes.get('transparent_client_ip_enable');
    const listener: Listener = {
      ...base(entry),
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
        value: attribute ? module.evaluate(attribute.expr) : undefined,
      }),
      pools: [],
      whitelistGroups: whitelistGroups(module, block, ipGroups),
      options: listenerOptions(module, block),
      insertHeaders: block.blocks.find((b) => b.type === 'insert_headers'),
      insertHeaderNames: false,
    };
    listeners.set(entry.address, listener);
  }

  for (const entry of entries) {
    const info = resourceTypeInfo(entry.type);
    if (info?.role !== 'pool') continue;
    const { block } = entry;
    const typeValue = module.evaluateAttribute(block, 'type');
    const pool: Pool = {
      ...base(entry),
      poolType: typeValue === undefined ? undefined : knownString(typeValue)?.toLowerCase(),
      protocol: upper(module.evaluateAttribute(block, 'protocol')),
      listeners: [],
      members: [],
      loadBalancer: linked(block, 'loadbalancer_id', loadBalancers),
    };
    const listener = linked(block, 'listener_id', listeners);
    if (listener) {
      pool.listeners.push(listener);
      listener.pools.push(pool);
      pool.loadBalancer ??= listener.loadBalancer;
    }
    pools.set(entry.address, pool);
  }
  for (const listener of listeners.values()) {
    const pool = linked(listener.block, 'default_pool_id', pools);
    if (pool && !listener.pools.includes(pool)) {
      listener.pools.push(pool);
      pool.listeners.push(listener);
      pool.loadBalancer ??= listener.loadBalancer;
    }
  }

  for (const entry of entries) {
    const info = resourceTypeInfo(entry.type);
    if (info?.role !== 'member') continue;
    const { block } = entry;
    const pool = linked(block, 'pool_id', pools);
    const addressAttribute = block.attributes.get('address');
    const instanceEntry = addressAttribute
      ? module.referencedResources(addressAttribute.expr).find((r) => instances.has(r.address))
      : undefined;
    const { isIpBackend, explanation } = memberBackendKind(module, info.kind, block, pool);
    const member: Member = {
      ...base(entry),
      ipAddress: knownString(addressAttribute ? module.evaluate(addressAttribute.expr) : undefined),
      addressAttribute,
      isIpBackend,
      ipBackendExplanation: explanation,
      pool,
      instance: instanceEntry ? instances.get(instanceEntry.address) : undefined,
    };
    pool?.members.push(member);
    members.push(member);
  }

  linkInstancesToLoadBalancerAddresses(module, [...instances.values()], loadBalancers);

  for (const node of [
    ...loadBalancers.values(),
    ...listeners.values(),
    ...pools.values(),
    ...members,
    ...instances.values(),
    ...ipGroups.values(),
  ]) {
    byBlock.set(node.block, node);
  }
  return {
    loadBalancers: [...loadBalancers.values()],
    listeners: [...listeners.values()],
    pools: [...pools.values()],
    members,
    instances: [...instances.values()],
    ipGroups: [...ipGroups.values()],
    nodeForBlock: (block) => byBlock.get(block),
  };
}

const LISTENER_OPTIONS = ['nat64_enable', 'proxy_protocol_enable', ...Object.keys(FLAT_HEADER_SWITCHES)];

function listenerOptions(module: TerraformModule, block: ConfigBlock): Map<string, ListenerOption> {
  const options = new Map<string, ListenerOption>();
  for (const name of LISTENER_OPTIONS) {
    const attribute = block.attributes.get(name);
    if (attribute) options.set(name, { attribute, value: module.evaluate(attribute.expr) });
  }
  return options;
}

function memberBackendKind(
  module: TerraformModule,
  kind: LoadBalancerKind,
  block: ConfigBlock,
  pool: Pool | undefined,
): { isIpBackend: boolean | undefined; explanation: string } {
  if (pool?.poolType === 'ip') return { isIpBackend: true, explanation: `its pool ${pool.address} only holds IP backends` };
  if (kind !== 'dedicated')
    return { isIpBackend: false, explanation: 'members of shared load balancers are always cloud servers in a subnet' };
  const subnet = block.attributes.get('subnet_id');
  if (!subnet) return { isIpBackend: true, explanation: 'it has no `subnet_id`, so it is added by IP address' };
  const value = module.evaluate(subnet.expr);
  if (value === null) return { isIpBackend: true, explanation: '`subnet_id` is null, so it is added by IP address' };
  return { isIpBackend: false, explanation: 'it has a `subnet_id`, so it is a server in the load balancer’s network' };
}

/** Listeners restrict clients through `ip_group` blocks (OTC) or flat `ip_group` + `access_policy` (Huawei). */
function whitelistGroups(module: TerraformModule, block: ConfigBlock, ipGroups: Map<string, IpGroup>): IpGroup[] {
  const groups: IpGroup[] = [];
  const add = (expr: Expr | undefined) => {
    if (!expr) return;
    for (const target of module.referencedResources(expr)) {
      const group = ipGroups.get(target.address);
      if (group && !groups.includes(group)) groups.push(group);
    }
  };
  const flat = block.attributes.get('ip_group');
  if (flat && knownString(module.evaluateAttribute(block, 'access_policy'))?.toLowerCase() === 'white') add(flat.expr);
  for (const nested of block.blocks.filter((b) => b.type === 'ip_group')) {
    const type = knownString(module.evaluateAttribute(nested, 'type'))?.toLowerCase();
    const enabled = module.evaluateAttribute(nested, 'enable');
    const isEnabled = enabled === undefined || (!isUnknown(enabled) && toBool(enabled) === true);
    if ((type === undefined || type === 'white') && isEnabled) add(nested.attributes.get('id')?.expr);
  }
  return groups;
}

/**
 * Records where a cloud server's own configuration refers to a load balancer's address:
 * the LB's address attributes, an EIP bound to the LB, or the LB's literal VIP.
 */
function linkInstancesToLoadBalancerAddresses(
  module: TerraformModule,
  instances: Instance[],
  loadBalancers: Map<string, LoadBalancer>,
): void {
  if (instances.length === 0 || loadBalancers.size === 0) return;
  // EIPs bound to a load balancer, in either direction of reference.
  const eipOwner = new Map<string, LoadBalancer>();
  for (const entry of module.resources.values()) {
    if (!EIP_TYPE.test(entry.type)) continue;
    const refs = allReferences(module, entry.block);
    const lb = refs.map((r) => loadBalancers.get(r.address)).find((x) => x !== undefined);
    if (lb) {
      eipOwner.set(entry.address, lb);
      for (const ref of refs) if (EIP_TYPE.test(ref.type)) eipOwner.set(ref.address, lb);
    }
  }
  for (const lb of loadBalancers.values()) {
    for (const ref of allReferences(module, lb.block)) if (EIP_TYPE.test(ref.type)) eipOwner.set(ref.address, lb);
  }
  const literalAddresses = new Map<string, LoadBalancer>();
  for (const lb of loadBalancers.values()) {
    for (const name of LB_ADDRESS_ATTRIBUTES) {
      const value = knownString(module.evaluateAttribute(lb.block, name));
      if (value) literalAddresses.set(value, lb);
    }
  }

  for (const instance of instances) {
    forEachAttribute(instance.block, (attribute) => {
      module.visitReferences(attribute.expr, new Set(), (entry, attrName) => {
        const lb = loadBalancers.get(entry.address);
        if (lb && attrName && /addr|ip/.test(attrName) && !/_id$/.test(attrName)) {
          instance.lbAddressUses.push({ loadBalancer: lb, attribute, what: `${entry.address}.${attrName}` });
        }
        const owner = eipOwner.get(entry.address);
        if (owner && attrName && attrName !== 'id') {
          instance.lbAddressUses.push({
            loadBalancer: owner,
            attribute,
            what: `${entry.address}.${attrName}, the EIP of ${owner.address}`,
          });
        }
      });
      for (const literal of literalStrings(attribute.expr)) {
        for (const [address, lb] of literalAddresses) {
          if (containsAddress(literal, address)) {
            instance.lbAddressUses.push({ loadBalancer: lb, attribute, what: `${address}, the address of ${lb.address}` });
          }
        }
      }
    });
  }
}

function containsAddress(text: string, address: string): boolean {
  let from = 0;
  for (let i = text.indexOf(address, from); i !== -1; i = text.indexOf(address, from)) {
    const before = text[i - 1];
    const after = text[i + address.length];
    if (!/[0-9.]/.test(before ?? '') && !/[0-9]/.test(after ?? '')) return true;
    from = i + 1;
  }
  return false;
}

function forEachAttribute(block: ConfigBlock, visit: (attribute: ConfigAttribute) => void): void {
  for (const attribute of block.attributes.values()) visit(attribute);
  for (const nested of block.blocks) forEachAttribute(nested, visit);
}

function allReferences(module: TerraformModule, block: ConfigBlock): ResourceEntry[] {
  const found: ResourceEntry[] = [];
  forEachAttribute(block, (attribute) => {
    for (const ref of module.referencedResources(attribute.expr)) if (!found.includes(ref)) found.push(ref);
  });
  return found;
}

function literalStrings(expr: Expr, out: string[] = [], depth = 0): string[] {
  if (depth > 64) return out;
  const recurse = (e: Expr) => literalStrings(e, out, depth + 1);
  switch (expr.kind) {
    case 'literal':
      if (typeof expr.value === 'string') out.push(expr.value);
      break;
    case 'template':
      expr.parts.forEach(recurse);
      break;
    case 'call':
      expr.args.forEach(recurse);
      break;
    case 'tuple':
      expr.items.forEach(recurse);
      break;
    case 'object':
      expr.entries.forEach((e) => recurse(e.value));
      break;
    case 'conditional':
      recurse(expr.whenTrue);
      recurse(expr.whenFalse);
      break;
    case 'parens':
      recurse(expr.inner);
      break;
    case 'opaque':
      out.push(expr.text);
      break;
    default:
      break;
  }
  return out;
}
