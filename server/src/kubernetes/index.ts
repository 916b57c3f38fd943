export { kubernetesToConfigFile } from './manifest';
export { buildKubernetesModel, type KubernetesModelOptions } from './toModel';
export { parseProtocolPort } from './controllers';
export { YAML_FIELDS, type ClusterNetwork } from './serviceFields';
export { isTemplate, isYamlFileName, KUBERNETES_SNIFF_CHARS, matchesKubernetesGlobs, sniffKubernetes } from './sniff';
export * from './annotations';
