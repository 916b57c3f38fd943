export { kubernetesToConfigFile } from './manifest';
export { buildKubernetesModel, parseProtocolPort, YAML_FIELDS, type ClusterNetwork, type KubernetesModelOptions } from './toModel';
export { isTemplate, isYamlFileName, KUBERNETES_SNIFF_CHARS, matchesKubernetesGlobs, sniffKubernetes } from './sniff';
export * from './annotations';
