// ELB Lens benchmarks: `npm run bench` (builds first). Measures, in one run so that ratios
// are comparable on a noisy machine: editing latency through the real server over stdio
// (and the same edits on the service in-process), hover and code action times, cold start,
// a 1,000-file workspace through the CLI and the server, and throughput against peers.
// Prints a table with the targets and writes bench/results.json.
//
//   node bench/run.mjs                 all of it (a few minutes)
//   node bench/run.mjs --quick         fewer repetitions
//   node bench/run.mjs --profile       also writes CPU profiles (build/bench-profiles/)
//   ELB_LENS_BENCH_ROOT=/other/checkout node bench/run.mjs   measure another build with these workloads
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { BenchClient } from './client.mjs';
import { BENCH_LISTENER, CORPUS, ROOT as BENCH_ROOT, editingModule, workspaceTree } from './workloads.mjs';

const ROOT = process.env.ELB_LENS_BENCH_ROOT ? path.resolve(process.env.ELB_LENS_BENCH_ROOT) : BENCH_ROOT;
const require = createRequire(path.join(ROOT, 'package.json'));
const SERVER = path.join(ROOT, 'server', 'out', 'server.js');
const CLI = path.join(ROOT, 'bin', 'elb-lens.js');
const BUILD = path.join(ROOT, 'build', 'server', 'src');
const QUICK = process.argv.includes('--quick');
const PROFILE = process.argv.includes('--profile');
const PROFILE_DIR = path.join(BENCH_ROOT, 'build', 'bench-profiles');
const EDITS = QUICK ? 20 : 60;
const SERVICE_EDITS = QUICK ? 60 : 200;
const REQUESTS = QUICK ? 30 : 100;
const REPS = QUICK ? 3 : 5;

const results = { machine: {}, started: new Date().toISOString(), rows: [], raw: {} };

// ---- statistics and output ----

const sorted = (xs) => [...xs].sort((a, b) => a - b);
/** Nearest-rank quantile. */
const quantile = (xs, q) => sorted(xs)[Math.min(xs.length - 1, Math.max(0, Math.ceil(q * xs.length) - 1))];
const median = (xs) => quantile(xs, 0.5);
const stats = (xs) => ({ n: xs.length, min: Math.min(...xs), p50: quantile(xs, 0.5), p95: quantile(xs, 0.95), max: Math.max(...xs) });

/**
 * One line of the table. `target` is { op: '<=' | '>=', value } or undefined.
 */
function row(name, value, unit, target, notes = '') {
  const met = target === undefined ? '' : (target.op === '<=' ? value <= target.value : value >= target.value) ? 'met' : 'MISSED';
  results.rows.push({ name, value, unit, target, met, notes });
  const shown = Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(value >= 10 ? 1 : 2);
  const goal = target ? `${target.op === '<=' ? '≤' : '≥'} ${target.value}` : '';
  console.log(`${name.padEnd(58)} ${shown.padStart(9)} ${unit.padEnd(5)} ${goal.padEnd(8)} ${met.padEnd(6)} ${notes}`);
}

function section(title) {
  console.log(`\n${title}`);
}

const ms = (from) => performance.now() - from;
const cpuMs = (usage) => (usage.user + usage.system) / 1000;

function machineFacts() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpu: cpus[0]?.model?.trim(),
    memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    loadAverageAtStart: os.loadavg().map((l) => +l.toFixed(2)),
    terraform: spawnSync('terraform', ['version'], { encoding: 'utf8' }).stdout?.split('\n')[0] || 'not installed',
  };
}

// ---- 1. editing latency ----

/**
 * The keystrokes: typing into the listener's description one character at a time (20),
 * then deleting them again (20), and so on; every tenth keystroke instead adds an empty
 * line in the listener or removes it again (which moves every block after it by a line).
 */
function keystrokes(count, listenerLine) {
  const descriptionLine = listenerLine + 2;
  const column = '  description                  = "bench'.length;
  const emptyLine = listenerLine + 3;
  const at = (line, character) => ({ line, character });
  const out = [];
  let typed = 0;
  let hasEmptyLine = false;
  for (let i = 0; i < count; i++) {
    if (i % 10 === 9) {
      out.push(
        hasEmptyLine
          ? { range: { start: at(emptyLine, 0), end: at(emptyLine + 1, 0) }, text: '' }
          : { range: { start: at(emptyLine, 0), end: at(emptyLine, 0) }, text: '\n' },
      );
      hasEmptyLine = !hasEmptyLine;
    } else if (Math.floor(i / 20) % 2 === 0 || typed === 0) {
      out.push({ range: { start: at(descriptionLine, column + typed), end: at(descriptionLine, column + typed) }, text: 'x' });
      typed++;
    } else {
      typed--;
      out.push({ range: { start: at(descriptionLine, column + typed), end: at(descriptionLine, column + typed + 1) }, text: '' });
    }
  }
  return out;
}

async function serverEditing(lines, debounce) {
  const { text, lineCount, listenerLine } = editingModule(lines);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'elb-lens-bench-edit-'));
  fs.writeFileSync(path.join(dir, 'main.tf'), text);
  const nodeArgs =
    PROFILE && lines === 5000 ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`, '--cpu-prof-name=server-editing-5000.cpuprofile'] : [];
  const client = await BenchClient.start(dir, { nodeArgs, server: SERVER });
  const uri = client.uri('main.tf');
  const opened = performance.now();
  await client.open('main.tf', text);
  await client.waitFor(() => client.publishCount(uri) > 0, 'first diagnostics', 120000);
  const firstAnalysis = ms(opened);
  const latencies = [];
  let version = 1;
  for (const change of keystrokes(EDITS, listenerLine)) {
    const v = ++version;
    const sent = performance.now();
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [change] });
    const publish = await client.waitFor(() => client.publishes.get(uri).find((p) => p.version === v), `diagnostics of version ${v}`);
    latencies.push(publish.at - sent - debounce);
  }
  // Hover on the client IP argument, code actions on the finding.
  const finding = client.diagnostics.get(uri)[0];
  const hover = [];
  const actions = [];
  let hoverAnswered = false;
  let actionCount = 0;
  for (let i = 0; i < REQUESTS; i++) {
    let start = performance.now();
    const h = await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: finding?.range.start.line ?? listenerLine, character: 4 },
    });
    hover.push(ms(start));
    hoverAnswered ||= Boolean(h);
    start = performance.now();
    const a = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: finding?.range ?? { start: { line: listenerLine, character: 0 }, end: { line: listenerLine, character: 0 } },
      context: { diagnostics: finding ? [finding] : [] },
    });
    actions.push(ms(start));
    actionCount = a?.length ?? 0;
  }
  await client.stop();
  fs.rmSync(dir, { recursive: true, force: true });
  return { lineCount, firstAnalysis, latencies, hover, actions, hoverAnswered, actionCount, findings: finding ? 1 : 0 };
}

/** The same keystrokes on the service in-process: updateDocument + analyzeModule, no protocol, no debounce. */
async function serviceEditing(lines) {
  const { createElbLensService } = require(path.join(BUILD, 'service', 'service.js'));
  const { createNodeHost } = require(path.join(BUILD, 'service', 'nodeHost.js'));
  const { text, listenerLine } = editingModule(lines);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'elb-lens-bench-edit-'));
  const file = path.join(dir, 'main.tf');
  fs.writeFileSync(file, text);
  const service = await createElbLensService(createNodeHost());
  service.openDocument(file, text);
  service.analyzeModule(file);
  const wall = [];
  const cpu = [];
  const hover = [];
  const fixes = [];
  for (const change of keystrokes(SERVICE_EDITS, listenerLine)) {
    const start = performance.now();
    const usage = process.cpuUsage();
    service.updateDocument(file, [change]);
    service.analyzeModule(file);
    wall.push(ms(start));
    cpu.push(cpuMs(process.cpuUsage(usage)));
    let t = performance.now();
    service.hover(file, { line: listenerLine + 4, character: 4 });
    hover.push(ms(t));
    t = performance.now();
    service.fixes(file, { start: { line: listenerLine + 4, character: 2 }, end: { line: listenerLine + 4, character: 40 } });
    fixes.push(ms(t));
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return { wall, cpu, hover, fixes };
}

// ---- 2. cold start ----

async function coldStart() {
  const text = BENCH_LISTENER;
  const times = [];
  for (let i = 0; i < REPS; i++) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'elb-lens-bench-cold-'));
    fs.writeFileSync(path.join(dir, 'main.tf'), text);
    const start = performance.now();
    const client = await BenchClient.start(dir, { server: SERVER });
    const uri = client.uri('main.tf');
    await client.open('main.tf', text);
    await client.waitFor(() => client.publishCount(uri) > 0, 'first diagnostics');
    times.push(ms(start));
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return times;
}

// ---- 3. whole workspace ----

/** Runs a command, returns wall ms and the child's peak RSS (MB, from GNU time when present, else a wrapper). */
function runMeasured(command, args, options = {}) {
  const timeBin = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
  const start = performance.now();
  const run = timeBin
    ? spawnSync(timeBin, ['-f', 'ELB_LENS_RSS_KB=%M', command, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...options })
    : spawnSync(command, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...options });
  const wall = ms(start);
  const rss = Number(/ELB_LENS_RSS_KB=(\d+)/.exec(run.stderr ?? '')?.[1] ?? NaN) / 1024;
  return { wall, rss, run };
}

function cliWorkspace(tree) {
  const times = [];
  let rss = 0;
  let report;
  for (let i = 0; i < REPS; i++) {
    const args =
      PROFILE && i === 0 ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`, '--cpu-prof-name=cli-workspace.cpuprofile', CLI] : [CLI];
    const { wall, rss: peak, run } = runMeasured(process.execPath, [...args, 'check', tree.dir, '--format', 'json']);
    if (run.status !== 0 && run.status !== 2) throw new Error(`the CLI failed (${run.status}): ${run.stderr}`);
    report = JSON.parse(run.stdout);
    times.push(wall);
    rss = Math.max(rss, peak);
  }
  if (report.files !== tree.files.length) throw new Error(`the CLI checked ${report.files} files, expected ${tree.files.length}`);
  return { times, rss, findings: report.diagnostics?.length ?? 0 };
}

/** The server with diagnostics.scope = workspace: spawn → diagnostics for every file of the tree; peak RSS from /proc. */
async function serverWorkspace(tree) {
  const times = [];
  let rss = NaN;
  let published = 0;
  for (let i = 0; i < Math.min(REPS, 3); i++) {
    const start = performance.now();
    const client = new BenchClient(tree.dir, { server: SERVER });
    client.settings = { diagnostics: { scope: 'workspace' } };
    const rootUri = client.uri('');
    await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'bench' }],
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    await client.connection.sendNotification('initialized', {});
    await client.waitFor(() => client.publishes.size >= tree.files.length, 'diagnostics for every file', 120000);
    const last = Math.max(...[...client.publishes.values()].map((list) => list[0].at));
    times.push(last - start);
    published = client.publishes.size;
    try {
      const status = fs.readFileSync(`/proc/${client.process.pid}/status`, 'utf8');
      rss = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
    } catch {
      // not Linux
    }
    await client.stop();
  }
  return { times, rss, published };
}

// ---- 4. throughput ----

async function throughput(tree, cliTimes) {
  const megabytes = tree.bytes / 2 ** 20;
  const out = { megabytes, cli: megabytes / (median(cliTimes) / 1000) };

  const fmt = [];
  for (let i = 0; i < REPS; i++) {
    const start = performance.now();
    const run = spawnSync('terraform', ['fmt', '-check', '-recursive', '-no-color', tree.dir], {
      encoding: 'utf8',
      env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null', CHECKPOINT_DISABLE: '1' },
    });
    if (run.error) {
      out.fmtError = run.error.message;
      break;
    }
    fmt.push(ms(start));
  }
  if (fmt.length > 0) out.fmt = megabytes / (median(fmt) / 1000);

  // In-process: a bare tree-sitter parse of each file (the floor) and the full analysis, warmed
  // up, interleaved repetitions (so a load change on the machine hits both alike).
  const { loadHclParser } = require(path.join(BUILD, 'parse', 'hcl.js'));
  const { createElbLensService } = require(path.join(BUILD, 'service', 'service.js'));
  const { createNodeHost } = require(path.join(BUILD, 'service', 'nodeHost.js'));
  const parser = await loadHclParser();
  const bareParse = () => {
    for (const file of tree.files) parser.parseTree(fs.readFileSync(file, 'utf8')).delete();
  };
  const analyse = async () => {
    const service = await createElbLensService(createNodeHost());
    const start = performance.now();
    const usage = process.cpuUsage();
    for (const dir of tree.modules) service.analyzeModule(path.join(dir, 'file-0.tf'));
    return { wall: ms(start), cpu: cpuMs(process.cpuUsage(usage)) };
  };
  bareParse();
  await analyse();
  const parse = { wall: [], cpu: [] };
  const analysis = { wall: [], cpu: [] };
  for (let i = 0; i < REPS; i++) {
    const start = performance.now();
    const usage = process.cpuUsage();
    bareParse();
    parse.wall.push(ms(start));
    parse.cpu.push(cpuMs(process.cpuUsage(usage)));
    const a = await analyse();
    analysis.wall.push(a.wall);
    analysis.cpu.push(a.cpu);
  }
  out.parse = parse;
  out.analysis = analysis;

  let hcl2json;
  try {
    hcl2json = require('@cdktf/hcl2json');
  } catch (error) {
    out.hcl2jsonError = `not installed (${error.code ?? error.message})`;
  }
  if (hcl2json) {
    const texts = tree.files.map((f) => [f, fs.readFileSync(f, 'utf8')]);
    const runAll = async () => {
      for (const [file, text] of texts) {
        try {
          await hcl2json.parse(file, text);
        } catch {
          // files it cannot parse still count: the work was done
        }
      }
    };
    await runAll();
    const times = [];
    for (let i = 0; i < REPS; i++) {
      const start = performance.now();
      await runAll();
      times.push(ms(start));
    }
    out.hcl2json = times;
  }
  return out;
}

// ---- main ----

async function main() {
  for (const [what, file] of [
    ['server bundle', SERVER],
    ['CLI', CLI],
    ['corpus', CORPUS],
  ]) {
    if (!fs.existsSync(file)) throw new Error(`${what} not found at ${file} (run npm run build; the corpus is ../shared/corpus)`);
  }
  if (PROFILE) fs.mkdirSync(PROFILE_DIR, { recursive: true });
  const serverSource = fs.readFileSync(path.join(ROOT, 'server', 'src', 'lsp', 'server.ts'), 'utf8');
  const debounce = Number(/DEBOUNCE_MS\s*=\s*(\d+)/.exec(serverSource)?.[1] ?? NaN);
  if (!Number.isFinite(debounce)) throw new Error('DEBOUNCE_MS not found in server/src/lsp/server.ts');
  results.machine = machineFacts();
  results.debounceMs = debounce;
  const began = performance.now();
  console.log(`ELB Lens benchmarks${QUICK ? ' (quick)' : ''}: ${ROOT}`);
  console.log(`machine: ${JSON.stringify(results.machine)}`);
  console.log(`${'measure'.padEnd(58)} ${'value'.padStart(9)} unit  target   status notes`);

  section(
    `1. Editing: single-character edits through the server over stdio (didChange → publishDiagnostics − ${debounce} ms debounce), and the same edits on the service in-process`,
  );
  for (const lines of [1000, 5000, 20000]) {
    const s = await serverEditing(lines, debounce);
    const v = await serviceEditing(lines);
    results.raw[`editing-${lines}`] = { server: s, service: v };
    const lat = stats(s.latencies);
    const svc = stats(v.wall);
    const target = lines === 5000 ? { op: '<=', value: 10 } : undefined;
    const label = `${s.lineCount.toLocaleString('en')} lines`;
    row(
      `edit → diagnostics p50, ${label}`,
      lat.p50,
      'ms',
      undefined,
      `service in-process p50 ${svc.p50.toFixed(1)} ms (CPU ${median(v.cpu).toFixed(1)} ms)`,
    );
    row(`edit → diagnostics p95, ${label}`, lat.p95, 'ms', target, `service in-process p95 ${svc.p95.toFixed(1)} ms`);
    row(
      `edit → diagnostics max, ${label}`,
      lat.max,
      'ms',
      undefined,
      `service in-process max ${svc.max.toFixed(1)} ms; first analysis ${s.firstAnalysis.toFixed(0)} ms`,
    );
    row(
      `hover p95, ${label}`,
      quantile(s.hover, 0.95),
      'ms',
      { op: '<=', value: 5 },
      `p50 ${median(s.hover).toFixed(2)} ms; service p95 ${quantile(v.hover, 0.95).toFixed(2)} ms${s.hoverAnswered ? '' : '; NO HOVER'}`,
    );
    row(
      `code action p95, ${label}`,
      quantile(s.actions, 0.95),
      'ms',
      { op: '<=', value: 5 },
      `p50 ${median(s.actions).toFixed(2)} ms; ${s.actionCount} actions; service fixes p95 ${quantile(v.fixes, 0.95).toFixed(2)} ms`,
    );
  }

  section('2. Cold start: spawn → initialize → first diagnostics of one file');
  const cold = await coldStart();
  results.raw.coldStart = cold;
  row(
    'cold start → first diagnostics (median)',
    median(cold),
    'ms',
    { op: '<=', value: 300 },
    `min ${Math.min(...cold).toFixed(0)} ms over ${cold.length}`,
  );

  const tree = workspaceTree();
  try {
    section(`3. Whole workspace: ${tree.files.length} files in ${tree.modules.length} modules (${(tree.bytes / 2 ** 20).toFixed(2)} MB)`);
    const cli = cliWorkspace(tree);
    results.raw.cliWorkspace = cli;
    row(
      'CLI check → complete report (median)',
      median(cli.times) / 1000,
      's',
      { op: '<=', value: 2 },
      `min ${(Math.min(...cli.times) / 1000).toFixed(2)} s; ${cli.findings} findings`,
    );
    row('CLI peak RSS', cli.rss, 'MB', { op: '<=', value: 150 });
    const server = await serverWorkspace(tree);
    results.raw.serverWorkspace = server;
    row(
      'server, scope workspace → diagnostics for every file',
      median(server.times) / 1000,
      's',
      { op: '<=', value: 2 },
      `min ${(Math.min(...server.times) / 1000).toFixed(2)} s; ${server.published} files published`,
    );
    row('server peak RSS (VmHWM)', server.rss, 'MB', { op: '<=', value: 150 });

    section('4. Throughput on the same tree (MB/s; ratios ours/peer)');
    const t = await throughput(tree, cli.times);
    results.raw.throughput = t;
    const mb = t.megabytes;
    if (t.fmt) row('CLI end to end', t.cli, 'MB/s', undefined, `process start to exit, median of ${REPS}`);
    if (t.fmt)
      row('  ÷ terraform fmt -check -recursive', t.cli / t.fmt, '×', { op: '>=', value: 3 }, `terraform fmt ${t.fmt.toFixed(2)} MB/s`);
    else console.log(`terraform fmt: not run (${t.fmtError})`);
    const parseMBs = mb / (median(t.parse.wall) / 1000);
    const analysisMBs = mb / (median(t.analysis.wall) / 1000);
    row(
      'bare tree-sitter parse, in-process (the floor)',
      parseMBs,
      'MB/s',
      undefined,
      `read + parse each file; CPU median ${median(t.parse.cpu).toFixed(0)} ms`,
    );
    row(
      'analysis, in-process (read, parse, model, rules)',
      analysisMBs,
      'MB/s',
      undefined,
      `CPU median ${median(t.analysis.cpu).toFixed(0)} ms`,
    );
    row(
      '  analysis overhead over the bare parse',
      (median(t.analysis.wall) / median(t.parse.wall) - 1) * 100,
      '%',
      { op: '<=', value: 25 },
      `by CPU time ${((median(t.analysis.cpu) / median(t.parse.cpu) - 1) * 100).toFixed(0)} %`,
    );
    if (t.hcl2json) {
      const peer = mb / (median(t.hcl2json) / 1000);
      row('@cdktf/hcl2json parse, in-process', peer, 'MB/s', undefined, 'Go (wasm) HCL parser → JSON, each file');
      row('  analysis ÷ @cdktf/hcl2json', analysisMBs / peer, '×', undefined);
    } else console.log(`@cdktf/hcl2json: skipped: ${t.hcl2jsonError}`);
  } finally {
    fs.rmSync(tree.dir, { recursive: true, force: true });
  }

  results.machine.loadAverageAtEnd = os.loadavg().map((l) => +l.toFixed(2));
  results.seconds = +(ms(began) / 1000).toFixed(1);
  const missed = results.rows.filter((r) => r.met === 'MISSED').map((r) => r.name);
  console.log(
    `\n${results.rows.filter((r) => r.target).length - missed.length} targets met, ${missed.length} missed${missed.length ? `: ${missed.join('; ')}` : ''}`,
  );
  console.log(
    `load average at start ${results.machine.loadAverageAtStart.join(' ')}, at end ${results.machine.loadAverageAtEnd.join(' ')}; ${results.seconds} s`,
  );
  if (PROFILE) console.log(`CPU profiles in ${PROFILE_DIR}`);
  fs.writeFileSync(path.join(BENCH_ROOT, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
  console.log('wrote bench/results.json (node bench/table.mjs prints it as Markdown)');
}

await main();
