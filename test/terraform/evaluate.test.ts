import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ElbLensService } from '../../server/src/service/api';
import type { AnalysisOptions } from '../../server/src/core/options';
import { isUnknown, type Value } from '../../server/src/model/value';
import { TerraformModule, type VariableInput } from '../../server/src/terraform/module';
import { memoryService, memPath } from '../helpers';
import { parseExpr, parseHcl, parseTfJson } from '../parse/util';

// ---- directly: a TerraformModule over parsed files, evaluating one expression ----

async function moduleOf(files: Record<string, string>, inputs: VariableInput[] = []): Promise<TerraformModule> {
  const configs = await Promise.all(
    Object.entries(files).map(([name, text]) =>
      name.endsWith('.json') ? parseTfJson(text, memPath(name)) : parseHcl(text, undefined, memPath(name)),
    ),
  );
  return new TerraformModule('/mem', configs, inputs);
}

async function valueOf(source: string, files: Record<string, string> = {}, inputs: VariableInput[] = []): Promise<Value> {
  const module = await moduleOf(files, inputs);
  return module.evaluate(await parseExpr(source));
}

/** The value, or `unknown: <reason>`. */
async function evaluated(source: string, files: Record<string, string> = {}, inputs: VariableInput[] = []): Promise<unknown> {
  const value = await valueOf(source, files, inputs);
  return isUnknown(value) ? `unknown: ${value.reason}` : value;
}

async function assertUnknown(source: string, files: Record<string, string> = {}, reason?: RegExp): Promise<void> {
  const value = await valueOf(source, files);
  assert.ok(isUnknown(value), `${source} should be unknown, is ${JSON.stringify(value)}`);
  if (reason) assert.match(value.reason, reason, source);
}

const VARIABLES = `variable "protocol" {
  default = "TCP"
}

variable "enabled" {
  default = true
}

variable "nodefault" {}

variable "nested" {
  default = {
    flags = ["true", "false"]
    by_name = {
      web = { on = "true" }
    }
  }
}
`;

describe('evaluation: literals and operators', () => {
  test('literals, tuples and objects', async () => {
    assert.equal(await evaluated('"TCP"'), 'TCP');
    assert.equal(await evaluated('42'), 42);
    assert.equal(await evaluated('true'), true);
    assert.equal(await evaluated('null'), null);
    assert.deepEqual(await evaluated('[1, "a", false]'), [1, 'a', false]);
    // Objects have no prototype (keys come from files); compared by content.
    assert.deepEqual(JSON.parse(JSON.stringify(await evaluated('{ a = 1, "b" = [2], c : { d = "e" } }'))), { a: 1, b: [2], c: { d: 'e' } });
  });

  test('arithmetic, comparison, logic and parentheses', async () => {
    assert.equal(await evaluated('1 + 2 * 3'), 7);
    assert.equal(await evaluated('(1 + 2) * 3'), 9);
    assert.equal(await evaluated('3 * (1 + 2)'), 9);
    assert.equal(await evaluated('10 % 4 - 6 / 3'), 0);
    assert.equal(await evaluated('-(2)'), -2);
    assert.equal(await evaluated('1 < 2 && 2 >= 2'), true);
    assert.equal(await evaluated('"a" == "a" || false'), true);
    assert.equal(await evaluated('[1, 2] != [1, 2]'), false);
    assert.equal(await evaluated('{ a = 1, b = [2] } == { b = [2], a = 1 }'), true, 'object keys in any order');
    assert.equal(await evaluated('"1" == 1'), false, 'no conversion for ==');
    assert.equal(await evaluated('[1] == { a = 1 }'), false);
    assert.equal(await evaluated('!(1 == 2)'), true);
    assert.equal(await evaluated('(var.protocol) == "TCP"', { 'v.tf': VARIABLES }), true);
    await assertUnknown('1 / 0', {}, /division by zero/);
    await assertUnknown('"a" + 1', {}, /needs numbers/);
  });

  test('&& and || are decided by one known side', async () => {
    const files = { 'v.tf': VARIABLES };
    assert.equal(await evaluated('var.nodefault && false', files), false);
    assert.equal(await evaluated('true || var.nodefault', files), true);
    await assertUnknown('var.nodefault && true', files);
    await assertUnknown('var.nodefault || false', files);
  });
});

describe('evaluation: templates, conditionals and functions', () => {
  test('string templates and heredocs', async () => {
    const files = { 'v.tf': VARIABLES };
    assert.equal(await evaluated('"${var.protocol}-${1 + 1}-${true}"', files), 'TCP-2-true');
    assert.equal(await evaluated('" ${var.protocol} "', files), ' TCP ', 'white space next to an interpolation is kept');
    assert.equal(await evaluated('"${"tr"}ue"'), 'true');
    assert.deepEqual(await evaluated('"${var.nested.flags}"', files), ['true', 'false'], 'a lone interpolation yields the value itself');
    assert.equal(await evaluated('<<EOT\nproto ${var.protocol}\nEOT', files), 'proto TCP\n');
    assert.equal(await evaluated('<<-EOT\n    a\n      b\n    EOT'), 'a\n  b\n');
    await assertUnknown('"x${var.nested.flags}"', files, /not a string/);
    await assertUnknown('"${var.nodefault}!"', files);
  });

  test('conditionals, chained conditionals (right-associative)', async () => {
    const files = { 'v.tf': VARIABLES };
    assert.equal(await evaluated('var.protocol == "TCP" ? "true" : "false"', files), 'true');
    assert.equal(await evaluated('"false" ? 1 : 2'), 2, 'a "false" string converts to a bool');
    assert.equal(await evaluated('true ? true : false ? false : false'), true);
    assert.equal(await evaluated('false ? "a" : true ? "b" : "c"'), 'b');
    assert.equal(await evaluated('false ? "a" : false ? "b" : "c"'), 'c');
    assert.equal(await evaluated('var.protocol == "UDP" ? "udp" : var.protocol == "TCP" ? "tcp" : "other"', files), 'tcp');
    assert.equal(await evaluated('(true ? false : true) ? "x" : "y"'), 'y');
    await assertUnknown('var.nodefault ? true : false', files, /condition is unknown/);
    await assertUnknown('"maybe" ? 1 : 2', {}, /not a boolean/);
  });

  test('tobool, tostring, tonumber, lower, upper, trimspace, coalesce', async () => {
    assert.equal(await evaluated('tobool("true")'), true);
    assert.equal(await evaluated('tobool(false)'), false);
    assert.equal(await evaluated('tobool(null)'), null);
    await assertUnknown('tobool("yes")', {}, /tobool/);
    assert.equal(await evaluated('tostring(false)'), 'false');
    assert.equal(await evaluated('tostring(12)'), '12');
    await assertUnknown('tostring([1])', {}, /tostring/);
    assert.equal(await evaluated('tonumber("5") + 1'), 6);
    assert.equal(await evaluated('lower("TCP")'), 'tcp');
    assert.equal(await evaluated('upper("udp")'), 'UDP');
    assert.equal(await evaluated('tobool(lower("TRUE"))'), true);
    assert.equal(await evaluated('trimspace("  x ")'), 'x');
    assert.equal(await evaluated('coalesce("", null, "b")'), 'b');
  });

  test('functions that are not evaluated, and anything over an unknown argument, stay unknown', async () => {
    for (const source of ['jsondecode("true")', 'format("%s", "true")', 'cidrhost("10.0.0.0/8", 1)', 'timestamp()', 'provider::x::y(1)']) {
      await assertUnknown(source, {}, /not evaluated statically|is not evaluated/);
    }
    await assertUnknown('lower(var.nodefault)', { 'v.tf': VARIABLES }, /no default/);
    await assertUnknown('[for x in ["a"] : x][0]', {}, /not evaluated statically/);
  });
});

describe('evaluation: variables, locals and references', () => {
  test('variable defaults, nested defaults, indexes and keys', async () => {
    const files = { 'v.tf': VARIABLES };
    assert.equal(await evaluated('var.protocol', files), 'TCP');
    assert.equal(await evaluated('var.enabled', files), true);
    assert.equal(await evaluated('var.nested.flags[0]', files), 'true');
    assert.equal(await evaluated('var.nested["flags"][1]', files), 'false');
    assert.equal(await evaluated('var.nested.by_name["web"].on', files), 'true');
    assert.equal(await evaluated('var.nested.flags["1"]', files), 'false', 'a numeric string indexes a list');
    await assertUnknown('var.nested.flags[5]', files, /out of range/);
    await assertUnknown('var.nested.missing', files, /no key "missing"/);
    await assertUnknown('var.nested.flags[*]', files, /splat/);
    await assertUnknown('var.protocol[0]', files, /cannot index/);
  });

  test('what is not given stays unknown: no default, not declared, not a static value', async () => {
    const files = { 'v.tf': VARIABLES };
    await assertUnknown('var.nodefault', files, /no default and no value is given/);
    await assertUnknown('var.undeclared', files, /not declared/);
    await assertUnknown('local.undefined', files, /not defined/);
    await assertUnknown('module.m.output', files, /not called in this module/);
    await assertUnknown('count.index', files, /only known for a resource or module with known count/);
    await assertUnknown('each.value', files, /only known for a resource or module with known for_each/);
    for (const source of ['data.huaweicloud_vpc.v.id', 'path.module', 'terraform.workspace', 'self.x']) {
      await assertUnknown(source, files, /only known when Terraform runs/);
    }
  });

  test('given values win over defaults; the last given value wins', async () => {
    const files = { 'v.tf': VARIABLES };
    const inputs: VariableInput[] = [
      { name: 'protocol', value: 'UDP', source: 'terraform.tfvars' },
      { name: 'protocol', value: 'HTTP', source: 'b.auto.tfvars' },
      { name: 'nodefault', value: 'given', source: 'a value given to ELB Lens' },
    ];
    assert.equal(await evaluated('var.protocol', files, inputs), 'HTTP');
    assert.equal(await evaluated('var.nodefault', files, inputs), 'given');
    const module = await moduleOf(files, inputs);
    assert.equal(module.variable('protocol')?.source, 'b.auto.tfvars');
    assert.equal((await moduleOf(files)).variable('protocol')?.source, 'the default in v.tf');
    assert.equal(module.variable('undeclared'), undefined);
  });

  test('locals, locals of locals, in any order and across files', async () => {
    const files = {
      'a.tf': 'locals {\n  first = local.second\n  name  = "lb-${local.kind}"\n}\n',
      'b.tf': 'locals {\n  second = local.third\n  third  = var.protocol\n  kind   = lower(var.protocol)\n}\n',
      'v.tf': VARIABLES,
    };
    assert.equal(await evaluated('local.first', files), 'TCP');
    assert.equal(await evaluated('local.name', files), 'lb-tcp');
  });

  test('cycles among locals are unknown, and evaluating them again still works', async () => {
    const files = {
      'l.tf':
        'locals {\n  a = local.b\n  b = local.c\n  c = local.a\n  self = local.self\n  ok = "yes"\n  uses = "${local.ok}-${local.a}"\n}\n',
    };
    const module = await moduleOf(files);
    for (const name of ['a', 'b', 'c', 'self', 'uses']) {
      const value = module.evaluate(await parseExpr(`local.${name}`));
      assert.ok(isUnknown(value), name);
      assert.match(value.reason, /refers to itself/, name);
    }
    assert.equal(module.evaluate(await parseExpr('local.ok')), 'yes');
    assert.equal(module.evaluate(await parseExpr('local.a == "x" || true')), true);
  });

  test('a deep chain of locals ends as unknown instead of overflowing', async () => {
    const lines = Array.from({ length: 500 }, (_, i) => `  l${i} = local.l${i + 1}`);
    const files = { 'l.tf': `locals {\n${lines.join('\n')}\n  l500 = "end"\n}\n` };
    assert.equal(await evaluated('local.l480', files), 'end');
    await assertUnknown('local.l0', files, /nest more than \d+ deep/);
  });

  test('resource attributes as written, with count and for_each instances', async () => {
    const files = {
      'r.tf': `resource "huaweicloud_elb_pool" "single" {
  protocol = "TCP"
  type     = var.protocol == "TCP" ? "instance" : "ip"
}

resource "huaweicloud_elb_pool" "counted" {
  count    = 2
  protocol = "UDP"
  name     = "pool-\${count.index}"
}

resource "huaweicloud_elb_pool" "each" {
  for_each = toset(["a", "b"])
  protocol = upper("http")
  name     = each.key
}
`,
      'v.tf': VARIABLES,
    };
    assert.equal(await evaluated('huaweicloud_elb_pool.single.protocol', files), 'TCP');
    assert.equal(await evaluated('huaweicloud_elb_pool.single.type', files), 'instance');
    assert.equal(await evaluated('huaweicloud_elb_pool.counted[0].protocol', files), 'UDP');
    assert.equal(await evaluated('huaweicloud_elb_pool.counted[1].protocol', files), 'UDP');
    assert.equal(await evaluated('huaweicloud_elb_pool.counted[count.index].protocol', files), 'UDP');
    assert.equal(await evaluated('huaweicloud_elb_pool.each["a"].protocol', files), 'HTTP');
    assert.equal(await evaluated('huaweicloud_elb_pool.each[each.key].protocol', files), 'HTTP');
    assert.equal(await evaluated('huaweicloud_elb_pool.counted[1].name', files), 'pool-1', 'count.index of that instance');
    assert.equal(await evaluated('huaweicloud_elb_pool.each["b"].name', files), 'b', 'each.key of that instance');
    await assertUnknown('huaweicloud_elb_pool.counted[count.index].name', files, /only known for a resource or module with known count/);
    await assertUnknown('huaweicloud_elb_pool.counted[2].protocol', files, /no instance \[2\]/);
    await assertUnknown('huaweicloud_elb_pool.single.id', files, /computed when Terraform runs/);
    await assertUnknown('huaweicloud_elb_pool.counted[*].protocol', files, /list of instances/);
    await assertUnknown('huaweicloud_elb_pool.counted.*.protocol', files, /list of instances/);
    await assertUnknown('huaweicloud_elb_pool.single', files, /a resource, not a value/);
    await assertUnknown('huaweicloud_elb_pool.missing.protocol', files, /only known when Terraform runs/);
  });

  test('references into .tf.json files', async () => {
    const files = {
      'a.tf.json': JSON.stringify({ variable: { v: { default: 'UDP' } }, locals: { from_json: '${lower(var.v)}' } }),
      'b.tf': 'locals {\n  from_hcl = "${local.from_json}!"\n}\n',
    };
    assert.equal(await evaluated('local.from_hcl', files), 'udp!');
    assert.equal(await evaluated('var.v', files), 'UDP');
  });
});

// ---- through the service: the effective state of a shared UDP listener's client IP argument ----

async function stateOf(expression: string, extra: Record<string, string> = {}, options: AnalysisOptions = {}): Promise<string> {
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

function label(service: ElbLensService, options: AnalysisOptions = {}): string {
  const [hint] = service.inlayHints(memPath('main.tf'), undefined, options);
  return hint.label;
}

const ON = 'client IP: on';
const OFF = 'client IP: off';
const DEFAULT = 'client IP: off (shared UDP default)';
const UNKNOWN = 'client IP: unknown';

describe('evaluation through the service', () => {
  test('literals of both types; null leaves the default', async () => {
    assert.equal(await stateOf('"true"'), ON);
    assert.equal(await stateOf('false'), OFF);
    assert.equal(await stateOf('null'), DEFAULT);
  });

  test('value sources in Terraform’s order: default < tfvars < tfvars.json < *.auto.tfvars (by name) < given values', async () => {
    const decl = { 'v.tf': 'variable "x" {\n  default = "false"\n}\n' };
    assert.equal(await stateOf('var.x', decl), OFF);
    assert.equal(await stateOf('var.x', { ...decl, 'terraform.tfvars': 'x = "true"\n' }), ON);
    assert.equal(await stateOf('var.x', { ...decl, 'terraform.tfvars': 'x = "true"\n', 'terraform.tfvars.json': '{"x": "false"}' }), OFF);
    assert.equal(await stateOf('var.x', { ...decl, 'terraform.tfvars.json': '{"x": true}' }), ON);
    assert.equal(await stateOf('var.x', { ...decl, 'b.auto.tfvars': 'x = "true"\n', 'a.auto.tfvars': 'x = "false"\n' }), ON);
    assert.equal(await stateOf('var.x', { ...decl, 'a.auto.tfvars': 'x = "true"\n', 'b.auto.tfvars': 'x = "false"\n' }), OFF);
    assert.equal(await stateOf('var.x', { ...decl, 'a.auto.tfvars.json': '{"x": true}' }), ON);
    assert.equal(await stateOf('var.x', { ...decl, 'z.auto.tfvars.json': '{"x": false}', 'terraform.tfvars': 'x = true\n' }), OFF);
    assert.equal(
      await stateOf('var.x', { ...decl, 'a.auto.tfvars': 'x = true\n', 'a.auto.tfvars.json': '{"x": false}' }),
      OFF,
      'a.auto.tfvars.json sorts after a.auto.tfvars',
    );
    assert.equal(
      await stateOf(
        'var.x',
        { ...decl, 'terraform.tfvars': 'x = "false"\n', 'z.auto.tfvars': 'x = false\n' },
        { variables: { x: 'true' } },
      ),
      ON,
    );
    assert.equal(await stateOf('var.x', decl, { variables: { x: false } }), OFF);
    assert.equal(await stateOf('var.x', decl, { environmentVariables: { x: 'true' } }), ON);
    assert.equal(
      await stateOf('var.x', { ...decl, 'terraform.tfvars': 'x = "false"\n' }, { environmentVariables: { x: 'true' } }),
      OFF,
      'TF_VAR_ values rank below tfvars files',
    );
    assert.equal(await stateOf('var.x', { ...decl, 'x.tfvars': 'x = "true"\n' }), OFF, 'other .tfvars files are only read when named');
  });

  test('tfvars values are constants: complex values, and references in them are unknown', async () => {
    const decl = { 'v.tf': 'variable "m" {}\nvariable "r" {}\n' };
    assert.equal(await stateOf('var.m.flags[1]', { ...decl, 'terraform.tfvars': 'm = { flags = ["false", "true"] }\n' }), ON);
    assert.equal(await stateOf('var.m["k"]', { ...decl, 'terraform.tfvars.json': '{"m": {"k": "true"}}' }), ON);
    assert.equal(await stateOf('var.r', { ...decl, 'terraform.tfvars': 'r = local.x\n' }), UNKNOWN);
    assert.equal(
      await stateOf('var.r', { ...decl, 'terraform.tfvars.json': '{"r": "${true}"}' }),
      UNKNOWN,
      'JSON tfvars are not templates',
    );
    assert.equal(await stateOf('var.r', { ...decl, 'terraform.tfvars': 'r = = broken\n' }), UNKNOWN);
  });

  test('locals, locals of locals, cycles', async () => {
    assert.equal(await stateOf('local.a', { 'l.tf': 'locals {\n  a = local.b\n  b = "true"\n}\n' }), ON);
    assert.equal(await stateOf('local.a', { 'l.tf': 'locals {\n  a = local.b\n  b = local.a\n}\n' }), UNKNOWN);
  });

  test('templates, conditionals, functions and operators', async () => {
    assert.equal(await stateOf('"${"tr"}ue"'), ON);
    assert.equal(await stateOf('1 + 1 == 2 ? "true" : "false"'), ON);
    assert.equal(await stateOf('false ? "false" : true ? "true" : "false"'), ON);
    assert.equal(await stateOf('!true'), OFF);
    assert.equal(await stateOf('tobool(lower("TRUE"))'), ON);
    assert.equal(await stateOf('tostring(false)'), OFF);
    assert.equal(await stateOf('upper("x") == "X" && true'), ON);
    assert.equal(await stateOf('var.unknown && false', { 'v.tf': 'variable "unknown" {}\n' }), OFF);
    assert.equal(await stateOf('" true"'), UNKNOWN, '" true" is not a boolean');
  });

  test('indexed references, splats and count/for_each resources', async () => {
    const maps = { 'v.tf': 'variable "m" {\n  default = { on = "true", list = ["false"] }\n}\n' };
    assert.equal(await stateOf('var.m["on"]', maps), ON);
    assert.equal(await stateOf('var.m.list[0]', maps), OFF);
    const counted = { 'r.tf': 'resource "huaweicloud_elb_pool" "flag" {\n  count = 2\n  enabled = "true"\n}\n' };
    assert.equal(await stateOf('huaweicloud_elb_pool.flag[0].enabled', counted), ON);
    assert.equal(await stateOf('huaweicloud_elb_pool.flag[count.index].enabled', counted), ON);
    assert.equal(await stateOf('huaweicloud_elb_pool.flag[*].enabled[0]', counted), UNKNOWN);
    assert.equal(await stateOf('huaweicloud_elb_pool.flag[*].enabled', counted), UNKNOWN, 'a list, not a bool');
    const each = { 'r.tf': 'resource "huaweicloud_elb_pool" "flag" {\n  for_each = var.pools\n  enabled = "false"\n}\n' };
    assert.equal(await stateOf('huaweicloud_elb_pool.flag["a"].enabled', each), OFF);
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
    assert.equal(await stateOf('"%{ if true }true%{ endif }"'), UNKNOWN);
  });

  test('references across files of the module, in .tf.json too', async () => {
    const json = JSON.stringify({ locals: { from_json: 'true' } });
    assert.equal(await stateOf('local.from_json', { 'locals.tf.json': json }), ON);
    const jsonVar = JSON.stringify({ variable: { v: { default: false } } });
    assert.equal(await stateOf('var.v', { 'vars.tf.json': jsonVar }), OFF);
    const jsonTemplate = JSON.stringify({ locals: { t: '${var.v == "on" ? "true" : "false"}' }, variable: { v: { default: 'on' } } });
    assert.equal(await stateOf('local.t', { 'x.tf.json': jsonTemplate }), ON);
  });

  test('the protocol and the load balancer kind are evaluated too', async () => {
    const { service } = await memoryService({
      'main.tf': `locals {
  dedicated = false
}

variable "proto" {
  default = "tcp"
}

resource "huaweicloud_lb_loadbalancer" "lb" {
  count         = local.dedicated ? 0 : 1
  vip_subnet_id = "s"
}

resource "huaweicloud_lb_listener" "l" {
  loadbalancer_id = huaweicloud_lb_loadbalancer.lb[0].id
  protocol        = upper(var.proto)
}
`,
    });
    assert.equal(label(service), 'client IP: off (shared TCP default)');
    assert.equal(label(service, { variables: { proto: 'http' } }), 'client IP: always on (shared)');
  });
});
