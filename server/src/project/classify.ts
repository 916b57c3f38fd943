import * as path from 'path';
import { matchesGlobTails } from '../core/globs';
import { CONFIG_FILE_NAME } from '../core/options';
import { DEFAULT_ELB_JSON_GLOBS, isJsonFileName, sniffElbJson, SNIFF_CHARS } from '../elbjson/sniff';
import { KUSTOMIZATION_NAMES } from '../kubernetes/render/kustomize';
import { isYamlFileName, KUBERNETES_SNIFF_CHARS, sniffKubernetes } from '../kubernetes/sniff';
import { isPlanJson, mayBePlanJson } from '../plan/plan';
import { isTerraformHclName, isTerraformJsonName } from '../terraform/files';
import { isLockFile } from '../terraform/providerVersions';
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

/**
 * What a file's name alone says, the first step of `classify`: the kinds a name decides, and
 * for the rest the syntax whose content (and configuration) decides. `lock` is Terraform's
 * `.terraform.lock.hcl`, read with its folder's module; `json` is JSON that is not
 * Terraform's, a variables file or `.elb-lens.json`.
 */
export type NameKind = 'terraform' | 'terraform-json' | 'tfvars' | 'lock' | 'config' | 'json' | 'yaml' | 'other';

/** `explicit`: the user named the file, so any `*.tfvars(.json)` is a variables file. */
export function kindByName(filePath: string, explicit = false): NameKind {
  const name = path.basename(filePath);
  if (name === CONFIG_FILE_NAME) return 'config';
  // OpenTofu's own names are read like Terraform's (terraform/files.ts).
  if (isTerraformHclName(name)) return 'terraform';
  if (isTerraformJsonName(name)) return 'terraform-json';
  if (isAutoTfvarsName(name) || (explicit && (name.endsWith('.tfvars') || name.endsWith('.tfvars.json')))) return 'tfvars';
  if (isLockFile(name)) return 'lock';
  if (isYamlFileName(filePath)) return 'yaml';
  if (isJsonFileName(filePath)) return 'json';
  return 'other';
}

/** A Terraform or OpenTofu configuration file: `.tf`, `.tf.json`, `.tofu`, `.tofu.json`. */
export function isTerraformFile(filePath: string): boolean {
  const kind = kindByName(filePath);
  return kind === 'terraform' || kind === 'terraform-json';
}

/**
 * A file Kubernetes analyses may read, by name: YAML (manifests, overlays, charts) and the
 * kustomization files (`Kustomization` has no extension). Which ones matter is decided by content.
 */
export function mayHoldKubernetes(filePath: string): boolean {
  return kindByName(filePath) === 'yaml' || KUSTOMIZATION_NAMES.includes(path.basename(filePath));
}

/** A file analysed with its folder's Terraform module: its configuration files and its lock file. */
export function isTerraformModuleFile(filePath: string): boolean {
  return isTerraformFile(filePath) || kindByName(filePath) === 'lock';
}

/**
 * How a file is parsed, by its name: Terraform's JSON syntax (`.tf.json`, `.tofu.json`,
 * `.tfvars.json`), other JSON (ELB API JSON), YAML (manifests), else HCL.
 */
export function syntaxByName(filePath: string): 'terraform-json' | 'json' | 'yaml' | 'hcl' {
  const name = path.basename(filePath);
  if (isTerraformJsonName(name) || name.endsWith('.tfvars.json')) return 'terraform-json';
  if (isJsonFileName(filePath)) return 'json';
  if (isYamlFileName(filePath)) return 'yaml';
  return 'hcl';
}

/** Terraform reads a variables file whose name ends in `.json` as JSON, any other as HCL. */
export function isJsonVariablesFile(filePath: string): boolean {
  return filePath.endsWith('.json');
}

/**
 * JSON that cannot hold a comment, so no ignore comment either: `.json` other than Terraform's
 * JSON syntax (whose `"//"` keys are comments). `.jsonc` can.
 */
export function cannotHoldComments(filePath: string): boolean {
  return filePath.endsWith('.json') && !isTerraformJsonName(path.basename(filePath));
}

/**
 * Names of the files the tools read (`.tf`, `.tofu`, their JSON forms, variables files, JSON,
 * YAML, in any case): under such a name a FIFO or device is an error, not a skip (walk.ts).
 */
export function hasCheckedName(name: string): boolean {
  return CHECKED_NAME.test(name);
}

const CHECKED_NAME = /\.(tf|tf\.json|tofu|tofu\.json|tfvars|tfvars\.json|json|jsonc|ya?ml)$/i;

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
  const byName = kindByName(filePath, options.explicit);
  switch (byName) {
    case 'config':
    case 'terraform':
    case 'terraform-json':
    case 'tfvars':
      return byName;
    // The lock file is read with its module, never checked on its own.
    case 'lock':
    case 'other':
      return 'other';
    case 'yaml':
      if (namesKubernetes(options.config ?? (defaultConfig ??= configure()), filePath)) return 'kubernetes';
      // Helm templates and other YAML are left alone, silently.
      return options.content && sniffKubernetes(options.content.head(KUBERNETES_SNIFF_CHARS)) ? 'kubernetes' : 'other';
    case 'json':
      return jsonKind(filePath, options);
  }
}

/** ELB API JSON named by the configuration, else a plan or ELB API JSON by content, else `other`. */
function jsonKind(filePath: string, options: ClassifyOptions): FileKind {
  const name = path.basename(filePath);
  if (namesElbJson(options.config ?? (defaultConfig ??= configure()), filePath)) return 'elb-json';
  const content = options.content;
  if (!content) return 'other';
  if (name.endsWith('.json') && mayBePlanJson(content.head(PLAN_HEAD_CHARS))) {
    const text = content.text();
    if (text !== undefined && isPlanJson(text)) return 'plan';
  }
  return sniffElbJson(content.head(SNIFF_CHARS)) ? 'elb-json' : 'other';
}

/**
 * Which files are of a kind whatever their content: globs (tried against each tail of the
 * path), or a function that answers per file, e.g. from the `json.files`/`kubernetes.files`
 * of the file's own configuration (`namesElbJson`, `namesKubernetes`).
 */
export type NamedFiles = readonly string[] | ((filePath: string) => boolean);

/** Characters of a text the sniff cache keeps to tell a changed file from an unchanged one. */
const CACHE_HEAD_CHARS = 8 * 1024;

/**
 * One content-recognised kind: a file name test, the files named outright, and a sniffer of
 * the first `sniffChars` characters. Sniff results are remembered by the text's length and
 * head, so asking again for an unchanged file costs one string comparison.
 */
class ContentDetector {
  private readonly cache = new Map<string, { length: number; head: string; result: boolean }>();

  constructor(
    private readonly hasName: (filePath: string) => boolean,
    private readonly files: NamedFiles,
    private readonly sniff: (head: string) => boolean,
    private readonly sniffChars: number,
  ) {}

  /** True when the file is named outright (no need to read it). */
  private named(filePath: string): boolean {
    return typeof this.files === 'function' ? this.files(filePath) : matchesGlobTails(filePath, this.files);
  }

  /** `text` undefined: the file cannot be read (missing, binary, too large). */
  matches(filePath: string, text: () => string | undefined): boolean {
    if (!this.hasName(filePath)) return false;
    if (this.named(filePath)) return true;
    const whole = text();
    if (whole === undefined) return false;
    const head = whole.slice(0, CACHE_HEAD_CHARS);
    // The cached answer holds only when the kept head covers all the sniffer read.
    const headCoversSniff = whole.length <= CACHE_HEAD_CHARS || this.sniffChars <= CACHE_HEAD_CHARS;
    const cached = this.cache.get(filePath);
    if (cached && headCoversSniff && cached.length === whole.length && cached.head === head) return cached.result;
    const result = this.sniff(whole.length > this.sniffChars ? whole.slice(0, this.sniffChars) : whole);
    this.cache.set(filePath, { length: whole.length, head, result });
    return result;
  }

  forget(filePath: string): void {
    this.cache.delete(filePath);
  }
}

/**
 * `classify` for a host that keeps texts open (the service): the kinds recognised by content,
 * with the files named outright given as globs or a per-file answer, and sniff results kept
 * per file until `forget`.
 */
export class ContentClassifier {
  private readonly elbJson: ContentDetector;
  private readonly kubernetes: ContentDetector;

  constructor(options: { jsonFiles?: NamedFiles; kubernetesFiles?: NamedFiles } = {}) {
    this.elbJson = new ContentDetector(isJsonFileName, options.jsonFiles ?? DEFAULT_ELB_JSON_GLOBS, sniffElbJson, SNIFF_CHARS);
    this.kubernetes = new ContentDetector(isYamlFileName, options.kubernetesFiles ?? [], sniffKubernetes, KUBERNETES_SNIFF_CHARS);
  }

  /** 'elb-json', 'kubernetes', or undefined; `text` is asked only when the name does not decide. */
  kindOf(filePath: string, text: () => string | undefined): 'elb-json' | 'kubernetes' | undefined {
    if (this.elbJson.matches(filePath, text)) return 'elb-json';
    if (this.kubernetes.matches(filePath, text)) return 'kubernetes';
    return undefined;
  }

  forget(filePath: string): void {
    this.elbJson.forget(filePath);
    this.kubernetes.forget(filePath);
  }
}
