import type { Expr } from '../parse/config';
import type { Instance, Listener, ModelNode, SecurityGroup, SecurityGroupRule } from '../model/elb';
import { resourceTypeInfo } from '../model/providers';
import { isUnknown, toBool, type Value } from '../model/value';
import type { ResourceInstance } from './scope';
import { nestedBlocks } from './instances';

/**
 * Security groups and white lists of a Terraform module, for client-ip-sg-not-enforced. Only
 * what the module states for certain counts: a group is known when it is a resource here and
 * every rule resource of the module names a known group; an instance's groups are known when
 * each item of its list refers to such a group. Anything else stays undefined, and the rule
 * is silent.
 */

type Base = (resource: ResourceInstance) => ModelNode;

function known(value: Value | undefined): Value | undefined {
  return value === undefined || isUnknown(value) ? undefined : value;
}

function text(value: Value | undefined): string | undefined {
  const v = known(value);
  return typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : undefined;
}

/** A port number (a whole number 0–65535, or such a string), or undefined. */
export function memberPort(value: Value | undefined): number | undefined {
  const v = known(value);
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : undefined;
  return n !== undefined && Number.isInteger(n) && n >= 0 && n <= 65535 ? n : undefined;
}

/** `ports = "80,443,8000-8080"` (Huawei) or `port_range_min/max`; 'all' when neither is written. */
function rulePorts(rule: ResourceInstance): SecurityGroupRule['ports'] {
  const { block } = rule.entry;
  const { scope } = rule;
  if (block.attributes.has('ports')) {
    const list = text(scope.evaluateAttribute(block, 'ports'));
    if (list === undefined) return undefined;
    const ranges: { min: number; max: number }[] = [];
    for (const part of list.split(',')) {
      const match = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
      if (!match) return undefined;
      ranges.push({ min: Number(match[1]), max: Number(match[2] ?? match[1]) });
    }
    return ranges;
  }
  const hasMin = block.attributes.has('port_range_min');
  const hasMax = block.attributes.has('port_range_max');
  if (!hasMin && !hasMax) return 'all';
  const min = memberPort(scope.evaluateAttribute(block, 'port_range_min'));
  const max = memberPort(scope.evaluateAttribute(block, 'port_range_max'));
  if (min === undefined || max === undefined) return undefined;
  return [{ min, max }];
}

function ruleOf(rule: ResourceInstance, base: Base): SecurityGroupRule {
  const { block } = rule.entry;
  const { scope } = rule;
  const optional = (name: string): string | null | undefined => {
    if (!block.attributes.has(name)) return null;
    const value = scope.evaluateAttribute(block, name);
    // null leaves the argument unset.
    return value === null ? null : text(value);
  };
  const protocol = optional('protocol');
  const action = optional('action');
  const remoteGroup = ['remote_group_id', 'remote_address_group_id'].some((name) => optional(name) !== null);
  return {
    ...base(rule),
    direction: optional('direction')?.toLowerCase() ?? undefined,
    protocol: protocol === null ? 'any' : protocol?.toLowerCase(),
    ports: rulePorts(rule),
    remoteIpPrefix: optional('remote_ip_prefix'),
    remoteGroup,
    action: action === null ? 'allow' : action?.toLowerCase(),
    anchor: block.attributes.get('remote_ip_prefix')?.range ?? block.headerRange,
  };
}

/**
 * Each security group resource with its rules; undefined when some rule resource names a group
 * that is not one of them (it could be any group, so no group's rules are known for certain).
 */
function groupsOfModule(resources: ResourceInstance[], base: Base): Map<string, SecurityGroup> | undefined {
  const groups = new Map<string, SecurityGroup>();
  for (const resource of resources) {
    if (resourceTypeInfo(resource.entry.type)?.role === 'secgroup') groups.set(resource.address, { ...base(resource), rules: [] });
  }
  for (const resource of resources) {
    if (resourceTypeInfo(resource.entry.type)?.role !== 'secgroup_rule') continue;
    const target = resource.scope.linkedResource(resource.entry.block, 'security_group_id');
    const group = target ? groups.get(target.address) : undefined;
    if (!group) return undefined;
    group.rules.push(ruleOf(resource, base));
  }
  return groups;
}

/** The groups a list of references names, or undefined unless every item names one group of the module. */
function listedGroups(resource: ResourceInstance, expr: Expr, groups: Map<string, SecurityGroup>): SecurityGroup[] | undefined {
  const inner = expr.kind === 'parens' ? expr.inner : expr;
  if (inner.kind !== 'tuple') return undefined;
  const out: SecurityGroup[] = [];
  for (const item of inner.items) {
    const targets = resource.scope.referencedResources(item);
    const group = targets.length === 1 ? groups.get(targets[0].address) : undefined;
    if (!group) return undefined;
    if (!out.includes(group)) out.push(group);
  }
  return out;
}

/** Fills in `securityGroups` of the instances whose groups are all known in the module. */
export function linkSecurityGroups(resources: ResourceInstance[], instances: Map<string, Instance>, base: Base): void {
  if (instances.size === 0) return;
  const groups = groupsOfModule(resources, base);
  if (!groups || groups.size === 0) return;
  for (const resource of resources) {
    const instance = instances.get(resource.address);
    if (!instance) continue;
    const { block } = resource.entry;
    const written = ['security_group_ids', 'security_groups'].map((n) => block.attributes.get(n)).filter((a) => a !== undefined);
    // None written: the platform's default group, which is not in the module. Both written: which one wins is not ours to guess.
    if (written.length !== 1) continue;
    const listed = listedGroups(resource, written[0].expr, groups);
    if (listed && listed.length > 0) instance.securityGroups = listed;
  }
}

/** Whether a switch that defaults to on is on: undefined when unknown. */
function enabled(value: Value | undefined): boolean | undefined {
  if (value === undefined || value === null) return true;
  if (isUnknown(value)) return undefined;
  return toBool(value);
}

/**
 * Whether a listener restricts clients with an enabled white list: the listener's own access
 * control (`ip_group` with `access_policy`/`ip_group_enable`, or `ip_group { enable }` blocks)
 * or a whitelist resource naming it. 'none' only when certain.
 */
export function listenerAccessControl(listener: ResourceInstance, whitelists: ResourceInstance[]): Listener['accessControl'] {
  const { block } = listener.entry;
  const { scope } = listener;
  let on = false;
  let unsure = false;
  const consider = (state: boolean | undefined) => {
    if (state === true) on = true;
    else if (state === undefined) unsure = true;
  };
  if (block.attributes.has('ip_group') || block.attributes.has('access_policy')) {
    const policy = text(scope.evaluateAttribute(block, 'access_policy'))?.toLowerCase();
    // A black list restricts no one in particular; an unknown policy may be a white list.
    if (policy !== 'black') consider(policy === undefined ? undefined : enabled(scope.evaluateAttribute(block, 'ip_group_enable')));
  }
  const groups = nestedBlocks(block, scope, 'ip_group');
  if (groups.maybeMore) unsure = true;
  for (const nested of groups.blocks) {
    const type = text(nested.scope.evaluateAttribute(nested.block, 'type'))?.toLowerCase();
    if (type !== 'black') consider(enabled(nested.scope.evaluateAttribute(nested.block, 'enable')));
  }
  for (const whitelist of whitelists) {
    const target = whitelist.scope.linkedResource(whitelist.entry.block, 'listener_id');
    if (target && target.address !== listener.address) continue;
    // It names this listener, or a listener that cannot be told: either way it may restrict this one.
    consider(target ? enabled(whitelist.scope.evaluateAttribute(whitelist.entry.block, 'enable_whitelist')) : undefined);
  }
  return on ? 'white-list' : unsure ? undefined : 'none';
}
