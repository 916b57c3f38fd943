import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { FileTextEdit, Finding, Position } from '../server/src/core/types';
import type { ElbLensService } from '../server/src/service/api';
import type { ServiceHost } from '../server/src/core/host';
import { createElbLensService } from '../server/src/service/service';

/** An in-memory file system: absolute path → text. */
export class MemoryHost implements ServiceHost {
  readonly files = new Map<string, string>();

  constructor(files: Record<string, string> = {}) {
    for (const [name, text] of Object.entries(files)) this.files.set(path.resolve('/mem', name), text);
  }

  readFile(filePath: string): string | undefined {
    return this.files.get(filePath);
  }

  readDirectory(dirPath: string): string[] {
    const names: string[] = [];
    for (const file of this.files.keys()) if (path.dirname(file) === dirPath) names.push(path.basename(file));
    return names;
  }
}

/** Absolute path of a file of the in-memory module. */
export function memPath(name: string): string {
  return path.resolve('/mem', name);
}

export async function memoryService(files: Record<string, string>): Promise<{ service: ElbLensService; host: MemoryHost }> {
  const host = new MemoryHost(files);
  const service = await createElbLensService(host);
  service.setWorkspaceFiles(host.files.keys());
  return { service, host };
}

/** All findings of the module, flattened, for the file names given. */
export async function analyze(files: Record<string, string>): Promise<Finding[]> {
  const { service } = await memoryService(files);
  const first = Object.keys(files).find((n) => n.endsWith('.tf') || n.endsWith('.tf.json'));
  if (!first) return [];
  return [...service.analyzeModule(memPath(first)).values()].flat();
}

export function ofRule(findings: Finding[], ruleId: string): Finding[] {
  return findings.filter((f) => f.ruleId === ruleId);
}

/** Applies edits to a text (edits must not overlap), last first. */
export function applyEdits(text: string, edits: FileTextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (p: Position) => Math.min((lineStarts[p.line] ?? text.length) + p.character, text.length);
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let result = text;
  for (const edit of sorted) result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end));
  return result;
}

/** The text a range covers in a file of the in-memory module. */
export function textAt(text: string, finding: Finding): string {
  const lines = text.split('\n');
  const { start, end } = finding.range;
  if (start.line === end.line) return lines[start.line].slice(start.character, end.character);
  return [lines[start.line].slice(start.character), ...lines.slice(start.line + 1, end.line), lines[end.line].slice(0, end.character)].join(
    '\n',
  );
}

/** Splits `source` at the first `|` cursor marker: the text without it and the cursor position. */
export function withCursor(source: string): { text: string; position: Position } {
  const index = source.indexOf('|');
  if (index < 0) throw new Error('no | cursor marker');
  const before = source.slice(0, index);
  const line = before.split('\n').length - 1;
  const character = index - (before.lastIndexOf('\n') + 1);
  return { text: source.slice(0, index) + source.slice(index + 1), position: { line, character } };
}

/** Whether this is a CI run (`CI` set, and not to `false` or `0`). */
export const ON_CI = !!process.env.CI && !/^(false|0)$/i.test(process.env.CI);

/**
 * A test needs a tool (or data) that is not here. On CI that fails the test, with the
 * reason: every check either runs or fails there. Elsewhere the test is marked skipped,
 * with the reason, and it goes on without the check.
 */
export function needsMissing(t: TestContext, reason: string): void {
  if (ON_CI) assert.fail(`${reason}; CI=${process.env.CI}, so this fails instead of skipping (install it, or run without CI=true)`);
  t.skip(reason);
}

/** Whether `terraform` runs here; probed once. */
let terraformInstalled: boolean | undefined;

/** Runs `terraform fmt -check` on a text; undefined when terraform is not installed. */
export function terraformFmtAccepts(text: string): boolean | undefined {
  terraformInstalled ??= spawnSync('terraform', ['version'], { encoding: 'utf8' }).status === 0;
  if (!terraformInstalled) return undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'elb-lens-fmt-'));
  try {
    const file = path.join(dir, 'main.tf');
    fs.writeFileSync(file, text);
    const result = spawnSync('terraform', ['fmt', '-check', file], { encoding: 'utf8' });
    return result.status === 0;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Whether terraform parses a text (`terraform fmt -` reads it: it fails on a syntax error and
 * only on that); undefined when terraform is not installed. A syntax oracle for the parser.
 */
export function terraformParses(text: string): boolean | undefined {
  terraformInstalled ??= spawnSync('terraform', ['version'], { encoding: 'utf8' }).status === 0;
  if (!terraformInstalled) return undefined;
  const result = spawnSync('terraform', ['fmt', '-no-color', '-'], { input: text, encoding: 'utf8' });
  return result.status === 0;
}

export const CORPUS_DIR = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus');

/**
 * Asserts that `terraform fmt -check` accepts the text. When terraform is not installed
 * the test fails on CI and is marked skipped elsewhere, with the reason either way, so a
 * missing check never passes silently.
 */
export function assertFmtAccepts(t: TestContext, text: string): void {
  const accepted = terraformFmtAccepts(text);
  if (accepted === undefined) {
    needsMissing(t, 'terraform is not installed (not on PATH): the terraform fmt -check of the fixed text cannot run');
    return;
  }
  if (!accepted) {
    const formatted = spawnSync('terraform', ['fmt', '-'], { input: text, encoding: 'utf8' });
    throw new Error(`terraform fmt -check rejects the text:\n${text}\nterraform fmt would write:\n${formatted.stdout || formatted.stderr}`);
  }
}

/** `ruleId: message` of each finding, sorted: comparable across edits, which move ranges. */
export function findingKeys(findings: Finding[]): string[] {
  return findings.map((f) => `${f.ruleId}: ${f.message}`).sort();
}

/** The module's files after applying `edits` (which name files by absolute path). */
export function applyEditsToFiles(files: Record<string, string>, edits: FileTextEdit[]): Record<string, string> {
  const result: Record<string, string> = { ...files };
  for (const name of Object.keys(files)) {
    const own = edits.filter((e) => e.file === memPath(name));
    if (own.length > 0) result[name] = applyEdits(files[name], own);
  }
  const unknownFiles = edits.filter((e) => !Object.keys(files).some((name) => memPath(name) === e.file));
  if (unknownFiles.length > 0) throw new Error(`edits for files outside the module: ${unknownFiles.map((e) => e.file).join(', ')}`);
  return result;
}

/**
 * Applies a fix to the in-memory module and re-analyses it. Every file the fix changed
 * must still be valid: `.tf` files are checked with `terraform fmt -check`, JSON files
 * must parse.
 */
export async function applyFixToModule(
  t: TestContext,
  files: Record<string, string>,
  edits: FileTextEdit[],
): Promise<{ files: Record<string, string>; findings: Finding[] }> {
  const fixed = applyEditsToFiles(files, edits);
  for (const [name, text] of Object.entries(fixed)) {
    if (text === files[name]) continue;
    if (name.endsWith('.json')) assert.doesNotThrow(() => JSON.parse(text), `${name} is no longer valid JSON:\n${text}`);
    else if (name.endsWith('.tf')) assertFmtAccepts(t, text);
  }
  return { files: fixed, findings: await analyze(fixed) };
}

/** The keys of `findings` without one occurrence of `removed`. */
export function keysWithout(findings: Finding[], removed: Finding): string[] {
  const keys = findingKeys(findings);
  const [key] = findingKeys([removed]);
  const index = keys.indexOf(key);
  if (index < 0) throw new Error(`finding not among the findings: ${key}`);
  keys.splice(index, 1);
  return keys;
}

/** A small deterministic generator (mulberry32), so that a failing random case can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
