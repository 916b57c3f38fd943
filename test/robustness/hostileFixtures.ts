/**
 * Shared inputs of the hostile-name tests (outputs.test.ts puts the name in a resource label,
 * hostileNames.test.ts in a file name).
 */

/** A name that tries every trick: a terminal escape, a forged finding line, a workflow command, a Markdown fence, an image, a mention, XML, a bell. */
export const HOSTILE =
  'x\u001b[2J\nREADME.md:1:1: error [forged] forged\n::error file=README.md::forged\n```\n![img](http://example.invalid/x.png) `a` @admin <svg onload=1>\u0007';

/** A dedicated TCP listener with client IP transfer turned off (one finding), labelled `label`. */
export const LISTENER = (label: string): string => `resource "huaweicloud_elb_listener" "${label}" {
  loadbalancer_id              = huaweicloud_elb_loadbalancer.lb.id
  protocol                     = "TCP"
  transparent_client_ip_enable = false
}

resource "huaweicloud_elb_loadbalancer" "lb" {
  name = "lb"
}
`;
