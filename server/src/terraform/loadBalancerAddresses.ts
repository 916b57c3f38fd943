import type { ConfigAttribute, ConfigBlock, Expr } from '../parse/config';
import type { Instance, LoadBalancer } from '../model/elb';
import { EIP_TYPE } from '../model/providers';
import type { ResourceInstance } from './scope';

/** Attributes of a load balancer that hold its own address. */
const LB_ADDRESS_ATTRIBUTES = ['vip_address', 'ipv4_address', 'ip_address'];

/**
 * Records where a cloud server's own configuration refers to a load balancer's address:
 * the LB's address attributes, an EIP bound to the LB, or the LB's literal VIP.
 */
export function linkInstancesToLoadBalancerAddresses(
  resources: ResourceInstance[],
  instances: Map<string, Instance>,
  loadBalancers: Map<string, LoadBalancer>,
): void {
  if (instances.size === 0 || loadBalancers.size === 0) return;
  const byAddress = new Map(resources.map((r) => [r.address, r]));
  // EIPs bound to a load balancer, in either direction of reference.
  const eipOwner = new Map<string, LoadBalancer>();
  for (const resource of resources) {
    if (!EIP_TYPE.test(resource.entry.type)) continue;
    const refs = allReferences(resource);
    const lb = refs.map((r) => loadBalancers.get(r.address)).find((x) => x !== undefined);
    if (lb) {
      eipOwner.set(resource.address, lb);
      for (const ref of refs) if (EIP_TYPE.test(ref.entry.type)) eipOwner.set(ref.address, lb);
    }
  }
  const literalAddresses = new Map<string, LoadBalancer>();
  for (const lb of loadBalancers.values()) {
    const resource = byAddress.get(lb.address);
    if (!resource) continue;
    for (const ref of allReferences(resource)) if (EIP_TYPE.test(ref.entry.type)) eipOwner.set(ref.address, lb);
    for (const name of LB_ADDRESS_ATTRIBUTES) {
      const value = resource.scope.evaluateAttribute(lb.block, name);
      if (typeof value === 'string' && value) literalAddresses.set(value, lb);
    }
  }

  for (const instance of instances.values()) {
    const resource = byAddress.get(instance.address);
    if (!resource) continue;
    forEachAttribute(instance.block, (attribute) => {
      resource.scope.visitReferences(attribute.expr, (target, attrName) => {
        const lb = loadBalancers.get(target.address);
        if (lb && attrName && /addr|ip/.test(attrName) && !/_id$/.test(attrName)) {
          instance.lbAddressUses.push({ loadBalancer: lb, attribute, what: `${target.address}.${attrName}` });
        }
        const owner = eipOwner.get(target.address);
        if (owner && attrName && attrName !== 'id') {
          instance.lbAddressUses.push({
            loadBalancer: owner,
            attribute,
            what: `${target.address}.${attrName}, the EIP of ${owner.address}`,
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

function allReferences(resource: ResourceInstance): ResourceInstance[] {
  const found: ResourceInstance[] = [];
  forEachAttribute(resource.entry.block, (attribute) => {
    for (const ref of resource.scope.referencedResources(attribute.expr)) if (!found.includes(ref)) found.push(ref);
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
