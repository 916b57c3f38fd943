import { FileType, Uri, workspace, type ExtensionContext } from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateElbLens, deactivateElbLens } from './common';
import {
  READ_DIRECTORY_REQUEST,
  READ_FILE_REQUEST,
  STAT_REQUEST,
  type ReadDirectoryResult,
  type ReadFileParams,
  type ReadFileResult,
  type StatResult,
  type UriParams,
} from './fsProtocol';

// The web client (vscode.dev, github.dev, web worker extension hosts): the same server as on
// the desktop runs in a worker of its own; it has no file system, so it reads files through
// this client (vscode.workspace.fs), which works for every scheme the workbench can open.

/** The worker constructor of the web worker extension host (the client is built without the DOM's types). */
declare const Worker: new (url: string) => Worker;
type Worker = Extract<ConstructorParameters<typeof LanguageClient>[2], { terminate(): void }>;

export async function activate(context: ExtensionContext): Promise<void> {
  const out = Uri.joinPath(context.extensionUri, 'server', 'out');
  // Resolved while the rest of the activation runs (it searches the workspace first).
  const urls = Promise.all(
    ['browserServer.js', 'web-tree-sitter.wasm', 'tree-sitter-hcl.wasm'].map((name) => fetchableUrl(Uri.joinPath(out, name))),
  );
  urls.catch(() => undefined); // reported when a client is created
  // The first server's worker starts loading now too (its script and its WebAssembly are the
  // longest part of a start); a restart makes a new one.
  let firstWorker: Promise<Worker> | undefined = urls.then(([serverUrl]) => new Worker(serverUrl));
  firstWorker.catch(() => undefined);
  const manifest = context.extension.packageJSON as { version?: unknown; repository?: unknown };
  // Files of the workspace's schemes (vscode-vfs on github.dev, vscode-remote in code-server…).
  const schemes = new Set(['file', 'vscode-vfs', 'vscode-remote', ...(workspace.workspaceFolders ?? []).map((f) => f.uri.scheme)]);
  await activateElbLens(context, {
    schemes: [...schemes],
    async createClient(options) {
      const [serverUrl, runtime, grammar] = await urls;
      const worker = (await firstWorker) ?? new Worker(serverUrl);
      firstWorker = undefined;
      const web = new LanguageClient('elbLens', 'ELB Lens', worker, {
        ...options,
        initializationOptions: {
          ...(options.initializationOptions as object),
          wasm: { runtime, grammar },
          docsBase: `${Uri.joinPath(context.extensionUri, 'docs', 'rules').toString()}/`,
          manifest: { version: manifest.version, repository: manifest.repository },
        },
      });
      answerFileRequests(web);
      return web;
    },
  });
}

export function deactivate(): Promise<void> {
  return deactivateElbLens();
}

/**
 * A URL a worker can load or fetch. The extension's own URI may be `vscode-remote:` (code-server),
 * which `new Worker` refuses ("Creating workers from remote extensions is currently not
 * supported") and a nested worker cannot fetch: fetching it here gives the URL it resolves to.
 */
async function fetchableUrl(uri: Uri): Promise<string> {
  const url = uri.toString(true);
  if (uri.scheme === 'http' || uri.scheme === 'https') return url;
  const response = await fetch(url);
  await response.body?.cancel();
  if (!response.ok) throw new Error(`ELB Lens: cannot load ${url} (${response.status})`);
  return response.url;
}

/** The server's file access (server/src/lsp/fsProtocol.ts): read, list a folder, stat. */
function answerFileRequests(languageClient: LanguageClient): void {
  languageClient.onRequest(READ_FILE_REQUEST, async ({ uri, maxBytes }: ReadFileParams): Promise<ReadFileResult> => {
    const target = Uri.parse(uri);
    const stat = await workspace.fs.stat(target).then(
      (s) => s,
      () => undefined,
    );
    if (!stat || !(stat.type & FileType.File)) return { problem: 'missing' };
    if (stat.size > maxBytes) return { problem: 'tooLarge' };
    let bytes: Uint8Array;
    try {
      bytes = await workspace.fs.readFile(target);
    } catch {
      return { problem: 'unreadable' };
    }
    if (bytes.length > maxBytes) return { problem: 'tooLarge' };
    if (bytes.includes(0)) return { problem: 'binary' };
    // As Node's host reads it: a byte order mark is kept (the core turns it into a space).
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
  });
  languageClient.onRequest(READ_DIRECTORY_REQUEST, async ({ uri }: UriParams): Promise<ReadDirectoryResult> => {
    try {
      return await workspace.fs.readDirectory(Uri.parse(uri));
    } catch {
      return null;
    }
  });
  languageClient.onRequest(STAT_REQUEST, async ({ uri }: UriParams): Promise<StatResult> => {
    try {
      const stat = await workspace.fs.stat(Uri.parse(uri));
      return { type: stat.type, size: stat.size };
    } catch {
      return null;
    }
  });
}
