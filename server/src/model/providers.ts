/**
 * What each provider's resource types are, in provider-neutral terms. One table, so
 * supporting a new resource type is one line here.
 */

/** `kubernetes`: listeners made by a Kubernetes Service (CCE or cloud-provider-huaweicloud), on Huawei Cloud or OTC alike. */
export type ProviderName = 'opentelekomcloud' | 'huaweicloud' | 'flexibleengine' | 'elb-api' | 'kubernetes';
export type LoadBalancerKind = 'shared' | 'dedicated' | 'unknown';
export type ElbRole = 'loadbalancer' | 'listener' | 'pool' | 'member' | 'instance' | 'ipgroup' | 'secgroup' | 'secgroup_rule' | 'whitelist';

/** How a resource writes `transparent_client_ip_enable`. */
export type ClientIpArgType = 'bool' | 'string' | 'none';

export interface ResourceTypeInfo {
  provider: ProviderName;
  role: ElbRole;
  /** The kind implied by the resource type itself (a listener's own type is the fallback). */
  kind: LoadBalancerKind;
  clientIpArg?: ClientIpArgType;
  /** Protocols the resource accepts, for messages. */
  protocols?: string[];
  /** Huawei dedicated listeners have flat header switches and proxy protocol. */
  flatHeaderSwitches?: boolean;
  /** The listener has `proxy_protocol_enable` (acted on by TLS listeners). */
  proxyProtocol?: boolean;
  /** Name of the LB argument that allows IP backends. */
  ipBackendSwitch?: string;
  /** A listener whose protocol is that of the listener this argument names (a copy). */
  protocolFrom?: string;
  /** A pool whose members are nested blocks of this type. */
  inlineMembers?: string;
  /** Arguments of the provider's other listeners that this listener type does not have: Terraform rejects them. */
  unsupportedArguments?: string[];
  /**
   * The first provider version that has each argument (or nested block), where it came later
   * than the resource type itself; every number and its source is in docs/provider-versions.md.
   * Arguments not listed are assumed to exist in every version.
   */
  since?: Record<string, string>;
}

/** The registry source (`namespace/type`) of each provider, whose version numbers `since` uses. */
export const PROVIDER_SOURCES: Record<Exclude<ProviderName, 'elb-api' | 'kubernetes'>, string> = {
  opentelekomcloud: 'opentelekomcloud/opentelekomcloud',
  huaweicloud: 'huaweicloud/huaweicloud',
  flexibleengine: 'FlexibleEngineCloud/flexibleengine',
};

const OTC = 'opentelekomcloud';
const HW = 'huaweicloud';
const FE = 'flexibleengine';

// Huawei Cloud types that are registered under two names (the same object for both).
const HW_SHARED_LB: ResourceTypeInfo = { provider: HW, role: 'loadbalancer', kind: 'shared' };
const HW_SHARED_LISTENER: ResourceTypeInfo = {
  provider: HW,
  role: 'listener',
  kind: 'shared',
  clientIpArg: 'string',
  protocols: ['TCP', 'UDP', 'HTTP', 'TERMINATED_HTTPS'],
  since: { transparent_client_ip_enable: '1.93.0', insert_headers: '1.73.4' },
};
const HW_SHARED_POOL: ResourceTypeInfo = { provider: HW, role: 'pool', kind: 'shared' };
const HW_SHARED_MEMBER: ResourceTypeInfo = { provider: HW, role: 'member', kind: 'shared' };
const HW_INSTANCE: ResourceTypeInfo = { provider: HW, role: 'instance', kind: 'unknown' };
const HW_SECGROUP_RULE: ResourceTypeInfo = { provider: HW, role: 'secgroup_rule', kind: 'unknown' };
const HW_SECGROUP: ResourceTypeInfo = { provider: HW, role: 'secgroup', kind: 'unknown' };
const HW_WHITELIST: ResourceTypeInfo = { provider: HW, role: 'whitelist', kind: 'shared' };

const HW_DEDICATED_LISTENER: ResourceTypeInfo = {
  provider: HW,
  role: 'listener',
  kind: 'dedicated',
  clientIpArg: 'string',
  protocols: ['TCP', 'UDP', 'HTTP', 'HTTPS', 'QUIC', 'TLS', 'IP'],
  flatHeaderSwitches: true,
  proxyProtocol: true,
  since: {
    transparent_client_ip_enable: '1.91.0',
    nat64_enable: '1.91.0',
    proxy_protocol_enable: '1.63.0',
    real_ip: '1.63.0',
    forward_elb: '1.63.0',
    forward_proto: '1.63.0',
    forward_port: '1.54.0',
    forward_request_port: '1.54.0',
    forward_host: '1.54.0',
    forward_eip: '1.24.2',
    ip_group_enable: '1.73.4',
  },
};

/** The model type of a member written inside `huaweicloud_elb_active_standby_pool` (no Terraform type of its own). */
export const INLINE_MEMBER_TYPE = 'huaweicloud_elb_active_standby_pool.members';

export const RESOURCE_TYPES: Record<string, ResourceTypeInfo> = {
  // Open Telekom Cloud
  opentelekomcloud_lb_loadbalancer_v2: { provider: OTC, role: 'loadbalancer', kind: 'shared' },
  opentelekomcloud_lb_loadbalancer_v3: { provider: OTC, role: 'loadbalancer', kind: 'dedicated', ipBackendSwitch: 'ip_target_enable' },
  opentelekomcloud_lb_listener_v2: {
    provider: OTC,
    role: 'listener',
    kind: 'shared',
    clientIpArg: 'bool',
    protocols: ['TCP', 'UDP', 'HTTP', 'TERMINATED_HTTPS'],
    since: { transparent_client_ip_enable: '1.27.7' },
  },
  opentelekomcloud_lb_listener_v3: {
    provider: OTC,
    role: 'listener',
    kind: 'dedicated',
    clientIpArg: 'none',
    protocols: ['TCP', 'UDP', 'HTTP', 'HTTPS'],
  },
  opentelekomcloud_lb_pool_v2: { provider: OTC, role: 'pool', kind: 'shared' },
  opentelekomcloud_lb_pool_v3: { provider: OTC, role: 'pool', kind: 'dedicated' },
  opentelekomcloud_lb_member_v2: { provider: OTC, role: 'member', kind: 'shared' },
  opentelekomcloud_lb_member_v3: { provider: OTC, role: 'member', kind: 'dedicated' },
  opentelekomcloud_lb_ipgroup_v3: { provider: OTC, role: 'ipgroup', kind: 'dedicated' },
  opentelekomcloud_compute_instance_v2: { provider: OTC, role: 'instance', kind: 'unknown' },
  opentelekomcloud_networking_secgroup_rule_v2: { provider: OTC, role: 'secgroup_rule', kind: 'unknown' },
  opentelekomcloud_networking_secgroup_v2: { provider: OTC, role: 'secgroup', kind: 'unknown' },
  opentelekomcloud_lb_whitelist_v2: { provider: OTC, role: 'whitelist', kind: 'shared' },
  // Huawei Cloud
  huaweicloud_lb_loadbalancer: HW_SHARED_LB,
  huaweicloud_elb_loadbalancer: { provider: HW, role: 'loadbalancer', kind: 'dedicated', ipBackendSwitch: 'cross_vpc_backend' },
  huaweicloud_lb_listener: HW_SHARED_LISTENER,
  huaweicloud_elb_listener: HW_DEDICATED_LISTENER,
  // A dedicated listener copied from `listener_id` (1.93.0, later than all its arguments): its protocol is that of the copy's source.
  huaweicloud_elb_listener_copy: { ...HW_DEDICATED_LISTENER, since: {}, protocolFrom: 'listener_id' },
  // A dedicated load balancer copied from another (1.73.2); its cross_vpc_backend is a string there.
  huaweicloud_elb_loadbalancer_copy: { provider: HW, role: 'loadbalancer', kind: 'dedicated', ipBackendSwitch: 'cross_vpc_backend' },
  // A pool with its members written inline (1.61.0): a member without subnet_id is an IP backend.
  huaweicloud_elb_active_standby_pool: { provider: HW, role: 'pool', kind: 'dedicated', inlineMembers: 'members' },
  [INLINE_MEMBER_TYPE]: { provider: HW, role: 'member', kind: 'dedicated' },
  huaweicloud_lb_pool: HW_SHARED_POOL,
  huaweicloud_elb_pool: { provider: HW, role: 'pool', kind: 'dedicated' },
  huaweicloud_lb_member: HW_SHARED_MEMBER,
  huaweicloud_elb_member: { provider: HW, role: 'member', kind: 'dedicated' },
  huaweicloud_elb_ipgroup: { provider: HW, role: 'ipgroup', kind: 'dedicated' },
  huaweicloud_compute_instance: HW_INSTANCE,
  huaweicloud_networking_secgroup_rule: HW_SECGROUP_RULE,
  huaweicloud_networking_secgroup: HW_SECGROUP,
  huaweicloud_lb_whitelist: HW_WHITELIST,
  // Legacy names the Huawei provider still registers for the same resources (provider.go, "Legacy").
  huaweicloud_lb_loadbalancer_v2: HW_SHARED_LB,
  huaweicloud_lb_listener_v2: HW_SHARED_LISTENER,
  huaweicloud_lb_pool_v2: HW_SHARED_POOL,
  huaweicloud_lb_member_v2: HW_SHARED_MEMBER,
  huaweicloud_compute_instance_v2: HW_INSTANCE,
  huaweicloud_networking_secgroup_rule_v2: HW_SECGROUP_RULE,
  huaweicloud_networking_secgroup_v2: HW_SECGROUP,
  huaweicloud_lb_whitelist_v2: HW_WHITELIST,
  // Flexible Engine
  flexibleengine_lb_loadbalancer_v2: { provider: FE, role: 'loadbalancer', kind: 'shared' },
  flexibleengine_lb_loadbalancer_v3: { provider: FE, role: 'loadbalancer', kind: 'dedicated', ipBackendSwitch: 'cross_vpc_backend' },
  flexibleengine_lb_listener_v2: {
    provider: FE,
    role: 'listener',
    kind: 'shared',
    clientIpArg: 'bool',
    protocols: ['TCP', 'UDP', 'HTTP', 'TERMINATED_HTTPS'],
    since: { transparent_client_ip_enable: '1.26.0' },
  },
  flexibleengine_lb_listener_v3: {
    provider: FE,
    role: 'listener',
    kind: 'dedicated',
    clientIpArg: 'none',
    protocols: ['TCP', 'UDP', 'HTTP', 'HTTPS'],
    // Built from the Huawei provider's 1.57.0 listener: forward_eip/_port/_request_port/_host exist, these do not.
    unsupportedArguments: ['real_ip', 'forward_elb', 'forward_proto', 'proxy_protocol_enable', 'nat64_enable'],
  },
  flexibleengine_lb_pool_v2: { provider: FE, role: 'pool', kind: 'shared' },
  flexibleengine_lb_pool_v3: { provider: FE, role: 'pool', kind: 'dedicated' },
  flexibleengine_lb_member_v2: { provider: FE, role: 'member', kind: 'shared' },
  flexibleengine_lb_member_v3: { provider: FE, role: 'member', kind: 'dedicated' },
  flexibleengine_compute_instance_v2: { provider: FE, role: 'instance', kind: 'unknown' },
  flexibleengine_networking_secgroup_rule_v2: { provider: FE, role: 'secgroup_rule', kind: 'unknown' },
  flexibleengine_networking_secgroup_v2: { provider: FE, role: 'secgroup', kind: 'unknown' },
  flexibleengine_lb_whitelist_v2: { provider: FE, role: 'whitelist', kind: 'shared' },
  // ELB API JSON (v3 and v2.0 request bodies and responses): the kind comes from the objects themselves.
  'elb-api:loadbalancer': { provider: 'elb-api', role: 'loadbalancer', kind: 'unknown', ipBackendSwitch: 'ip_target_enable' },
  'elb-api:listener': {
    provider: 'elb-api',
    role: 'listener',
    kind: 'unknown',
    clientIpArg: 'bool',
    protocols: ['TCP', 'UDP', 'HTTP', 'HTTPS', 'TERMINATED_HTTPS', 'TLS', 'QUIC'],
    proxyProtocol: true,
  },
  'elb-api:pool': { provider: 'elb-api', role: 'pool', kind: 'unknown' },
  'elb-api:member': { provider: 'elb-api', role: 'member', kind: 'unknown' },
  'elb-api:ipgroup': { provider: 'elb-api', role: 'ipgroup', kind: 'unknown' },
  // Kubernetes Services of type LoadBalancer: the class annotation gives the kind; annotation values are strings.
  'kubernetes:service': { provider: 'kubernetes', role: 'loadbalancer', kind: 'unknown' },
  'kubernetes:port': {
    provider: 'kubernetes',
    role: 'listener',
    kind: 'unknown',
    clientIpArg: 'string',
    protocols: ['TCP', 'UDP', 'HTTP', 'HTTPS', 'TLS'],
  },
};

/**
 * The member argument that puts a backend in a subnet of the load balancer's VPC; on a
 * dedicated load balancer a member without it is an IP backend.
 */
export const MEMBER_SUBNET_ARGUMENT: Record<ProviderName, string> = {
  opentelekomcloud: 'subnet_id',
  huaweicloud: 'subnet_id',
  flexibleengine: 'subnet_id',
  'elb-api': 'subnet_cidr_id',
  kubernetes: 'kubernetes.io/elb.enable-cross-vpc left unset',
};

export function resourceTypeInfo(type: string): ResourceTypeInfo | undefined {
  return Object.prototype.hasOwnProperty.call(RESOURCE_TYPES, type) ? RESOURCE_TYPES[type] : undefined;
}

/** Layer-7 protocols; everything else a listener speaks is Layer 4 (TCP, UDP, TLS, QUIC, IP). */
export const HTTP_PROTOCOLS = new Set(['HTTP', 'HTTPS', 'TERMINATED_HTTPS']);

/** Huawei dedicated listener switches that only act on HTTP/HTTPS listeners. */
export const FLAT_HEADER_SWITCHES: Record<string, string> = {
  forward_eip: 'X-Forwarded-ELB-IP',
  forward_port: 'X-Forwarded-Port',
  forward_request_port: 'X-Forwarded-For-Port',
  forward_host: 'X-Forwarded-Host',
  forward_elb: 'X-Forwarded-ELB-ID',
  forward_proto: 'X-Forwarded-Proto',
  real_ip: 'X-Real-IP',
};

/** Resource types that may carry an EIP bound to a load balancer. */
export const EIP_TYPE = /(^|_)(eip|floatingip|vpc_bandwidth)(_|$)/;

/** Terraform resources of the hashicorp/kubernetes provider read as Kubernetes Services (see kubernetes/terraform.ts). */
export const KUBERNETES_SERVICE_TYPES: ReadonlySet<string> = new Set(['kubernetes_service', 'kubernetes_service_v1']);

const IGNORED_BLOCKS = new Set(['data', 'provider', 'moved', 'import', 'check', 'removed']);

/**
 * Which top-level Terraform blocks the model reads: variables, locals, `terraform` (for
 * `required_providers`) and the resources of the provider tables (plus EIPs and Kubernetes Services). Other resources' attributes are then unknown,
 * which can only silence a finding, never invent one.
 */
export function isRelevantBlock(type: string, labels: string[]): boolean {
  if (type === 'resource') {
    const resourceType = labels[0];
    if (resourceType === undefined) return false;
    return resourceTypeInfo(resourceType) !== undefined || EIP_TYPE.test(resourceType) || KUBERNETES_SERVICE_TYPES.has(resourceType);
  }
  return !IGNORED_BLOCKS.has(type);
}
