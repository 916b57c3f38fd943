import type { Position, Range } from '../core/types';
import type { NodeContext } from '../model/elb';
import type { ConfigAttribute, ConfigBlock, ConfigFile, Expr } from '../parse/config';
import { isUnknown, type Value } from '../model/value';
import { type ResourceInstance, type Scope } from './scope';
import { nestedBlocks } from './instances';
import { addService, type KubernetesNodes } from '../kubernetes/toModel';
import { TERRAFORM_FIELDS, type ClusterNetwork } from '../kubernetes/serviceFields';

/**
 * Terraform's `kubernetes_service` / `kubernetes_service_v1` (hashicorp/kubernetes provider)
 * → the Kubernetes model builder, so a Service written in Terraform makes the same load
 * balancer and listeners as the same Service in YAML:
 *
 *   resource "kubernetes_service_v1" "web" {
 *     metadata { annotations = { "kubernetes.io/elb.class" = "union" } }   → annotations
 *     spec {                                                               → spec
 *       type                    = "LoadBalancer"
 *       external_traffic_policy = "Local"
 *       port { port = 80 }                                                 → one listener a port
 *     }                                                                      (`dynamic "port"` too)
 *   }
 *
 * Each annotation of an object written in place (`annotations = { … }`) is an attribute of
 * its own, which the quick fixes edit like any HCL attribute (or JSON property in
 * `.tf.json`). An annotations map that is computed (`merge(local.common, {…})`, a variable)
 * is read from its value when that is known; its entries then have no text of their own and
 * get no quick fix. Unknown annotations (an unknown key, an unknown map) say nothing: the
 * Service is not read.
 */

export interface TerraformServiceOptions {
  network?: ClusterNetwork;
  /** The instance context of a resource (modules, count/for_each). */
  context: (resource: ResourceInstance) => NodeContext;
}

export function addTerraformServices(nodes: KubernetesNodes, resources: ResourceInstance[], options: TerraformServiceOptions): void {
  for (const resource of resources) addTerraformService(nodes, resource, options);
}

function addTerraformService(nodes: KubernetesNodes, resource: ResourceInstance, options: TerraformServiceOptions): void {
  const { block, file } = resource.entry;
  const metadata = nestedBlocks(block, resource.scope, 'metadata').blocks[0];
  const spec = nestedBlocks(block, resource.scope, 'spec').blocks[0];
  if (!metadata || !spec) return;
  const scopes = new Map<ConfigAttribute, Scope>();
  const annotations = annotationsBlock(file, metadata.block, metadata.scope, scopes);
  if (!annotations) return;
  for (const attribute of spec.block.attributes.values()) scopes.set(attribute, spec.scope);
  const evaluate = (attribute: ConfigAttribute): Value | undefined => (scopes.get(attribute) ?? resource.scope).evaluate(attribute.expr);
  const ports = nestedBlocks(spec.block, spec.scope, 'port').blocks.map((port) => ({
    block: port.block,
    evaluate: (attribute: ConfigAttribute): Value | undefined => port.scope.evaluate(attribute.expr),
  }));
  addService(
    nodes,
    file,
    { block, annotations, spec: spec.block, ports, address: resource.address, context: options.context(resource) },
    { network: options.network, fields: TERRAFORM_FIELDS, evaluate },
  );
}

/**
 * `metadata.annotations` as a block with one attribute per annotation; undefined when the
 * Service has none, or when they are not known (nothing is then said about the Service).
 */
function annotationsBlock(
  file: ConfigFile,
  metadata: ConfigBlock,
  scope: Scope,
  scopes: Map<ConfigAttribute, Scope>,
): ConfigBlock | undefined {
  const attribute = metadata.attributes.get('annotations');
  if (!attribute) return undefined;
  const { expr } = attribute;
  const attributes = new Map<string, ConfigAttribute>();
  let derived = false;
  if (expr.kind === 'object') {
    for (const entry of expr.entries) {
      const name = keyName(entry.key, scope);
      // An unknown key may be any annotation, a key written twice is an error in Terraform.
      if (name === undefined || attributes.has(name)) return undefined;
      const item: ConfigAttribute = {
        name,
        expr: entry.value,
        nameRange: entry.key.range,
        valueRange: entry.value.range,
        range: { start: entry.key.range.start, end: entry.value.range.end },
      };
      attributes.set(name, item);
      scopes.set(item, scope);
    }
  } else {
    const value = scope.evaluate(expr);
    if (isUnknown(value) || value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    derived = true;
    for (const [name, entry] of Object.entries(value)) {
      const item: ConfigAttribute = {
        name,
        expr: { kind: 'literal', value: typeof entry === 'object' && entry !== null ? JSON.stringify(entry) : entry, range: expr.range },
        nameRange: attribute.nameRange,
        valueRange: attribute.valueRange,
        range: attribute.range,
        derived: true,
      };
      attributes.set(name, item);
    }
  }
  const { start, end } = expr.range;
  const objectText = expr.kind === 'object' && file.text[file.lines.offsetAt(start)] === '{';
  const closeOffset = file.lines.offsetAt(end) - 1;
  const close: Position | undefined = objectText && file.text[closeOffset] === '}' ? file.lines.positionAt(closeOffset) : undefined;
  const range: Range = { start: attribute.range.start, end: attribute.range.end };
  return {
    type: 'annotations',
    labels: [],
    labelRanges: [],
    range,
    headerRange: attribute.nameRange,
    attributes,
    blocks: [],
    bodyStart: objectText ? file.lines.positionAt(file.lines.offsetAt(start) + 1) : start,
    close,
    hasErrors: metadata.hasErrors,
    ...(metadata.jsonPath ? { jsonPath: [...metadata.jsonPath, 'annotations'] } : {}),
    ...(derived ? { derived: true } : {}),
  };
}

/** An object key: `"kubernetes.io/elb.class"`, a bare name (a string in HCL), or `(expression)` when its value is known. */
function keyName(key: Expr, scope: Scope): string | undefined {
  if (key.kind === 'literal') return typeof key.value === 'string' ? key.value : undefined;
  if (key.kind === 'traversal' && key.steps.length === 0) return key.root;
  const value = scope.evaluate(key);
  return !isUnknown(value) && typeof value === 'string' ? value : undefined;
}
