import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Finding } from '../../server/src/core/types';
import { parseTemplate, TemplateError } from '../../server/src/kubernetes/render/helm/parse';
import { renderChart } from '../../server/src/kubernetes/render/helm/chart';
import { helmUnit } from '../../server/src/project/renderedUnits';
import { renderHost, repoPath } from './renderHost';

/** Helm charts rendered without helm: findings on the template line or on the values.yaml line. */

const CHART = { 'chart/Chart.yaml': 'apiVersion: v2\nname: shop\nversion: 1.0.0\n' };
const HELPERS = [
  '{{- define "shop.fullname" -}}',
  '{{- if .Values.fullnameOverride }}',
  '{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}',
  '{{- else }}',
  '{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" }}',
  '{{- end }}',
  '{{- end }}',
  '',
].join('\n');
const SERVICE_TEMPLATE = [
  'apiVersion: v1',
  'kind: Service',
  'metadata:',
  '  name: {{ include "shop.fullname" . }}',
  '  {{- with .Values.service.annotations }}',
  '  annotations:',
  '    {{- toYaml . | nindent 4 }}',
  '  {{- end }}',
  'spec:',
  '  type: {{ .Values.service.type }}',
  '  externalTrafficPolicy: Local',
  '  ports:',
  '    - port: {{ .Values.service.port }}',
  '      protocol: TCP',
  '',
].join('\n');
const VALUES = [
  'service:',
  '  type: LoadBalancer',
  '  port: 80',
  '  annotations:',
  '    kubernetes.io/elb.class: performance',
  "    kubernetes.io/elb.transparent-client-ip: 'false'",
  '',
].join('\n');

function unit(files: Record<string, string>, valueFiles: string[] = []) {
  return helmUnit(repoPath('chart'), renderHost({ ...CHART, ...files }), { docsBase: '', helm: { valueFiles } });
}

function at(f: Finding): string {
  return `${f.file.replace('/repo/', '')}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
}

/** The chart with the annotations written in the template, the class as given. */
function withAnnotations(elbClass: string) {
  const template = SERVICE_TEMPLATE.replace(
    '  {{- with .Values.service.annotations }}\n  annotations:\n    {{- toYaml . | nindent 4 }}\n  {{- end }}',
    `  annotations:\n    kubernetes.io/elb.class: ${elbClass}\n    kubernetes.io/elb.transparent-client-ip: 'false'`,
  );
  return unit({
    'chart/templates/_helpers.tpl': HELPERS,
    'chart/templates/service.yaml': template,
    'chart/values.yaml': 'service:\n  type: LoadBalancer\n  port: 80\n',
  });
}

const always = (findings: Finding[]) => findings.filter((f) => f.ruleId === 'client-ip-always-on').map(at);

describe('Helm charts', () => {
  test('annotations from values.yaml through toYaml: the finding is on the values.yaml line, the fix edits it', () => {
    const result = unit({
      'chart/templates/_helpers.tpl': HELPERS,
      'chart/templates/service.yaml': SERVICE_TEMPLATE,
      'chart/values.yaml': VALUES,
    });
    assert.equal(result.unknown, undefined);
    assert.deepEqual(always(result.findings), ['chart/values.yaml:6:5']);
    const [finding] = result.findings.filter((f) => f.ruleId === 'client-ip-always-on');
    const edits = finding.fixes.flatMap((f) => f.edits);
    assert.ok(edits.length > 0 && edits.every((e) => e.file === repoPath('chart/values.yaml')), JSON.stringify(edits));
  });

  test('a literal template (only the name templated): the finding is on the template line', () => {
    const result = withAnnotations('performance');
    assert.deepEqual(always(result.findings), ['chart/templates/service.yaml:7:5']);
  });

  test('value files named in the configuration win over values.yaml', () => {
    const result = unit(
      {
        'chart/templates/_helpers.tpl': HELPERS,
        'chart/templates/service.yaml': SERVICE_TEMPLATE,
        'chart/values.yaml': VALUES,
        'chart/prod.yaml': "service:\n  annotations:\n    kubernetes.io/elb.transparent-client-ip: 'true'\n",
      },
      [repoPath('chart/prod.yaml')],
    );
    assert.deepEqual(always(result.findings), []);
  });

  test('values that leave the class unknown: silence', () => {
    const result = withAnnotations('{{ .Values.elbClass }}');
    assert.equal(result.unknown, undefined);
    assert.deepEqual(result.findings, []);
    const unknownFunction = SERVICE_TEMPLATE.replace('{{- toYaml . | nindent 4 }}', '{{- tpl (toYaml .) $ | nindent 4 }}');
    const silent = unit({
      'chart/templates/_helpers.tpl': HELPERS,
      'chart/templates/service.yaml': unknownFunction,
      'chart/values.yaml': VALUES,
    });
    assert.deepEqual(silent.findings, [], 'an unknown function: the whole Service is unknown');
  });

  test('the Go-template subset: trimming, else-if, range, default, quote, printf, variables', () => {
    const template = [
      '{{- $name := default "fallback" .Values.name -}}',
      'name: {{ $name | quote }}',
      '{{- if eq .Values.mode "a" }}',
      'mode: a',
      '{{- else if eq .Values.mode "b" }}',
      'mode: b',
      '{{- else }}',
      'mode: other',
      '{{- end }}',
      'list:',
      '{{- range $i, $p := .Values.ports }}',
      '  - {{ printf "%s-%d" $.Release.Name $p }}',
      '{{- end }}',
      '',
    ].join('\n');
    const result = renderChart(
      repoPath('chart'),
      renderHost({ ...CHART, 'chart/templates/x.yaml': template, 'chart/values.yaml': 'mode: b\nports: [80, 443]\n' }),
      {},
    );
    assert.equal(result.templates[0].output.text, 'name: "fallback"\nmode: b\nlist:\n  - release-name-80\n  - release-name-443\n');
  });

  test('bad input: syntax errors and unknown keywords give one reason and no findings; a 1 MB values file is no hang', () => {
    assert.throws(() => parseTemplate('{{ if .Values.x }}a'), TemplateError);
    assert.throws(() => parseTemplate('{{ .Values.x '), TemplateError);
    assert.throws(() => parseTemplate('{{ end }}'), TemplateError);
    const broken = unit({ 'chart/templates/service.yaml': SERVICE_TEMPLATE.replace('{{- end }}', ''), 'chart/values.yaml': VALUES });
    assert.match(broken.unknown ?? '', /service\.yaml/);
    assert.deepEqual(broken.findings, []);
    const big =
      'service:\n  type: LoadBalancer\n  port: 80\nfiller:\n' +
      Array.from({ length: 60_000 }, (_, i) => `  k${i}: value-${i}`).join('\n') +
      '\n';
    assert.ok(big.length > 1_000_000);
    const started = Date.now();
    const result = unit({
      'chart/templates/_helpers.tpl': HELPERS,
      'chart/templates/service.yaml': SERVICE_TEMPLATE,
      'chart/values.yaml': big,
    });
    assert.ok(Date.now() - started < 10_000);
    assert.deepEqual(always(result.findings), []);
    const recursion = unit({
      'chart/templates/_helpers.tpl': '{{ define "x" }}{{ include "x" . }}{{ end }}',
      'chart/templates/service.yaml': '{{ include "x" . }}',
      'chart/values.yaml': '',
    });
    assert.match(recursion.unknown ?? '', /too deeply/);
  });
});
