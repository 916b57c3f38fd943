import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildKubernetesModel, kubernetesToConfigFile, parseProtocolPort, type ClusterNetwork } from '../../server/src/kubernetes';
import type { ElbModel } from '../../server/src/model/elb';
import { service } from './util';

function model(text: string, network?: ClusterNetwork): ElbModel {
  return buildKubernetesModel([kubernetesToConfigFile('/m/svc.yaml', text)], { network });
}

function only(m: ElbModel) {
  assert.equal(m.listeners.length, 1, 'one listener');
  return m.listeners[0];
}

describe('Kubernetes model: load balancer kind and controller', () => {
  const cases: [string[], string, string][] = [
    [['kubernetes.io/elb.class: union'], 'shared', /union/.source],
    [['kubernetes.io/elb.class: performance'], 'dedicated', /performance/.source],
    [['kubernetes.io/elb.class: shared'], 'shared', /cloud-provider-huaweicloud/.source],
    [['kubernetes.io/elb.class: dedicated'], 'dedicated', /cloud-provider-huaweicloud/.source],
    [['kubernetes.io/elb.id: abc'], 'shared', /not set, and CCE takes `union`/.source],
    [['kubernetes.io/elb.class: "performance"'], 'dedicated', /performance/.source],
    [['kubernetes.io/elb.class: bogus'], 'unknown', /neither CCE nor/.source],
  ];
  for (const [annotations, kind, why] of cases) {
    test(`${annotations.join(', ')} → ${kind}`, () => {
      const m = model(service({ annotations }));
      assert.equal(m.loadBalancers.length, 1);
      assert.equal(m.loadBalancers[0].kind, kind);
      assert.equal(m.loadBalancers[0].address, 'Service web');
      const listener = only(m);
      assert.equal(listener.kind, kind);
      assert.match(listener.kindExplanation, new RegExp(why));
      assert.equal(listener.address, 'Service web port 80');
      assert.equal(listener.provider, 'kubernetes');
    });
  }

  test('elasticity and dnat classes make no ELB listener', () => {
    for (const cls of ['elasticity', 'dnat']) {
      const m = model(service({ annotations: [`kubernetes.io/elb.class: ${cls}`] }));
      assert.equal(m.loadBalancers.length, 1, cls);
      assert.equal(m.listeners.length, 0, cls);
    }
  });

  test('Services that are not ELB LoadBalancers are no load balancers', () => {
    const clusterIp = service({ annotations: ['kubernetes.io/elb.class: union'] }).replace('type: LoadBalancer', 'type: ClusterIP');
    const noElb = service({ annotations: ['example.com/owner: me'] });
    const otherClass = service({ annotations: ['kubernetes.io/elb.class: union'], spec: ['loadBalancerClass: example.com/lb'] });
    const ossClass = service({ annotations: ['kubernetes.io/elb.class: shared'], spec: ['loadBalancerClass: huaweicloud.com/elb'] });
    const noType = service({ annotations: ['kubernetes.io/elb.class: union'] }).replace('  type: LoadBalancer\n', '');
    const v2 = service({ annotations: ['kubernetes.io/elb.class: union'] }).replace('apiVersion: v1', 'apiVersion: example.com/v2');
    for (const text of [clusterIp, noElb, otherClass, noType, v2]) assert.equal(model(text).listeners.length, 0, text);
    assert.equal(model(ossClass).listeners.length, 1);
  });

  test('namespace and name label the Service', () => {
    const text = service({ annotations: ['kubernetes.io/elb.class: union'] }).replace('  name: web\n', '  name: web\n  namespace: shop\n');
    assert.equal(model(text).loadBalancers[0].address, 'Service shop/web');
  });
});

describe('Kubernetes model: listener protocols', () => {
  test('one listener per port, TCP when the protocol is not written', () => {
    const m = model(
      service({
        annotations: ['kubernetes.io/elb.class: union'],
        ports: ['  - name: a', '    port: 53', '    protocol: UDP', '  - port: 8080', '  - port: 9000', '    protocol: SCTP'],
      }),
    );
    assert.deepEqual(
      m.listeners.map((l) => [l.address, l.protocol]),
      [
        ['Service web port 53', 'UDP'],
        ['Service web port 8080', 'TCP'],
        ['Service web port 9000', 'SCTP'],
      ],
    );
  });

  test('CCE: kubernetes.io/elb.protocol-port makes HTTP/HTTPS/TLS listeners of the ports it names', () => {
    const ports = ['  - port: 443', '    protocol: TCP', '  - port: 80', '    protocol: TCP', '  - port: 8443', '  - port: 22'];
    const dedicated = model(
      service({
        annotations: ['kubernetes.io/elb.class: performance', 'kubernetes.io/elb.protocol-port: "https:443, http:80,TLS:8443"'],
        ports,
      }),
    );
    assert.deepEqual(
      dedicated.listeners.map((l) => l.protocol),
      ['HTTPS', 'HTTP', 'TLS', 'TCP'],
    );
    const shared = model(
      service({ annotations: ['kubernetes.io/elb.class: union', 'kubernetes.io/elb.protocol-port: "https:443"'], ports }),
    );
    assert.equal(shared.listeners[0].protocol, 'TERMINATED_HTTPS');
  });

  test('CCE: an unreadable protocol-port, or HTTP on a UDP port, leaves the protocol unknown', () => {
    const bad = model(service({ annotations: ['kubernetes.io/elb.class: union', 'kubernetes.io/elb.protocol-port: "grpc:80"'] }));
    assert.equal(only(bad).protocol, undefined);
    const udp = model(
      service({
        annotations: ['kubernetes.io/elb.class: union', 'kubernetes.io/elb.protocol-port: "http:80"'],
        ports: ['  - port: 80', '    protocol: UDP'],
      }),
    );
    assert.equal(only(udp).protocol, undefined);
    assert.deepEqual(
      [...parseProtocolPort('https:443,http:80')!],
      [
        [443, 'https'],
        [80, 'http'],
      ],
    );
    assert.equal(parseProtocolPort('https:443;http:80'), undefined);
  });

  test('cloud-provider-huaweicloud: a certificate makes TERMINATED_HTTPS, x-forwarded-host makes HTTP, on every port', () => {
    const tls = model(service({ annotations: ['kubernetes.io/elb.class: shared', 'kubernetes.io/elb.default-tls-container-ref: cert-1'] }));
    assert.equal(only(tls).protocol, 'TERMINATED_HTTPS');
    const http = model(service({ annotations: ['kubernetes.io/elb.class: dedicated', "kubernetes.io/elb.x-forwarded-host: 'true'"] }));
    assert.equal(only(http).protocol, 'HTTP');
    const off = model(service({ annotations: ['kubernetes.io/elb.class: dedicated', "kubernetes.io/elb.x-forwarded-host: 'false'"] }));
    assert.equal(only(off).protocol, 'TCP');
    // CCE ignores the controller's annotations for the protocol.
    const cce = model(service({ annotations: ['kubernetes.io/elb.class: union', 'kubernetes.io/elb.default-tls-container-ref: cert-1'] }));
    assert.equal(only(cce).protocol, 'TCP');
  });
});

describe('Kubernetes model: client IP state', () => {
  const state = (annotations: string[], ports?: string[]) => {
    const l = only(model(service({ annotations, ports })));
    return [l.clientIp.state, l.clientIp.reason, l.clientIp.attribute?.name, l.clientIp.setting?.name];
  };

  test('CCE shared TCP: off by default, switchable with kubernetes.io/elb.transparent-client-ip', () => {
    const name = 'kubernetes.io/elb.transparent-client-ip';
    assert.deepEqual(state(['kubernetes.io/elb.class: union']), ['off', 'default', undefined, name]);
    assert.deepEqual(state(['kubernetes.io/elb.class: union', `${name}: 'true'`]), ['on', 'explicit', name, name]);
    assert.deepEqual(state(['kubernetes.io/elb.class: union', `${name}: "false"`]), ['off', 'explicit', name, name]);
    assert.deepEqual(state(['kubernetes.io/elb.class: union', `${name}: maybe`]), ['unknown', 'unknown', name, name]);
    const l = only(model(service({ annotations: ['kubernetes.io/elb.class: union'] })));
    assert.match(l.clientIp.explanation, /CCE only turns it on for `kubernetes\.io\/elb\.transparent-client-ip: 'true'`/);
  });

  test('cloud-provider-huaweicloud shared TCP: off by default, kubernetes.io/elb.enable-transparent-client-ip', () => {
    const name = 'kubernetes.io/elb.enable-transparent-client-ip';
    assert.deepEqual(state(['kubernetes.io/elb.class: shared']), ['off', 'default', undefined, name]);
    assert.deepEqual(state(['kubernetes.io/elb.class: shared', `${name}: 'true'`]), ['on', 'explicit', name, name]);
    // The controller reads anything but "true"/"false" as its default.
    assert.deepEqual(state(['kubernetes.io/elb.class: shared', `${name}: 'yes'`]), ['off', 'default', name, name]);
    // The other family's annotation is not read.
    assert.deepEqual(state(['kubernetes.io/elb.class: shared', "kubernetes.io/elb.transparent-client-ip: 'true'"]), [
      'off',
      'default',
      undefined,
      name,
    ]);
  });

  test('dedicated and HTTP listeners: always on, whatever is written', () => {
    for (const cls of ['performance', 'dedicated']) {
      const name = cls === 'performance' ? 'kubernetes.io/elb.transparent-client-ip' : 'kubernetes.io/elb.enable-transparent-client-ip';
      assert.deepEqual(state([`kubernetes.io/elb.class: ${cls}`, `${name}: 'false'`]), ['on', 'always-on', name, name]);
    }
    const l = only(model(service({ annotations: ['kubernetes.io/elb.class: union', 'kubernetes.io/elb.protocol-port: "http:80"'] })));
    assert.equal(l.clientIp.reason, 'always-on');
  });

  test('an unknown class leaves the state unknown', () => {
    assert.deepEqual(state(['kubernetes.io/elb.class: bogus', "kubernetes.io/elb.transparent-client-ip: 'false'"]).slice(0, 2), [
      'unknown',
      'unknown',
    ]);
  });
});

describe('Kubernetes model: externalTrafficPolicy (the hop behind the backends)', () => {
  const hop = (annotations: string[], spec: string[] = [], network?: ClusterNetwork) =>
    only(model(service({ annotations, spec }), network)).hop;

  test('Local keeps the source address; Cluster (or nothing) loses it behind nodes', () => {
    assert.equal(hop(['kubernetes.io/elb.class: shared'], ['externalTrafficPolicy: Local'])?.keepsSource, true);
    assert.equal(hop(['kubernetes.io/elb.class: shared'], ['externalTrafficPolicy: Cluster'])?.keepsSource, false);
    const implicit = hop(['kubernetes.io/elb.class: shared']);
    assert.equal(implicit?.keepsSource, false);
    assert.equal(implicit?.attribute, undefined);
    assert.equal(implicit?.setting.name, 'externalTrafficPolicy');
    assert.equal(implicit?.setting.keepValue, 'Local');
    assert.match(implicit!.explanation, /not set \(Cluster\)/);
  });

  test('cloud-provider-huaweicloud with allocateLoadBalancerNodePorts: false sends to the pods: nothing is lost', () => {
    assert.equal(hop(['kubernetes.io/elb.class: dedicated'], ['allocateLoadBalancerNodePorts: false'])?.keepsSource, true);
    // CCE does not document the field: no effect there.
    assert.equal(hop(['kubernetes.io/elb.class: union'], ['allocateLoadBalancerNodePorts: false'])?.keepsSource, false);
  });

  test('CCE dedicated: depends on the cluster network', () => {
    assert.equal(hop(['kubernetes.io/elb.class: performance'])?.keepsSource, undefined);
    assert.equal(hop(['kubernetes.io/elb.class: performance'], [], 'vpc')?.keepsSource, false);
    assert.equal(hop(['kubernetes.io/elb.class: performance'], [], 'tunnel')?.keepsSource, false);
    assert.equal(hop(['kubernetes.io/elb.class: performance'], [], 'eni')?.keepsSource, true);
    // Shared CCE load balancers lose it in either network.
    assert.equal(hop(['kubernetes.io/elb.class: union'], [], 'eni')?.keepsSource, false);
  });

  test('a value other than Cluster or Local is unknown', () => {
    assert.equal(hop(['kubernetes.io/elb.class: union'], ['externalTrafficPolicy: Sometimes'])?.keepsSource, undefined);
  });

  test('every port of a Service shares one hop', () => {
    const m = model(service({ annotations: ['kubernetes.io/elb.class: shared'], ports: ['  - port: 80', '  - port: 81'] }));
    assert.equal(m.listeners.length, 2);
    assert.equal(m.listeners[0].hop, m.listeners[1].hop);
  });
});
