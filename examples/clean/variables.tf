variable "vpc_id" {
  description = "VPC of the load balancers and the servers"
  type        = string
}

variable "network_id" {
  description = "Network ID of the VPC subnet (OTC dedicated load balancer)"
  type        = string
}

variable "ipv4_subnet_id" {
  description = "IPv4 subnet ID of the VPC subnet, for load balancer addresses and members"
  type        = string
}

variable "certificate_id" {
  description = "Server certificate of the TLS listener"
  type        = string
}
