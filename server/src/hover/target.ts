import { rangeContains, type HoverResult, type Position, type Range } from '../core/types';
import type { ConfigBlock } from '../parse/config';
import type { ElbModel, ModelNode } from '../model/elb';
import { XFF_MODE } from '../model/xffMode';
import { kubernetesHoverTarget } from './kubernetesTarget';

/** What a hover is about: the model node, the setting under the cursor, the range to highlight. */
export interface HoverTarget {
  node: ModelNode;
  attributeName: string | undefined;
  range: Range;
}

/** Attributes (Terraform, ELB API JSON) with something to say about the client address. */
const HOVER_ATTRIBUTES = new Set([
  'protocol',
  'transparent_client_ip_enable',
  'loadbalancer_id',
  'listener_id',
  'default_pool_id',
  'pool_id',
  'address',
  'subnet_id',
  'type',
  'proxy_protocol_enable',
  'nat64_enable',
  'real_ip',
  // ELB API JSON keys
  'subnet_cidr_id',
  'member_type',
  'guaranteed',
  'vip_address',
]);

/**
 * The model node under the cursor in a file: a Kubernetes Service (in a manifest, or a
 * kubernetes_service(_v1) resource in Terraform), else a load balancer, listener, pool or member
 * block by its labels, its header or one of the attributes above.
 */
export function hoverTarget(model: ElbModel, filePath: string, position: Position, manifest: boolean): HoverTarget | undefined {
  return kubernetesHoverTarget(model, filePath, position) ?? (manifest ? undefined : blockTarget(model, filePath, position));
}

function blockTarget(model: ElbModel, filePath: string, position: Position): HoverTarget | undefined {
  const nodes: ModelNode[] = [...model.listeners, ...model.pools, ...model.members, ...model.loadBalancers];
  for (const node of nodes) {
    if (node.file.path !== filePath) continue;
    // Labels come first: in .tf.json they are the keys before the block's body object.
    if (node.block.labelRanges.some((r) => rangeContains(r, position)) || rangeContains(node.block.headerRange, position)) {
      return { node, attributeName: undefined, range: node.block.headerRange };
    }
    if (!rangeContains(node.block.range, position)) continue;
    for (const attribute of node.block.attributes.values()) {
      if (HOVER_ATTRIBUTES.has(attribute.name) && rangeContains(attribute.range, position)) {
        return { node, attributeName: attribute.name, range: attribute.range };
      }
    }
    // The X-Forwarded-For mode inside insert_headers (ELB API JSON): the listener's hover says what it means.
    const mode = node.block.blocks.find((b) => b.type === 'insert_headers')?.attributes.get(XFF_MODE);
    if (mode && rangeContains(mode.range, position)) return { node, attributeName: XFF_MODE, range: mode.range };
    if (node.block.range.start.line === position.line) return { node, attributeName: undefined, range: node.block.headerRange };
  }
  return undefined;
}

/**
 * Hover on a `module` block whose code cannot be read (`calls`: such blocks with the reason),
 * when `isHere` says the block is in the hovered file: why its values are unknown.
 */
export function unavailableModuleHover(
  calls: Iterable<[ConfigBlock, string]>,
  isHere: (block: ConfigBlock) => boolean,
  position: Position,
): HoverResult | undefined {
  for (const [block, reason] of calls) {
    if (!rangeContains(block.range, position) || !isHere(block)) continue;
    return {
      markdown: `**module.${block.labels[0] ?? ''}**: ${reason}. ELB Lens cannot read this module's code, so the values it makes are unknown and nothing in it is checked.`,
      range: block.headerRange,
    };
  }
  return undefined;
}
