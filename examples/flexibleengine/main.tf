variable "subnet_id" {
  type = string
}

locals {
  # Read by the listeners below; change it and the findings follow.
  transfer_client_ip = "false"
}

resource "flexibleengine_lb_loadbalancer_v3" "dedicated" {
  name              = "dedicated"
  ipv4_subnet_id    = var.subnet_id
  availability_zone = ["eu-west-0a"]
}

# client-ip-unsupported-argument: Flexible Engine v3 listeners have no such argument.
resource "flexibleengine_lb_listener_v3" "web" {
  loadbalancer_id              = flexibleengine_lb_loadbalancer_v3.dedicated.id
  protocol                     = "HTTP"
  protocol_port                = 80
  transparent_client_ip_enable = true
}

resource "flexibleengine_lb_loadbalancer_v2" "shared" {
  name          = "shared"
  vip_subnet_id = var.subnet_id
}

# client-ip-always-on: a TERMINATED_HTTPS listener cannot turn it off (value via a local).
resource "flexibleengine_lb_listener_v2" "https" {
  loadbalancer_id              = flexibleengine_lb_loadbalancer_v2.shared.id
  protocol                     = "TERMINATED_HTTPS"
  protocol_port                = 443
  transparent_client_ip_enable = tobool(local.transfer_client_ip)
}

# Clean: a shared TCP listener that turns client IP transfer on.
resource "flexibleengine_lb_listener_v2" "tcp" {
  loadbalancer_id              = flexibleengine_lb_loadbalancer_v2.shared.id
  protocol                     = "TCP"
  protocol_port                = 8080
  transparent_client_ip_enable = true
}
