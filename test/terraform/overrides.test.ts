import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isOverrideFile } from '../../server/src/terraform/overrides';
import { analyze, memoryService, memPath, ofRule, textAt } from '../helpers';

const SHARED = `resource "huaweicloud_lb_loadbalancer" "lb" {
  vip_subnet_id = "s"
}

resource "huaweicloud_lb_listener" "l" {
  loadbalancer_id              = huaweicloud_lb_loadbalancer.lb.id
  protocol                     = "TCP"
  transparent_client_ip_enable = "true"
}
`;

describe('override files: names', () => {
  test('override.tf, *_override.tf and their JSON and OpenTofu forms', () => {
    for (const name of ['override.tf', 'lb_override.tf', 'override.tf.json', 'x_override.tf.json', 'override.tofu', 'a_override.tofu.json'])
      assert.ok(isOverrideFile(`/m/${name}`), name);
    for (const name of ['overrides.tf', 'override_lb.tf', 'myoverride.tf', 'main.tf']) assert.ok(!isOverrideFile(`/m/${name}`), name);
  });
});

describe('override files: arguments replaced, the finding where the override set the value', () => {
  test('an override turns transfer off: client-ip-shared-l4-off in the override file, on its argument', async () => {
    const override = 'resource "huaweicloud_lb_listener" "l" {\n  transparent_client_ip_enable = "false"\n}\n';
    const findings = ofRule(await analyze({ 'main.tf': SHARED, 'lb_override.tf': override }), 'client-ip-shared-l4-off');
    assert.equal(findings.length, 1);
    assert.equal(findings[0].file, memPath('lb_override.tf'));
    assert.equal(textAt(override, findings[0]), 'transparent_client_ip_enable = "false"');
    assert.deepEqual(findings[0].fixes, [], 'fixes made for the original file are dropped');
    assert.match(findings[0].message, /turns Transfer Client IP Address off/);
  });

  test('without the override, the same module is clean; an override of another argument keeps the original value', async () => {
    assert.deepEqual(await analyze({ 'main.tf': SHARED }), []);
    const other = 'resource "huaweicloud_lb_listener" "l" {\n  protocol_port = 8080\n}\n';
    assert.deepEqual(await analyze({ 'main.tf': SHARED, 'override.tf': other }), []);
  });

  test('a finding on an argument the override did not set stays in the original file', async () => {
    const off = SHARED.replace('transparent_client_ip_enable = "true"', 'transparent_client_ip_enable = "false"');
    const findings = ofRule(
      await analyze({ 'main.tf': off, 'override.tf': 'resource "huaweicloud_lb_listener" "l" {\n  name = "x"\n}\n' }),
      'client-ip-shared-l4-off',
    );
    assert.equal(findings.length, 1);
    assert.equal(findings[0].file, memPath('main.tf'));
    assert.equal(findings[0].fixes.length, 1);
  });

  test('the protocol from an override decides: HTTP with "false" is client-ip-always-on', async () => {
    const off = SHARED.replace('"true"', '"false"');
    const findings = await analyze({
      'main.tf': off,
      'z_override.tf': 'resource "huaweicloud_lb_listener" "l" {\n  protocol = "HTTP"\n}\n',
    });
    assert.deepEqual(
      findings.map((f) => f.ruleId),
      ['client-ip-always-on'],
    );
    assert.equal(findings[0].file, memPath('main.tf'), 'the argument reported is the original one');
  });

  test('later override files win (name order); an override block without an original is ignored', async () => {
    const a = 'resource "huaweicloud_lb_listener" "l" {\n  transparent_client_ip_enable = "false"\n}\n';
    const b = 'resource "huaweicloud_lb_listener" "l" {\n  transparent_client_ip_enable = "true"\n}\n';
    assert.deepEqual(await analyze({ 'main.tf': SHARED, 'a_override.tf': a, 'b_override.tf': b }), []);
    assert.equal(ofRule(await analyze({ 'main.tf': SHARED, 'a_override.tf': b, 'b_override.tf': a }), 'client-ip-shared-l4-off').length, 1);
    const orphan = 'resource "huaweicloud_lb_listener" "other" {\n  protocol = "TCP"\n}\n';
    assert.deepEqual(await analyze({ 'main.tf': SHARED, 'override.tf': orphan }), []);
  });

  test('.tf.json override files, and a variable default overridden', async () => {
    const json = JSON.stringify({ resource: { huaweicloud_lb_listener: { l: { transparent_client_ip_enable: 'false' } } } });
    const findings = ofRule(await analyze({ 'main.tf': SHARED, 'override.tf.json': json }), 'client-ip-shared-l4-off');
    assert.equal(findings.length, 1);
    assert.equal(findings[0].file, memPath('override.tf.json'));
    const byVariable = SHARED.replace('"true"\n}', 'var.on\n}') + 'variable "on" {\n  default = "true"\n}\n';
    assert.deepEqual(await analyze({ 'main.tf': byVariable }), []);
    const overridden = ofRule(
      await analyze({ 'main.tf': byVariable, 'vars_override.tf': 'variable "on" {\n  default = "false"\n}\n' }),
      'client-ip-shared-l4-off',
    );
    assert.equal(overridden.length, 1, 'the default from the override');
  });
});

describe('override files: nested blocks of a type replaced as a whole', () => {
  test('an ip_group block in an override replaces the original one', async () => {
    const base = `resource "opentelekomcloud_lb_loadbalancer_v3" "lb" {
  name = "lb"
}

resource "opentelekomcloud_lb_listener_v3" "l" {
  loadbalancer_id = opentelekomcloud_lb_loadbalancer_v3.lb.id
  protocol        = "TCP"
  insert_headers {
    forwarded_host = true
  }
}
`;
    // The original's insert_headers on TCP is ineffective; the override replaces it with nothing of that type only if it writes one.
    assert.equal(ofRule(await analyze({ 'main.tf': base }), 'client-ip-ineffective-option').length, 1);
    const sameType = 'resource "opentelekomcloud_lb_listener_v3" "l" {\n  insert_headers {\n    forwarded_port = true\n  }\n}\n';
    const findings = ofRule(await analyze({ 'main.tf': base, 'override.tf': sameType }), 'client-ip-ineffective-option');
    assert.equal(findings.length, 1);
    assert.equal(findings[0].file, memPath('override.tf'), 'the block the override wrote');
    assert.equal(textAt(sameType, findings[0]), 'insert_headers');
    const { service } = await memoryService({ 'main.tf': base, 'override.tf': sameType });
    const [view] = service.models(memPath('main.tf'));
    const listener = view.model.listeners[0];
    assert.deepEqual(
      listener.block.blocks.map((b) => [...b.attributes.keys()]),
      [['forwarded_port']],
      'only the override’s insert_headers is left',
    );
  });
});
