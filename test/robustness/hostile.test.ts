import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test, type TestContext } from 'node:test';
import { Worker } from 'node:worker_threads';
import { needsMissing } from '../helpers';
import { SERVER_BUNDLE, TestClient, tempWorkspace } from '../lsp/client';

/**
 * Huge and hostile workspaces: a 50 MB file, a binary file, a 1 MB single line, a file
 * that vanishes between listing and reading, a symlink loop and an unreadable file. Each
 * is skipped or degraded (one log line), never a crash or a hang; the sound files of the
 * workspace are still analysed. Through the node host and the service (in a worker, so a
 * hang fails the test instead of stalling it), the CLI, and the language server over stdio.
 */

const LISTENER = `resource "huaweicloud_elb_listener" "web" {
  loadbalancer_id              = var.lb
  protocol                     = "HTTP"
  transparent_client_ip_enable = "false"
}
`;
const ALWAYS_ON = 'client-ip-always-on';
const BUILD = path.resolve(__dirname, '..', '..');
const REPO = path.resolve(BUILD, '..');
const CLI = path.join(REPO, 'bin', 'elb-lens.js');
/** Generous: the point is "finishes", not "fast" (the benchmarks measure speed). */
const HANG_MS = 60000;

interface Workspace {
  root: string;
  /** Why chmod 000 cannot make a file unreadable here (running as root), if so. */
  unreadableSkipped?: string;
}

/** A workspace with one sound module (main.tf, other/ok.tf) and every kind of hostile file. */
function hostileWorkspace(): Workspace {
  const root = tempWorkspace({ 'main.tf': LISTENER, 'other/ok.tf': LISTENER, 'gone/vanish.tf': LISTENER });
  fs.writeFileSync(path.join(root, 'huge.tf'), Buffer.alloc(50 * 1024 * 1024, 'a'));
  fs.writeFileSync(path.join(root, 'binary.tf'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3, 255, 254, 0, 10]));
  // A 1 MB line that is (nearly) valid HCL: the parser has to work through all of it.
  fs.writeFileSync(path.join(root, 'line.tf'), 'locals {\n  x = "' + 'b'.repeat(1024 * 1024) + '"\n}\n');
  fs.symlinkSync(root, path.join(root, 'loop'));
  fs.symlinkSync(path.join(root, 'nowhere.tf'), path.join(root, 'dangling.tf'));
  const secret = path.join(root, 'secret.tf');
  fs.writeFileSync(secret, LISTENER);
  fs.chmodSync(secret, 0o000);
  let unreadableSkipped: string | undefined;
  try {
    fs.readFileSync(secret);
    unreadableSkipped = `chmod 000 does not stop reads here (uid ${process.getuid?.() ?? '?'}, probably root): secret.tf reads like any other file in this process`;
  } catch {
    // unreadable, as intended
  }
  return { root, unreadableSkipped };
}

function removeWorkspace(root: string): void {
  try {
    fs.chmodSync(path.join(root, 'secret.tf'), 0o644);
  } catch {
    // already gone
  }
  fs.rmSync(root, { recursive: true, force: true });
}

interface WorkerResult {
  findings: Record<string, string[]>;
  logs: string[];
  ms: number;
  hover: boolean;
}

/**
 * The service over the node host, in a worker thread: main.tf's module (with the hostile
 * files next to it), the hostile files opened as documents, and gone/vanish.tf deleted
 * right after its directory is listed.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const path = require('node:path');
const { createElbLensService } = require(workerData.build + '/server/src/service/service.js');
const { createNodeHost } = require(workerData.build + '/server/src/project/nodeFs.js');
(async () => {
  const logs = [];
  const node = createNodeHost((m) => logs.push(m));
  const host = {
    ...node,
    readDirectory(dir) {
      const names = node.readDirectory(dir);
      // Vanishes between listing and reading.
      if (names.includes('vanish.tf')) fs.rmSync(path.join(dir, 'vanish.tf'), { force: true });
      return names;
    },
  };
  const service = await createElbLensService(host);
  const root = workerData.root;
  const started = performance.now();
  const findings = {};
  const collect = (file) => {
    for (const [f, list] of service.analyzeModule(path.join(root, file))) findings[path.relative(root, f)] = list.map((x) => x.ruleId);
  };
  collect('main.tf');
  collect('main.tf'); // again: cached, and no second log line per skipped file
  collect('gone/vanish.tf');
  // The editor opens the hostile files themselves.
  for (const name of ['huge.tf', 'binary.tf', 'line.tf']) {
    const file = path.join(root, name);
    service.openDocument(file, fs.readFileSync(file, 'latin1'));
    collect(name);
    service.hover(file, { line: 1, character: 3 });
    service.inlayHints(file, undefined);
    service.fixes(file, { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } });
    service.updateDocument(file, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: 'x' }]);
    collect(name);
  }
  const hover = service.hover(path.join(root, 'main.tf'), { line: 3, character: 4 }) !== undefined;
  parentPort.postMessage({ findings, logs, ms: performance.now() - started, hover });
})().catch((error) => parentPort.postMessage({ error: String(error && error.stack || error) }));
`;

function runWorker(root: string): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { build: BUILD, root } });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`the service did not finish within ${HANG_MS} ms: a hang`));
    }, HANG_MS);
    worker.once('message', (message: WorkerResult & { error?: string }) => {
      clearTimeout(timer);
      void worker.terminate();
      if (message.error) reject(new Error(`the service threw: ${message.error}`));
      else resolve(message);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** Log lines that name a file: at most one each ("skipped or degraded with one log line"). */
function assertAtMostOneLinePerFile(logs: string[], names: string[]): void {
  for (const name of names) {
    const lines = logs.filter((l) => l.includes(`${path.sep}${name}:`) || l.includes(`/${name}:`));
    assert.ok(lines.length <= 1, `${lines.length} log lines about ${name}:\n${lines.join('\n')}`);
  }
}

/**
 * Running as root (where chmod 000 stops nothing): main.tf and an unreadable secret.tf,
 * analysed through the node host and the service in a node process that runs as `nobody`
 * (uid/gid 65534). Undefined, after failing the test on CI or skipping it elsewhere, when
 * that process cannot be started or cannot load the build.
 */
function analyseAsNobody(t: TestContext): { findings: Record<string, string[]>; logs: string[] } | undefined {
  const root = tempWorkspace({ 'main.tf': LISTENER, 'secret.tf': LISTENER });
  try {
    fs.chmodSync(root, 0o755);
    fs.chmodSync(path.join(root, 'main.tf'), 0o644);
    fs.chmodSync(path.join(root, 'secret.tf'), 0o000);
    const script = `
      const path = require('node:path');
      const { createElbLensService } = require(${JSON.stringify(path.join(BUILD, 'server', 'src', 'service', 'service.js'))});
      const { createNodeHost } = require(${JSON.stringify(path.join(BUILD, 'server', 'src', 'project', 'nodeFs.js'))});
      const root = ${JSON.stringify(root)};
      (async () => {
        const logs = [];
        const service = await createElbLensService(createNodeHost((m) => logs.push(m)));
        const findings = {};
        for (const [f, list] of service.analyzeModule(path.join(root, 'main.tf'))) findings[path.relative(root, f)] = list.map((x) => x.ruleId);
        process.stdout.write(JSON.stringify({ findings, logs }));
      })().catch((error) => { console.error(error && error.stack || error); process.exit(3); });`;
    const run = spawnSync(process.execPath, ['-e', script], { uid: 65534, gid: 65534, encoding: 'utf8', timeout: HANG_MS, cwd: root });
    if (run.error || run.status !== 0) {
      needsMissing(
        t,
        `the unreadable-file case needs a process that runs as nobody (uid 65534) and can read ${BUILD}: ${String(run.error ?? run.stderr.trim())}`,
      );
      return undefined;
    }
    t.diagnostic('checked in a process running as nobody (uid 65534)');
    return JSON.parse(run.stdout) as { findings: Record<string, string[]>; logs: string[] };
  } finally {
    removeWorkspace(root);
  }
}

describe('hostile files through the node host and the service', () => {
  let workspace: Workspace;
  let result: WorkerResult;

  before(async () => {
    workspace = hostileWorkspace();
    result = await runWorker(workspace.root);
  });
  after(() => removeWorkspace(workspace.root));

  test('finishes, and the sound files of the module still get their findings', (t) => {
    t.diagnostic(`all analyses together: ${result.ms.toFixed(0)} ms`);
    assert.deepEqual(result.findings['main.tf'], [ALWAYS_ON]);
    assert.ok(result.hover, 'hover still answers for the sound file');
  });

  test('the 50 MB and the binary file are skipped, with one log line each', () => {
    for (const name of ['huge.tf', 'binary.tf']) {
      assert.equal(result.findings[name], undefined, `${name} is not analysed`);
      assert.equal(result.logs.filter((l) => l.includes(`${name}:`)).length, 1, `one log line for ${name}:\n${result.logs.join('\n')}`);
    }
  });

  test('the file with a 1 MB single line is skipped, with one log line', () => {
    assert.equal(result.findings['line.tf'], undefined);
    assert.equal(result.logs.filter((l) => l.includes('line.tf:')).length, 1, result.logs.join('\n'));
  });

  test('a file that vanishes between listing and reading is skipped', () => {
    assert.equal(result.findings['gone/vanish.tf'], undefined);
    assert.ok(
      result.logs.some((l) => l.includes('vanish.tf')),
      `a log line says vanish.tf was skipped:\n${result.logs.join('\n')}`,
    );
  });

  test('the unreadable file is skipped', (t) => {
    let checked: { findings: Record<string, string[]>; logs: string[] } = result;
    if (workspace.unreadableSkipped) {
      t.diagnostic(workspace.unreadableSkipped);
      // Root reads anything: the same analysis then runs as an unprivileged user.
      const unprivileged = analyseAsNobody(t);
      if (!unprivileged) return;
      checked = unprivileged;
    }
    assert.deepEqual(checked.findings['main.tf'], [ALWAYS_ON], 'the sound file next to it is analysed');
    assert.equal(checked.findings['secret.tf'], undefined);
    assert.equal(checked.logs.filter((l) => l.includes('secret.tf:')).length, 1, checked.logs.join('\n'));
  });

  test('no file gets more than one log line, and nothing failed', () => {
    assertAtMostOneLinePerFile(result.logs, ['huge.tf', 'binary.tf', 'line.tf', 'secret.tf', 'vanish.tf', 'dangling.tf', 'main.tf']);
    assert.deepEqual(
      result.logs.filter((l) => /failed|Error/.test(l)),
      [],
    );
  });
});

describe(
  'hostile files through the CLI',
  { skip: !fs.existsSync(path.join(REPO, 'server', 'out', 'cli.js')) && 'CLI bundle missing: run npm run build' },
  () => {
    test('checks the workspace (symlink loop included) and reports the sound files', (t) => {
      const { root, unreadableSkipped } = hostileWorkspace();
      try {
        if (unreadableSkipped) t.diagnostic(unreadableSkipped);
        const started = performance.now();
        const run = spawnSync(process.execPath, [CLI, 'check', root, '--format', 'json'], {
          encoding: 'utf8',
          timeout: HANG_MS,
          maxBuffer: 64 * 1024 * 1024,
        });
        t.diagnostic(`CLI run: ${(performance.now() - started).toFixed(0)} ms, exit ${run.status}; stderr:\n${run.stderr.trim()}`);
        assert.equal(run.error, undefined, `the CLI did not finish: ${String(run.error)}`);
        // A binary .tf file is asked for and cannot be read as text: an error (exit 1) that names it, after the rest is checked.
        assert.equal(run.status, 1, `exit 1 (a file that cannot be read); stderr:\n${run.stderr}`);
        assert.match(run.stderr, /elb-lens: cannot read .*binary\.tf: it is binary/);
        const report = JSON.parse(run.stdout) as { diagnostics: { file: string; ruleId: string }[] };
        const files = new Set(report.diagnostics.map((f) => path.basename(f.file)));
        assert.ok(files.has('main.tf') && files.has('ok.tf'), `findings for the sound files: ${[...files].join(', ')}`);
        assert.doesNotMatch(run.stderr, /internal error|RangeError|Maximum call stack/);
      } finally {
        removeWorkspace(root);
      }
    });
  },
);

describe(
  'hostile workspaces through the real server',
  { skip: !fs.existsSync(SERVER_BUNDLE) && 'server bundle missing: run npm run build' },
  () => {
    let client: TestClient;
    let workspace: Workspace;

    before(async () => {
      workspace = hostileWorkspace();
      client = await TestClient.start(workspace.root);
      client.settings = { diagnostics: { scope: 'workspace' } };
    });

    after(async () => {
      await client.stop();
      removeWorkspace(workspace.root);
    });

    const serverProblems = () => client.logs.filter((l) => /failed|RangeError|Maximum call stack|uncaught/i.test(l));

    test('indexes the workspace without hanging and still reports sound files', async () => {
      await client.open('main.tf', LISTENER);
      const diagnostics = await client.waitForDiagnostics('main.tf', (d) => d.length === 1, 'main.tf findings', 30000);
      assert.equal(diagnostics[0].code, ALWAYS_ON);
      await client.waitForDiagnostics('other/ok.tf', (d) => d.length === 1, 'workspace-scope findings of an unopened file', 30000);
    });

    test('opening the binary and the 1 MB-line files gives no finding and no crash', async () => {
      await client.open('binary.tf', '\u007fELF\u0000\u0001\u0002');
      await client.open('line.tf', fs.readFileSync(path.join(workspace.root, 'line.tf'), 'utf8'));
      await client.waitForDiagnostics('line.tf', (d) => d.length === 0, 'line.tf analysed', 30000);
      await client.waitForDiagnostics('binary.tf', (d) => d.length === 0, 'binary.tf analysed', 30000);
      const hover = await client.connection.sendRequest('textDocument/hover', {
        textDocument: { uri: client.uri('main.tf') },
        position: { line: 3, character: 4 },
      });
      assert.ok(hover, 'the server still answers');
    });

    test('a file that vanishes between the watcher event and the read is skipped, with a log line', async () => {
      // The server listed gone/vanish.tf when indexing. The watcher reports a change to it,
      // and by the time the server reads it, it is gone.
      fs.rmSync(path.join(workspace.root, 'gone', 'vanish.tf'));
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [{ uri: client.uri('gone/vanish.tf'), type: 2 }],
      });
      await client.waitFor(() => client.logs.some((l) => l.includes('vanish.tf')), 'a log line about vanish.tf', 30000);
      await client.waitForDiagnostics('main.tf', (d) => d.length === 1, 'main.tf still analysed');
      assert.equal(client.process.exitCode, null, 'the server is still running');
    });

    test('no file gets more than one log line, and nothing failed', (t) => {
      if (workspace.unreadableSkipped) t.diagnostic(workspace.unreadableSkipped);
      const lines = client.logs.flatMap((l) => l.split('\n')).filter((l) => l.trim() !== '');
      t.diagnostic(`server log:\n${lines.join('\n') || '(empty)'}`);
      assertAtMostOneLinePerFile(lines, ['huge.tf', 'binary.tf', 'line.tf', 'secret.tf', 'vanish.tf', 'dangling.tf']);
      assert.deepEqual(serverProblems(), []);
    });

    test('a burst of 100 edits produces exactly one analysis, after the debounce', async () => {
      const uri = client.uri('main.tf');
      // Let earlier work settle (no publish for a second), then count this document's publishes.
      let last = -1;
      let lastChange = Date.now();
      await client.waitFor(
        () => {
          const total = [...client.publishCount.values()].reduce((a, b) => a + b, 0);
          if (total !== last) {
            last = total;
            lastChange = Date.now();
          }
          return Date.now() - lastChange > 1000;
        },
        'the server to settle',
        30000,
      );
      const before = client.publishCount.get(uri) ?? 0;
      // The first edit turns the finding's line into a comment; the other 99 type into it, one character each.
      const changes = [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 100 } }, text: '  #' }];
      for (let i = 0; i < 99; i++)
        changes.push({ range: { start: { line: 3, character: 3 + i }, end: { line: 3, character: 3 + i } }, text: 'x' });
      for (const [i, change] of changes.entries()) {
        await client.connection.sendNotification('textDocument/didChange', {
          textDocument: { uri, version: 100 + i },
          contentChanges: [change],
        });
      }
      await client.waitFor(() => (client.publishCount.get(uri) ?? 0) > before, 'the analysis after the burst', 30000);
      // Wait several debounce periods to be sure nothing else follows.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      assert.equal((client.publishCount.get(uri) ?? 0) - before, 1, 'publishes of main.tf after the burst');
      assert.deepEqual(client.diagnostics.get(uri), [], 'the one analysis saw the final text (the finding is gone)');
    });
  },
);

describe('crash recovery', { skip: !fs.existsSync(SERVER_BUNDLE) && 'server bundle missing: run npm run build' }, () => {
  test('after the server is killed, a new server process (what the client restarts) serves the same workspace', async (t) => {
    const root = tempWorkspace({ 'main.tf': LISTENER });
    let first: TestClient | undefined;
    let second: TestClient | undefined;
    try {
      first = await TestClient.start(root);
      await first.open('main.tf', LISTENER);
      await first.waitForDiagnostics('main.tf', (d) => d.length === 1, 'diagnostics before the crash', 30000);
      const exited = new Promise<NodeJS.Signals | null>((resolve) => first!.process.once('exit', (_code, signal) => resolve(signal)));
      first.process.kill('SIGKILL');
      assert.equal(await exited, 'SIGKILL');
      // vscode-languageclient's default error handler restarts a server that closed (up to
      // 4 times in 3 minutes) and re-sends initialize and didOpen for the open documents.
      const restarted = performance.now();
      second = await TestClient.start(root);
      await second.open('main.tf', LISTENER);
      const [diagnostic] = await second.waitForDiagnostics('main.tf', (d) => d.length === 1, 'diagnostics after the restart', 30000);
      t.diagnostic(`restart → first diagnostics: ${(performance.now() - restarted).toFixed(0)} ms`);
      assert.equal(diagnostic.code, ALWAYS_ON);
      const hover = await second.connection.sendRequest('textDocument/hover', {
        textDocument: { uri: second.uri('main.tf') },
        position: { line: 3, character: 4 },
      });
      assert.ok(hover, 'the restarted server answers requests');
    } finally {
      await first?.stop().catch(() => undefined);
      await second?.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
