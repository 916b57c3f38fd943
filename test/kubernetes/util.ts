import assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import type { Finding, Fix } from '../../server/src/core/types';
import type { ElbLensService } from '../../server/src/service/api';
import type { AnalysisOptions } from '../../server/src/core/options';
import { applyEdits, memoryService, memPath } from '../helpers';

/** A v1 Service of type LoadBalancer; `annotations` and `spec` are YAML lines (indented as shown). */
export function service(options: { name?: string; annotations: string[]; spec?: string[]; ports?: string[] }): string {
  const ports = options.ports ?? ['  - port: 80', '    protocol: TCP'];
  return [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    `  name: ${options.name ?? 'web'}`,
    '  annotations:',
    ...options.annotations.map((a) => `    ${a}`),
    'spec:',
    '  type: LoadBalancer',
    ...(options.spec ?? []).map((s) => `  ${s}`),
    '  ports:',
    ...ports,
    '',
  ].join('\n');
}

/** Findings of one manifest `svc.yaml` in an in-memory folder. */
export async function k8sFindings(
  text: string,
  options: AnalysisOptions = {},
  name = 'svc.yaml',
): Promise<{ findings: Finding[]; service: ElbLensService }> {
  const { service: svc } = await memoryService({ [name]: text });
  return { findings: svc.analyzeFile(memPath(name), options), service: svc };
}

export function ofRule(findings: Finding[], ruleId: string): Finding[] {
  return findings.filter((f) => f.ruleId === ruleId);
}

/** The YAML must still parse, without errors, after a fix. */
export function assertYamlParses(text: string): void {
  const docs = parseAllDocuments(text, { uniqueKeys: true });
  const list = Array.isArray(docs) ? docs : [];
  for (const doc of list)
    assert.deepEqual(
      doc.errors.map((e) => e.message),
      [],
      `the fixed YAML does not parse:\n${text}`,
    );
}

/** Applies a fix to the manifest text, checks that it still parses, and re-analyses it. */
export async function applyK8sFix(text: string, fix: Fix, options: AnalysisOptions = {}): Promise<{ text: string; findings: Finding[] }> {
  assert.ok(fix.edits.length > 0, `the fix "${fix.title}" has no edits`);
  for (const edit of fix.edits) assert.equal(edit.file, memPath('svc.yaml'));
  const fixed = applyEdits(text, fix.edits);
  assertYamlParses(fixed);
  return { text: fixed, findings: (await k8sFindings(fixed, options)).findings };
}

/** The text a finding's range covers. */
export function textAt(text: string, finding: { range: Finding['range'] }): string {
  const lines = text.split('\n');
  const { start, end } = finding.range;
  if (start.line === end.line) return lines[start.line].slice(start.character, end.character);
  return [lines[start.line].slice(start.character), ...lines.slice(start.line + 1, end.line), lines[end.line].slice(0, end.character)].join(
    '\n',
  );
}

/** The value of a key in the first document after parsing (a dotted path). */
export function yamlValue(text: string, pathKeys: (string | number)[], doc = 0): unknown {
  const docs = parseAllDocuments(text);
  const list = Array.isArray(docs) ? docs : [];
  return list[doc]?.getIn(pathKeys);
}

/** The annotations of both families (CCE and cloud-provider-huaweicloud), for rule tests that cover each. */
export const CCE = {
  shared: 'kubernetes.io/elb.class: union',
  dedicated: 'kubernetes.io/elb.class: performance',
  ip: 'kubernetes.io/elb.transparent-client-ip',
};
export const OSS = {
  shared: 'kubernetes.io/elb.class: shared',
  dedicated: 'kubernetes.io/elb.class: dedicated',
  ip: 'kubernetes.io/elb.enable-transparent-client-ip',
};
export const FAMILIES: [string, typeof CCE][] = [
  ['CCE', CCE],
  ['cloud-provider-huaweicloud', OSS],
];
