import type { ConfigFile } from '../../parse/config';
import type { AnalysisOptions } from '../../core/options';
import { collectSuppressions, type Suppression } from '../../suppress/suppress';
import { mergeInstanceFindings, type ReportedFinding } from './instanceFindings';
import { shownFindings } from '../../suppress/policy';

/**
 * The findings of each model node as the user sees them, one instance at a time: the finding
 * goes where `mergeInstanceFindings` shows it (a caller's argument for downloaded module code),
 * rule settings (`off`, severities) apply, and so do inline `elb-lens-ignore` comments there.
 * Unlike the merged list, the same finding of two instances stays with each instance.
 */
export function nodeFindings(
  reported: ReportedFinding[],
  options: Pick<AnalysisOptions, 'rules' | 'allowInlineIgnores'>,
  configFile: (path: string) => ConfigFile | undefined,
): ReportedFinding[] {
  const suppressions = new Map<string, Suppression[]>();
  const suppressionsOf = (path: string): Suppression[] => {
    let list = suppressions.get(path);
    if (!list) {
      const file = configFile(path);
      suppressions.set(path, (list = file ? collectSuppressions(file) : []));
    }
    return list;
  };
  const out: ReportedFinding[] = [];
  for (const item of reported) {
    const shown = mergeInstanceFindings([item]).flatMap((f) => shownFindings([f], suppressionsOf(f.file), options));
    for (const finding of shown) out.push({ finding, node: item.node });
  }
  return out;
}
