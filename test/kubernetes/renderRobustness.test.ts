import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { renderChart } from '../../server/src/kubernetes/render/helm/chart';
import { helmUnit, kustomizeUnit } from '../../server/src/project/renderedUnits';
import { clientIpPatch, DEDICATED_SERVICE, renderHost, repoPath } from './renderHost';

/** Bad input to the renderers: silence or one reason, never a throw or a hang. */

/** A small deterministic random source (the same cases on every run). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

const PIECES = [
  '{{',
  '}}',
  '{{-',
  '-}}',
  ' if ',
  ' else ',
  ' end ',
  ' range ',
  ' with ',
  ' define "x" ',
  ' include "x" . ',
  ' template "x" ',
  '.Values.a',
  '.Values.service.annotations',
  ' | ',
  ' toYaml ',
  ' nindent 4 ',
  ' default "d" ',
  ' quote ',
  ' printf "%s-%d" ',
  '$x := ',
  '$',
  '(',
  ')',
  '"str"',
  '`raw`',
  ' 42 ',
  '/* c */',
  '\n',
  'kind: Service\n',
  'apiVersion: v1\n',
  '  annotations:\n',
  '    kubernetes.io/elb.class: union\n',
  ': ',
  '- ',
  '&a ',
  '*a ',
  '\t',
  '#',
];

describe('renderers on hostile input', () => {
  test('600 random templates: each renders, or gives one reason; none throws', () => {
    const next = random(26);
    for (let i = 0; i < 600; i++) {
      const length = 1 + Math.floor(next() * 40);
      const template = Array.from({ length }, () => PIECES[Math.floor(next() * PIECES.length)]).join('');
      const host = renderHost({
        'chart/Chart.yaml': 'apiVersion: v2\nname: c\nversion: 1.0.0\n',
        'chart/values.yaml': 'a: 1\nservice:\n  annotations:\n    kubernetes.io/elb.class: union\n',
        'chart/templates/_helpers.tpl': '{{ define "x" }}{{ .Values.a }}{{ end }}',
        'chart/templates/t.yaml': template,
      });
      const started = Date.now();
      assert.doesNotThrow(() => helmUnit(repoPath('chart'), host, { docsBase: '' }), template);
      assert.ok(Date.now() - started < 2_000, `slow: ${JSON.stringify(template)}`);
    }
  });

  test('nesting, loops and output that grow without bound stop with a reason', () => {
    const deep = `${'{{ if true }}'.repeat(5_000)}x${'{{ end }}'.repeat(5_000)}`;
    const loops = '{{ range .Values.big }}{{ range $.Values.big }}{{ range $.Values.big }}{{ toYaml $.Values }}{{ end }}{{ end }}{{ end }}';
    const big = `big: [${Array.from({ length: 200 }, (_, i) => i).join(', ')}]\n`;
    for (const template of [deep, loops]) {
      const started = Date.now();
      const result = renderChart(
        repoPath('chart'),
        renderHost({ 'chart/Chart.yaml': 'name: c\n', 'chart/values.yaml': big, 'chart/templates/t.yaml': template }),
        {},
      );
      assert.ok(Date.now() - started < 10_000);
      assert.ok(result.unknown, 'a reason');
    }
  });

  test('kustomizations: a patch of every hostile shape, deep components, a kustomization that includes itself', () => {
    const patches = [
      '[',
      '- op: add\n  path: 7\n',
      '{"$patch": "delete"}',
      'a: &a [*a]\n',
      '- {op: move, from: /spec, path: /spec/x}\n',
      '\u0000',
    ];
    for (const patch of patches) {
      const result = kustomizeUnit(
        repoPath('o'),
        renderHost({
          'b/kustomization.yaml': 'resources: [svc.yaml]\n',
          'b/svc.yaml': DEDICATED_SERVICE,
          'o/kustomization.yaml': 'resources: [../b]\npatches:\n  - path: p.yaml\n    target: {kind: Service}\n',
          'o/p.yaml': patch,
        }),
        { docsBase: '' },
      );
      assert.ok(result.unknown !== undefined || result.findings.every((f) => f.ruleId !== 'client-ip-always-on'), patch);
    }
    const chain: Record<string, string> = {};
    for (let i = 0; i < 60; i++) chain[`c${i}/kustomization.yaml`] = `resources: [../c${i + 1}]\n`;
    chain['c60/kustomization.yaml'] = 'resources: [svc.yaml]\n';
    chain['c60/svc.yaml'] = DEDICATED_SERVICE;
    assert.match(kustomizeUnit(repoPath('c0'), renderHost(chain), { docsBase: '' }).unknown ?? '', /too deeply/);
    const self = kustomizeUnit(
      repoPath('s'),
      renderHost({ 's/kustomization.yaml': 'resources: [.]\n', 's/p.yaml': clientIpPatch('false') }),
      {
        docsBase: '',
      },
    );
    assert.match(self.unknown ?? '', /include each other/);
  });
});
