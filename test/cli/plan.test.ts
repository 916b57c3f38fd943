import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import * as jsonc from 'jsonc-parser';
import { analyzePlan, isPlanJson, planToModel } from '../../server/src/plan/plan';
import { FIXTURES, run, tempTree } from './harness';

const PRETTY = path.join(FIXTURES, 'plan/pretty/plan.json');
const COMPACT = path.join(FIXTURES, 'plan/compact/plan.json');

type Json = Record<string, unknown>;
const load = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as Json;

/** Finds a resource object by address anywhere under `node`. */
function resourceIn(node: unknown, address: string): Json | undefined {
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = resourceIn(item, address);
      if (found) return found;
    }
  } else if (node && typeof node === 'object') {
    const object = node as Json;
    if (object.address === address && ('values' in object || 'expressions' in object)) return object;
    for (const value of Object.values(object)) {
      const found = resourceIn(value, address);
      if (found) return found;
    }
  }
  return undefined;
}

function summary(file: string, text: string, rules = {}) {
  return analyzePlan(file, text, { rules }).map((f) => {
    const address = /`([^`]+)`/.exec(f.message)?.[1];
    return `${f.ruleId} ${address} ${f.range.start.line + 1}`;
  });
}

describe('Terraform plan JSON', () => {
  it('recognises plans, and not other Terraform JSON', () => {
    assert.ok(isPlanJson(fs.readFileSync(PRETTY, 'utf8')));
    assert.ok(isPlanJson(fs.readFileSync(COMPACT, 'utf8')));
    assert.ok(!isPlanJson(fs.readFileSync(path.join(FIXTURES, 'plan/clean/state.json'), 'utf8')));
    assert.ok(!isPlanJson('{"listeners": []}'));
    // `jq -S` sorts the keys: format_version is no longer first.
    const sorted = JSON.stringify(load(COMPACT), (_key, value: unknown) =>
      value && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
        : value,
    );
    assert.ok(sorted.startsWith('{"applyable"'));
    assert.ok(isPlanJson(sorted));
    assert.equal(analyzePlan('/sorted.json', sorted).length, 1);
    assert.equal(planToModel('/x.json', '{"format_version":"1.0","values":{}}'), undefined);
  });

  it('maps root and child module resources, with count instances, and links them by references and ids', () => {
    const plan = planToModel(PRETTY, fs.readFileSync(PRETTY, 'utf8'));
    assert.ok(plan);
    const { model } = plan;
    const listener = (address: string) => model.listeners.find((l) => l.address === address);
    assert.equal(listener('huaweicloud_elb_listener.tcp')?.loadBalancer?.address, 'huaweicloud_elb_loadbalancer.edge', 'known id');
    const legacy = listener('module.otc.opentelekomcloud_lb_listener_v2.legacy');
    assert.equal(
      legacy?.loadBalancer?.address,
      'module.otc.opentelekomcloud_lb_loadbalancer_v3.dedicated',
      'configuration reference in a child module',
    );
    assert.equal(legacy?.kind, 'dedicated');
    const pool = model.pools.find((p) => p.address === 'huaweicloud_elb_pool.web');
    assert.deepEqual(
      pool?.listeners.map((l) => l.address),
      ['huaweicloud_elb_listener.http'],
    );
    assert.deepEqual(
      pool?.members.map((m) => m.address),
      ['huaweicloud_elb_member.on_premises[0]', 'huaweicloud_elb_member.on_premises[1]'],
    );
  });

  it('reports findings against resource addresses, on the planned value', () => {
    const lines = summary(PRETTY, fs.readFileSync(PRETTY, 'utf8')).sort();
    assert.deepEqual(lines, [
      'client-ip-always-on huaweicloud_elb_listener.tcp 73',
      'client-ip-always-on module.otc.opentelekomcloud_lb_listener_v2.legacy 180',
      'client-ip-ineffective-option huaweicloud_elb_listener.tcp 60',
      'client-ip-ip-backend huaweicloud_elb_member.on_premises[0] 113',
      'client-ip-ip-backend huaweicloud_elb_member.on_premises[1] 130',
      'client-ip-shared-l4-off module.otc.opentelekomcloud_lb_listener_v2.ssh 203',
    ]);
    const text = fs.readFileSync(PRETTY, 'utf8');
    const finding = analyzePlan(PRETTY, text).find((f) => f.ruleId === 'client-ip-always-on');
    assert.ok(finding);
    const line = text.split('\n')[finding.range.start.line];
    assert.equal(line.slice(finding.range.start.character, finding.range.end.character), '"transparent_client_ip_enable": "false"');
    assert.deepEqual(finding.fixes, [], 'a plan is generated: no fixes');
  });

  it('applies rule settings', () => {
    const lines = summary(PRETTY, fs.readFileSync(PRETTY, 'utf8'), { 'client-ip-ip-backend': 'off', 'client-ip-always-on': 'off' });
    assert.ok(!lines.some((l) => l.startsWith('client-ip-ip-backend') || l.startsWith('client-ip-always-on')));
    const raised = analyzePlan(PRETTY, fs.readFileSync(PRETTY, 'utf8'), { rules: { 'client-ip-shared-l4-off': 'error' } });
    assert.equal(raised.find((f) => f.ruleId === 'client-ip-shared-l4-off')?.severity, 'error');
  });

  it('says nothing about values unknown until apply', () => {
    const plan = load(COMPACT);
    assert.deepEqual(summary(COMPACT, JSON.stringify(plan)), ['client-ip-nat64-conflict huaweicloud_elb_listener.api 1']);
    // transparent_client_ip_enable comes from a data source: unknown in the plan.
    const values = resourceIn(plan.planned_values, 'huaweicloud_elb_listener.api')?.values as Json;
    delete values.transparent_client_ip_enable;
    const config = resourceIn(plan.configuration, 'huaweicloud_elb_listener.api')?.expressions as Json;
    config.transparent_client_ip_enable = {
      references: ['data.huaweicloud_elb_flavors.l4.flavors[0].id', 'data.huaweicloud_elb_flavors.l4'],
    };
    assert.deepEqual(summary(COMPACT, JSON.stringify(plan, null, 2)), []);
  });

  it('without a configuration section, links only by known ids', () => {
    const plan = load(PRETTY);
    delete plan.configuration;
    const lines = summary(PRETTY, JSON.stringify(plan, null, 2));
    assert.ok(
      lines.some((l) => l.startsWith('client-ip-always-on huaweicloud_elb_listener.tcp')),
      'id link still works',
    );
    assert.ok(!lines.some((l) => l.includes('legacy')), 'the v2 listener’s load balancer is unknown, so is its kind');
    assert.ok(!lines.some((l) => l.includes('on_premises')), 'members are not linked to their pool');

    const withIds = load(PRETTY);
    delete withIds.configuration;
    const lb = resourceIn(withIds.planned_values, 'module.otc.opentelekomcloud_lb_loadbalancer_v3.dedicated')?.values as Json;
    lb.id = 'c0ffee00-0000-4000-8000-000000000001';
    const legacyValues = resourceIn(withIds.planned_values, 'module.otc.opentelekomcloud_lb_listener_v2.legacy')?.values as Json;
    legacyValues.loadbalancer_id = lb.id;
    assert.ok(
      summary(PRETTY, JSON.stringify(withIds, null, 2)).some((l) =>
        l.startsWith('client-ip-always-on module.otc.opentelekomcloud_lb_listener_v2.legacy'),
      ),
    );
  });

  it('each resource object is read on its own: a damaged one is a syntax error where it is, the others still count', () => {
    const text = fs.readFileSync(COMPACT, 'utf8');
    const whole = planToModel(COMPACT, text);
    assert.ok(whole);
    assert.deepEqual(whole.file.syntaxErrors, []);
    // The first planned resource's `values` lose the `:` after their first key: only that object is damaged.
    const first = jsonc.findNodeAtLocation(jsonc.parseTree(text)!, ['planned_values', 'root_module', 'resources', 0])!;
    const values = jsonc.findNodeAtLocation(first, ['values'])!;
    const colon = values.children![0].colonOffset!;
    const damaged = text.slice(0, colon) + ' ' + text.slice(colon + 1);
    const plan = planToModel(COMPACT, damaged);
    assert.ok(plan);
    assert.ok(plan.file.syntaxErrors.length > 0, 'the damage is reported');
    for (const error of plan.file.syntaxErrors) {
      const offset = plan.file.lines.offsetAt(error.start);
      assert.ok(offset >= first.offset && offset < first.offset + first.length, `the error (at ${offset}) is in the damaged object`);
    }
    assert.equal(plan.file.blocks.length, whole.file.blocks.length, 'every resource still has its block');
  });

  it('reads after_unknown from resource_changes, each change on its own (a damaged one is a syntax error where it is)', () => {
    const plan = load(COMPACT);
    // Without the configuration, only the change's after_unknown says loadbalancer_id is set at apply.
    delete plan.configuration;
    const unknownAttribute = (text: string) => {
      const model = planToModel(COMPACT, text);
      assert.ok(model);
      const block = model.file.blocks.find((b) => b.labels[1] === 'huaweicloud_elb_listener.api');
      const expr = block?.attributes.get('loadbalancer_id')?.expr;
      return { model, unknown: expr?.kind === 'call' && expr.name === 'unknown_until_apply' };
    };
    const text = JSON.stringify(plan, null, 2);
    assert.equal(unknownAttribute(text).unknown, true);
    assert.equal(unknownAttribute(JSON.stringify({ ...plan, resource_changes: [] }, null, 2)).unknown, false);

    // The first change loses the `:` after its first key: reported there; the api listener's change still counts.
    const changes = jsonc.findNodeAtLocation(jsonc.parseTree(text)!, ['resource_changes'])!;
    const first = changes.children!.find((c) => jsonc.findNodeAtLocation(c, ['address'])?.value !== 'huaweicloud_elb_listener.api')!;
    const colon = first.children![0].colonOffset!;
    const { model, unknown } = unknownAttribute(text.slice(0, colon) + ' ' + text.slice(colon + 1));
    assert.equal(unknown, true);
    assert.ok(model.file.syntaxErrors.length > 0, 'the damage is reported');
    for (const error of model.file.syntaxErrors) {
      const offset = model.file.lines.offsetAt(error.start);
      assert.ok(offset >= first.offset && offset < first.offset + first.length, `the error (at ${offset}) is in the damaged change`);
    }
  });

  it('elb-lens check picks plans up in folders and skips other Terraform JSON', async () => {
    const result = await run(['check', 'plan', '--format', 'compact']);
    assert.equal(result.code, 2);
    assert.ok(result.stdout.includes('plan/pretty/plan.json:73:13: error [client-ip-always-on]'));
    assert.ok(!result.stdout.includes('state.json'));
    const json = JSON.parse((await run(['check', 'plan', '--format', 'json'])).stdout) as { files: number };
    assert.equal(json.files, 3, 'three plans; state.json is not counted');
  });

  it('reads any .json plan name, given as a file', async () => {
    const dir = tempTree({ 'tfplan.json': fs.readFileSync(COMPACT, 'utf8'), 'package.json': '{"format_version": "x"}' });
    try {
      const result = await run(['check', 'tfplan.json', 'package.json', '--format', 'compact'], { cwd: dir });
      assert.equal(result.code, 2);
      assert.match(result.stdout, /^tfplan\.json:1:\d+: error \[client-ip-nat64-conflict\]/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
