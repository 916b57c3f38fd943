import type { Range } from '../core/types';
import { effectiveClientIp } from '../model/clientIp';
import type { BackendHop, ClientIpState, LoadBalancer, NodeContext, Pool } from '../model/elb';
import type { LoadBalancerKind } from '../model/providers';
import type { ConfigAttribute, ConfigBlock, ConfigFile } from '../parse/config';
import { isUnknown, type Value } from '../model/value';
import {
  CLIENT_IP_ANNOTATION,
  OSS_CROSS_VPC_ANNOTATION,
  OSS_TLS_ANNOTATION,
  OSS_X_FORWARDED_HOST_ANNOTATION,
  PROTOCOL_PORT_ANNOTATION,
  type ControllerFamily,
} from './annotations';
import type { ClusterNetwork, ServiceFields } from './serviceFields';

/**
 * What the two controllers that read `kubernetes.io/elb.*` annotations make of a Service:
 * CCE (classes `union`, `performance`) and the open-source cloud-provider-huaweicloud
 * (`shared`, `dedicated`). Listener protocols, the client-IP setting, the cross-VPC pool of
 * IP backends, and what kube-proxy does to the source address on the way to the pod; see
 * docs/kubernetes.md for the source of each rule.
 */

/**
 * cloud-provider-huaweicloud creates a dedicated load balancer with IP backends enabled when
 * `kubernetes.io/elb.enable-cross-vpc` is `'true'`, and then adds every member without a
 * subnet: as an IP backend, which never receives the client address. The Service's backends
 * are then one pool of IP backends, whose `type` is that annotation.
 */
export function crossVpcPool(
  family: ControllerFamily | undefined,
  kind: LoadBalancerKind,
  annotations: Map<string, ConfigAttribute>,
  value: (attribute: ConfigAttribute | undefined) => Value | undefined,
  lb: LoadBalancer,
  address: string,
  file: ConfigFile,
  context: NodeContext | undefined,
): Pool | undefined {
  const attribute = annotations.get(OSS_CROSS_VPC_ANNOTATION);
  const written = value(attribute);
  if (family !== 'oss' || kind !== 'dedicated' || !attribute || (written !== 'true' && written !== true)) return undefined;
  const block: ConfigBlock = {
    type: 'pool',
    labels: [],
    labelRanges: [],
    range: attribute.range,
    headerRange: attribute.range,
    attributes: new Map([['type', attribute]]),
    blocks: [],
    bodyStart: attribute.range.start,
    close: undefined,
    hasErrors: false,
  };
  return {
    address: `${address} backends`,
    type: 'kubernetes:pool',
    info: { provider: 'kubernetes', role: 'pool', kind: 'dedicated' },
    file,
    block,
    poolType: 'ip',
    protocol: undefined,
    listeners: [],
    members: [],
    loadBalancer: lb,
    ...(context ? { context } : {}),
  };
}

/**
 * The listener protocol of each port. CCE: the port's protocol (TCP when not written), or
 * HTTP/HTTPS/TLS where `kubernetes.io/elb.protocol-port` names the port. cloud-provider-huaweicloud:
 * TERMINATED_HTTPS on every port when a certificate is given, else HTTP on every port when
 * `kubernetes.io/elb.x-forwarded-host` is `'true'`, else the port's protocol.
 */
export function listenerProtocols(
  family: ControllerFamily | undefined,
  kind: LoadBalancerKind,
  annotations: Map<string, ConfigAttribute>,
  text: (attribute: ConfigAttribute | undefined) => string | undefined,
): (port: number | undefined, k8sProtocol: string | undefined) => string | undefined {
  if (family === 'oss') {
    const tls = annotations.get(OSS_TLS_ANNOTATION);
    const forwarded = annotations.get(OSS_X_FORWARDED_HOST_ANNOTATION);
    if ((tls && text(tls) === undefined) || (forwarded && text(forwarded) === undefined)) return () => undefined;
    if (tls && text(tls) !== '') return () => 'TERMINATED_HTTPS';
    if (forwarded && text(forwarded) === 'true') return () => 'HTTP';
    return (_port, k8sProtocol) => k8sProtocol;
  }
  const protocolPort = annotations.get(PROTOCOL_PORT_ANNOTATION);
  if (family !== 'cce' || !protocolPort) return (_port, k8sProtocol) => k8sProtocol;
  const byPort = parseProtocolPort(text(protocolPort));
  if (!byPort) return () => undefined;
  return (port, k8sProtocol) => {
    const layer7 = port === undefined ? undefined : byPort.get(port);
    if (port === undefined && byPort.size > 0) return undefined;
    if (!layer7) return k8sProtocol;
    // UDP ports cannot carry HTTP/HTTPS/TLS listeners: what CCE makes of it is unknown.
    if (k8sProtocol !== 'TCP') return undefined;
    if (layer7 === 'https') return kind === 'shared' ? 'TERMINATED_HTTPS' : kind === 'dedicated' ? 'HTTPS' : 'HTTPS';
    return layer7.toUpperCase();
  };
}

/** `"https:443,http:80"` → port → protocol; undefined when any entry cannot be read. */
export function parseProtocolPort(value: string | undefined): Map<number, string> | undefined {
  if (value === undefined) return undefined;
  const byPort = new Map<number, string>();
  for (const part of value.split(',')) {
    if (part.trim() === '') continue;
    const match = /^\s*(https?|tls)\s*:\s*(\d{1,5})\s*$/i.exec(part);
    if (!match) return undefined;
    byPort.set(Number(match[2]), match[1].toLowerCase());
  }
  return byPort;
}

export function clientIpState(
  family: ControllerFamily | undefined,
  kind: LoadBalancerKind,
  protocol: string | undefined,
  attribute: ConfigAttribute | undefined,
  value: Value | undefined,
  annotationsBlock: ConfigBlock | undefined,
): ClientIpState {
  const name = family ? CLIENT_IP_ANNOTATION[family] : undefined;
  const text = typeof value === 'string' ? value : typeof value === 'boolean' ? String(value) : undefined;
  const readable = text === 'true' || text === 'false';
  // cloud-provider-huaweicloud reads anything but "true"/"false" as its default (and logs a warning).
  const ossDefault = family === 'oss' && attribute !== undefined && value !== undefined && !isUnknown(value) && !readable;
  const state = effectiveClientIp({
    kind,
    protocol,
    argType: 'string',
    attribute,
    value: ossDefault ? undefined : value,
  });
  const setting = name && annotationsBlock ? { setting: { name, block: annotationsBlock } } : {};
  if (state.reason === 'default' && name) {
    const explanation =
      family === 'cce'
        ? `shared ${protocol} listeners are created with it off, and CCE only turns it on for \`${name}: 'true'\` (a value set on the listener before stays)`
        : `shared ${protocol} listeners get it only with \`${name}: 'true'\`, or when the controller's loadbalancer-config sets enable-transparent-client-ip (default false)`;
    return {
      ...state,
      ...setting,
      explanation: ossDefault ? `${explanation}; \`${text}\` is neither 'true' nor 'false', so the default applies` : explanation,
    };
  }
  if (state.reason === 'unknown' && state.written === 'unknown' && value !== undefined && isUnknown(value)) {
    return { ...state, ...setting, explanation: `its value is not known here (${value.reason})` };
  }
  if (state.reason === 'unknown' && state.written === 'unknown' && value !== undefined && !isUnknown(value)) {
    return {
      ...state,
      ...setting,
      explanation: `\`${text ?? JSON.stringify(value)}\` is neither 'true' nor 'false'`,
      writtenUnknownReason: 'neither true nor false',
    };
  }
  return { ...state, ...setting };
}

/** How `externalTrafficPolicy` (and, for cloud-provider-huaweicloud, `allocateLoadBalancerNodePorts`) decides what the pod sees. */
export function backendHop(
  family: ControllerFamily | undefined,
  kind: LoadBalancerKind,
  spec: ConfigBlock,
  fields: ServiceFields,
  text: (attribute: ConfigAttribute | undefined) => string | undefined,
  value: (attribute: ConfigAttribute | undefined) => Value | undefined,
  network: ClusterNetwork | undefined,
): BackendHop | undefined {
  if (!family) return undefined;
  const attribute = spec.attributes.get(fields.externalTrafficPolicy);
  const written = text(attribute);
  const anchor: Range = attribute?.range ?? spec.attributes.get(fields.type)?.range ?? spec.headerRange;
  const setting = { name: fields.externalTrafficPolicy, block: spec, keepValue: 'Local' };
  const caveat =
    'With Local, only nodes that run a pod of the Service take its traffic, and reaching the load balancer’s address from inside the cluster can fail (use the Service name or ClusterIP there, or kubernetes.io/elb.pass-through on CCE).';
  const base = { attribute, setting, anchor, caveat };
  if (attribute && written !== 'Cluster' && written !== 'Local') {
    return { ...base, keepsSource: undefined, explanation: `${fields.externalTrafficPolicy} is not Cluster or Local here` };
  }
  const allocate = value(spec.attributes.get(fields.allocateLoadBalancerNodePorts));
  if (family === 'oss' && (allocate === false || allocate === 'false')) {
    return {
      ...base,
      keepsSource: true,
      explanation: `${fields.allocateLoadBalancerNodePorts} is false, so cloud-provider-huaweicloud adds the pods themselves as backends and kube-proxy is not in the way`,
    };
  }
  if (written === 'Local') {
    return {
      ...base,
      keepsSource: true,
      explanation: `${fields.externalTrafficPolicy} is Local: each node hands traffic to its own pods without source NAT`,
    };
  }
  const policy = attribute ? `${fields.externalTrafficPolicy} is Cluster` : `${fields.externalTrafficPolicy} is not set (Cluster)`;
  if (family === 'oss') {
    return {
      ...base,
      keepsSource: false,
      explanation: `${policy}: the backends are nodes, and kube-proxy forwards to a pod on any node with the node's address as source`,
    };
  }
  if (kind === 'shared') {
    return {
      ...base,
      keepsSource: false,
      explanation:
        `${policy}: CCE standard clusters (VPC or tunnel network) pass the client IP to pods only with Local, ` +
        'and CCE Turbo clusters not at all for shared load balancers (Local is only possible for hostNetwork pods there)',
    };
  }
  if (kind === 'dedicated') {
    if (network === 'eni') {
      return {
        ...base,
        keepsSource: true,
        explanation: `${policy}, but in a CCE Turbo cluster (ENI network) dedicated load balancers send traffic to the pods directly`,
      };
    }
    if (network === 'vpc' || network === 'tunnel') {
      return {
        ...base,
        keepsSource: false,
        explanation: `${policy}: in a CCE standard cluster (${network} network) kube-proxy forwards to a pod on any node with the node's address as source`,
      };
    }
    return {
      ...base,
      keepsSource: undefined,
      explanation:
        `${policy}: in CCE standard clusters (VPC or tunnel network) pods then see a node's address; ` +
        'CCE Turbo clusters send dedicated load balancer traffic to the pods directly (set kubernetes.network in .elb-lens.json to say which)',
    };
  }
  return { ...base, keepsSource: undefined, explanation: `${policy}, and the load balancer kind is unknown` };
}
