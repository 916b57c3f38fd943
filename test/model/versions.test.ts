import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { resourceTypeInfo } from '../../server/src/model/providers';
import {
  argumentSupport,
  formatVersion,
  parseVersion,
  VersionRange,
  type ProviderVersionFact,
  type Version,
} from '../../server/src/model/versions';

function range(text: string): VersionRange {
  const parsed = VersionRange.parse(text);
  assert.ok(!('error' in parsed), `${text}: ${'error' in parsed ? parsed.error : ''}`);
  return parsed;
}

function v(text: string): Version {
  const parsed = parseVersion(text);
  assert.ok(parsed, text);
  return parsed;
}

/** Which of the probe versions a constraint allows. */
function allowed(text: string, probes: string[]): string[] {
  const r = range(text);
  return probes.filter((p) => r.has(v(p)));
}

const PROBES = ['1.84.9', '1.85.0', '1.85.1', '1.85.9', '1.86.0', '1.88.0', '1.88.1', '1.88.2', '1.93.0', '2.0.0'];

describe('version constraints (Terraform syntax)', () => {
  test('each operator', () => {
    assert.deepEqual(allowed('= 1.88.1', PROBES), ['1.88.1']);
    assert.deepEqual(allowed('1.88.1', PROBES), ['1.88.1']);
    assert.deepEqual(
      allowed('!= 1.88.1', PROBES),
      PROBES.filter((p) => p !== '1.88.1'),
    );
    assert.deepEqual(allowed('> 1.88.1', PROBES), ['1.88.2', '1.93.0', '2.0.0']);
    assert.deepEqual(allowed('>= 1.93.0', PROBES), ['1.93.0', '2.0.0']);
    assert.deepEqual(allowed('< 1.85.1', PROBES), ['1.84.9', '1.85.0']);
    assert.deepEqual(allowed('<= 1.85.1', PROBES), ['1.84.9', '1.85.0', '1.85.1']);
    assert.deepEqual(allowed('~> 1.85.0', PROBES), ['1.85.0', '1.85.1', '1.85.9']);
    assert.deepEqual(allowed('~> 1.85', PROBES), PROBES.slice(1, -1));
    assert.deepEqual(allowed('~> 1', PROBES), PROBES);
  });

  test('combined constraints intersect; spaces are optional', () => {
    assert.deepEqual(allowed('>= 1.85.0, < 1.88.2, != 1.88.0', PROBES), ['1.85.0', '1.85.1', '1.85.9', '1.86.0', '1.88.1']);
    assert.deepEqual(allowed('>=1.85.1,<1.86', PROBES), ['1.85.1', '1.85.9']);
    assert.deepEqual(allowed('', PROBES), PROBES);
  });

  test('partial versions and pre-releases are read so as to admit at least what Terraform admits', () => {
    assert.deepEqual(allowed('= 1.88', PROBES), ['1.88.0', '1.88.1', '1.88.2']);
    assert.deepEqual(allowed('<= 1.85', PROBES), ['1.84.9', '1.85.0', '1.85.1', '1.85.9']);
    assert.deepEqual(allowed('!= 1.88', PROBES), PROBES);
    assert.deepEqual(allowed('>= 1.93.0-beta1', PROBES), ['1.93.0', '2.0.0']);
    assert.deepEqual(allowed('> 1.93.0-rc1', PROBES), ['1.93.0', '2.0.0']);
    assert.deepEqual(allowed('< 1.93.0-rc1', ['1.88.2', '1.93.0']), ['1.88.2']);
    assert.equal(formatVersion(v('1.91.0-rc1')), '1.91.0');
  });

  test('what cannot be read is an error', () => {
    for (const text of ['~> 1.x', '>= 1.2.3.4', '>= ', 'latest', '>= 1.0,', '=> 1.0']) {
      const parsed = VersionRange.parse(text);
      assert.ok('error' in parsed, text);
    }
    for (const text of ['1.2', '1.2.3.4', 'v', '']) assert.equal(parseVersion(text), undefined, text);
  });

  test('below / at least a version, with exclusions and empty ranges', () => {
    const first = v('1.91.0');
    const r = (t: string) => range(t);
    assert.deepEqual([r('= 1.90.0').admitsBelow(first), r('= 1.90.0').admitsAtLeast(first)], [true, false]);
    assert.deepEqual([r('= 1.91.0').admitsBelow(first), r('= 1.91.0').admitsAtLeast(first)], [false, true]);
    assert.deepEqual([r('>= 1.85.0').admitsBelow(first), r('>= 1.85.0').admitsAtLeast(first)], [true, true]);
    assert.deepEqual([r('~> 1.90.0').admitsBelow(first), r('~> 1.90.0').admitsAtLeast(first)], [true, false]);
    // [1.91.0, 1.91.2) without both of its versions: nothing at or above 1.91.0 is left.
    assert.equal(r('>= 1.90.0, < 1.91.2, != 1.91.0, != 1.91.1').admitsAtLeast(first), false);
    assert.equal(r('>= 1.90.0, < 1.91.3, != 1.91.0, != 1.91.1').admitsAtLeast(first), true);
    assert.equal(r('>= 1.91.0, != 1.91.0').admitsBelow(first), false);
    assert.equal(r('>= 2.0.0, < 1.0.0').isEmpty(), true);
    assert.equal(r('= 1.88.1, != 1.88.1').isEmpty(), true);
    assert.equal(r('~> 1.88.0').isEmpty(), false);
    assert.equal(formatVersion(r('>= 1.88.1, < 1.88.2').exact()!), '1.88.1');
    assert.equal(r('>= 1.88.1').exact(), undefined);
  });
});

describe('argument support', () => {
  const fact = (source: ProviderVersionFact['source'], text: string): ProviderVersionFact => ({
    source,
    provider: 'huaweicloud/huaweicloud',
    range: source === 'unknown' ? undefined : range(text),
    text,
    origins: [],
  });
  const node = (type: string, providerVersion?: ProviderVersionFact) => ({
    info: resourceTypeInfo(type)!,
    ...(providerVersion ? { providerVersion } : {}),
  });

  test('yes, no or some, from the first version in the provider table', () => {
    const listener = 'huaweicloud_elb_listener';
    assert.equal(argumentSupport(node(listener, fact('lock-file', '1.90.0')), 'transparent_client_ip_enable').support, 'no');
    assert.equal(argumentSupport(node(listener, fact('lock-file', '1.91.0')), 'transparent_client_ip_enable').support, 'yes');
    assert.equal(argumentSupport(node(listener, fact('constraint', '>= 1.80.0')), 'transparent_client_ip_enable').support, 'some');
    assert.equal(argumentSupport(node(listener, fact('constraint', '>= 1.80.0')), 'transparent_client_ip_enable').since, '1.91.0');
  });

  test('yes when the version, or the argument’s first version, is unknown', () => {
    assert.equal(argumentSupport(node('huaweicloud_elb_listener', fact('unknown', '')), 'transparent_client_ip_enable').support, 'yes');
    assert.equal(argumentSupport(node('huaweicloud_elb_listener'), 'transparent_client_ip_enable').support, 'yes');
    assert.equal(argumentSupport(node('huaweicloud_elb_listener', fact('lock-file', '1.0.0')), 'protocol_port').support, 'yes');
    assert.equal(argumentSupport(node('elb-api:listener'), 'transparent_client_ip_enable').support, 'yes');
  });

  test('the legacy Huawei names are the same resources as the unsuffixed ones', () => {
    for (const kind of ['loadbalancer', 'listener', 'pool', 'member']) {
      assert.deepEqual(resourceTypeInfo(`huaweicloud_lb_${kind}_v2`), resourceTypeInfo(`huaweicloud_lb_${kind}`), kind);
    }
    assert.deepEqual(resourceTypeInfo('huaweicloud_compute_instance_v2'), resourceTypeInfo('huaweicloud_compute_instance'));
    assert.deepEqual(resourceTypeInfo('huaweicloud_networking_secgroup_rule_v2'), resourceTypeInfo('huaweicloud_networking_secgroup_rule'));
  });
});
