# Kubernetes Services written in Terraform (hashicorp/kubernetes provider): the same
# load balancers, listeners and findings as the same Services in YAML (see ../README.md).

variable "game_ports" {
  description = "UDP ports of the game servers"
  default     = [27015, 27016]
}

locals {
  cce_shared = { "kubernetes.io/elb.class" = "union" }
}

# client-ip-shared-l4-off: a shared UDP Service without kubernetes.io/elb.transparent-client-ip.
resource "kubernetes_service_v1" "game" {
  metadata {
    name = "game"
    annotations = {
      "kubernetes.io/elb.class" = "union"
    }
  }
  spec {
    type                    = "LoadBalancer"
    external_traffic_policy = "Local"
    selector                = { app = "game" }
    dynamic "port" {
      for_each = var.game_ports
      content {
        name     = "udp-${port.value}"
        port     = port.value
        protocol = "UDP"
      }
    }
  }
}

# client-ip-lost-in-cluster: the load balancer transfers the client IP, but
# external_traffic_policy is not set (Cluster), so the pods see a node's address.
resource "kubernetes_service_v1" "mqtt" {
  metadata {
    name = "mqtt"
    annotations = merge(local.cce_shared, {
      "kubernetes.io/elb.transparent-client-ip" = "true"
    })
  }
  spec {
    type     = "LoadBalancer"
    selector = { app = "mqtt" }
    port {
      port     = 1883
      protocol = "TCP"
    }
  }
}

# client-ip-always-on: "false" on a dedicated load balancer (it cannot be turned off);
# elb-annotation-unknown: a misspelled annotation.
resource "kubernetes_service" "orders" {
  metadata {
    name      = "orders"
    namespace = "shop"
    annotations = {
      "kubernetes.io/elb.class"                 = "performance"
      "kubernetes.io/elb.transparent-client-ip" = "false"
      "kubernetes.io/elb.lb-algorithim"         = "ROUND_ROBIN"
    }
  }
  spec {
    type                    = "LoadBalancer"
    external_traffic_policy = "Local"
    selector                = { app = "orders" }
    port {
      port        = 443
      target_port = 8443
    }
  }
}
