import assert from 'node:assert/strict';
import type { Finding, Fix } from '../../server/src/core/types';
import type { ElbLensService } from '../../server/src/service/api';
import type { AnalysisOptions } from '../../server/src/core/options';
import { applyEdits, memoryService, memPath } from '../helpers';

/** JSON text with two-space indentation. */
export function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

export const DEDICATED_LB = {
  id: 'lb-ded',
  name: 'dedicated',
  guaranteed: true,
  vip_address: '192.168.0.10',
  vip_subnet_cidr_id: 'subnet-lb',
};

/** A dedicated load balancer for the listeners below. */
export const LOAD_BALANCER_JSON = json({ loadbalancer: { id: 'lb-1', guaranteed: true } });

/** ELB listeners whose ELB keys start after the first 8 KB: only a json.files glob makes them ELB JSON. */
export const LATE_LISTENERS_JSON = json({
  note: 'x'.repeat(9000),
  listeners: [{ name: 'tcp', protocol: 'TCP', loadbalancer_id: 'lb-1', transparent_client_ip_enable: false }],
});

export const SHARED_LB = { id: 'lb-shr', name: 'shared', guaranteed: false, vip_address: '192.168.0.20' };

/** Findings of every ELB JSON file of the in-memory folder (the folder of the first file). */
export async function jsonFindings(
  files: Record<string, string>,
  options: AnalysisOptions = {},
): Promise<{ findings: Finding[]; service: ElbLensService }> {
  const { service } = await memoryService(files);
  const first = Object.keys(files).find((n) => service.isSupportedFile(memPath(n)));
  if (!first) return { findings: [], service };
  return { findings: [...service.analyzeModule(memPath(first), options).values()].flat(), service };
}

export function ofRule(findings: Finding[], ruleId: string): Finding[] {
  return findings.filter((f) => f.ruleId === ruleId);
}

/** File name (in the memory folder) of a finding or edit. */
export function nameOf(file: string): string {
  return file.replace(/^.*[\\/]/, '');
}

/** Applies a fix to the folder's texts; returns the new texts. */
export function applyFix(files: Record<string, string>, fix: Fix): Record<string, string> {
  const out = { ...files };
  const byFile = new Map<string, Fix['edits']>();
  for (const edit of fix.edits) byFile.set(nameOf(edit.file), [...(byFile.get(nameOf(edit.file)) ?? []), edit]);
  for (const [name, edits] of byFile) {
    assert.ok(name in out, `fix edits an unknown file ${name}`);
    out[name] = applyEdits(out[name], edits);
  }
  return out;
}

/** Every .json file of the folder still parses as strict JSON. */
export function assertStrictJson(files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    if (name.endsWith('.json')) assert.doesNotThrow(() => JSON.parse(text), `${name} is not valid JSON:\n${text}`);
  }
}

/** Applies the fix titled like `title`, checks the result, and returns the re-analysed findings. */
export async function fixAndReanalyse(
  files: Record<string, string>,
  finding: Finding,
  title: RegExp,
): Promise<{ files: Record<string, string>; findings: Finding[] }> {
  const fix = finding.fixes.find((f) => title.test(f.title));
  assert.ok(fix, `no fix matching ${title}; fixes: ${finding.fixes.map((f) => f.title).join(' | ')}`);
  const fixed = applyFix(files, fix);
  assertStrictJson(fixed);
  const { findings } = await jsonFindings(fixed);
  return { files: fixed, findings };
}
