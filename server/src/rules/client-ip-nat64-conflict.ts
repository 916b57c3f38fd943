import { removeAttribute } from '../fixes/edits';
import { argumentSupport } from '../model/versions';
import { isUnknown, toBool } from '../model/value';
import { capitalized, clientIpSwitch, describeListener, findingMessage } from './support/messages';
import { docsPath, type Rule } from './types';

const id = 'client-ip-nat64-conflict';

/** NAT64 and client IP transfer cannot both be on in one listener. */
export const clientIpNat64Conflict: Rule = {
  meta: {
    id,
    defaultSeverity: 'error',
    summary: 'nat64_enable and transparent_client_ip_enable are both on in the same listener.',
    docsUrl: docsPath(id),
  },
  check({ model, report }) {
    for (const listener of model.listeners) {
      const attribute = listener.clientIp.attribute;
      if (!attribute || listener.clientIp.written !== true) continue;
      const nat64 = listener.options.get('nat64_enable');
      if (nat64 === undefined || isUnknown(nat64.value) || toBool(nat64.value) !== true) continue;
      // A provider version without either argument: client-ip-unsupported-argument says so.
      if (['transparent_client_ip_enable', 'nat64_enable'].some((name) => argumentSupport(listener, name).support === 'no')) continue;
      report({
        node: listener,
        file: listener.file,
        range: attribute.range,
        message: findingMessage(
          'NAT64 and client IP transfer cannot both be on.',
          `${capitalized(describeListener(listener))} turns on NAT64 (IPv6 clients reaching IPv4 backends) and Transfer Client IP Address.`,
          'Remove transparent_client_ip_enable, or turn NAT64 off.',
        ),
        related: [{ file: listener.file.path, range: nat64.attribute.range, message: 'NAT64 is turned on here' }],
        fixes: [
          {
            title: `Remove ${attribute.name}`,
            edits: removeAttribute(listener.file, clientIpSwitch(listener).block, attribute),
            isPreferred: true,
          },
        ],
      });
    }
  },
};
