// ELB Lens benchmarks: `npm run bench` (after `npm run build`). Prints a table with the
// targets and ratios against peers and writes bench/results.json.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus', 'terraform');
const SERVER = path.join(ROOT, 'server', 'out', 'server.js');
const CLI = path.join(ROOT, 'bin', 'elb-lens.js');
const { TestClient } = require(path.join(ROOT, 'build', 'test', 'lsp', 'client.js'));
const { DEBOUNCE_MS } = require(path.join(ROOT, 'build', 'server', 'src', 'lsp', 'server.js'));
const { loadHclParser } = require(path.join(ROOT, 'build', 'server', 'src', 'parse', 'hcl.js'));

const results = { machine: {}, rows: [] };
const quantile = (xs, q) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const median = (xs) => quantile(xs, 0.5);
const row = (name, value, unit, target, extra = '') => {
  results.rows.push({ name, value, unit, target, extra });
  const met = target === undefined ? '' : value <= target ? 'met' : 'MISSED';
  console.log(
    `${name.padEnd(52)} ${value.toFixed(2).padStart(10)} ${unit.padEnd(6)} ${target === undefined ? ''.padEnd(10) : `≤ ${target}`.padEnd(10)} ${met.padEnd(7)} ${extra}`,
  );
};

function corpusFiles() {
  const files = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.tf')) files.push(full);
    }
  };
  walk(CORPUS);
  return files.sort();
}

/** A module of about `lines` lines: corpus ELB snippets, renamed so every block is unique. */
function generatedModule(lines) {
  const sources = corpusFiles().filter((f) => f.includes(`${path.sep}elb${path.sep}`));
  const out = [];
  let count = 0;
  for (let copy = 0; count < lines; copy++) {
    for (const file of sources) {
      const text = fs
        .readFileSync(file, 'utf8')
        .replace(/^(resource|data)\s+"([^"]+)"\s+"([^"]+)"/gm, (_m, kind, type, name) => `${kind} "${type}" "${name}_${copy}"`);
      if (text.includes('...')) continue; // doc fragments that are not valid HCL
      out.push(text);
      count += text.split('\n').length;
      if (count >= lines) break;
    }
  }
  return out.join('\n');
}

async function editingLatency(lines) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'elb-lens-bench-'));
  const text =
    generatedModule(lines) +
    `
resource "huaweicloud_elb_loadbalancer" "bench" {
  name = "bench"
}

resource "huaweicloud_elb_listener" "bench" {
  loadbalancer_id              = huaweicloud_elb_loadbalancer.bench.id
  protocol                     = "TCP"
  transparent_client_ip_enable = "false"
}
`;
  fs.writeFileSync(path.join(dir, 'main.tf'), text);
  const client = await TestClient.start(dir);
  const uri = client.uri('main.tf');
  await client.open('main.tf', text);
  await client.waitForDiagnostics('main.tf', (d) => d.length > 0, 'first diagnostics', 60000);
  const lineCount = text.split('\n').length;
  const editLine = lineCount - 3;
  const latencies = [];
  let version = 1;
  for (let i = 0; i < 40; i++) {
    const before = client.publishCount.get(uri) ?? 0;
    const start = performance.now();
    const typing = i % 2 === 0;
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: ++version },
      contentChanges: [
        typing
          ? { range: { start: { line: editLine, character: 2 }, end: { line: editLine, character: 2 } }, text: ' ' }
          : { range: { start: { line: editLine, character: 2 }, end: { line: editLine, character: 3 } }, text: '' },
      ],
    });
    await client.waitFor(() => (client.publishCount.get(uri) ?? 0) > before, 'a publish', 60000);
    latencies.push(performance.now() - start - DEBOUNCE_MS);
  }
  const hover = [];
  const actions = [];
  for (let i = 0; i < 40; i++) {
    let start = performance.now();
    await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: editLine, character: 5 } });
    hover.push(performance.now() - start);
    start = performance.now();
    await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: editLine, character: 2 }, end: { line: editLine, character: 2 } },
      context: { diagnostics: [] },
    });
    actions.push(performance.now() - start);
  }
  await client.stop();
  fs.rmSync(dir, { recursive: true, force: true });
  return { lineCount, latencies, hover, actions };
}

async function coldStart() {
  const times = [];
  for (let i = 0; i < 5; i++) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'elb-lens-bench-'));
    const text = 'resource "huaweicloud_elb_listener" "l" {\n  protocol = "HTTP"\n  transparent_client_ip_enable = "false"\n}\n';
    fs.writeFileSync(path.join(dir, 'main.tf'), text);
    const start = performance.now();
    const client = await TestClient.start(dir);
    await client.open('main.tf', text);
    await client.waitForDiagnostics('main.tf', (d) => d.length > 0, 'first diagnostics', 30000);
    times.push(performance.now() - start);
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return times;
}

/** 1,000 files in 100 modules, from the corpus, deterministic. */
function workspaceTree() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'elb-lens-bench-ws-'));
  const files = corpusFiles().filter((f) => !fs.readFileSync(f, 'utf8').includes('...'));
  let bytes = 0;
  for (let m = 0; m < 100; m++) {
    const moduleDir = path.join(dir, `module-${String(m).padStart(3, '0')}`);
    fs.mkdirSync(moduleDir);
    for (let f = 0; f < 10; f++) {
      const source = files[(m * 10 + f) % files.length];
      const text = fs.readFileSync(source, 'utf8');
      bytes += Buffer.byteLength(text);
      fs.writeFileSync(path.join(moduleDir, `file-${f}.tf`), text);
    }
  }
  return { dir, bytes };
}

function timeCommand(command, args, runs = 3) {
  const times = [];
  let last;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    last = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    times.push(performance.now() - start);
    if (last.error) return { error: last.error.message };
  }
  return { min: Math.min(...times), median: median(times), last };
}

async function main() {
  if (!fs.existsSync(SERVER)) throw new Error('build first: npm run build');
  if (!fs.existsSync(CORPUS)) throw new Error(`corpus not found at ${CORPUS}`);
  results.machine = {
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
  console.log(`machine: ${JSON.stringify(results.machine)}`);
  console.log(`${'measure'.padEnd(52)} ${'value'.padStart(10)} unit   target     status  notes`);

  for (const lines of [1000, 5000, 20000]) {
    const r = await editingLatency(lines);
    const target = lines === 5000 ? 10 : undefined;
    row(`edit → diagnostics p50, ${r.lineCount} lines`, median(r.latencies), 'ms', undefined, `debounce ${DEBOUNCE_MS} ms subtracted`);
    row(`edit → diagnostics p95, ${r.lineCount} lines`, quantile(r.latencies, 0.95), 'ms', target);
    row(`edit → diagnostics max, ${r.lineCount} lines`, Math.max(...r.latencies), 'ms', undefined);
    row(`hover p95, ${r.lineCount} lines`, quantile(r.hover, 0.95), 'ms', 5);
    row(`code action p95, ${r.lineCount} lines`, quantile(r.actions, 0.95), 'ms', 5);
  }

  const cold = await coldStart();
  row('cold start → first diagnostics (min)', Math.min(...cold), 'ms', undefined);
  row('cold start → first diagnostics (median)', median(cold), 'ms', 300);

  const tree = workspaceTree();
  const megabytes = tree.bytes / 2 ** 20;
  // A wrapper reports the CLI's peak RSS when it exits.
  const wrapper = path.join(tree.dir, '..', `elb-lens-rss-${process.pid}.cjs`);
  fs.writeFileSync(
    wrapper,
    `process.on('exit', () => process.stderr.write('RSS ' + process.resourceUsage().maxRSS + '\\n'));\nrequire(${JSON.stringify(CLI)});\n`,
  );
  const ours = timeCommand(process.execPath, [wrapper, 'check', tree.dir, '--format', 'json']);
  fs.rmSync(wrapper);
  const reported = JSON.parse(ours.last.stdout);
  if (reported.files !== 1000) throw new Error(`the CLI checked ${reported.files} files, expected 1000`);
  const rssKb = Number(/RSS (\d+)/.exec(ours.last.stderr)?.[1] ?? 0);
  row('whole workspace: 1,000 files / 100 modules (CLI)', ours.median / 1000, 's', 2, `min ${(ours.min / 1000).toFixed(2)} s`);
  row('whole workspace: peak RSS', rssKb / 1024, 'MB', 150);

  const oursMBs = megabytes / (ours.median / 1000);
  row('CLI throughput (ours)', oursMBs, 'MB/s', undefined, `${megabytes.toFixed(1)} MB`);
  const fmt = timeCommand('terraform', ['fmt', '-check', '-recursive', tree.dir]);
  if (fmt.error) console.log(`terraform fmt: not run (${fmt.error})`);
  else {
    const fmtMBs = megabytes / (fmt.median / 1000);
    row(
      'terraform fmt -check -recursive throughput',
      fmtMBs,
      'MB/s',
      undefined,
      `ours/peer ${(oursMBs / fmtMBs).toFixed(2)}× (target ≥ 3×)`,
    );
  }
  // The floor: parsing every file with tree-sitter and nothing else, in this process.
  const parser = await loadHclParser();
  const allFiles = fs.readdirSync(tree.dir).flatMap((m) => fs.readdirSync(path.join(tree.dir, m)).map((f) => path.join(tree.dir, m, f)));
  const parseTimes = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    for (const file of allFiles) parser.parseTree(fs.readFileSync(file, 'utf8')).delete();
    parseTimes.push(performance.now() - start);
  }
  const { createElbLensService } = require(path.join(ROOT, 'build', 'server', 'src', 'service', 'service.js'));
  const { createNodeHost } = require(path.join(ROOT, 'build', 'server', 'src', 'service', 'nodeHost.js'));
  const analyseTimes = [];
  for (let i = 0; i < 3; i++) {
    const service = await createElbLensService(createNodeHost());
    const start = performance.now();
    for (const m of fs.readdirSync(tree.dir)) service.analyzeModule(path.join(tree.dir, m, 'file-0.tf'));
    analyseTimes.push(performance.now() - start);
  }
  const parseMBs = megabytes / (median(parseTimes) / 1000);
  const analyseMBs = megabytes / (median(analyseTimes) / 1000);
  row('bare tree-sitter parse throughput (floor)', parseMBs, 'MB/s', undefined);
  row(
    'analysis throughput in-process (parse + model + rules)',
    analyseMBs,
    'MB/s',
    undefined,
    `overhead over bare parse ${((median(analyseTimes) / median(parseTimes) - 1) * 100).toFixed(0)} % (target ≤ 25 %)`,
  );
  let hcl2json;
  try {
    hcl2json = require('@cdktf/hcl2json');
  } catch {
    console.log('@cdktf/hcl2json: not installed (npm i -D @cdktf/hcl2json to compare); skipped');
  }
  if (hcl2json) {
    const start = performance.now();
    for (const file of allFiles) await hcl2json.parse(file, fs.readFileSync(file, 'utf8'));
    const peerMBs = megabytes / ((performance.now() - start) / 1000);
    row('@cdktf/hcl2json parse throughput', peerMBs, 'MB/s', undefined, `ours/peer ${(analyseMBs / peerMBs).toFixed(2)}×`);
  }
  fs.rmSync(tree.dir, { recursive: true, force: true });
  fs.writeFileSync(path.join(ROOT, 'bench', 'results.json'), JSON.stringify(results, null, 2));
  console.log(`wrote bench/results.json`);
}

await main();
