/**
 * Fixture builder for the Terraform chain most rule tests repeat: load balancer → listener →
 * pool (linked by listener_id) → member, for each provider and load balancer kind. The text
 * is laid out the same way every time so that tests can assert on ranges and on the words
 * at them.
 */

export type Provider = 'huaweicloud' | 'opentelekomcloud' | 'flexibleengine';
export type LoadBalancerKind = 'dedicated' | 'shared';

export interface ChainOptions {
  provider: Provider;
  lbKind: LoadBalancerKind;
  /** Listener protocol; the pool uses the same one. */
  protocol?: string;
  /** HCL value of transparent_client_ip_enable on the listener; left out when undefined. */
  clientIp?: string;
  /** Lines (each ending in a newline) inside the load balancer block. */
  loadBalancer?: string;
  /** HCL value of the member's address. */
  memberAddress?: string;
  /** Lines (each ending in a newline) added at the end of the member block. */
  member?: string;
  /** Blocks written between the pool and the member, e.g. the server the member points at. */
  beforeMember?: string;
}

/** Resource type prefixes ("<prefix>_loadbalancer<suffix>") of each provider and kind. */
export function chainTypes(provider: Provider, lbKind: LoadBalancerKind): { prefix: string; suffix: string } {
  if (provider === 'huaweicloud') return { prefix: lbKind === 'dedicated' ? 'huaweicloud_elb' : 'huaweicloud_lb', suffix: '' };
  return { prefix: `${provider}_lb`, suffix: lbKind === 'dedicated' ? '_v3' : '_v2' };
}

/** Resource address of the chain's load balancer, e.g. `huaweicloud_elb_loadbalancer.lb`. */
export function chainLoadBalancer(provider: Provider, lbKind: LoadBalancerKind): string {
  const { prefix, suffix } = chainTypes(provider, lbKind);
  return `${prefix}_loadbalancer${suffix}.lb`;
}

/** HCL text of a load balancer "lb", listener "l", pool "p" and member "m". */
export function terraformChain(options: ChainOptions): string {
  const {
    provider,
    lbKind,
    protocol = 'TCP',
    clientIp,
    loadBalancer = '',
    memberAddress = '"10.0.0.1"',
    member = '',
    beforeMember = '',
  } = options;
  const { prefix, suffix } = chainTypes(provider, lbKind);
  // The v3 pools of OTC and Flexible Engine name the algorithm lb_algorithm; the others lb_method.
  const pool =
    suffix === '_v3'
      ? `  listener_id  = ${prefix}_listener${suffix}.l.id\n  lb_algorithm = "ROUND_ROBIN"\n  protocol     = "${protocol}"\n`
      : `  listener_id = ${prefix}_listener${suffix}.l.id\n  protocol    = "${protocol}"\n  lb_method   = "ROUND_ROBIN"\n`;
  return `resource "${prefix}_loadbalancer${suffix}" "lb" {
${loadBalancer}}

resource "${prefix}_listener${suffix}" "l" {
  loadbalancer_id = ${prefix}_loadbalancer${suffix}.lb.id
  protocol        = "${protocol}"
  protocol_port   = 80
${clientIp === undefined ? '' : `  transparent_client_ip_enable = ${clientIp}\n`}}

resource "${prefix}_pool${suffix}" "p" {
${pool}}

${beforeMember}resource "${prefix}_member${suffix}" "m" {
  pool_id       = ${prefix}_pool${suffix}.p.id
  address       = ${memberAddress}
  protocol_port = 80
${member}}
`;
}

/** The arguments of a block, in order: name and HCL value. */
export type Arguments = [string, string][];

/**
 * A resource block with single-line arguments, aligned as terraform fmt aligns them (the
 * fixes are checked against such text); `body` lines (each ending in a newline) follow as written.
 */
export function resourceBlock(type: string, name: string, args: Arguments, body = ''): string {
  const width = Math.max(0, ...args.map(([key]) => key.length));
  return `resource "${type}" "${name}" {\n${args.map(([key, value]) => `  ${key.padEnd(width)} = ${value}\n`).join('')}${body}}\n`;
}

export interface ListenerOptions {
  listenerType: string;
  /** Type of the load balancer "lb" written before the listener; left out, the load balancer is not in the module. */
  lbType?: string;
  /** Arguments of that load balancer. */
  lb?: Arguments;
  /** `loadbalancer_id` when the load balancer is not in the module. */
  lbId?: string;
  /** The listener's name. */
  name?: string;
  protocol?: string;
  /** `protocol_port` (80); false leaves it out. */
  port?: string | false;
  /** HCL value of transparent_client_ip_enable; left out when undefined. */
  clientIp?: string;
  /** More listener arguments, after the client IP. */
  args?: Arguments;
}

/** HCL text of a load balancer "lb" (when `lbType` is given) and a listener linked to it by loadbalancer_id. */
export function terraformListener(options: ListenerOptions): string {
  const { listenerType, lbType, lb = [], lbId = 'var.lb_id', name = 'l', protocol = 'TCP', port = '80', clientIp, args = [] } = options;
  const listener: Arguments = [
    ['loadbalancer_id', lbType ? `${lbType}.lb.id` : lbId],
    ['protocol', `"${protocol}"`],
  ];
  if (port !== false) listener.push(['protocol_port', port]);
  if (clientIp !== undefined) listener.push(['transparent_client_ip_enable', clientIp]);
  listener.push(...args);
  return `${lbType ? `${resourceBlock(lbType, 'lb', lb)}\n` : ''}${resourceBlock(listenerType, name, listener)}`;
}

/** A `variable` block; `lines` are its body (`default = false`). */
export function variable(name: string, ...lines: string[]): string {
  return lines.length === 0 ? `variable "${name}" {}\n` : `variable "${name}" {\n${lines.map((l) => `  ${l}\n`).join('')}}\n`;
}

/** A pool "p" with `pool` arguments and its member "m" at `address`, port 80, with more `member` arguments. */
export function poolAndMember(poolType: string, memberType: string, pool: Arguments, address: string, member: Arguments = []): string {
  const memberArgs: Arguments = [['pool_id', `${poolType}.p.id`], ['address', address], ['protocol_port', '80'], ...member];
  return `${resourceBlock(poolType, 'p', pool)}\n${resourceBlock(memberType, 'm', memberArgs)}`;
}
