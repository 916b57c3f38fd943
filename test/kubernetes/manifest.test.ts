import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildKubernetesModel, kubernetesToConfigFile } from '../../server/src/kubernetes';
import type { ConfigBlock, ConfigFile } from '../../server/src/parse/config';
import { service, textAt } from './util';

function file(text: string): ConfigFile {
  return kubernetesToConfigFile('/m/svc.yaml', text);
}

function child(block: ConfigBlock, type: string): ConfigBlock {
  const found = block.blocks.find((b) => b.type === type);
  assert.ok(found, `no ${type} block`);
  return found;
}

describe('Kubernetes manifests → blocks', () => {
  test('a Service: annotations, spec fields and ports with exact ranges', () => {
    const text = service({
      annotations: ['kubernetes.io/elb.class: union   # shared', "kubernetes.io/elb.transparent-client-ip: 'true'"],
      spec: ['externalTrafficPolicy: Local'],
      ports: ['  - name: http', '    port: 80', '    protocol: TCP'],
    });
    const f = file(text);
    assert.equal(f.format, 'yaml');
    assert.equal(f.blocks.length, 1);
    const svc = f.blocks[0];
    assert.equal(svc.type, 'Service');
    assert.deepEqual(svc.labels, ['web']);
    assert.equal(textAt(text, { range: svc.headerRange }), 'web');
    const annotations = child(svc, 'annotations');
    const cls = annotations.attributes.get('kubernetes.io/elb.class')!;
    assert.equal(textAt(text, { range: cls.range }), 'kubernetes.io/elb.class: union');
    assert.equal(textAt(text, { range: cls.nameRange }), 'kubernetes.io/elb.class');
    assert.deepEqual(cls.expr.kind === 'literal' && cls.expr.value, 'union');
    const ip = annotations.attributes.get('kubernetes.io/elb.transparent-client-ip')!;
    assert.equal(textAt(text, { range: ip.valueRange }), "'true'");
    const spec = child(svc, 'spec');
    assert.equal(textAt(text, { range: spec.attributes.get('externalTrafficPolicy')!.range }), 'externalTrafficPolicy: Local');
    assert.ok(!spec.attributes.has('ports'), 'collections are no attributes');
    const [port] = spec.blocks;
    assert.equal(port.type, 'port');
    assert.equal(textAt(text, { range: port.headerRange }), 'port: 80');
    assert.equal(f.comments.length, 1);
    assert.equal(f.comments[0].text, '# shared');
    assert.equal(svc.hasErrors, false);
  });

  test('multi-document files and List objects', () => {
    const one = service({ name: 'a', annotations: ['kubernetes.io/elb.class: union'] });
    const two = service({ name: 'b', annotations: ['kubernetes.io/elb.class: performance'] });
    const indent = (s: string) =>
      s
        .trimEnd()
        .split('\n')
        .map((line, i) => (i === 0 ? `- ${line}` : `  ${line}`))
        .join('\n');
    const list = `apiVersion: v1\nkind: List\nitems:\n${indent(one)}\n${indent(two)}\n- apiVersion: apps/v1\n  kind: Deployment\n  metadata:\n    name: d\n`;
    const stream = `# comment\n---\n${one}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n---\n${two}`;
    for (const text of [list, stream]) {
      const f = file(text);
      assert.deepEqual(
        f.blocks.map((b) => b.labels[0]),
        ['a', 'b'],
      );
      const m = buildKubernetesModel([f]);
      assert.deepEqual(
        m.listeners.map((l) => [l.address, l.kind]),
        [
          ['Service a port 80', 'shared'],
          ['Service b port 80', 'dedicated'],
        ],
      );
      // Ranges point into the right document.
      for (const block of f.blocks) assert.equal(textAt(text, { range: block.headerRange }), block.labels[0]);
    }
  });

  test('anchors, aliases and << merge keys are followed', () => {
    const text = [
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: web',
      '  annotations:',
      '    <<: &common',
      '      kubernetes.io/elb.class: union',
      "    kubernetes.io/elb.transparent-client-ip: &on 'true'",
      '    other: *on',
      'spec:',
      '  type: &lb LoadBalancer',
      '  externalTrafficPolicy: Local',
      '  ports: &ports',
      '  - port: 80',
      '',
    ].join('\n');
    const m = buildKubernetesModel([file(text)]);
    const [listener] = m.listeners;
    assert.equal(listener.kind, 'shared');
    assert.equal(listener.clientIp.state, 'on');
    const other = child(m.loadBalancers[0].block, 'annotations').attributes.get('other')!;
    assert.deepEqual(other.expr.kind === 'literal' && other.expr.value, 'true');
    assert.equal(textAt(text, { range: other.valueRange }), '*on');
  });

  test('a key written twice has no known value (kubectl refuses it)', () => {
    const text = service({
      annotations: ["kubernetes.io/elb.transparent-client-ip: 'false'", "kubernetes.io/elb.transparent-client-ip: 'true'"],
    });
    const annotations = child(file(text).blocks[0], 'annotations');
    const attribute = annotations.attributes.get('kubernetes.io/elb.transparent-client-ip')!;
    assert.equal(attribute.expr.kind, 'opaque');
    const m = buildKubernetesModel([file(text)]);
    assert.equal(m.listeners[0].clientIp.state, 'unknown');
  });

  test('syntax errors mark the Service block; other documents stay sound', () => {
    const broken = service({ name: 'broken', annotations: ['kubernetes.io/elb.class: union'] }).replace('  ports:', '\tports:');
    const sound = service({ name: 'sound', annotations: ['kubernetes.io/elb.class: union'] });
    const f = file(`${sound}---\n${broken}`);
    assert.ok(f.syntaxErrors.length > 0);
    const byName = new Map(f.blocks.map((b) => [b.labels[0], b]));
    assert.equal(byName.get('sound')?.hasErrors, false);
    assert.equal(byName.get('broken')?.hasErrors, true);
  });

  test('quoted keys, flow mappings, CRLF line ends and comments', () => {
    const text = [
      'apiVersion: v1',
      'kind: Service',
      'metadata: {name: web, annotations: {"kubernetes.io/elb.class": union, kubernetes.io/elb.id: abc}}',
      'spec: {type: LoadBalancer, ports: [{port: 80, protocol: UDP}]} # flow',
      '',
    ].join('\r\n');
    const f = file(text);
    const m = buildKubernetesModel([f]);
    assert.equal(m.listeners.length, 1);
    assert.equal(m.listeners[0].protocol, 'UDP');
    const cls = child(f.blocks[0], 'annotations').attributes.get('kubernetes.io/elb.class')!;
    assert.equal(textAt(text.replace(/\r/g, ''), { range: cls.nameRange }), '"kubernetes.io/elb.class"');
    assert.equal(f.comments[0].text, '# flow');
  });
});
