import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Finding } from '../../server/src/core/types';
import { renderKustomization } from '../../server/src/kubernetes/render/kustomize';
import { stringAt } from '../../server/src/kubernetes/render/tree';
import { kustomizeUnit } from '../../server/src/project/renderedUnits';
import { memoryService, memPath } from '../helpers';
import { clientIpPatch, DEDICATED_SERVICE, renderHost, repoPath } from './renderHost';

/** kustomize overlays rendered in TypeScript: findings land in the file that set the value. */

const BASE_SERVICE = DEDICATED_SERVICE;
const BASE = { 'base/kustomization.yaml': 'resources:\n  - service.yaml\n', 'base/service.yaml': BASE_SERVICE };
const OFF_PATCH = clientIpPatch('false');

function unit(files: Record<string, string>, dir = 'overlay') {
  const host = renderHost(files);
  return kustomizeUnit(repoPath(dir), host, { docsBase: '' });
}

function at(f: Finding): string {
  return `${f.file.replace('/repo/', '')}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
}

describe('kustomize overlays', () => {
  test('a patch adding the annotations: the finding is on the patch line, the base Service related', () => {
    const result = unit({
      ...BASE,
      'overlay/kustomization.yaml': 'resources:\n  - ../base\npatches:\n  - path: off.yaml\n',
      'overlay/off.yaml': OFF_PATCH,
    });
    assert.equal(result.unknown, undefined);
    const always = result.findings.filter((f) => f.ruleId === 'client-ip-always-on');
    assert.deepEqual(always.map(at), ['overlay/off.yaml:6:5']);
    assert.ok(
      always[0].related.some((r) => r.file === repoPath('base/service.yaml') && r.range.start.line === 3),
      'the base Service',
    );
    assert.ok(
      always[0].related.some((r) => r.file === repoPath('overlay/kustomization.yaml')),
      'the overlay',
    );
    assert.ok(result.reads.has(repoPath('overlay/off.yaml')) && result.reads.has(repoPath('base/service.yaml')));
  });

  test('the fix edits the patch file', () => {
    const result = unit({
      ...BASE,
      'overlay/kustomization.yaml': 'resources:\n  - ../base\npatchesStrategicMerge:\n  - off.yaml\n',
      'overlay/off.yaml': OFF_PATCH,
    });
    const [finding] = result.findings.filter((f) => f.ruleId === 'client-ip-always-on');
    assert.ok(finding, 'patchesStrategicMerge applies too');
    const edits = finding.fixes.flatMap((f) => f.edits);
    assert.ok(edits.length > 0, 'a fix survives');
    assert.ok(
      edits.every((e) => e.file === repoPath('overlay/off.yaml')),
      JSON.stringify(edits),
    );
  });

  test('commonAnnotations: the finding is on the entry in kustomization.yaml', () => {
    const result = unit({
      ...BASE,
      'overlay/kustomization.yaml': "resources:\n  - ../base\ncommonAnnotations:\n  kubernetes.io/elb.transparent-client-ip: 'false'\n",
    });
    assert.deepEqual(result.findings.filter((f) => f.ruleId === 'client-ip-always-on').map(at), ['overlay/kustomization.yaml:4:3']);
  });

  test('JSON 6902, inline with a target and from a file: the finding is on the value in the patch', () => {
    const inline = [
      'resources:',
      '  - ../base',
      'patches:',
      '  - target:',
      '      kind: Service',
      '      name: web',
      '    patch: |-',
      '      - op: add',
      '        path: /metadata/annotations/kubernetes.io~1elb.transparent-client-ip',
      "        value: 'false'",
      '',
    ].join('\n');
    assert.deepEqual(
      unit({ ...BASE, 'overlay/kustomization.yaml': inline })
        .findings.filter((f) => f.ruleId === 'client-ip-always-on')
        .map(at),
      ['overlay/kustomization.yaml:10:16'],
    );
    const json = '[{"op": "add", "path": "/metadata/annotations/kubernetes.io~1elb.transparent-client-ip", "value": "false"}]';
    const byPath = unit({
      ...BASE,
      'overlay/kustomization.yaml':
        'resources:\n  - ../base\npatchesJson6902:\n  - target: {version: v1, kind: Service, name: web}\n    path: ip.json\n',
      'overlay/ip.json': json,
    });
    assert.deepEqual(byPath.findings.filter((f) => f.ruleId === 'client-ip-always-on').map(at), [
      `overlay/ip.json:1:${json.indexOf('"false"') + 1}`,
    ]);
  });

  test('a base used by two overlays: findings per overlay; prefixes and namespaces apply', () => {
    const files = {
      ...BASE,
      'prod/kustomization.yaml': 'namePrefix: prod-\nnamespace: shop\nresources:\n  - ../base\npatches:\n  - path: off.yaml\n',
      'prod/off.yaml': OFF_PATCH,
      'test/kustomization.yaml': 'resources:\n  - ../base\npatches:\n  - path: off.yaml\n',
      'test/off.yaml': OFF_PATCH,
      'dev/kustomization.yaml': 'resources:\n  - ../base\n',
    };
    assert.deepEqual(
      unit(files, 'prod')
        .findings.filter((f) => f.ruleId === 'client-ip-always-on')
        .map(at),
      ['prod/off.yaml:6:5'],
    );
    assert.deepEqual(
      unit(files, 'test')
        .findings.filter((f) => f.ruleId === 'client-ip-always-on')
        .map(at),
      ['test/off.yaml:6:5'],
    );
    assert.deepEqual(
      unit(files, 'dev').findings.filter((f) => f.ruleId === 'client-ip-always-on'),
      [],
      'dev leaves it at the default',
    );
    const rendered = renderKustomization(repoPath('prod'), renderHost(files));
    assert.equal(stringAt(rendered.services[0].node, 'metadata', 'name'), 'prod-web');
    assert.equal(stringAt(rendered.services[0].node, 'metadata', 'namespace'), 'shop');
  });

  test('components add their patches', () => {
    const result = unit({
      ...BASE,
      'overlay/kustomization.yaml': 'resources:\n  - ../base\ncomponents:\n  - ../ip-off\n',
      'ip-off/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\npatches:\n  - path: off.yaml\n',
      'ip-off/off.yaml': OFF_PATCH,
    });
    assert.deepEqual(result.findings.filter((f) => f.ruleId === 'client-ip-always-on').map(at), ['ip-off/off.yaml:6:5']);
  });

  test('a remote base: silence on it and one line; local resources still read', () => {
    const result = unit({
      ...BASE,
      'overlay/kustomization.yaml':
        'resources:\n  - https://github.com/example/deploy//base?ref=v1\n  - ../base\npatches:\n  - path: off.yaml\n',
      'overlay/off.yaml': OFF_PATCH,
    });
    assert.equal(result.notes.length, 1);
    assert.match(result.notes[0], /remote base https:\/\/github\.com\/example\/deploy/);
    assert.equal(result.findings.filter((f) => f.ruleId === 'client-ip-always-on').length, 1);
    const remoteOnly = unit({ 'overlay/kustomization.yaml': 'resources:\n  - github.com/example/deploy/base?ref=v1\n' });
    assert.deepEqual(remoteOnly.findings, []);
    assert.equal(remoteOnly.notes.length, 1);
  });

  test('bad input: a missing base, a cycle, a failing JSON patch, an alias bomb in a patch: silence and one reason', () => {
    assert.match(unit({ 'overlay/kustomization.yaml': 'resources:\n  - ../nowhere\n' }).unknown ?? '', /missing/);
    const cycle = unit({
      'overlay/kustomization.yaml': 'resources:\n  - ../base\n',
      'base/kustomization.yaml': 'resources:\n  - ../overlay\n',
    });
    assert.match(cycle.unknown ?? '', /include each other/);
    const failing = unit({
      ...BASE,
      'overlay/kustomization.yaml':
        'resources:\n  - ../base\npatches:\n  - target: {kind: Service}\n    patch: |\n      - op: replace\n        path: /spec/nothing/here\n        value: x\n',
    });
    assert.match(failing.unknown ?? '', /cannot apply/);
    assert.deepEqual(failing.findings, []);
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 12; i++)
      bomb.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(',')}]`,
      );
    const started = Date.now();
    const bombed = unit({
      ...BASE,
      'overlay/kustomization.yaml': 'resources:\n  - ../base\npatches:\n  - path: bomb.yaml\n',
      'overlay/bomb.yaml': bomb.join('\n') + '\n',
    });
    assert.ok(Date.now() - started < 5_000, 'no hang');
    assert.match(bombed.unknown ?? '', /too many YAML nodes/);
  });

  test('target names are patterns: names, .* and | are read; a backtracking pattern is not guessed', () => {
    const withTarget = (name: string) =>
      unit({
        ...BASE,
        'overlay/kustomization.yaml': `resources:\n  - ../base\npatches:\n  - target: {kind: Service, name: "${name}"}\n    path: off.yaml\n`,
        'overlay/off.yaml': OFF_PATCH,
      });
    for (const name of ['web', 'w.*', 'api|web', '.*']) {
      assert.equal(withTarget(name).findings.filter((f) => f.ruleId === 'client-ip-always-on').length, 1, name);
    }
    assert.equal(withTarget('api').findings.length, 0);
    const started = Date.now();
    const hostile = withTarget('(a+)+$');
    assert.ok(Date.now() - started < 2_000);
    assert.match(hostile.unknown ?? '', /pattern/);
  });

  test('a base without ELB findings of its own: nothing reported by the overlay that changes nothing', () => {
    const result = unit({ ...BASE, 'overlay/kustomization.yaml': 'resources:\n  - ../base\n' });
    assert.deepEqual(
      result.findings.map((f) => f.ruleId),
      [],
    );
    assert.equal(result.model.loadBalancers.length, 1, 'the Service is in the model');
  });
});

describe('hover in a patch and in values.yaml', () => {
  test('the annotation a patch adds: the Service it reaches', async () => {
    const { service } = await memoryService({
      'base/kustomization.yaml': BASE['base/kustomization.yaml'],
      'base/service.yaml': BASE_SERVICE,
      'overlay/kustomization.yaml': 'resources:\n  - ../base\npatches:\n  - path: off.yaml\n',
      'overlay/off.yaml': OFF_PATCH,
    });
    const hover = service.hover(memPath('overlay/off.yaml'), { line: 5, character: 10 });
    assert.ok(hover, 'a hover');
    assert.match(hover.markdown, /always on/);
    assert.equal(hover.range.start.line, 5, 'the range is in the patch');
  });
});
