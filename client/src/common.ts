import * as path from 'path';
import * as jsonc from 'jsonc-parser';
import {
  commands,
  Uri,
  window,
  workspace,
  type DocumentSelector,
  type ExtensionContext,
  type LogOutputChannel,
  type TextDocument,
} from 'vscode';
import { State, type BaseLanguageClient, type LanguageClientOptions } from 'vscode-languageclient';
import { registerClientIpMap } from './map';
import { STATUS_NOTIFICATION, type ServerStatus } from './protocol';
import { isFileScheme, setFileSchemes } from './schemes';
import { configJsonFiles, documentSelector, type JsonFilesScope } from './selector';
import { ElbStatusBar } from './statusBar';
import { EXAMPLE_TERRAFORM, STARTER_CONFIG } from './walkthrough';
import { whenNeeded } from './yamlGate';

// The client starts the server and wires settings, commands and the status bar; all
// analysis is in the server. It has no file watcher of its own: the server registers one
// (ELB Lens's file names only), and the one configuration registration (section elbLens).
//
// This is what the desktop client (extension.ts: the server as a Node process) and the web
// client (browser.ts: the server in a web worker) share; each gives its ClientPlatform.

const CONFIG_FILE_NAME = '.elb-lens.json';
/** Folders never searched for `.elb-lens.json` (as the server's walk skips them). */
const SKIPPED = '**/{node_modules,.terraform,.git}/**';

/** What differs between the desktop and the web client. */
export interface ClientPlatform {
  /** URI schemes of the files the server checks (besides untitled documents). */
  schemes: readonly string[];
  /** A language client for these options: the server as a Node process, or in a web worker. */
  createClient(options: LanguageClientOptions): BaseLanguageClient | Promise<BaseLanguageClient>;
}

let client: BaseLanguageClient | undefined;
let selector: DocumentSelector = [];
let selectorKey = '';
/** Starts and restarts run one after the other. */
let queue: Promise<void> = Promise.resolve();

export async function activateElbLens(context: ExtensionContext, platform: ClientPlatform): Promise<void> {
  setFileSchemes(platform.schemes);
  const output: LogOutputChannel = window.createOutputChannel('ELB Lens', { log: true });
  const statusBar = new ElbStatusBar(() => selector);
  context.subscriptions.push(output, statusBar);

  const start = async () => {
    let next: BaseLanguageClient;
    try {
      next = await platform.createClient(clientOptions(output));
    } catch (error) {
      statusBar.setState('error', 'the server did not start');
      output.error(`ELB Lens: the language server did not start: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    next.onNotification(STATUS_NOTIFICATION, (status: ServerStatus) => statusBar.setState(status.state, status.message));
    next.onDidChangeState((e) => {
      if (e.newState === State.Starting) statusBar.setState('starting');
      else if (e.newState === State.Stopped) statusBar.setState('stopped');
    });
    client = next;
    try {
      await next.start();
    } catch (error) {
      statusBar.setState('error', 'the server did not start');
      output.error(`ELB Lens: the language server did not start: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const stop = async () => {
    const previous = client;
    client = undefined;
    if (previous?.needsStop()) await previous.stop();
    await previous?.dispose();
  };
  const enqueue = (work: () => Promise<void>) => (queue = queue.then(work, work));

  /** Recomputes the documents the server gets; a different set restarts the client with it. */
  let serverWanted = false;
  const refreshSelector = (force = false) =>
    enqueue(async () => {
      const wanted = serverWanted;
      const next = documentSelector(await jsonFilesScopes(), platform.schemes);
      const key = JSON.stringify(next);
      if (!wanted) {
        // Not started yet (activated by a YAML file without an ELB annotation): remember the set only.
        selector = next;
        selectorKey = key;
        return;
      }
      if (key === selectorKey && !force && client) return;
      const restarting = client !== undefined;
      selector = next;
      selectorKey = key;
      if (restarting) output.info('ELB Lens: the json.files globs changed; restarting the language server for the new set of documents');
      await stop();
      await start();
      statusBar.update();
    });

  const isConfigFile = (uri: Uri) => path.basename(uri.path) === CONFIG_FILE_NAME;
  context.subscriptions.push(
    commands.registerCommand('elbLens.restartServer', () => {
      serverWanted = true;
      return refreshSelector(true);
    }),
    commands.registerCommand('elbLens.showOutput', async () => {
      output.show();
      // Asked for the server's log: start it if a YAML-only activation has not yet.
      if (!serverWanted) {
        serverWanted = true;
        await refreshSelector(true);
      }
    }),
    commands.registerCommand('elbLens.openRuleDocs', (ruleId?: string) => openRuleDocs(context, ruleId)),
    commands.registerCommand('elbLens.openExample', async () => {
      const document = await workspace.openTextDocument({ language: 'terraform', content: EXAMPLE_TERRAFORM });
      await window.showTextDocument(document);
    }),
    commands.registerCommand('elbLens.createConfig', () => createConfig()),
    // `json.files` decides which JSON documents the server gets: the setting, or a
    // `.elb-lens.json` saved, created, deleted or renamed in the editor.
    workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('elbLens.json.files')) void refreshSelector();
    }),
    workspace.onDidSaveTextDocument((d: TextDocument) => {
      if (isConfigFile(d.uri)) void refreshSelector();
    }),
    workspace.onDidCreateFiles((e) => {
      if (e.files.some(isConfigFile)) void refreshSelector();
    }),
    workspace.onDidDeleteFiles((e) => {
      if (e.files.some(isConfigFile)) void refreshSelector();
    }),
    workspace.onDidRenameFiles((e) => {
      if (e.files.some((f) => isConfigFile(f.oldUri) || isConfigFile(f.newUri))) void refreshSelector();
    }),
    workspace.onDidChangeWorkspaceFolders(() => void refreshSelector()),
  );
  registerClientIpMap(context, () => client);
  // Activated by a YAML file: the server starts only once a document needs it (yamlGate.ts).
  // Both search the workspace: side by side, the server starts sooner.
  await Promise.all([
    refreshSelector(),
    whenNeeded(async () => {
      serverWanted = true;
      // Not forced: the refresh beside it may have started the server already.
      await refreshSelector();
    }, context.subscriptions),
  ]);
}

function clientOptions(output: LogOutputChannel): LanguageClientOptions {
  return {
    documentSelector: selector as LanguageClientOptions['documentSelector'],
    outputChannel: output,
    // commandLinks: hovers link the bundled page through elbLens.openRuleDocs, the one command trusted in them.
    initializationOptions: { status: true, commandLinks: true },
    markdown: { isTrusted: { enabledCommands: ['elbLens.openRuleDocs'] } },
  };
}

/**
 * `elbLens.json.files` of each workspace folder, and `json.files` of each `.elb-lens.json` in
 * the workspace. Paths are what VS Code matches document filters against (`Uri.fsPath`: the
 * path itself for URIs other than file: ones).
 */
async function jsonFilesScopes(): Promise<JsonFilesScope[]> {
  const scopes: JsonFilesScope[] = [];
  for (const folder of workspace.workspaceFolders ?? []) {
    if (!isFileScheme(folder.uri.scheme)) continue;
    const globs = workspace.getConfiguration('elbLens', folder.uri).get<string[]>('json.files', []);
    scopes.push({ base: folder.uri.fsPath, globs: Array.isArray(globs) ? globs.filter((g) => typeof g === 'string') : [] });
  }
  const configs = await workspace.findFiles(`**/${CONFIG_FILE_NAME}`, SKIPPED, 200);
  for (const uri of configs) {
    try {
      const text = new TextDecoder().decode(await workspace.fs.readFile(uri));
      scopes.push({ base: path.dirname(uri.fsPath), globs: configJsonFiles(jsonc.parse(text)) });
    } catch {
      // Unreadable: the server reports the file when it applies.
    }
  }
  return scopes;
}

/** The rules' pages ship in the extension; the ids come from the manifest's elbLens.rules setting. */
async function openRuleDocs(context: ExtensionContext, ruleId?: string): Promise<void> {
  const manifest = context.extension.packageJSON as {
    contributes?: { configuration?: { properties?: Record<string, { properties?: Record<string, unknown> }> } };
  };
  const ids = Object.keys(manifest.contributes?.configuration?.properties?.['elbLens.rules']?.properties ?? {});
  const id = typeof ruleId === 'string' ? ruleId : await window.showQuickPick(ids, { placeHolder: 'Which rule?' });
  if (!id) return;
  // Suppression findings (inline-ignore, unused-ignore) are described in the rules' index.
  const own = Uri.joinPath(context.extensionUri, 'docs', 'rules', `${id}.md`);
  const page = (await exists(own)) ? own : Uri.joinPath(context.extensionUri, 'docs', 'rules', 'README.md');
  await commands.executeCommand('markdown.showPreview', page);
}

/** Opens the first workspace folder's `.elb-lens.json`, creating a starter one when there is none. */
async function createConfig(): Promise<void> {
  const folder = workspace.workspaceFolders?.find((f) => isFileScheme(f.uri.scheme));
  if (!folder) {
    void window.showInformationMessage('Open a folder first: .elb-lens.json lives in the project, next to the Terraform files.');
    return;
  }
  const uri = Uri.joinPath(folder.uri, CONFIG_FILE_NAME);
  if (!(await exists(uri))) await workspace.fs.writeFile(uri, new TextEncoder().encode(STARTER_CONFIG));
  await window.showTextDocument(await workspace.openTextDocument(uri));
}

async function exists(uri: Uri): Promise<boolean> {
  try {
    await workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export async function deactivateElbLens(): Promise<void> {
  await queue;
  const previous = client;
  client = undefined;
  if (previous?.needsStop()) await previous.stop();
}
