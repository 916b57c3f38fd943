import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageReader,
  type MessageWriter,
  type ProtocolConnection,
  type Diagnostic,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

/** The built server bundle; `npm test` builds it before the tests run. */
export const SERVER_BUNDLE = path.resolve(__dirname, '..', '..', '..', 'server', 'out', 'server.js');

/** Another way to reach a server than a Node process over stdio (browserServer.ts: the web worker bundle in-process). */
export interface ServerTransport {
  reader: MessageReader;
  writer: MessageWriter;
  stop(): void;
}

/**
 * A real LSP client over stdio for the built server: it records what the server
 * publishes and answers workspace/configuration from `settings`.
 */
export class TestClient {
  readonly connection: ProtocolConnection;
  /** The server's process (undefined with another transport). */
  readonly process: ChildProcess;
  private readonly transport: ServerTransport | undefined;
  private readonly uriOf: (root: string, name: string) => string;
  readonly diagnostics = new Map<string, Diagnostic[]>();
  readonly publishCount = new Map<string, number>();
  /** Every publication, in order. */
  readonly published: PublishDiagnosticsParams[] = [];
  readonly logs: string[] = [];
  /** How many times the server asked the client to re-request inlay hints. */
  inlayHintRefreshes = 0;
  /** How many workspace/configuration requests the server made. */
  configurationRequests = 0;
  /** client/registerCapability registrations, in order (unregistrations remove them). */
  readonly registrations: { id: string; method: string; registerOptions?: unknown }[] = [];
  /** `elbLens/status` notifications, in order (sent with `initializationOptions.status`). */
  readonly statuses: { state: string; message?: string }[] = [];
  /** Tokens of the work-done progress the server created (window/workDoneProgress/create), in order. */
  readonly progressCreated: (string | number)[] = [];
  /** `$/progress` notifications, in order. */
  readonly progress: { token: string | number; value: ProgressValue }[] = [];
  /** Cancels each work-done progress as soon as it begins (as a user clicking Cancel would). */
  cancelProgressOnBegin = false;
  settings: Record<string, unknown> = {};
  /** Settings per resource (a folder's own), when set: answers by `scopeUri`. */
  settingsByScope: ((scopeUri: string | undefined) => Record<string, unknown>) | undefined;
  private waiters: (() => void)[] = [];

  constructor(
    readonly root: string,
    options: StartOptions = {},
  ) {
    this.transport = options.transport;
    this.uriOf = options.uriOf ?? ((base, name) => pathToFileURL(path.join(base, name)).toString());
    if (this.transport) {
      this.process = undefined as unknown as ChildProcess;
      this.connection = createProtocolConnection(this.transport.reader, this.transport.writer);
    } else {
      this.process = spawn(process.execPath, [options.bundle ?? SERVER_BUNDLE, '--stdio'], {
        stdio: ['pipe', 'pipe', 'pipe'],
        ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
      });
      this.process.stderr?.on('data', (chunk: Buffer) => this.logs.push(chunk.toString()));
      this.connection = createProtocolConnection(
        new StreamMessageReader(this.process.stdout!),
        new StreamMessageWriter(this.process.stdin!),
      );
    }
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.diagnostics.set(params.uri, params.diagnostics);
      this.publishCount.set(params.uri, (this.publishCount.get(params.uri) ?? 0) + 1);
      this.published.push(params);
      this.notify();
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push(params.message);
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { scopeUri?: string }[] }) => {
      this.configurationRequests++;
      this.notify();
      return params.items.map((item) => this.settingsByScope?.(item.scopeUri) ?? this.settings);
    });
    this.connection.onRequest(
      'client/registerCapability',
      (params: { registrations: { id: string; method: string; registerOptions?: unknown }[] }) => {
        this.registrations.push(...params.registrations);
        this.notify();
        return null;
      },
    );
    this.connection.onRequest('client/unregisterCapability', (params: { unregisterations: { id: string }[] }) => {
      for (const { id } of params.unregisterations) {
        const index = this.registrations.findIndex((r) => r.id === id);
        if (index >= 0) this.registrations.splice(index, 1);
      }
      this.notify();
      return null;
    });
    this.connection.onNotification('elbLens/status', (params: { state: string; message?: string }) => {
      this.statuses.push(params);
      this.notify();
    });
    this.connection.onRequest('window/workDoneProgress/create', (params: { token: string | number }) => {
      this.progressCreated.push(params.token);
      this.notify();
      return null;
    });
    this.connection.onNotification('$/progress', (params: { token: string | number; value: ProgressValue }) => {
      this.progress.push(params);
      if (this.cancelProgressOnBegin && params.value.kind === 'begin') {
        void this.connection.sendNotification('window/workDoneProgress/cancel', { token: params.token });
      }
      this.notify();
    });
    this.connection.onRequest('workspace/inlayHint/refresh', () => {
      this.inlayHintRefreshes++;
      this.notify();
      return null;
    });
    this.connection.listen();
  }

  static async start(root: string, options: StartOptions = {}): Promise<TestClient> {
    return TestClient.initialize(new TestClient(root, options), options);
  }

  /** Sends initialize and initialized (after the caller added its own request handlers to `client`). */
  static async initialize(client: TestClient, options: StartOptions = {}): Promise<TestClient> {
    const rootUri = client.uriOf(client.root, '');
    const folders = options.workspaceFolders?.map((name) => ({ uri: client.uriOf(client.root, name), name })) ?? [
      { uri: rootUri, name: 'test' },
    ];
    await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: folders,
      initializationOptions: options.initializationOptions,
      capabilities: {
        workspace: {
          configuration: true,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: options.relativePatternSupport ?? false },
          workspaceFolders: true,
          inlayHint: { refreshSupport: true },
        },
        textDocument: {
          synchronization: { didSave: true, dynamicRegistration: false },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          codeAction: {
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } },
            isPreferredSupport: true,
          },
          publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, versionSupport: true },
          inlayHint: { dynamicRegistration: false },
        },
        window: { workDoneProgress: true },
      },
    });
    await client.connection.sendNotification('initialized', {});
    return client;
  }

  /** A file URI under the workspace; names with a scheme (`untitled:…`) are URIs already. */
  uri(name: string): string {
    return /^[a-z]+:/.test(name) ? name : this.uriOf(this.root, name);
  }

  async open(name: string, text: string, version = 1, languageId = 'terraform'): Promise<void> {
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: this.uri(name), languageId, version, text },
    });
  }

  async close(name: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri: this.uri(name) } });
  }

  /** Sends new settings the way VS Code does: a didChangeConfiguration, then workspace/configuration answers. */
  async changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  }

  /** Polls (never sleeps a fixed time) until `check` holds or the timeout passes. */
  async waitFor<T>(check: () => T | undefined | false, what: string, timeoutMs = 8000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; server log:\n${this.logs.join('\n')}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Waits for diagnostics of a file that satisfy `predicate`. */
  waitForDiagnostics(name: string, predicate: (d: Diagnostic[]) => boolean, what: string, timeoutMs?: number): Promise<Diagnostic[]> {
    return this.waitFor(
      () => {
        const current = this.diagnostics.get(this.uri(name));
        return current && predicate(current) ? current : undefined;
      },
      what,
      timeoutMs,
    );
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 1000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // The server may already be gone.
    }
    this.connection.dispose();
    if (this.transport) this.transport.stop();
    else this.process.kill();
  }
}

/** The value of a work-done progress notification. */
export interface ProgressValue {
  kind: 'begin' | 'report' | 'end';
  title?: string;
  message?: string;
  percentage?: number;
  cancellable?: boolean;
}

export interface StartOptions {
  /** Another copy of the server bundle (with its own package.json two folders up). */
  bundle?: string;
  /** Another way to reach the server than a process over stdio. */
  transport?: ServerTransport;
  /** The URI of a path under the workspace (default: its file: URI). */
  uriOf?: (root: string, name: string) => string;
  initializationOptions?: unknown;
  /** Whether the client takes relative glob patterns in file watchers (VS Code does). */
  relativePatternSupport?: boolean;
  /** Workspace folders (names under the root); default: the root alone. */
  workspaceFolders?: string[];
  /** Environment variables for the server's process, over the test's own. */
  env?: Record<string, string>;
}

export function tempWorkspace(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'elb-lens-lsp-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}
