import {
  BrowserMessageReader,
  BrowserMessageWriter,
  createConnection,
  ProposedFeatures,
  type Message,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver/browser';
import { createBrowserPlatform } from './browserPlatform';
import { ElbLensServer } from './server';

/**
 * The language server in a web worker (vscode.dev, github.dev, code-server's web worker
 * extension host): the same server as on Node, over the worker's messages, with a platform that
 * reads files through the client. Bundled as an IIFE (esbuild.mjs): the worker loads it with
 * importScripts.
 */

/** The worker's global scope (the server's TypeScript is built without the DOM's types). */
declare const self: {
  addEventListener(type: 'unhandledrejection', listener: (event: { reason: unknown }) => void): void;
};

/** When the worker was created (before its script was fetched): the server's start. */
const started = performance.timeOrigin;
let firstOpen: number | undefined;
let firstDiagnostics = false;
const method = (message: Message) => (message as { method?: unknown }).method;

const reader = new BrowserMessageReader(self as never);
const writer = new BrowserMessageWriter(self as never);
// The transport, watched for the first document opened and the first diagnostics sent: how long
// the server took is said once in the output (the end-to-end suite checks it).
const watchedReader: MessageReader = {
  onError: reader.onError,
  onClose: reader.onClose,
  onPartialMessage: reader.onPartialMessage,
  listen: (callback) =>
    reader.listen((message) => {
      if (firstOpen === undefined && method(message) === 'textDocument/didOpen') firstOpen = Date.now();
      callback(message);
    }),
  dispose: () => reader.dispose(),
};
const watchedWriter: MessageWriter = {
  onError: writer.onError,
  onClose: writer.onClose,
  write: (message) => {
    const result = writer.write(message);
    if (!firstDiagnostics && firstOpen !== undefined && method(message) === 'textDocument/publishDiagnostics') {
      firstDiagnostics = true;
      const ms = Math.round(Date.now() - Math.max(started, firstOpen));
      connection.console.info(`elb-lens: first diagnostics ${ms} ms after the server started and a document was open`);
    }
    return result;
  },
  end: () => writer.end(),
  dispose: () => writer.dispose(),
};
const connection = createConnection(ProposedFeatures.all, watchedReader, watchedWriter);
// A stray rejected promise must be logged, not lost: nothing else would show it.
self.addEventListener('unhandledrejection', (event) => connection.console.error(`elb-lens: unhandled rejection: ${String(event.reason)}`));
new ElbLensServer(connection, createBrowserPlatform(connection)).listen();
