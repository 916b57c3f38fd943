# The root module: module.syslog passes UDP (client-ip-shared-l4-off in ../syslog/main.tf,
# naming module.syslog); module.web keeps the default HTTP (nothing to say).
resource "huaweicloud_lb_loadbalancer" "edge" {
  vip_subnet_id = "subnet-edge"
}

module "syslog" {
  source   = "../syslog"
  protocol = "UDP"
  lb_id    = huaweicloud_lb_loadbalancer.edge.id
}

module "web" {
  source = "../syslog"
  lb_id  = huaweicloud_lb_loadbalancer.edge.id
}
