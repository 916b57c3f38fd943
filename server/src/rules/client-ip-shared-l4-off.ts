import type { FileTextEdit } from '../core/types';
import { addAttribute, boolLiteral, replaceValue } from '../fixes/edits';
import type { Listener } from '../model/elb';
import { ACCESS_CONTROL } from '../model/securityGroups';
import { argumentSupport, needsVersionNote, upgradeAdvice } from '../model/versions';
import { clientIpSwitch, describeListener, settingAssignment } from './support/messages';
import { docsPath, type Rule } from './types';

const id = 'client-ip-shared-l4-off';

/**
 * The Service's traffic policy edit that must go with turning the annotation on, when the
 * policy replaces the client address on its way to the pods (`externalTrafficPolicy`
 * Cluster or absent): CCE acts on the annotation only with Local, so one fix sets both.
 */
function keepSourceEdit(listener: Listener): { edits: FileTextEdit[]; assignment: string } | undefined {
  const hop = listener.hop;
  if (!hop || hop.keepsSource !== false) return undefined;
  const { setting } = hop;
  const quoted = JSON.stringify(setting.keepValue);
  const assignment = settingAssignment(listener.file, setting.name, listener.file.format === 'yaml' ? setting.keepValue : quoted);
  const edits = hop.attribute
    ? replaceValue(listener.file, hop.attribute, quoted)
    : addAttribute(listener.file, setting.block, setting.name, quoted, setting.keepValue);
  return { edits, assignment };
}

/** A shared TCP/UDP listener hides the client address from its backends. */
export const clientIpSharedL4Off: Rule = {
  meta: {
    id,
    defaultSeverity: 'information',
    summary: 'A shared TCP/UDP listener leaves client IP transfer off: backends see only load balancer addresses.',
    docsUrl: docsPath(id),
  },
  check({ model, report }) {
    for (const listener of model.listeners) {
      const { clientIp } = listener;
      if (listener.kind !== 'shared' || clientIp.state !== 'off') continue;
      const asString = listener.argType === 'string';
      const value = boolLiteral(true, asString);
      const attribute = clientIp.attribute;
      const target = clientIpSwitch(listener);
      const support = argumentSupport(listener, 'transparent_client_ip_enable');
      // Written where the provider version in use has no such argument: client-ip-unsupported-argument says so.
      if (attribute && support.support === 'no') continue;
      const problem = `Backends of a shared ${listener.protocol} listener see load balancer addresses, not clients'.`;
      const how =
        clientIp.reason === 'default' ? 'leaves Transfer Client IP Address off (the default)' : 'turns Transfer Client IP Address off';
      const range = listener.provider === 'flexibleengine' ? '100.125.0.0/16 or 100.126.0.0/16' : '100.125.0.0/16';
      const seen = `${problem} ${describeListener(listener)} ${how}, so connections reach its backends from ${range}; ${listener.protocol} has no header that could carry the client address. `;
      if (support.support === 'no') {
        report({
          node: listener,
          file: listener.file,
          range: listener.block.headerRange,
          message: `${seen}${upgradeAdvice(support, listener.type, 'to turn it on in Terraform')}`,
        });
        continue;
      }
      const needs = attribute ? '' : needsVersionNote(support);
      const policy = keepSourceEdit(listener);
      const also = policy ? ` and ${policy.assignment} (pods keep the client address only with Local)` : '';
      const switchEdits = attribute
        ? replaceValue(listener.file, attribute, value)
        : addAttribute(listener.file, target.block, target.name, value, asString ? 'true' : true);
      report({
        node: listener,
        file: listener.file,
        range: attribute ? attribute.range : listener.block.headerRange,
        message:
          seen +
          `Set ${target.assignment(value)}${needs}${also} if backends need the client address. ` +
          `Once it is on, backend security groups and network ACLs no longer filter this listener's traffic: restrict clients with ${ACCESS_CONTROL}.`,
        fixes: [
          {
            title: `Set ${target.assignment(value)}${needs}${policy ? ` and ${policy.assignment}` : ''} (then restrict clients with access control, not security groups)`,
            edits: [...switchEdits, ...(policy?.edits ?? [])],
            // Not preferred: it changes what backends see, so "fix all" must not apply it unasked.
            isPreferred: false,
          },
        ],
      });
    }
  },
};
