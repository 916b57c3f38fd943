import { codeSpan, markdownText } from '../core/escape';
import type { Range } from '../core/types';
import type { ElbModel, Listener, LoadBalancer, Member, ModelNode, Pool } from '../model/elb';
import { HTTP_PROTOCOLS } from '../model/providers';
import { argumentSupport, upgradeAdvice, versionInUseText, versionNeeded } from '../model/versions';
import { platformLines, tcpAlternative } from './platform';
import { hopLines, settingHover } from './settings';

/**
 * Markdown explanations of the client-IP state, built from the model. The host decides
 * where the cursor is; this only words what the model knows.
 */

export interface HoverTarget {
  node: ModelNode;
  /** The attribute under the cursor, if any. */
  attributeName: string | undefined;
  range: Range;
}

function stateWord(listener: Listener): string {
  const { clientIp } = listener;
  if (clientIp.state === 'unknown') return 'unknown';
  if (clientIp.reason === 'always-on') return 'always on';
  return clientIp.state;
}

/** The other ways to get the client address, for the listener's protocol and provider version. */
export function alternativesFor(listener: Listener): string {
  const { protocol } = listener;
  if (protocol === undefined) return 'depend on the protocol, which is unknown.';
  if (HTTP_PROTOCOLS.has(protocol)) {
    const xff = `the \`X-Forwarded-For\` header, which ${protocol} listeners always add`;
    if (!listener.info.flatHeaderSwitches) return `${xff}.`;
    const realIp = argumentSupport(listener, 'real_ip');
    if (realIp.support === 'no') return `${xff}. ${upgradeAdvice(realIp, listener.type, 'to add `X-Real-IP` as well')}`;
    const needed = versionNeeded(realIp);
    return `${xff}; optionally \`X-Real-IP\` (\`real_ip = true\`${needed ? `, ${needed}` : ''}).`;
  }
  if (protocol === 'TLS') {
    const proxy = argumentSupport(listener, 'proxy_protocol_enable');
    if (proxy.support === 'no')
      return `Proxy Protocol, which sends the client address ahead of the data. ${upgradeAdvice(proxy, listener.type, 'to turn it on')}`;
    const needed = versionNeeded(proxy);
    return `Proxy Protocol (\`proxy_protocol_enable = true\`${needed ? `, ${needed}` : ''}), which sends the client address ahead of the data.`;
  }
  if (protocol === 'TCP') return tcpAlternative(listener);
  if (protocol === 'UDP') return 'none: UDP listeners can only pass the client address by transferring it.';
  return `none known for ${protocol}.`;
}

/** The provider version the decisions used, where it came from, and the arguments it lacks. */
function providerVersionLines(listener: Listener): string[] {
  const fact = listener.providerVersion;
  if (!fact) return [];
  const from = fact.source === 'lock-file' ? 'lock file' : fact.source === 'constraint' ? 'version constraint' : 'unknown';
  const missing: string[] = [];
  for (const [argument, since] of Object.entries(listener.info.since ?? {})) {
    const support = argumentSupport(listener, argument).support;
    if (support === 'no') missing.push(`  - ${codeSpan(argument)} arrived in ${since}: not in the version in use`);
    else if (support === 'some') missing.push(`  - ${codeSpan(argument)} arrived in ${since}: only some of the allowed versions have it`);
  }
  // Said where it matters: an argument it lacks, or a version that is not known (the newest is assumed).
  return missing.length > 0 || fact.source === 'unknown'
    ? [`- Provider: ${codeSpan(fact.provider)} ${versionInUseText(fact)} — source: ${from}`, ...missing]
    : [];
}

function backendLines(pools: Pool[], on: boolean): string[] {
  const lines: string[] = [];
  for (const pool of pools) {
    for (const member of pool.members) {
      const name = `${codeSpan(member.address)}`;
      if (member.isIpBackend === true) lines.push(`- ${name}: does **not** receive it (${member.ipBackendExplanation})`);
      else if (member.isIpBackend === false) lines.push(`- ${name}: ${on ? 'receives it' : 'would receive it when on'}`);
      else lines.push(`- ${name}: cannot tell whether it is an IP backend`);
    }
    if (pool.poolType === 'ip' && pool.members.length === 0)
      lines.push(`- pool ${codeSpan(pool.address)} holds only IP backends, which never receive it`);
  }
  return lines;
}

/**
 * The hover on a listener. The first screen answers, in this order: the state and why, the
 * facts it rests on, who gets the client address, and what to do; what holds for every
 * listener with transfer on (limits, security groups, caveats) is on the page behind the
 * link, so the box needs no scrolling. No sentence repeats a finding's message, which the
 * editor shows above it.
 */
export function listenerHover(listener: Listener, docsLink: string): string {
  const { clientIp } = listener;
  const out: string[] = [];
  out.push(`**Transfer Client IP Address: ${stateWord(listener)}** — ${clientIp.explanation}.`);
  out.push('');
  out.push(`- ${loadBalancerFact(listener)} · ${markdownText(listener.protocol ?? 'protocol unknown')}`);
  if (clientIp.attribute) {
    const written =
      clientIp.written === 'unknown'
        ? `an expression only known when Terraform runs${clientIp.writtenUnknownReason ? ` (${markdownText(clientIp.writtenUnknownReason)})` : ''}`
        : clientIp.written === undefined
          ? 'null (unset, so the default applies)'
          : String(clientIp.written);
    out.push(
      `- Written: ${codeSpan(clientIp.attribute.name)} = ${written}${clientIp.canBeDisabled === false && clientIp.written === false ? ' (no effect here)' : ''}`,
    );
  } else if (listener.argType === 'none') {
    out.push(`- ${codeSpan(listener.type)} has no \`transparent_client_ip_enable\` argument.`);
  }
  out.push(...providerVersionLines(listener));
  out.push(...hopLines(listener));
  const backends = backendLines(listener.pools, clientIp.state === 'on');
  if (backends.length > 0) out.push('', '**Who gets the client IP**', ...backends);
  out.push('', `**What to do:** ${whatToDo(listener)}`);
  // Where the listener does not transfer it, and on HTTP and TLS listeners, whose backends read it
  // from a header or Proxy Protocol; a TCP/UDP IP backend's own hover and finding say what it can do.
  const layer4 = listener.protocol === 'TCP' || listener.protocol === 'UDP';
  if (clientIp.state !== 'on' || !layer4) out.push('', `**Other ways to get it:** ${alternativesFor(listener)}`);
  // What this listener's kind, protocol and provider change (security groups, TLS, regions).
  out.push('', ...platformLines(listener).map((line) => `- ${line}`));
  out.push('', `[More: limits while it is on, caveats](${docsLink})`);
  return out.join('\n');
}

/** "Load balancer `x` (dedicated)", with why where the address and kind do not say it already. */
function loadBalancerFact(listener: Listener): string {
  const lb = listener.loadBalancer;
  if (!lb) return `Load balancer: ${listener.kind} (${listener.kindExplanation})`;
  // "it belongs to X, a dedicated load balancer" only repeats the line's own words; a reason after it stays.
  const explanation = listener.kindExplanation;
  const prefix = [lb.address, `\`${lb.address}\``]
    .map((name) => `it belongs to ${name}, a ${listener.kind} load balancer`)
    .find((p) => explanation.startsWith(p));
  const rest = prefix === undefined ? undefined : explanation.slice(prefix.length).trim();
  const why = rest === undefined ? undefined : rest === '' ? '' : /^\((.*)\)$/.exec(rest)?.[1];
  if (why !== undefined) return `Load balancer ${codeSpan(lb.address)} (${listener.kind}${why ? `: ${why}` : ''})`;
  return `Load balancer ${codeSpan(lb.address)}: ${listener.kind} (${explanation})`;
}

/** The one thing to do about this listener's client IP, for its state. */
function whatToDo(listener: Listener): string {
  const { clientIp } = listener;
  if (clientIp.state === 'unknown') {
    return clientIp.written === 'unknown'
      ? 'give the value (a tfvars file, `--var`, or `variables` in `.elb-lens.json`) to see the result.'
      : 'point `loadbalancer_id` at a load balancer of this module, or set the protocol, to see the result.';
  }
  if (clientIp.reason === 'always-on') {
    return clientIp.written === false
      ? `remove \`${clientIp.attribute?.name ?? 'transparent_client_ip_enable'}\`: it cannot turn transfer off.`
      : 'nothing to switch; keep backends in the VPC (server backends) and no backend a client of its own load balancer.';
  }
  const switchName = listener.clientIp.setting?.name ?? 'transparent_client_ip_enable';
  if (clientIp.state === 'off') {
    return `set ${codeSpan(switchName)} to true if backends need the client address (it interrupts traffic for about ten seconds).`;
  }
  return 'keep backends in the VPC, and no backend a client of its own load balancer; switching it off interrupts traffic for about ten seconds.';
}

function poolHover(pool: Pool, docsLink: string): string {
  const out: string[] = [];
  const listeners = pool.listeners;
  const type = pool.idOnly
    ? 'unknown (only its id is known: no definition of the pool was read)'
    : pool.poolType === undefined
      ? 'not set (any backend)'
      : pool.poolType || 'any';
  out.push(`**Pool ${codeSpan(pool.address)}** — type: ${type}`);
  if (listeners.length === 0) out.push('', 'No listener of this module sends traffic here, so its client IP state is unknown.');
  for (const listener of listeners) {
    out.push(
      '',
      `From ${codeSpan(listener.address)} (${markdownText(listener.protocol ?? 'unknown protocol')}): Transfer Client IP Address **${stateWord(listener)}**.`,
    );
    const lines = backendLines([pool], listener.clientIp.state === 'on');
    if (lines.length > 0) out.push(...lines);
  }
  if (pool.poolType === 'ip') out.push('', 'IP backends never receive the client IP, whatever the listener says.');
  out.push('', `[About client IP transfer](${docsLink})`);
  return out.join('\n');
}

function memberHover(member: Member, docsLink: string): string {
  const out: string[] = [];
  const kind = member.isIpBackend === true ? 'IP backend' : member.isIpBackend === false ? 'server backend' : 'backend of unknown kind';
  out.push(`**Member ${codeSpan(member.address)}** — ${kind}: ${member.ipBackendExplanation}.`);
  const listeners = member.pool?.listeners ?? [];
  for (const listener of listeners) {
    const on = listener.clientIp.state;
    let gets: string;
    if (member.isIpBackend === true) gets = 'does not receive the client IP (IP backends never do)';
    else if (on === 'on')
      gets = member.isIpBackend === false ? 'receives the client IP' : 'receives the client IP if it is a server in the VPC';
    else if (on === 'off') gets = 'sees the load balancer’s address, not the client’s';
    else gets = 'may or may not receive the client IP (the listener’s state is unknown)';
    out.push('', `Through ${codeSpan(listener.address)} (${markdownText(listener.protocol ?? 'unknown protocol')}): ${gets}.`);
    if (member.isIpBackend === true) {
      out.push(`Alternative: ${alternativesFor(listener)}`);
    }
  }
  if (listeners.length === 0) out.push('', 'No listener of this module was found for its pool.');
  out.push('', `A backend must not also be a client of the same load balancer while the client IP is transferred. [Details](${docsLink})`);
  return out.join('\n');
}

function loadBalancerHover(lb: LoadBalancer, model: ElbModel, docsLink: string): string {
  const out: string[] = [`**Load balancer ${codeSpan(lb.address)}** — ${lb.kind}.`];
  if (lb.kind === 'dedicated')
    out.push('', 'Dedicated load balancers always transfer the client IP, on every listener; it cannot be turned off.');
  if (lb.kind === 'shared')
    out.push(
      '',
      'Shared load balancers always transfer the client IP on HTTP/HTTPS listeners; on TCP/UDP listeners it is off unless turned on.',
    );
  const listeners = model.listeners.filter((l) => l.loadBalancer === lb);
  for (const listener of listeners)
    out.push(`- ${codeSpan(listener.address)} (${markdownText(listener.protocol ?? '?')}): ${stateWord(listener)}`);
  out.push('', `[About client IP transfer](${docsLink})`);
  return out.join('\n');
}

export function hoverMarkdown(target: HoverTarget, model: ElbModel, docsLink: string): string | undefined {
  const node = target.node;
  switch (node.info.role) {
    case 'listener': {
      const listener = model.listeners.find((l) => l === node);
      return listener ? listenerHover(listener, docsLink) : undefined;
    }
    case 'pool': {
      const pool = model.pools.find((p) => p === node);
      return pool ? poolHover(pool, docsLink) : undefined;
    }
    case 'member': {
      const member = model.members.find((m) => m === node);
      return member ? memberHover(member, docsLink) : undefined;
    }
    case 'loadbalancer': {
      const lb = model.loadBalancers.find((l) => l === node);
      const setting = lb && target.attributeName ? settingHover(lb, target.attributeName, model, docsLink) : undefined;
      if (setting) return setting;
      return lb ? loadBalancerHover(lb, model, docsLink) : undefined;
    }
    default:
      return undefined;
  }
}

/** Short label for inlay hints after a listener's protocol. */
export function inlayLabel(listener: Listener): string {
  const { clientIp } = listener;
  if (clientIp.state === 'unknown') return 'client IP: unknown';
  if (clientIp.reason === 'always-on')
    return `client IP: always on (${listener.kind === 'unknown' ? (listener.protocol ?? '') : listener.kind})`;
  if (clientIp.reason === 'default') return `client IP: off (shared ${listener.protocol} default)`;
  return `client IP: ${clientIp.state}`;
}

/**
 * The inlay label of a Service port whose ELB listener speaks another protocol than the port
 * (`kubernetes.io/elb.protocol-port: "http:80"` on a TCP port): the listener's protocol is
 * what decides, so the label names it.
 */
export function portInlayLabel(listener: Listener): string {
  const label = inlayLabel(listener);
  if (listener.type !== 'kubernetes:port' || !listener.protocol) return label;
  const written = listener.block.attributes.get('protocol');
  const portProtocol =
    written?.expr.kind === 'literal' && typeof written.expr.value === 'string'
      ? written.expr.value.toUpperCase()
      : written
        ? undefined
        : 'TCP';
  if (portProtocol === undefined || portProtocol === listener.protocol) return label;
  const shown = listener.protocol === 'TERMINATED_HTTPS' ? 'HTTPS' : listener.protocol;
  if (listener.clientIp.reason === 'always-on') return `${shown} listener: client IP always on`;
  return `${shown} listener, ${label}`;
}

/** Every node made from one block (module instances, count/for_each instances). */
export function nodesOfBlock(model: ElbModel, block: ModelNode['block']): ModelNode[] {
  return [...model.loadBalancers, ...model.listeners, ...model.pools, ...model.members].filter((n) => n.block === block);
}

/**
 * For a block with several instances: each instance's state and where its values came from
 * (the callers' arguments for the part under the cursor). Empty for a single instance.
 */
export function instancesMarkdown(nodes: ModelNode[], range: Range): string {
  if (nodes.length === 1) {
    const sources = nodes[0].context?.callerSources(range) ?? [];
    return sources.length > 0 ? `**From the caller:** ${sources.map((s) => markdownText(s.message)).join('; ')}` : '';
  }
  if (nodes.length === 0) return '';
  const lines = ['**Per instance**', ''];
  for (const node of nodes) {
    const listener = node.info.role === 'listener' ? (node as Listener) : undefined;
    const state = listener ? `: ${markdownText(listener.protocol ?? 'protocol unknown')}, ${markdownText(inlayLabel(listener))}` : '';
    const sources = node.context?.callerSources(range) ?? [];
    const from = sources.length > 0 ? ` (${sources.map((s) => markdownText(s.message)).join('; ')})` : '';
    lines.push(`- ${codeSpan(node.address)}${state}${from}`);
  }
  return lines.join('\n');
}
