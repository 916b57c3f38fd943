import { isYamlFileName, KUBERNETES_SNIFF_CHARS, matchesKubernetesGlobs, sniffKubernetes } from './sniff';

export { kubernetesToConfigFile } from './manifest';
export { buildKubernetesModel, type KubernetesModelOptions } from './toModel';
export { parseProtocolPort } from './controllers';
export { YAML_FIELDS, type ClusterNetwork } from './serviceFields';
export { isTemplate, isYamlFileName, KUBERNETES_SNIFF_CHARS, matchesKubernetesGlobs, sniffKubernetes } from './sniff';
export * from './annotations';

/** Which YAML files are Kubernetes manifests whatever their content: globs, or a function that answers per file (`kubernetes.files`). */
export type KubernetesFiles = readonly string[] | ((filePath: string) => boolean);

/**
 * Decides, per file, whether it is a Kubernetes manifest ELB Lens reads: named by
 * `kubernetes.files`, or recognised by a sniff of its first few hundred KB. Results are
 * remembered by the text's length and head.
 */
export class KubernetesDetector {
  private readonly cache = new Map<string, { length: number; head: string; result: boolean }>();

  constructor(private readonly files: KubernetesFiles) {}

  matchesGlobs(filePath: string): boolean {
    if (typeof this.files !== 'function') return matchesKubernetesGlobs(filePath, this.files);
    return isYamlFileName(filePath) && this.files(filePath);
  }

  /** `text` undefined: the file cannot be read. */
  isKubernetes(filePath: string, text: string | undefined): boolean {
    if (!isYamlFileName(filePath)) return false;
    if (this.matchesGlobs(filePath)) return true;
    if (text === undefined) return false;
    const head = text.slice(0, 4096);
    const cached = this.cache.get(filePath);
    if (cached && cached.length === text.length && cached.head === head && text.length <= 4096) return cached.result;
    const result = sniffKubernetes(text.slice(0, KUBERNETES_SNIFF_CHARS));
    this.cache.set(filePath, { length: text.length, head, result });
    return result;
  }

  forget(filePath: string): void {
    this.cache.delete(filePath);
  }
}
