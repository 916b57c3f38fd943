import * as path from 'path';
import { commands, Uri, window, workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerClientIpMap } from './map';

// The client only starts the server and wires settings and commands; all analysis is in the server.
let client: LanguageClient | undefined;

const RULE_IDS = [
  'client-ip-always-on',
  'client-ip-unsupported-argument',
  'client-ip-ip-backend',
  'client-ip-same-server',
  'client-ip-shared-l4-off',
  'client-ip-nat64-conflict',
  'client-ip-ineffective-option',
];

export async function activate(context: ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const selector = ['terraform', 'terraform-vars', 'json', 'jsonc'].flatMap((language) => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
  ]);
  const clientOptions: LanguageClientOptions = {
    documentSelector: selector,
    synchronize: {
      configurationSection: 'elbLens',
      fileEvents: workspace.createFileSystemWatcher('**/{*.tf,*.tf.json,*.tfvars,*.tfvars.json,*.elb.json,*.elb.jsonc,.elb-lens.json}'),
    },
    outputChannelName: 'ELB Lens',
  };
  client = new LanguageClient('elbLens', 'ELB Lens', serverOptions, clientOptions);

  context.subscriptions.push(
    commands.registerCommand('elbLens.restartServer', async () => {
      await client?.restart();
    }),
    commands.registerCommand('elbLens.showOutput', () => client?.outputChannel.show()),
    commands.registerCommand('elbLens.openRuleDocs', async (ruleId?: string) => {
      const id = typeof ruleId === 'string' ? ruleId : await window.showQuickPick(RULE_IDS, { placeHolder: 'Which rule?' });
      if (!id) return;
      const page = Uri.file(context.asAbsolutePath(path.join('docs', 'rules', `${id}.md`)));
      await commands.executeCommand('markdown.showPreview', page);
    }),
  );
  registerClientIpMap(context, client);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
