import { addAttribute, boolLiteral, replaceValue } from '../fixes/edits';
import { argumentSupport, needsVersionNote, upgradeAdvice } from '../model/versions';
import { clientIpSwitch, describeListener } from './support/messages';
import { docsPath, type Rule } from './types';

const id = 'client-ip-shared-l4-off';

/** A shared TCP/UDP listener hides the client address from its backends. */
export const clientIpSharedL4Off: Rule = {
  meta: {
    id,
    defaultSeverity: 'information',
    summary: 'A shared TCP/UDP listener leaves client IP transfer off, so backends only see load balancer addresses.',
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
      const how =
        clientIp.reason === 'default' ? 'leaves Transfer Client IP Address off (the default)' : 'turns Transfer Client IP Address off';
      const seen = `${describeListener(listener)} ${how}: its backends see the load balancer's addresses (100.125.0.0/16), not the clients'. `;
      if (support.support === 'no') {
        report({
          node: listener,
          file: listener.file,
          range: listener.block.headerRange,
          message: `${seen}${listener.protocol} has no header-based alternative. ${upgradeAdvice(support, listener.type, 'to turn it on in Terraform')}`,
        });
        continue;
      }
      const needs = attribute ? '' : needsVersionNote(support);
      report({
        node: listener,
        file: listener.file,
        range: attribute ? attribute.range : listener.block.headerRange,
        message:
          seen +
          `${listener.protocol} has no header-based alternative; set ${target.assignment(value)}${needs} if backends need the client address, ` +
          'and let their security groups admit the client addresses.',
        fixes: [
          {
            title: `Set ${target.assignment(value)}${needs} (security groups must then admit client addresses)`,
            edits: attribute
              ? replaceValue(listener.file, attribute, value)
              : addAttribute(listener.file, target.block, target.name, value, asString ? 'true' : true),
            // Not preferred: it changes what backends see, so "fix all" must not apply it unasked.
            isPreferred: false,
          },
        ],
      });
    }
  },
};
