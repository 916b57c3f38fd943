import type { ElbModel, Listener, LoadBalancer } from '../model/elb';
import { HTTP_PROTOCOLS } from '../model/providers';
import { cceAnnotationLines } from './platform';

/**
 * Hover texts for settings written on a load balancer for all its listeners (Kubernetes
 * Service annotations and spec fields): the client-IP switch, the hop behind the backends
 * (`externalTrafficPolicy`), and settings the platform does not read.
 */

function stateWord(listener: Listener): string {
  const { clientIp } = listener;
  if (clientIp.state === 'unknown') return 'unknown';
  if (clientIp.reason === 'always-on') return 'always on';
  return clientIp.state;
}

/** What the workload behind a listener sees as the client's address. */
export function workloadSees(listener: Listener): string {
  const { clientIp, hop, protocol } = listener;
  const layer7 = protocol !== undefined && HTTP_PROTOCOLS.has(protocol);
  if (layer7) {
    return 'the client address in the `X-Forwarded-For` header (the connection itself comes from the load balancer side)';
  }
  if (clientIp.state === 'off') return 'a load balancer address (100.125.0.0/16), never the client’s';
  if (clientIp.state === 'unknown') return 'the client address only if client IP transfer is on, which is unknown here';
  if (!hop || hop.keepsSource === true) return 'the client address';
  if (hop.keepsSource === false) return 'a node’s address: the client address is lost on the way through the cluster';
  return 'the client address or a node’s address, depending on the cluster network';
}

/** The "what the workload sees" lines of a listener hover. */
export function hopLines(listener: Listener): string[] {
  const hop = listener.hop;
  if (!hop) return [];
  return ['', `**What the pods see:** ${workloadSees(listener)}.`, '', `- ${capitalize(hop.explanation)}.`, `- ${hop.caveat}`];
}

/** Upper-cases the first letter of a sentence, unless it starts with a camelCase name (`externalTrafficPolicy`). */
function capitalize(text: string): string {
  return /^[a-z]+[A-Z_]/.test(text) ? text : text.charAt(0).toUpperCase() + text.slice(1);
}

function portLine(listener: Listener): string {
  return `- \`${listener.address}\` (${listener.protocol ?? 'unknown protocol'}): Transfer Client IP Address **${stateWord(listener)}** — ${listener.clientIp.explanation}; the pods see ${workloadSees(listener)}.`;
}

/** Hover on a setting of a load balancer's block; undefined when it is none of the above. */
export function settingHover(lb: LoadBalancer, attributeName: string, model: ElbModel, docsLink: string): string | undefined {
  const listeners = model.listeners.filter((l) => l.loadBalancer === lb);
  const unrecognized = (model.unrecognized ?? []).find((u) => u.node === lb && u.attribute.name === attributeName);
  const out: string[] = [];
  if (unrecognized) {
    out.push(`**\`${attributeName}\` is not read** — ${unrecognized.reason}.`);
    if (unrecognized.suggestion) out.push('', `Did you mean \`${unrecognized.suggestion}\`?`);
  }
  const clientIp = listeners.filter((l) => l.clientIp.setting?.name === attributeName || l.clientIp.attribute?.name === attributeName);
  if (clientIp.length > 0) {
    if (out.length > 0) out.push('');
    out.push(
      `**\`${attributeName}\`** — Transfer Client IP Address of the load balancer’s listeners (${lb.kind}: ${listeners[0]?.kindExplanation ?? 'unknown'}).`,
      '',
    );
    out.push(...clientIp.map(portLine));
    if (lb.kind === 'dedicated') out.push('', 'Dedicated load balancers always transfer the client IP; the annotation cannot turn it off.');
    else if (lb.kind === 'shared')
      out.push(
        '',
        "Shared load balancers transfer it on HTTP/HTTPS listeners always, and on TCP/UDP listeners only when this is `'true'`. Switching it interrupts traffic for about ten seconds.",
      );
    out.push(...cceAnnotationLines(attributeName));
  }
  const hopped = listeners.filter((l) => l.hop?.setting.name === attributeName);
  if (hopped.length > 0) {
    const hop = hopped[0].hop!;
    if (out.length > 0) out.push('');
    out.push(`**\`${attributeName}\`** — ${capitalize(hop.explanation)}.`, '');
    out.push(...hopped.map((l) => `- \`${l.address}\` (${l.protocol ?? 'unknown protocol'}): the pods see ${workloadSees(l)}.`));
    out.push('', hop.caveat);
  }
  if (out.length === 0) return undefined;
  out.push('', `[About client IP transfer](${docsLink})`);
  return out.join('\n');
}
