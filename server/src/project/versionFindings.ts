import { PROVIDER_VERSION_RULE_ID } from '../core/options';
import type { VersionProblem } from '../terraform/providerVersions';
import type { ReportedFinding } from '../rules/support/instanceFindings';

/**
 * Lock files and version constraints that cannot be read, as `provider-version` hints on
 * the file that holds them (a `.terraform.lock.hcl` or a `.tf` file): clear configuration
 * problems, which never stop the analysis (what cannot be read is left out).
 */
export function versionProblemFindings(problems: VersionProblem[], docsBase: string): ReportedFinding[] {
  return onceEach(
    problems.map((problem) => ({
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
    })),
  );
}

/**
 * Findings about no model node (these problems) once each: a module folder reached from
 * several root modules is read by each of them. Findings about nodes pass unchanged
 * (mergeInstanceFindings merges those).
 */
export function onceEach(reported: ReportedFinding[]): ReportedFinding[] {
  const seen = new Set<string>();
  return reported.filter(({ finding, node }) => {
    if (node) return true;
    const key = `${finding.ruleId}|${finding.file}|${JSON.stringify(finding.range)}|${finding.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
