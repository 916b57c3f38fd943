import * as path from 'path';
import type { AnalysisOptions } from '../core/options';
import type { HoverResult, Position, Range } from '../core/types';
import { hoverMarkdown } from '../hover/hover';
import { hoverTarget } from '../hover/target';
import { renderedPlaces } from '../kubernetes/render/remap';
import { LineIndex } from '../parse/positions';
import type { ConfigFile } from '../parse/config';
import { kindByName } from '../project/classify';
import { kustomizationFileIn, type RenderedUnit, type RenderedUnitIndex, type RenderOptions } from '../project/renderedUnits';
import { combineModels, type ModuleAnalysis } from '../project/terraformUnits';

/** kustomize overlays and Helm charts as the service shows them (project/renderedUnits.ts renders them). */

/**
 * A file that kustomize overlays or Helm charts read: their findings (moved to the files that
 * set the values), for every file they are in. Undefined when no overlay or chart reads it.
 */
export function renderedAnalysis(
  rendered: RenderedUnitIndex,
  filePath: string,
  options: AnalysisOptions,
  files: { isOpen(path: string): boolean; configFile(path: string): ConfigFile | undefined },
): ModuleAnalysis | undefined {
  const units = rendered.unitsFor(filePath, renderOptions(options));
  if (units.length === 0) return undefined;
  const rawFindings = units.flatMap((u) => u.findings);
  const configs: ConfigFile[] = [];
  // Open files the units read get their findings too (none left is news to them).
  const openReads = units.flatMap((u) => [...u.reads]).filter((p) => files.isOpen(p));
  for (const file of new Set([filePath, ...rawFindings.map((f) => f.file), ...openReads])) {
    const config = files.configFile(file);
    if (config) configs.push(config);
  }
  return { key: '', model: combineModels(units.map((u) => u.model)), files: configs, rawFindings, renderedUnits: units };
}

/**
 * Hover in a file an overlay or chart reads (a patch, values.yaml, a template): what each
 * Service the place reaches makes of it, one section per Service.
 */
export function renderedHover(
  units: RenderedUnit[],
  filePath: string,
  text: string | undefined,
  position: Position,
  docsLink: string,
): HoverResult | undefined {
  if (text === undefined) return undefined;
  const offset = new LineIndex(text).offsetAt(position);
  const sections: string[] = [];
  let range: Range | undefined;
  for (const unit of units) {
    for (const place of renderedPlaces(unit.rendered, filePath, offset)) {
      const rendered = [...unit.model.loadBalancers, ...unit.model.listeners].find((n) => n.file.path === place.path)?.file;
      if (!rendered) continue;
      const target = hoverTarget(unit.model, place.path, rendered.lines.positionAt(place.offset), kindByName(place.path) === 'yaml');
      const markdown = target && hoverMarkdown(target, unit.model, docsLink);
      if (!target || !markdown || sections.includes(markdown)) continue;
      sections.push(markdown);
      range ??= unit.model.locate?.(place.path, target.range)?.range;
    }
  }
  if (sections.length === 0) return undefined;
  return { markdown: sections.join('\n\n---\n\n'), range: range ?? { start: position, end: position } };
}

/** YAML and JSON files (patches, values, templates, manifests) and `Kustomization` can feed an overlay or chart. */
export function mayFeedRendering(filePath: string): boolean {
  const kind = kindByName(filePath);
  return kind === 'yaml' || kind === 'json' || path.basename(filePath) === 'Kustomization';
}

export function renderOptions(options: AnalysisOptions): RenderOptions {
  return { network: options.kubernetes?.network, valueFiles: options.kubernetes?.helm?.valueFiles ?? [], budget: options.budget };
}

/** The file that stands for a rendered unit (its kustomization file or Chart.yaml). */
export function unitFile(unit: RenderedUnit): string {
  if (unit.kind === 'helm') return path.join(unit.root, 'Chart.yaml');
  return kustomizationFileIn(unit.root, unit.reads);
}
