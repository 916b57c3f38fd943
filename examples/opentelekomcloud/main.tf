terraform {
  required_providers {
    opentelekomcloud = {
      source = "opentelekomcloud/opentelekomcloud"
    }
  }
}

# ---------------------------------------------------------------------------
# Dedicated load balancer (v3 resources): client IP transfer is always on.
# ---------------------------------------------------------------------------

resource "opentelekomcloud_lb_loadbalancer_v3" "dedicated" {
  name               = "apps"
  router_id          = var.vpc_id
  network_ids        = [var.network_id]
  subnet_id          = var.subnet_id
  ip_target_enable   = true
  availability_zones = var.availability_zones
}

# client-ip-unsupported-argument: v3 listeners have no transparent_client_ip_enable.
# client-ip-ineffective-option: insert_headers only means something to HTTP/HTTPS.
resource "opentelekomcloud_lb_listener_v3" "broker" {
  name                         = "broker-tcp"
  loadbalancer_id              = opentelekomcloud_lb_loadbalancer_v3.dedicated.id
  protocol                     = "TCP"
  protocol_port                = 9000
  transparent_client_ip_enable = true

  insert_headers {
    forwarded_host = true
  }
}

resource "opentelekomcloud_lb_pool_v3" "broker" {
  name         = "broker"
  listener_id  = opentelekomcloud_lb_listener_v3.broker.id
  lb_algorithm = "ROUND_ROBIN"
  protocol     = "TCP"
}

# client-ip-ip-backend: a v3 member without subnet_id is added by IP address.
resource "opentelekomcloud_lb_member_v3" "broker_remote" {
  name          = "broker-dc2"
  pool_id       = opentelekomcloud_lb_pool_v3.broker.id
  address       = "10.20.0.15"
  protocol_port = 9000
}

resource "opentelekomcloud_lb_member_v3" "broker_local" {
  name          = "broker-local"
  pool_id       = opentelekomcloud_lb_pool_v3.broker.id
  address       = "192.168.0.15"
  protocol_port = 9000
  subnet_id     = var.subnet_id
}

resource "opentelekomcloud_lb_ipgroup_v3" "operators" {
  name = "operators"

  ip_list {
    ip          = "192.168.10.0/24"
    description = "operations subnet"
  }
}

resource "opentelekomcloud_lb_listener_v3" "admin" {
  name            = "admin-http"
  loadbalancer_id = opentelekomcloud_lb_loadbalancer_v3.dedicated.id
  protocol        = "HTTP"
  protocol_port   = 8080
  default_pool_id = opentelekomcloud_lb_pool_v3.admin.id

  ip_group {
    id     = opentelekomcloud_lb_ipgroup_v3.operators.id
    enable = true
    type   = "white"
  }
}

resource "opentelekomcloud_lb_pool_v3" "admin" {
  name            = "admin"
  loadbalancer_id = opentelekomcloud_lb_loadbalancer_v3.dedicated.id
  lb_algorithm    = "ROUND_ROBIN"
  protocol        = "HTTP"
}

# client-ip-same-server: this backend's address is inside the listener's white list,
# so it is also one of the listener's clients.
resource "opentelekomcloud_lb_member_v3" "admin_console" {
  name          = "admin-console"
  pool_id       = opentelekomcloud_lb_pool_v3.admin.id
  address       = "192.168.10.21"
  protocol_port = 8080
  subnet_id     = var.subnet_id
}

# ---------------------------------------------------------------------------
# Shared load balancer (v2 resources). More v2 listeners: listeners.tf.json.
# ---------------------------------------------------------------------------

resource "opentelekomcloud_lb_loadbalancer_v2" "shared" {
  name          = "edge"
  vip_subnet_id = var.subnet_id
}

# client-ip-always-on: HTTP listeners of shared load balancers always pass the client IP.
resource "opentelekomcloud_lb_listener_v2" "http" {
  name                         = "edge-http"
  loadbalancer_id              = opentelekomcloud_lb_loadbalancer_v2.shared.id
  protocol                     = "HTTP"
  protocol_port                = 80
  transparent_client_ip_enable = false
}

# client-ip-shared-l4-off: a shared UDP listener without the argument leaves it off.
resource "opentelekomcloud_lb_listener_v2" "syslog" {
  name            = "edge-syslog"
  loadbalancer_id = opentelekomcloud_lb_loadbalancer_v2.shared.id
  protocol        = "UDP"
  protocol_port   = 514
}

resource "opentelekomcloud_lb_pool_v2" "syslog" {
  name        = "syslog"
  listener_id = opentelekomcloud_lb_listener_v2.syslog.id
  protocol    = "UDP"
  lb_method   = "SOURCE_IP"
}

resource "opentelekomcloud_lb_member_v2" "collector" {
  pool_id       = opentelekomcloud_lb_pool_v2.syslog.id
  address       = "192.168.0.40"
  protocol_port = 514
  subnet_id     = var.subnet_id
}
