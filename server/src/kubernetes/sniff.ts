import * as path from 'path';
import { matchesGlobTails } from '../core/globs';
import { ELB_PREFIX } from './annotations';

/**
 * Cheap recognition of Kubernetes manifests that ELB Lens reads: `.yaml`/`.yml` files whose
 * first few hundred KB hold a Service (`apiVersion` + `kind: Service`, or a `List`) and a
 * `kubernetes.io/elb.` annotation. Other YAML (CI pipelines, Helm values, compose files) and
 * Helm templates (`{{ … }}`, which are no YAML until rendered) are left alone, silently.
 */

/** How much of a file the sniff looks at. */
export const KUBERNETES_SNIFF_CHARS = 512 * 1024;

export function isYamlFileName(filePath: string): boolean {
  const name = path.basename(filePath).toLowerCase();
  return name.endsWith('.yaml') || name.endsWith('.yml');
}

/** True when the path matches one of the globs (`kubernetes.files`), tried against each tail of the path. */
export function matchesKubernetesGlobs(filePath: string, globs: readonly string[]): boolean {
  return globs.length > 0 && isYamlFileName(filePath) && matchesGlobTails(filePath, globs);
}

const KIND_SERVICE = /^[ \t-]*kind[ \t]*:[ \t]*["']?(Service|List|ServiceList)["']?[ \t]*(#.*)?$/m;
const API_VERSION = /^[ \t-]*apiVersion[ \t]*:/m;

/** A Helm or other Go template: `{{ … }}` outside comments. */
export function isTemplate(text: string): boolean {
  for (let i = text.indexOf('{{'); i !== -1; i = text.indexOf('{{', i + 2)) {
    const lineStart = text.lastIndexOf('\n', i) + 1;
    const hash = text.indexOf('#', lineStart);
    if (hash === -1 || hash > i) return true;
  }
  return false;
}

export function sniffKubernetes(text: string): boolean {
  const head = text.length > KUBERNETES_SNIFF_CHARS ? text.slice(0, KUBERNETES_SNIFF_CHARS) : text;
  if (!head.includes(ELB_PREFIX) || head.includes('\u0000')) return false;
  if (!KIND_SERVICE.test(head) || !API_VERSION.test(head)) return false;
  return !isTemplate(head);
}
