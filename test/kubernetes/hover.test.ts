import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { memoryService, memPath, withCursor } from '../helpers';
import { service } from './util';

async function hover(source: string, network?: 'vpc' | 'eni'): Promise<string | undefined> {
  const { text, position } = withCursor(source);
  const { service } = await memoryService({ 'svc.yaml': text });
  return service.hover(memPath('svc.yaml'), position, network ? { kubernetes: { network } } : {})?.markdown;
}

const manifest = (lines: string) => `apiVersion: v1
kind: Service
metadata:
  name: web
  annotations:
${lines}
spec:
  type: LoadBalancer
  externalTrafficPolicy: Cluster
  ports:
  - port: 80
    protocol: TCP
  - port: 8080
    protocol: TCP
`;

describe('hover in Kubernetes manifests', () => {
  test('on the client-IP annotation: each port, its state, why, and what the pods see', async () => {
    const md = await hover(manifest("    kubernetes.io/elb.class: union\n    kubernetes.io/elb.transparent-cl|ient-ip: 'true'"));
    assert.ok(md);
    assert.match(
      md,
      /^\*\*`kubernetes\.io\/elb\.transparent-client-ip`\*\* — Transfer Client IP Address of the load balancer’s listeners \(shared:/,
    );
    assert.match(
      md,
      /- `Service web port 80` \(TCP\): Transfer Client IP Address \*\*on\*\* — it is set to true on this shared TCP listener; the pods see a node’s address/,
    );
    assert.match(md, /- `Service web port 8080` \(TCP\)/);
    assert.match(md, /only when this is `'true'`/);
  });

  test('on externalTrafficPolicy: the hop and its cost', async () => {
    const md = await hover(
      manifest('    kubernetes.io/elb.class: shared').replace('externalTrafficPolicy: Cluster', 'externalTrafficPolicy: Clu|ster'),
    );
    assert.ok(md);
    assert.match(md, /^\*\*`externalTrafficPolicy`\*\* — externalTrafficPolicy is Cluster: the backends are nodes/);
    assert.match(md, /the pods see a load balancer address \(100\.125\.0\.0\/16\), never the client’s/);
    assert.match(md, /With Local, only nodes that run a pod of the Service take its traffic/);
  });

  test('on externalTrafficPolicy of a dedicated CCE Service: depends on the network, unless configured', async () => {
    const source = manifest('    kubernetes.io/elb.class: performance').replace(
      'externalTrafficPolicy: Cluster',
      'externalTrafficPolicy: Clu|ster',
    );
    assert.match((await hover(source))!, /the pods see the client address or a node’s address, depending on the cluster network/);
    assert.match((await hover(source, 'vpc'))!, /the pods see a node’s address: the client address is lost/);
    assert.match((await hover(source, 'eni'))!, /the pods see the client address\./);
  });

  test('on a port: the listener hover with what the pods see', async () => {
    const md = await hover(manifest('    kubernetes.io/elb.class: performance').replace('  - port: 80\n', '  - port: 8|0\n'));
    assert.ok(md);
    assert.match(md, /^\*\*Transfer Client IP Address: always on\*\* — dedicated load balancers always pass the client IP on/);
    assert.match(md, /\*\*What the pods see:\*\*/);
  });

  test('on the class annotation and the Service name: the load balancer', async () => {
    const md = await hover(manifest('    kubernetes.io/elb.cl|ass: performance'));
    assert.match(md!, /^\*\*Load balancer `Service web`\*\* — dedicated\./);
    assert.match(
      (await hover(manifest('    kubernetes.io/elb.class: union').replace('name: web', 'name: w|eb')))!,
      /^\*\*Load balancer `Service web`\*\* — shared\./,
    );
  });

  test('on a misspelled annotation: why it is not read', async () => {
    const md = await hover(manifest('    kubernetes.io/elb.class: union\n    kubernetes.io/elb.lb-algo|rithim: ROUND_ROBIN'));
    assert.match(md!, /^\*\*`kubernetes\.io\/elb\.lb-algorithim` is not read\*\*/);
    assert.match(md!, /Did you mean `kubernetes\.io\/elb\.lb-algorithm`\?/);
  });

  test('nothing on other keys', async () => {
    assert.equal(await hover(manifest('    kubernetes.io/elb.class: union').replace('apiVersion', 'apiVer|sion')), undefined);
  });
});

describe('inlay hints on Service ports', () => {
  async function hints(annotations: string[]): Promise<string[]> {
    const text = service({ annotations, ports: ['  - port: 80', '    protocol: TCP', '  - port: 443', '    protocol: TCP'] });
    const { service: analysis } = await memoryService({ 'svc.yaml': text });
    return analysis.inlayHints(memPath('svc.yaml'), undefined).map((h) => h.label);
  }

  test('a port made an HTTP listener by elb.protocol-port names the listener’s protocol', async () => {
    assert.deepEqual(await hints(['kubernetes.io/elb.class: union', 'kubernetes.io/elb.protocol-port: "http:80"']), [
      'HTTP listener: client IP always on',
      'client IP: off (shared TCP default)',
    ]);
  });

  test('ports whose listener speaks their protocol keep the plain label', async () => {
    const labels = await hints(['kubernetes.io/elb.class: performance']);
    assert.equal(labels.length, 2);
    assert.ok(
      labels.every((l) => l.startsWith('client IP: always on')),
      labels.join(' | '),
    );
  });
});

describe('hover on the CCE client-IP annotation: why the fix also sets Local, and which clusters ignore it', () => {
  test('CCE key: Local, CCE Turbo, cluster versions; the open-source key has no such note', async () => {
    const cce = await hover(manifest("    kubernetes.io/elb.class: union\n    kubernetes.io/elb.transparent-cl|ient-ip: 'true'"));
    assert.match(cce ?? '', /only for shared TCP\/UDP Services in CCE standard clusters with `externalTrafficPolicy: Local`/);
    assert.match(cce ?? '', /which is why the quick fix sets both/);
    assert.match(cce ?? '', /CCE Turbo clusters ignore it/);
    assert.match(cce ?? '', /older than v1\.23\.17-r0, v1\.25\.12-r0, v1\.27\.9-r0, v1\.28\.7-r0 or v1\.29\.3-r0/);
    const oss = await hover(manifest("    kubernetes.io/elb.class: shared\n    kubernetes.io/elb.enable-transparent-cl|ient-ip: 'true'"));
    assert.ok(oss);
    assert.doesNotMatch(oss, /CCE Turbo/);
  });
});
