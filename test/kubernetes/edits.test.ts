import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FileTextEdit } from '../../server/src/core/types';
import { addAttribute, removeAttribute, renameAttribute, replaceValue } from '../../server/src/fixes/edits';
import { kubernetesToConfigFile } from '../../server/src/kubernetes';
import type { ConfigBlock, ConfigFile } from '../../server/src/parse/config';
import { applyEdits } from '../helpers';
import { assertYamlParses, yamlValue } from './util';

function parts(text: string) {
  const file = kubernetesToConfigFile('/m/svc.yaml', text);
  const svc = file.blocks[0];
  assert.ok(svc, 'a Service');
  const annotations = svc.blocks.find((b) => b.type === 'annotations') as ConfigBlock;
  const spec = svc.blocks.find((b) => b.type === 'spec') as ConfigBlock;
  return { file, annotations, spec };
}

function apply(file: ConfigFile, edits: FileTextEdit[]): string {
  const text = applyEdits(file.text.replace(/\r\n/g, '\n'), edits);
  assertYamlParses(text);
  return text;
}

const BLOCK = `apiVersion: v1
kind: Service
metadata:
  name: web
  annotations:
    # which load balancer
    kubernetes.io/elb.class: union   # shared
    kubernetes.io/elb.id: "0b5c"
    kubernetes.io/elb.transparent-client-ip: 'false'
    note: |
      two
      lines
spec:
  type: LoadBalancer
  ports:
  - port: 80
`;

describe('YAML edits: replace a value', () => {
  const cases: [string, string, string][] = [
    ['kubernetes.io/elb.transparent-client-ip', '"true"', "kubernetes.io/elb.transparent-client-ip: 'true'"],
    ['kubernetes.io/elb.id', '"x\'y"', 'kubernetes.io/elb.id: "x\'y"'],
    ['kubernetes.io/elb.class', '"performance"', 'kubernetes.io/elb.class: performance   # shared'],
    // The mapping's first quoted value uses double quotes.
    ['kubernetes.io/elb.class', '"true"', 'kubernetes.io/elb.class: "true"   # shared'],
    ['kubernetes.io/elb.class', '"two words: here"', 'kubernetes.io/elb.class: "two words: here"   # shared'],
  ];
  for (const [name, value, line] of cases) {
    test(`${name} ← ${value}: quoting kept or chosen so that it reads back as a string`, () => {
      const { file, annotations } = parts(BLOCK);
      const text = apply(file, replaceValue(file, annotations.attributes.get(name)!, value));
      assert.ok(text.includes(`    ${line}\n`), text);
      assert.equal(yamlValue(text, ['metadata', 'annotations', name]), JSON.parse(value));
    });
  }

  test('a key without a value gets one', () => {
    const { file, spec } = parts(BLOCK.replace('  type: LoadBalancer\n', '  type: LoadBalancer\n  externalTrafficPolicy:\n'));
    const text = apply(file, replaceValue(file, spec.attributes.get('externalTrafficPolicy')!, '"Local"'));
    assert.ok(text.includes('\n  externalTrafficPolicy: Local\n'), text);
  });

  test('an alias is replaced by the value', () => {
    const { file, spec } = parts(
      BLOCK.replace('  type: LoadBalancer\n', '  type: LoadBalancer\n  externalTrafficPolicy: *policy\n').replace(
        'name: web',
        'name: &policy Cluster',
      ),
    );
    const text = apply(file, replaceValue(file, spec.attributes.get('externalTrafficPolicy')!, '"Local"'));
    assert.equal(yamlValue(text, ['spec', 'externalTrafficPolicy']), 'Local');
  });
});

describe('YAML edits: remove an entry', () => {
  test('its lines and trailing comment go; the comment above the mapping stays', () => {
    const { file, annotations } = parts(BLOCK);
    const text = apply(file, removeAttribute(file, annotations, annotations.attributes.get('kubernetes.io/elb.class')!));
    assert.ok(text.includes('  annotations:\n    # which load balancer\n    kubernetes.io/elb.id: "0b5c"\n'), text);
  });

  test('a block scalar goes with all its lines', () => {
    const { file, annotations } = parts(BLOCK);
    const text = apply(file, removeAttribute(file, annotations, annotations.attributes.get('note')!));
    assert.ok(text.includes("kubernetes.io/elb.transparent-client-ip: 'false'\nspec:\n"), text);
  });

  test('in a flow mapping: first, middle, last and only entries', () => {
    const flow = (inner: string) =>
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: w\n  annotations: {${inner}}\nspec: {type: LoadBalancer}\n`;
    const cases: [string, string, string][] = [
      ['a: "1", b: "2", c: "3"', 'a', '{b: "2", c: "3"}'],
      ['a: "1", b: "2", c: "3"', 'b', '{a: "1", c: "3"}'],
      ['a: "1", b: "2", c: "3"', 'c', '{a: "1", b: "2"}'],
      ['a: "1"', 'a', '{}'],
    ];
    for (const [inner, key, expected] of cases) {
      const { file, annotations } = parts(flow(inner));
      const text = apply(file, removeAttribute(file, annotations, annotations.attributes.get(key)!));
      assert.ok(text.includes(`  annotations: ${expected}\n`), text);
    }
  });

  test('the last line of a file without a final line break', () => {
    const source =
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: w\n  annotations:\n    a: "1"\nspec:\n  type: LoadBalancer\n  externalTrafficPolicy: Cluster';
    const { file, spec } = parts(source);
    const text = apply(file, removeAttribute(file, spec, spec.attributes.get('externalTrafficPolicy')!));
    assert.equal(text, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: w\n  annotations:\n    a: "1"\nspec:\n  type: LoadBalancer');
  });
});

describe('YAML edits: add an entry', () => {
  test('after the last entry, with its indentation (four spaces, CRLF kept)', () => {
    const source = [
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '    name: web',
      '    annotations:',
      '        kubernetes.io/elb.class: union',
      "        kubernetes.io/elb.id: '0b5c'",
      'spec:',
      '    type: LoadBalancer',
      '',
    ].join('\r\n');
    const { file, annotations } = parts(source);
    const edits = addAttribute(file, annotations, 'kubernetes.io/elb.transparent-client-ip', '"true"', 'true');
    const text = applyEdits(source, edits);
    assert.ok(text.includes("\r\n        kubernetes.io/elb.transparent-client-ip: 'true'\r\nspec:"), JSON.stringify(text));
    assertYamlParses(text);
  });

  test('after a block scalar and after a nested list', () => {
    const { file, annotations, spec } = parts(BLOCK);
    let text = apply(file, addAttribute(file, annotations, 'k', '"v"', 'v'));
    assert.ok(text.includes('      lines\n    k: v\nspec:'), text);
    text = apply(file, addAttribute(file, spec, 'externalTrafficPolicy', '"Local"', 'Local'));
    assert.ok(text.endsWith('  - port: 80\n  externalTrafficPolicy: Local\n'), text);
  });

  test('in flow mappings: empty and not', () => {
    const flow = (inner: string) =>
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: w\n  annotations: {${inner}}\nspec: {type: LoadBalancer}\n`;
    for (const [inner, expected] of [
      ['', '{ k: v }'],
      ['a: "1"', '{a: "1", k: v}'],
      [' a: b ', '{ a: b, k: v }'],
    ]) {
      const { file, annotations } = parts(flow(inner));
      const text = apply(file, addAttribute(file, annotations, 'k', '"v"', 'v'));
      assert.ok(text.includes(`  annotations: ${expected}\n`), text);
    }
  });

  test('values that need quotes get them; booleans and numbers stay what they are', () => {
    const { file, spec } = parts(BLOCK);
    for (const [value, written] of [
      ['true', "'true'"],
      ['on', "'on'"],
      ['8080', "'8080'"],
      ['a: b', "'a: b'"],
      ['Local', 'Local'],
    ]) {
      const text = apply(file, addAttribute(file, spec, 'x', JSON.stringify(value), value));
      assert.ok(text.includes(`  x: ${written}\n`), text);
      assert.equal(yamlValue(text, ['spec', 'x']), value);
    }
    const bool = apply(file, addAttribute(file, spec, 'allocateLoadBalancerNodePorts', 'false', false));
    assert.equal(yamlValue(bool, ['spec', 'allocateLoadBalancerNodePorts']), false);
  });
});

describe('YAML edits: rename a key', () => {
  test('plain and quoted keys', () => {
    const source = BLOCK.replace('kubernetes.io/elb.id:', '"kubernetes.io/elb.idd":');
    const { file, annotations } = parts(source);
    let text = apply(file, renameAttribute(file, annotations.attributes.get('kubernetes.io/elb.idd')!, 'kubernetes.io/elb.id'));
    assert.ok(text.includes('    "kubernetes.io/elb.id": "0b5c"\n'), text);
    text = apply(file, renameAttribute(file, annotations.attributes.get('kubernetes.io/elb.class')!, 'kubernetes.io/elb.klass'));
    assert.ok(text.includes('    kubernetes.io/elb.klass: union   # shared\n'), text);
  });
});
