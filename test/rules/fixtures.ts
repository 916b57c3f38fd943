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
