import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { editDistance, suggestAnnotation } from '../../server/src/kubernetes';
import { applyK8sFix, k8sFindings, ofRule, service, textAt, yamlValue } from '../kubernetes/util';

const RULE = 'elb-annotation-unknown';

describe(`${RULE}: fires`, () => {
  const misspellings: [string, string][] = [
    ['kubernetes.io/elb.transparent-clientip', 'kubernetes.io/elb.transparent-client-ip'],
    ['kubernetes.io/elb.transparent_client_ip', 'kubernetes.io/elb.transparent-client-ip'],
    ['kubernetes.io/elb.lb-algorithim', 'kubernetes.io/elb.lb-algorithm'],
    ['kubernetes.io/elb.clas', 'kubernetes.io/elb.class'],
    ['kubernetes.io/elb-class', 'kubernetes.io/elb.class'],
    ['kubernets.io/elb.id', 'kubernetes.io/elb.id'],
    ['kubernetes.io/elb.enterpriseid', 'kubernetes.io/elb.enterpriseID'],
    ['kubernetes.io/elb.keepalive-timeout', 'kubernetes.io/elb.keepalive_timeout'],
  ];
  for (const [written, meant] of misspellings) {
    test(`${written} → did you mean ${meant}`, async () => {
      const base = meant === 'kubernetes.io/elb.class' ? 'kubernetes.io/elb.id: abc' : 'kubernetes.io/elb.class: union';
      const text = service({ annotations: [base, `${written}: 'x'`] });
      const findings = ofRule((await k8sFindings(text)).findings, RULE);
      assert.equal(findings.length, 1);
      const [finding] = findings;
      assert.equal(finding.severity, 'warning');
      assert.equal(textAt(text, finding), written);
      assert.match(
        finding.message,
        /^Annotation `[^`]+` is not read by any controller\. Neither CCE nor cloud-provider-huaweicloud knows it, so it does nothing\. Did you mean/,
      );
      assert.ok(finding.message.endsWith(`Did you mean \`${meant}\`?`), finding.message);
      const [fix] = finding.fixes;
      assert.equal(fix.title, `Rename it to ${meant}`);
      const after = await applyK8sFix(text, fix);
      assert.equal(yamlValue(after.text, ['metadata', 'annotations', meant]), 'x');
      assert.equal(ofRule(after.findings, RULE).length, 0);
    });
  }

  test('CCE Service with the open-source controller’s client-IP annotation: renamed, and then read', async () => {
    const text = service({ annotations: ['kubernetes.io/elb.class: union', 'kubernetes.io/elb.enable-transparent-client-ip: "true"'] });
    const { findings } = await k8sFindings(text);
    const [finding] = ofRule(findings, RULE);
    assert.match(
      finding.message,
      /^Annotation `kubernetes\.io\/elb\.enable-transparent-client-ip` is not read by CCE\. It is the client-IP annotation of the open-source cloud-provider-huaweicloud; kubernetes\.io\/elb\.class `union` belongs to CCE, which reads `kubernetes\.io\/elb\.transparent-client-ip`/,
    );
    // CCE does not read it, so the listener is still off by default.
    assert.equal(ofRule(findings, 'client-ip-shared-l4-off').length, 1);
    const after = await applyK8sFix(text, finding.fixes[0]);
    assert.match(after.text, /^ {4}kubernetes\.io\/elb\.transparent-client-ip: "true"$/m, 'the quotes stay');
    assert.deepEqual(
      after.findings.map((f) => f.ruleId),
      ['client-ip-lost-in-cluster'],
    );
  });

  test('cloud-provider-huaweicloud Service with CCE’s annotation', async () => {
    const text = service({ annotations: ['kubernetes.io/elb.class: dedicated', "kubernetes.io/elb.transparent-client-ip: 'false'"] });
    const [finding] = ofRule((await k8sFindings(text)).findings, RULE);
    assert.match(
      finding.message,
      /client-IP annotation of CCE; kubernetes\.io\/elb\.class `dedicated` belongs to cloud-provider-huaweicloud/,
    );
  });

  test('both client-IP annotations written: the unread one can only go', async () => {
    const text = service({
      annotations: [
        'kubernetes.io/elb.class: union',
        "kubernetes.io/elb.transparent-client-ip: 'true'",
        "kubernetes.io/elb.enable-transparent-client-ip: 'true'",
      ],
      spec: ['externalTrafficPolicy: Local'],
    });
    const [finding] = ofRule((await k8sFindings(text)).findings, RULE);
    assert.match(finding.message, /`kubernetes\.io\/elb\.transparent-client-ip` is written too, and that one is read\.$/);
    assert.equal(
      finding.fixes[0].title,
      'Remove kubernetes.io/elb.enable-transparent-client-ip (kubernetes.io/elb.transparent-client-ip is set too)',
    );
    const after = await applyK8sFix(text, finding.fixes[0]);
    assert.ok(!after.text.includes('enable-transparent'));
    assert.deepEqual(after.findings, []);
  });

  test('a misspelled class value', async () => {
    const text = service({ annotations: ['kubernetes.io/elb.class: perfomance'] });
    const [finding] = ofRule((await k8sFindings(text)).findings, RULE);
    assert.equal(textAt(text, finding), 'perfomance');
    assert.match(
      finding.message,
      /^`perfomance` is not a load balancer class, so no load balancer is made for this Service\. .* Did you mean `performance`\?$/,
    );
    const after = await applyK8sFix(text, finding.fixes[0]);
    assert.equal(yamlValue(after.text, ['metadata', 'annotations', 'kubernetes.io/elb.class']), 'performance');
    assert.equal(ofRule(after.findings, RULE).length, 0);
  });
});

describe(`${RULE}: does not fire`, () => {
  test('documented annotations of either controller, Ingress ones, and names with a suffix', async () => {
    const text = service({
      annotations: [
        'kubernetes.io/elb.class: union',
        'kubernetes.io/elb.id: abc',
        'kubernetes.io/elb.lb-algorithm: ROUND_ROBIN',
        "kubernetes.io/elb.health-check-flag: 'on'",
        'kubernetes.io/elb.keepalive_timeout: "300"',
        'kubernetes.io/elb.x-forwarded-port: "true"',
        'kubernetes.io/elb.actions.my-service: "[]"',
        'kubernetes.io/elb.slowstart: "{}"',
        "kubernetes.io/hws-hostNetwork: 'false'",
      ],
    });
    assert.equal(ofRule((await k8sFindings(text)).findings, RULE).length, 0);
  });

  test('unknown names that are no near miss (a newer annotation is left alone) and other annotations', async () => {
    const text = service({
      annotations: [
        'kubernetes.io/elb.class: union',
        'kubernetes.io/elb.some-future-feature: "on"',
        'example.com/elb-owner: team',
        'prometheus.io/scrape: "true"',
      ],
    });
    assert.equal(ofRule((await k8sFindings(text)).findings, RULE).length, 0);
  });

  test('labels misuse: a kubernetes.io/elb.* key under metadata.labels, moved to the annotations', async () => {
    const text = service({ annotations: ['kubernetes.io/elb.class: union'] }).replace(
      '  annotations:\n',
      '  labels:\n    app: web\n    kubernetes.io/elb.transparent-client-ip: "true"\n  annotations:\n',
    );
    const [finding, ...others] = ofRule((await k8sFindings(text)).findings, RULE);
    assert.equal(others.length, 0);
    assert.equal(textAt(text, finding), 'kubernetes.io/elb.transparent-client-ip');
    assert.match(finding.message, /^Label `kubernetes\.io\/elb\.transparent-client-ip` is not read: ELB settings are annotations\. /);
    assert.match(finding.message, /it belongs under metadata\.annotations\.$/);
    const [fix] = finding.fixes;
    assert.equal(fix.title, 'Move kubernetes.io/elb.transparent-client-ip to annotations');
    const after = await applyK8sFix(text, fix);
    assert.equal(yamlValue(after.text, ['metadata', 'annotations', 'kubernetes.io/elb.transparent-client-ip']), 'true');
    assert.equal(yamlValue(after.text, ['metadata', 'labels', 'app']), 'web');
    assert.deepEqual(ofRule(after.findings, RULE), []);
  });

  test('labels misuse without an annotations block: the fix writes one; the Service is not judged on its labels', async () => {
    const text = service({ annotations: [] })
      .replace('  annotations:\n', '')
      .replace('  name: web\n', '  name: web\n  labels:\n    kubernetes.io/elb.class: performance\n');
    const { findings } = await k8sFindings(text);
    assert.deepEqual(
      findings.map((f) => f.ruleId),
      [RULE],
      'nothing else: without annotations the controller’s reading is not known',
    );
    const after = await applyK8sFix(text, findings[0].fixes[0]);
    assert.equal(yamlValue(after.text, ['metadata', 'annotations', 'kubernetes.io/elb.class']), 'performance');
    assert.deepEqual(ofRule(after.findings, RULE), []);
  });

  test('labels that are not ELB settings are left alone', async () => {
    const text = service({ annotations: ['kubernetes.io/elb.class: union'] }).replace(
      '  annotations:\n',
      '  labels:\n    app.kubernetes.io/name: web\n  annotations:\n',
    );
    assert.deepEqual(ofRule((await k8sFindings(text)).findings, RULE), []);
  });

  test('suggestions are unique and close', () => {
    assert.equal(suggestAnnotation('kubernetes.io/elb.x-forwarded-prot'), 'kubernetes.io/elb.x-forwarded-port');
    assert.equal(suggestAnnotation('kubernetes.io/elb.totally-different'), undefined);
    assert.equal(suggestAnnotation('x'.repeat(500)), undefined);
    assert.equal(editDistance('ab', 'ba', 1), 1);
    assert.equal(editDistance('union', 'onion', 1), 1);
    assert.equal(editDistance('abc', 'xyz', 1), 2);
  });
});
