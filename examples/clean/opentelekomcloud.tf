resource "opentelekomcloud_lb_loadbalancer_v3" "apps" {
  name               = "apps"
  router_id          = var.vpc_id
  network_ids        = [var.network_id]
  subnet_id          = var.ipv4_subnet_id
  availability_zones = ["eu-de-01"]
}

# v3 listeners always pass the client IP and have no argument for it.
# insert_headers belongs to HTTP/HTTPS listeners.
resource "opentelekomcloud_lb_listener_v3" "http" {
  name            = "apps-http"
  loadbalancer_id = opentelekomcloud_lb_loadbalancer_v3.apps.id
  protocol        = "HTTP"
  protocol_port   = 80

  insert_headers {
    forwarded_for_port = true
    forwarded_host     = true
  }
}

resource "opentelekomcloud_lb_pool_v3" "http" {
  name         = "apps"
  listener_id  = opentelekomcloud_lb_listener_v3.http.id
  lb_algorithm = "ROUND_ROBIN"
  protocol     = "HTTP"
}

resource "opentelekomcloud_lb_member_v3" "http_1" {
  pool_id       = opentelekomcloud_lb_pool_v3.http.id
  address       = "192.168.0.50"
  protocol_port = 8080
  subnet_id     = var.ipv4_subnet_id
}

resource "opentelekomcloud_lb_loadbalancer_v2" "edge" {
  name          = "edge"
  vip_subnet_id = var.ipv4_subnet_id
}

# Shared UDP listener with client IP transfer switched on (a bool on OTC).
resource "opentelekomcloud_lb_listener_v2" "dns" {
  name                         = "edge-dns"
  loadbalancer_id              = opentelekomcloud_lb_loadbalancer_v2.edge.id
  protocol                     = "UDP"
  protocol_port                = 53
  transparent_client_ip_enable = true
}

resource "opentelekomcloud_lb_pool_v2" "dns" {
  name        = "dns"
  listener_id = opentelekomcloud_lb_listener_v2.dns.id
  protocol    = "UDP"
  lb_method   = "ROUND_ROBIN"
}

resource "opentelekomcloud_lb_member_v2" "dns_1" {
  pool_id       = opentelekomcloud_lb_pool_v2.dns.id
  address       = "192.168.0.53"
  protocol_port = 53
  subnet_id     = var.ipv4_subnet_id
}
