import { checkpoint } from '../core/budget';
import { serviceAccessControl } from './accessControl';
import type { ElbModel, Listener, LoadBalancer, ModelNode, NodeContext, Pool, UnrecognizedSetting } from '../model/elb';
import { resourceTypeInfo, type LoadBalancerKind } from '../model/providers';
import type { ConfigAttribute, ConfigBlock, ConfigFile } from '../parse/config';
import { Unknown, type Value } from '../model/value';
import {
  CLASS_ANNOTATION,
  CLASS_VALUES,
  CLIENT_IP_ANNOTATION,
  ELB_PREFIX,
  isKnownAnnotation,
  looksLikeElbAnnotation,
  suggestAnnotation,
  suggestClassValue,
  type ControllerFamily,
} from './annotations';
import { backendHop, clientIpState, crossVpcPool, listenerProtocols } from './controllers';
import { YAML_FIELDS, type ClusterNetwork, type ServiceFields } from './serviceFields';

/**
 * Kubernetes Services → the ELB model. A Service of `type: LoadBalancer` with
 * `kubernetes.io/elb.*` annotations is a load balancer (shared or dedicated after
 * `kubernetes.io/elb.class`) and one listener per `spec.ports` item. What the listeners do
 * with the client address follows the controller that reads the class: CCE (`union`,
 * `performance`) or the open-source cloud-provider-huaweicloud (`shared`, `dedicated`); see
 * controllers.ts, and docs/kubernetes.md for the source of each rule. The Service's
 * `externalTrafficPolicy` becomes the listeners' `hop`: whether kube-proxy keeps the client
 * address on its way to the pod. Misspelled annotations become `unrecognized` settings.
 *
 * The blocks come from YAML (manifest.ts) or from Terraform's `kubernetes_service(_v1)`
 * (terraform.ts); `fields` names the spec fields in each, `evaluate` reads a value.
 */

/**
 * The parts of one Service: the block that stands for it (the YAML object, the Terraform
 * resource), its annotations (one attribute per annotation), its spec and its ports.
 */
export interface ServiceParts {
  block: ConfigBlock;
  annotations: ConfigBlock | undefined;
  spec: ConfigBlock;
  /** The ports, each with its own evaluator where it differs (a Terraform `dynamic "port"` block). */
  ports: { block: ConfigBlock; evaluate?: (attribute: ConfigAttribute) => Value | undefined }[];
  /** The Service's address (`Service web`, `kubernetes_service_v1.web[0]`). */
  address: string;
  /** Instance context (Terraform modules and count/for_each); default: the ports of one Service merge their findings. */
  context?: NodeContext;
}

export interface KubernetesModelOptions {
  network?: ClusterNetwork;
  fields?: ServiceFields;
  /** The value of an attribute (Terraform: evaluated in its module); default: its literal. */
  evaluate?: (attribute: ConfigAttribute) => Value | undefined;
}

const SERVICE_CONTEXT = { moduleAddress: '', callerSources: () => [] };

/** The `spec.loadBalancerClass` of cloud-provider-huaweicloud (its `loadbalancer-class` option); others belong to other controllers. */
const OSS_LOAD_BALANCER_CLASS = 'huaweicloud.com/elb';

export interface KubernetesNodes {
  loadBalancers: LoadBalancer[];
  listeners: Listener[];
  pools: Pool[];
  unrecognized: UnrecognizedSetting[];
}

export function buildKubernetesModel(files: ConfigFile[], options: KubernetesModelOptions = {}): ElbModel {
  const nodes: KubernetesNodes = { loadBalancers: [], listeners: [], pools: [], unrecognized: [] };
  for (const file of files) {
    for (const block of file.blocks) {
      checkpoint();
      if (block.type !== 'Service') continue;
      const spec = block.blocks.find((b) => b.type === 'spec');
      if (!spec) continue;
      addService(
        nodes,
        file,
        {
          block,
          annotations: block.blocks.find((b) => b.type === 'annotations'),
          spec,
          ports: spec.blocks.filter((b) => b.type === 'port').map((b) => ({ block: b })),
          address: `Service ${block.labels[0] ?? '(unnamed)'}`,
        },
        options,
      );
    }
  }
  return modelOf(nodes);
}

export function modelOf(nodes: KubernetesNodes): ElbModel {
  const byBlock = new Map<ConfigBlock, ModelNode>();
  for (const node of [...nodes.loadBalancers, ...nodes.listeners, ...nodes.pools]) byBlock.set(node.block, node);
  return {
    loadBalancers: nodes.loadBalancers,
    listeners: nodes.listeners,
    pools: nodes.pools,
    members: [],
    instances: [],
    ipGroups: [],
    unrecognized: nodes.unrecognized,
    nodeForBlock: (block) => byBlock.get(block),
  };
}

/** A YAML value: its literal; a collection or a key written twice is unknown. */
function literal(attribute: ConfigAttribute): Value | undefined {
  if (attribute.expr.kind === 'literal') return attribute.expr.value;
  return new Unknown(attribute.expr.kind === 'opaque' && attribute.expr.text ? attribute.expr.text : 'not a single value');
}

/** Adds the model nodes of one Service block (nothing for other Service types or Services without ELB annotations). */
export function addService(nodes: KubernetesNodes, file: ConfigFile, parts: ServiceParts, options: KubernetesModelOptions): void {
  const fields = options.fields ?? YAML_FIELDS;
  const evaluate = options.evaluate ?? literal;
  const { block, annotations: annotationsBlock, spec: specBlock, address } = parts;
  const annotations = annotationsBlock?.attributes ?? new Map<string, ConfigAttribute>();
  const labelsBlock = block.blocks.find((b) => b.type === 'labels');
  const misplaced = [...(labelsBlock?.attributes.values() ?? [])].filter((a) => a.name.startsWith(ELB_PREFIX));
  const annotated = [...annotations.keys()].some((k) => k.startsWith(ELB_PREFIX));
  if (!annotated && misplaced.length === 0) return;
  const value = (attribute: ConfigAttribute | undefined) => (attribute ? evaluate(attribute) : undefined);
  const text = (attribute: ConfigAttribute | undefined) => {
    const v = value(attribute);
    return typeof v === 'string' ? v : undefined;
  };
  const spec = specBlock.attributes;
  if (text(spec.get(fields.type)) !== 'LoadBalancer') return;
  const lbClass = spec.get(fields.loadBalancerClass);
  if (lbClass && text(lbClass) !== OSS_LOAD_BALANCER_CLASS) return;

  const lbInfo = resourceTypeInfo('kubernetes:service')!;
  const listenerInfo = resourceTypeInfo('kubernetes:port')!;

  // Which controller, which kind.
  const classAttribute = annotations.get(CLASS_ANNOTATION);
  const classValue = text(classAttribute);
  let family: ControllerFamily | undefined;
  let kind: LoadBalancerKind = 'unknown';
  let kindExplanation: string;
  let makesListeners = true;
  if (!classAttribute) {
    family = 'cce';
    kind = 'shared';
    kindExplanation = `${CLASS_ANNOTATION} is not set, and CCE takes \`union\` then: a shared load balancer`;
  } else if (classValue !== undefined && Object.prototype.hasOwnProperty.call(CLASS_VALUES, classValue)) {
    const known = CLASS_VALUES[classValue];
    family = known.family;
    kind = known.kind ?? 'unknown';
    makesListeners = known.kind !== undefined;
    kindExplanation = `${CLASS_ANNOTATION} is \`${classValue}\` (${known.what})`;
  } else {
    kindExplanation =
      classValue === undefined
        ? `the value of ${CLASS_ANNOTATION} is not known here`
        : `${CLASS_ANNOTATION} is \`${classValue}\`, which neither CCE nor cloud-provider-huaweicloud knows`;
  }

  const lb: LoadBalancer = {
    address,
    type: 'kubernetes:service',
    info: lbInfo,
    file,
    block,
    kind,
    ipBackendsEnabled: undefined,
    subnetAttribute: undefined,
    settingBlocks: [...(annotationsBlock ? [annotationsBlock] : []), specBlock],
    ...(parts.context ? { context: parts.context } : {}),
  };
  nodes.loadBalancers.push(lb);
  for (const attribute of misplaced) {
    nodes.unrecognized.push({
      node: lb,
      attribute,
      part: 'name',
      problem: `Label \`${attribute.name}\` is not read: ELB settings are annotations.`,
      reason: `No ELB controller reads settings from metadata.labels; it belongs under metadata.annotations`,
      block: labelsBlock,
      belongsIn: { name: 'annotations', block: annotationsBlock },
    });
  }
  // Only labels: what the controller makes of the Service without its annotations is not known here.
  if (!annotated) {
    lb.kind = 'unknown';
    return;
  }
  unrecognizedAnnotations(nodes, lb, annotations, annotationsBlock, family, classAttribute, classValue);
  if (!makesListeners) return;

  const clientIpAttribute = family ? annotations.get(CLIENT_IP_ANNOTATION[family]) : undefined;
  const protocols = listenerProtocols(family, kind, annotations, text);
  const hop = backendHop(family, kind, specBlock, fields, text, value, options.network);
  const accessControl = serviceAccessControl(annotations, text);
  const pool = crossVpcPool(family, kind, annotations, value, lb, address, file, parts.context);
  if (pool) nodes.pools.push(pool);

  parts.ports.forEach(({ block: port, evaluate: portEvaluate }, index) => {
    const portValue = (attribute: ConfigAttribute | undefined) => (attribute ? (portEvaluate ?? evaluate)(attribute) : undefined);
    const portText = (attribute: ConfigAttribute | undefined) => {
      const v = portValue(attribute);
      return typeof v === 'string' ? v : undefined;
    };
    const portNumber = numberOf(portValue(port.attributes.get('port')));
    const name = portText(port.attributes.get('name'));
    const k8sProtocol = (portText(port.attributes.get('protocol')) ?? (port.attributes.has('protocol') ? undefined : 'TCP'))?.toUpperCase();
    const protocol = protocols(portNumber, k8sProtocol);
    const clientIp = clientIpState(family, kind, protocol, clientIpAttribute, value(clientIpAttribute), annotationsBlock);
    const listener: Listener = {
      address: `${address} port ${portNumber ?? name ?? `#${index + 1}`}`,
      type: 'kubernetes:port',
      info: listenerInfo,
      file,
      block: port,
      provider: 'kubernetes',
      protocol,
      loadBalancer: lb,
      kind,
      kindExplanation,
      argType: 'string',
      clientIp,
      pools: pool ? [pool] : [],
      whitelistGroups: [],
      options: new Map(),
      insertHeaders: undefined,
      insertHeaderNames: false,
      accessControl,
      ...(hop ? { hop } : {}),
      // The ports of one Service share its annotations: findings that differ only in the port are one finding.
      context: parts.context ?? SERVICE_CONTEXT,
    };
    nodes.listeners.push(listener);
    pool?.listeners.push(listener);
  });
}

function numberOf(value: Value | undefined): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\d{1,5}$/.test(value)) return Number(value);
  return undefined;
}

function unrecognizedAnnotations(
  nodes: KubernetesNodes,
  lb: LoadBalancer,
  annotations: Map<string, ConfigAttribute>,
  annotationsBlock: ConfigBlock | undefined,
  family: ControllerFamily | undefined,
  classAttribute: ConfigAttribute | undefined,
  classValue: string | undefined,
): void {
  for (const [name, attribute] of annotations) {
    if (isKnownAnnotation(name)) {
      const other: ControllerFamily | undefined = family === 'cce' ? 'oss' : family === 'oss' ? 'cce' : undefined;
      if (!family || !other || name !== CLIENT_IP_ANNOTATION[other]) continue;
      const own = CLIENT_IP_ANNOTATION[family];
      const controller = family === 'cce' ? 'CCE' : 'cloud-provider-huaweicloud';
      const otherController = other === 'cce' ? 'CCE' : 'the open-source cloud-provider-huaweicloud';
      const why = classAttribute
        ? `${CLASS_ANNOTATION} \`${classValue}\` belongs to ${controller}`
        : `${CLASS_ANNOTATION} is not set, which makes it a CCE Service`;
      nodes.unrecognized.push({
        node: lb,
        attribute,
        part: 'name',
        problem: `Annotation \`${name}\` is not read by ${controller}.`,
        reason: `It is the client-IP annotation of ${otherController}; ${why}, which reads \`${own}\``,
        suggestion: own,
        suggestionWritten: annotations.has(own),
        ...(annotationsBlock ? { block: annotationsBlock } : {}),
      });
      continue;
    }
    if (!looksLikeElbAnnotation(name)) continue;
    const suggestion = suggestAnnotation(name);
    if (!suggestion) continue;
    nodes.unrecognized.push({
      node: lb,
      attribute,
      part: 'name',
      problem: `Annotation \`${name}\` is not read by any controller.`,
      reason: 'Neither CCE nor cloud-provider-huaweicloud knows it, so it does nothing',
      suggestion,
      suggestionWritten: annotations.has(suggestion),
      ...(annotationsBlock ? { block: annotationsBlock } : {}),
    });
  }
  if (classAttribute && classValue !== undefined) {
    const suggestion = suggestClassValue(classValue);
    if (suggestion) {
      nodes.unrecognized.push({
        node: lb,
        attribute: classAttribute,
        part: 'value',
        ...(annotationsBlock ? { block: annotationsBlock } : {}),
        problem: `\`${classValue}\` is not a load balancer class, so no load balancer is made for this Service.`,
        reason: 'The classes are union and performance (CCE), shared and dedicated (cloud-provider-huaweicloud)',
        suggestion,
      });
    }
  }
}
