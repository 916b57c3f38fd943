import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MAX_JSON_DEPTH } from '../../server/src/parse/json';
import { isUnknown, type Value } from '../../server/src/model/value';
import { MAX_MODULE_INSTANCES, TerraformModule, type ModuleLoader } from '../../server/src/terraform/module';
import { MemoryHost, memPath, ofRule } from '../helpers';
import { createElbLensService } from '../../server/src/service/service';
import { run, tempTree } from '../cli/harness';
import { parseExpr, parseHcl, parseTfJson } from '../parse/util';

/**
 * Issue 28, item 1-2: what a repository writes cannot make evaluation exponential, recurse
 * without bound or overflow the stack. Each input here took minutes, gigabytes or a stack
 * trace before; now each gives an answer (or Unknown) at once.
 */

const ALWAYS_ON = 'client-ip-always-on';
const LISTENER_OFF = (protocol: string) => `resource "huaweicloud_elb_listener" "web" {
  loadbalancer_id              = "lb"
  protocol                     = ${protocol}
  transparent_client_ip_enable = false
}
`;

async function evaluateIn(files: Record<string, string>, source: string): Promise<Value> {
  const configs = await Promise.all(
    Object.entries(files).map(([name, text]) =>
      name.endsWith('.json') ? parseTfJson(text, memPath(name)) : parseHcl(text, undefined, memPath(name)),
    ),
  );
  return new TerraformModule('/mem', configs).evaluate(await parseExpr(source));
}

/** `lines` locals, each made of two references to the one before. */
function doublingLocals(lines: number, step: (previous: string) => string, first = '["a"]'): string {
  const out = ['locals {', `  l0 = ${first}`];
  for (let i = 1; i < lines; i++) out.push(`  l${i} = ${step(`local.l${i - 1}`)}`);
  return `${out.join('\n')}\n}\n`;
}

/** Milliseconds a call takes. */
async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

describe('bounded evaluation: each local, variable and output once per module instance', () => {
  test('40 locals that each double the previous one: known while small, then too large to build, at once', async () => {
    const files = { 'main.tf': doublingLocals(40, (p) => `[${p}, ${p}]`) };
    assert.equal(await evaluateIn(files, 'length(local.l12)'), 2);
    const { result: whole, ms } = await timed(() => evaluateIn(files, 'local.l39'));
    // Before: 18 s and 1.5 GB at 32 lines; never finished at 38. Generous: the point is "not exponential".
    assert.ok(ms < 5000, `took ${ms} ms`);
    assert.ok(isUnknown(whole) && /too large/.test(whole.reason), JSON.stringify(isUnknown(whole) ? whole.reason : 'known'));
  });

  test('a concat() chain and a doubling template stop at their size bound as Unknown, not out of memory', async () => {
    const concat = { 'main.tf': doublingLocals(40, (p) => `concat(${p}, ${p})`) };
    const list = await evaluateIn(concat, 'local.l39');
    assert.ok(isUnknown(list) && /too large/.test(list.reason));
    assert.equal(await evaluateIn(concat, 'length(local.l10)'), 1024);
    const strings = { 'main.tf': doublingLocals(60, (p) => `"\${${p}}\${${p}}"`, '"a"') };
    const long = await evaluateIn(strings, 'local.l59');
    assert.ok(isUnknown(long) && /too long/.test(long.reason), isUnknown(long) ? long.reason : 'known');
    assert.equal(await evaluateIn(strings, 'local.l3'), 'aaaaaaaa');
  });

  test('a chain of 1,000 locals is Unknown past its bound, not a stack overflow', async () => {
    const lines = ['locals {', '  c0 = "TCP"'];
    for (let i = 1; i < 1000; i++) lines.push(`  c${i} = local.c${i - 1}`);
    const files = { 'main.tf': `${lines.join('\n')}\n}\n` };
    assert.equal(await evaluateIn(files, 'local.c150'), 'TCP');
    const far = await evaluateIn(files, 'local.c999');
    assert.ok(isUnknown(far) && /nest more than/.test(far.reason), JSON.stringify(far));
  });

  test('variable defaults that refer to themselves or to each other are Unknown (a cycle), not a stack overflow', async () => {
    const files = {
      'variables.tf': `variable "v" { default = var.v }
variable "a" { default = var.b }
variable "b" { default = var.a }
variable "ok" { default = "TCP" }
`,
    };
    for (const name of ['v', 'a', 'b']) {
      const value = await evaluateIn(files, `var.${name}`);
      assert.ok(isUnknown(value) && /refers to itself/.test(value.reason), `var.${name}: ${JSON.stringify(value)}`);
    }
    assert.equal(await evaluateIn(files, 'var.ok'), 'TCP');
  });

  test('resources whose arguments double each other are bounded', async () => {
    const lines: string[] = ['resource "x_thing" "r0" {\n  name = "a"\n}'];
    for (let i = 1; i < 60; i++)
      lines.push(`resource "x_thing" "r${i}" {\n  name = "\${x_thing.r${i - 1}.name}\${x_thing.r${i - 1}.name}"\n}`);
    const files = { 'main.tf': lines.join('\n') + '\n' };
    const { result, ms } = await timed(() => evaluateIn(files, 'x_thing.r59.name'));
    assert.ok(isUnknown(result) && /too long/.test(result.reason));
    assert.ok(ms < 5000, `took ${ms} ms`);
    assert.equal(await evaluateIn(files, 'x_thing.r2.name'), 'aaaa');
  });

  test("a module output fed back into the call's own argument is Unknown (a cycle)", async () => {
    const root = await parseHcl('module "c" {\n  source = "./c"\n  x      = module.c.o\n}\n', undefined, memPath('main.tf'));
    const child = await parseHcl('variable "x" {}\noutput "o" {\n  value = var.x\n}\n', undefined, memPath('c/main.tf'));
    const loader: ModuleLoader = { files: () => ({ files: [child] }), resolve: () => ({ dir: memPath('c'), downloaded: false }) };
    const module = new TerraformModule(memPath('.'), [root], [], { loader });
    const value = module.evaluate(await parseExpr('module.c.o'));
    assert.ok(isUnknown(value) && /refers to itself/.test(value.reason), JSON.stringify(value));
  });

  test(`module fan-out (two calls with count = 2 per level, 12 levels) stops at ${MAX_MODULE_INSTANCES} instances with one log line; the root is still checked`, async () => {
    const files: Record<string, string> = {};
    const calls = (source: string) => ['a', 'b'].map((name) => `module "${name}" {\n  source = "${source}"\n  count  = 2\n}\n`).join('');
    files['main.tf'] = calls('./m1') + LISTENER_OFF('"TCP"');
    for (let level = 1; level <= 12; level++) files[`m${level}/main.tf`] = level < 12 ? calls(`../m${level + 1}`) : LISTENER_OFF('"UDP"');
    const logs: string[] = [];
    const host = Object.assign(new MemoryHost(files), { log: (message: string) => logs.push(message) });
    const service = await createElbLensService(host);
    service.setWorkspaceFiles(host.files.keys());
    const { result: findings, ms } = await timed(async () => service.analyzeFile(memPath('main.tf')));
    assert.equal(ofRule(findings, ALWAYS_ON).length, 1, 'the root listener is still judged');
    assert.ok(ms < 10000, `took ${ms} ms`);
    const lines = logs.filter((l) => /module instances/.test(l));
    assert.equal(lines.length, 1, logs.join('\n'));
    assert.match(lines[0], new RegExp(`more than ${MAX_MODULE_INSTANCES} module instances`));
  });
});

describe('deep nesting: JSON, plans and the configuration are walked within a bound', () => {
  const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);

  test('an .elb-lens.json nested 10,000 deep is one configuration error naming the file, not a stack trace', async () => {
    const dir = tempTree({ '.elb-lens.json': `{"rules": ${deep(10000)}}`, 'main.tf': LISTENER_OFF('"TCP"') });
    const result = await run(['check', dir]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, new RegExp(`\\.elb-lens\\.json:1:\\d+: invalid JSON: nested more than ${MAX_JSON_DEPTH} levels`));
    assert.doesNotMatch(result.stderr, /\n\s+at /);
  });

  test('a plan and a .tf.json nested 10,000 deep do not stop the other files of the run', async () => {
    const dir = tempTree({
      'plan/plan.json': `{"format_version": "1.2", "planned_values": {"root_module": {"resources": [{"address": "a", "values": {"x": ${deep(10000)}}}]}}}`,
      'tfjson/main.tf.json': `{"locals": {"x": ${deep(10000)}}}`,
      'elb/listener.json': `{"listener": {"protocol": "TCP", "transparent_client_ip_enable": false, "x": ${deep(10000)}}}`,
      'ok/main.tf': LISTENER_OFF('"TCP"'),
    });
    const result = await run(['check', '--format', 'compact', dir]);
    assert.doesNotMatch(result.stderr, /internal error|\n\s+at /, result.stderr);
    assert.match(result.stdout, new RegExp(`ok/main\\.tf:\\d+:\\d+: error \\[${ALWAYS_ON}\\]`));
  });
});

describe('names from files that are also object members', () => {
  for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
    test(`a provider local name "${name}" (required_providers, provider =, .tf.json) is just a name`, async () => {
      const hcl = `terraform {
  required_providers {
    ${name} = { source = "huaweicloud/huaweicloud" }
  }
}
resource "huaweicloud_elb_listener" "web" {
  provider                     = ${name}.west
  loadbalancer_id              = "lb"
  protocol                     = "TCP"
  transparent_client_ip_enable = false
}
`;
      const json = JSON.stringify({
        terraform: { required_providers: { [name]: { source: 'huaweicloud/huaweicloud' } } },
        locals: { [name]: { a: 1 } },
        resource: {
          huaweicloud_elb_listener: {
            web: { provider: name, loadbalancer_id: 'lb', protocol: 'TCP', transparent_client_ip_enable: false },
          },
        },
      });
      const dir = tempTree({
        'hcl/main.tf': hcl,
        'json/main.tf.json': json,
        'bare/main.tf': LISTENER_OFF('"TCP"').replace('protocol', `provider = ${name}\n  protocol`),
      });
      const result = await run(['check', '--format', 'compact', dir]);
      assert.doesNotMatch(result.stderr, /internal error|\n\s+at /, result.stderr);
      for (const file of ['hcl/main.tf', 'json/main.tf.json', 'bare/main.tf'])
        assert.match(result.stdout, new RegExp(`${file.replace('.', '\\.')}:\\d+:\\d+: error \\[${ALWAYS_ON}\\]`), file);
    });
  }

  test('object keys named __proto__ and constructor are plain keys in evaluated values', async () => {
    const files = { 'main.tf': 'locals {\n  m = { "__proto__" = "TCP", constructor = "UDP" }\n}\n' };
    assert.equal(await evaluateIn(files, 'local.m["__proto__"]'), 'TCP');
    assert.equal(await evaluateIn(files, 'local.m.constructor'), 'UDP');
    assert.deepEqual(await evaluateIn(files, 'keys(local.m)'), ['__proto__', 'constructor']);
    const missing = await evaluateIn(files, 'local.m.toString');
    assert.ok(isUnknown(missing));
  });
});
