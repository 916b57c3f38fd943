import { removeAttribute, removeBlock } from '../fixes/edits';
import { FLAT_HEADER_SWITCHES, HTTP_PROTOCOLS } from '../model/providers';
import { argumentSupport } from '../model/versions';
import { isUnknown, toBool } from '../model/value';
import { describeListener, findingMessage } from './support/messages';
import { docsPath, type Rule } from './types';

const id = 'client-ip-ineffective-option';

/** Client-IP alternatives that the listener's protocol ignores. */
export const clientIpIneffectiveOption: Rule = {
  meta: {
    id,
    defaultSeverity: 'warning',
    summary: 'A client-IP option the protocol ignores: HTTP headers on TCP/UDP, Proxy Protocol on non-TLS.',
    docsUrl: docsPath(id),
  },
  check({ model, report }) {
    for (const listener of model.listeners) {
      const protocol = listener.protocol;
      if (protocol === undefined) continue;
      // Options the provider version in use does not have are client-ip-unsupported-argument's.
      const supported = (name: string) => argumentSupport(listener, name).support !== 'no';
      const isHttp = HTTP_PROTOCOLS.has(protocol);
      if (!isHttp) {
        for (const [name, header] of Object.entries(FLAT_HEADER_SWITCHES)) {
          const option = listener.options.get(name);
          if (!option || isUnknown(option.value) || toBool(option.value) !== true || !supported(name)) continue;
          report({
            node: listener,
            file: listener.file,
            range: option.attribute.range,
            message: findingMessage(
              `${name} has no effect on ${protocol} listeners.`,
              `It adds the ${header} HTTP header, and ${describeListener(listener)} does not speak HTTP.`,
              noHeaderRemedy(protocol),
            ),
            fixes: [
              { title: `Remove ${name}`, edits: removeAttribute(listener.file, listener.block, option.attribute), isPreferred: true },
            ],
          });
        }
        const insertHeaders = listener.insertHeaders;
        if (insertHeaders && listener.insertHeaderNames) {
          // Header names as keys: a finding on each header that is switched on, removing that key.
          for (const header of insertHeaders.attributes.values()) {
            if (header.expr.kind !== 'literal' || (header.expr.value !== true && header.expr.value !== 'true')) continue;
            report({
              node: listener,
              file: listener.file,
              range: header.range,
              message: findingMessage(
                `insert_headers "${header.name}" has no effect on ${protocol} listeners.`,
                `It adds an HTTP header, and ${describeListener(listener)} does not speak HTTP.`,
                noHeaderRemedy(protocol),
              ),
              fixes: [
                { title: `Remove "${header.name}"`, edits: removeAttribute(listener.file, insertHeaders, header), isPreferred: true },
              ],
            });
          }
        } else if (insertHeaders && supported('insert_headers')) {
          report({
            node: listener,
            file: listener.file,
            range: insertHeaders.headerRange,
            message: findingMessage(
              `insert_headers has no effect on ${protocol} listeners.`,
              `It only applies to HTTP and HTTPS listeners; ${describeListener(listener)} ignores it.`,
              noHeaderRemedy(protocol),
            ),
            fixes: [{ title: 'Remove insert_headers', edits: removeBlock(listener.file, insertHeaders), isPreferred: true }],
          });
        }
      }
      const proxy = listener.options.get('proxy_protocol_enable');
      if (proxy && protocol !== 'TLS' && !isUnknown(proxy.value) && toBool(proxy.value) === true && supported('proxy_protocol_enable')) {
        report({
          node: listener,
          file: listener.file,
          range: proxy.attribute.range,
          message: findingMessage(
            `proxy_protocol_enable has no effect on ${protocol} listeners.`,
            `Proxy Protocol only carries the client address on TLS listeners; ${describeListener(listener)} ignores it.`,
            isHttp ? 'HTTP/HTTPS listeners pass the client address in the X-Forwarded-For header instead.' : '',
          ),
          fixes: [
            {
              title: 'Remove proxy_protocol_enable',
              edits: removeAttribute(listener.file, listener.block, proxy.attribute),
              isPreferred: true,
            },
          ],
        });
      }
    }
  },
};

/** What to do instead of an HTTP header on a listener that does not speak HTTP. */
function noHeaderRemedy(protocol: string): string {
  return protocol === 'TCP' || protocol === 'UDP'
    ? 'TCP and UDP listeners pass the client address only through Transfer Client IP Address.'
    : 'Use an HTTP or HTTPS listener if backends need this header.';
}
