variable "vpc_id" {
  description = "VPC of the load balancers and the servers"
  type        = string
}

variable "ipv4_subnet_id" {
  description = "IPv4 subnet ID (ipv4_subnet_id of the VPC subnet) for load balancer addresses and members"
  type        = string
}

variable "subnet_id" {
  description = "ID of the same VPC subnet, as the network uuid of cloud servers"
  type        = string
}

variable "security_group_id" {
  description = "Security group of the backend servers"
  type        = string
}

variable "availability_zones" {
  type    = list(string)
  default = ["ap-southeast-1a"]
}

variable "image_id" {
  description = "Image of the worker server"
  type        = string
}

variable "certificate_id" {
  description = "Server certificate of the TLS listener"
  type        = string
}

variable "keep_client_ip_off" {
  description = "Whether listeners should try to hide client addresses (set in terraform.tfvars)"
  type        = bool
  default     = false
}
