import type { Listener, Member } from '../model/elb';
import { addressInCidr } from '../model/cidr';
import { describeListener, findingMessage, related } from './support/messages';
import { docsPath, type Rule } from './types';

const id = 'client-ip-same-server';

/** A backend that is also a client of its own load balancer loses its return traffic. */
export const clientIpSameServer: Rule = {
  meta: {
    id,
    defaultSeverity: 'warning',
    summary: 'A backend server is also a client of the same load balancer while the client IP is transferred.',
    docsUrl: docsPath(id),
  },
  check({ model, report }) {
    const reported = new Set<string>();
    for (const listener of model.listeners) {
      if (listener.clientIp.state !== 'on') continue;
      for (const pool of listener.pools) {
        for (const member of pool.members) {
          const key = `${listener.address}|${member.address}`;
          if (reported.has(key)) continue;
          const reason = sameServerEvidence(listener, member);
          if (!reason) continue;
          reported.add(key);
          report({
            node: member,
            file: member.file,
            range: member.addressAttribute?.range ?? member.block.headerRange,
            message: findingMessage(
              'This backend is also a client of its load balancer, so its requests to itself hang.',
              `Member \`${member.address}\` is a client too: ${reason.text}.`,
              `With client IP transfer on (${describeListener(listener)}), a request it sends to itself arrives with its own ` +
                'source address, so it answers locally and the connection hangs.',
              'Use a different server as the client, or reach the service without the load balancer.',
            ),
            related: [reason.related, related(listener, 'listener that transfers the client IP')],
          });
        }
      }
    }
  },
};

/**
 * Why `member` is also a client of `listener`'s load balancer: its server refers to the load
 * balancer's address (`via: 'loadbalancer'`), or its address is in the listener's white list
 * (`via: 'whitelist'`); undefined when nothing says so. The client-IP map draws the loop from it.
 */
export function sameServerEvidence(listener: Listener, member: Member) {
  const lb = listener.loadBalancer;
  const instance = member.instance;
  if (lb && instance) {
    const use = instance.lbAddressUses.find((u) => u.loadBalancer === lb);
    if (use) {
      return {
        via: 'loadbalancer' as const,
        text: `its server \`${instance.address}\` uses ${use.what} in \`${use.attribute.name}\``,
        related: { file: instance.file.path, range: use.attribute.range, message: 'the server refers to the load balancer address here' },
      };
    }
  }
  if (member.ipAddress) {
    for (const group of listener.whitelistGroups) {
      const cidr = group.cidrs.find((c) => addressInCidr(member.ipAddress!, c));
      if (cidr) {
        return {
          via: 'whitelist' as const,
          text: `its address ${member.ipAddress} is in ${cidr}, which the white list \`${group.address}\` admits as a client`,
          related: related(group, 'white list that admits the backend as a client'),
        };
      }
    }
  }
  return undefined;
}
