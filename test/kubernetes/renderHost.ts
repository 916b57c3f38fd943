import * as path from 'node:path';
import type { ChartHost } from '../../server/src/kubernetes/render/helm/chart';

/** Files in memory under /repo, for the renderers (kustomize, Helm): folders are the paths' parents. */
export function renderHost(files: Record<string, string>): ChartHost & { files: Map<string, string> } {
  const map = new Map(Object.entries(files).map(([name, text]) => [path.resolve('/repo', name), text]));
  const dirs = new Set<string>();
  for (const file of map.keys()) for (let d = path.dirname(file); d !== path.dirname(d); d = path.dirname(d)) dirs.add(d);
  return {
    files: map,
    readFile: (file) => map.get(file),
    isDirectory: (dir) => dirs.has(dir),
    listDirectory: (dir) => {
      const names = new Set<string>();
      for (const p of [...map.keys(), ...dirs]) if (path.dirname(p) === dir) names.add(path.basename(p));
      return [...names];
    },
  };
}

export function repoPath(name: string): string {
  return path.resolve('/repo', name);
}

/** A dedicated CCE Service with the client IP reaching the pods (Local): clean by itself; overlays and charts change it. */
export const DEDICATED_SERVICE = [
  'apiVersion: v1',
  'kind: Service',
  'metadata:',
  '  name: web',
  '  annotations:',
  '    kubernetes.io/elb.class: performance',
  'spec:',
  '  type: LoadBalancer',
  '  externalTrafficPolicy: Local',
  '  ports:',
  '  - port: 80',
  '    protocol: TCP',
  '',
].join('\n');

/** A strategic merge patch that sets the client-IP annotation of Service `web`. */
export function clientIpPatch(value: string): string {
  return `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    kubernetes.io/elb.transparent-client-ip: '${value}'\n`;
}
