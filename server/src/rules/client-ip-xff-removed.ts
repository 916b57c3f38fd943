import { replaceValue } from '../fixes/edits';
import { XFF_MODE, xffMode, xffModeApplies } from '../model/xffMode';
import { describeListener } from './support/messages';
import { docsPath, type Rule } from './types';

const id = 'client-ip-xff-removed';

/** A Layer-7 listener that deletes X-Forwarded-For: its backends get no client address at all. */
export const clientIpXffRemoved: Rule = {
  meta: {
    id,
    defaultSeverity: 'warning',
    summary: 'A Layer-7 listener removes X-Forwarded-For, so its backends get no client address at all.',
    docsUrl: docsPath(id),
  },
  check({ model, report }) {
    for (const listener of model.listeners) {
      const written = xffMode(listener);
      // Only the exact value the API documents: anything else is not read as "remove".
      if (!written || written.mode !== 'remove' || !xffModeApplies(listener)) continue;
      const { attribute } = written;
      // X-Real-IP still carries the client address (or may: a value not written as a literal false).
      const realIp = listener.block.blocks.find((b) => b.type === 'insert_headers')?.attributes.get('X-Real-IP');
      if (realIp && !(realIp.expr.kind === 'literal' && realIp.expr.value === false)) continue;
      report({
        node: listener,
        file: listener.file,
        range: attribute.range,
        message:
          'Backends of this listener get no client address: X-Forwarded-For is removed. ' +
          `${describeListener(listener)} sets ${XFF_MODE} to "remove", so the load balancer deletes the header before requests reach the backends; ` +
          `on ${listener.protocol} listeners the client address travels only in headers, and no X-Real-IP is added. ` +
          'Set it to "append" (the default) if backends need the client address.',
        fixes: [
          {
            title: `Set ${XFF_MODE} to "append" (backends get the client address in X-Forwarded-For)`,
            edits: replaceValue(listener.file, attribute, '"append"'),
            isPreferred: true,
          },
        ],
      });
    }
  },
};
