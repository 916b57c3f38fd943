import * as path from 'path';
import type { RenderHost } from '../kustomize';
import type { Sourced } from '../sourced';
import { readYamlDocuments, type REntry, type RMap, type RNode } from '../tree';
import { Executor } from './execute';
import { parseTemplate, TemplateError, type TNode } from './parse';
import type { TVal } from './values';

/**
 * A Helm chart rendered without helm: `Chart.yaml`, `values.yaml` (then the value files the
 * configuration names, later ones winning key by key), and the templates under `templates/`
 * (files starting with `_` only define). `.Release` is a first install named `release-name`
 * in `default`, as `helm template` gives; `.Capabilities`, `.Files` and subcharts are not
 * read. A template that does not parse makes the chart unknown (one line says which).
 */

export interface ChartOptions {
  /** Value files applied after values.yaml, in order (absolute paths). */
  valueFiles?: readonly string[];
}

export interface RenderedTemplate {
  file: string;
  output: Sourced;
}

export interface ChartResult {
  templates: RenderedTemplate[];
  reads: Set<string>;
  notes: string[];
  unknown?: string;
}

const MAX_TEMPLATES = 500;
const MAX_FILE_CHARS = 4 * 1024 * 1024;

export interface ChartHost extends RenderHost {
  /** The names in a folder; empty when it cannot be listed. */
  listDirectory(dir: string): string[];
}

export function isChartDirectory(dir: string, host: Pick<RenderHost, 'readFile'>): boolean {
  return host.readFile(path.join(dir, 'Chart.yaml')) !== undefined;
}

export function renderChart(dir: string, host: RenderHost, options: ChartOptions): ChartResult {
  const reads = new Set<string>([dir]);
  const notes: string[] = [];
  const read = (file: string): string | undefined => {
    reads.add(file);
    const text = host.readFile(file);
    return text !== undefined && text.length <= MAX_FILE_CHARS ? text : undefined;
  };
  const list = (folder: string): string[] => {
    reads.add(folder);
    return 'listDirectory' in host && typeof host.listDirectory === 'function' ? (host as ChartHost).listDirectory(folder) : [];
  };
  const chartText = read(path.join(dir, 'Chart.yaml'));
  if (chartText === undefined) return { templates: [], reads, notes, unknown: `${dir} has no Chart.yaml` };
  const chart = readYamlDocuments(path.join(dir, 'Chart.yaml'), chartText)[0];
  let values: RNode = { kind: 'map', entries: new Map() };
  for (const file of [path.join(dir, 'values.yaml'), ...(options.valueFiles ?? [])]) {
    const text = read(file);
    if (text === undefined) {
      if (file !== path.join(dir, 'values.yaml')) notes.push(`the value file ${file} cannot be read`);
      continue;
    }
    const docs = readYamlDocuments(file, text);
    const doc = docs[0];
    if (docs.length === 0 && text.trim() !== '' && !/^(\s*#.*\n?)*\s*$/.test(text))
      return { templates: [], reads, notes, unknown: `${file} does not parse` };
    if (doc?.kind === 'unknown') return { templates: [], reads, notes, unknown: `${file}: ${doc.reason}` };
    if (doc?.kind === 'map') values = mergeValues(values, doc);
  }
  const templatesDir = path.join(dir, 'templates');
  const files: string[] = [];
  const collect = (folder: string, depth: number) => {
    for (const name of list(folder).sort()) {
      const full = path.join(folder, name);
      if (host.isDirectory(full)) {
        if (depth < 3) collect(full, depth + 1);
      } else if (/\.(ya?ml|tpl)$/i.test(name)) files.push(full);
    }
  };
  collect(templatesDir, 0);
  if (files.length > MAX_TEMPLATES) return { templates: [], reads, notes, unknown: `more than ${MAX_TEMPLATES} templates` };
  if (list(dir).includes('charts')) notes.push(`the subcharts of ${path.basename(dir)} are not rendered`);

  const defines = new Map<string, { nodes: TNode[]; file: string }>();
  const parsed: { file: string; nodes: TNode[] }[] = [];
  for (const file of files) {
    const text = read(file);
    if (text === undefined) continue;
    try {
      const template = parseTemplate(text);
      for (const [name, nodes] of template.defines) defines.set(name, { nodes, file });
      if (!path.basename(file).startsWith('_') && !file.endsWith('.tpl')) parsed.push({ file, nodes: template.nodes });
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      return { templates: [], reads, notes, unknown: `${path.relative(dir, file)}: ${error.message}` };
    }
  }
  const root = rootValue(chart, values, dir);
  const templates: RenderedTemplate[] = [];
  for (const { file, nodes } of parsed) {
    try {
      const withTemplate = withTemplateName(root, path.join(chartName(chart, dir), path.relative(dir, file)));
      const executor = new Executor({ defines, root: withTemplate });
      templates.push({ file, output: executor.run(nodes, file) });
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      return { templates: [], reads, notes, unknown: `${path.relative(dir, file)}: ${error.message}` };
    }
  }
  return { templates, reads, notes };
}

function scalar(value: string | number | boolean): RNode {
  return { kind: 'scalar', value };
}

function mapOf(entries: Record<string, RNode>): RMap {
  return { kind: 'map', entries: new Map(Object.entries(entries).map(([k, v]) => [k, { value: v }])) };
}

function chartName(chart: RNode | undefined, dir: string): string {
  const name = chart?.kind === 'map' ? chart.entries.get('name')?.value : undefined;
  return name?.kind === 'scalar' && typeof name.value === 'string' ? name.value : path.basename(dir);
}

/** `.Chart` has Chart.yaml's keys capitalised (`name` → `.Chart.Name`, `appVersion` → `.Chart.AppVersion`). */
function chartObject(chart: RNode | undefined): RMap {
  const out: RMap = { kind: 'map', entries: new Map() };
  if (chart?.kind !== 'map') return out;
  for (const [key, entry] of chart.entries) {
    const name = key === 'apiVersion' ? 'APIVersion' : key.charAt(0).toUpperCase() + key.slice(1);
    out.entries.set(name, entry);
  }
  return out;
}

function rootValue(chart: RNode | undefined, values: RNode, dir: string): TVal {
  const root = mapOf({
    Values: values,
    Chart: chartObject(chart),
    Release: mapOf({
      Name: scalar('release-name'),
      Namespace: scalar('default'),
      Service: scalar('Helm'),
      IsInstall: scalar(true),
      IsUpgrade: scalar(false),
      Revision: scalar(1),
    }),
    Capabilities: { kind: 'unknown', reason: '.Capabilities is not known' },
    Files: { kind: 'unknown', reason: '.Files is not read' },
    Template: mapOf({ Name: scalar(''), BasePath: scalar(path.join(chartName(chart, dir), 'templates')) }),
  });
  return { t: 'data', node: root };
}

function withTemplateName(root: TVal, name: string): TVal {
  if (root.t !== 'data' || root.node.kind !== 'map') return root;
  const entries = new Map(root.node.entries);
  const template = entries.get('Template')?.value;
  if (template?.kind === 'map') {
    const inner = new Map(template.entries);
    inner.set('Name', { value: scalar(name) });
    entries.set('Template', { value: { kind: 'map', entries: inner } });
  }
  return { t: 'data', node: { kind: 'map', entries } };
}

/** Helm's coalescing of value files: maps merge key by key, anything else is replaced; `null` removes. */
export function mergeValues(base: RNode, over: RNode, depth = 0): RNode {
  if (base.kind !== 'map' || over.kind !== 'map' || depth > 50) return over;
  const entries = new Map<string, REntry>(base.entries);
  for (const [key, entry] of over.entries) {
    if (entry.value.kind === 'scalar' && entry.value.value === null) {
      entries.delete(key);
      continue;
    }
    const existing = entries.get(key);
    entries.set(key, existing ? { ...entry, value: mergeValues(existing.value, entry.value, depth + 1) } : entry);
  }
  return { ...base, entries };
}
