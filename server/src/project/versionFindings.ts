import { PROVIDER_VERSION_RULE_ID } from '../config/config';
import type { VersionProblem } from '../terraform/providerVersions';
import type { ReportedFinding } from './instanceFindings';

/**
 * Lock files and version constraints that cannot be read, as `provider-version` hints on
 * the file that holds them (a `.terraform.lock.hcl` or a `.tf` file): clear configuration
 * problems, which never stop the analysis (what cannot be read is left out).
 */
export function versionProblemFindings(problems: VersionProblem[], docsBase: string): ReportedFinding[] {
  const seen = new Set<string>();
  const out: ReportedFinding[] = [];
  for (const problem of problems) {
    const key = `${problem.file.path}|${JSON.stringify(problem.range)}|${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      finding: {
        ruleId: PROVIDER_VERSION_RULE_ID,
        severity: 'hint',
        message: problem.message,
        file: problem.file.path,
        range: problem.range,
        related: [],
        fixes: [],
        docsUrl: `${docsBase}${PROVIDER_VERSION_RULE_ID}.md`,
      },
    });
  }
  return out;
}
