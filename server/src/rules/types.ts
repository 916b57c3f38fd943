import type { Fix, RelatedLocation, Range, Severity } from '../core/types';
import type { ConfigFile } from '../parse/config';
import type { ElbModel, ModelNode } from '../model/elb';

export interface RuleMeta {
  id: string;
  defaultSeverity: Severity;
  /** One line, for `elb-lens rules` and the docs index. */
  summary: string;
  /** Relative to the package root: `docs/rules/<id>.md`. */
  docsUrl: string;
}

/** What a rule reports; the engine adds id, severity and docs link. */
export interface RuleReport {
  /** The model node the finding is about (its instance and module context name it in messages). */
  node?: ModelNode;
  file: ConfigFile;
  range: Range;
  message: string;
  related?: RelatedLocation[];
  fixes?: Fix[];
}

export interface RuleContext {
  model: ElbModel;
  report(report: RuleReport): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

/**
 * Docs ship inside the extension and the npm package, so the core names a page by its
 * path relative to the package root; hosts turn it into a file URI or a path.
 */
export function docsPath(id: string): string {
  return `docs/rules/${id}.md`;
}
