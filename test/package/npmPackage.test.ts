import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { installPackedTarball, REPO_ROOT, type InstalledPackage } from './install';

const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  version: string;
  private?: boolean;
  dependencies?: Record<string, string>;
  files?: string[];
  bin: Record<string, string>;
  engines: Record<string, string>;
};

let installed: InstalledPackage;
before(() => {
  installed = installPackedTarball();
});
after(() => installed.cleanup());

function runInstalled(command: string, args: string[], cwd: string) {
  return spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 60000, env: { PATH: installed.pathValue, HOME: installed.root } });
}

test('package.json: publishable, both commands, Node 20+, nothing installed at run time', () => {
  assert.equal(manifest.private, undefined, 'a private package cannot be published');
  assert.deepEqual(Object.keys(manifest.bin).sort(), ['elb-lens', 'elb-lens-server']);
  assert.equal(manifest.engines.node, '>=20');
  assert.deepEqual(manifest.dependencies ?? {}, {}, 'the bundles carry their dependencies: none may be installed beside them');
  assert.ok(Array.isArray(manifest.files) && manifest.files.length > 0, 'an explicit files list');
});

test('the installed package holds the bundles and their WebAssembly, and no sources or tests', () => {
  const root = path.join(installed.prefix, 'lib', 'node_modules', 'elb-lens');
  for (const file of [
    'server/out/cli.js',
    'server/out/server.js',
    'server/out/web-tree-sitter.wasm',
    'server/out/tree-sitter-hcl.wasm',
    'docs/rules/client-ip-always-on.md',
  ]) {
    assert.ok(fs.existsSync(path.join(root, file)), `${file} is in the package`);
  }
  for (const folder of ['server/src', 'test', 'node_modules', 'examples', 'build']) {
    assert.ok(!fs.existsSync(path.join(root, folder)), `${folder} is not in the package`);
  }
  const maps = fs.readdirSync(path.join(root, 'server', 'out')).filter((f) => f.endsWith('.map'));
  assert.deepEqual(maps, [], 'no source maps');
});

test('elb-lens --version prints the package version', () => {
  const result = runInstalled('elb-lens', ['--version'], installed.root);
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stdout.trim(), manifest.version);
});

test('elb-lens check on a copy of examples/ exits 2 with the findings', () => {
  const examples = path.join(installed.root, 'examples');
  fs.cpSync(path.join(REPO_ROOT, 'examples'), examples, { recursive: true });
  const result = runInstalled('elb-lens', ['check', '--format', 'compact', '.'], examples);
  assert.equal(result.status, 2, result.stderr);
  const lines = result.stdout.trim().split('\n');
  assert.ok(lines.length > 5, result.stdout);
  // Each line names a file of the copy and a rule.
  for (const line of lines) assert.match(line, /^[^:]+:\d+:\d+: (error|warning|info|hint|information) \[[a-z0-9-]+\] /, line);
  assert.match(result.stdout, /\[client-ip-always-on\]/);
});

test('elb-lens-server --stdio answers initialize', async () => {
  const server = spawn('elb-lens-server', ['--stdio'], {
    env: { PATH: installed.pathValue, HOME: installed.root },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  try {
    const body = JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { processId: null, rootUri: null, capabilities: {} },
    });
    server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    const response = await new Promise<{ id: number; result?: { capabilities: Record<string, unknown>; serverInfo?: { name: string } } }>(
      (resolve, reject) => {
        let buffer = Buffer.alloc(0);
        const timer = setTimeout(() => reject(new Error('no answer to initialize within 20 s')), 20000);
        server.on('exit', (code) => reject(new Error(`the server exited with ${code}`)));
        server.stdout.on('data', (chunk: Buffer) => {
          buffer = Buffer.concat([buffer, chunk]);
          const header = /^Content-Length: (\d+)\r\n\r\n/.exec(buffer.toString('latin1'));
          if (!header) return;
          const start = header[0].length;
          const length = Number(header[1]);
          if (buffer.length < start + length) return;
          clearTimeout(timer);
          resolve(JSON.parse(buffer.subarray(start, start + length).toString('utf8')));
        });
      },
    );
    assert.equal(response.id, 1);
    assert.ok(response.result, JSON.stringify(response));
    assert.ok(response.result.capabilities.hoverProvider, 'it offers hovers');
    assert.ok(response.result.capabilities.textDocumentSync !== undefined, 'it takes documents');
  } finally {
    server.kill();
  }
});

test('a copy that was never built says so and what to do, in a clone and in an install from git', () => {
  // The bin scripts alone, as an install from git without its build leaves them.
  const installedFromGit = path.join(installed.root, 'from-git');
  fs.cpSync(path.join(REPO_ROOT, 'bin'), path.join(installedFromGit, 'bin'), { recursive: true });
  const fromGit = spawnSync(process.execPath, [path.join(installedFromGit, 'bin', 'elb-lens.js'), '--version'], { encoding: 'utf8' });
  assert.equal(fromGit.status, 1);
  assert.match(fromGit.stderr, /was not built/);
  assert.match(fromGit.stderr, /npm pack/);
  assert.doesNotMatch(fromGit.stderr, /Cannot find module/);
  // A clone: the sources are there, so building is the way.
  const clone = path.join(installed.root, 'clone');
  fs.cpSync(path.join(REPO_ROOT, 'bin'), path.join(clone, 'bin'), { recursive: true });
  fs.mkdirSync(path.join(clone, 'server', 'src'), { recursive: true });
  const fromClone = spawnSync(process.execPath, [path.join(clone, 'bin', 'elb-lens-server.js'), '--stdio'], { encoding: 'utf8' });
  assert.equal(fromClone.status, 1);
  assert.match(fromClone.stderr, /npm ci && npm run build/);
});
