# Correct configurations: ELB Lens reports nothing here.
variable "subnet_id" {
  type = string
}

resource "huaweicloud_elb_loadbalancer" "web" {
  name              = "web"
  ipv4_subnet_id    = var.subnet_id
  availability_zone = ["ap-southeast-1a"]
}

resource "huaweicloud_elb_listener" "https" {
  loadbalancer_id = huaweicloud_elb_loadbalancer.web.id
  protocol        = "HTTP"
  protocol_port   = 80
  forward_eip     = true
  real_ip         = true
}

resource "huaweicloud_elb_pool" "web" {
  name        = "web"
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
  listener_id = huaweicloud_elb_listener.https.id
}

resource "huaweicloud_elb_member" "web" {
  pool_id       = huaweicloud_elb_pool.web.id
  address       = "192.168.0.10"
  protocol_port = 8080
  subnet_id     = var.subnet_id
}

resource "huaweicloud_lb_loadbalancer" "shared" {
  vip_subnet_id = var.subnet_id
}

resource "huaweicloud_lb_listener" "tcp" {
  loadbalancer_id              = huaweicloud_lb_loadbalancer.shared.id
  protocol                     = "TCP"
  protocol_port                = 22
  transparent_client_ip_enable = "true"
}

resource "opentelekomcloud_lb_loadbalancer_v2" "shared" {
  vip_subnet_id = var.subnet_id
}

resource "opentelekomcloud_lb_listener_v2" "udp" {
  loadbalancer_id              = opentelekomcloud_lb_loadbalancer_v2.shared.id
  protocol                     = "UDP"
  protocol_port                = 53
  transparent_client_ip_enable = true
}

resource "flexibleengine_lb_loadbalancer_v3" "dedicated" {
  ipv4_subnet_id    = var.subnet_id
  availability_zone = ["eu-west-0a"]
}

resource "flexibleengine_lb_listener_v3" "tcp" {
  loadbalancer_id = flexibleengine_lb_loadbalancer_v3.dedicated.id
  protocol        = "TCP"
  protocol_port   = 443
}
