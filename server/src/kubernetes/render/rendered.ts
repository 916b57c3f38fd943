import type { ConfigAttribute, ConfigBlock, ConfigFile } from '../../parse/config';
import { kubernetesToConfigFile } from '../manifest';
import type { RenderedService } from './kustomize';
import { concat, plain, touchesUnknown, type Sourced } from './sourced';
import { emitYaml } from './tree';

/**
 * Rendered text → the ConfigFile the model builder reads, with what could not be rendered
 * kept unknown: a value touched by an unknown mark becomes an unknown value; a Service with
 * an unknown mark anywhere else (a key, a whole block, a condition) is left out, as what it
 * would say is not known.
 */
export function renderedConfigFile(virtualPath: string, text: Sourced): ConfigFile {
  // Suppression comments are read from the files that set the values, not from rendered text.
  const file = kubernetesToConfigFile(virtualPath, text.text, { comments: false });
  if (text.unknown.length === 0) return file;
  const offset = (block: ConfigBlock) => [file.lines.offsetAt(block.range.start), file.lines.offsetAt(block.range.end)] as const;
  const blocks = file.blocks.filter((block) => {
    const [start, end] = offset(block);
    const marks = text.unknown.filter((u) => (u.start === u.end ? u.start >= start && u.start <= end : u.start < end && u.end > start));
    if (marks.length === 0) return true;
    const values = valueRanges(block, file);
    return marks.every((m) => values.some(([s, e]) => m.start >= s && m.end <= e));
  });
  for (const block of blocks) markUnknown(block, file, text);
  return { ...file, blocks };
}

function valueRanges(block: ConfigBlock, file: ConfigFile): [number, number][] {
  const out: [number, number][] = [];
  for (const attribute of block.attributes.values()) {
    out.push([file.lines.offsetAt(attribute.valueRange.start), file.lines.offsetAt(attribute.valueRange.end)]);
  }
  for (const child of block.blocks) out.push(...valueRanges(child, file));
  return out;
}

function markUnknown(block: ConfigBlock, file: ConfigFile, text: Sourced): void {
  for (const [name, attribute] of block.attributes) {
    const start = file.lines.offsetAt(attribute.valueRange.start);
    const end = file.lines.offsetAt(attribute.valueRange.end);
    if (touchesUnknown(text, start, end)) {
      const opaque: ConfigAttribute = {
        ...attribute,
        expr: { kind: 'opaque', text: 'a value the template does not give here', range: attribute.valueRange },
      };
      block.attributes.set(name, opaque);
    }
  }
  for (const child of block.blocks) markUnknown(child, file, text);
}

/** The Services of a kustomization as one YAML stream, a document each. */
export function servicesText(services: readonly RenderedService[]): Sourced {
  return concat(services.flatMap((s) => [plain('---\n'), emitYaml(s.node, 0)]));
}
