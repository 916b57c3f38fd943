import type { Listener, Member, SecurityGroupRule } from '../model/elb';
import { securityGroupEffect } from '../model/securityGroups';
import { describeListener, related } from './support/messages';
import { docsPath, type Rule } from './types';

const id = 'client-ip-sg-not-enforced';

/** Sources that restrict no one. */
const ANYWHERE = new Set(['0.0.0.0/0', '::/0']);

/** How each listener form gets a white list, for the message. */
function whiteListHow(listener: Listener): string {
  switch (listener.type) {
    case 'huaweicloud_elb_listener':
      return 'an `huaweicloud_elb_ipgroup` named in `ip_group` with `access_policy = "white"`';
    case 'opentelekomcloud_lb_listener_v3':
      return 'an `ip_group { id = opentelekomcloud_lb_ipgroup_v3…, enable = true, type = "white" }` block';
    case 'flexibleengine_lb_listener_v3':
      return 'an `flexibleengine_elb_ipgroup` named in `ip_group` with `access_policy = "white"`';
    case 'opentelekomcloud_lb_listener_v2':
      return 'an `opentelekomcloud_lb_whitelist_v2` for this listener';
    case 'flexibleengine_lb_listener_v2':
      return 'an `flexibleengine_lb_whitelist_v2` for this listener';
    default:
      return 'an `huaweicloud_lb_whitelist` for this listener';
  }
}

function covers(rule: SecurityGroupRule, protocol: string, port: number): boolean {
  if (rule.protocol !== 'any' && rule.protocol !== protocol.toLowerCase()) return false;
  return rule.ports === 'all' || (Array.isArray(rule.ports) && rule.ports.some((r) => r.min <= port && port <= r.max));
}

/** Every value of every rule is known, and none allows by group or denies (which this rule does not reason about). */
function fullyKnown(rules: SecurityGroupRule[]): boolean {
  return rules.every(
    (r) =>
      r.direction !== undefined &&
      r.protocol !== undefined &&
      r.ports !== undefined &&
      r.remoteIpPrefix !== undefined &&
      !r.remoteGroup &&
      r.action === 'allow',
  );
}

/** The ingress rules that try to restrict who reaches the member's port, or [] when anything is unknown. */
function restrictingRules(listener: Listener, member: Member): SecurityGroupRule[] {
  const groups = member.instance?.securityGroups;
  if (!groups || member.port === undefined || listener.protocol === undefined) return [];
  const rules = groups.flatMap((g) => g.rules);
  if (!fullyKnown(rules)) return [];
  const port = member.port;
  const protocol = listener.protocol;
  const onPort = rules.filter((r) => r.direction === 'ingress' && covers(r, protocol, port));
  // A rule that admits everyone on the port: the author is not restricting sources there.
  if (onPort.some((r) => r.remoteIpPrefix === null || ANYWHERE.has(r.remoteIpPrefix ?? ''))) return [];
  return onPort;
}

/**
 * Security group rules that restrict who may reach a backend port, where the listener in front
 * passes the client IP at Layer 4: backend security groups and network ACLs are not applied to
 * that traffic, so the restriction does nothing for it.
 */
export const clientIpSgNotEnforced: Rule = {
  meta: {
    id,
    defaultSeverity: 'information',
    summary: 'A security group rule limits sources on a backend port, but Layer-4 client-IP traffic bypasses it.',
    docsUrl: docsPath(id),
  },
  check({ model, report }) {
    for (const listener of model.listeners) {
      if (listener.protocol !== 'TCP' && listener.protocol !== 'UDP') continue;
      if (listener.clientIp.state !== 'on' || securityGroupEffect(listener) !== 'not-applied' || listener.accessControl !== 'none')
        continue;
      const reported = new Set<SecurityGroupRule>();
      for (const member of listener.pools.flatMap((p) => p.members)) {
        if (member.isIpBackend !== false) continue;
        for (const rule of restrictingRules(listener, member)) {
          if (reported.has(rule)) continue;
          reported.add(rule);
          report({
            // The map draws it on the backend the rule guards.
            node: member,
            file: rule.file,
            range: rule.anchor,
            message:
              'This security group rule does not restrict clients of a listener that passes the client IP. ' +
              `\`${rule.address}\` admits only ${rule.remoteIpPrefix} on port ${member.port}, but ${describeListener(listener)} transfers the client IP to ` +
              `\`${member.address}\`, and backend security groups and network ACLs are not applied to that Layer-4 traffic: any client reaches the port through the load balancer. ` +
              `Restrict clients with the listener's access control: ${whiteListHow(listener)}, listing ${rule.remoteIpPrefix}.`,
            related: [related(listener, 'listener that passes the client IP'), related(member, 'backend behind the security group')],
          });
        }
      }
    }
  },
};
