variable "subnet_id" {
  type = string
}

variable "network_id" {
  type = string
}

variable "router_id" {
  type = string
}

resource "opentelekomcloud_lb_loadbalancer_v3" "dedicated" {
  name               = "apps"
  router_id          = var.router_id
  network_ids        = [var.network_id]
  subnet_id          = var.subnet_id
  ip_target_enable   = true
  availability_zones = ["eu-de-01"]
}

# client-ip-unsupported-argument: v3 listeners have no transparent_client_ip_enable.
# client-ip-ineffective-option: insert_headers only applies to HTTP/HTTPS.
resource "opentelekomcloud_lb_listener_v3" "tcp" {
  loadbalancer_id              = opentelekomcloud_lb_loadbalancer_v3.dedicated.id
  protocol                     = "TCP"
  protocol_port                = 9000
  transparent_client_ip_enable = true

  insert_headers {
    forwarded_host = true
  }
}

resource "opentelekomcloud_lb_pool_v3" "tcp" {
  name         = "tcp"
  listener_id  = opentelekomcloud_lb_listener_v3.tcp.id
  lb_algorithm = "ROUND_ROBIN"
  protocol     = "TCP"
}

# client-ip-ip-backend: a v3 member without subnet_id is an IP backend.
resource "opentelekomcloud_lb_member_v3" "remote" {
  pool_id       = opentelekomcloud_lb_pool_v3.tcp.id
  address       = "10.20.0.15"
  protocol_port = 9000
}

resource "opentelekomcloud_lb_loadbalancer_v2" "shared" {
  name          = "shared"
  vip_subnet_id = var.subnet_id
}

# client-ip-always-on: HTTP listeners of shared load balancers always transfer the client IP.
resource "opentelekomcloud_lb_listener_v2" "http" {
  loadbalancer_id              = opentelekomcloud_lb_loadbalancer_v2.shared.id
  protocol                     = "HTTP"
  protocol_port                = 80
  transparent_client_ip_enable = false
}
