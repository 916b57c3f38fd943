import { rangeContains, type Position } from '../core/types';
import type { ElbModel, ModelNode } from '../model/elb';
import type { ConfigBlock } from '../parse/config';

/** What a hover in a Kubernetes manifest is about: the model node, the setting under the cursor, the range to highlight. */
export interface KubernetesHoverTarget {
  node: ModelNode;
  attributeName: string | undefined;
  range: import('../core/types').Range;
}

/** Spec fields with something to say about the client address. */
const SPEC_FIELDS = new Set([
  'type',
  'externalTrafficPolicy',
  'allocateLoadBalancerNodePorts',
  'loadBalancerClass',
  'external_traffic_policy',
  'allocate_load_balancer_node_ports',
  'load_balancer_class',
]);

const PORT_FIELDS = new Set(['port', 'protocol', 'name', 'targetPort', 'nodePort', 'target_port', 'node_port']);

/**
 * The hover target at a position of a manifest: an annotation or a spec field of a
 * Service (the load balancer node, with the setting's name), a port's field (the listener),
 * or the Service's name (the load balancer).
 */
export function kubernetesHoverTarget(model: ElbModel, filePath: string, position: Position): KubernetesHoverTarget | undefined {
  for (const listener of model.listeners) {
    if (listener.provider !== 'kubernetes') continue;
    if (listener.file.path !== filePath || !rangeContains(listener.block.range, position)) continue;
    for (const attribute of listener.block.attributes.values()) {
      if (PORT_FIELDS.has(attribute.name) && rangeContains(attribute.range, position)) {
        return { node: listener, attributeName: attribute.name, range: attribute.range };
      }
    }
    return { node: listener, attributeName: undefined, range: listener.block.headerRange };
  }
  for (const lb of model.loadBalancers) {
    if (lb.info.provider !== 'kubernetes') continue;
    if (lb.file.path !== filePath || !rangeContains(lb.block.range, position)) continue;
    if (lb.block.labelRanges.some((r) => rangeContains(r, position)) || rangeContains(lb.block.headerRange, position)) {
      return { node: lb, attributeName: undefined, range: lb.block.headerRange };
    }
    // A manifest's Service block holds its annotations and spec; a Terraform resource names them in settingBlocks.
    const annotations = lb.settingBlocks?.find((b) => b.type === 'annotations') ?? child(lb.block, 'annotations');
    for (const attribute of annotations?.attributes.values() ?? []) {
      if (!attribute.derived && rangeContains(attribute.range, position))
        return { node: lb, attributeName: attribute.name, range: attribute.range };
    }
    const spec = lb.settingBlocks?.find((b) => b.type === 'spec') ?? child(lb.block, 'spec');
    for (const attribute of spec?.attributes.values() ?? []) {
      if (SPEC_FIELDS.has(attribute.name) && rangeContains(attribute.range, position)) {
        return { node: lb, attributeName: attribute.name, range: attribute.range };
      }
    }
  }
  return undefined;
}

function child(block: ConfigBlock, type: string): ConfigBlock | undefined {
  return block.blocks.find((b) => b.type === type);
}
