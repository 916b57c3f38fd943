import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import type { Finding } from '../../server/src/core/types';
import { buildClientIpMap, planView, viewSource, type ClientIpMap, type MapNode } from '../../server/src/graph';
import { inlayLabel } from '../../server/src/hover/hover';
import type { Listener } from '../../server/src/model/elb';
import { analyzePlan, isPlanJson } from '../../server/src/plan/plan';
import { walk } from '../../server/src/project';
import { createNodeHost, nodeFileSystem } from '../../server/src/project/nodeFs';
import type { ModelView } from '../../server/src/service/api';
import { createElbLensService } from '../../server/src/service/service';
import { REPO_ROOT } from '../cli/harness';
import { CORPUS_DIR, needsMissing } from '../helpers';

/**
 * The map and the findings never disagree. For every module of the examples, the CLI fixtures
 * and the real-world corpus (every ELB API JSON folder and plan too):
 * - the findings drawn on the map are exactly the diagnostics of the module's files;
 * - a listener's state on the map is the state the inlay hint and hover give;
 * - a finding that needs a listener's state sits on a listener in that state: `always-on`,
 *   `nat64-conflict` and `unsupported-argument` on one that is on, `shared-l4-off` on one that
 *   is off, `ip-backend` and `same-server` behind one that is on; a listener drawn as unknown
 *   has none of them.
 */

const NEEDS_ON = new Set(['client-ip-always-on', 'client-ip-nat64-conflict', 'client-ip-unsupported-argument']);
const BEHIND_ON = new Set(['client-ip-ip-backend', 'client-ip-same-server']);

const key = (f: { ruleId: string; file: string; range: Finding['range'] }) => `${f.ruleId} ${f.file}:${JSON.stringify(f.range)}`;

function checkStates(map: ClientIpMap, views: ModelView[], where: string): number {
  let listeners = 0;
  const byId = new Map(map.nodes.map((n) => [n.id, n]));
  // The map adds each model's listeners in model order, one group per view.
  map.groups.forEach((group, i) => {
    const drawn = map.nodes.filter((n) => n.group === group.id && n.kind === 'listener');
    const model: Listener[] = views[i].model.listeners;
    assert.equal(drawn.length, model.length, `${where}: one node per listener`);
    drawn.forEach((node, j) => {
      listeners++;
      const state = node.clientIp!.state;
      const inlay = inlayLabel(model[j]);
      const word = state === 'unknown' ? 'client IP: unknown' : state === 'off' ? 'client IP: off' : 'client IP: ';
      assert.ok(inlay.startsWith(word), `${where}: ${node.label} is ${state} on the map, "${inlay}" in the editor`);
      if (state === 'on') assert.doesNotMatch(inlay, /^client IP: (off|unknown)/);
      for (const f of node.findings) {
        if (NEEDS_ON.has(f.ruleId)) assert.equal(state, 'on', `${where}: ${f.ruleId} on ${node.label}`);
        if (f.ruleId === 'client-ip-shared-l4-off') assert.equal(state, 'off', `${where}: ${f.ruleId} on ${node.label}`);
      }
    });
  });
  const upstreamListeners = (node: MapNode): MapNode[] => {
    const out: MapNode[] = [];
    const seen = new Set<string>();
    const queue = [node.id];
    while (queue.length > 0) {
      const id = queue.pop()!;
      for (const e of map.edges) {
        if (e.to !== id || e.kind === 'same-server' || seen.has(e.from)) continue;
        seen.add(e.from);
        const from = byId.get(e.from)!;
        if (from.kind === 'listener') out.push(from);
        else if (from.kind === 'pool') queue.push(from.id);
      }
    }
    return out;
  };
  for (const node of map.nodes) {
    for (const f of node.findings) {
      if (!BEHIND_ON.has(f.ruleId)) continue;
      const states = upstreamListeners(node).map((l) => l.clientIp!.state);
      assert.ok(states.includes('on'), `${where}: ${f.ruleId} on ${node.label}, behind listeners that are ${states.join(', ') || 'none'}`);
      if (f.ruleId === 'client-ip-ip-backend' && node.kind === 'member') {
        assert.ok(
          node.receives!.some((r) => r.receives !== 'client-address'),
          `${where}: ${node.label} has an IP-backend finding but gets the client address`,
        );
      }
    }
  }
  return listeners;
}

function checkFindings(map: ClientIpMap, diagnostics: Finding[], files: Set<string>, where: string): void {
  const drawn = new Set(
    map.nodes
      .flatMap((n) => n.findings)
      .filter((f) => files.has(f.file))
      .map(key),
  );
  // A syntax error is about text that did not parse, not about anything the map draws.
  const shown = new Set(diagnostics.filter((f) => f.ruleId !== 'syntax-error').map(key));
  assert.deepEqual([...drawn].filter((k) => !shown.has(k)).sort(), [], `${where}: on the map, not in the diagnostics`);
  assert.deepEqual([...shown].filter((k) => !drawn.has(k)).sort(), [], `${where}: in the diagnostics, not on the map`);
}

/**
 * Every module, JSON folder and plan under `roots`, checked; returns how many listeners were
 * compared. `filesAlone`: each Terraform file that has a listener is its own module (the corpus
 * keeps unrelated examples side by side, whose resource names collide in one module).
 */
async function checkTree(roots: string[], filesAlone = false): Promise<{ listeners: number; modules: number }> {
  const nodeHost = createNodeHost();
  let only: string | undefined;
  const service = await createElbLensService({
    readFile: (file) => nodeHost.readFile(file),
    readDirectory: (dir) => (only && path.dirname(only) === dir ? [path.basename(only)] : nodeHost.readDirectory(dir)),
  });
  const files = walk(roots, nodeFileSystem).files.map((f) => f.path);
  service.setWorkspaceFiles(files);
  const done = new Set<string>();
  let listeners = 0;
  let modules = 0;
  for (const file of files) {
    if (file.endsWith('.json') && !file.endsWith('.tf.json')) {
      const text = fs.readFileSync(file, 'utf8');
      if (isPlanJson(text)) {
        const view = planView(file, text);
        if (!view) continue;
        const map = buildClientIpMap([viewSource(view, () => file)]);
        checkFindings(map, analyzePlan(file, text), new Set([file]), file);
        listeners += checkStates(map, [view], file);
        modules++;
        continue;
      }
    }
    if (!service.isSupportedFile(file)) continue;
    const terraform = file.endsWith('.tf') || file.endsWith('.tf.json');
    if (filesAlone && terraform) {
      if (!/_listener/.test(fs.readFileSync(file, 'utf8'))) continue;
      only = file;
      service.fileChanged(file);
    } else only = undefined;
    const moduleKey = `${file.endsWith('.json') && !file.endsWith('.tf.json') ? 'json' : 'tf'}:${path.dirname(file)}`;
    if (done.has(moduleKey) && !(filesAlone && terraform)) continue;
    done.add(moduleKey);
    const byFile = service.analyzeModule(file);
    const views = service.models(file);
    const map = buildClientIpMap(views.map((v) => viewSource(v, (root) => root)));
    checkFindings(map, [...byFile.values()].flat(), new Set(byFile.keys()), path.dirname(file));
    listeners += checkStates(map, views, path.dirname(file));
    modules++;
  }
  return { listeners, modules };
}

describe('the map and the findings agree', () => {
  test('on the examples and the CLI fixtures', async () => {
    const { listeners, modules } = await checkTree([path.join(REPO_ROOT, 'examples'), path.join(REPO_ROOT, 'test', 'cli', 'fixtures')]);
    assert.ok(modules >= 15, `${modules} modules`);
    assert.ok(listeners >= 50, `${listeners} listeners`);
  });

  test('on the real-world corpus', async (t: TestContext) => {
    if (!fs.existsSync(CORPUS_DIR)) {
      needsMissing(t, `corpus not found at ${CORPUS_DIR}`);
      return;
    }
    const { listeners, modules } = await checkTree([CORPUS_DIR], true);
    assert.ok(modules >= 10, `${modules} modules`);
    assert.ok(listeners >= 30, `${listeners} listeners`);
    t.diagnostic(`${modules} modules, ${listeners} listeners`);
  });
});
