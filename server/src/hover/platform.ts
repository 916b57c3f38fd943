import type { Listener } from '../model/elb';
import { securityGroupSentence } from '../model/securityGroups';
import { xffModeNote } from '../model/xffMode';

/**
 * Hover lines for platform facts a configuration cannot show: what security groups do with
 * the traffic, TLS, regions and backend kinds that behave differently, and CCE's conditions
 * for its client-IP annotation. Hover text only: none of this is ever a finding. Sources are
 * named on docs/rules/client-ip-shared-l4-off.md.
 */

/** The CCE annotation (the open-source controller's key is `…enable-transparent-client-ip`). */
export const CCE_CLIENT_IP_ANNOTATION = 'kubernetes.io/elb.transparent-client-ip';

/** Security groups, TLS and region caveats for a listener hover's "While it is on" section (and for an off shared TCP/UDP listener). */
export function platformLines(listener: Listener): string[] {
  const { protocol, kind, provider, clientIp } = listener;
  const lines = [securityGroupSentence(listener)];
  const xff = xffModeNote(listener);
  if (xff) lines.push(xff);
  if (protocol === 'TLS')
    lines.push('TLS listeners do not pass the client IP on by themselves; Proxy Protocol (`proxy_protocol_enable = true`) does.');
  const l4 = protocol === 'TCP' || protocol === 'UDP';
  if (l4 && kind === 'shared' && clientIp.canBeDisabled !== false)
    lines.push(
      'OTC’s Swiss region and Huawei Cloud’s Europe site appear to accept only true for shared TCP/UDP listeners, so there it may be on whatever is written.',
    );
  if (provider === 'flexibleengine')
    lines.push(
      'Flexible Engine: Xen ECS and BMS backends do not support client IP transfer; shared load balancers reach backends from 100.125.0.0/16 and 100.126.0.0/16.',
    );
  if (l4 && clientIp.state !== 'off')
    lines.push('Behind a NAT gateway the backend sees the gateway’s address, and for a client in a container, its node’s address.');
  return lines;
}

/**
 * The TCP alternative where transfer cannot work (IP backends, NAT64): Huawei documents the
 * TOA kernel module on the backend. Nothing in the files shows whether it is installed, so it
 * is named, never checked.
 */
export function tcpAlternative(listener: Listener): string {
  const toa =
    'for IP backends and NAT64, Huawei Cloud documents the TOA kernel module on the backend servers, which reads it from a TCP option (ELB Lens cannot see whether it is installed)';
  if (listener.provider === 'opentelekomcloud')
    return 'none documented by Open Telekom Cloud: TCP listeners can only pass the client address by transferring it.';
  return `none in the load balancer for TCP; ${toa}.`;
}

/** Why CCE's annotation needs `externalTrafficPolicy: Local`, and which clusters ignore it. */
export function cceAnnotationLines(attributeName: string): string[] {
  if (attributeName !== CCE_CLIENT_IP_ANNOTATION) return [];
  return [
    '',
    'CCE acts on this annotation only for shared TCP/UDP Services in CCE standard clusters with `externalTrafficPolicy: Local` ' +
      '(with Cluster, kube-proxy may pass the traffic to a pod on another node, which then sees that node’s address), ' +
      'which is why the quick fix sets both. CCE Turbo clusters ignore it, and so do clusters older than v1.23.17-r0, v1.25.12-r0, ' +
      'v1.27.9-r0, v1.28.7-r0 or v1.29.3-r0 (each in its own minor version). Deleting the annotation leaves the load balancer’s last setting in place.',
  ];
}
