resource "huaweicloud_elb_loadbalancer" "dedicated" {
  name              = "web-dedicated"
  vpc_id            = var.vpc_id
  ipv4_subnet_id    = var.ipv4_subnet_id
  cross_vpc_backend = true
  availability_zone = [var.availability_zone]
}

# client-ip-always-on: dedicated load balancers cannot turn client IP transfer off;
# the value comes from terraform.tfvars through a conditional.
resource "huaweicloud_elb_listener" "tcp" {
  loadbalancer_id              = huaweicloud_elb_loadbalancer.dedicated.id
  protocol                     = "TCP"
  protocol_port                = 5000
  default_pool_id              = huaweicloud_elb_pool.tcp.id
  transparent_client_ip_enable = var.keep_client_ip_off ? "false" : "true"
}

resource "huaweicloud_elb_pool" "tcp" {
  name      = "tcp-backends"
  protocol  = "TCP"
  lb_method = "ROUND_ROBIN"
}

# client-ip-ip-backend: no subnet_id, so this is an IP backend behind a TCP listener.
resource "huaweicloud_elb_member" "onprem" {
  pool_id       = huaweicloud_elb_pool.tcp.id
  address       = "172.16.10.20"
  protocol_port = 5000
}

# client-ip-same-server: this server calls the load balancer it is a backend of.
resource "huaweicloud_compute_instance" "worker" {
  name              = "worker"
  image_id          = "image-id"
  flavor_id         = "s6.small.1"
  availability_zone = var.availability_zone
  user_data         = "#!/bin/sh\necho API=http://${huaweicloud_elb_loadbalancer.dedicated.ipv4_address}:5000 >> /etc/environment\n"

  network {
    uuid = var.ipv4_subnet_id
  }
}

resource "huaweicloud_elb_member" "worker" {
  pool_id       = huaweicloud_elb_pool.tcp.id
  address       = huaweicloud_compute_instance.worker.access_ip_v4
  protocol_port = 5000
  subnet_id     = var.ipv4_subnet_id
}

# client-ip-ip-backend on HTTP: the quick fix offers real_ip = true (X-Real-IP).
resource "huaweicloud_elb_listener" "http" {
  loadbalancer_id = huaweicloud_elb_loadbalancer.dedicated.id
  protocol        = "HTTP"
  protocol_port   = 80
}

resource "huaweicloud_elb_pool" "http" {
  name        = "http-backends"
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = huaweicloud_elb_listener.http.id
}

resource "huaweicloud_elb_member" "partner" {
  pool_id       = huaweicloud_elb_pool.http.id
  address       = "192.168.50.7"
  protocol_port = 8080
}

# client-ip-nat64-conflict: NAT64 and client IP transfer cannot both be on.
resource "huaweicloud_elb_listener" "dual_stack" {
  loadbalancer_id              = huaweicloud_elb_loadbalancer.dedicated.id
  protocol                     = "UDP"
  protocol_port                = 53
  nat64_enable                 = "true"
  transparent_client_ip_enable = "true"
}

# client-ip-ineffective-option: X-Forwarded-ELB-IP is an HTTP header; TCP ignores it.
resource "huaweicloud_elb_listener" "database" {
  loadbalancer_id = huaweicloud_elb_loadbalancer.dedicated.id
  protocol        = "TCP"
  protocol_port   = 5432
  forward_eip     = true
}

resource "huaweicloud_lb_loadbalancer" "shared" {
  name          = "legacy-shared"
  vip_subnet_id = var.ipv4_subnet_id
}

# client-ip-shared-l4-off: shared TCP listeners leave client IP transfer off by default.
resource "huaweicloud_lb_listener" "ssh" {
  loadbalancer_id = huaweicloud_lb_loadbalancer.shared.id
  protocol        = "TCP"
  protocol_port   = 22
}
