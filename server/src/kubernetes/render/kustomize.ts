import * as path from 'path';
import { applyJson6902, strategicMerge } from './patch';
import type { Origin } from './sourced';
import { cloneNode, mapGet, NODE_BUDGET, readYamlDocuments, stringAt, type Budget, type REntry, type RMap, type RNode } from './tree';

/**
 * kustomize, read in TypeScript without the binary, for the Services it builds: `resources`
 * and `bases` (local files and folders), `components`, `patches` (strategic merge or JSON
 * 6902, inline or by path, with `target`), `patchesStrategicMerge`, `patchesJson6902`,
 * `commonAnnotations`, `commonLabels`, `labels`, `namePrefix`/`nameSuffix`, `namespace`, in
 * the order kustomize applies them. Every value keeps the place it was written, so a
 * finding lands on the patch or the `commonAnnotations` entry that set it.
 *
 * What cannot be read is never guessed: a remote base is left out and said once (`notes`);
 * a missing base, a cycle, a patch that fails or an unknown selector make the whole
 * kustomization `unknown` (kustomize would stop there too).
 */

export interface RenderHost {
  /** A file's text; undefined when it cannot be read. */
  readFile(filePath: string): string | undefined;
  isDirectory(dirPath: string): boolean;
}

export interface RenderedService {
  node: RMap;
  /** The file the Service was written in (its base). */
  file: string;
  /** Names it had before prefixes and suffixes (patches may name any). */
  names: string[];
}

export interface KustomizeResult {
  services: RenderedService[];
  /** Files and folders read (a change to any of them changes the result). */
  reads: Set<string>;
  /** One line each: what was left out (remote bases). */
  notes: string[];
  /** Why nothing can be said of this kustomization. */
  unknown?: string;
}

export const KUSTOMIZATION_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
const MAX_DEPTH = 30;
const MAX_SERVICES = 5_000;
const MAX_FILE_CHARS = 4 * 1024 * 1024;

/** Remote references: URLs, git and GitHub shorthands. */
export function isRemote(reference: string): boolean {
  return (
    /^[a-z][a-z0-9+.-]*:\/\//i.test(reference) ||
    /^git@/.test(reference) ||
    /^(github\.com|gitlab\.com|bitbucket\.org)\//.test(reference) ||
    reference.includes('?ref=')
  );
}

export function kustomizationFile(dir: string, host: RenderHost): string | undefined {
  for (const name of KUSTOMIZATION_NAMES) {
    const file = path.join(dir, name);
    if (host.readFile(file) !== undefined) return file;
  }
  return undefined;
}

class Stop extends Error {}

/** Parsed documents by file, for the text they were parsed from (trees are never changed in place). */
export type ParseCache = Map<string, { text: string; documents: RNode[] }>;

export function renderKustomization(dir: string, host: RenderHost, cache?: ParseCache): KustomizeResult {
  const run = new Run(host, cache);
  try {
    const services = run.build(dir, [], []);
    return { services, reads: run.reads, notes: run.notes };
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    return { services: [], reads: run.reads, notes: run.notes, unknown: error.message };
  }
}

class Run {
  readonly reads = new Set<string>();
  readonly notes: string[] = [];
  private readonly budget: Budget = { left: NODE_BUDGET * 4 };

  constructor(
    private readonly host: RenderHost,
    private readonly cache: ParseCache | undefined,
  ) {}

  private read(file: string): string | undefined {
    this.reads.add(file);
    const text = this.host.readFile(file);
    if (text !== undefined && text.length > MAX_FILE_CHARS) throw new Stop(`${file} is larger than ${MAX_FILE_CHARS / 2 ** 20} MB`);
    return text;
  }

  private documents(file: string, text: string, cacheable = true): RNode[] {
    const cached = cacheable ? this.cache?.get(file) : undefined;
    if (cached && cached.text === text) return cached.documents;
    const budget = { left: NODE_BUDGET };
    const docs = readYamlDocuments(file, text, budget);
    if (budget.left < 0) throw new Stop(`${file}: too many YAML nodes (aliases that multiply?)`);
    this.budget.left -= NODE_BUDGET - budget.left;
    if (this.budget.left < 0) throw new Stop('the kustomization reads too many YAML nodes');
    if (cacheable) this.cache?.set(file, { text, documents: docs });
    return docs;
  }

  /** The Services a kustomization (or a component, given the resources so far) emits. */
  build(dir: string, stack: string[], input: RenderedService[]): RenderedService[] {
    if (stack.includes(dir))
      throw new Stop(`kustomizations include each other: ${[...stack, dir].map((d) => path.basename(d) || d).join(' → ')}`);
    if (stack.length > MAX_DEPTH) throw new Stop('kustomizations nested too deeply');
    this.reads.add(dir);
    let file: string | undefined;
    let text: string | undefined;
    for (const name of KUSTOMIZATION_NAMES) {
      file = path.join(dir, name);
      text = this.read(file);
      if (text !== undefined) break;
    }
    if (text === undefined || file === undefined) throw new Stop(`${dir} has no kustomization.yaml`);
    const k = this.documents(file, text)[0];
    if (k?.kind !== 'map') throw new Stop(`${file} is not a kustomization`);
    const inner = [...stack, dir];
    let services = [...input];
    for (const reference of [...strings(mapGet(k, 'resources')), ...strings(mapGet(k, 'bases'))]) {
      services.push(...this.resource(dir, reference, inner));
    }
    for (const reference of strings(mapGet(k, 'components'))) {
      if (isRemote(reference)) throw new Stop(`the remote component ${reference} is not read`);
      services = this.build(path.resolve(dir, reference), inner, services);
    }
    for (const patch of seq(mapGet(k, 'patchesStrategicMerge'))) services = this.smpEntry(dir, patch, services, undefined);
    for (const entry of seq(mapGet(k, 'patches'))) services = this.patchEntry(dir, entry, services);
    const namespace = mapGet(k, 'namespace');
    if (namespace?.kind === 'scalar' && typeof namespace.value === 'string') {
      services = services.map((s) => withMeta(s, 'namespace', namespace));
    }
    const prefix = stringAt(k, 'namePrefix') ?? '';
    const suffix = stringAt(k, 'nameSuffix') ?? '';
    if (prefix || suffix) services = services.map((s) => renamed(s, prefix, suffix));
    const commonLabels = mapGet(k, 'commonLabels');
    if (commonLabels?.kind === 'map')
      services = services.map((s) => withEntries(withEntries(s, ['metadata', 'labels'], commonLabels), ['spec', 'selector'], commonLabels));
    for (const labels of seq(mapGet(k, 'labels'))) {
      const pairs = mapGet(labels, 'pairs');
      if (pairs?.kind !== 'map') continue;
      services = services.map((s) => withEntries(s, ['metadata', 'labels'], pairs));
      const selectors = mapGet(labels, 'includeSelectors');
      if (selectors?.kind === 'scalar' && selectors.value === true)
        services = services.map((s) => withEntries(s, ['spec', 'selector'], pairs));
    }
    const commonAnnotations = mapGet(k, 'commonAnnotations');
    if (commonAnnotations?.kind === 'map') services = services.map((s) => withEntries(s, ['metadata', 'annotations'], commonAnnotations));
    for (const entry of seq(mapGet(k, 'patchesJson6902'))) services = this.patchEntry(dir, entry, services, true);
    if (services.length > MAX_SERVICES) throw new Stop(`more than ${MAX_SERVICES} Services`);
    return services;
  }

  private resource(dir: string, reference: string, stack: string[]): RenderedService[] {
    if (isRemote(reference)) {
      this.notes.push(`the remote base ${reference} is not read (its Services are not checked)`);
      return [];
    }
    const target = path.resolve(dir, reference);
    if (this.host.isDirectory(target)) return this.build(target, stack, []).map((s) => ({ ...s, node: cloneNode(s.node) as RMap }));
    const text = this.read(target);
    if (text === undefined) throw new Stop(`the base ${reference} of ${dir} is missing`);
    const services: RenderedService[] = [];
    for (const doc of this.documents(target, text)) {
      const items = stringAt(doc, 'kind')?.endsWith('List') ? seq(mapGet(doc, 'items')) : [doc];
      for (const item of items) {
        if (item.kind !== 'map' || stringAt(item, 'kind') !== 'Service') continue;
        services.push({ node: item, file: target, names: [] });
      }
    }
    return services;
  }

  /** A patch's documents: from its file, or from the inline text (origins moved into the kustomization file). */
  private patchDocuments(dir: string, entry: RNode): RNode[] {
    const file =
      stringAt(entry, 'path') ??
      (entry.kind === 'scalar' && typeof entry.value === 'string' && !entry.value.includes('\n') ? entry.value : undefined);
    if (file !== undefined) {
      if (isRemote(file)) throw new Stop(`the remote patch ${file} is not read`);
      const target = path.resolve(dir, file);
      const text = this.read(target);
      if (text === undefined) throw new Stop(`the patch ${file} of ${dir} is missing`);
      return this.documents(target, text);
    }
    const inline = entry.kind === 'map' ? mapGet(entry, 'patch') : entry;
    if (inline?.kind !== 'scalar' || typeof inline.value !== 'string') return [];
    const origin = inline.origin;
    const docs = this.documents(origin?.file ?? dir, inline.value, false);
    const fileText = origin ? this.host.readFile(origin.file) : undefined;
    const mapOffset = origin && fileText !== undefined ? blockScalarOffsets(fileText, origin) : undefined;
    return docs.map((d) => moveOrigins(d, mapOffset));
  }

  private patchEntry(dir: string, entry: RNode, services: RenderedService[], json6902 = false): RenderedService[] {
    const target = mapGet(entry, 'target');
    const selector = target ? this.selector(target) : undefined;
    let result = services;
    for (const doc of this.patchDocuments(dir, entry)) {
      if (json6902 || doc.kind === 'seq') {
        if (!selector) throw new Stop('a JSON 6902 patch without a target');
        result = result.map((s) => {
          if (!selector(s)) return s;
          const outcome = applyJson6902(s.node, doc);
          if ('failed' in outcome) throw new Stop(`a JSON 6902 patch in ${dir} cannot apply: ${outcome.failed}`);
          return outcome.node?.kind === 'map' ? { ...s, node: outcome.node } : s;
        });
      } else {
        result = this.applySmp(doc, result, selector);
      }
    }
    return result;
  }

  private smpEntry(dir: string, entry: RNode, services: RenderedService[], selector: Selector | undefined): RenderedService[] {
    let result = services;
    for (const doc of this.patchDocuments(dir, entry)) result = this.applySmp(doc, result, selector);
    return result;
  }

  private applySmp(patch: RNode, services: RenderedService[], selector: Selector | undefined): RenderedService[] {
    if (patch.kind !== 'map') return services;
    const matches =
      selector ?? selectorOf(stringAt(patch, 'kind'), stringAt(patch, 'metadata', 'name'), stringAt(patch, 'metadata', 'namespace'));
    const out: RenderedService[] = [];
    for (const service of services) {
      if (!matches(service)) {
        out.push(service);
        continue;
      }
      // With a target the patch's own name is no rename: keep the Service's.
      const body = selector ? withoutName(patch) : patch;
      const merged = strategicMerge(service.node, body);
      if (merged?.kind === 'map') out.push({ ...service, node: merged });
    }
    return out;
  }

  private selector(target: RNode): Selector {
    for (const key of ['labelSelector', 'annotationSelector']) {
      const value = stringAt(target, key);
      if (value !== undefined && !/^[\w./-]+(==?[\w./-]*)?(,[\w./-]+(==?[\w./-]*)?)*$/.test(value)) {
        throw new Stop(`the selector ${value} is not read`);
      }
    }
    const kind = stringAt(target, 'kind');
    const name = stringAt(target, 'name');
    const namespace = stringAt(target, 'namespace');
    const base = selectorOf(kind, name, namespace, true);
    const labels = parseSelector(stringAt(target, 'labelSelector'));
    const annotations = parseSelector(stringAt(target, 'annotationSelector'));
    return (s) =>
      base(s) &&
      matchesPairs(mapGet(s.node, 'metadata', 'labels'), labels) &&
      matchesPairs(mapGet(s.node, 'metadata', 'annotations'), annotations);
  }
}

type Selector = (service: RenderedService) => boolean;

function selectorOf(kind: string | undefined, name: string | undefined, namespace: string | undefined, regex = false): Selector {
  const pattern = regex && name !== undefined ? namePattern(name) : undefined;
  return (s) => {
    if (kind !== undefined && kind !== 'Service') return false;
    const names = [stringAt(s.node, 'metadata', 'name') ?? '', ...s.names];
    if (name !== undefined && !names.some((n) => (pattern ? pattern.test(n) : n === name))) return false;
    if (namespace !== undefined && (stringAt(s.node, 'metadata', 'namespace') ?? 'default') !== namespace) return false;
    return true;
  };
}

/**
 * A target's `name` is a regular expression in kustomize (Go's, which never backtracks). The
 * part of it real overlays use is read: names, `.*` and `|`; anything else is not guessed.
 */
function namePattern(name: string): RegExp | undefined {
  if (/^[\w.-]+$/.test(name)) return undefined;
  if (!/^(?:[\w-]|\.\*|\.|\|)+$/.test(name) || name.length > 253) throw new Stop(`the target name pattern ${name} is not read`);
  const alternatives = name.split('|').map((part) =>
    part
      .split('.*')
      .map((piece) => piece.replace(/\./g, '[^]'))
      .join('[^]*'),
  );
  return new RegExp(`^(?:${alternatives.join('|')})$`);
}

function parseSelector(value: string | undefined): [string, string | undefined][] {
  if (!value) return [];
  return value.split(',').map((part) => {
    const [key, wanted] = part.split(/==?/);
    return [key, wanted];
  });
}

function matchesPairs(node: RNode | undefined, pairs: [string, string | undefined][]): boolean {
  return pairs.every(([key, wanted]) => {
    const value = mapGet(node, key);
    if (value?.kind !== 'scalar') return false;
    return wanted === undefined || String(value.value) === wanted;
  });
}

function strings(node: RNode | undefined): string[] {
  return seq(node).flatMap((item) => (item.kind === 'scalar' && typeof item.value === 'string' ? [item.value] : []));
}

function seq(node: RNode | undefined): RNode[] {
  return node?.kind === 'seq' ? node.items : [];
}

function ensureMap(parent: RMap, key: string): RMap {
  const existing = parent.entries.get(key)?.value;
  if (existing?.kind === 'map') return existing;
  const created: RMap = { kind: 'map', entries: new Map() };
  parent.entries.set(key, { value: created });
  return created;
}

/** A copy with `entries` set under `keys` (created where missing), each keeping where it was written. */
function withEntries(service: RenderedService, keys: string[], entries: RMap): RenderedService {
  const node = cloneNode(service.node) as RMap;
  let target = node;
  for (const key of keys) target = ensureMap(target, key);
  for (const [key, entry] of entries.entries) target.entries.set(key, { ...entry, value: cloneNode(entry.value) } as REntry);
  return { ...service, node };
}

function withMeta(service: RenderedService, key: string, value: RNode): RenderedService {
  const node = cloneNode(service.node) as RMap;
  ensureMap(node, 'metadata').entries.set(key, { value: cloneNode(value) });
  return { ...service, node };
}

function renamed(service: RenderedService, prefix: string, suffix: string): RenderedService {
  const node = cloneNode(service.node) as RMap;
  const metadata = ensureMap(node, 'metadata');
  const name = metadata.entries.get('name');
  if (name?.value.kind !== 'scalar' || typeof name.value.value !== 'string') return service;
  const old = name.value.value;
  metadata.entries.set('name', {
    ...(name.keyOrigin ? { keyOrigin: name.keyOrigin } : {}),
    value: { kind: 'scalar', value: `${prefix}${old}${suffix}`, ...(name.value.origin ? { origin: name.value.origin } : {}) },
  });
  return { ...service, node, names: [...service.names, old] };
}

function withoutName(patch: RMap): RMap {
  const copy = cloneNode(patch) as RMap;
  const metadata = copy.entries.get('metadata')?.value;
  if (metadata?.kind === 'map') metadata.entries.delete('name');
  return copy;
}

/**
 * Offsets in a block scalar's decoded text (`patch: |`) → offsets in the file: each content
 * line is the file's line without the block's indentation. Undefined for other scalars
 * (their escapes and folding do not map line by line).
 */
export function blockScalarOffsets(fileText: string, origin: Origin): ((offset: number) => number | undefined) | undefined {
  const source = fileText.slice(origin.start, origin.end);
  if (!/^\|[0-9+-]*[ \t]*(#.*)?\n/.test(source)) return undefined;
  const bodyStart = origin.start + source.indexOf('\n') + 1;
  const lines: { sourceStart: number }[] = [];
  let indent: number | undefined;
  for (let at = bodyStart; at < origin.end;) {
    const end = fileText.indexOf('\n', at);
    const lineEnd = end === -1 || end > origin.end ? origin.end : end;
    const line = fileText.slice(at, lineEnd);
    if (indent === undefined && line.trim() !== '') indent = line.length - line.trimStart().length;
    lines.push({ sourceStart: at });
    at = lineEnd + 1;
  }
  const width = indent ?? 0;
  const decodedStarts: number[] = [];
  let decoded = 0;
  for (let i = 0; i < lines.length; i++) {
    decodedStarts.push(decoded);
    const next = i + 1 < lines.length ? lines[i + 1].sourceStart - 1 : origin.end;
    decoded += Math.max(0, next - lines[i].sourceStart - width) + 1;
  }
  return (offset) => {
    let i = decodedStarts.length - 1;
    while (i > 0 && decodedStarts[i] > offset) i--;
    if (i < 0) return undefined;
    return lines[i].sourceStart + width + (offset - decodedStarts[i]);
  };
}

/** A tree parsed from a decoded string, its origins moved into the file (or dropped when they cannot be). */
function moveOrigins(node: RNode, map: ((offset: number) => number | undefined) | undefined): RNode {
  const move = (origin: Origin | undefined): Origin | undefined => {
    if (!origin || !map) return undefined;
    const start = map(origin.start);
    const end = map(origin.end);
    return start === undefined || end === undefined || end - start !== origin.end - origin.start
      ? undefined
      : { file: origin.file, start, end };
  };
  const strip = <T extends { origin?: Origin }>(n: T): T => {
    const { origin, ...rest } = n;
    const moved = move(origin);
    return (moved ? { ...rest, origin: moved } : rest) as T;
  };
  if (node.kind === 'map') {
    const entries = new Map<string, REntry>();
    for (const [key, entry] of node.entries) {
      const keyOrigin = move(entry.keyOrigin);
      const line = entry.line ? move(entry.line.origin) : undefined;
      entries.set(key, {
        value: moveOrigins(entry.value, map),
        ...(keyOrigin ? { keyOrigin } : {}),
        ...(line && entry.line ? { line: { text: entry.line.text, origin: line } } : {}),
      });
    }
    return strip({ ...node, entries });
  }
  if (node.kind === 'seq') return strip({ ...node, items: node.items.map((i) => moveOrigins(i, map)) });
  if (node.kind === 'scalar') {
    const moved = strip(node);
    if (!moved.origin) delete moved.source;
    return moved;
  }
  return strip(node);
}
