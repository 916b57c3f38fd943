# A listener module: protocol and load balancer come from the caller.
variable "protocol" {
  default = "HTTP"
}

variable "lb_id" {}

resource "huaweicloud_lb_listener" "this" {
  loadbalancer_id = var.lb_id
  protocol        = var.protocol
  protocol_port   = 514
}
