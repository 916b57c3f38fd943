terraform {
  required_providers {
    huaweicloud = {
      source = "huaweicloud/huaweicloud"
      # transparent_client_ip_enable and nat64_enable on huaweicloud_elb_listener
      # need 1.91.0 or later.
      version = ">= 1.91.0"
    }
  }
}

# ---------------------------------------------------------------------------
# Dedicated load balancer (huaweicloud_elb_*): client IP transfer is always on.
# ---------------------------------------------------------------------------

resource "huaweicloud_elb_loadbalancer" "dedicated" {
  name              = "shop-dedicated"
  vpc_id            = var.vpc_id
  ipv4_subnet_id    = var.ipv4_subnet_id
  cross_vpc_backend = true
  availability_zone = var.availability_zones
}

# client-ip-always-on: a dedicated load balancer cannot stop passing the client IP.
# The value is "false" because terraform.tfvars sets keep_client_ip_off = true.
resource "huaweicloud_elb_listener" "orders" {
  name                         = "orders-tcp"
  loadbalancer_id              = huaweicloud_elb_loadbalancer.dedicated.id
  protocol                     = "TCP"
  protocol_port                = 5000
  default_pool_id              = huaweicloud_elb_pool.orders.id
  transparent_client_ip_enable = var.keep_client_ip_off ? "false" : "true"
}

resource "huaweicloud_elb_pool" "orders" {
  name            = "orders"
  loadbalancer_id = huaweicloud_elb_loadbalancer.dedicated.id
  protocol        = "TCP"
  lb_method       = "ROUND_ROBIN"
}

# client-ip-ip-backend: no subnet_id, so this on-premises server is an IP backend
# behind a TCP listener (the quick fix offers subnet_id = var.ipv4_subnet_id).
resource "huaweicloud_elb_member" "orders_onprem" {
  pool_id       = huaweicloud_elb_pool.orders.id
  address       = "172.16.10.20"
  protocol_port = 5000
}

# The worker's start-up script calls the load balancer it is itself a backend of.
resource "huaweicloud_compute_instance" "worker" {
  name               = "orders-worker"
  image_id           = var.image_id
  flavor_id          = "s6.small.1"
  availability_zone  = var.availability_zones[0]
  security_group_ids = [var.security_group_id]
  user_data          = "#!/bin/sh\necho ORDERS_API=${huaweicloud_elb_loadbalancer.dedicated.ipv4_address}:5000 >> /etc/environment\n"

  network {
    uuid = var.subnet_id
  }
}

# client-ip-same-server: the worker is a backend and, through user_data, a client.
resource "huaweicloud_elb_member" "orders_worker" {
  pool_id       = huaweicloud_elb_pool.orders.id
  address       = huaweicloud_compute_instance.worker.access_ip_v4
  protocol_port = 5000
  subnet_id     = var.ipv4_subnet_id
}

resource "huaweicloud_elb_listener" "web" {
  name            = "web-http"
  loadbalancer_id = huaweicloud_elb_loadbalancer.dedicated.id
  protocol        = "HTTP"
  protocol_port   = 80
}

resource "huaweicloud_elb_pool" "web" {
  name        = "web"
  listener_id = huaweicloud_elb_listener.web.id
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
}

# client-ip-ip-backend: a partner server in a peered VPC behind an HTTP listener
# (the quick fix adds real_ip = true to the listener: X-Real-IP).
resource "huaweicloud_elb_member" "web_partner" {
  pool_id       = huaweicloud_elb_pool.web.id
  address       = "192.168.50.7"
  protocol_port = 8080
}

resource "huaweicloud_elb_listener" "mail" {
  name               = "mail-tls"
  loadbalancer_id    = huaweicloud_elb_loadbalancer.dedicated.id
  protocol           = "TLS"
  protocol_port      = 465
  server_certificate = var.certificate_id
  default_pool_id    = huaweicloud_elb_pool.mail.id
}

# client-ip-ip-backend: a pool of type "ip" only holds IP backends; the finding
# sits on type (the quick fix adds proxy_protocol_enable = true to the listener).
resource "huaweicloud_elb_pool" "mail" {
  name            = "mail"
  loadbalancer_id = huaweicloud_elb_loadbalancer.dedicated.id
  protocol        = "TCP"
  lb_method       = "LEAST_CONNECTIONS"
  type            = "ip"
}

resource "huaweicloud_elb_member" "mail_relay" {
  pool_id       = huaweicloud_elb_pool.mail.id
  address       = "172.16.20.5"
  protocol_port = 25
}

# client-ip-nat64-conflict: NAT64 and client IP transfer cannot both be on.
resource "huaweicloud_elb_listener" "dns" {
  name                         = "dns-udp"
  loadbalancer_id              = huaweicloud_elb_loadbalancer.dedicated.id
  protocol                     = "UDP"
  protocol_port                = 53
  nat64_enable                 = "true"
  transparent_client_ip_enable = "true"
}

# client-ip-ineffective-option: forward_eip adds an HTTP header; a TCP listener ignores it.
resource "huaweicloud_elb_listener" "postgres" {
  name            = "postgres-tcp"
  loadbalancer_id = huaweicloud_elb_loadbalancer.dedicated.id
  protocol        = "TCP"
  protocol_port   = 5432
  forward_eip     = true
}

# ---------------------------------------------------------------------------
# Shared load balancer (huaweicloud_lb_*): TCP/UDP listeners can switch it.
# ---------------------------------------------------------------------------

resource "huaweicloud_lb_loadbalancer" "shared" {
  name          = "shop-shared"
  vip_subnet_id = var.ipv4_subnet_id
}

# client-ip-shared-l4-off: without the argument a shared TCP listener leaves it off.
resource "huaweicloud_lb_listener" "ssh" {
  name            = "bastion-ssh"
  loadbalancer_id = huaweicloud_lb_loadbalancer.shared.id
  protocol        = "TCP"
  protocol_port   = 22
}

resource "huaweicloud_lb_pool" "ssh" {
  name        = "bastion"
  listener_id = huaweicloud_lb_listener.ssh.id
  protocol    = "TCP"
  lb_method   = "SOURCE_IP"
}

resource "huaweicloud_lb_member" "bastion" {
  pool_id       = huaweicloud_lb_pool.ssh.id
  address       = "192.168.0.30"
  protocol_port = 22
  subnet_id     = var.ipv4_subnet_id
}
