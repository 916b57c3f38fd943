import { removeAttribute } from '../fixes/edits';
import { describeListener } from './support/messages';
import { docsPath, type Rule } from './types';

const id = 'client-ip-unsupported-argument';

/** OTC and Flexible Engine v3 listeners have no `transparent_client_ip_enable` argument. */
export const clientIpUnsupportedArgument: Rule = {
  meta: {
    id,
    defaultSeverity: 'error',
    summary: 'transparent_client_ip_enable is written on a listener type that has no such argument.',
    docsUrl: docsPath(id),
  },
  check({ model, report }) {
    for (const listener of model.listeners) {
      const attribute = listener.clientIp.attribute;
      if (!attribute || listener.argType !== 'none') continue;
      report({
        node: listener,
        file: listener.file,
        range: attribute.nameRange,
        message:
          `${listener.type} has no argument transparent_client_ip_enable, so Terraform rejects ${describeListener(listener)}. ` +
          'This listener type belongs to dedicated load balancers, which always pass the client IP on: remove the argument.',
        fixes: [
          {
            title: 'Remove transparent_client_ip_enable',
            edits: removeAttribute(listener.file, listener.block, attribute),
            isPreferred: true,
          },
        ],
      });
    }
  },
};
