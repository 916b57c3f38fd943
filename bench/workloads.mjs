// Deterministic workloads for the benchmarks, generated from the shared corpus
// (../shared/corpus/terraform): the same input on every machine and every run.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CORPUS = process.env.ELB_LENS_CORPUS ?? path.resolve(ROOT, '..', 'shared', 'corpus', 'terraform');

function walk(dir, files = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) walk(full, files);
    else if (e.name.endsWith('.tf')) files.push(full);
  }
  return files;
}

/** Corpus .tf files in a fixed order, without the documentation fragments ("...") that are not HCL. */
export function corpusFiles() {
  return walk(CORPUS).filter((f) => !fs.readFileSync(f, 'utf8').includes('...'));
}

/** The listener the editing benchmark types into: it has a finding (and so a quick fix). */
export const BENCH_LISTENER = `resource "huaweicloud_elb_loadbalancer" "bench" {
  name = "bench"
}

resource "huaweicloud_elb_listener" "bench" {
  loadbalancer_id              = huaweicloud_elb_loadbalancer.bench.id
  description                  = "bench"
  protocol                     = "TCP"
  transparent_client_ip_enable = "false"
}
`;

/**
 * A module of about `lines` lines: the load balancer files of the corpus, concatenated and
 * replicated (resource names suffixed per copy so every address is unique), with the bench
 * listener in the middle, where an edit moves half of the file.
 */
export function editingModule(lines) {
  const sources = corpusFiles()
    .filter((f) => f.includes(`${path.sep}elb${path.sep}`))
    .map((f) => fs.readFileSync(f, 'utf8'));
  const parts = [];
  let count = 0;
  for (let copy = 0; count < lines; copy++) {
    for (const source of sources) {
      const text = source.replace(
        /^(resource|data)(\s+"[^"]+"\s+)"([^"]+)"/gm,
        (_m, kind, type, name) => `${kind}${type}"${name}_${copy}"`,
      );
      parts.push(text.endsWith('\n') ? text : text + '\n');
      count += text.split('\n').length;
      if (count >= lines) break;
    }
  }
  let middle = 0;
  for (let seen = 0; middle < parts.length && seen < count / 2; middle++) seen += parts[middle].split('\n').length;
  parts.splice(middle, 0, BENCH_LISTENER);
  const text = parts.join('\n');
  const listenerLine = text.slice(0, text.indexOf('resource "huaweicloud_elb_listener" "bench"')).split('\n').length - 1;
  return { text, lineCount: text.split('\n').length, listenerLine };
}

/** 1,000 files in 100 modules (10 corpus files each, in corpus order), in a new temporary directory. */
export function workspaceTree(modules = 100, filesPerModule = 10) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'elb-lens-bench-ws-'));
  const files = corpusFiles();
  let bytes = 0;
  const paths = [];
  for (let m = 0; m < modules; m++) {
    const moduleDir = path.join(dir, `module-${String(m).padStart(3, '0')}`);
    fs.mkdirSync(moduleDir);
    for (let f = 0; f < filesPerModule; f++) {
      const text = fs.readFileSync(files[(m * filesPerModule + f) % files.length]);
      bytes += text.length;
      const file = path.join(moduleDir, `file-${f}.tf`);
      fs.writeFileSync(file, text);
      paths.push(file);
    }
  }
  return { dir, bytes, files: paths, modules: fs.readdirSync(dir).map((m) => path.join(dir, m)) };
}
