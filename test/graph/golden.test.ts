import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT, run } from '../cli/harness';

/**
 * Golden maps: `elb-lens graph` on the examples (all three providers, shared and dedicated load
 * balancers, IP backends, same-server loops, NAT64, modules, ELB API JSON) and a plan, in
 * Mermaid, DOT and JSON, compared with test/graph/golden/. Paths are relative to the
 * repository, so nothing needs normalising. `UPDATE_GOLDEN=1 npm test` rewrites the files.
 */

const GOLDEN = path.join(REPO_ROOT, 'test', 'graph', 'golden');
// examples/ holds a plan (examples/plan/plan.json) besides the modules.
const PATHS = ['examples'];

function golden(name: string, actual: string): string {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(file, actual);
  if (!fs.existsSync(file)) throw new Error(`golden file test/graph/golden/${name} is missing: run UPDATE_GOLDEN=1 npm test`);
  return fs.readFileSync(file, 'utf8');
}

describe('golden client-IP maps', () => {
  for (const [format, name] of [
    ['mermaid', 'examples.mmd'],
    ['dot', 'examples.dot'],
    ['json', 'examples.json'],
  ]) {
    it(`graph ${PATHS.join(' ')} --format ${format} → ${name}`, async () => {
      const result = await run(['graph', ...PATHS, '--format', format], { cwd: REPO_ROOT });
      assert.equal(result.stderr, '');
      assert.equal(result.code, 0);
      assert.equal(result.stdout, golden(name, result.stdout));
    });
  }

  it('the golden map shows what the examples are written to show', () => {
    const map = JSON.parse(fs.readFileSync(path.join(GOLDEN, 'examples.json'), 'utf8')) as {
      groups: { name: string; source: string }[];
      nodes: { kind: string; label: string; lbKind?: string; findings: { ruleId: string }[]; backend?: { kind: string } }[];
      edges: { kind: string; receives?: string }[];
    };
    const sources = new Set(map.groups.map((g) => g.source));
    assert.deepEqual([...sources].sort(), ['elb-json', 'kubernetes', 'plan', 'terraform']);
    const labels = map.nodes.map((n) => n.label);
    for (const provider of ['huaweicloud_', 'opentelekomcloud_', 'flexibleengine_'])
      assert.ok(
        labels.some((l) => l.startsWith(provider)),
        provider,
      );
    const kinds = new Set(map.nodes.filter((n) => n.kind === 'loadbalancer').map((n) => n.lbKind));
    assert.ok(kinds.has('shared') && kinds.has('dedicated'));
    assert.ok(
      map.nodes.some((n) => n.backend?.kind === 'ip'),
      'IP backends',
    );
    assert.ok(
      map.edges.some((e) => e.kind === 'same-server'),
      'a same-server loop',
    );
    assert.ok(
      map.nodes.some((n) => n.findings.some((f) => f.ruleId === 'client-ip-nat64-conflict')),
      'NAT64',
    );
    assert.ok(labels.includes('module.syslog.huaweicloud_lb_listener.this'), 'a module instance');
    assert.ok(labels.includes('huaweicloud_elb_member.on_premises[1]'), 'a count instance (plan)');
    assert.ok(labels.includes('listener-udp.json: listener "game-udp"'), 'a JSON name');
    const receives = new Set(map.edges.map((e) => e.receives).filter(Boolean));
    assert.deepEqual([...receives].sort(), ['client-address', 'lb-address', 'proxy-protocol', 'x-forwarded-for']);
  });

  it('markdown: Mermaid in a fence, with a legend, for a CI job summary', async () => {
    const result = await run(['graph', 'examples/huaweicloud', '--format', 'markdown'], { cwd: REPO_ROOT });
    assert.equal(result.code, 0);
    assert.match(
      result.stdout,
      /^### Client IP map\n\n6 listener\(s\) in 1 module\(s\); \d+ node\(s\) with findings\.\n\n```mermaid\nflowchart LR\n/,
    );
    assert.match(result.stdout, /\n```\n\n✔ the backend gets the client’s address · /);
  });

  it('--output writes the file; usage errors exit 1', async () => {
    const dir = fs.mkdtempSync(path.join(REPO_ROOT, 'build', 'graph-'));
    try {
      const out = path.join(dir, 'map.svg');
      const result = await run(['graph', 'examples/flexibleengine', '--format', 'svg', '--output', out], { cwd: REPO_ROOT });
      assert.equal(result.code, 0);
      assert.equal(result.stdout, '');
      assert.match(fs.readFileSync(out, 'utf8'), /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const bad = await run(['graph', '--format', 'png'], { cwd: REPO_ROOT });
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /unknown graph format "png" \(choose mermaid, dot, svg, json, markdown\)/);
    const missing = await run(['graph', 'no-such-folder'], { cwd: REPO_ROOT });
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no such file or directory/);
  });

  it('variables given on the command line change the map', async () => {
    // huaweicloud/terraform.tfvars sets keep_client_ip_off = true; --var wins over it.
    const before = await run(['graph', 'examples/huaweicloud', '--format', 'json'], { cwd: REPO_ROOT });
    const after = await run(['graph', 'examples/huaweicloud', '--format', 'json', '--var', 'keep_client_ip_off=false'], { cwd: REPO_ROOT });
    const orders = (text: string) =>
      (JSON.parse(text) as { nodes: { label: string; findings: { ruleId: string }[] }[] }).nodes
        .find((n) => n.label === 'huaweicloud_elb_listener.orders')!
        .findings.map((f) => f.ruleId);
    assert.deepEqual(orders(before.stdout), ['client-ip-always-on']);
    assert.deepEqual(orders(after.stdout), []);
  });
});
