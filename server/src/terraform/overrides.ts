import * as path from 'path';
import type { ConfigAttribute, ConfigBlock, ConfigFile } from '../parse/config';

/**
 * Terraform's override files (`override.tf`, `*_override.tf` and their `.tf.json` forms; for
 * OpenTofu also `.tofu`/`.tofu.json`): loaded after the other files of the module, in name
 * order, each of their blocks merged into the block of the same name:
 * - arguments replace the original's one by one;
 * - a nested block type written in the override replaces every nested block of that type
 *   (a `dynamic "x"` block counts as type `x`);
 * - `locals` entries replace the local of the same name.
 * An override block with no original is an error in Terraform and is ignored here.
 *
 * The merged block keeps the original's ranges; arguments and nested blocks taken from the
 * override are copies marked with the override file, so a finding about one of them is
 * shown in the override file (rules/engine.ts), where the value was set.
 */

const OVERRIDE_NAME = /(^|_)override\.(tf|tofu)(\.json)?$/;

export function isOverrideFile(filePath: string): boolean {
  return OVERRIDE_NAME.test(path.basename(filePath));
}

/** Override files last, each group in name order, as Terraform loads them. */
export function inLoadOrder(files: ConfigFile[]): ConfigFile[] {
  const byName = (a: ConfigFile, b: ConfigFile) => (path.basename(a.path) < path.basename(b.path) ? -1 : 1);
  return [...files.filter((f) => !isOverrideFile(f.path)), ...files.filter((f) => isOverrideFile(f.path)).sort(byName)];
}

function markAttribute(attribute: ConfigAttribute, file: ConfigFile): ConfigAttribute {
  return attribute.file ? attribute : { ...attribute, file };
}

function markBlock(block: ConfigBlock, file: ConfigFile): ConfigBlock {
  return {
    ...block,
    file,
    attributes: new Map([...block.attributes].map(([name, a]) => [name, markAttribute(a, file)])),
    blocks: block.blocks.map((b) => markBlock(b, file)),
  };
}

/** The nested block type a block stands for (`dynamic "x"` stands for `x`). */
function nestedType(block: ConfigBlock): string {
  return block.type === 'dynamic' ? (block.labels[0] ?? 'dynamic') : block.type;
}

/** The original block with the override's arguments and nested block types put in. */
export function mergeOverride(original: ConfigBlock, override: ConfigBlock, overrideFile: ConfigFile): ConfigBlock {
  const attributes = new Map(original.attributes);
  for (const [name, attribute] of override.attributes) attributes.set(name, markAttribute(attribute, overrideFile));
  const replaced = new Set(override.blocks.map(nestedType));
  const blocks = [
    ...original.blocks.filter((b) => !replaced.has(nestedType(b))),
    ...override.blocks.map((b) => markBlock(b, overrideFile)),
  ];
  return { ...original, attributes, blocks };
}
