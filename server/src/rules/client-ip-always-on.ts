import { boolLiteral, removeAttribute, replaceValue } from '../fixes/edits';
import { argumentSupport } from '../model/versions';
import { capitalized, clientIpSwitch, describeListener, findingMessage, loadBalancerRelated } from './support/messages';
import { docsPath, type Rule } from './types';

const id = 'client-ip-always-on';

/** `transparent_client_ip_enable = false` where the platform keeps it on anyway. */
export const clientIpAlwaysOn: Rule = {
  meta: {
    id,
    defaultSeverity: 'error',
    summary: 'Client IP transfer is switched off where it is always on (dedicated LBs, HTTP/HTTPS listeners).',
    docsUrl: docsPath(id),
  },
  check({ model, report }) {
    for (const listener of model.listeners) {
      const { clientIp } = listener;
      const attribute = clientIp.attribute;
      if (!attribute || clientIp.written !== false || clientIp.canBeDisabled !== false) continue;
      // OTC/FE v3 listeners have no such argument at all: client-ip-unsupported-argument says so.
      if (listener.argType === 'none') continue;
      // Nor where the provider version in use has no such argument yet.
      if (argumentSupport(listener, 'transparent_client_ip_enable').support === 'no') continue;
      const asString = listener.argType === 'string';
      report({
        node: listener,
        file: listener.file,
        range: attribute.range,
        message: findingMessage(
          listener.kind === 'dedicated' || !listener.protocol
            ? 'Client IP transfer cannot be turned off on a dedicated load balancer.'
            : `Client IP transfer cannot be turned off on ${listener.protocol} listeners.`,
          `${capitalized(describeListener(listener))} sets it to false, which the platform rejects or ignores.`,
          'Remove the setting, or set it to true.',
        ),
        related: loadBalancerRelated(listener),
        fixes: [
          {
            title: `Remove ${attribute.name}`,
            edits: removeAttribute(listener.file, clientIpSwitch(listener).block, attribute),
            isPreferred: true,
          },
          {
            title: `Set ${attribute.name} to ${boolLiteral(true, asString)}`,
            edits: replaceValue(listener.file, attribute, boolLiteral(true, asString)),
          },
        ],
      });
    }
  },
};
