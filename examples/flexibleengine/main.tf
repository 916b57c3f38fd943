terraform {
  required_providers {
    flexibleengine = {
      source = "FlexibleEngineCloud/flexibleengine"
    }
  }
}

locals {
  # Read by the TERMINATED_HTTPS listener below; the finding follows its value.
  portal_client_ip = "false"
}

# ---------------------------------------------------------------------------
# Dedicated load balancer (v3 resources): client IP transfer is always on.
# ---------------------------------------------------------------------------

resource "flexibleengine_lb_loadbalancer_v3" "dedicated" {
  name              = "catalogue"
  vpc_id            = var.vpc_id
  ipv4_subnet_id    = var.ipv4_subnet_id
  availability_zone = ["eu-west-0a", "eu-west-0b"]
}

# client-ip-unsupported-argument: Flexible Engine v3 listeners have no such argument.
resource "flexibleengine_lb_listener_v3" "web" {
  name                         = "catalogue-http"
  loadbalancer_id              = flexibleengine_lb_loadbalancer_v3.dedicated.id
  protocol                     = "HTTP"
  protocol_port                = 80
  transparent_client_ip_enable = true
}

resource "flexibleengine_lb_pool_v3" "web" {
  name        = "catalogue"
  listener_id = flexibleengine_lb_listener_v3.web.id
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
}

resource "flexibleengine_lb_member_v3" "web_1" {
  pool_id       = flexibleengine_lb_pool_v3.web.id
  address       = "192.168.1.11"
  protocol_port = 8080
  subnet_id     = var.ipv4_subnet_id
}

# ---------------------------------------------------------------------------
# Shared load balancer (v2 resources).
# ---------------------------------------------------------------------------

resource "flexibleengine_lb_loadbalancer_v2" "shared" {
  name          = "edge"
  vip_subnet_id = var.ipv4_subnet_id
}

# client-ip-always-on: a shared TERMINATED_HTTPS listener cannot turn it off
# (the value comes from a local through tobool()).
resource "flexibleengine_lb_listener_v2" "portal" {
  name                         = "edge-portal"
  loadbalancer_id              = flexibleengine_lb_loadbalancer_v2.shared.id
  protocol                     = "TERMINATED_HTTPS"
  protocol_port                = 443
  default_tls_container_ref    = var.certificate_id
  transparent_client_ip_enable = tobool(local.portal_client_ip)
}

# No finding: a shared TCP listener that turns client IP transfer on explicitly.
resource "flexibleengine_lb_listener_v2" "game" {
  name                         = "edge-game"
  loadbalancer_id              = flexibleengine_lb_loadbalancer_v2.shared.id
  protocol                     = "TCP"
  protocol_port                = 7777
  transparent_client_ip_enable = true
}

resource "flexibleengine_lb_pool_v2" "game" {
  name        = "game"
  listener_id = flexibleengine_lb_listener_v2.game.id
  protocol    = "TCP"
  lb_method   = "LEAST_CONNECTIONS"
}

resource "flexibleengine_lb_member_v2" "game_1" {
  pool_id       = flexibleengine_lb_pool_v2.game.id
  address       = flexibleengine_compute_instance_v2.game.access_ip_v4
  protocol_port = 7777
  subnet_id     = var.ipv4_subnet_id
}

resource "flexibleengine_compute_instance_v2" "game" {
  name            = "game-1"
  image_name      = "OBS Ubuntu 22.04"
  flavor_id       = "s6.large.2"
  security_groups = [flexibleengine_networking_secgroup_v2.game.name]
  network {
    uuid        = var.ipv4_subnet_id
    fixed_ip_v4 = "192.168.1.21"
  }
}

resource "flexibleengine_networking_secgroup_v2" "game" {
  name = "game"
}

# client-ip-sg-not-enforced: the listener passes the client IP, so this rule does not restrict its clients
resource "flexibleengine_networking_secgroup_rule_v2" "game_partners" {
  security_group_id = flexibleengine_networking_secgroup_v2.game.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 7777
  port_range_max    = 7777
  remote_ip_prefix  = "203.0.113.0/24"
}
