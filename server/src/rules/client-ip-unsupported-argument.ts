import type { Range } from '../core/types';
import { removeAttribute, removeBlock } from '../fixes/edits';
import type { Listener } from '../model/elb';
import { argumentSupport, versionInUseText } from '../model/versions';
import type { ConfigAttribute, ConfigBlock } from '../parse/config';
import { describeListener, findingMessage } from './support/messages';
import { docsPath, type Rule } from './types';

const id = 'client-ip-unsupported-argument';

/**
 * Arguments Terraform rejects as unsupported: `transparent_client_ip_enable` on OTC and
 * Flexible Engine v3 listeners, which have no such argument, and any argument of the
 * provider table that the provider version in use does not have yet.
 */
export const clientIpUnsupportedArgument: Rule = {
  meta: {
    id,
    defaultSeverity: 'error',
    summary: 'A listener argument that the listener type or the provider version in use does not have.',
    docsUrl: docsPath(id),
  },
  check({ model, report }) {
    for (const listener of model.listeners) {
      const attribute = listener.clientIp.attribute;
      if (attribute && listener.argType === 'none') {
        report({
          node: listener,
          file: listener.file,
          range: attribute.nameRange,
          message: findingMessage(
            `${listener.type} has no argument transparent_client_ip_enable.`,
            `Terraform rejects ${describeListener(listener)}.`,
            'This listener type belongs to dedicated load balancers, which always pass the client IP on: remove the argument.',
          ),
          fixes: [
            {
              title: 'Remove transparent_client_ip_enable',
              edits: removeAttribute(listener.file, listener.block, attribute),
              isPreferred: true,
            },
          ],
        });
        continue;
      }
      for (const name of listener.info.unsupportedArguments ?? []) {
        const written = writtenArgument(listener, name);
        if (!written) continue;
        report({
          node: listener,
          file: listener.file,
          range: written.range,
          message:
            `${listener.type} has no argument ${name}, so Terraform rejects ${describeListener(listener)}. ` +
            `This listener type is built from an older Huawei provider listener (1.57.0), which lacks ${listener.info.unsupportedArguments?.join(', ')}. Remove the argument.`,
          fixes: [{ title: `Remove ${name}`, edits: written.remove(), isPreferred: true }],
        });
      }
      for (const name of Object.keys(listener.info.since ?? {})) {
        const written = writtenArgument(listener, name);
        if (!written) continue;
        const support = argumentSupport(listener, name);
        if (support.support !== 'no' || !support.version) continue;
        report({
          node: listener,
          file: listener.file,
          range: written.range,
          message: findingMessage(
            `${name} needs provider version ${support.since} or later.`,
            `It arrived on ${listener.type} in version ${support.since} of the ${support.version.provider} provider, and the ` +
              `version in use is ${versionInUseText(support.version)}: Terraform rejects ${describeListener(listener)} with "Unsupported argument".`,
            `Upgrade the provider to >= ${support.since}, or remove ${name} and make the setting in the console or through the ELB API.`,
          ),
          fixes: [
            {
              title: `Remove ${name} (the provider version in use does not have it)`,
              edits: written.remove(),
              // Not preferred: removing it gives up the setting; upgrading the provider keeps it.
              isPreferred: false,
            },
          ],
        });
      }
    }
  },
};

/** The argument (or nested block) `name` as written on the listener: where to report it and how to remove it. */
function writtenArgument(listener: Listener, name: string): { range: Range; remove: () => ReturnType<typeof removeAttribute> } | undefined {
  const { file, block } = listener;
  const attribute: ConfigAttribute | undefined = block.attributes.get(name);
  if (attribute) return { range: attribute.nameRange, remove: () => removeAttribute(file, block, attribute) };
  const nested: ConfigBlock | undefined = block.blocks.find((b) => b.type === name || (b.type === 'dynamic' && b.labels[0] === name));
  if (nested) return { range: nested.headerRange, remove: () => removeBlock(file, nested) };
  return undefined;
}
