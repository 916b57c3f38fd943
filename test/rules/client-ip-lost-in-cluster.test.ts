import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyK8sFix, k8sFindings, ofRule, service, textAt, yamlValue } from '../kubernetes/util';

const RULE = 'client-ip-lost-in-cluster';

/** [family, class annotation, client-IP annotation] */
const FAMILIES: [string, string, string][] = [
  ['CCE', 'kubernetes.io/elb.class: union', 'kubernetes.io/elb.transparent-client-ip'],
  ['cloud-provider-huaweicloud', 'kubernetes.io/elb.class: shared', 'kubernetes.io/elb.enable-transparent-client-ip'],
];

describe(`${RULE}: fires`, () => {
  for (const [family, cls, clientIp] of FAMILIES) {
    test(`${family}: shared TCP with client IP on and externalTrafficPolicy: Cluster, on the policy`, async () => {
      const text = service({ annotations: [cls, `${clientIp}: 'true'`], spec: ['externalTrafficPolicy: Cluster'] });
      const findings = ofRule((await k8sFindings(text)).findings, RULE);
      assert.equal(findings.length, 1);
      const [finding] = findings;
      assert.equal(finding.severity, 'warning');
      assert.equal(textAt(text, finding), 'externalTrafficPolicy: Cluster');
      assert.match(
        finding.message,
        /^The client IP is lost before the pods: externalTrafficPolicy is not Local\. Client IP transfer is on for listener `Service web port 80` \(TCP\), but externalTrafficPolicy is Cluster/,
      );
      assert.match(finding.message, /the pods see a node's address instead of the client's/);
      assert.match(finding.message, /Set externalTrafficPolicy: Local/);
      assert.equal(finding.related[0].message, 'client IP transfer is switched on here');
      assert.equal(finding.docsUrl, `docs/rules/${RULE}.md`);

      const [fix] = finding.fixes;
      assert.equal(fix.title, 'Set externalTrafficPolicy: Local (pods then see the client address)');
      assert.equal(fix.isPreferred, false);
      const after = await applyK8sFix(text, fix);
      assert.equal(yamlValue(after.text, ['spec', 'externalTrafficPolicy']), 'Local');
      assert.match(after.text, /^ {2}externalTrafficPolicy: Local$/m);
      assert.equal(ofRule(after.findings, RULE).length, 0);
    });

    test(`${family}: externalTrafficPolicy not written, on type: LoadBalancer; the fix adds it to spec`, async () => {
      const text = service({ annotations: [cls, `${clientIp}: "true"`] });
      const [finding] = ofRule((await k8sFindings(text)).findings, RULE);
      assert.ok(finding);
      assert.equal(textAt(text, finding), 'type: LoadBalancer');
      assert.match(finding.message, /externalTrafficPolicy is not set \(Cluster\)/);
      const after = await applyK8sFix(text, finding.fixes[0]);
      assert.equal(yamlValue(after.text, ['spec', 'externalTrafficPolicy']), 'Local');
      // The new line sits with spec's other fields, after the ports list.
      assert.match(after.text, /\n {2}ports:\n {2}- port: 80\n {4}protocol: TCP\n {2}externalTrafficPolicy: Local\n/);
      assert.equal(ofRule(after.findings, RULE).length, 0);
    });
  }

  test('cloud-provider-huaweicloud dedicated: always on, so Cluster loses it without any annotation', async () => {
    const text = service({ annotations: ['kubernetes.io/elb.class: dedicated'] });
    const [finding] = ofRule((await k8sFindings(text)).findings, RULE);
    assert.ok(finding);
    assert.match(finding.related[0].message, /dedicated load balancer: client IP transfer is always on/);
  });

  test('CCE dedicated: only when kubernetes.network says VPC or tunnel', async () => {
    const text = service({ annotations: ['kubernetes.io/elb.class: performance'] });
    assert.equal(ofRule((await k8sFindings(text)).findings, RULE).length, 0, 'network unknown: silent');
    for (const network of ['vpc', 'tunnel'] as const) {
      const [finding] = ofRule((await k8sFindings(text, { kubernetes: { network } })).findings, RULE);
      assert.ok(finding, network);
      assert.match(finding.message, new RegExp(`CCE standard cluster \\(${network} network\\)`));
    }
    assert.equal(ofRule((await k8sFindings(text, { kubernetes: { network: 'eni' } })).findings, RULE).length, 0, 'CCE Turbo');
  });

  test('one finding for all the ports of a Service', async () => {
    const text = service({
      annotations: ['kubernetes.io/elb.class: dedicated'],
      ports: ['  - port: 5000', '    protocol: TCP', '  - port: 5001', '    protocol: UDP'],
    });
    const findings = ofRule((await k8sFindings(text)).findings, RULE);
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /listener `Service web port 5000` \(TCP\) and listener `Service web port 5001` \(UDP\)/);
  });

  test('a flow-style spec keeps its style', async () => {
    const text = [
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: web',
      '  annotations: {kubernetes.io/elb.class: dedicated}',
      'spec: {type: LoadBalancer, ports: [{port: 80}]}',
      '',
    ].join('\n');
    const [finding] = ofRule((await k8sFindings(text)).findings, RULE);
    const after = await applyK8sFix(text, finding.fixes[0]);
    assert.match(after.text, /^spec: \{type: LoadBalancer, ports: \[\{port: 80\}\], externalTrafficPolicy: Local\}$/m);
    assert.equal(ofRule(after.findings, RULE).length, 0);
  });
});

describe(`${RULE}: does not fire`, () => {
  test('externalTrafficPolicy: Local', async () => {
    for (const [, cls, clientIp] of FAMILIES) {
      const text = service({ annotations: [cls, `${clientIp}: 'true'`], spec: ['externalTrafficPolicy: Local'] });
      assert.equal(ofRule((await k8sFindings(text)).findings, RULE).length, 0);
    }
  });

  test('client IP transfer off (that is client-ip-shared-l4-off)', async () => {
    for (const [, cls] of FAMILIES) {
      const findings = (await k8sFindings(service({ annotations: [cls] }))).findings;
      assert.equal(ofRule(findings, RULE).length, 0);
      assert.equal(ofRule(findings, 'client-ip-shared-l4-off').length, 1);
    }
  });

  test('HTTP/HTTPS listeners: X-Forwarded-For survives kube-proxy', async () => {
    const cce = service({ annotations: ['kubernetes.io/elb.class: performance', 'kubernetes.io/elb.protocol-port: "http:80"'] });
    const oss = service({ annotations: ['kubernetes.io/elb.class: dedicated', "kubernetes.io/elb.x-forwarded-host: 'true'"] });
    assert.equal(ofRule((await k8sFindings(cce, { kubernetes: { network: 'vpc' } })).findings, RULE).length, 0);
    assert.equal(ofRule((await k8sFindings(oss)).findings, RULE).length, 0);
  });

  test('cloud-provider-huaweicloud with allocateLoadBalancerNodePorts: false (pods are the backends)', async () => {
    const text = service({ annotations: ['kubernetes.io/elb.class: dedicated'], spec: ['allocateLoadBalancerNodePorts: false'] });
    assert.equal(ofRule((await k8sFindings(text)).findings, RULE).length, 0);
  });

  test('unknown: a policy that is neither Cluster nor Local, an unknown class, a Service with a syntax error', async () => {
    const odd = service({ annotations: ['kubernetes.io/elb.class: dedicated'], spec: ['externalTrafficPolicy: Sometimes'] });
    const unknownClass = service({ annotations: ['kubernetes.io/elb.class: fancy'] });
    const broken = service({ annotations: ['kubernetes.io/elb.class: dedicated'], ports: ['  - port: 80', '\tprotocol: TCP'] });
    for (const text of [odd, unknownClass, broken]) assert.equal(ofRule((await k8sFindings(text)).findings, RULE).length, 0, text);
  });

  test('an elb-lens-ignore comment', async () => {
    const text = service({ annotations: ['kubernetes.io/elb.class: dedicated'] }).replace(
      '  type: LoadBalancer',
      '  # elb-lens-ignore: client-ip-lost-in-cluster -- in-cluster traffic\n  type: LoadBalancer',
    );
    assert.equal(ofRule((await k8sFindings(text)).findings, RULE).length, 0);
  });
});
