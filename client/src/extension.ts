import * as path from 'path';
import type { ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateElbLens, deactivateElbLens } from './common';

// The desktop client: the language server runs as a Node process and reads the disk, so it
// checks file: documents (and untitled ones). browser.ts is the web client; common.ts what
// both do.

export async function activate(context: ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  await activateElbLens(context, {
    schemes: ['file'],
    createClient: (options) => new LanguageClient('elbLens', 'ELB Lens', serverOptions, options),
  });
}

export function deactivate(): Promise<void> {
  return deactivateElbLens();
}
