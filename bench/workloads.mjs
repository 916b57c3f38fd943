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
 * listener in the middle, where an edit moves half of the file. `lines` 0 gives the bench
 * listener alone (11 lines): the tiny file that the editing benchmark types into alongside.
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

/**
 * Makes every name a file declares unique with `suffix`: resources, data sources, variables,
 * module calls and outputs, and the references to them in the same file (`type.name`,
 * `data.type.name`, `var.name`, `module.name`), so that many copies of corpus files can sit
 * in one module with unique addresses. Locals are left alone (11 corpus files have any).
 */
export function uniqueNames(text, suffix) {
  const blocks = new Map();
  const names = { var: new Set(), module: new Set() };
  const label = '"?([\\w-]+)"?';
  text = text.replace(new RegExp(`^(resource|data)(\\s+)${label}(\\s+)${label}`, 'gm'), (_m, kind, s1, type, s2, name) => {
    blocks.set(`${type}.${name}`, `${type}.${name}${suffix}`);
    return `${kind}${s1}"${type}"${s2}"${name}${suffix}"`;
  });
  text = text.replace(new RegExp(`^(variable|module|output)(\\s+)${label}`, 'gm'), (_m, kind, s1, name) => {
    if (kind === 'variable') names.var.add(name);
    if (kind === 'module') names.module.add(name);
    return `${kind}${s1}"${name}${suffix}"`;
  });
  const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const rewrite = (from, to) => {
    text = text.replace(new RegExp(`(?<![\\w.-])(data\\.)?${escape(from)}(?![\\w-])`, 'g'), (_m, data) => `${data ?? ''}${to}`);
  };
  for (const [from, to] of blocks) rewrite(from, to);
  for (const name of names.var) rewrite(`var.${name}`, `var.${name}${suffix}`);
  for (const name of names.module) rewrite(`module.${name}`, `module.${name}${suffix}`);
  return { text, variables: [...names.var].map((n) => `${n}${suffix}`) };
}

/** Every `step`-th element of `xs`, `count` of them, starting at `offset` (wrapping around). */
function spread(xs, count, offset = 0) {
  const step = xs.length / count;
  return Array.from({ length: count }, (_, i) => xs[(offset + Math.floor(i * step)) % xs.length]);
}

const isElbFile = (f) => f.includes(`${path.sep}elb${path.sep}`);
const isOtherFile = (f) => f.includes(`${path.sep}other${path.sep}`);

/**
 * The files of one module of `count` files (a multiple of 320) for the module-size benchmark:
 * the same 320 corpus files (32 load balancer files from the corpus `elb` folders, so the
 * module needs a full analysis, and 288 provider examples from the `other` folders, all
 * three providers) repeated count / 320 times, with unique file names and every declared
 * name suffixed by the file's number, so that every size has the same mix.
 */
export function moduleOfSize(dir, count) {
  const files = corpusFiles();
  const base = [...spread(files.filter(isElbFile), 32), ...spread(files.filter(isOtherFile), 288)];
  fs.mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const source = base[i % base.length];
    const { text } = uniqueNames(fs.readFileSync(source, 'utf8'), `_f${i}`);
    bytes += Buffer.byteLength(text);
    fs.writeFileSync(path.join(dir, `f${String(i).padStart(4, '0')}-${path.basename(source)}`), text);
  }
  return { dir, files: count, bytes };
}

/** Counts the files and bytes of a tree (.tf files; the corpus has no others). */
function treeSize(dir) {
  const files = walk(dir);
  return { files: files.length, bytes: files.reduce((sum, f) => sum + fs.statSync(f).size, 0) };
}

/** The corpus (every .tf file, as it is) copied `copies` times into a new temporary directory. */
export function corpusCopies(copies = 4) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'elb-lens-bench-copies-'));
  for (let i = 0; i < copies; i++) fs.cpSync(CORPUS, path.join(dir, `copy-${i}`), { recursive: true });
  return { dir, ...treeSize(dir) };
}

/**
 * A monorepo of `modules` folders × `filesPerModule` files in a new temporary directory:
 * provider examples from the corpus `other` folders (not load balancers), except every
 * `elbEvery`-th folder, whose first 8 files are load balancer files; and `calls` folders
 * whose first file calls another folder as a module (half of them an ELB folder, passing
 * three of its variables, half a folder without ELB resources).
 */
export function monorepo({ modules = 400, filesPerModule = 50, elbEvery = 25, calls = 16 } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'elb-lens-bench-mono-'));
  const files = corpusFiles();
  const elb = files.filter(isElbFile);
  const other = files.filter(isOtherFile);
  const name = (m) => `svc-${String(m).padStart(3, '0')}`;
  const elbModules = [];
  const variablesOf = new Map();
  let n = 0;
  for (let m = 0; m < modules; m++) {
    const moduleDir = path.join(dir, name(m));
    fs.mkdirSync(moduleDir);
    const isElb = m % elbEvery === elbEvery - 1;
    if (isElb) elbModules.push(m);
    const variables = [];
    for (let f = 0; f < filesPerModule; f++) {
      const source = isElb && f < 8 ? elb[(elbModules.length * 8 + f) % elb.length] : other[n++ % other.length];
      const renamed = uniqueNames(fs.readFileSync(source, 'utf8'), `_m${m}f${f}`);
      variables.push(...renamed.variables);
      fs.writeFileSync(path.join(moduleDir, `${String(f).padStart(2, '0')}-${path.basename(source)}`), renamed.text);
    }
    variablesOf.set(m, variables);
  }
  // Module calls: a folder that is neither called nor an ELB folder calls one that is.
  const plain = Array.from({ length: modules }, (_, m) => m).filter((m) => !elbModules.includes(m));
  for (let c = 0; c < calls; c++) {
    const caller = plain[(c * 7 + 3) % plain.length];
    const callee = c % 2 === 0 ? elbModules[(c / 2) % elbModules.length] : plain[(c * 7 + 11) % plain.length];
    const inputs = (variablesOf.get(callee) ?? []).slice(0, 3).map((v) => `  ${v} = "bench-${c}"\n`);
    const callerDir = path.join(dir, name(caller));
    const first = fs.readdirSync(callerDir).sort()[0];
    fs.writeFileSync(path.join(callerDir, first), `module "call_${c}" {\n  source = "../${name(callee)}"\n${inputs.join('')}}\n`);
  }
  return { dir, ...treeSize(dir), elbModules: elbModules.length, calls };
}

/**
 * Kubernetes as teams write it, in a new temporary directory: `bases` kustomize bases (a
 * dedicated CCE Service each), `overlays` overlays over them (a patch that turns client IP
 * transfer off on every third, a commonAnnotations entry on the others, a prefix and a
 * namespace), and `charts` Helm charts as `helm create` scaffolds them around a Service
 * whose annotations come from values.yaml through toYaml.
 */
export function kubernetesTree({ bases = 100, overlays = 200, charts = 50 } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'elb-lens-bench-k8s-'));
  const write = (name, text) => {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  };
  const service = (name, annotations) =>
    `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n  annotations:\n${annotations.map((a) => `    ${a}\n`).join('')}spec:\n  type: LoadBalancer\n  externalTrafficPolicy: Local\n  selector:\n    app: ${name}\n  ports:\n    - name: https\n      port: 443\n      protocol: TCP\n`;
  for (let b = 0; b < bases; b++) {
    write(`bases/b${b}/kustomization.yaml`, 'resources:\n  - service.yaml\n');
    write(`bases/b${b}/service.yaml`, service(`svc-${b}`, ['kubernetes.io/elb.class: performance', `kubernetes.io/elb.id: id-${b}`]));
  }
  for (let o = 0; o < overlays; o++) {
    const base = o % bases;
    const patched = o % 3 === 0;
    write(
      `overlays/o${o}/kustomization.yaml`,
      `namespace: team-${o % 7}\nnamePrefix: o${o}-\nresources:\n  - ../../bases/b${base}\n` +
        (patched ? 'patches:\n  - path: patch.yaml\n' : "commonAnnotations:\n  kubernetes.io/elb.transparent-client-ip: 'false'\n"),
    );
    if (patched) {
      write(
        `overlays/o${o}/patch.yaml`,
        `apiVersion: v1\nkind: Service\nmetadata:\n  name: svc-${base}\n  annotations:\n    kubernetes.io/elb.transparent-client-ip: 'false'\n`,
      );
    }
  }
  for (let c = 0; c < charts; c++) {
    write(`charts/c${c}/Chart.yaml`, `apiVersion: v2\nname: c${c}\nversion: 0.1.0\n`);
    write(
      `charts/c${c}/values.yaml`,
      `service:\n  type: LoadBalancer\n  port: 80\n  annotations:\n    kubernetes.io/elb.class: union\n    kubernetes.io/elb.transparent-client-ip: 'true'\n`,
    );
    write(
      `charts/c${c}/templates/_helpers.tpl`,
      '{{- define "chart.fullname" -}}\n{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" }}\n{{- end }}\n',
    );
    write(
      `charts/c${c}/templates/service.yaml`,
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ include "chart.fullname" . }}\n  {{- with .Values.service.annotations }}\n  annotations:\n    {{- toYaml . | nindent 4 }}\n  {{- end }}\nspec:\n  type: {{ .Values.service.type }}\n  ports:\n    - port: {{ .Values.service.port }}\n      protocol: TCP\n',
    );
  }
  const all = fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return {
    dir,
    kustomizations: bases + overlays,
    charts,
    files: all.length,
    bytes: all.reduce((sum, e) => sum + fs.statSync(path.join(e.parentPath ?? e.path, e.name)).size, 0),
  };
}
