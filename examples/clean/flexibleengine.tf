resource "flexibleengine_lb_loadbalancer_v3" "catalogue" {
  name              = "catalogue"
  vpc_id            = var.vpc_id
  ipv4_subnet_id    = var.ipv4_subnet_id
  availability_zone = ["eu-west-0a"]
}

# v3 listener without transparent_client_ip_enable: always on, nothing to write.
resource "flexibleengine_lb_listener_v3" "tcp" {
  name            = "catalogue-tcp"
  loadbalancer_id = flexibleengine_lb_loadbalancer_v3.catalogue.id
  protocol        = "TCP"
  protocol_port   = 443
}

resource "flexibleengine_lb_pool_v3" "tcp" {
  name        = "catalogue"
  listener_id = flexibleengine_lb_listener_v3.tcp.id
  protocol    = "TCP"
  lb_method   = "ROUND_ROBIN"
}

resource "flexibleengine_lb_member_v3" "tcp_1" {
  pool_id       = flexibleengine_lb_pool_v3.tcp.id
  address       = "192.168.0.60"
  protocol_port = 443
  subnet_id     = var.ipv4_subnet_id
}

resource "flexibleengine_lb_loadbalancer_v2" "edge" {
  name          = "edge"
  vip_subnet_id = var.ipv4_subnet_id
}

# Shared TCP listener with client IP transfer switched on (a bool on Flexible Engine).
resource "flexibleengine_lb_listener_v2" "tcp" {
  name                         = "edge-tcp"
  loadbalancer_id              = flexibleengine_lb_loadbalancer_v2.edge.id
  protocol                     = "TCP"
  protocol_port                = 8080
  transparent_client_ip_enable = true
}

resource "flexibleengine_lb_pool_v2" "tcp" {
  name        = "edge"
  listener_id = flexibleengine_lb_listener_v2.tcp.id
  protocol    = "TCP"
  lb_method   = "ROUND_ROBIN"
}

resource "flexibleengine_lb_member_v2" "tcp_1" {
  pool_id       = flexibleengine_lb_pool_v2.tcp.id
  address       = "192.168.0.61"
  protocol_port = 8080
  subnet_id     = var.ipv4_subnet_id
}
