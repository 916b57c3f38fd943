import * as path from 'path';
import type { ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { clientOptions, registerCommands } from './common';

// The client only starts the server and wires settings and commands; all analysis is in the server.
// This is the desktop (Node) client; browser.ts is the web one, common.ts what they share.
let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  // The server reads the disk: files of other schemes (a virtual workspace) are the web build's.
  client = new LanguageClient('elbLens', 'ELB Lens', serverOptions, clientOptions(['file', 'untitled'], 'file'));
  registerCommands(context, () => client);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
