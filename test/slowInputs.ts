/**
 * Inputs that take long to analyse (budget tests), each part bounded.
 *
 * `slowTerraformModule`: time, little memory. A local of 65,536 strings (doubled by `concat`
 * twelve times, memoised) and `resources` listeners with `count = 256`, each of whose
 * `protocol` concatenates that list again: about 0.55 s per 10 resources here, in 150 MB.
 */
export function slowTerraformModule(resources = 60): string {
  const out = ['locals {\n  l0 = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p"]\n'];
  for (let i = 1; i <= 12; i++) out.push(`  l${i} = concat(local.l${i - 1}, local.l${i - 1})\n`);
  out.push('}\nresource "huaweicloud_elb_loadbalancer" "lb" {\n  name = "lb"\n}\n');
  for (let i = 0; i < resources; i++) {
    out.push(`resource "huaweicloud_elb_listener" "l${i}" {
  count           = 256
  loadbalancer_id = huaweicloud_elb_loadbalancer.lb.id
  protocol        = length(concat(local.l12, [count.index])) > 0 ? "TCP" : "UDP"
  protocol_port   = ${i}
}
`);
  }
  return out.join('');
}

/**
 * Memory more than time: `resources` listener/pool pairs with `count = 256` each (480 of
 * them: far over 96 MB of heap within a second), for an analysis thread with a small heap.
 */
export function manyInstancesModule(resources = 480): string {
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
