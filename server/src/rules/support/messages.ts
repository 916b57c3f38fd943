import type { RelatedLocation } from '../../core/types';
import type { Listener, ModelNode } from '../../model/elb';
import { HTTP_PROTOCOLS } from '../../model/providers';

export function related(node: ModelNode, message: string): RelatedLocation {
  return { file: node.file.path, range: node.block.headerRange, message };
}

/** "listener `huaweicloud_elb_listener.web` (TCP)" */
export function describeListener(listener: Listener): string {
  return `listener \`${listener.address}\`${listener.protocol ? ` (${listener.protocol})` : ''}`;
}

export function isHttpListener(listener: Listener): boolean {
  return listener.protocol !== undefined && HTTP_PROTOCOLS.has(listener.protocol);
}

/** The listener's relation to its load balancer, for related locations. */
export function loadBalancerRelated(listener: Listener): RelatedLocation[] {
  return listener.loadBalancer ? [related(listener.loadBalancer, `${listener.kind} load balancer of this listener`)] : [];
}
