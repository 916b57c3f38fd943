import type { Finding, RelatedLocation } from '../../core/types';
import type { ModelNode } from '../../model/elb';

/** A rule's finding with the model node it is about. */
export interface ReportedFinding {
  finding: Finding;
  node?: ModelNode;
}

const DOWNLOADED = /[\\/]\.terraform[\\/]/;

/**
 * Findings of module instances and `count`/`for_each` instances, as the user sees them:
 * - the callers' arguments that supplied the values become related locations;
 * - findings in code downloaded by `terraform init` move to the `module` block that calls it;
 * - the same finding from several instances of one block (several callers, several
 *   `count` instances) is reported once, naming the other instances.
 * Findings of nodes without instance context pass through unchanged.
 */
export function mergeInstanceFindings(reported: ReportedFinding[]): Finding[] {
  const out: Finding[] = [];
  const groups = new Map<string, { finding: Finding; addresses: string[] }>();
  for (const { finding, node } of reported) {
    const context = node?.context;
    if (!node || !context) {
      out.push(finding);
      continue;
    }
    let result: Finding = { ...finding, related: addRelated(finding.related, context.callerSources(finding.range)) };
    if (context.shownAt) result = moveToCall(result, context.moduleAddress, context.shownAt);
    // Instances whose messages differ only in their own address are one finding.
    const key = `${result.ruleId}|${result.file}|${JSON.stringify(result.range)}|${result.message.split(node.address).join('#')}`;
    const group = groups.get(key);
    if (group) {
      if (!group.addresses.includes(node.address)) group.addresses.push(node.address);
      group.finding.related = addRelated(group.finding.related, result.related);
      continue;
    }
    const entry = { finding: result, addresses: [node.address] };
    groups.set(key, entry);
    out.push(result);
  }
  for (const { finding, addresses } of groups.values()) {
    if (addresses.length < 2) continue;
    const others = addresses.slice(1).map((a) => `\`${a}\``);
    finding.message += ` The same holds for ${others.length === 1 ? 'the instance' : `${others.length} more instances:`} ${others.join(', ')}.`;
  }
  return out;
}

function addRelated(existing: RelatedLocation[], more: RelatedLocation[]): RelatedLocation[] {
  const result = [...existing];
  for (const location of more) {
    const same = result.some(
      (r) => r.file === location.file && JSON.stringify(r.range) === JSON.stringify(location.range) && r.message === location.message,
    );
    if (!same) result.push(location);
  }
  return result;
}

/** A finding in downloaded module code, shown at the caller's argument that set the value (or the module block). */
function moveToCall(finding: Finding, moduleAddress: string, call: { file: string; range: Finding['range'] }): Finding {
  const argument = finding.related.find((r) => r.file === call.file && !DOWNLOADED.test(r.file));
  return {
    ...finding,
    file: call.file,
    range: argument?.range ?? call.range,
    message: `In ${moduleAddress} (module code downloaded by terraform init): ${finding.message}`,
    related: [{ file: finding.file, range: finding.range, message: 'where the downloaded module sets it' }, ...finding.related],
    // The downloaded copy is not the user's to edit, and `terraform init` would overwrite it.
    fixes: [],
  };
}
