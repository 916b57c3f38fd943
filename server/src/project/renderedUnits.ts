import * as path from 'path';
import type { Finding, RelatedLocation } from '../core/types';
import { buildKubernetesModel, type ClusterNetwork } from '../kubernetes';
import { renderChart, type ChartOptions } from '../kubernetes/render/helm/chart';
import { renderKustomization, type RenderedService, type RenderHost } from '../kubernetes/render/kustomize';
import { remapFindings, type RenderedText } from '../kubernetes/render/remap';
import { renderedConfigFile, servicesText } from '../kubernetes/render/rendered';
import type { Origin, Sourced } from '../kubernetes/render/sourced';
import { mapGet } from '../kubernetes/render/tree';
import type { ElbModel } from '../model/elb';
import { LineIndex } from '../parse/positions';
import { reportRules } from './ruleEngine';
import { mergeInstanceFindings } from './instanceFindings';

/**
 * Analysis units of Kubernetes Services that ELB Lens renders itself: a kustomize overlay
 * (a folder with `kustomization.yaml`) or a Helm chart (`Chart.yaml` + `templates/`). Each
 * is rendered, its Services become one model and one rule run, and the findings move to the
 * files that set the values. A unit records every file it read, so that editing a patch,
 * `values.yaml` or `kustomization.yaml` drops the units it feeds.
 */

export interface RenderedUnit {
  kind: 'kustomize' | 'helm';
  /** The overlay or chart folder. */
  root: string;
  reads: Set<string>;
  /** One line each: what was left out. */
  notes: string[];
  /** Why nothing is said of this unit (a missing base, a cycle, a template that does not parse). */
  unknown?: string;
  model: ElbModel;
  rendered: RenderedText[];
  /** Findings in the files that set the values (rule defaults: settings and suppressions come later). */
  findings: Finding[];
}

export interface RenderedUnitOptions {
  network?: ClusterNetwork;
  docsBase: string;
  log?: (message: string) => void;
  helm?: ChartOptions;
}

const EMPTY_MODEL = buildKubernetesModel([]);

export function kustomizeUnit(dir: string, host: RenderHost, options: RenderedUnitOptions): RenderedUnit {
  const result = renderKustomization(dir, host);
  const base = { kind: 'kustomize' as const, root: dir, reads: result.reads, notes: result.notes };
  if (result.unknown !== undefined) return { ...base, unknown: result.unknown, model: EMPTY_MODEL, rendered: [], findings: [] };
  const kustomization =
    [...result.reads].find((p) => /[\\/](kustomization\.ya?ml|Kustomization)$/.test(p) && path.dirname(p) === dir) ??
    path.join(dir, 'kustomization.yaml');
  const rendered: RenderedText = { path: `${kustomization}#rendered`, text: servicesText(result.services) };
  const fallbackOf = (finding: Finding) => serviceAt(rendered.text, result.services, finding);
  return analyzeRendered(base, [rendered], host, options, (finding) => {
    const service = fallbackOf(finding);
    const written = service ? nameLocation(service, host) : undefined;
    const overlay: RelatedLocation = {
      file: kustomization,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      message: 'the kustomization that builds the Service',
    };
    const extra = written ? [{ ...written, message: 'the Service, as its base writes it' }] : [];
    if (service && service.file !== kustomization) extra.push(overlay);
    return { fallback: written ? { ...written, message: '' } : overlay, extra };
  });
}

export function helmUnit(dir: string, host: RenderHost, options: RenderedUnitOptions): RenderedUnit {
  const result = renderChart(dir, host, options.helm ?? {});
  const base = { kind: 'helm' as const, root: dir, reads: result.reads, notes: result.notes };
  if (result.unknown !== undefined) return { ...base, unknown: result.unknown, model: EMPTY_MODEL, rendered: [], findings: [] };
  const rendered = result.templates.map((t) => ({ path: `${t.file}#rendered`, text: t.output, template: t.file }));
  return analyzeRendered(base, rendered, host, options, (finding) => {
    const template = rendered.find((r) => r.path === finding.file)?.template ?? dir;
    const at: RelatedLocation = {
      file: template,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      message: 'the template that renders the Service',
    };
    return { fallback: at, extra: [] };
  });
}

function analyzeRendered(
  base: Pick<RenderedUnit, 'kind' | 'root' | 'reads' | 'notes'>,
  rendered: RenderedText[],
  host: RenderHost,
  options: RenderedUnitOptions,
  around: (finding: Finding) => { fallback: RelatedLocation; extra: RelatedLocation[] },
): RenderedUnit {
  const files = rendered.map((r) => renderedConfigFile(r.path, r.text));
  const model = buildKubernetesModel(files, { network: options.network });
  const raw = mergeInstanceFindings(reportRules(model, { docsBase: options.docsBase, log: options.log, source: base.root }));
  const textOf = (file: string) => host.readFile(file);
  const findings: Finding[] = [];
  for (const finding of raw) {
    const from = rendered.find((r) => r.path === finding.file);
    if (!from) continue;
    const { fallback, extra } = around(finding);
    findings.push(...remapFindings([finding], from, textOf, fallback, extra));
  }
  return { ...base, model, rendered, findings: onceEach(findings) };
}

/** The same finding reached twice (two Services from one patch) is reported once. */
function onceEach(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.ruleId}|${f.file}|${f.range.start.line}:${f.range.start.character}|${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Which rendered Service a finding is in (by its document in the rendered stream). */
function serviceAt(text: Sourced, services: readonly RenderedService[], finding: Finding): RenderedService | undefined {
  const lines = new LineIndex(text.text);
  const offset = lines.offsetAt(finding.range.start);
  let index = -1;
  for (let at = text.text.indexOf('---\n'); at !== -1 && at <= offset; at = text.text.indexOf('---\n', at + 4)) index++;
  return services[index];
}

function nameLocation(service: RenderedService, host: RenderHost): { file: string; range: RelatedLocation['range'] } | undefined {
  const name = mapGet(service.node, 'metadata', 'name');
  const origin: Origin | undefined = name?.origin;
  const text = origin ? host.readFile(origin.file) : undefined;
  if (!origin || text === undefined) return undefined;
  const lines = new LineIndex(text);
  return { file: origin.file, range: lines.range(origin.start, origin.end) };
}
