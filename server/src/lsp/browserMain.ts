import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
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

const reader = new BrowserMessageReader(self as never);
const writer = new BrowserMessageWriter(self as never);
const connection = createConnection(ProposedFeatures.all, reader, writer);
// A stray rejected promise must be logged, not lost: nothing else would show it.
self.addEventListener('unhandledrejection', (event) => connection.console.error(`elb-lens: unhandled rejection: ${String(event.reason)}`));
new ElbLensServer(connection, createBrowserPlatform(connection)).listen();
