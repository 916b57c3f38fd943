import type { Range, RelatedLocation } from '../core/types';
import type { ConfigAttribute, ConfigBlock, ConfigFile } from '../parse/config';
import type { Value } from './value';
import type { ClientIpArgType, LoadBalancerKind, ProviderName, ResourceTypeInfo } from './providers';
import type { ProviderVersionFact } from './versions';

/**
 * The provider-neutral ELB model. Terraform modules and ELB API JSON files both map
 * into it; rules and hover read only this.
 */

export interface ModelNode {
  /** `huaweicloud_elb_listener.web`, or a JSON pointer-like name for API JSON. */
  address: string;
  /** Resource type, or `listener`/`pool`/… for API JSON. */
  type: string;
  info: ResourceTypeInfo;
  file: ConfigFile;
  block: ConfigBlock;
  /** Set when the node is one instance of a module call or of `count`/`for_each` (Terraform). */
  context?: NodeContext;
}

/** Where a node's values came from, when they came from outside its block. */
export interface NodeContext {
  /** The module instance (`module.web`, `module.web["a"]`), '' at the root. */
  moduleAddress: string;
  /** The callers' arguments behind the values of the attributes at `range` (and the protocol and client-IP arguments). */
  callerSources(range: Range): RelatedLocation[];
  /** For code downloaded by `terraform init`: the `module` block in the user's own files that calls it. */
  shownAt?: { file: string; range: Range };
}

export interface LoadBalancer extends ModelNode {
  kind: LoadBalancerKind;
  /** Whether IP backends are enabled (`ip_target_enable`, `cross_vpc_backend`). */
  ipBackendsEnabled: Value | undefined;
  /** True for a gateway load balancer (`loadbalancer_type = "gateway"`): its IP listeners are out of scope, its members always name a subnet. */
  gateway?: boolean;
  /** The attribute naming the LB's IPv4 subnet, for a quick fix that copies it. */
  subnetAttribute: ConfigAttribute | undefined;
  /** Blocks (outside `block`'s own attributes) whose attributes set it up: a Kubernetes Service's annotations and spec. */
  settingBlocks?: ConfigBlock[];
}

export type ClientIpReason = 'explicit' | 'default' | 'always-on' | 'unknown';

export interface ClientIpState {
  /** Effective state after evaluation. */
  state: 'on' | 'off' | 'unknown';
  reason: ClientIpReason;
  /** One sentence saying why, for hover and messages. */
  explanation: string;
  /** The `transparent_client_ip_enable` attribute, when written. */
  attribute: ConfigAttribute | undefined;
  /** Its evaluated value (true/false/unknown) when written; undefined when not written or null (unset). */
  written: boolean | 'unknown' | undefined;
  /** Why the written value is unknown (`var.x has no default …`), for hover text. */
  writtenUnknownReason?: string;
  /** False where the platform keeps the feature on whatever is written. */
  canBeDisabled: boolean | undefined;
  /** Where the switch is written, when it is not `transparent_client_ip_enable` in the listener's own block (a Service annotation). */
  setting?: SettingPlace;
}

/** A setting written outside the listener's own block: its name, and the block it goes in when added. */
export interface SettingPlace {
  name: string;
  block: ConfigBlock;
}

/**
 * A proxy between the load balancer's backends and the workload, which may replace the
 * source address the load balancer delivers: kube-proxy on Kubernetes nodes, decided by the
 * Service's `externalTrafficPolicy`.
 */
export interface BackendHop {
  /** Whether the workload still sees the source address the backends receive; undefined when it depends on what the files do not say. */
  keepsSource: boolean | undefined;
  /** One sentence saying why, for hover and messages. */
  explanation: string;
  /** The setting that decides it, when written. */
  attribute: ConfigAttribute | undefined;
  /** Where it is written or goes, and the value that keeps the source address. */
  setting: SettingPlace & { keepValue: string };
  /** Where a finding about the hop sits when the setting is not written. */
  anchor: Range;
  /** What the value that keeps the source address costs, for messages and hover. */
  caveat: string;
}

/** A setting the platform does not read: a misspelled name, or a value it does not accept. */
export interface UnrecognizedSetting {
  node: ModelNode;
  attribute: ConfigAttribute;
  /** Whether the name or the value is the problem. */
  part: 'name' | 'value';
  /** The problem, in one short sentence (the start of the finding's message). */
  problem: string;
  /** Why it is not read, in one sentence (without its full stop). */
  reason: string;
  /** What was probably meant. */
  suggestion?: string;
  /** True when the suggested name is written too, so renaming would write it twice. */
  suggestionWritten?: boolean;
  /** The block the attribute is in, when it is not the node's own (a Service's annotations). */
  block?: ConfigBlock;
  /** Written in the wrong place (a Service's labels): the block it belongs in, if there is one yet. */
  belongsIn?: { name: string; block: ConfigBlock | undefined };
}

export interface Listener extends ModelNode {
  provider: ProviderName;
  /** Upper-case protocol, or undefined when unknown. */
  protocol: string | undefined;
  loadBalancer: LoadBalancer | undefined;
  kind: LoadBalancerKind;
  /** Why we think it is shared/dedicated/unknown. */
  kindExplanation: string;
  argType: ClientIpArgType;
  clientIp: ClientIpState;
  pools: Pool[];
  /** White-list IP groups that control which clients may connect. */
  whitelistGroups: IpGroup[];
  /** Client-IP related switches written on the listener (header switches, proxy protocol, NAT64). */
  options: ReadonlyMap<string, ListenerOption>;
  /** An `insert_headers` block or object, when written. */
  insertHeaders: ConfigBlock | undefined;
  /**
   * True when the keys of `insert_headers` are the HTTP header names, each switched on by
   * its own value (`"X-Real-IP": true`, as in the ELB API): each key is an option of its
   * own, and on dedicated load balancers `X-Real-IP` is one of them. False when they are
   * provider arguments (`forward_elb_ip = true`), and the block is taken as one option.
   */
  insertHeaderNames: boolean;
  /**
   * Which versions of its provider may be in use (Terraform); absent where provider versions
   * do not apply (ELB API JSON). Ask `argumentSupport` (model/versions.ts) what it means for an argument.
   */
  providerVersion?: ProviderVersionFact;
  /** What stands between the backends and the workload (Kubernetes Services), when something does. */
  hop?: BackendHop;
  /**
   * Whether the listener restricts clients with an enabled white list (IP address group,
   * whitelist resource, `kubernetes.io/elb.acl-*`): 'none' only when that is certain,
   * undefined when it cannot be told.
   */
  accessControl?: 'white-list' | 'none';
}

export interface ListenerOption {
  attribute: ConfigAttribute;
  value: Value;
}

export interface Pool extends ModelNode {
  /** `ip`, `instance`, '' (any) or undefined when unknown/unset. */
  poolType: string | undefined;
  protocol: string | undefined;
  listeners: Listener[];
  members: Member[];
  loadBalancer: LoadBalancer | undefined;
  /**
   * True when no definition of the pool was read, only its id: members and a listener
   * name it (ELB API JSON exports without the pool object). Its type and protocol are then
   * unknown, and its block is where the id is written.
   */
  idOnly?: boolean;
}

export interface Member extends ModelNode {
  /** The backend's IP address when it is known statically. */
  ipAddress: string | undefined;
  addressAttribute: ConfigAttribute | undefined;
  /** true: IP backend; false: instance backend; undefined: cannot tell. */
  isIpBackend: boolean | undefined;
  ipBackendExplanation: string;
  pool: Pool | undefined;
  instance: Instance | undefined;
  /** The backend port (`protocol_port`), when known. */
  port?: number;
}

export interface Instance extends ModelNode {
  /** Attributes and blocks where the instance refers to a load balancer address. */
  lbAddressUses: { loadBalancer: LoadBalancer; attribute: ConfigAttribute; what: string }[];
  /** Its security groups, when every one is a resource of the module with all its rules known there; undefined otherwise. */
  securityGroups?: SecurityGroup[];
}

/** A security group of the module, with the rule resources that name it. */
export interface SecurityGroup extends ModelNode {
  rules: SecurityGroupRule[];
}

/** One `*_networking_secgroup_rule[_v2]`, its values as far as they are known. */
export interface SecurityGroupRule extends ModelNode {
  /** `ingress`/`egress`; undefined when unknown. */
  direction: string | undefined;
  /** Lower-case protocol; 'any' when not written; undefined when unknown. */
  protocol: string | undefined;
  /** Port ranges; 'all' when none is written; undefined when unknown. */
  ports: { min: number; max: number }[] | 'all' | undefined;
  /** The source CIDR; null when not written; undefined when unknown. */
  remoteIpPrefix: string | null | undefined;
  /** The rule names a group or address group as its source (`remote_group_id`, `remote_address_group_id`). */
  remoteGroup: boolean;
  /** `allow`/`deny` (Huawei); 'allow' when not written; undefined when unknown. */
  action: string | undefined;
  /** The attribute to point at: `remote_ip_prefix`, else the block label. */
  anchor: Range;
}

export interface IpGroup extends ModelNode {
  /** Known CIDRs or addresses of the group. */
  cidrs: string[];
}

export interface ElbModel {
  loadBalancers: LoadBalancer[];
  listeners: Listener[];
  pools: Pool[];
  members: Member[];
  instances: Instance[];
  ipGroups: IpGroup[];
  /** Settings the platform does not read (front ends that know the names, e.g. Kubernetes annotations). */
  unrecognized?: UnrecognizedSetting[];
  /** Finds the model node whose block is `block`. */
  nodeForBlock(block: ConfigBlock): ModelNode | undefined;
  /**
   * Where a place in a node's file was written, when the file is rendered text (a kustomize
   * overlay's or a Helm chart's Services): the patch, values.yaml or template line.
   */
  locate?(file: string, range: Range): { file: string; range: Range } | undefined;
}
