import * as fs from 'fs';
import * as path from 'path';
import {
  AbstractMessageReader,
  AbstractMessageWriter,
  Disposable,
  type DataCallback,
  type Message,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver-protocol/node';
import {
  READ_DIRECTORY_REQUEST,
  READ_FILE_REQUEST,
  STAT_REQUEST,
  type ReadFileParams,
  type UriParams,
} from '../../server/src/lsp/fsProtocol';
import { TestClient, type StartOptions } from './client';

/** The web worker bundle of the server; `npm test` builds it before the tests run. */
export const BROWSER_SERVER_BUNDLE = path.resolve(__dirname, '..', '..', '..', 'server', 'out', 'browserServer.js');
const WASM_DIR = path.dirname(BROWSER_SERVER_BUNDLE);

/**
 * The workspace's URIs: not file: ones, as on github.dev (the server must never take them for
 * disk paths). `/acme/infra` is the temporary folder.
 */
export const BROWSER_ROOT_URI = 'vscode-vfs://github/acme/infra';

export function browserUri(_root: string, name: string): string {
  const rest = name
    .split('/')
    .filter(Boolean)
    .map((segment) => encodeURIComponent(segment))
    .join('/');
  return rest ? `${BROWSER_ROOT_URI}/${rest}` : BROWSER_ROOT_URI;
}

/** Requests the server made for files and folders, by URI. */
export interface FileRequests {
  reads: string[];
  listings: string[];
}

export interface BrowserServerOptions {
  /** Milliseconds every file request waits before it is answered (a slow remote file system). */
  latencyMs?: number;
  readLimits?: Record<string, number>;
}

class PortReader extends AbstractMessageReader implements MessageReader {
  private callback: DataCallback | undefined;
  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    return Disposable.create(() => (this.callback = undefined));
  }
  deliver(message: Message): void {
    this.callback?.(message);
  }
}

class PortWriter extends AbstractMessageWriter implements MessageWriter {
  constructor(private readonly send: (message: Message) => void) {
    super();
  }
  write(message: Message): Promise<void> {
    this.send(message);
    return Promise.resolve();
  }
  end(): void {}
}

/**
 * Starts the browser bundle of the server in this process, as a web worker runs it: a global
 * scope `self` that posts and receives messages (cloned, asynchronously), no `process`, no
 * `require`, WebAssembly fetched from URLs (data: URLs here). The client answers the server's
 * file requests (fsProtocol.ts) from the temporary folder, as client/src/browser.ts does with
 * vscode.workspace.fs.
 */
export async function startBrowserServer(
  root: string,
  options: BrowserServerOptions = {},
): Promise<{ client: TestClient; requests: FileRequests }> {
  const reader = new PortReader();
  let stopped = false;
  const messageListeners: ((event: { data: unknown }) => void)[] = [];
  const self = {
    location: { href: 'https://extension.example/server/out/browserServer.js' },
    onmessage: undefined as ((event: { data: unknown }) => void) | undefined,
    postMessage: (message: Message) => {
      const copy = structuredClone(message);
      setImmediate(() => !stopped && reader.deliver(copy));
    },
    addEventListener: (type: string, listener: (event: { data: unknown }) => void) => {
      if (type === 'message') messageListeners.push(listener);
    },
    removeEventListener: () => undefined,
    close: () => undefined,
  };
  const writer = new PortWriter((message) => {
    const event = { data: structuredClone(message) };
    setImmediate(() => {
      if (stopped) return;
      self.onmessage?.(event);
      for (const listener of messageListeners) listener(event);
    });
  });
  const code = fs.readFileSync(BROWSER_SERVER_BUNDLE, 'utf8');
  // What a worker does not have is shadowed; WorkerGlobalScope makes Emscripten take its worker path.
  const run = new Function('self', 'process', 'require', 'module', 'exports', '__dirname', '__filename', 'WorkerGlobalScope', code) as (
    ...args: unknown[]
  ) => void;
  run(self, undefined, undefined, undefined, undefined, undefined, undefined, function WorkerGlobalScope() {});

  const wasmUrl = (name: string) => `data:application/wasm;base64,${fs.readFileSync(path.join(WASM_DIR, name)).toString('base64')}`;
  const startOptions: StartOptions = {
    transport: { reader, writer, stop: () => (stopped = true) },
    uriOf: browserUri,
    initializationOptions: {
      wasm: { runtime: wasmUrl('web-tree-sitter.wasm'), grammar: wasmUrl('tree-sitter-hcl.wasm') },
      docsBase: 'https://extension.example/docs/rules/',
      // What the client passes from the extension's package.json (the desktop server reads the file).
      manifest: JSON.parse(fs.readFileSync(path.resolve(WASM_DIR, '..', '..', 'package.json'), 'utf8')) as unknown,
      readLimits: options.readLimits,
    },
  };
  const requests: FileRequests = { reads: [], listings: [] };
  const client = new TestClient(root, startOptions);
  answerFileRequests(client, root, requests, options.latencyMs ?? 0);
  await TestClient.initialize(client, startOptions);
  return { client, requests };
}

/** The disk path of a workspace URI; undefined outside the workspace (above `/acme/infra`: nothing there). */
function diskPath(root: string, uri: string): string | undefined {
  if (uri !== BROWSER_ROOT_URI && !uri.startsWith(`${BROWSER_ROOT_URI}/`)) return undefined;
  const rest = uri.slice(BROWSER_ROOT_URI.length).split('/').map(decodeURIComponent).join('/');
  return path.join(root, rest);
}

function answerFileRequests(client: TestClient, root: string, requests: FileRequests, latencyMs: number): void {
  const later = <T>(answer: () => T) => new Promise<T>((resolve) => setTimeout(() => resolve(answer()), latencyMs));
  client.connection.onRequest(READ_FILE_REQUEST, ({ uri, maxBytes }: ReadFileParams) =>
    later(() => {
      requests.reads.push(uri);
      const file = diskPath(root, uri);
      const stat = file ? fs.statSync(file, { throwIfNoEntry: false }) : undefined;
      if (!file || !stat?.isFile()) return { problem: 'missing' };
      if (stat.size > maxBytes) return { problem: 'tooLarge' };
      const bytes = fs.readFileSync(file);
      if (bytes.includes(0)) return { problem: 'binary' };
      return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
    }),
  );
  client.connection.onRequest(READ_DIRECTORY_REQUEST, ({ uri }: UriParams) =>
    later(() => {
      requests.listings.push(uri);
      const dir = diskPath(root, uri);
      if (!dir || !fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return null;
      return fs.readdirSync(dir, { withFileTypes: true }).map((e) => [e.name, e.isDirectory() ? 2 : e.isFile() ? 1 : 0]);
    }),
  );
  client.connection.onRequest(STAT_REQUEST, ({ uri }: UriParams) =>
    later(() => {
      const file = diskPath(root, uri);
      const stat = file ? fs.statSync(file, { throwIfNoEntry: false }) : undefined;
      return stat ? { type: stat.isDirectory() ? 2 : 1, size: stat.size } : null;
    }),
  );
}
