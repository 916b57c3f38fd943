import type { ConfigAttribute } from '../parse/config';
import type { Listener } from './elb';

/** The `insert_headers` key (ELB API) that decides what happens to X-Forwarded-For. */
export const XFF_MODE = 'X-Forwarded-For-Processing-Mode';

/** Listeners the key acts on (the API ignores it elsewhere). */
const XFF_MODE_PROTOCOLS = new Set(['HTTP', 'HTTPS', 'TERMINATED_HTTPS', 'QUIC']);

/**
 * The listener's `X-Forwarded-For-Processing-Mode` and its literal value (`append`, `remove`,
 * `preserve`), where it is written in an `insert_headers` object keyed by header names (ELB
 * API JSON). No Terraform provider has the key yet; when one does, its form joins here.
 */
export function xffMode(listener: Listener): { attribute: ConfigAttribute; mode: string | undefined } | undefined {
  if (!listener.insertHeaderNames) return undefined;
  const headers = listener.block.blocks.find((b) => b.type === 'insert_headers');
  const attribute = headers?.attributes.get(XFF_MODE);
  if (!attribute) return undefined;
  const mode = attribute.expr.kind === 'literal' && typeof attribute.expr.value === 'string' ? attribute.expr.value : undefined;
  return { attribute, mode };
}

/** Whether the listener's protocol is known and one the key acts on. */
export function xffModeApplies(listener: Listener): boolean {
  return listener.protocol !== undefined && XFF_MODE_PROTOCOLS.has(listener.protocol);
}

/** Hover text on the mode a listener writes, when it changes what backends can trust; undefined otherwise. */
export function xffModeNote(listener: Listener): string | undefined {
  const written = xffMode(listener);
  if (!written || !xffModeApplies(listener)) return undefined;
  if (written.mode === 'remove') return `\`${XFF_MODE}\` is \`remove\`: backends get no X-Forwarded-For at all, so no client address.`;
  if (written.mode === 'preserve')
    return `\`${XFF_MODE}\` is \`preserve\`: a client-supplied X-Forwarded-For passes unchanged, so clients can put any address there; backends must not trust it.`;
  return undefined;
}
