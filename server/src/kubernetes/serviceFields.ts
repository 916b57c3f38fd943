/**
 * The Service spec fields the model reads, named as written in YAML manifests or in
 * Terraform's `kubernetes_service(_v1)`, and the cluster setting that changes their meaning.
 */

/** The cluster's container network, when configured: VPC or tunnel (CCE standard), or ENI (CCE Turbo, Cloud Native 2.0). */
export type ClusterNetwork = 'vpc' | 'tunnel' | 'eni';

export interface ServiceFields {
  type: string;
  externalTrafficPolicy: string;
  allocateLoadBalancerNodePorts: string;
  loadBalancerClass: string;
}

export const YAML_FIELDS: ServiceFields = {
  type: 'type',
  externalTrafficPolicy: 'externalTrafficPolicy',
  allocateLoadBalancerNodePorts: 'allocateLoadBalancerNodePorts',
  loadBalancerClass: 'loadBalancerClass',
};

/** The field names of the hashicorp/kubernetes provider's `kubernetes_service(_v1)` spec block. */
export const TERRAFORM_FIELDS: ServiceFields = {
  type: 'type',
  externalTrafficPolicy: 'external_traffic_policy',
  allocateLoadBalancerNodePorts: 'allocate_load_balancer_node_ports',
  loadBalancerClass: 'load_balancer_class',
};
