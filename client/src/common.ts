import { commands, Uri, window, workspace, type ExtensionContext } from 'vscode';
import type { BaseLanguageClient, DocumentFilter, LanguageClientOptions } from 'vscode-languageclient';

/**
 * What the desktop client (extension.ts, the server as a Node process) and the web client
 * (browser.ts, the server in a web worker) share: which documents the server gets, the
 * settings and file events it is sent, and the commands.
 */

export const RULE_IDS = [
  'client-ip-always-on',
  'client-ip-unsupported-argument',
  'client-ip-ip-backend',
  'client-ip-same-server',
  'client-ip-shared-l4-off',
  'client-ip-nat64-conflict',
  'client-ip-ineffective-option',
];

const LANGUAGES = ['terraform', 'terraform-vars', 'json', 'jsonc'];

/**
 * The client options for documents of these URI schemes. `lockFileScheme`: lock files are
 * matched by name whatever language the editor gives them (undefined: in every scheme).
 */
export function clientOptions(schemes: readonly string[], lockFileScheme: string | undefined): LanguageClientOptions {
  const lockFiles: DocumentFilter = { pattern: '**/.terraform.lock.hcl', ...(lockFileScheme ? { scheme: lockFileScheme } : {}) };
  return {
    documentSelector: [
      ...LANGUAGES.flatMap((language) => schemes.map((scheme) => ({ scheme, language }))),
      // Whatever language the editor gives it: a lock file that cannot be read is reported on it.
      lockFiles,
    ],
    synchronize: {
      configurationSection: 'elbLens',
      fileEvents: workspace.createFileSystemWatcher(
        '**/{*.tf,*.tf.json,*.tfvars,*.tfvars.json,*.elb.json,*.elb.jsonc,.elb-lens.json,.terraform.lock.hcl}',
      ),
    },
    outputChannelName: 'ELB Lens',
  };
}

/** The ELB Lens commands; `client` gives the running client (undefined before it starts). */
export function registerCommands(
  context: ExtensionContext,
  client: () => (BaseLanguageClient & { restart?(): Promise<void> }) | undefined,
): void {
  context.subscriptions.push(
    commands.registerCommand('elbLens.restartServer', async () => {
      const running = client();
      if (running?.restart) await running.restart();
      else if (running) {
        // The web client has no restart: a stop and a start is one.
        await running.stop();
        await running.start();
      }
    }),
    commands.registerCommand('elbLens.showOutput', () => client()?.outputChannel.show()),
    commands.registerCommand('elbLens.openRuleDocs', async (ruleId?: string) => {
      const id = typeof ruleId === 'string' ? ruleId : await window.showQuickPick(RULE_IDS, { placeHolder: 'Which rule?' });
      if (!id) return;
      const page = Uri.joinPath(context.extensionUri, 'docs', 'rules', `${id}.md`);
      await commands.executeCommand('markdown.showPreview', page);
    }),
  );
}
