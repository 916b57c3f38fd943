// Texts the walkthrough's buttons open (package.json contributes.walkthroughs).

/**
 * A small Huawei Cloud module with two findings: client IP transfer switched off on a
 * dedicated load balancer's listener (error, with a quick fix) and an IP-address backend
 * that never receives the client address (warning).
 */
export const EXAMPLE_TERRAFORM = `# An example from the ELB Lens walkthrough: hover the squiggles, then press Ctrl+. on them.
resource "huaweicloud_elb_loadbalancer" "web" {
  name = "web"
}

resource "huaweicloud_elb_listener" "http" {
  loadbalancer_id              = huaweicloud_elb_loadbalancer.web.id
  protocol                     = "HTTP"
  protocol_port                = 80
  transparent_client_ip_enable = false
  default_pool_id              = huaweicloud_elb_pool.web.id
}

resource "huaweicloud_elb_pool" "web" {
  protocol  = "HTTP"
  lb_method = "ROUND_ROBIN"
}

resource "huaweicloud_elb_member" "on_premises" {
  pool_id       = huaweicloud_elb_pool.web.id
  address       = "172.16.0.10"
  protocol_port = 80
}
`;

/** A starter `.elb-lens.json`: every key with its default (the schema describes them on hover). */
export const STARTER_CONFIG = `${JSON.stringify(
  {
    rules: {},
    exclude: [],
    varFiles: [],
    variables: {},
    json: { files: ['**/*.elb.json', '**/*.elb.jsonc'] },
    allowInlineIgnores: true,
  },
  null,
  2,
)}
`;
