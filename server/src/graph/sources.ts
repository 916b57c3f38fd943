import type { ModelView } from '../service/api';
import { planAnalysis } from '../plan/plan';
import { nodeFindings } from '../rules/support/nodeFindings';
import type { RuleSetting } from '../core/options';
import type { MapSource } from './map';

/** A model of the language service as a map source, named as the host shows its folder. */
export function viewSource(view: ModelView, name: (root: string) => string): MapSource {
  return { name: name(view.root), source: view.source, model: view.model, findings: view.findings };
}

/** The model of a Terraform plan (JSON) with its findings; undefined when the text is not a plan. */
export function planView(
  filePath: string,
  text: string,
  options: { rules?: Record<string, RuleSetting>; docsBase?: string; log?: (message: string) => void } = {},
): ModelView | undefined {
  const plan = planAnalysis(filePath, text, options);
  if (!plan) return undefined;
  // A plan is generated output: no suppression comments.
  const findings = nodeFindings(plan.reported, { rules: options.rules, allowInlineIgnores: false }, () => undefined);
  return { root: filePath, source: 'plan', model: plan.model, findings };
}
