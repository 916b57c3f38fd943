variable "vpc_id" {
  description = "VPC (router) of the dedicated load balancer"
  type        = string
}

variable "network_id" {
  description = "Network ID of the VPC subnet"
  type        = string
}

variable "subnet_id" {
  description = "IPv4 subnet ID of the same VPC subnet, for load balancer addresses and members"
  type        = string
}

variable "availability_zones" {
  type    = list(string)
  default = ["eu-de-01", "eu-de-02"]
}
