import type { Fix } from '../core/types';
import { addAttribute, replaceValue } from '../fixes/edits';
import type { Listener, Member, Pool } from '../model/elb';
import { exprText } from '../parse/config';
import { describeListener, isHttpListener, related } from './support/messages';
import { docsPath, type Rule, type RuleReport } from './types';

const id = 'client-ip-ip-backend';

/** Backends added by IP address never receive the client address. */
export const clientIpIpBackend: Rule = {
  meta: {
    id,
    defaultSeverity: 'warning',
    summary: 'A listener that transfers the client IP sends traffic to IP-address backends, which never receive it.',
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
    return (
      'Read the client address from the X-Forwarded-For header, which HTTP/HTTPS listeners always add' +
      (listener.info.flatHeaderSwitches
        ? ' (or turn on real_ip for X-Real-IP).'
        : listener.provider === 'elb-api' && listener.kind === 'dedicated'
          ? ' (or set "X-Real-IP": true in insert_headers).'
          : '.')
    );
  }
  if (listener.protocol === 'TLS') return 'Turn on Proxy Protocol (proxy_protocol_enable) and read the address from the PROXY header.';
  if (listener.protocol === 'TCP' || listener.protocol === 'UDP') {
    return `${listener.protocol} listeners have no other way to pass the client address: use a server in the load balancer's VPC (with ${listener.provider === 'elb-api' ? 'subnet_cidr_id' : 'subnet_id'}) if backends need it.`;
  }
  return 'Use an HTTP/HTTPS listener and the X-Forwarded-For header if backends need the client address.';
}

/**
 * Each fix changes what backends receive (a header, a PROXY line, a different backend),
 * so none is applied by "fix all" or `--fix` without the user choosing it.
 */
function notPreferred(fixes: Fix[]): Fix[] {
  return fixes.map((fix) => ({ ...fix, isPreferred: false }));
}

function listenerFixes(listener: Listener): Fix[] {
  if (listener.provider === 'elb-api') return apiListenerFixes(listener);
  if (isHttpListener(listener) && listener.info.flatHeaderSwitches && !listener.options.has('real_ip')) {
    return [
      {
        title: 'Add real_ip = true (backends get the client address in X-Real-IP)',
        edits: addAttribute(listener.file, listener.block, 'real_ip', 'true', true),
      },
    ];
  }
  if (listener.protocol === 'TLS' && listener.info.flatHeaderSwitches && !listener.options.has('proxy_protocol_enable')) {
    return [
      {
        title: 'Add proxy_protocol_enable = true (backends get the client address in the PROXY header)',
        edits: addAttribute(listener.file, listener.block, 'proxy_protocol_enable', 'true', true),
      },
    ];
  }
  return [];
}

/** ELB API JSON: `X-Real-IP` is a key of `insert_headers` (dedicated HTTP/HTTPS listeners); Proxy Protocol is for TLS listeners. */
function apiListenerFixes(listener: Listener): Fix[] {
  const { file, block } = listener;
  if (isHttpListener(listener) && listener.kind === 'dedicated') {
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
  if (listener.protocol === 'TLS') {
    const title = 'Set proxy_protocol_enable to true (backends get the client address in the PROXY header)';
    const proxy = block.attributes.get('proxy_protocol_enable');
    if (proxy)
      return proxy.expr.kind === 'literal' && proxy.expr.value === true ? [] : [{ title, edits: replaceValue(file, proxy, 'true') }];
    return [{ title, edits: addAttribute(file, block, 'proxy_protocol_enable', 'true', true) }];
  }
  return [];
}

function poolReport(listener: Listener, pool: Pool, range: RuleReport['range']): RuleReport {
  return {
    node: pool,
    file: pool.file,
    range,
    message:
      `Pool \`${pool.address}\` only holds IP-address backends, and those never receive the client IP that ${describeListener(listener)} transfers; ` +
      `they see the load balancer's address. ${alternative(listener)}`,
    related: [related(listener, 'listener that transfers the client IP')],
    fixes: notPreferred(listenerFixes(listener)),
  };
}

function memberReport(listener: Listener, pool: Pool, member: Member): RuleReport {
  const fixes = listenerFixes(listener);
  const subnet = listener.loadBalancer?.subnetAttribute;
  if (!isHttpListener(listener) && listener.protocol !== 'TLS' && subnet && listener.loadBalancer && pool.poolType !== 'ip') {
    const subnetText = exprText(listener.loadBalancer.file, subnet.expr);
    // tf.json stores expressions as strings; HCL takes the expression text as it is.
    const jsonValue = listener.loadBalancer.file.format === 'hcl' ? subnetText : JSON.parse(subnetText);
    if (member.file.format === listener.loadBalancer.file.format) {
      // ELB API JSON names a member's subnet `subnet_cidr_id`.
      const subnetName = member.info.provider === 'elb-api' ? 'subnet_cidr_id' : 'subnet_id';
      fixes.push({
        title: `Add ${subnetName} = ${subnetText} (make it a server backend in the load balancer's subnet)`,
        edits: addAttribute(member.file, member.block, subnetName, subnetText, jsonValue),
      });
    }
  }
  return {
    node: member,
    file: member.file,
    range: member.addressAttribute?.range ?? member.block.headerRange,
    message:
      `Member \`${member.address}\` is an IP-address backend (${member.ipBackendExplanation}); IP backends never receive the client IP ` +
      `that ${describeListener(listener)} transfers, they see the load balancer's address. ${alternative(listener)}`,
    related: [related(listener, 'listener that transfers the client IP'), related(pool, 'pool of this member')],
    fixes: notPreferred(fixes),
  };
}
