import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Finding } from '../../server/src/core/types';
import { PROVIDER_SOURCES, RESOURCE_TYPES } from '../../server/src/model/providers';
import { analyze, applyEdits, memoryService, memPath, ofRule, textAt } from '../helpers';
import { lockFile, versionsTf } from '../versionFixtures';

/**
 * Arguments that arrived after their resource type: each is checked one release below its
 * first version, exactly at it and above it (the lock file), and with a constraint that
 * admits both sides. No fix or message may suggest an argument the version in use lacks.
 */

const UNSUPPORTED = 'client-ip-unsupported-argument';

interface Boundary {
  type: string;
  argument: string;
  /** How it is written (an attribute line, or a nested block). */
  written: string;
  since: string;
  /** The provider's release before `since` (from its tags, see docs/provider-versions.md). */
  previous: string;
  protocol: string;
}

const attr = (name: string, value: string) => `  ${name} = ${value}\n`;

const BOUNDARIES: Boundary[] = [
  {
    type: 'huaweicloud_elb_listener',
    argument: 'transparent_client_ip_enable',
    written: attr('transparent_client_ip_enable', '"true"'),
    since: '1.91.0',
    previous: '1.90.0',
    protocol: 'TCP',
  },
  {
    type: 'huaweicloud_elb_listener',
    argument: 'nat64_enable',
    written: attr('nat64_enable', '"false"'),
    since: '1.91.0',
    previous: '1.90.0',
    protocol: 'TCP',
  },
  {
    type: 'huaweicloud_elb_listener',
    argument: 'proxy_protocol_enable',
    written: attr('proxy_protocol_enable', 'true'),
    since: '1.63.0',
    previous: '1.62.1',
    protocol: 'TLS',
  },
  {
    type: 'huaweicloud_elb_listener',
    argument: 'real_ip',
    written: attr('real_ip', 'true'),
    since: '1.63.0',
    previous: '1.62.1',
    protocol: 'HTTP',
  },
  {
    type: 'huaweicloud_elb_listener',
    argument: 'forward_elb',
    written: attr('forward_elb', 'true'),
    since: '1.63.0',
    previous: '1.62.1',
    protocol: 'HTTP',
  },
  {
    type: 'huaweicloud_elb_listener',
    argument: 'forward_proto',
    written: attr('forward_proto', 'true'),
    since: '1.63.0',
    previous: '1.62.1',
    protocol: 'HTTP',
  },
  {
    type: 'huaweicloud_elb_listener',
    argument: 'forward_port',
    written: attr('forward_port', 'true'),
    since: '1.54.0',
    previous: '1.53.0',
    protocol: 'HTTP',
  },
  {
    type: 'huaweicloud_elb_listener',
    argument: 'forward_request_port',
    written: attr('forward_request_port', 'true'),
    since: '1.54.0',
    previous: '1.53.0',
    protocol: 'HTTP',
  },
  {
    type: 'huaweicloud_elb_listener',
    argument: 'forward_host',
    written: attr('forward_host', 'false'),
    since: '1.54.0',
    previous: '1.53.0',
    protocol: 'HTTP',
  },
  {
    type: 'huaweicloud_elb_listener',
    argument: 'ip_group_enable',
    written: attr('ip_group_enable', '"true"'),
    since: '1.73.4',
    previous: '1.73.3',
    protocol: 'TCP',
  },
  {
    type: 'huaweicloud_elb_listener',
    argument: 'forward_eip',
    written: attr('forward_eip', 'true'),
    since: '1.24.2',
    previous: '1.24.1',
    protocol: 'HTTP',
  },
  {
    type: 'huaweicloud_lb_listener',
    argument: 'transparent_client_ip_enable',
    written: attr('transparent_client_ip_enable', '"true"'),
    since: '1.93.0',
    previous: '1.92.0',
    protocol: 'TCP',
  },
  {
    type: 'huaweicloud_lb_listener',
    argument: 'insert_headers',
    written: '\n  insert_headers {\n    x_forwarded_elb_ip = "true"\n  }\n',
    since: '1.73.4',
    previous: '1.73.3',
    protocol: 'HTTP',
  },
  {
    type: 'huaweicloud_lb_listener_v2',
    argument: 'transparent_client_ip_enable',
    written: attr('transparent_client_ip_enable', '"true"'),
    since: '1.93.0',
    previous: '1.92.0',
    protocol: 'TCP',
  },
  {
    type: 'huaweicloud_lb_listener_v2',
    argument: 'insert_headers',
    written: '\n  insert_headers {\n    x_forwarded_host = "true"\n  }\n',
    since: '1.73.4',
    previous: '1.73.3',
    protocol: 'HTTP',
  },
  {
    type: 'opentelekomcloud_lb_listener_v2',
    argument: 'transparent_client_ip_enable',
    written: attr('transparent_client_ip_enable', 'true'),
    since: '1.27.7',
    previous: '1.27.6',
    protocol: 'TCP',
  },
  {
    type: 'flexibleengine_lb_listener_v2',
    argument: 'transparent_client_ip_enable',
    written: attr('transparent_client_ip_enable', 'true'),
    since: '1.26.0',
    previous: '1.25.1',
    protocol: 'TCP',
  },
];

function providerOf(type: string): string {
  return PROVIDER_SOURCES[RESOURCE_TYPES[type].provider as keyof typeof PROVIDER_SOURCES];
}

function lockFor(type: string, version: string): string {
  return lockFile(version, `registry.terraform.io/${providerOf(type).toLowerCase()}`);
}

function listener(b: Boundary): string {
  return `resource "${b.type}" "l" {
  loadbalancer_id = var.lb
  protocol        = "${b.protocol}"
  protocol_port   = 443
${b.written}}
`;
}

function above(version: string): string {
  const [major, minor, patch] = version.split('.').map(Number);
  return `${major}.${minor}.${patch + 1}`;
}

describe('every argument with a first version is tested at its boundary', () => {
  test('the table of this test covers the provider table', () => {
    const table = Object.entries(RESOURCE_TYPES).flatMap(([type, info]) =>
      Object.entries(info.since ?? {}).map(([a, v]) => `${type} ${a} ${v}`),
    );
    const tested = BOUNDARIES.map((b) => `${b.type} ${b.argument} ${b.since}`);
    assert.deepEqual(tested.sort(), table.sort());
  });
});

describe(`${UNSUPPORTED}: arguments newer than the provider version in use`, () => {
  for (const b of BOUNDARIES) {
    test(`${b.type}.${b.argument}: ${b.previous} fires, ${b.since} and ${above(b.since)} do not`, async () => {
      const text = listener(b);
      const below = ofRule(await analyze({ 'main.tf': text, '.terraform.lock.hcl': lockFor(b.type, b.previous) }), UNSUPPORTED);
      assert.equal(below.length, 1);
      const [finding] = below;
      assert.equal(finding.severity, 'error');
      assert.equal(textAt(text, finding), b.argument === 'insert_headers' ? 'insert_headers' : b.argument);
      assert.match(
        finding.message,
        new RegExp(
          `^${b.argument} needs provider version ${b.since.replace(/\./g, '\\.')} or later\\. It arrived on ${b.type} in version ${b.since.replace(/\./g, '\\.')} of the ${providerOf(b.type)} provider`,
        ),
      );
      assert.match(finding.message, new RegExp(`${b.previous.replace(/\./g, '\\.')} \\(locked in \\.terraform\\.lock\\.hcl\\)`));
      assert.match(
        finding.message,
        new RegExp(
          `Upgrade the provider to >= ${b.since.replace(/\./g, '\\.')}, or remove ${b.argument} and make the setting in the console or through the ELB API`,
        ),
      );
      assert.deepEqual(
        finding.fixes.map((f) => [f.title, f.isPreferred]),
        [[`Remove ${b.argument} (the provider version in use does not have it)`, false]],
      );
      for (const version of [b.since, above(b.since)]) {
        const findings = await analyze({ 'main.tf': text, '.terraform.lock.hcl': lockFor(b.type, version) });
        assert.deepEqual(ofRule(findings, UNSUPPORTED), [], version);
      }
      const both = versionsTf(`>= ${b.previous}`, RESOURCE_TYPES[b.type].provider, providerOf(b.type));
      assert.deepEqual(ofRule(await analyze({ 'main.tf': text, 'versions.tf': both }), UNSUPPORTED), [], 'a constraint that admits both');
    });
  }

  test('removing the argument clears the finding', async () => {
    const b = BOUNDARIES[0];
    const { service, host } = await memoryService({ 'main.tf': listener(b), '.terraform.lock.hcl': lockFor(b.type, b.previous) });
    const [finding] = ofRule(service.analyzeFile(memPath('main.tf')), UNSUPPORTED);
    const fixed = applyEdits(host.files.get(memPath('main.tf'))!, finding.fixes[0].edits);
    service.openDocument(memPath('main.tf'), fixed);
    assert.deepEqual(ofRule(service.analyzeFile(memPath('main.tf')), UNSUPPORTED), []);
    assert.doesNotMatch(fixed, /transparent_client_ip_enable/);
  });

  test('other rules leave such an argument to this rule', async () => {
    const dedicated = (line: string) => `resource "huaweicloud_elb_loadbalancer" "lb" {
  name = "lb"
}

resource "huaweicloud_elb_listener" "l" {
  loadbalancer_id = huaweicloud_elb_loadbalancer.lb.id
  protocol        = "TCP"
  protocol_port   = 80
${line}}
`;
    const old = { '.terraform.lock.hcl': lockFile('1.62.1') };
    // always-on (a "false" the platform ignores) and nat64-conflict (both on).
    const off = await analyze({ 'main.tf': dedicated('  transparent_client_ip_enable = "false"\n'), ...old });
    assert.deepEqual(
      off.map((f) => f.ruleId),
      [UNSUPPORTED],
    );
    const both = await analyze({
      'main.tf': dedicated('  transparent_client_ip_enable = "true"\n  nat64_enable                 = "true"\n'),
      ...old,
    });
    assert.deepEqual(
      both.map((f) => f.ruleId),
      [UNSUPPORTED, UNSUPPORTED],
    );
    // ineffective-option (Proxy Protocol on TCP).
    const proxy = await analyze({ 'main.tf': dedicated('  proxy_protocol_enable = true\n'), ...old });
    assert.deepEqual(
      proxy.map((f) => f.ruleId),
      [UNSUPPORTED],
    );
    // Where the version has them, those rules speak again.
    const current = { '.terraform.lock.hcl': lockFile('1.91.0') };
    assert.deepEqual(
      (await analyze({ 'main.tf': dedicated('  transparent_client_ip_enable = "false"\n'), ...current })).map((f) => f.ruleId),
      ['client-ip-always-on'],
    );
    assert.deepEqual(
      (await analyze({ 'main.tf': dedicated('  proxy_protocol_enable = true\n'), ...current })).map((f) => f.ruleId),
      ['client-ip-ineffective-option'],
    );
  });
});

/** The texts a finding offers: message and fix titles. */
function offered(finding: Finding): string {
  return [finding.message, ...finding.fixes.map((f) => f.title)].join('\n');
}

describe('client-ip-shared-l4-off: no suggestion the provider version cannot take', () => {
  const shared = `resource "huaweicloud_lb_loadbalancer" "lb" {
  vip_subnet_id = var.subnet
}

resource "huaweicloud_lb_listener" "l" {
  loadbalancer_id = huaweicloud_lb_loadbalancer.lb.id
  protocol        = "TCP"
  protocol_port   = 80
}
`;
  const RULE = 'client-ip-shared-l4-off';

  test('older than 1.93.0: upgrade the provider or use the console, no fix', async () => {
    const [finding] = ofRule(await analyze({ 'main.tf': shared, '.terraform.lock.hcl': lockFile('1.92.0') }), RULE);
    assert.ok(finding);
    assert.deepEqual(finding.fixes, []);
    assert.doesNotMatch(offered(finding), /transparent_client_ip_enable =/);
    assert.match(
      finding.message,
      /The huaweicloud\/huaweicloud provider in use, 1\.92\.0 \(locked in \.terraform\.lock\.hcl\), has no transparent_client_ip_enable on huaweicloud_lb_listener \(it arrived in 1\.93\.0\): to turn it on in Terraform, upgrade the provider to >= 1\.93\.0, or use the console or the ELB API\./,
    );
  });

  test('a constraint that admits both: the fix says which version it needs', async () => {
    const [finding] = ofRule(await analyze({ 'main.tf': shared, 'versions.tf': versionsTf('>= 1.70.0') }), RULE);
    assert.deepEqual(
      finding.fixes.map((f) => f.title),
      [
        'Set transparent_client_ip_enable = "true" (needs huaweicloud/huaweicloud >= 1.93.0) (then restrict clients with access control, not security groups)',
      ],
    );
    assert.match(
      finding.message,
      /Set transparent_client_ip_enable = "true" \(needs huaweicloud\/huaweicloud >= 1\.93\.0\) if backends need/,
    );
  });

  test('at 1.93.0, or unknown: the fix as before', async () => {
    for (const files of [{ '.terraform.lock.hcl': lockFile('1.93.0') }, {}] as Record<string, string>[]) {
      const [finding] = ofRule(await analyze({ 'main.tf': shared, ...files }), RULE);
      assert.deepEqual(
        finding.fixes.map((f) => f.title),
        ['Set transparent_client_ip_enable = "true" (then restrict clients with access control, not security groups)'],
      );
    }
  });

  test('written false where the version has no such argument: client-ip-unsupported-argument alone', async () => {
    const off = shared.replace('protocol_port   = 80\n', 'protocol_port   = 80\n  transparent_client_ip_enable = "false"\n');
    const findings = await analyze({ 'main.tf': off, '.terraform.lock.hcl': lockFile('1.92.0') });
    assert.deepEqual(
      findings.map((f) => f.ruleId),
      [UNSUPPORTED],
    );
  });
});

describe('client-ip-ip-backend: real_ip and proxy_protocol_enable only where the version has them', () => {
  const RULE = 'client-ip-ip-backend';
  const ipBackend = (protocol: string) => `resource "huaweicloud_elb_loadbalancer" "lb" {
  cross_vpc_backend = true
}

resource "huaweicloud_elb_listener" "l" {
  loadbalancer_id = huaweicloud_elb_loadbalancer.lb.id
  protocol        = "${protocol}"
  protocol_port   = 443
}

resource "huaweicloud_elb_pool" "p" {
  listener_id = huaweicloud_elb_listener.l.id
  protocol    = "${protocol === 'TLS' ? 'TCP' : protocol}"
  lb_method   = "ROUND_ROBIN"
}

resource "huaweicloud_elb_member" "m" {
  pool_id       = huaweicloud_elb_pool.p.id
  address       = "10.1.0.5"
  protocol_port = 443
}
`;

  for (const [protocol, argument, purpose] of [
    ['HTTP', 'real_ip', 'to add X-Real-IP as well'],
    ['TLS', 'proxy_protocol_enable', 'to turn it on'],
  ] as const) {
    test(`${protocol}: ${argument} before 1.63.0 is not suggested; upgrading is`, async () => {
      const [finding] = ofRule(await analyze({ 'main.tf': ipBackend(protocol), '.terraform.lock.hcl': lockFile('1.62.1') }), RULE);
      assert.ok(finding);
      assert.deepEqual(finding.fixes, []);
      assert.doesNotMatch(finding.message, new RegExp(`turn on ${argument}|\\(${argument}\\)|Turn on Proxy Protocol`));
      assert.match(
        finding.message,
        new RegExp(
          `has no ${argument} on huaweicloud_elb_listener \\(it arrived in 1\\.63\\.0\\): ${purpose}, upgrade the provider to >= 1\\.63\\.0, or use the console or the ELB API`,
        ),
      );
    });

    test(`${protocol}: with a constraint that admits both, the fix that adds ${argument} names the version`, async () => {
      const [finding] = ofRule(await analyze({ 'main.tf': ipBackend(protocol), 'versions.tf': versionsTf('>= 1.50.0') }), RULE);
      assert.equal(finding.fixes.length, 1);
      assert.match(finding.fixes[0].title, new RegExp(`^Add ${argument} = true \\(needs huaweicloud/huaweicloud >= 1\\.63\\.0\\) \\(`));
      assert.match(finding.message, /needs huaweicloud\/huaweicloud >= 1\.63\.0/);
    });

    test(`${protocol}: from 1.63.0 on, the fix as before`, async () => {
      const [finding] = ofRule(await analyze({ 'main.tf': ipBackend(protocol), '.terraform.lock.hcl': lockFile('1.63.0') }), RULE);
      assert.match(finding.fixes[0].title, new RegExp(`^Add ${argument} = true \\(backends get`));
    });
  }
});

describe('hover: the provider version behind the decision', () => {
  const text = `resource "huaweicloud_elb_listener" "l" {
  loadbalancer_id = var.lb
  protocol        = "HTTP"
  protocol_port   = 80
}
`;
  async function hover(files: Record<string, string>): Promise<string> {
    const { service } = await memoryService({ 'main.tf': text, ...files });
    const result = service.hover(memPath('main.tf'), { line: 0, character: 12 });
    assert.ok(result);
    return result.markdown;
  }

  test('from the lock file, with the arguments the version lacks, and no suggestion of them', async () => {
    const markdown = await hover({ '.terraform.lock.hcl': lockFile('1.62.1') });
    assert.match(markdown, /- Provider: `huaweicloud\/huaweicloud` 1\.62\.1 \(locked in \.terraform\.lock\.hcl\) — source: lock file/);
    assert.match(markdown, /`transparent_client_ip_enable` arrived in 1\.91\.0: not in the version in use/);
    assert.match(markdown, /`real_ip` arrived in 1\.63\.0: not in the version in use/);
    assert.doesNotMatch(markdown, /real_ip = true/);
    assert.match(markdown, /to add `X-Real-IP` as well, upgrade the provider to >= 1\.63\.0/);
  });

  test('from a constraint', async () => {
    const markdown = await hover({ 'versions.tf': versionsTf('~> 1.85.0') });
    assert.match(
      markdown,
      /- Provider: `huaweicloud\/huaweicloud` "~> 1\.85\.0" \(required_providers in versions\.tf\) — source: version constraint/,
    );
    assert.match(markdown, /`transparent_client_ip_enable` arrived in 1\.91\.0: not in the version in use/);
    assert.doesNotMatch(markdown, /`real_ip` arrived/);
    const both = await hover({ 'versions.tf': versionsTf('>= 1.60.0') });
    assert.match(both, /`real_ip` arrived in 1\.63\.0: only some of the allowed versions have it/);
    assert.match(both, /`X-Real-IP` \(`real_ip = true`, needs huaweicloud\/huaweicloud >= 1\.63\.0\)/);
  });

  test('unknown', async () => {
    const markdown = await hover({});
    assert.match(markdown, /- Provider: `huaweicloud\/huaweicloud` unknown .* — source: unknown/);
    assert.match(markdown, /optionally `X-Real-IP` \(`real_ip = true`\)/);
  });
});

describe('the legacy Huawei names (_v2) are recognised everywhere', () => {
  const legacy = `resource "huaweicloud_lb_loadbalancer_v2" "lb" {
  vip_address = "192.168.0.100"
}

resource "huaweicloud_lb_listener_v2" "l" {
  loadbalancer_id = huaweicloud_lb_loadbalancer_v2.lb.id
  protocol        = "TCP"
  protocol_port   = 80
  transparent_client_ip_enable = "true"
}

resource "huaweicloud_lb_pool_v2" "p" {
  listener_id = huaweicloud_lb_listener_v2.l.id
  protocol    = "TCP"
  lb_method   = "ROUND_ROBIN"
}

resource "huaweicloud_compute_instance_v2" "vm" {
  user_data = "curl http://\${huaweicloud_lb_loadbalancer_v2.lb.vip_address}/"
}

resource "huaweicloud_lb_member_v2" "m" {
  pool_id       = huaweicloud_lb_pool_v2.p.id
  address       = huaweicloud_compute_instance_v2.vm.access_ip_v4
  protocol_port = 80
  subnet_id     = var.subnet
}
`;

  test('load balancer, listener, pool, member and server are linked as with the unsuffixed names', async () => {
    const findings = await analyze({ 'main.tf': legacy });
    assert.deepEqual(
      findings.map((f) => f.ruleId),
      ['client-ip-same-server'],
    );
    assert.match(findings[0].message, /Member `huaweicloud_lb_member_v2\.m` is a client too/);
    const unsuffixed = legacy.replace(/_v2\b/g, '');
    assert.deepEqual(
      (await analyze({ 'main.tf': unsuffixed })).map((f) => f.ruleId),
      ['client-ip-same-server'],
    );
  });

  test('a shared TCP listener off by default, and the string type of its argument', async () => {
    const off = legacy.replace('  transparent_client_ip_enable = "true"\n', '');
    const [finding] = ofRule(await analyze({ 'main.tf': off }), 'client-ip-shared-l4-off');
    assert.ok(finding);
    assert.match(finding.fixes[0].title, /transparent_client_ip_enable = "true"/);
  });

  test('hover on the listener knows it is shared', async () => {
    const { service } = await memoryService({ 'main.tf': legacy });
    const markdown = service.hover(memPath('main.tf'), { line: 4, character: 12 })?.markdown ?? '';
    assert.match(markdown, /Transfer Client IP Address: on\*\* — it is set to true on this shared TCP listener/);
  });
});
