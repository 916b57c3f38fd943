import type { Fix } from '../core/types';
import { addAttribute, replaceValue } from '../fixes/edits';
import type { BackendHop, Listener } from '../model/elb';
import { describeListener, findingMessage, isHttpListener, related, settingAssignment } from './support/messages';
import { docsPath, type Rule } from './types';

const id = 'client-ip-lost-in-cluster';

/**
 * The load balancer transfers the client IP to its backends, but a hop behind them (kube-proxy
 * with `externalTrafficPolicy: Cluster`) replaces it before the workload sees it.
 */
export const clientIpLostInCluster: Rule = {
  meta: {
    id,
    defaultSeverity: 'warning',
    summary: 'Client IP transfer is on, but kube-proxy (externalTrafficPolicy: Cluster) replaces the address.',
    docsUrl: docsPath(id),
  },
  check({ model, report }) {
    // One finding per hop (per Service), naming every listener it affects.
    const byHop = new Map<BackendHop, Listener[]>();
    for (const listener of model.listeners) {
      const hop = listener.hop;
      // HTTP/HTTPS listeners carry the client address in X-Forwarded-For, which no proxy hop removes.
      if (!hop || hop.keepsSource !== false || listener.clientIp.state !== 'on' || isHttpListener(listener)) continue;
      const list = byHop.get(hop) ?? [];
      list.push(listener);
      byHop.set(hop, list);
    }
    for (const [hop, listeners] of byHop) {
      const [first] = listeners;
      const names = listeners.map(describeListener);
      const { setting } = hop;
      const keep = settingAssignment(
        first.file,
        setting.name,
        first.file.format === 'yaml' ? setting.keepValue : JSON.stringify(setting.keepValue),
      );
      const fixes: Fix[] = [
        {
          title: `Set ${keep} (pods then see the client address)`,
          edits: hop.attribute
            ? replaceValue(first.file, hop.attribute, JSON.stringify(setting.keepValue))
            : addAttribute(first.file, setting.block, setting.name, JSON.stringify(setting.keepValue), setting.keepValue),
          // It changes how traffic is spread and who can reach the Service: never applied unasked.
          isPreferred: false,
        },
      ];
      report({
        node: first.loadBalancer ?? first,
        file: first.file,
        range: hop.anchor,
        message: findingMessage(
          `The client IP is lost before the pods: ${setting.name} is not ${setting.keepValue}.`,
          `Client IP transfer is on for ${names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`}, ` +
            `but ${hop.explanation}, so the pods see a node's address instead of the client's.`,
          `Set ${keep} if they need the client address. ${hop.caveat}`,
        ),
        related: [
          ...(first.clientIp.attribute
            ? [{ file: first.file.path, range: first.clientIp.attribute.range, message: 'client IP transfer is switched on here' }]
            : first.loadBalancer
              ? [related(first.loadBalancer, `${first.kind} load balancer: client IP transfer is always on`)]
              : []),
        ],
        fixes,
      });
    }
  },
};
