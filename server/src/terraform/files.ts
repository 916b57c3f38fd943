import * as path from 'path';

/**
 * Which files of a folder make its Terraform module. Terraform reads `*.tf` and `*.tf.json`.
 * OpenTofu reads those and `*.tofu` / `*.tofu.json` too, and where `x.tofu` and `x.tf` (or
 * `x.tofu.json` and `x.tf.json`) sit side by side it reads only the `.tofu` one. Terraform
 * ignores `.tofu` files, so a folder that has any is written for OpenTofu, and is read as
 * OpenTofu reads it (docs/terraform-modules.md, "OpenTofu files").
 */

/** A configuration file of Terraform or OpenTofu, by name. */
export function isTerraformFileName(name: string): boolean {
  return name.endsWith('.tf') || name.endsWith('.tf.json') || name.endsWith('.tofu') || name.endsWith('.tofu.json');
}

/** The JSON syntax of either (`.tf.json`, `.tofu.json`). */
export function isTerraformJsonName(name: string): boolean {
  return name.endsWith('.tf.json') || name.endsWith('.tofu.json');
}

/** The native syntax of either (`.tf`, `.tofu`). */
export function isTerraformHclName(name: string): boolean {
  return name.endsWith('.tf') || name.endsWith('.tofu');
}

/** The `.tf`/`.tf.json` name a `.tofu`/`.tofu.json` file stands in for. */
function shadowedName(tofuName: string): string {
  return tofuName.endsWith('.tofu.json')
    ? `${tofuName.slice(0, -'.tofu.json'.length)}.tf.json`
    : `${tofuName.slice(0, -'.tofu'.length)}.tf`;
}

/** The configuration files of one folder that its module is made of: a `.tf` file a `.tofu` of the same name replaces is left out. */
export function moduleFileNames(names: string[]): string[] {
  const shadowed = new Set(names.filter((n) => n.endsWith('.tofu') || n.endsWith('.tofu.json')).map(shadowedName));
  return names.filter((n) => isTerraformFileName(n) && !shadowed.has(n));
}

/**
 * Where `terraform init` records the folder of each module call it downloaded: the root
 * module's `.terraform/modules/modules.json`.
 */
export function modulesManifestPath(rootDir: string): string {
  return path.join(rootDir, '.terraform', 'modules', 'modules.json');
}

/** The root module folder whose modules manifest `filePath` is; undefined for any other file. */
export function rootOfModulesManifest(filePath: string): string | undefined {
  const rootDir = path.dirname(path.dirname(path.dirname(filePath)));
  return modulesManifestPath(rootDir) === filePath ? rootDir : undefined;
}
