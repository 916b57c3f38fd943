variable "vpc_id" {
  description = "VPC of the load balancers and servers"
  type        = string
}

variable "ipv4_subnet_id" {
  description = "IPv4 subnet of the dedicated load balancer"
  type        = string
}

variable "availability_zone" {
  type    = string
  default = "ap-southeast-1a"
}

variable "keep_client_ip_off" {
  description = "Set in terraform.tfvars"
  type        = bool
  default     = false
}
