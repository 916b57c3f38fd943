import * as path from 'path';
import { isTerraformFile, kindByName, type FileKind } from './classify';
import type { ProjectFiles } from './files';

/**
 * Analysis units: which files are analysed together. The one place that groups files, asked
 * by every host (the CLI's check and graph, the language server's workspace diagnostics, the
 * service's caches), so that no host can lose a file by grouping it its own way.
 *
 * - Terraform (`.tf`, `.tf.json`): the module of a folder, judged through the root modules
 *   whose trees reach it (the service finds them from the caller index);
 * - ELB API JSON: the ELB JSON files of a folder, one model linked by id across them (apart
 *   from the folder's Terraform module);
 * - a Kubernetes manifest: its Services alone (two manifests of one folder are two units);
 * - a Terraform plan: the plan file alone;
 * - a kustomize overlay (`kustomize`, keyed by its kustomization file) or a Helm chart (`helm`,
 *   keyed by its Chart.yaml): rendered, with every file it reads (renderedUnits.ts finds them;
 *   a base is a member of the overlays that include it, not a unit of its own).
 */
export type UnitKind = 'terraform' | 'elb-json' | 'kubernetes' | 'plan' | 'kustomize' | 'helm';

/** The unit kind of a file kind; undefined for files that are not analysed themselves (tfvars, config, other). */
export function unitKindOf(kind: FileKind): UnitKind | undefined {
  switch (kind) {
    case 'terraform':
    case 'terraform-json':
      return 'terraform';
    case 'elb-json':
    case 'kubernetes':
    case 'plan':
      return kind;
    default:
      return undefined;
  }
}

/** The key of the unit a file of `kind` belongs to: equal keys, one analysis. */
export function unitKey(filePath: string, kind: UnitKind): string {
  switch (kind) {
    case 'terraform':
    case 'elb-json':
    case 'kustomize':
    case 'helm':
      return `${kind}:${path.dirname(filePath)}`;
    case 'kubernetes':
    case 'plan':
      return `${kind}:${filePath}`;
  }
}

/** A unit as formed from a list of files: its key, kind and members in the order given. */
export interface AnalysisUnit<T> {
  key: string;
  kind: UnitKind;
  /** Never empty; the first member stands for the unit when it is analysed. */
  members: T[];
}

/**
 * Groups items (files, or records about files) into analysis units, in the order each unit
 * is first reached. Items whose kind has no unit are left out. Linear in the number of items:
 * a folder is not listed again for each of its files.
 */
export function formUnits<T>(items: Iterable<T>, fileOf: (item: T) => string, kindOf: (item: T) => FileKind): AnalysisUnit<T>[] {
  const units = new Map<string, AnalysisUnit<T>>();
  for (const item of items) {
    const kind = unitKindOf(kindOf(item));
    if (!kind) continue;
    const key = unitKey(fileOf(item), kind);
    const unit = units.get(key);
    if (unit) unit.members.push(item);
    else units.set(key, { key, kind, members: [item] });
  }
  return [...units.values()];
}

/**
 * The files of the unit a file belongs to, for the language service (which keeps texts open
 * and so asks per file): a manifest alone; the ELB API JSON files of its folder, open ones
 * included; the Terraform files of its folder, with the file itself when it is not listed
 * (an unsaved one). `contentKind` tells ELB API JSON and manifests by name or content.
 */
export function unitMembers(
  filePath: string,
  files: ProjectFiles,
  contentKind: (file: string) => 'elb-json' | 'kubernetes' | undefined,
): string[] {
  const dir = path.dirname(filePath);
  // A manifest stands alone: its Services say all there is.
  const byName = kindByName(filePath);
  if (byName === 'yaml') return contentKind(filePath) === 'kubernetes' ? [filePath] : [];
  if (byName === 'json') {
    // The ELB JSON files of the folder are analysed together, apart from its Terraform module.
    const isJson = (file: string) => kindByName(file) === 'json';
    const names = new Set(files.listDirectory(dir).filter(isJson));
    for (const open of files.openPaths()) if (path.dirname(open) === dir && isJson(open)) names.add(path.basename(open));
    names.add(path.basename(filePath));
    return [...names]
      .sort()
      .map((n) => path.join(dir, n))
      .filter((p) => contentKind(p) === 'elb-json');
  }
  const paths = files.terraformPaths(dir);
  if (isTerraformFile(filePath) && !paths.includes(filePath)) return [...paths, filePath].sort();
  return paths;
}
