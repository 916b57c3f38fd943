import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { classify, formUnits, textContent, unitKey, unitKindOf, type FileKind } from '../../server/src/project';
import { MemoryHost, seededRandom } from '../helpers';
import { createElbLensService } from '../../server/src/service/service';

/** Analysis units (project/units.ts): the one grouping every host uses. */

const TEXTS: Record<string, string> = {
  'main.tf': 'resource "huaweicloud_lb_listener" "l" {\n  protocol = "TCP"\n  transparent_client_ip_enable = false\n}\n',
  'extra.tf': 'variable "x" {}\n',
  'lb.tf.json': JSON.stringify({ resource: { huaweicloud_lb_loadbalancer: { lb: { name: 'lb' } } } }),
  'listeners.elb.json': JSON.stringify({ listeners: [{ name: 'tcp', protocol: 'TCP', transparent_client_ip_enable: false }] }),
  'members.json': JSON.stringify({ members: [{ name: 'm', address: '10.0.0.1', protocol_port: 80 }] }),
  'a.yaml':
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  annotations:\n    kubernetes.io/elb.class: union\nspec:\n  type: LoadBalancer\n  ports:\n    - port: 80\n',
  'b.yml':
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: b\n  annotations:\n    kubernetes.io/elb.class: performance\nspec:\n  type: LoadBalancer\n  ports:\n    - port: 53\n      protocol: UDP\n',
  'plan.json': JSON.stringify({ format_version: '1.2', planned_values: { root_module: {} } }),
  'terraform.tfvars': 'x = 1\n',
  'pipeline.yml': 'stages: [build]\n',
  'notes.json': '{"hello": 1}',
};
const NAMES = Object.keys(TEXTS);

/** A tree of one to four folders, each with a random pick of the files above (some under other names). */
function randomTree(next: () => number): Record<string, string> {
  const files: Record<string, string> = {};
  const folders = 1 + Math.floor(next() * 4);
  for (let d = 0; d < folders; d++) {
    for (const name of NAMES) {
      if (next() < 0.5) continue;
      const copy = next() < 0.3 ? `copy-${name}` : name;
      files[`dir${d}/${copy}`] = TEXTS[name];
    }
  }
  return files;
}

describe('analysis units', () => {
  test('by kind: a Terraform or ELB JSON folder, a manifest or a plan alone; other files in none', () => {
    assert.equal(unitKey('/p/main.tf', 'terraform'), unitKey('/p/lb.tf.json', 'terraform'));
    assert.equal(unitKey('/p/a.elb.json', 'elb-json'), unitKey('/p/b.json', 'elb-json'));
    assert.notEqual(unitKey('/p/a.elb.json', 'elb-json'), unitKey('/p/main.tf', 'terraform'));
    assert.notEqual(unitKey('/p/a.yaml', 'kubernetes'), unitKey('/p/b.yaml', 'kubernetes'));
    assert.notEqual(unitKey('/p/a.json', 'plan'), unitKey('/p/b.json', 'plan'));
    for (const kind of ['tfvars', 'config', 'other'] as FileKind[]) assert.equal(unitKindOf(kind), undefined);
  });

  test('property: every file of a known kind is in exactly one unit, and the service analyses it with that unit', async () => {
    for (let seed = 1; seed <= 40; seed++) {
      const files = randomTree(seededRandom(seed));
      const host = new MemoryHost(files);
      const service = await createElbLensService(host);
      service.setWorkspaceFiles(host.files.keys());
      const paths = [...host.files.keys()];
      const kinds = new Map(paths.map((p) => [p, classify(p, { content: textContent(host.files.get(p)) })]));
      const units = formUnits(
        paths,
        (p) => p,
        (p) => kinds.get(p) ?? 'other',
      );
      const where = `seed ${seed}: ${JSON.stringify(Object.keys(files))}`;
      assert.equal(new Set(units.map((u) => u.key)).size, units.length, where);
      for (const file of paths) {
        const kind = kinds.get(file) ?? 'other';
        const containing = units.filter((u) => u.members.includes(file));
        assert.equal(containing.length, unitKindOf(kind) ? 1 : 0, `${where}: ${file} (${kind})`);
      }
      for (const unit of units) {
        const first = unit.members[0];
        for (const member of unit.members) {
          assert.equal(path.dirname(member) === path.dirname(first) || unit.kind === 'plan', true, where);
          // Plans are analysed by the CLI alone; the service's units are those of the other kinds.
          if (unit.kind === 'plan') continue;
          assert.equal(service.unitOf(member), unit.key, `${where}: ${member}`);
        }
        if (unit.kind === 'plan') continue;
        const analysed = service.analyzeModule(first);
        for (const member of unit.members) assert.ok(analysed.has(member), `${where}: analysing ${first} gives no result for ${member}`);
      }
    }
  });
});
