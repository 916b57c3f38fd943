import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, test } from 'node:test';
import { ConfigError, parseConfig } from '../../server/src/project/configFile';
import { isTemplate, sniffKubernetes } from '../../server/src/kubernetes';
import { classify, configure, namesKubernetes, textContent } from '../../server/src/project';
import { parseSettings } from '../../server/src/lsp/settings';
import { memoryService, memPath } from '../helpers';
import { readTree, run, tempTree } from '../cli/harness';
import { service } from './util';

const SERVICE = service({ annotations: ['kubernetes.io/elb.class: union'] });
const HELM = SERVICE.replace('name: web', 'name: {{ .Release.Name }}');
const CI = 'stages: [deploy]\ndeploy:\n  script:\n    - kubectl annotate svc web kubernetes.io/elb.class=union\n';
const CONFIGMAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  note: kubernetes.io/elb.class\n';

describe('recognising manifests', () => {
  test('by content: a Service (or List) with an ELB annotation; not Helm templates or other YAML', () => {
    assert.equal(sniffKubernetes(SERVICE), true);
    assert.equal(sniffKubernetes(`apiVersion: v1\nkind: List\nitems:\n- ${SERVICE.split('\n').join('\n  ')}`), true);
    assert.equal(sniffKubernetes(HELM), false);
    assert.equal(sniffKubernetes(CI), false);
    assert.equal(sniffKubernetes(CONFIGMAP), false);
    assert.equal(sniffKubernetes(SERVICE.replace(/kubernetes\.io\/elb\./g, 'example.com/')), false);
    assert.equal(sniffKubernetes(`${SERVICE}\u0000`), false);
    assert.equal(isTemplate('# {{ in a comment }}\na: b\n'), false);
    assert.equal(isTemplate('a: "{{ x }}"\n'), true);
  });

  test('the classifier: by name, by content, by kubernetes.files', () => {
    assert.equal(classify('/p/svc.yaml'), 'other', 'no content, no glob');
    assert.equal(classify('/p/svc.yaml', { content: textContent(SERVICE) }), 'kubernetes');
    assert.equal(classify('/p/svc.yml', { content: textContent(SERVICE) }), 'kubernetes');
    assert.equal(classify('/p/svc.YAML', { content: textContent(SERVICE) }), 'kubernetes');
    assert.equal(classify('/p/chart/templates/svc.yaml', { content: textContent(HELM) }), 'other');
    assert.equal(classify('/p/.gitlab-ci.yml', { content: textContent(CI) }), 'other');
    const config = configure({ config: parseConfig('/p/.elb-lens.json', JSON.stringify({ kubernetes: { files: ['deploy/**/*.yaml'] } })) });
    assert.equal(classify('/p/deploy/a/svc.yaml', { config, content: textContent(CI) }), 'kubernetes', 'named by the glob');
    assert.equal(namesKubernetes(config, '/p/deploy/a/svc.yaml'), true);
    assert.equal(namesKubernetes(config, '/p/deploy/a/svc.json'), false, 'only YAML');
    assert.equal(namesKubernetes(config, '/p/other/svc.yaml'), false);
    const host = configure({ host: { base: '/p', kubernetesFiles: ['k8s/*.yml'] } });
    assert.equal(namesKubernetes(host, '/p/k8s/svc.yml'), true);
  });

  test('the service: supported by content or glob, analysed on its own, re-recognised as it changes', async () => {
    const { service: svc } = await memoryService({ 'svc.yaml': SERVICE, 'ci.yml': CI, 'main.tf': '' });
    assert.equal(svc.isSupportedFile(memPath('svc.yaml')), true);
    assert.equal(svc.isSupportedFile(memPath('ci.yml')), false);
    assert.deepEqual(svc.moduleFiles(memPath('svc.yaml')), [memPath('svc.yaml')]);
    assert.deepEqual(svc.moduleFiles(memPath('ci.yml')), []);
    assert.equal(svc.analyzeFile(memPath('svc.yaml')).length, 1);
    svc.openDocument(memPath('ci.yml'), SERVICE);
    assert.equal(svc.isSupportedFile(memPath('ci.yml')), true, 'an open document is judged by its text');
    assert.equal(svc.analyzeFile(memPath('ci.yml')).length, 1);
    svc.updateDocument(memPath('ci.yml'), [{ text: CI }]);
    assert.equal(svc.isSupportedFile(memPath('ci.yml')), false);
    assert.deepEqual(svc.analyzeFile(memPath('ci.yml')), []);
  });
});

describe('configuration: kubernetes.files and kubernetes.network', () => {
  test('.elb-lens.json', () => {
    const config = parseConfig('/p/.elb-lens.json', JSON.stringify({ kubernetes: { files: ['a/*.yaml'], network: 'vpc' } }));
    assert.deepEqual(config.kubernetesFiles, ['a/*.yaml']);
    assert.equal(config.kubernetesNetwork, 'vpc');
    assert.deepEqual(configure({ config }).options.kubernetes, { network: 'vpc' });
    assert.deepEqual(configure({ config, host: { kubernetesNetwork: 'eni' } }).options.kubernetes, { network: 'eni' }, 'the host wins');
    assert.equal(configure({}).options.kubernetes, undefined);
    for (const [bad, message] of [
      [{ kubernetes: [] }, /kubernetes: must be an object/],
      [{ kubernetes: { network: 'turbo' } }, /kubernetes\.network: must be one of "vpc", "tunnel", "eni"/],
      [{ kubernetes: { files: 'x' } }, /kubernetes\.files: must be an array of strings/],
      [{ kubernetes: { glob: [] } }, /kubernetes\.glob: unknown key/],
    ] as const) {
      assert.throws(
        () => parseConfig('/p/.elb-lens.json', JSON.stringify(bad)),
        (error: unknown) => error instanceof ConfigError && message.test(error.message),
      );
    }
  });

  test('editor settings elbLens.kubernetes', () => {
    assert.deepEqual(parseSettings({ kubernetes: { files: ['x.yaml'], network: 'tunnel' } }).kubernetes, {
      files: ['x.yaml'],
      network: 'tunnel',
    });
    const problems: string[] = [];
    assert.deepEqual(parseSettings({ kubernetes: { files: 3, network: 'wifi' } }, problems).kubernetes, { files: [], network: undefined });
    assert.equal(problems.length, 2);
  });

  test('package.json declares the settings', () => {
    const manifest = JSON.parse(fs.readFileSync(`${__dirname}/../../../package.json`, 'utf8')) as {
      contributes: { configuration: { properties: Record<string, unknown> } };
    };
    assert.ok(manifest.contributes.configuration.properties['elbLens.kubernetes.files']);
    assert.ok(manifest.contributes.configuration.properties['elbLens.kubernetes.network']);
  });
});

describe('the CLI walk', () => {
  test('checks manifests by content, skips Helm templates and other YAML, honours kubernetes.files and network', async () => {
    const dedicated = service({ annotations: ['kubernetes.io/elb.class: performance'] });
    const dir = tempTree({
      'svc.yaml': SERVICE,
      'chart/templates/svc.yaml': HELM,
      '.gitlab-ci.yml': CI,
      'deploy/late.yaml': `${'# padding\n'.repeat(60_000)}${SERVICE}`,
      'cluster/dedicated.yaml': dedicated,
    });
    try {
      const plain = await run(['check', '.', '--format', 'compact', '--min-severity', 'information'], { cwd: dir });
      assert.equal(plain.code, 2, plain.stderr);
      assert.deepEqual(
        plain.stdout
          .trim()
          .split('\n')
          .map((l) => l.split(': ')[0]),
        ['svc.yaml:10:5'],
      );
      fs.writeFileSync(`${dir}/.elb-lens.json`, JSON.stringify({ kubernetes: { files: ['deploy/*.yaml'], network: 'vpc' } }));
      const configured = await run(['check', '.', '--format', 'compact'], { cwd: dir });
      assert.match(configured.stdout, /^cluster\/dedicated\.yaml:\d+:\d+: warning \[client-ip-lost-in-cluster\]/m);
      assert.match(configured.stdout, /^svc\.yaml:10:5: information \[client-ip-shared-l4-off\]/m);
      assert.match(configured.stdout, /^deploy\/late\.yaml:\d+:5: information \[client-ip-shared-l4-off\]/m, 'named by kubernetes.files');
      // A file named on the command line is checked even when its content is not recognised… unless it is no manifest at all.
      const named = await run(['check', '.gitlab-ci.yml'], { cwd: dir });
      assert.equal(named.code, 0);
      assert.match(named.stdout, /in 0 files checked/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('--fix applies the preferred YAML fixes only, and the result parses', async () => {
    const dir = tempTree({
      'svc.yaml': service({ annotations: ['kubernetes.io/elb.class: performance', "kubernetes.io/elb.transparent-client-ip: 'false'"] }),
    });
    try {
      const result = await run(['check', '.', '--fix'], { cwd: dir });
      assert.match(result.stderr, /applied 1 fix to 1 file\b/);
      const after = readTree(dir)['svc.yaml'];
      assert.ok(!after.includes('transparent-client-ip'));
      assert.ok(after.includes('    kubernetes.io/elb.class: performance\nspec:\n'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
