import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { parseArgs, UsageError } from '../../server/src/cli/args';
import { DEDICATED_SERVICE } from '../kubernetes/renderHost';
import { readTree, run, tempTree } from './harness';

/** The command line on Kubernetes as teams write it: overlays, charts, several manifests a folder, standard input. */

const DEDICATED_OFF = (name: string) =>
  DEDICATED_SERVICE.replace('name: web', `name: ${name}`).replace(
    '    kubernetes.io/elb.class: performance\n',
    "    kubernetes.io/elb.class: performance\n    kubernetes.io/elb.transparent-client-ip: 'false'\n",
  );

const ELB_JSON = JSON.stringify({ listener: { id: 'l1', protocol: 'TCP', loadbalancer_id: 'lb1', transparent_client_ip_enable: false } });

async function check(files: Record<string, string>, extra: string[] = [], stdin?: string) {
  const dir = tempTree(files);
  const result = await run(['check', ...(stdin === undefined ? ['.'] : ['-']), '--format', 'json', ...extra], { cwd: dir, stdin });
  const report = JSON.parse(result.stdout) as {
    diagnostics: { ruleId: string; file: string; range: { start: { line: number } }; message: string }[];
  };
  const findings = report.diagnostics.map((d) => ({ ...d, line: d.range.start.line + 1 }));
  return { ...result, dir, findings };
}

function places(findings: { ruleId: string; file: string; line: number }[], rule = 'client-ip-always-on'): string[] {
  return findings
    .filter((f) => f.ruleId === rule)
    .map((f) => `${f.file}:${f.line}`)
    .sort();
}

describe('check: Kubernetes files', () => {
  test('two manifests in one folder are both checked (regression: one non-Terraform file per folder)', async () => {
    const { findings } = await check({ 'k8s/a.yaml': DEDICATED_OFF('a'), 'k8s/b.yaml': DEDICATED_OFF('b') });
    assert.deepEqual(places(findings), ['k8s/a.yaml:7', 'k8s/b.yaml:7']);
  });

  test('a manifest next to an ELB JSON file: both checked', async () => {
    const { findings } = await check({ 'api/svc.yaml': DEDICATED_OFF('a'), 'api/lb.elb.json': ELB_JSON });
    assert.ok(places(findings).includes('api/svc.yaml:7'), JSON.stringify(findings));
  });

  test('an overlay and a chart: findings in the patch and in values.yaml; the base alone says nothing; a remote base is said once', async () => {
    const base = DEDICATED_OFF('web').replace("    kubernetes.io/elb.transparent-client-ip: 'false'\n", '');
    const { findings, stderr } = await check({
      'deploy/base/kustomization.yaml': 'resources:\n  - service.yaml\n',
      'deploy/base/service.yaml': base,
      'deploy/prod/kustomization.yaml': 'resources:\n  - ../base\n  - https://example.com/remote.yaml\npatches:\n  - path: off.yaml\n',
      'deploy/prod/off.yaml':
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    kubernetes.io/elb.transparent-client-ip: 'false'\n",
      'chart/Chart.yaml': 'apiVersion: v2\nname: shop\nversion: 1.0.0\n',
      'chart/values.yaml': "annotations:\n  kubernetes.io/elb.class: performance\n  kubernetes.io/elb.transparent-client-ip: 'false'\n",
      'chart/templates/service.yaml': base.replace(
        '    kubernetes.io/elb.class: performance\n',
        '    {{- toYaml .Values.annotations | nindent 4 }}\n',
      ),
    });
    assert.deepEqual(places(findings), ['chart/values.yaml:3', 'deploy/prod/off.yaml:6']);
    assert.equal(stderr.match(/remote base/g)?.length, 1, stderr);
  });

  test('--fix edits the patch that set the value, never the base; the remote base is said once over the passes', async () => {
    const base = DEDICATED_OFF('web').replace("    kubernetes.io/elb.transparent-client-ip: 'false'\n", '');
    const dir = tempTree({
      'base/kustomization.yaml': 'resources:\n  - service.yaml\n',
      'base/service.yaml': base,
      'prod/kustomization.yaml': 'resources:\n  - ../base\n  - https://example.com/remote.yaml\npatches:\n  - path: off.yaml\n',
      'prod/off.yaml':
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    kubernetes.io/elb.transparent-client-ip: 'false'\n",
    });
    const result = await run(['check', '.', '--fix'], { cwd: dir });
    const after = readTree(dir);
    assert.equal(after['base/service.yaml'], base, 'the base is untouched');
    assert.doesNotMatch(after['prod/off.yaml'], /transparent-client-ip/);
    assert.equal(result.stderr.match(/remote base/g)?.length, 1, result.stderr);
    assert.equal(result.code, 0);
  });

  test('kubernetes.helm.valueFiles in .elb-lens.json: applied after values.yaml', async () => {
    const { findings } = await check({
      '.elb-lens.json': JSON.stringify({ kubernetes: { helm: { valueFiles: ['chart/prod.yaml'] } } }),
      'chart/Chart.yaml': 'apiVersion: v2\nname: shop\nversion: 1.0.0\n',
      'chart/values.yaml': "annotations:\n  kubernetes.io/elb.class: performance\n  kubernetes.io/elb.transparent-client-ip: 'true'\n",
      'chart/prod.yaml': "annotations:\n  kubernetes.io/elb.transparent-client-ip: 'false'\n",
      'chart/templates/service.yaml': DEDICATED_OFF('web').replace(
        "    kubernetes.io/elb.class: performance\n    kubernetes.io/elb.transparent-client-ip: 'false'\n",
        '    {{- toYaml .Values.annotations | nindent 4 }}\n',
      ),
    });
    assert.deepEqual(places(findings), ['chart/prod.yaml:2']);
  });
});

describe('check - (standard input)', () => {
  test('a multi-document stream with # Source: comments: each finding names its template', async () => {
    const stream = [
      '---',
      '# Source: shop/templates/a.yaml',
      DEDICATED_OFF('a'),
      '---',
      '# Source: shop/templates/b.yaml',
      DEDICATED_OFF('b'),
    ].join('\n');
    const { findings, code, dir } = await check({}, [], stream);
    assert.equal(code, 2);
    assert.deepEqual(places(findings), ['<stdin>:25', '<stdin>:9']);
    const messages = findings.filter((f) => f.ruleId === 'client-ip-always-on').map((f) => f.message);
    assert.ok(
      messages.some((m) => m.endsWith('(Rendered from shop/templates/a.yaml.)')),
      messages.join('\n'),
    );
    assert.ok(
      messages.some((m) => m.endsWith('(Rendered from shop/templates/b.yaml.)')),
      messages.join('\n'),
    );
    assert.ok(!path.isAbsolute(findings[0].file) && dir);
  });

  test('without # Source: (kustomize build); --stdin-filename names the stream', async () => {
    const { findings } = await check({}, ['--stdin-filename', 'rendered/prod.yaml'], `${DEDICATED_OFF('a')}---\n${DEDICATED_OFF('b')}`);
    assert.deepEqual(places(findings), ['rendered/prod.yaml:21', 'rendered/prod.yaml:7']);
    assert.ok(findings.every((f) => !f.message.includes('Rendered from')));
  });

  test('usage: - alone, not with --fix; --stdin-filename only with -', () => {
    assert.throws(() => parseArgs(['check', '-', 'x']), UsageError);
    assert.throws(() => parseArgs(['check', '-', '--fix']), UsageError);
    assert.throws(() => parseArgs(['check', '--stdin-filename', 'a.yaml']), UsageError);
    const args = parseArgs(['check', '-', '--stdin-filename', 'a.yaml']);
    assert.ok(args.command === 'check' && args.stdin && args.stdinFilename === 'a.yaml');
  });

  test('an empty or broken stream: no finding, no crash', async () => {
    assert.equal((await check({}, [], '')).code, 0);
    assert.equal((await check({}, [], 'a: [\n  {{ nope')).code, 0);
  });
});
