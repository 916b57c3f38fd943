import { XFF_MODE } from '../model/xffMode';

/**
 * The ELB API JSON fields ELB Lens reads, in one place: the model mapping reads only
 * these, the content sniff looks for some of them, and a test checks that
 * `schemas/elb-api.schema.json` documents exactly these, so they cannot drift apart.
 */

export type ElbJsonRole = 'listener' | 'pool' | 'member' | 'loadbalancer' | 'ipgroup';

export const ELB_JSON_ROLES: readonly ElbJsonRole[] = ['listener', 'pool', 'member', 'loadbalancer', 'ipgroup'];

/** Top-level keys: request bodies wrap one object, list responses a list of them. */
const WRAPPERS: Record<string, { role: ElbJsonRole; plural: boolean }> = {
  listener: { role: 'listener', plural: false },
  listeners: { role: 'listener', plural: true },
  pool: { role: 'pool', plural: false },
  pools: { role: 'pool', plural: true },
  member: { role: 'member', plural: false },
  members: { role: 'member', plural: true },
  loadbalancer: { role: 'loadbalancer', plural: false },
  loadbalancers: { role: 'loadbalancer', plural: true },
  ipgroup: { role: 'ipgroup', plural: false },
  ipgroups: { role: 'ipgroup', plural: true },
};

export const WRAPPER_KEYS: Readonly<Record<string, { role: ElbJsonRole; plural: boolean } | undefined>> = WRAPPERS;

export function wrapperFor(key: string): { role: ElbJsonRole; plural: boolean } | undefined {
  return Object.prototype.hasOwnProperty.call(WRAPPERS, key) ? WRAPPERS[key] : undefined;
}

/** Fields of each API object that the model mapping reads. */
export const ELB_JSON_FIELDS: Readonly<Record<ElbJsonRole, readonly string[]>> = {
  listener: [
    'id',
    'name',
    'protocol',
    'protocol_port',
    'loadbalancer_id',
    'loadbalancers',
    'default_pool_id',
    'transparent_client_ip_enable',
    'proxy_protocol_enable',
    'nat64_enable',
    'insert_headers',
    'ipgroup',
  ],
  pool: ['id', 'name', 'protocol', 'lb_algorithm', 'type', 'listener_id', 'listeners', 'loadbalancer_id', 'loadbalancers', 'members'],
  member: ['id', 'name', 'address', 'protocol_port', 'pool_id', 'loadbalancer_id', 'subnet_cidr_id', 'subnet_id', 'member_type'],
  loadbalancer: [
    'id',
    'name',
    'vip_address',
    'vip_subnet_cidr_id',
    'vip_subnet_id',
    'ip_target_enable',
    'guaranteed',
    'l4_flavor_id',
    'l7_flavor_id',
    'listeners',
    'pools',
  ],
  ipgroup: ['id', 'name', 'ip_list'],
};

/** Fields of a listener's `ipgroup` object (access control). */
export const LISTENER_IPGROUP_FIELDS: readonly string[] = ['ipgroup_id', 'enable_ipgroup', 'type'];

/** Header switches of a listener's `insert_headers` object; `X-Forwarded-TLS-*` headers come on top. */
export const INSERT_HEADER_NAMES: readonly string[] = [
  'X-Forwarded-ELB-IP',
  'X-Forwarded-Port',
  'X-Forwarded-For-Port',
  'X-Forwarded-Host',
  'X-Forwarded-Proto',
  'X-Real-IP',
  'X-Forwarded-ELB-ID',
];
export const INSERT_HEADER_PREFIX = 'X-Forwarded-TLS-';

/** Keys of `insert_headers` whose value is a choice rather than a switch (read by client-ip-xff-removed). */
export const INSERT_HEADER_CHOICES: readonly string[] = [XFF_MODE];

export function isInsertHeaderName(name: string): boolean {
  return INSERT_HEADER_NAMES.includes(name) || (name.startsWith(INSERT_HEADER_PREFIX) && name.length > INSERT_HEADER_PREFIX.length);
}

/** Top-level keys besides the wrappers: the pool of `member`/`members` in the request-path shape of scripts. */
export const TOP_LEVEL_FIELDS: readonly string[] = ['pool_id'];

/** Fields that mark an object as ELB JSON in the content sniff (`id`/`name` alone do not). */
export const SNIFF_FIELDS: Readonly<Record<ElbJsonRole, readonly string[]>> = {
  listener: [
    'protocol',
    'protocol_port',
    'loadbalancer_id',
    'default_pool_id',
    'transparent_client_ip_enable',
    'insert_headers',
    'proxy_protocol_enable',
  ],
  pool: ['lb_algorithm', 'protocol'],
  member: ['address', 'protocol_port', 'subnet_cidr_id', 'member_type'],
  loadbalancer: ['vip_address', 'vip_subnet_cidr_id', 'vip_subnet_id', 'guaranteed', 'l4_flavor_id', 'l7_flavor_id', 'ip_target_enable'],
  ipgroup: ['ip_list'],
};
