import * as path from 'path';
import { CONFIG_FILE_NAME } from '../core/options';
import { isJsonFileName, sniffElbJson, SNIFF_CHARS } from '../elbjson/sniff';
import { isYamlFileName, KUBERNETES_SNIFF_CHARS, sniffKubernetes } from '../kubernetes/sniff';
import { isPlanJson, mayBePlanJson } from '../plan/plan';
import { configure, namesElbJson, namesKubernetes, type EffectiveConfig } from './configure';
import type { FileContent } from './fileSystem';

export type FileKind =
  /** `.tf`, `.tofu` */
  | 'terraform'
  /** `.tf.json`, `.tofu.json` */
  | 'terraform-json'
  /** `terraform.tfvars`, `*.auto.tfvars`, their `.json` forms; any `*.tfvars(.json)` named explicitly. */
  | 'tfvars'
  /** ELB API JSON: named by `json.files`, or recognised by its first few KB. */
  | 'elb-json'
  /** Terraform plan JSON (`terraform show -json`). */
  | 'plan'
  /** A Kubernetes manifest (`.yaml`/`.yml`) with ELB-annotated Services: named by `kubernetes.files`, or recognised by its content. */
  | 'kubernetes'
  /** `.elb-lens.json` */
  | 'config'
  | 'other';

export interface ClassifyOptions {
  /** The file's effective configuration, for `json.files`; default: the built-in globs. */
  config?: EffectiveConfig;
  /** The user named this file (a CLI argument, a `varFiles` entry): any `*.tfvars` is a variables file. */
  explicit?: boolean;
  /** The file's text, to recognise plans and ELB API JSON by content. Without it, by name only. */
  content?: FileContent;
}

/** The variables files Terraform reads by itself from a module's folder. */
export function isAutoTfvarsName(name: string): boolean {
  return (
    name === 'terraform.tfvars' || name === 'terraform.tfvars.json' || name.endsWith('.auto.tfvars') || name.endsWith('.auto.tfvars.json')
  );
}

/** Characters a plan's first key must show within (see mayBePlanJson). */
const PLAN_HEAD_CHARS = 256;

let defaultConfig: EffectiveConfig | undefined;

/**
 * What a file is to ELB Lens: the one place that decides, for every host. The name decides
 * all but JSON; a JSON file is ELB API JSON when its configuration names it, else a plan
 * or ELB API JSON by its content (only the first few KB are read, and the whole text only
 * when the head looks like a plan), else `other`.
 */
export function classify(filePath: string, options: ClassifyOptions = {}): FileKind {
  const name = path.basename(filePath);
  if (name === CONFIG_FILE_NAME) return 'config';
  // OpenTofu's own names are read like Terraform's (terraform/files.ts).
  if (name.endsWith('.tf') || name.endsWith('.tofu')) return 'terraform';
  if (name.endsWith('.tf.json') || name.endsWith('.tofu.json')) return 'terraform-json';
  if (isAutoTfvarsName(name) || (options.explicit && (name.endsWith('.tfvars') || name.endsWith('.tfvars.json')))) return 'tfvars';
  if (isYamlFileName(filePath)) {
    if (namesKubernetes(options.config ?? (defaultConfig ??= configure()), filePath)) return 'kubernetes';
    // Helm templates and other YAML are left alone, silently.
    return options.content && sniffKubernetes(options.content.head(KUBERNETES_SNIFF_CHARS)) ? 'kubernetes' : 'other';
  }
  if (!isJsonFileName(filePath)) return 'other';
  if (namesElbJson(options.config ?? (defaultConfig ??= configure()), filePath)) return 'elb-json';
  const content = options.content;
  if (!content) return 'other';
  if (name.endsWith('.json') && mayBePlanJson(content.head(PLAN_HEAD_CHARS))) {
    const text = content.text();
    if (text !== undefined && isPlanJson(text)) return 'plan';
  }
  return sniffElbJson(content.head(SNIFF_CHARS)) ? 'elb-json' : 'other';
}
