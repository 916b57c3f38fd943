resource "huaweicloud_elb_loadbalancer" "web" {
  name              = "web"
  vpc_id            = var.vpc_id
  ipv4_subnet_id    = var.ipv4_subnet_id
  availability_zone = ["ap-southeast-1a"]
}

resource "huaweicloud_elb_ipgroup" "office" {
  name = "office"

  ip_list {
    ip          = "10.8.0.0/16"
    description = "office VPN"
  }
}

# Dedicated HTTP listener: client IP transfer is always on, so the argument is left out.
# Header switches are meaningful on HTTP; the white list does not cover the backends.
resource "huaweicloud_elb_listener" "http" {
  name            = "web-http"
  loadbalancer_id = huaweicloud_elb_loadbalancer.web.id
  protocol        = "HTTP"
  protocol_port   = 80
  forward_eip     = true
  real_ip         = true
  access_policy   = "white"
  ip_group        = huaweicloud_elb_ipgroup.office.id
}

resource "huaweicloud_elb_pool" "http" {
  name        = "web"
  listener_id = huaweicloud_elb_listener.http.id
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
}

resource "huaweicloud_elb_member" "http_1" {
  pool_id       = huaweicloud_elb_pool.http.id
  address       = "192.168.0.10"
  protocol_port = 8080
  subnet_id     = var.ipv4_subnet_id
}

# Proxy Protocol is what a TLS listener uses to pass the client address.
resource "huaweicloud_elb_listener" "tls" {
  name                  = "web-tls"
  loadbalancer_id       = huaweicloud_elb_loadbalancer.web.id
  protocol              = "TLS"
  protocol_port         = 8443
  server_certificate    = var.certificate_id
  proxy_protocol_enable = true
  default_pool_id       = huaweicloud_elb_pool.tls.id
}

resource "huaweicloud_elb_pool" "tls" {
  name            = "web-tls"
  loadbalancer_id = huaweicloud_elb_loadbalancer.web.id
  protocol        = "TCP"
  lb_method       = "ROUND_ROBIN"
  type            = "instance"
}

resource "huaweicloud_elb_member" "tls_1" {
  pool_id       = huaweicloud_elb_pool.tls.id
  address       = "192.168.0.11"
  protocol_port = 8443
  subnet_id     = var.ipv4_subnet_id
}

# Dedicated TCP listener: always on, nothing to write.
resource "huaweicloud_elb_listener" "tcp" {
  name            = "web-tcp"
  loadbalancer_id = huaweicloud_elb_loadbalancer.web.id
  protocol        = "TCP"
  protocol_port   = 6379
}

resource "huaweicloud_lb_loadbalancer" "shared" {
  name          = "shared"
  vip_subnet_id = var.ipv4_subnet_id
}

# Shared TCP listener with client IP transfer switched on (a string on Huawei Cloud).
resource "huaweicloud_lb_listener" "ssh" {
  name                         = "ssh"
  loadbalancer_id              = huaweicloud_lb_loadbalancer.shared.id
  protocol                     = "TCP"
  protocol_port                = 22
  transparent_client_ip_enable = "true"
}

resource "huaweicloud_lb_pool" "ssh" {
  name        = "ssh"
  listener_id = huaweicloud_lb_listener.ssh.id
  protocol    = "TCP"
  lb_method   = "SOURCE_IP"
}

resource "huaweicloud_lb_member" "ssh_1" {
  pool_id       = huaweicloud_lb_pool.ssh.id
  address       = "192.168.0.20"
  protocol_port = 22
  subnet_id     = var.ipv4_subnet_id
}

# Shared HTTP listener: always on, and the argument is not written.
resource "huaweicloud_lb_listener" "http" {
  name            = "shared-http"
  loadbalancer_id = huaweicloud_lb_loadbalancer.shared.id
  protocol        = "HTTP"
  protocol_port   = 80
}
