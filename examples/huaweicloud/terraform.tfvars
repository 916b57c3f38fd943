keep_client_ip_off = true
