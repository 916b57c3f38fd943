import assert from 'node:assert/strict';
import { describe, test, type TestContext } from 'node:test';
import type { Finding } from '../../server/src/core/types';
import { analyze, applyFixToModule, assertFmtAccepts, memoryService, memPath, withCursor } from '../helpers';
import { ofRule, textAt } from './util';

/**
 * Kubernetes Services written as Terraform `kubernetes_service` / `kubernetes_service_v1`
 * resources (hashicorp/kubernetes provider): the same load balancers, listeners and rules
 * as the same Service in YAML; quick fixes that edit the annotations map and the spec in
 * place, accepted by `terraform fmt -check`.
 */

const CCE = { cls: 'kubernetes.io/elb.class', ip: 'kubernetes.io/elb.transparent-client-ip' };
const OSS_IP = 'kubernetes.io/elb.enable-transparent-client-ip';

/** `key = value` lines with the `=` signs aligned as terraform fmt writes them. */
function aligned(entries: [string, string][], indent: string): string[] {
  const width = Math.max(0, ...entries.map(([k]) => k.length));
  return entries.map(([k, v]) => `${indent}${k.padEnd(width)} = ${v}`);
}

/** One `kubernetes_service_v1` resource; annotation names are quoted here, values written as HCL. */
function tfService(options: {
  type?: string;
  name?: string;
  annotations: [string, string][];
  spec?: [string, string][];
  ports?: string[][];
  head?: string[];
}): string {
  const spec: [string, string][] = [['type', '"LoadBalancer"'], ...(options.spec ?? [])];
  const ports = options.ports ?? [['port     = 80', 'protocol = "TCP"']];
  return [
    `resource "${options.type ?? 'kubernetes_service_v1'}" "${options.name ?? 'web'}" {`,
    ...(options.head ?? []).map((l) => `  ${l}`),
    '  metadata {',
    '    name = "web"',
    '    annotations = {',
    ...aligned(
      options.annotations.map(([k, v]) => [JSON.stringify(k), v]),
      '      ',
    ),
    '    }',
    '  }',
    '  spec {',
    ...aligned(spec, '    '),
    ...ports.flatMap((p) => ['    port {', ...p.map((l) => `      ${l}`), '    }']),
    '  }',
    '}',
    '',
  ].join('\n');
}

async function findingsOf(files: Record<string, string>): Promise<Finding[]> {
  return analyze(files);
}

async function fix(t: TestContext, files: Record<string, string>, finding: Finding, index = 0) {
  const chosen = finding.fixes[index];
  assert.ok(chosen, `finding has a fix #${index}: ${finding.message}`);
  return { fix: chosen, ...(await applyFixToModule(t, files, chosen.edits)) };
}

describe('Terraform kubernetes_service(_v1): the inputs are sound', () => {
  test('the generated resources are what terraform fmt writes', (t) => {
    assertFmtAccepts(
      t,
      tfService({
        annotations: [
          [CCE.cls, '"union"'],
          [CCE.ip, '"true"'],
        ],
        spec: [['external_traffic_policy', '"Local"']],
      }),
    );
  });
});

describe('client-ip-always-on in Terraform Services', () => {
  test('a dedicated class with the client-IP annotation "false": reported; both fixes pass terraform fmt', async (t) => {
    const files = {
      'main.tf': tfService({
        annotations: [
          [CCE.cls, '"performance"'],
          [CCE.ip, '"false"'],
        ],
        spec: [['external_traffic_policy', '"Local"']],
      }),
    };
    const findings = await findingsOf(files);
    assert.deepEqual(
      findings.map((f) => f.ruleId),
      ['client-ip-always-on'],
    );
    const [finding] = findings;
    assert.equal(textAt(files['main.tf'], finding), `"${CCE.ip}" = "false"`);
    assert.match(
      finding.message,
      /^Client IP transfer cannot be turned off on a dedicated load balancer\. Listener `kubernetes_service_v1\.web port 80` \(TCP\) sets it to false/,
    );
    assert.equal(finding.fixes[0].title, `Remove ${CCE.ip}`);
    const removed = await fix(t, files, finding, 0);
    assert.ok(!removed.files['main.tf'].includes(CCE.ip));
    // The class annotation is alone now: its `=` column follows its own key.
    assert.ok(removed.files['main.tf'].includes(`"${CCE.cls}" = "performance"`));
    assert.deepEqual(removed.findings, []);
    const set = await fix(t, files, finding, 1);
    assert.ok(set.files['main.tf'].includes(`"${CCE.ip}" = "true"`));
    assert.deepEqual(set.findings, []);
  });

  test('not reported for "true", nor on a shared class, nor for kubernetes_service (v0) with a shared TCP listener set to "true"', async () => {
    for (const [cls, value, type] of [
      ['performance', '"true"', 'kubernetes_service_v1'],
      ['union', '"true"', 'kubernetes_service'],
    ]) {
      const findings = await findingsOf({
        'main.tf': tfService({
          type,
          annotations: [
            [CCE.cls, `"${cls}"`],
            [CCE.ip, value],
          ],
          spec: [['external_traffic_policy', '"Local"']],
        }),
      });
      assert.deepEqual(findings, [], `${cls} ${value} ${type}`);
    }
  });
});

describe('client-ip-shared-l4-off in Terraform Services', () => {
  test('a shared TCP Service left at the default: the fix adds the annotation, aligned', async (t) => {
    const files = {
      'main.tf': tfService({
        annotations: [
          [CCE.cls, '"union"'],
          ['kubernetes.io/elb.id', '"0b0b5d2c-1111-2222-3333-444444444444"'],
        ],
        spec: [['external_traffic_policy', '"Local"']],
      }),
    };
    const findings = await findingsOf(files);
    const [finding] = ofRule(findings, 'client-ip-shared-l4-off');
    assert.ok(finding, JSON.stringify(findings.map((f) => f.ruleId)));
    assert.equal(finding.severity, 'information');
    assert.match(finding.message, /Set "kubernetes\.io\/elb\.transparent-client-ip" = "true"/);
    assert.equal(finding.fixes[0].title, `Set "${CCE.ip}" = "true" (then restrict clients with access control, not security groups)`);
    const fixed = await fix(t, files, finding);
    assert.ok(fixed.files['main.tf'].includes(`      "${CCE.ip}" = "true"\n    }`), fixed.files['main.tf']);
    assert.deepEqual(fixed.findings, []);
  });

  test('external_traffic_policy absent: the fix adds it as "Local" with the annotation, and nothing is left', async (t) => {
    const files = { 'main.tf': tfService({ annotations: [[CCE.cls, '"union"']] }) };
    const [finding] = ofRule(await findingsOf(files), 'client-ip-shared-l4-off');
    assert.ok(finding);
    assert.match(
      finding.fixes[0].title,
      new RegExp(`^Set "${CCE.ip.replace(/\./g, '\\.')}" = "true" and external_traffic_policy = "Local" `),
    );
    const fixed = await fix(t, files, finding);
    assert.match(fixed.files['main.tf'], /external_traffic_policy\s*=\s*"Local"/);
    assert.deepEqual(
      fixed.findings.map((f) => f.ruleId),
      [],
      'neither client-ip-shared-l4-off nor client-ip-lost-in-cluster',
    );
  });

  test('"false" is reported and set to "true"; a one-line annotations map is opened up', async (t) => {
    const files = {
      'main.tf': [
        'resource "kubernetes_service_v1" "web" {',
        '  metadata {',
        `    annotations = { "${CCE.cls}" = "union" }`,
        '  }',
        '  spec {',
        '    type                    = "LoadBalancer"',
        '    external_traffic_policy = "Local"',
        '    port {',
        '      port     = 53',
        '      protocol = "UDP"',
        '    }',
        '  }',
        '}',
        '',
      ].join('\n'),
    };
    const [finding] = ofRule(await findingsOf(files), 'client-ip-shared-l4-off');
    assert.ok(finding);
    assert.match(finding.message, /listener `kubernetes_service_v1\.web port 53` \(UDP\)/);
    const fixed = await fix(t, files, finding);
    assert.ok(
      fixed.files['main.tf'].includes(
        `    annotations = {\n      "${CCE.cls}"                 = "union"\n      "${CCE.ip}" = "true"\n    }`,
      ),
    );
    assert.deepEqual(fixed.findings, []);
  });

  test('not reported with "true", for HTTP listeners (protocol-port), or a dedicated class', async () => {
    const cases: [string, string][][] = [
      [
        [CCE.cls, '"union"'],
        [CCE.ip, '"true"'],
      ],
      [
        [CCE.cls, '"union"'],
        ['kubernetes.io/elb.protocol-port', '"http:80"'],
      ],
      [[CCE.cls, '"performance"']],
    ];
    for (const annotations of cases) {
      const findings = await findingsOf({ 'main.tf': tfService({ annotations, spec: [['external_traffic_policy', '"Local"']] }) });
      assert.deepEqual(
        findings.map((f) => f.ruleId),
        [],
        JSON.stringify(annotations),
      );
    }
  });
});

describe('client-ip-lost-in-cluster in Terraform Services', () => {
  test('external_traffic_policy not set: reported on type; the fix adds external_traffic_policy = "Local", aligned', async (t) => {
    const files = {
      'main.tf': tfService({
        annotations: [
          [CCE.cls, '"union"'],
          [CCE.ip, '"true"'],
        ],
      }),
    };
    const [finding] = ofRule(await findingsOf(files), 'client-ip-lost-in-cluster');
    assert.ok(finding);
    assert.equal(textAt(files['main.tf'], finding), 'type = "LoadBalancer"');
    assert.match(finding.message, /external_traffic_policy is not set \(Cluster\)/);
    assert.match(finding.message, /Set external_traffic_policy = "Local" if they need the client address/);
    assert.equal(finding.fixes[0].title, 'Set external_traffic_policy = "Local" (pods then see the client address)');
    const fixed = await fix(t, files, finding);
    assert.ok(fixed.files['main.tf'].includes('    type                    = "LoadBalancer"\n    external_traffic_policy = "Local"\n'));
    assert.deepEqual(fixed.findings, []);
  });

  test('"Cluster" from a variable: reported with the value traced; "Local" from a variable: silent; unknown: silent', async (t) => {
    const service = tfService({
      annotations: [
        [OSS_IP.replace('enable-transparent-client-ip', 'class'), '"dedicated"'],
        [OSS_IP, '"true"'],
      ],
      spec: [['external_traffic_policy', 'var.policy']],
    });
    const withDefault = (value: string) => `variable "policy" {\n  default = ${value}\n}\n\n${service}`;
    const files = { 'main.tf': withDefault('"Cluster"') };
    const [finding] = ofRule(await findingsOf(files), 'client-ip-lost-in-cluster');
    assert.ok(finding);
    assert.match(finding.message, /the backends are nodes, and kube-proxy forwards/);
    const fixed = await fix(t, files, finding);
    assert.ok(fixed.files['main.tf'].includes('external_traffic_policy = "Local"'));
    assert.deepEqual(ofRule(await findingsOf({ 'main.tf': withDefault('"Local"') }), 'client-ip-lost-in-cluster'), []);
    assert.deepEqual(await findingsOf({ 'main.tf': `variable "policy" {}\n\n${service}` }), []);
  });

  test('allocate_load_balancer_node_ports = false (open-source controller): silent', async () => {
    const findings = await findingsOf({
      'main.tf': tfService({
        annotations: [
          ['kubernetes.io/elb.class', '"shared"'],
          [OSS_IP, '"true"'],
        ],
        spec: [['allocate_load_balancer_node_ports', 'false']],
      }),
    });
    assert.deepEqual(findings, []);
  });
});

describe('elb-annotation-unknown in Terraform Services', () => {
  test('a misspelled annotation: renamed in place, the `=` column realigned', async (t) => {
    const files = {
      'main.tf': tfService({
        annotations: [
          [CCE.cls, '"union"'],
          ['kubernetes.io/elb.transparent-clientip', '"true"'],
        ],
        spec: [['external_traffic_policy', '"Local"']],
      }),
    };
    const [finding] = ofRule(await findingsOf(files), 'elb-annotation-unknown');
    assert.ok(finding);
    assert.equal(textAt(files['main.tf'], finding), '"kubernetes.io/elb.transparent-clientip"');
    assert.match(finding.message, /Did you mean `kubernetes\.io\/elb\.transparent-client-ip`\?/);
    const fixed = await fix(t, files, finding);
    assert.ok(fixed.files['main.tf'].includes(`"${CCE.ip}" = "true"`));
    assert.deepEqual(fixed.findings, []);
  });

  test('a misspelled class value: changed; the other controller’s client-IP annotation: renamed', async (t) => {
    const files = {
      'main.tf': tfService({
        annotations: [
          [CCE.cls, '"unoin"'],
          [CCE.ip, '"true"'],
        ],
        spec: [['external_traffic_policy', '"Local"']],
      }),
    };
    const [finding] = ofRule(await findingsOf(files), 'elb-annotation-unknown');
    assert.ok(finding);
    assert.equal(textAt(files['main.tf'], finding), '"unoin"');
    const fixed = await fix(t, files, finding);
    assert.ok(fixed.files['main.tf'].includes(`"${CCE.cls}"                 = "union"`));

    const other = {
      'main.tf': tfService({
        annotations: [
          [CCE.cls, '"union"'],
          [OSS_IP, '"true"'],
        ],
        spec: [['external_traffic_policy', '"Local"']],
      }),
    };
    const [wrongFamily] = ofRule(await findingsOf(other), 'elb-annotation-unknown');
    assert.ok(wrongFamily);
    assert.match(wrongFamily.message, /is the client-IP annotation of the open-source cloud-provider-huaweicloud/);
    const renamed = await fix(t, other, wrongFamily);
    assert.ok(renamed.files['main.tf'].includes(`"${CCE.ip}" = "true"`));
    assert.deepEqual(renamed.findings, []);
  });

  test('known annotations and unrelated keys (bare names too) are not reported', async () => {
    const findings = await findingsOf({
      'main.tf': tfService({
        annotations: [
          [CCE.cls, '"union"'],
          [CCE.ip, '"true"'],
          ['kubernetes.io/elb.health-check-flag', '"on"'],
          ['prometheus.io/scrape', '"true"'],
        ],
        spec: [['external_traffic_policy', '"Local"']],
      }),
    });
    assert.deepEqual(findings, []);
  });
});

describe('client-ip-ip-backend in Terraform Services', () => {
  test('enable-cross-vpc on a dedicated open-source-controller Service: reported, no fix; not on shared', async () => {
    const annotations = (cls: string): [string, string][] => [
      ['kubernetes.io/elb.class', `"${cls}"`],
      ['kubernetes.io/elb.enable-cross-vpc', '"true"'],
    ];
    const files = { 'main.tf': tfService({ annotations: annotations('dedicated'), spec: [['external_traffic_policy', '"Local"']] }) };
    const [finding] = ofRule(await findingsOf(files), 'client-ip-ip-backend');
    assert.ok(finding);
    assert.equal(textAt(files['main.tf'], finding), '"kubernetes.io/elb.enable-cross-vpc" = "true"');
    assert.deepEqual(
      ofRule(
        await findingsOf({ 'main.tf': tfService({ annotations: annotations('shared'), spec: [['external_traffic_policy', '"Local"']] }) }),
        'client-ip-ip-backend',
      ),
      [],
    );
  });
});

describe('Terraform Services: values, instances and unknowns', () => {
  test('dynamic "port" blocks and count instances: one listener per port, findings merged across instances', async () => {
    const text = [
      'variable "ports" {',
      '  default = [{ port = 53, protocol = "UDP" }, { port = 54, protocol = "UDP" }]',
      '}',
      '',
      'resource "kubernetes_service_v1" "dns" {',
      '  count = 2',
      '  metadata {',
      '    annotations = {',
      `      "${CCE.cls}" = "union"`,
      '    }',
      '  }',
      '  spec {',
      '    type                    = "LoadBalancer"',
      '    external_traffic_policy = "Local"',
      '    dynamic "port" {',
      '      for_each = var.ports',
      '      content {',
      '        port     = port.value.port',
      '        protocol = port.value.protocol',
      '      }',
      '    }',
      '  }',
      '}',
      '',
    ].join('\n');
    const findings = ofRule(await findingsOf({ 'main.tf': text }), 'client-ip-shared-l4-off');
    // One finding for the content block's header, naming both ports of the first instance; the other instance is named.
    assert.ok(findings.length >= 1);
    const messages = findings.map((f) => f.message).join('\n');
    assert.match(messages, /kubernetes_service_v1\.dns\[0\] port 53` \(UDP\)/);
    assert.match(messages, /kubernetes_service_v1\.dns\[1\]/);
  });

  test('annotations from locals and merge(): read; findings but no edits of the computed map', async () => {
    const text = [
      'locals {',
      '  common = { team = "web" }',
      '}',
      '',
      'resource "kubernetes_service" "api" {',
      '  metadata {',
      `    annotations = merge(local.common, { "${CCE.cls}" = "performance", "${CCE.ip}" = "false" })`,
      '  }',
      '  spec {',
      '    type                    = "LoadBalancer"',
      '    external_traffic_policy = "Local"',
      '    port {',
      '      port = 443',
      '    }',
      '  }',
      '}',
      '',
    ].join('\n');
    const findings = await findingsOf({ 'main.tf': text });
    assert.deepEqual(
      findings.map((f) => f.ruleId),
      ['client-ip-always-on'],
    );
    assert.deepEqual(findings[0].fixes, [], 'a computed map has no text per annotation to edit');
  });

  test('an annotations map from an unknown variable, or an unknown key: nothing is said', async () => {
    const spec = [
      '  spec {',
      '    type = "LoadBalancer"',
      '    port {',
      '      port = 53',
      '      protocol = "UDP"',
      '    }',
      '  }',
      '}',
      '',
    ];
    const unknownMap = [
      'variable "annotations" {}',
      '',
      'resource "kubernetes_service_v1" "web" {',
      '  metadata {',
      '    annotations = var.annotations',
      '  }',
      ...spec,
    ];
    assert.deepEqual(await findingsOf({ 'main.tf': unknownMap.join('\n') }), []);
    const unknownKey = [
      'variable "key" {}',
      '',
      'resource "kubernetes_service_v1" "web" {',
      '  metadata {',
      '    annotations = {',
      `      "${CCE.cls}" = "union"`,
      '      (var.key)    = "false"',
      '    }',
      '  }',
      ...spec,
    ];
    assert.deepEqual(await findingsOf({ 'main.tf': unknownKey.join('\n') }), []);
  });

  test('type other than LoadBalancer (or left at ClusterIP): not a load balancer', async () => {
    for (const spec of [[['type', '"NodePort"']] as [string, string][], []]) {
      const text = tfService({ annotations: [[CCE.cls, '"union"']] }).replace(/ {4}type += "LoadBalancer"\n/, '');
      const withType = spec.length > 0 ? text.replace('  spec {\n', '  spec {\n    type = "NodePort"\n') : text;
      assert.deepEqual(await findingsOf({ 'main.tf': withType }), []);
    }
  });

  test('a Service in a file with no other ELB resource is read with the prescan (the CLI walk)', async () => {
    const { service } = await memoryService({
      'main.tf': tfService({
        annotations: [
          [CCE.cls, '"performance"'],
          [CCE.ip, '"false"'],
        ],
        spec: [['external_traffic_policy', '"Local"']],
      }),
      'other.tf': 'variable "x" {}\n',
    });
    const findings = [...service.analyzeModule(memPath('other.tf')).values()].flat();
    assert.deepEqual(
      findings.map((f) => f.ruleId),
      ['client-ip-always-on'],
    );
  });
});

describe('Terraform Services in .tf.json', () => {
  const json = (annotations: Record<string, string>, spec: Record<string, unknown> = {}) =>
    JSON.stringify(
      {
        resource: {
          kubernetes_service_v1: {
            web: {
              metadata: [{ name: 'web', annotations }],
              spec: [{ type: 'LoadBalancer', ...spec, port: [{ port: 53, protocol: 'UDP' }] }],
            },
          },
        },
      },
      null,
      2,
    ) + '\n';

  test('shared UDP left at the default: reported; the fix adds the property', async (t) => {
    const files = { 'main.tf.json': json({ [CCE.cls]: 'union' }, { external_traffic_policy: 'Local' }) };
    const [finding] = ofRule(await findingsOf(files), 'client-ip-shared-l4-off');
    assert.ok(finding);
    const fixed = await fix(t, files, finding);
    assert.equal(JSON.parse(fixed.files['main.tf.json']).resource.kubernetes_service_v1.web.metadata[0].annotations[CCE.ip], 'true');
    assert.deepEqual(fixed.findings, []);
  });

  test('lost in the cluster: external_traffic_policy added; a misspelling renamed', async (t) => {
    const files = { 'main.tf.json': json({ [CCE.cls]: 'union', 'kubernetes.io/elb.transparent-clientip': 'true', [CCE.ip]: 'true' }) };
    const findings = await findingsOf(files);
    assert.deepEqual(findings.map((f) => f.ruleId).sort(), ['client-ip-lost-in-cluster', 'elb-annotation-unknown']);
    const lost = ofRule(findings, 'client-ip-lost-in-cluster')[0];
    const fixed = await fix(t, files, lost);
    assert.equal(JSON.parse(fixed.files['main.tf.json']).resource.kubernetes_service_v1.web.spec[0].external_traffic_policy, 'Local');
    const unknown = ofRule(findings, 'elb-annotation-unknown')[0];
    // The right name is written too: the fix removes the misspelled one.
    const removed = await fix(t, files, unknown);
    assert.ok(!removed.files['main.tf.json'].includes('transparent-clientip'));
  });
});

describe('hover on Terraform Services', () => {
  async function hover(source: string): Promise<string | undefined> {
    const { text, position } = withCursor(source);
    const { service } = await memoryService({ 'main.tf': text });
    return service.hover(memPath('main.tf'), position)?.markdown;
  }

  test('on the client-IP annotation and on external_traffic_policy', async () => {
    const base = tfService({
      annotations: [
        [CCE.cls, '"union"'],
        [CCE.ip, '"true"'],
      ],
      spec: [['external_traffic_policy', '"Cluster"']],
    });
    const onIp = await hover(base.replace('transparent-client-ip"', 'transparent-cl|ient-ip"'));
    assert.ok(onIp);
    assert.match(onIp, /^\*\*`kubernetes\.io\/elb\.transparent-client-ip`\*\* — Transfer Client IP Address/);
    assert.match(onIp, /`kubernetes_service_v1\.web port 80` \(TCP\): Transfer Client IP Address \*\*on\*\*/);
    const onPolicy = await hover(base.replace('external_traffic_policy =', 'external_traffic_po|licy ='));
    assert.ok(onPolicy);
    assert.match(
      onPolicy,
      /^\*\*`external_traffic_policy`\*\* — External_traffic_policy is Cluster|^\*\*`external_traffic_policy`\*\* — external_traffic_policy is Cluster/,
    );
    assert.match(onPolicy, /the pods see a node’s address/);
  });
});
