import { isUnknown, toBool } from './value';
import type { Listener } from './elb';
import { HTTP_PROTOCOLS, type LoadBalancerKind, type ProviderName } from './providers';

/**
 * What backend security groups and network ACLs do with a listener's traffic (docs/rules/
 * client-ip-shared-l4-off.md, "Security groups", names the provider pages). Layer-4 traffic
 * that carries the client IP is not filtered by them at all, so the advice is never "admit the
 * clients": it is access control on the listener, or admitting the load balancer's own
 * addresses where the groups do apply.
 */
export type SecurityGroupEffect = 'not-applied' | 'applied' | 'unknown';

/** The addresses the load balancer's own traffic (and health checks) to backends comes from. */
export function loadBalancerSourceRange(provider: ProviderName, kind: LoadBalancerKind): string {
  if (kind === 'dedicated') return 'the load balancer’s backend subnet';
  // Flexible Engine's region documents a second range for its shared load balancers.
  const shared = provider === 'flexibleengine' ? '100.125.0.0/16 and 100.126.0.0/16' : '100.125.0.0/16';
  if (kind === 'shared') return shared;
  return `the load balancer’s addresses (its backend subnet if dedicated, ${shared} if shared)`;
}

/**
 * Whether IP backends are known to be off on the listener's dedicated load balancer. The switch
 * defaults to off and can only be turned on, so an LB in the files without it written has them off.
 */
function ipBackendsKnownOff(listener: Listener): boolean | undefined {
  const lb = listener.loadBalancer;
  if (!lb || !lb.info.ipBackendSwitch) return undefined;
  const value = lb.ipBackendsEnabled;
  if (value === undefined || value === null) return true;
  if (isUnknown(value)) return undefined;
  const on = toBool(value);
  return on === undefined ? undefined : !on;
}

/** Whether backend security groups and network ACLs filter what this listener forwards. */
export function securityGroupEffect(listener: Listener): SecurityGroupEffect {
  const { protocol, kind, clientIp } = listener;
  if (protocol === undefined) return 'unknown';
  if (HTTP_PROTOCOLS.has(protocol) || protocol === 'QUIC') return 'applied';
  if (protocol !== 'TCP' && protocol !== 'UDP') return 'unknown';
  if (kind === 'shared') return clientIp.state === 'on' ? 'not-applied' : clientIp.state === 'off' ? 'applied' : 'unknown';
  if (kind === 'dedicated') {
    const off = ipBackendsKnownOff(listener);
    return off === true ? 'not-applied' : off === false ? 'applied' : 'unknown';
  }
  return 'unknown';
}

/** What access control is called where a listener is configured. */
export const ACCESS_CONTROL = 'the listener’s access control (an IP address group used as a white list)';

/** One sentence on security groups for this listener, never advising to admit clients. */
export function securityGroupSentence(listener: Listener): string {
  const from = loadBalancerSourceRange(listener.provider, listener.kind);
  switch (securityGroupEffect(listener)) {
    case 'not-applied':
      return `Backend security groups and network ACLs do not filter this Layer-4 traffic, which carries the client IP: restrict clients with ${ACCESS_CONTROL}.`;
    case 'applied':
      return `Backend security groups must admit ${from} on the backend and health-check ports (UDP health checks also use ICMP).`;
    default:
      return (
        'Layer-4 traffic that carries the client IP is not filtered by backend security groups or network ACLs (restrict clients with ' +
        `${ACCESS_CONTROL}); where they do apply, they must admit ${from}.`
      );
  }
}
