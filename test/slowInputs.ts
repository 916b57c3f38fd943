/**
 * Inputs that take long to analyse (budget tests): every part is bounded, but there are many
 * of them. `resources` listener/pool pairs with `count = 256` each: 480 take several seconds
 * here, far past the small budgets the tests set (120 took 2 s until the model builder got
 * faster, then 1 s: too close to a budget of 1 s).
 */
export function slowTerraformModule(resources = 480): string {
  const out = ['resource "huaweicloud_elb_loadbalancer" "lb" {\n  name = "lb"\n}\n'];
  for (let i = 0; i < resources; i++) {
    out.push(`resource "huaweicloud_elb_listener" "l${i}" {
  count           = 256
  loadbalancer_id = huaweicloud_elb_loadbalancer.lb.id
  protocol        = "TCP"
  protocol_port   = count.index + ${i}
  name            = "l-\${count.index}-${i}"
}
resource "huaweicloud_elb_pool" "p${i}" {
  count       = 256
  listener_id = huaweicloud_elb_listener.l${i}[count.index].id
  protocol    = "TCP"
  lb_method   = "ROUND_ROBIN"
}
`);
  }
  return out.join('');
}

/** A small module with one known finding (client-ip-always-on): a dedicated TCP listener turning client IP transfer off. */
export const FAST_MODULE = `resource "huaweicloud_elb_loadbalancer" "lb" {
  name = "lb"
}
resource "huaweicloud_elb_listener" "web" {
  loadbalancer_id              = huaweicloud_elb_loadbalancer.lb.id
  protocol                     = "TCP"
  protocol_port                = 80
  transparent_client_ip_enable = false
}
`;
