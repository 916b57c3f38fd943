import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { walk } from '../../server/src/project';
import { createNodeHost, nodeFileSystem } from '../../server/src/project/nodeFs';
import { createElbLensService } from '../../server/src/service/service';

const EXAMPLES = path.resolve(__dirname, '..', '..', '..', 'examples', 'kubernetes');

/** What examples/kubernetes/README.md promises: file → `line rule` (1-based lines). */
const EXPECTED: Record<string, string[]> = {
  'cce.yaml': [
    '21 client-ip-shared-l4-off',
    '36 client-ip-lost-in-cluster',
    '54 client-ip-always-on',
    '75 client-ip-always-on',
    '76 elb-annotation-unknown',
    '97 elb-annotation-unknown',
    '105 client-ip-shared-l4-off',
  ],
  'cloud-provider-huaweicloud.yaml': ['19 client-ip-lost-in-cluster', '34 client-ip-ip-backend', '50 elb-annotation-unknown'],
};

/** The Terraform form (`kubernetes_service(_v1)`): examples/kubernetes/terraform/main.tf. */
const EXPECTED_TF = ['27 client-ip-shared-l4-off', '46 client-ip-lost-in-cluster', '63 client-ip-always-on', '64 elb-annotation-unknown'];

test('examples/kubernetes shows every rule that applies to Services; clean/ has none, and skips a Helm template and CI YAML', async () => {
  const service = await createElbLensService(createNodeHost());
  const found: Record<string, string[]> = {};
  for (const name of fs.readdirSync(EXAMPLES).filter((n) => n.endsWith('.yaml'))) {
    const file = path.join(EXAMPLES, name);
    assert.ok(service.isSupportedFile(file), name);
    found[name] = service
      .analyzeFile(file)
      .sort((a, b) => a.range.start.line - b.range.start.line)
      .map((f) => `${f.range.start.line + 1} ${f.ruleId}`);
  }
  assert.deepEqual(found, EXPECTED);
  const tf = path.join(EXAMPLES, 'terraform', 'main.tf');
  assert.deepEqual(
    service
      .analyzeFile(tf)
      .sort((a, b) => a.range.start.line - b.range.start.line)
      .map((f) => `${f.range.start.line + 1} ${f.ruleId}`),
    EXPECTED_TF,
  );
  const shown = new Set(Object.values(found).flatMap((list) => list.map((entry) => entry.split(' ')[1])));
  for (const rule of [
    'client-ip-always-on',
    'client-ip-shared-l4-off',
    'client-ip-ip-backend',
    'client-ip-lost-in-cluster',
    'elb-annotation-unknown',
  ]) {
    assert.ok(shown.has(rule), rule);
  }
  const clean = path.join(EXAMPLES, 'clean');
  assert.deepEqual(service.analyzeFile(path.join(clean, 'services.yaml')), []);
  assert.equal(service.isSupportedFile(path.join(clean, 'chart', 'templates', 'service.yaml')), false, 'Helm template');
  assert.equal(service.isSupportedFile(path.join(clean, 'pipeline.yml')), false, 'CI file');
});

test('examples/kubernetes: an overlay and a chart report where the value was set; the base only through its overlays', async () => {
  const service = await createElbLensService(createNodeHost());
  const files = walk([EXAMPLES], nodeFileSystem).files.map((f) => f.path);
  service.setWorkspaceFiles(files);
  const roots = service.renderedRoots().map((r) => path.relative(EXAMPLES, r.file));
  assert.deepEqual(roots.sort(), [
    'helm/shop/Chart.yaml',
    'kustomize/overlays/prod/kustomization.yaml',
    'kustomize/overlays/staging/kustomization.yaml',
  ]);
  const found: string[] = [];
  for (const root of service.renderedRoots()) {
    for (const [file, findings] of service.analyzeModule(root.file)) {
      for (const f of findings) found.push(`${path.relative(EXAMPLES, file)}:${f.range.start.line + 1} ${f.ruleId}`);
    }
  }
  assert.deepEqual(found.sort(), [
    'helm/shop/templates/service.yaml:13 client-ip-lost-in-cluster',
    'kustomize/overlays/prod/balancing.yaml:7 elb-annotation-unknown',
    'kustomize/overlays/staging/kustomization.yaml:8 client-ip-always-on',
  ]);
  assert.deepEqual(service.analyzeFile(path.join(EXAMPLES, 'kustomize', 'base', 'service.yaml')), [], 'nothing on the base');
});
