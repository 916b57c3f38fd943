import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Finding } from '../../server/src/core/types';
import { analyze, memoryService, memPath, ofRule, textAt } from '../helpers';
import { lockFile, versionsTf } from '../versionFixtures';

/**
 * Where the provider version comes from: `.terraform.lock.hcl` of the root module, else the
 * `required_providers` constraints of every module, else unknown. The probe: a Huawei shared
 * TCP listener that writes `transparent_client_ip_enable` (first in huaweicloud 1.93.0).
 */

const UNSUPPORTED = 'client-ip-unsupported-argument';
const VERSION_PROBLEM = 'provider-version';

const LISTENER = `resource "huaweicloud_lb_listener" "l" {
  loadbalancer_id              = var.lb
  protocol                     = "TCP"
  protocol_port                = 80
  transparent_client_ip_enable = "true"
}
`;

async function unsupported(files: Record<string, string>): Promise<Finding[]> {
  return ofRule(await analyze({ 'main.tf': LISTENER, ...files }), UNSUPPORTED);
}

async function listenerHover(files: Record<string, string>, main = LISTENER): Promise<string> {
  const { service } = await memoryService({ 'main.tf': main, ...files });
  const hover = service.hover(memPath('main.tf'), { line: 0, character: 12 });
  assert.ok(hover);
  return hover.markdown;
}

describe('provider version: .terraform.lock.hcl', () => {
  test('the locked version decides, and the message names it and the lock file', async () => {
    const findings = await unsupported({ '.terraform.lock.hcl': lockFile('1.70.2') });
    assert.equal(findings.length, 1);
    assert.match(
      findings[0].message,
      /^transparent_client_ip_enable needs provider version 1\.93\.0 or later\. It arrived on huaweicloud_lb_listener in version 1\.93\.0 of the huaweicloud\/huaweicloud provider/,
    );
    assert.match(findings[0].message, /1\.70\.2 \(locked in \.terraform\.lock\.hcl\)/);
    assert.deepEqual(await unsupported({ '.terraform.lock.hcl': lockFile('1.93.0') }), []);
  });

  test('it wins over the constraints', async () => {
    assert.equal((await unsupported({ '.terraform.lock.hcl': lockFile('1.92.0'), 'versions.tf': versionsTf('>= 1.20.0') })).length, 1);
    assert.deepEqual(await unsupported({ '.terraform.lock.hcl': lockFile('1.93.0'), 'versions.tf': versionsTf('< 1.93.0') }), []);
  });

  test('an entry for another provider, or another source, does not count', async () => {
    const other = lockFile('1.0.0', 'registry.terraform.io/hashicorp/aws');
    assert.deepEqual(await unsupported({ '.terraform.lock.hcl': other }), []);
    assert.equal((await unsupported({ '.terraform.lock.hcl': other, 'versions.tf': versionsTf('~> 1.85.0') })).length, 1);
  });

  test('the root lock file applies to the modules it calls', async () => {
    const files = {
      'root/main.tf': 'module "lb" {\n  source = "../lb"\n}\n',
      'root/.terraform.lock.hcl': lockFile('1.70.2'),
      'lb/main.tf': LISTENER,
    };
    const { service } = await memoryService(files);
    const findings = ofRule([...service.analyzeModule(memPath('lb/main.tf')).values()].flat(), UNSUPPORTED);
    assert.equal(findings.length, 1);
    assert.equal(findings[0].file, memPath('lb/main.tf'));
    assert.match(findings[0].message, /1\.70\.2 \(locked in \.terraform\.lock\.hcl\)/);
    // A lock file next to a module that is only called is not the one Terraform uses.
    const childLock = { ...files, 'root/.terraform.lock.hcl': lockFile('1.93.0'), 'lb/.terraform.lock.hcl': lockFile('1.70.2') };
    const { service: second } = await memoryService(childLock);
    assert.deepEqual(ofRule([...second.analyzeModule(memPath('lb/main.tf')).values()].flat(), UNSUPPORTED), []);
  });
});

describe('provider version: required_providers', () => {
  test('each constraint form', async () => {
    for (const [constraint, fires] of [
      ['~> 1.85.0', true],
      ['= 1.88.1', true],
      ['1.88.1', true],
      ['>= 1.93.0', false],
      ['>= 1.80.0, < 1.93.0', true],
      ['>= 1.80.0, != 1.93.0', false],
      ['~> 1.92.0, != 1.92.1', true],
      ['~> 1.0', false],
    ] as const) {
      const findings = await unsupported({ 'versions.tf': versionsTf(constraint) });
      assert.equal(findings.length, fires ? 1 : 0, constraint);
      const quoted = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const named = new RegExp(
        `"${quoted(constraint)}" \\(required_providers in versions\\.tf\\)|versions\\.tf allows: ${quoted(constraint)}\\)`,
      );
      if (fires) assert.match(findings[0].message, named);
    }
  });

  test('an exact constraint is named as the only version allowed', async () => {
    const [finding] = await unsupported({ 'versions.tf': versionsTf('= 1.88.1') });
    assert.match(finding.message, /1\.88\.1 \(the only version that required_providers in versions\.tf allows: = 1\.88\.1\)/);
  });

  test('the legacy string form (`huaweicloud = "~> 1.85.0"`)', async () => {
    const legacy = 'terraform {\n  required_providers {\n    huaweicloud = "~> 1.85.0"\n  }\n}\n';
    assert.equal((await unsupported({ 'versions.tf': legacy })).length, 1);
  });

  test('in Terraform JSON', async () => {
    const json = JSON.stringify({
      terraform: { required_providers: { huaweicloud: { source: 'huaweicloud/huaweicloud', version: '~> 1.85.0' } } },
    });
    assert.equal((await unsupported({ 'versions.tf.json': json })).length, 1);
  });

  test('the constraints of every module of the configuration hold together', async () => {
    const files = {
      'root/main.tf': 'module "lb" {\n  source = "../lb"\n}\n',
      'root/versions.tf': versionsTf('>= 1.80.0'),
      'lb/main.tf': LISTENER,
      'lb/versions.tf': versionsTf('< 1.93.0'),
    };
    const { service } = await memoryService(files);
    const [finding, ...rest] = ofRule([...service.analyzeModule(memPath('lb/main.tf')).values()].flat(), UNSUPPORTED);
    assert.deepEqual(rest, []);
    assert.ok(finding);
    assert.match(finding.message, /">= 1\.80\.0, < 1\.93\.0"|"< 1\.93\.0, >= 1\.80\.0"/);
  });

  test('the provider’s local name and source are followed, with configuration aliases', async () => {
    const renamed = LISTENER.replace('protocol_port', 'provider                     = hw.west\n  protocol_port');
    const files = (listener: string, source: string) => ({
      'main.tf': listener,
      'versions.tf': versionsTf('~> 1.85.0', 'hw', source),
    });
    assert.equal(ofRule(await analyze(files(renamed, 'huaweicloud/huaweicloud')), UNSUPPORTED).length, 1);
    // Another provider under a Huawei-like name: its versions mean nothing here.
    const fork = { 'main.tf': LISTENER, 'versions.tf': versionsTf('~> 1.0.0', 'huaweicloud', 'example/huaweicloud') };
    assert.deepEqual(ofRule(await analyze(fork), UNSUPPORTED), []);
    const hover = await listenerHover({ 'versions.tf': versionsTf('~> 1.0.0', 'huaweicloud', 'example/huaweicloud') });
    assert.match(hover, /its provider is example\/huaweicloud, not huaweicloud\/huaweicloud/);
    // A full address with another registry host names the same provider.
    const mirrored = {
      'main.tf': LISTENER,
      'versions.tf': versionsTf('~> 1.85.0', 'huaweicloud', 'registry.opentofu.org/huaweicloud/huaweicloud'),
    };
    assert.equal(ofRule(await analyze(mirrored), UNSUPPORTED).length, 1);
  });
});

describe('provider version: unknown', () => {
  test('without lock file and constraint nothing is gated (the newest is assumed)', async () => {
    assert.deepEqual(await unsupported({}), []);
    const hover = await listenerHover({});
    assert.match(
      hover,
      /Provider: `huaweicloud\/huaweicloud` unknown \(no \.terraform\.lock\.hcl next to the root module and no version constraint in required_providers\), so the newest is assumed — source: unknown/,
    );
  });

  test('a source without a version constraint leaves it unknown', async () => {
    const noVersion = 'terraform {\n  required_providers {\n    huaweicloud = {\n      source = "huaweicloud/huaweicloud"\n    }\n  }\n}\n';
    assert.deepEqual(await unsupported({ 'versions.tf': noVersion }), []);
  });

  test('constraints no version satisfies are left out', async () => {
    assert.deepEqual(await unsupported({ 'versions.tf': versionsTf('>= 1.95.0, < 1.90.0') }), []);
  });
});

describe('provider version: what cannot be read is a hint, and is otherwise ignored', () => {
  test('a lock file with a syntax error: a hint on it, and the constraints decide', async () => {
    const broken = lockFile('1.70.2').replace('version     = "1.70.2"', 'version     = "1.70.2');
    const files = { 'main.tf': LISTENER, '.terraform.lock.hcl': broken, 'versions.tf': versionsTf('>= 1.93.0') };
    const findings = await analyze(files);
    assert.deepEqual(ofRule(findings, UNSUPPORTED), []);
    const hints = ofRule(findings, VERSION_PROBLEM);
    assert.equal(hints.length, 1);
    assert.equal(hints[0].severity, 'hint');
    assert.equal(hints[0].file, memPath('.terraform.lock.hcl'));
    assert.match(hints[0].message, /cannot parse this lock file.*\.terraform\.lock\.hcl is ignored/);
    assert.equal(hints[0].docsUrl, 'docs/rules/provider-version.md');
    // Without constraints the version is unknown: still no finding, and no failure.
    assert.deepEqual(ofRule(await analyze({ 'main.tf': LISTENER, '.terraform.lock.hcl': broken }), UNSUPPORTED), []);
  });

  test('a lock file that is not HCL at all', async () => {
    const findings = await analyze({ 'main.tf': LISTENER, '.terraform.lock.hcl': '{"not": "hcl"}\n\u0001garbage ]]' });
    assert.equal(ofRule(findings, VERSION_PROBLEM).length, 1);
    assert.deepEqual(ofRule(findings, UNSUPPORTED), []);
  });

  test('a lock entry whose version is not a version: a hint on it, the entry left out', async () => {
    const lock = lockFile('latest');
    const findings = await analyze({ 'main.tf': LISTENER, '.terraform.lock.hcl': lock, 'versions.tf': versionsTf('~> 1.85.0') });
    const [hint] = ofRule(findings, VERSION_PROBLEM);
    assert.ok(hint);
    assert.equal(textAt(lock, hint), 'version     = "latest"');
    assert.match(hint.message, /"latest" is not a version/);
    // The constraint decides instead.
    assert.match(ofRule(findings, UNSUPPORTED)[0]?.message ?? '', /"~> 1\.85\.0"/);
  });

  test('a constraint that cannot be read: a hint on it, the constraint left out', async () => {
    const versions = versionsTf('~> 1.x');
    const findings = await analyze({ 'main.tf': LISTENER, 'versions.tf': versions });
    assert.deepEqual(ofRule(findings, UNSUPPORTED), []);
    const [hint, ...rest] = ofRule(findings, VERSION_PROBLEM);
    assert.deepEqual(rest, []);
    assert.equal(hint.file, memPath('versions.tf'));
    assert.equal(textAt(versions, hint), '"~> 1.x"');
    assert.match(hint.message, /cannot read the version constraint of huaweicloud \("~> 1\.x" is not a version constraint\)/);
  });

  test('a module called from two root modules reports its constraint once', async () => {
    const files = {
      'a/main.tf': 'module "lb" {\n  source = "../lb"\n}\n',
      'b/main.tf': 'module "lb" {\n  source = "../lb"\n}\n',
      'lb/main.tf': LISTENER,
      'lb/versions.tf': versionsTf('~> 1.x'),
    };
    const { service } = await memoryService(files);
    assert.equal(ofRule(service.analyzeFile(memPath('lb/versions.tf')), VERSION_PROBLEM).length, 1);
  });

  test('constraints of other providers are not ELB Lens’ business', async () => {
    const aws =
      'terraform {\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n      version = "~> 5.x"\n    }\n  }\n}\n';
    assert.deepEqual(ofRule(await analyze({ 'main.tf': LISTENER, 'versions.tf': aws }), VERSION_PROBLEM), []);
  });

  test('the hint can be turned off or given another severity, and offers no ignore comment in the lock file', async () => {
    const broken = 'provider "registry.terraform.io/huaweicloud/huaweicloud" {\n  version = \n';
    const { service } = await memoryService({ 'main.tf': LISTENER, '.terraform.lock.hcl': broken });
    const lock = memPath('.terraform.lock.hcl');
    assert.equal(service.analyzeModule(memPath('main.tf'), { rules: { 'provider-version': 'off' } }).get(lock)?.length, 0);
    const [warning] = service.analyzeModule(memPath('main.tf'), { rules: { 'provider-version': 'warning' } }).get(lock) ?? [];
    assert.equal(warning?.severity, 'warning');
    assert.equal(service.suppressionFix(warning), undefined);
  });
});

describe('the lock file in the service', () => {
  test('its findings come with its folder’s, and with the lock file itself when it is analysed (an open editor)', async () => {
    const broken = lockFile('1.70.2').replace('hashes = [', 'hashes = [[');
    const { service } = await memoryService({ 'main.tf': LISTENER, '.terraform.lock.hcl': broken });
    const lock = memPath('.terraform.lock.hcl');
    assert.ok(service.isSupportedFile(lock));
    assert.equal(service.analyzeModule(memPath('main.tf')).get(lock)?.length, 1);
    assert.equal(service.analyzeFile(lock).length, 1);
  });

  test('a changed lock file is read again', async () => {
    const { service, host } = await memoryService({ 'main.tf': LISTENER, '.terraform.lock.hcl': lockFile('1.93.0') });
    const main = memPath('main.tf');
    assert.deepEqual(ofRule(service.analyzeFile(main), UNSUPPORTED), []);
    host.files.set(memPath('.terraform.lock.hcl'), lockFile('1.70.2'));
    service.fileChanged(memPath('.terraform.lock.hcl'));
    assert.equal(ofRule(service.analyzeFile(main), UNSUPPORTED).length, 1);
    // An open document wins over the disk, as for other files.
    service.openDocument(memPath('.terraform.lock.hcl'), lockFile('1.93.1'));
    assert.deepEqual(ofRule(service.analyzeFile(main), UNSUPPORTED), []);
  });
});
