import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import type { Finding } from '../../server/src/core/types';
import { buildKubernetesModel, kubernetesToConfigFile } from '../../server/src/kubernetes';
import { runRules } from '../../server/src/rules/engine';
import { applyEdits, seededRandom } from '../helpers';
import { k8sFindings, service } from './util';

/**
 * Bad and hostile YAML: alias bombs, merge cycles, huge and deep documents, tabs, duplicate
 * keys, broken quoting, binary junk, and random damage to real manifests. Nothing throws,
 * nothing hangs, ranges stay inside the text, and no finding comes out of a Service whose
 * document did not parse.
 */

/** Generous: the point is "finishes", not "fast". */
const SLOW_MS = 20_000;

function analyse(text: string): Finding[] {
  const file = kubernetesToConfigFile('/m/svc.yaml', text);
  const model = buildKubernetesModel([file]);
  const findings = runRules(model, { docsBase: 'docs/rules/' });
  const lines = text.split(/\r?\n|\r/);
  for (const finding of findings) {
    for (const position of [finding.range.start, finding.range.end]) {
      assert.ok(position.line < lines.length, `line ${position.line} inside the text`);
      assert.ok(position.character <= lines[position.line].length, 'character inside the line');
    }
  }
  // Applying edits scans the whole text: only a sample of the fixes of a huge file.
  for (const finding of findings.slice(0, 20)) for (const fix of finding.fixes) applyEdits(text, fix.edits);
  return findings;
}

function timed<T>(what: string, action: () => T): T {
  const started = Date.now();
  const result = action();
  assert.ok(Date.now() - started < SLOW_MS, `${what} took ${Date.now() - started} ms`);
  return result;
}

const BASE = service({ annotations: ['kubernetes.io/elb.class: performance', "kubernetes.io/elb.transparent-client-ip: 'false'"] });

describe('YAML: anchors and aliases', () => {
  test('an alias bomb (billion laughs) in annotations and spec is not expanded', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const text = [
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: bomb',
      '  annotations:',
      ...levels.map((l) => `    ${l}`),
      '    kubernetes.io/elb.class: *i',
      "    kubernetes.io/elb.transparent-client-ip: 'false'",
      'spec:',
      '  type: LoadBalancer',
      '  selector: *i',
      '  ports: *i',
      '',
    ].join('\n');
    const findings = timed('the alias bomb', () => analyse(text));
    assert.deepEqual(findings, [], 'a class that is a list is no class');
  });

  test('aliases to missing anchors, self-merges and merge cycles', () => {
    const text = [
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: cyc',
      '  annotations: &x',
      '    <<: [*x, *nowhere]',
      '    kubernetes.io/elb.class: performance',
      "    kubernetes.io/elb.transparent-client-ip: 'false'",
      'spec: &s',
      '  <<: *s',
      '  type: LoadBalancer',
      '  ports:',
      '  - &p',
      '    <<: *p',
      '    port: 80',
      '',
    ].join('\n');
    const findings = timed('merge cycles', () => analyse(text));
    assert.deepEqual(
      findings.map((f) => f.ruleId),
      ['client-ip-always-on'],
    );
  });
});

describe('YAML: huge inputs', () => {
  test('2 000 Services in one stream', () => {
    const one = service({
      annotations: ['kubernetes.io/elb.class: performance', "kubernetes.io/elb.transparent-client-ip: 'false'"],
      spec: ['externalTrafficPolicy: Local'],
    });
    const text = Array.from({ length: 2000 }, (_, i) => one.replace('name: web', `name: web-${i}`)).join('---\n');
    const findings = timed('2 000 Services', () => analyse(text));
    assert.equal(findings.length, 2000);
  });

  test('a Service with 50 000 annotations and 1 000 ports', () => {
    const annotations = Array.from({ length: 50_000 }, (_, i) => `example.com/a${i}: "${i}"`);
    const ports = Array.from({ length: 1000 }, (_, i) => `  - port: ${i + 1}`);
    const text = service({
      annotations: ['kubernetes.io/elb.class: union', ...annotations],
      ports,
      spec: ['externalTrafficPolicy: Local'],
    });
    const findings = timed('a huge Service', () => analyse(text));
    assert.equal(findings.length, 1000, 'shared-l4-off on each port');
  });

  test('nesting 20 000 levels deep, and a 1 MB scalar', () => {
    timed('deep flow nesting', () => analyse(`${BASE}---\na: ${'['.repeat(20_000)}\n`));
    timed('deep block nesting', () => analyse(`${BASE}---\n${Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')}\n`));
    const big = timed('a 1 MB scalar', () => analyse(BASE.replace('name: web', `name: web\n  labels: {x: "${'y'.repeat(1024 * 1024)}"}`)));
    assert.equal(big.length, 1);
  });

  test('through the service, files over the size limit are skipped, not parsed', async () => {
    const text = `${BASE}# ${'x'.repeat(5 * 1024 * 1024)}\n`;
    const { findings } = await k8sFindings(text);
    assert.deepEqual(findings, []);
  });
});

describe('YAML: broken input', () => {
  const broken: [string, string][] = [
    ['a tab used for indentation', BASE.replace('  annotations:', '\tannotations:')],
    ['an unclosed quote', BASE.replace("'false'", "'false")],
    ['a key without a colon', BASE.replace('spec:', 'spec')],
    ['a stray closing bracket', BASE.replace('kind: Service', 'kind: Service]')],
    ['a document cut in half', BASE.slice(0, BASE.indexOf('spec:') + 12)],
  ];
  for (const [what, text] of broken) {
    test(`${what}: no throw, and nothing from the broken Service`, () => {
      const findings = analyse(text);
      const file = kubernetesToConfigFile('/m/svc.yaml', text);
      for (const finding of findings) {
        const block = file.blocks.find(
          (b) => b.range.start.line <= finding.range.start.line && finding.range.start.line <= b.range.end.line,
        );
        assert.equal(block?.hasErrors, false, `${finding.ruleId} in a Service with errors`);
      }
    });
  }

  test('a duplicate key makes the value unknown: silence', () => {
    const text = BASE.replace(
      "kubernetes.io/elb.transparent-client-ip: 'false'",
      "kubernetes.io/elb.transparent-client-ip: 'false'\n    kubernetes.io/elb.transparent-client-ip: 'false'",
    );
    assert.deepEqual(analyse(text), []);
    const twice = BASE.replace(
      'kubernetes.io/elb.class: performance',
      'kubernetes.io/elb.class: performance\n    kubernetes.io/elb.class: union',
    );
    assert.deepEqual(analyse(twice), [], 'a class written twice is unknown');
  });

  test('BOM, CRLF, NUL, empty files, comment-only files, JSON-style YAML', () => {
    assert.equal(analyse(`\ufeff${BASE}`).length, 1);
    assert.equal(analyse(BASE.replace(/\n/g, '\r\n')).length, 1);
    for (const text of [
      '',
      '\n',
      '# only a comment\n',
      '---\n---\n',
      '\u0000\u0001\u0002',
      '{"apiVersion": "v1", "kind": "Service"}',
      '[1, 2',
    ]) {
      assert.deepEqual(analyse(text), [], JSON.stringify(text));
    }
    const json = JSON.stringify({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: 'j',
        annotations: { 'kubernetes.io/elb.class': 'performance', 'kubernetes.io/elb.transparent-client-ip': 'false' },
      },
      spec: { type: 'LoadBalancer', ports: [{ port: 80 }] },
    });
    assert.deepEqual(
      analyse(json).map((f) => f.ruleId),
      ['client-ip-always-on'],
    );
  });
});

describe('YAML: random damage to the examples', () => {
  test('600 mutated manifests: no throw, ranges inside the text, fixes apply', () => {
    const dir = path.resolve(__dirname, '..', '..', '..', 'examples', 'kubernetes');
    const sources = fs
      .readdirSync(dir)
      .filter((n) => n.endsWith('.yaml'))
      .map((n) => fs.readFileSync(path.join(dir, n), 'utf8'));
    const r = seededRandom(17);
    const pieces = [
      ' ',
      '\t',
      '\n',
      ':',
      '- ',
      '"',
      "'",
      '{',
      '}',
      '[',
      ']',
      '&a ',
      '*a',
      '<<: *a\n',
      '---\n',
      '#',
      '|\n',
      'true',
      'kubernetes.io/elb.',
    ];
    timed('the fuzz run', () => {
      for (let i = 0; i < 600; i++) {
        let text = sources[Math.floor(r() * sources.length)];
        for (let edits = 1 + Math.floor(r() * 4); edits > 0; edits--) {
          const at = Math.floor(r() * text.length);
          const roll = r();
          if (roll < 0.4) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(r() * 20));
          else if (roll < 0.8) text = text.slice(0, at) + pieces[Math.floor(r() * pieces.length)] + text.slice(at);
          else text = text.slice(0, at) + text.slice(Math.floor(r() * text.length));
        }
        analyse(text);
      }
    });
  });
});
