import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ElbLensService } from '../../server/src/service/api';
import { memoryService, memPath } from '../helpers';

/**
 * Evaluation is observed through the model: a shared UDP listener's client IP argument
 * set to an expression, read back through the hover (explicit on / off / unknown).
 */
async function stateOf(expression: string, extra: Record<string, string> = {}, options = {}): Promise<string> {
  const main = `resource "huaweicloud_lb_listener" "l" {
  loadbalancer_id              = huaweicloud_lb_loadbalancer.lb.id
  protocol                     = "UDP"
  transparent_client_ip_enable = ${expression}
}

resource "huaweicloud_lb_loadbalancer" "lb" {
  vip_subnet_id = "s"
}
`;
  const { service } = await memoryService({ 'main.tf': main, ...extra });
  return label(service, options);
}

function label(service: ElbLensService, options = {}): string {
  const [hint] = service.inlayHints(memPath('main.tf'), undefined, options);
  return hint.label;
}

const ON = 'client IP: on';
const OFF = 'client IP: off';
const UNKNOWN = 'client IP: unknown';

describe('evaluation', () => {
  test('literals of both types', async () => {
    assert.equal(await stateOf('"true"'), ON);
    assert.equal(await stateOf('false'), OFF);
  });

  test('variable defaults, terraform.tfvars, .json, *.auto.tfvars in lexical order, options last', async () => {
    const decl = { 'v.tf': 'variable "x" {\n  default = "false"\n}\n' };
    assert.equal(await stateOf('var.x', decl), OFF);
    assert.equal(await stateOf('var.x', { ...decl, 'terraform.tfvars': 'x = "true"\n' }), ON);
    assert.equal(await stateOf('var.x', { ...decl, 'terraform.tfvars': 'x = "true"\n', 'terraform.tfvars.json': '{"x": "false"}' }), OFF);
    assert.equal(await stateOf('var.x', { ...decl, 'b.auto.tfvars': 'x = "true"\n', 'a.auto.tfvars': 'x = "false"\n' }), ON);
    assert.equal(await stateOf('var.x', { ...decl, 'a.auto.tfvars.json': '{"x": true}' }), ON);
    assert.equal(await stateOf('var.x', decl, { variables: { x: 'true' } }), ON);
  });

  test('locals, locals of locals, cycles', async () => {
    assert.equal(await stateOf('local.a', { 'l.tf': 'locals {\n  a = local.b\n  b = "true"\n}\n' }), ON);
    assert.equal(await stateOf('local.a', { 'l.tf': 'locals {\n  a = local.b\n  b = local.a\n}\n' }), UNKNOWN);
  });

  test('templates, conditionals, functions and operators', async () => {
    assert.equal(await stateOf('"${"tr"}ue"'), ON);
    assert.equal(await stateOf('1 + 1 == 2 ? "true" : "false"'), ON);
    assert.equal(await stateOf('!true'), OFF);
    assert.equal(await stateOf('tobool(lower("TRUE"))'), ON);
    assert.equal(await stateOf('tostring(false)'), OFF);
    assert.equal(await stateOf('upper("x") == "X" && true'), ON);
    assert.equal(await stateOf('var.unknown && false', { 'v.tf': 'variable "unknown" {}\n' }), OFF);
  });

  test('indexed references, splats and count/for_each resources', async () => {
    const maps = { 'v.tf': 'variable "m" {\n  default = { on = "true", list = ["false"] }\n}\n' };
    assert.equal(await stateOf('var.m["on"]', maps), ON);
    assert.equal(await stateOf('var.m.list[0]', maps), OFF);
    const counted = { 'r.tf': 'resource "huaweicloud_elb_pool" "flag" {\n  count = 2\n  enabled = "true"\n}\n' };
    assert.equal(await stateOf('huaweicloud_elb_pool.flag[0].enabled', counted), ON);
    assert.equal(await stateOf('huaweicloud_elb_pool.flag[count.index].enabled', counted), ON);
    assert.equal(await stateOf('huaweicloud_elb_pool.flag[*].enabled[0]', counted), UNKNOWN);
  });

  test('attributes of resources the ELB model does not read are unknown', async () => {
    const other = { 'r.tf': 'resource "null_resource" "flag" {\n  enabled = "true"\n}\n' };
    assert.equal(await stateOf('null_resource.flag.enabled', other), UNKNOWN);
  });

  test('what cannot be known stays unknown', async () => {
    assert.equal(await stateOf('var.nodefault', { 'v.tf': 'variable "nodefault" {}\n' }), UNKNOWN);
    assert.equal(await stateOf('var.undeclared'), UNKNOWN);
    assert.equal(await stateOf('huaweicloud_lb_loadbalancer.lb.id'), UNKNOWN);
    assert.equal(await stateOf('data.x.y.flag'), UNKNOWN);
    assert.equal(await stateOf('jsondecode("true")'), UNKNOWN);
    assert.equal(await stateOf('each.value'), UNKNOWN);
    assert.equal(await stateOf('[for x in ["a"] : x][0]'), UNKNOWN);
  });

  test('references across files of the module, in .tf.json too', async () => {
    const json = JSON.stringify({ locals: { from_json: 'true' } });
    assert.equal(await stateOf('local.from_json', { 'locals.tf.json': json }), ON);
    const jsonVar = JSON.stringify({ variable: { v: { default: false } } });
    assert.equal(await stateOf('var.v', { 'vars.tf.json': jsonVar }), OFF);
  });
});
