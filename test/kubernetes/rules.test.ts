import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyK8sFix, k8sFindings, ofRule, service, textAt, yamlValue } from './util';

/**
 * The rules that existed before Kubernetes, on Services: the same meaning, the same rule,
 * for both annotation families (CCE and cloud-provider-huaweicloud).
 */

const CCE = {
  shared: 'kubernetes.io/elb.class: union',
  dedicated: 'kubernetes.io/elb.class: performance',
  ip: 'kubernetes.io/elb.transparent-client-ip',
};
const OSS = {
  shared: 'kubernetes.io/elb.class: shared',
  dedicated: 'kubernetes.io/elb.class: dedicated',
  ip: 'kubernetes.io/elb.enable-transparent-client-ip',
};
const FAMILIES: [string, typeof CCE][] = [
  ['CCE', CCE],
  ['cloud-provider-huaweicloud', OSS],
];

describe('client-ip-always-on on Services', () => {
  for (const [family, f] of FAMILIES) {
    test(`${family}: a dedicated class with the client-IP annotation 'false'`, async () => {
      const text = service({ annotations: [f.dedicated, `${f.ip}: 'false'   # keep it off`], spec: ['externalTrafficPolicy: Local'] });
      const findings = (await k8sFindings(text)).findings;
      assert.deepEqual(
        findings.map((x) => x.ruleId),
        ['client-ip-always-on'],
      );
      const [finding] = findings;
      assert.equal(finding.severity, 'error');
      assert.equal(textAt(text, finding), `${f.ip}: 'false'`);
      assert.match(
        finding.message,
        /^Client IP transfer cannot be turned off on a dedicated load balancer\. Listener `Service web port 80` \(TCP\) sets it to false/,
      );
      assert.equal(finding.related[0].message, 'dedicated load balancer of this listener');

      const [remove, setTrue] = finding.fixes;
      assert.equal(remove.title, `Remove ${f.ip}`);
      assert.equal(remove.isPreferred, true);
      const removed = await applyK8sFix(text, remove);
      assert.ok(!removed.text.includes(f.ip), 'the annotation and its comment are gone');
      assert.ok(!removed.text.includes('keep it off'));
      assert.match(removed.text, /annotations:\n {4}kubernetes\.io\/elb\.class: \w+\nspec:/);
      assert.deepEqual(removed.findings, []);

      assert.equal(setTrue.title, `Set ${f.ip} to "true"`);
      const set = await applyK8sFix(text, setTrue);
      assert.ok(set.text.includes(`${f.ip}: 'true'   # keep it off`), 'single quotes and the comment stay');
      assert.deepEqual(set.findings, []);
    });

    test(`${family}: an HTTP listener of a shared load balancer with 'false'`, async () => {
      const http = family === 'CCE' ? 'kubernetes.io/elb.protocol-port: "http:80"' : "kubernetes.io/elb.x-forwarded-host: 'true'";
      const text = service({ annotations: [f.shared, http, `${f.ip}: "false"`] });
      const [finding] = ofRule((await k8sFindings(text)).findings, 'client-ip-always-on');
      assert.ok(finding);
      assert.match(finding.message, /^Client IP transfer cannot be turned off on HTTP listeners\. Listener `Service web port 80` \(HTTP\)/);
    });
  }

  test('several ports with the same problem: one finding, naming the others', async () => {
    const text = service({
      annotations: [CCE.dedicated, `${CCE.ip}: 'false'`],
      ports: ['  - port: 80', '  - port: 443'],
      spec: ['externalTrafficPolicy: Local'],
    });
    const findings = ofRule((await k8sFindings(text)).findings, 'client-ip-always-on');
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /The same holds for the instance `Service web port 443`\.$/);
  });

  test('not on a shared TCP listener, nor on an unknown class', async () => {
    for (const text of [
      service({ annotations: [CCE.shared, `${CCE.ip}: 'false'`] }),
      service({ annotations: ['kubernetes.io/elb.class: unheard-of', `${CCE.ip}: 'false'`] }),
    ]) {
      assert.equal(ofRule((await k8sFindings(text)).findings, 'client-ip-always-on').length, 0);
    }
  });
});

describe('client-ip-shared-l4-off on Services', () => {
  for (const [family, f] of FAMILIES) {
    test(`${family}: a shared TCP/UDP Service left at the default, on the port`, async () => {
      const text = service({
        annotations: [f.shared, 'kubernetes.io/elb.id: "0b5c"'],
        ports: ['  - name: dns', '    port: 53', '    protocol: UDP'],
      });
      const findings = ofRule((await k8sFindings(text)).findings, 'client-ip-shared-l4-off');
      assert.equal(findings.length, 1);
      const [finding] = findings;
      assert.equal(finding.severity, 'information');
      assert.equal(textAt(text, finding), 'port: 53');
      assert.match(
        finding.message,
        /^Backends of a shared UDP listener see load balancer addresses, not clients'\. listener `Service web port 53` \(UDP\) leaves Transfer Client IP Address off \(the default\)/,
      );
      assert.ok(
        finding.message.includes(`Set ${f.ip}: "true" and externalTrafficPolicy: Local (pods keep the client address only with Local)`),
        finding.message,
      );
      const [fix] = finding.fixes;
      assert.equal(fix.isPreferred, false);
      const after = await applyK8sFix(text, fix);
      assert.equal(yamlValue(after.text, ['metadata', 'annotations', f.ip]), 'true');
      // The annotations around it use double quotes: so does the new one, in their indentation.
      assert.ok(after.text.includes(`    kubernetes.io/elb.id: "0b5c"\n    ${f.ip}: "true"\nspec:`), after.text);
      // One edit sets both: the annotation alone would leave client-ip-lost-in-cluster behind.
      assert.equal(yamlValue(after.text, ['spec', 'externalTrafficPolicy']), 'Local');
      assert.deepEqual(after.findings, [], 'neither shared-l4-off nor lost-in-cluster after the fix');
    });

    test(`${family}: an explicit 'false', on the annotation`, async () => {
      const text = service({ annotations: [f.shared, `${f.ip}: 'false'`], spec: ['externalTrafficPolicy: Local'] });
      const [finding] = ofRule((await k8sFindings(text)).findings, 'client-ip-shared-l4-off');
      assert.equal(textAt(text, finding), `${f.ip}: 'false'`);
      assert.match(finding.message, /turns Transfer Client IP Address off/);
      const after = await applyK8sFix(text, finding.fixes[0]);
      assert.ok(after.text.includes(`${f.ip}: 'true'`));
      assert.deepEqual(after.findings, []);
    });
  }

  test('a Service written without quotes anywhere gets single quotes (a plain true would be a boolean)', async () => {
    const text = service({ annotations: [CCE.shared], spec: ['externalTrafficPolicy: Local'] });
    const [finding] = ofRule((await k8sFindings(text)).findings, 'client-ip-shared-l4-off');
    const after = await applyK8sFix(text, finding.fixes[0]);
    assert.ok(after.text.includes(`    ${CCE.ip}: 'true'\n`), after.text);
    assert.deepEqual(after.findings, []);
  });

  test('not on a dedicated or HTTP Service, not on a Service that turns it on', async () => {
    for (const text of [
      service({ annotations: [CCE.dedicated] }),
      service({ annotations: [CCE.shared, 'kubernetes.io/elb.protocol-port: "http:80"'] }),
      service({ annotations: [CCE.shared, `${CCE.ip}: 'true'`] }),
    ]) {
      assert.equal(ofRule((await k8sFindings(text)).findings, 'client-ip-shared-l4-off').length, 0, text);
    }
  });
});

describe('suppression comments and quick fixes in YAML', () => {
  test('# elb-lens-ignore above the annotation; the suppression fix writes a # comment with the indentation', async () => {
    const text = service({ annotations: [CCE.dedicated, `${CCE.ip}: 'false'`], spec: ['externalTrafficPolicy: Local'] });
    const { findings, service: svc } = await k8sFindings(text);
    const fix = svc.suppressionFix(findings[0]);
    assert.ok(fix);
    const after = await applyK8sFix(text, fix);
    assert.match(
      after.text,
      /\n {4}# elb-lens-ignore: client-ip-always-on -- reason\n {4}kubernetes\.io\/elb\.transparent-client-ip: 'false'/,
    );
    assert.deepEqual(after.findings, []);
  });
});
