import * as path from 'path';
import type { Finding } from '../core/types';
import { kindByName } from '../project';
import { LineIndex } from '../parse/positions';

/**
 * `elb-lens check -`: one stream from standard input, as CI pipelines pipe rendered manifests
 * (`helm template … | elb-lens check -`, `kustomize build … | elb-lens check -`). It is
 * analysed as an open document under a path of its own; `--stdin-filename` names it (and its
 * extension says what it is), else it is Kubernetes YAML reported as `<stdin>`.
 */

/** Standard input is read up to this size; a larger stream is a usage error, not a truncated check. */
export const MAX_STDIN_CHARS = 64 * 1024 * 1024;

export interface StdinInput {
  /** Where the service sees it (never a file that is written). */
  path: string;
  /** The path findings are reported under. */
  shownAs: string;
  text: string;
  /** Read as Kubernetes YAML whatever its content. */
  kubernetes: boolean;
}

export function stdinInput(text: string, cwd: string, stdinFilename: string | undefined): StdinInput {
  const named = stdinFilename !== undefined ? path.resolve(cwd, stdinFilename) : undefined;
  const kubernetes = named === undefined || kindByName(named) === 'yaml';
  // Without a name: a YAML path of its own, reported as `<stdin>`.
  const internal = named ?? path.join(cwd, '<stdin>.yaml');
  return { path: internal, shownAs: named ?? path.join(cwd, '<stdin>'), text, kubernetes };
}

/** Reads the process's standard input to its end. */
export function readProcessStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    process.stdin.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_STDIN_CHARS) {
        reject(new Error(`standard input is larger than ${MAX_STDIN_CHARS / 2 ** 20} MB`));
        process.stdin.destroy();
        return;
      }
      chunks.push(chunk);
    });
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

const SOURCE = /^# Source: (\S.*?)\s*$/;

/**
 * Findings of the stream under the name it is shown as; `helm template` writes `# Source:
 * <chart>/templates/<file>` before each document, and a finding in that document names it
 * (in its message and as a related location on the comment).
 */
export function stdinFindings(findings: readonly Finding[], input: StdinInput): Finding[] {
  const lines = new LineIndex(input.text);
  const sources: { line: number; template: string }[] = [];
  const all = input.text.split('\n');
  all.forEach((text, line) => {
    const match = SOURCE.exec(text.replace(/\r$/, ''));
    if (match) sources.push({ line, template: match[1] });
  });
  const documentStart = (line: number) => {
    for (let l = line; l >= 0; l--) if (/^---\s*($|#)/.test(all[l] ?? '')) return l;
    return 0;
  };
  return findings.map((finding) => {
    const rename = (file: string) => (file === input.path ? input.shownAs : file);
    const renamed: Finding = {
      ...finding,
      file: rename(finding.file),
      related: finding.related.map((r) => ({ ...r, file: rename(r.file) })),
      fixes: finding.fixes.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, file: rename(e.file) })) })),
    };
    if (finding.file !== input.path) return renamed;
    const start = documentStart(finding.range.start.line);
    const source = [...sources].reverse().find((s) => s.line <= finding.range.start.line && s.line >= start);
    if (!source) return renamed;
    const range = lines.range(lines.lineStart(source.line), lines.lineEnd(source.line));
    return {
      ...renamed,
      message: `${finding.message} (Rendered from ${source.template}.)`,
      related: [...renamed.related, { file: input.shownAs, range, message: `rendered from ${source.template}` }],
    };
  });
}
