vpc_id             = "0b5b3a1e-6f0c-4a52-9d6e-2c1f7a8e4b10"
ipv4_subnet_id     = "5d1c7e2a-3b4f-4c8d-a1e6-9f0b2d3c4e51"
subnet_id          = "a7e3c9d1-2f4b-4e6a-8c0d-1b3e5f7a9c22"
security_group_id  = "3f9a1b2c-4d5e-4f60-8a7b-9c0d1e2f3a43"
availability_zones = ["ap-southeast-1a", "ap-southeast-1b"]
image_id           = "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e64"
certificate_id     = "8e7d6c5b4a39482f9e1d0c2b3a4f5e61"

# Read by huaweicloud_elb_listener.orders: dedicated load balancers cannot honour it.
keep_client_ip_off = true
