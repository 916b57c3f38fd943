import { isCollection, type Node } from 'yaml';
import type { ConfigAttribute, ConfigBlock, ConfigFile } from '../parse/config';
import type { LineIndex } from '../parse/positions';
import {
  entryAttribute,
  mapEntries,
  parseYaml,
  scalarString,
  seqItems,
  setYamlMappingInfo,
  yamlRange,
  type YamlDocument,
  type YamlEntry,
} from '../parse/yaml';

/**
 * Kubernetes manifests (YAML) → ConfigFile: every `v1` Service, at the top of a document or
 * in the `items` of a `List`, becomes a block shaped like Terraform's `kubernetes_service_v1`,
 * so one model builder (toModel.ts) reads both:
 *
 *   Service "name"                     apiVersion, kind, and `metadata.name`/`namespace` as labels
 *     annotations                      metadata.annotations: one attribute per annotation
 *     labels                           metadata.labels: one attribute per label
 *     spec                             spec's scalar fields (type, externalTrafficPolicy, …)
 *       port                           one block per spec.ports item (port, protocol, name, …)
 *
 * Values are literal expressions with the ranges of the YAML nodes (aliases resolved, `<<`
 * merges read); a key written twice in one mapping has an unknown value, as kubectl would
 * refuse it. A block holds `hasErrors` when its document did not parse cleanly.
 */

/** Services in one `List` (or documents in one file) beyond this are not read: generated output. */
const MAX_SERVICES = 5_000;
/** Ports of one Service beyond this are not read (the API allows far fewer). */
const MAX_PORTS = 1_000;

export function kubernetesToConfigFile(filePath: string, text: string, options: { comments?: boolean } = {}): ConfigFile {
  const source = parseYaml(text, options);
  const { lines } = source;
  const blocks: ConfigBlock[] = [];
  for (const doc of source.documents) {
    if (blocks.length >= MAX_SERVICES) break;
    const root = doc.doc.contents as Node | null;
    const top = mapEntries(doc, root, 1_000);
    const kind = scalarString(doc, top.get('kind')?.value);
    if (kind === 'Service') {
      const block = serviceBlock(doc, lines, text, root, top);
      if (block) blocks.push(block);
    } else if (kind !== undefined && kind.endsWith('List')) {
      for (const item of seqItems(doc, top.get('items')?.value, MAX_SERVICES)) {
        if (blocks.length >= MAX_SERVICES) break;
        const entries = mapEntries(doc, item, 1_000);
        if (scalarString(doc, entries.get('kind')?.value) !== 'Service') continue;
        const block = serviceBlock(doc, lines, text, item, entries);
        if (block) blocks.push(block);
      }
    }
  }
  return {
    path: filePath,
    format: 'yaml',
    text,
    lines,
    blocks,
    attributes: new Map(),
    comments: source.comments,
    syntaxErrors: source.errors.map((e) => lines.range(e.start, e.end)),
  };
}

function attributesOf(doc: YamlDocument, lines: LineIndex, text: string, entries: Map<string, YamlEntry>, scalarsOnly: boolean) {
  const attributes = new Map<string, ConfigAttribute>();
  for (const [key, entry] of entries) {
    if (scalarsOnly && isCollection(entry.value)) continue;
    attributes.set(key, entryAttribute(doc, lines, text, entry));
  }
  return attributes;
}

function serviceBlock(
  doc: YamlDocument,
  lines: LineIndex,
  text: string,
  node: Node | null,
  top: Map<string, YamlEntry>,
): ConfigBlock | undefined {
  if (!node?.range) return undefined;
  const apiVersion = scalarString(doc, top.get('apiVersion')?.value);
  if (apiVersion !== 'v1') return undefined;
  const metadata = mapEntries(doc, top.get('metadata')?.value, 1_000);
  const name = scalarString(doc, metadata.get('name')?.value);
  const namespace = scalarString(doc, metadata.get('namespace')?.value);
  const nameNode = metadata.get('name')?.value;
  const kindNode = top.get('kind')?.value;
  const headerRange = nameNode?.range ? yamlRange(lines, nameNode) : kindNode?.range ? yamlRange(lines, kindNode) : yamlRange(lines, node);
  const [start, end] = node.range;
  const hasErrors = doc.hasErrors && overlapsErrors(doc, start, end);
  const nested: ConfigBlock[] = [];

  const annotationsEntry = metadata.get('annotations');
  if (annotationsEntry) {
    const annotations = mapEntries(doc, annotationsEntry.value);
    nested.push(
      childBlock(doc, lines, text, 'annotations', annotationsEntry, attributesOf(doc, lines, text, annotations, false), [], hasErrors),
    );
  }
  // Read only for `kubernetes.io/elb.*` keys put there by mistake (elb-annotation-unknown).
  const labelsEntry = metadata.get('labels');
  if (labelsEntry) {
    const labels = mapEntries(doc, labelsEntry.value);
    nested.push(childBlock(doc, lines, text, 'labels', labelsEntry, attributesOf(doc, lines, text, labels, true), [], hasErrors));
  }
  const specEntry = top.get('spec');
  if (specEntry) {
    const spec = mapEntries(doc, specEntry.value, 1_000);
    const ports: ConfigBlock[] = [];
    for (const item of seqItems(doc, spec.get('ports')?.value, MAX_PORTS)) {
      if (!item.range) continue;
      const entries = mapEntries(doc, item, 100);
      const attributes = attributesOf(doc, lines, text, entries, true);
      const header = attributes.get('port')?.range ?? attributes.get('name')?.range ?? yamlRange(lines, item);
      const block: ConfigBlock = {
        type: 'port',
        labels: [],
        labelRanges: [],
        range: yamlRange(lines, item),
        headerRange: header,
        attributes,
        blocks: [],
        bodyStart: lines.positionAt(item.range[0]),
        close: undefined,
        hasErrors,
      };
      setYamlMappingInfo(block, doc, text, item);
      ports.push(block);
    }
    nested.push(childBlock(doc, lines, text, 'spec', specEntry, attributesOf(doc, lines, text, spec, true), ports, hasErrors));
  }
  const attributes = new Map<string, ConfigAttribute>();
  for (const key of ['apiVersion', 'kind']) {
    const entry = top.get(key);
    if (entry) attributes.set(key, entryAttribute(doc, lines, text, entry));
  }
  const label = name === undefined ? '(unnamed)' : namespace ? `${namespace}/${name}` : name;
  const block: ConfigBlock = {
    type: 'Service',
    labels: [label],
    labelRanges: nameNode?.range ? [yamlRange(lines, nameNode)] : [],
    range: yamlRange(lines, node),
    headerRange,
    attributes,
    blocks: nested,
    bodyStart: lines.positionAt(start),
    close: undefined,
    hasErrors,
  };
  setYamlMappingInfo(block, doc, text, node);
  return block;
}

/** `annotations:` / `spec:` with the mapping under it; the block starts at its key. */
function childBlock(
  doc: YamlDocument,
  lines: LineIndex,
  text: string,
  type: string,
  entry: YamlEntry,
  attributes: Map<string, ConfigAttribute>,
  blocks: ConfigBlock[],
  hasErrors: boolean,
): ConfigBlock {
  const keyNode = entry.pair.key as Node;
  const keyRange = yamlRange(lines, keyNode);
  const value = entry.value;
  const end = value?.range ? value.range[1] : (keyNode.range?.[1] ?? 0);
  const block: ConfigBlock = {
    type,
    labels: [],
    labelRanges: [],
    range: { start: keyRange.start, end: lines.positionAt(Math.max(end, keyNode.range?.[1] ?? 0)) },
    headerRange: keyRange,
    attributes,
    blocks,
    bodyStart: value?.range ? lines.positionAt(value.range[0]) : keyRange.end,
    close: undefined,
    hasErrors,
  };
  setYamlMappingInfo(block, doc, text, entry.value);
  return block;
}

function overlapsErrors(doc: YamlDocument, start: number, end: number): boolean {
  return doc.doc.errors.some((e) => e.pos[0] <= end && e.pos[1] >= start);
}
