import type { Fix } from '../core/types';
import { addAttribute, addCopiedAttribute, replaceValue } from '../fixes/edits';
import type { Listener, Member, Pool } from '../model/elb';
import { MEMBER_SUBNET_ARGUMENT } from '../model/providers';
import { argumentSupport, needsVersionNote, upgradeAdvice, versionNeeded } from '../model/versions';
import { isUnknown, toBool } from '../model/value';
import { describeListener, findingMessage, isHttpListener, related } from './support/messages';
import { docsPath, type Rule, type RuleReport } from './types';

const id = 'client-ip-ip-backend';

/** Backends added by IP address never receive the client address. */
export const clientIpIpBackend: Rule = {
  meta: {
    id,
    defaultSeverity: 'warning',
    summary: 'A listener that transfers the client IP sends traffic to IP-address backends, which never get it.',
    docsUrl: docsPath(id),
  },
  check({ model, report }) {
    for (const listener of model.listeners) {
      if (listener.clientIp.state !== 'on') continue;
      for (const pool of listener.pools) {
        if (pool.poolType === 'ip') {
          const typeAttribute = pool.block.attributes.get('type');
          if (typeAttribute) {
            report(poolReport(listener, pool, typeAttribute.range));
            continue;
          }
        }
        for (const member of pool.members) {
          if (member.isIpBackend !== true) continue;
          report(memberReport(listener, pool, member));
        }
      }
    }
  },
};

function alternative(listener: Listener): string {
  if (isHttpListener(listener)) {
    const xff = 'Read the client address from the X-Forwarded-For header, which HTTP/HTTPS listeners always add';
    if (listener.info.flatHeaderSwitches) {
      const realIp = argumentSupport(listener, 'real_ip');
      if (realIp.support === 'no') return `${xff}. ${upgradeAdvice(realIp, listener.type, 'to add X-Real-IP as well')}`;
      const needed = versionNeeded(realIp);
      return `${xff} (or turn on real_ip for X-Real-IP${needed ? `; ${needed}` : ''}).`;
    }
    return xff + (realIpHeaderAvailable(listener) ? ' (or set "X-Real-IP": true in insert_headers).' : '.');
  }
  if (listener.protocol === 'TLS') {
    const proxy = argumentSupport(listener, 'proxy_protocol_enable');
    if (proxy.support === 'no')
      return `Proxy Protocol would carry it in a PROXY header. ${upgradeAdvice(proxy, listener.type, 'to turn it on')}`;
    const needed = versionNeeded(proxy);
    return `Turn on Proxy Protocol (proxy_protocol_enable${needed ? `; ${needed}` : ''}) and read the address from the PROXY header.`;
  }
  if (listener.protocol === 'TCP' || listener.protocol === 'UDP') {
    return `${listener.protocol} listeners have no other way to pass the client address: use a server in the load balancer's VPC (with ${MEMBER_SUBNET_ARGUMENT[listener.provider]}) if backends need it.`;
  }
  return 'Use an HTTP/HTTPS listener and the X-Forwarded-For header if backends need the client address.';
}

/** `X-Real-IP` is a key of `insert_headers` where its keys are header names, on dedicated load balancers only. */
function realIpHeaderAvailable(listener: Listener): boolean {
  return listener.insertHeaderNames && listener.kind === 'dedicated';
}

/**
 * Each fix changes what backends receive (a header, a PROXY line, a different backend),
 * so none is applied by "fix all" or `--fix` without the user choosing it.
 */
function notPreferred(fixes: Fix[]): Fix[] {
  return fixes.map((fix) => ({ ...fix, isPreferred: false }));
}

function listenerFixes(listener: Listener): Fix[] {
  if (isHttpListener(listener)) {
    if (listener.info.flatHeaderSwitches) return switchOn(listener, 'real_ip', 'backends get the client address in X-Real-IP');
    if (realIpHeaderAvailable(listener)) return realIpHeaderFixes(listener);
    return [];
  }
  if (listener.protocol === 'TLS' && listener.info.proxyProtocol) {
    return switchOn(listener, 'proxy_protocol_enable', 'backends get the client address in the PROXY header');
  }
  return [];
}

/** Adds the listener's switch `name` as true, or sets it to true; nothing when it is on already or cannot be told. */
function switchOn(listener: Listener, name: string, what: string): Fix[] {
  const { file, block } = listener;
  const support = argumentSupport(listener, name);
  // The provider version in use has no such argument: the message says what to upgrade to instead.
  if (support.support === 'no') return [];
  const attribute = block.attributes.get(name);
  if (!attribute) {
    return [{ title: `Add ${name} = true${needsVersionNote(support)} (${what})`, edits: addAttribute(file, block, name, 'true', true) }];
  }
  // No option value: written as null (unset).
  const value = listener.options.get(name)?.value;
  if (value !== undefined && (isUnknown(value) || toBool(value) === true)) return [];
  return [{ title: `Set ${name} to true (${what})`, edits: replaceValue(file, attribute, 'true') }];
}

/** `"X-Real-IP": true` in `insert_headers`, which is added when missing. */
function realIpHeaderFixes(listener: Listener): Fix[] {
  const { file, block } = listener;
  const title = 'Set "X-Real-IP": true in insert_headers (backends get the client address in X-Real-IP)';
  const headers = block.blocks.find((b) => b.type === 'insert_headers');
  const realIp = headers?.attributes.get('X-Real-IP');
  if (headers && realIp) {
    return realIp.expr.kind === 'literal' && realIp.expr.value === true ? [] : [{ title, edits: replaceValue(file, realIp, 'true') }];
  }
  const edits = headers
    ? addAttribute(file, headers, 'X-Real-IP', 'true', true)
    : addAttribute(file, block, 'insert_headers', '{ "X-Real-IP": true }', { 'X-Real-IP': true });
  return [{ title, edits }];
}

function poolReport(listener: Listener, pool: Pool, range: RuleReport['range']): RuleReport {
  return {
    node: pool,
    file: pool.file,
    range,
    message: findingMessage(
      'IP-address backends never receive the client IP.',
      `Pool \`${pool.address}\` only holds IP-address backends: they see the load balancer's address, not the client IP ` +
        `that ${describeListener(listener)} transfers.`,
      alternative(listener),
    ),
    related: [related(listener, 'listener that transfers the client IP')],
    fixes: notPreferred(listenerFixes(listener)),
  };
}

function memberReport(listener: Listener, pool: Pool, member: Member): RuleReport {
  const fixes = listenerFixes(listener);
  const lb = listener.loadBalancer;
  const subnet = lb?.subnetAttribute;
  if (!isHttpListener(listener) && listener.protocol !== 'TLS' && subnet && lb && pool.poolType !== 'ip') {
    const subnetName = MEMBER_SUBNET_ARGUMENT[member.info.provider];
    const copy = addCopiedAttribute(member.file, member.block, subnetName, lb.file, subnet);
    if (copy) {
      fixes.push({
        title: `Add ${subnetName} = ${copy.valueText} (make it a server backend in the load balancer's subnet)`,
        edits: copy.edits,
      });
    }
  }
  return {
    node: member,
    file: member.file,
    range: member.addressAttribute?.range ?? member.block.headerRange,
    message: findingMessage(
      'This IP-address backend never receives the client IP.',
      `Member \`${member.address}\` is an IP-address backend (${member.ipBackendExplanation}): it sees the load balancer's address, ` +
        `not the client IP that ${describeListener(listener)} transfers.`,
      alternative(listener),
    ),
    related: [related(listener, 'listener that transfers the client IP'), related(pool, 'pool of this member')],
    fixes: notPreferred(fixes),
  };
}
