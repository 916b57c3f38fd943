variable "vpc_id" {
  description = "VPC of the dedicated load balancer"
  type        = string
}

variable "ipv4_subnet_id" {
  description = "IPv4 subnet ID for load balancer addresses and members"
  type        = string
}

variable "certificate_id" {
  description = "Certificate of the TERMINATED_HTTPS listener"
  type        = string
}
