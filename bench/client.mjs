// A minimal LSP client over stdio for the benchmarks: spawns the built server (with extra
// node flags, e.g. --cpu-prof), records publishDiagnostics and answers configuration requests.
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver-protocol/node');

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SERVER = path.join(ROOT, 'server', 'out', 'server.js');

export class BenchClient {
  /** uri → publishes seen, each with its arrival time. */
  publishes = new Map();
  diagnostics = new Map();
  logs = [];
  settings = {};
  #waiters = [];

  constructor(root, { nodeArgs = [], server = SERVER } = {}) {
    this.root = root;
    this.process = spawn(process.execPath, [...nodeArgs, server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.exited = new Promise((resolve) => this.process.on('exit', (code, signal) => resolve({ code, signal })));
    this.process.stderr.on('data', (chunk) => this.logs.push(chunk.toString()));
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (params) => {
      const now = performance.now();
      this.diagnostics.set(params.uri, params.diagnostics);
      const list = this.publishes.get(params.uri) ?? [];
      list.push({ at: now, version: params.version, count: params.diagnostics.length });
      this.publishes.set(params.uri, list);
      const waiters = this.#waiters;
      this.#waiters = [];
      for (const wake of waiters) wake();
    });
    this.connection.onNotification('window/logMessage', (params) => this.logs.push(params.message));
    this.connection.onRequest('workspace/configuration', (params) => params.items.map(() => this.settings));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.listen();
  }

  static async start(root, options) {
    const client = new BenchClient(root, options);
    const rootUri = pathToFileURL(root).toString();
    await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'bench' }],
      capabilities: {
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
        textDocument: {
          synchronization: { didSave: true },
          hover: { contentFormat: ['markdown'] },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
          publishDiagnostics: { versionSupport: true },
        },
        window: { workDoneProgress: true },
      },
    });
    await client.connection.sendNotification('initialized', {});
    return client;
  }

  uri(name) {
    return pathToFileURL(path.join(this.root, name)).toString();
  }

  publishCount(uri) {
    return this.publishes.get(uri)?.length ?? 0;
  }

  open(name, text) {
    return this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: this.uri(name), languageId: 'terraform', version: 1, text },
    });
  }

  /** Resolves when `check()` is truthy (re-checked on every publish and every 50 ms). */
  async waitFor(check, what, timeoutMs = 60000) {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value) return value;
      if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}\n${this.logs.join('')}`);
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, 50);
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async stop() {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    const exited = await Promise.race([this.exited, new Promise((r) => setTimeout(() => r(undefined), 5000))]);
    this.connection.dispose();
    if (!exited) this.process.kill();
  }
}

export function fileUriToPath(uri) {
  return fileURLToPath(uri);
}
