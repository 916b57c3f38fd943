import {
  CodeLens,
  commands,
  EventEmitter,
  languages,
  Range,
  Selection,
  TextEditorRevealType,
  Uri,
  ViewColumn,
  window,
  workspace,
  type CodeLensProvider,
  type Disposable,
  type ExtensionContext,
  type TextDocument,
  type WebviewPanel,
} from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { mapPage } from './mapPage';
import { fileSchemes, isFileScheme } from './schemes';

/**
 * "ELB Lens: Show Client IP Map": a webview with the SVG map of the current module, drawn by
 * the server (`elbLens/clientIpMap`). Clicking a node (or Enter on it) reveals its resource;
 * the map follows the active editor's module and is redrawn after edits (debounced). The
 * webview runs one script of ours (nonce), loads nothing, and takes its colours from the theme.
 */

export const SHOW_MAP_COMMAND = 'elbLens.showClientIpMap';
const METHOD = 'elbLens/clientIpMap';
/** Quiet time after the last edit before the map is redrawn. */
const REFRESH_MS = 400;
const LANGUAGES = new Set(['terraform', 'json', 'jsonc']);

interface MapNode {
  id: string;
  kind: 'client' | 'loadbalancer' | 'listener' | 'pool' | 'member';
  label: string;
  uri?: string;
  range?: { start: { line: number; character: number }; end: { line: number; character: number } };
}

interface MapResult {
  title: string;
  svg?: string;
  nodes: MapNode[];
}

type WebviewMessage = { type: 'reveal'; id: string } | { type: 'ready' };

function isMapDocument(document: TextDocument): boolean {
  return (isFileScheme(document.uri.scheme) || document.uri.scheme === 'untitled') && LANGUAGES.has(document.languageId);
}

/** `client` answers the client in use: it changes when the server restarts (a new set of documents). */
export function registerClientIpMap(context: ExtensionContext, client: () => LanguageClient | undefined): void {
  const view = new MapView(client);
  const lenses = new MapCodeLenses(client);
  context.subscriptions.push(
    view,
    lenses,
    commands.registerCommand(SHOW_MAP_COMMAND, async (uri?: string, nodeId?: string) => {
      const target = typeof uri === 'string' ? Uri.parse(uri) : window.activeTextEditor?.document.uri;
      if (!target) {
        void window.showInformationMessage('Open a Terraform or ELB API JSON file to see its client IP map.');
        return;
      }
      await view.show(target, typeof nodeId === 'string' ? nodeId : undefined);
    }),
    languages.registerCodeLensProvider(
      [...LANGUAGES].flatMap((language) => [...fileSchemes(), 'untitled'].map((scheme) => ({ scheme, language }))),
      lenses,
    ),
  );
}

function mapColumn(): ViewColumn {
  return workspace.getConfiguration('elbLens').get<string>('map.openIn', 'beside') === 'active' ? ViewColumn.Active : ViewColumn.Beside;
}

class MapView implements Disposable {
  private panel: WebviewPanel | undefined;
  private uri: Uri | undefined;
  private result: MapResult | undefined;
  private selected: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly subscriptions: Disposable[] = [];
  /** Bumped per request, so a slow answer never replaces a newer one. */
  private generation = 0;

  constructor(private readonly currentClient: () => LanguageClient | undefined) {
    this.subscriptions.push(
      workspace.onDidChangeTextDocument((e) => {
        if (this.panel && isMapDocument(e.document)) this.refreshSoon();
      }),
      workspace.onDidSaveTextDocument(() => this.panel && this.refreshSoon()),
      window.onDidChangeActiveTextEditor((editor) => {
        // The map is the current module's: it follows the editor (not itself, not other files).
        if (!this.panel || !editor || !isMapDocument(editor.document)) return;
        if (editor.document.uri.toString() === this.uri?.toString()) return;
        this.uri = editor.document.uri;
        this.refreshSoon(0);
      }),
    );
    const watcher = workspace.createFileSystemWatcher('**/{*.tf,*.tf.json,*.tofu,*.tofu.json,*.tfvars,*.tfvars.json,*.json,*.jsonc}');
    this.subscriptions.push(
      watcher,
      watcher.onDidChange(() => this.refreshSoon()),
      watcher.onDidCreate(() => this.refreshSoon()),
    );
    this.subscriptions.push(watcher.onDidDelete(() => this.refreshSoon()));
  }

  async show(uri: Uri, nodeId?: string): Promise<void> {
    this.uri = uri;
    this.selected = nodeId;
    if (!this.panel) {
      this.panel = window.createWebviewPanel(
        'elbLens.clientIpMap',
        'Client IP Map',
        // elbLens.map.openIn: beside the code (default), or in the active editor group.
        { viewColumn: mapColumn(), preserveFocus: true },
        { enableScripts: true, localResourceRoots: [], retainContextWhenHidden: false },
      );
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.result = undefined;
        clearTimeout(this.timer);
      });
      this.panel.webview.onDidReceiveMessage((message: WebviewMessage) => this.receive(message));
      this.panel.onDidChangeViewState((e) => {
        if (e.webviewPanel.visible) this.refreshSoon(0);
      });
      this.panel.webview.html = mapPage();
    } else {
      this.panel.reveal(undefined, true);
    }
    await this.refresh();
  }

  private refreshSoon(delay = REFRESH_MS): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  private async refresh(): Promise<void> {
    const panel = this.panel;
    const uri = this.uri;
    if (!panel || !uri) return;
    const generation = ++this.generation;
    let result: MapResult | null;
    const client = this.currentClient();
    if (!client?.isRunning()) return;
    try {
      result = await client.sendRequest<MapResult | null>(METHOD, { textDocument: { uri: uri.toString() } });
    } catch (error) {
      client.outputChannel.appendLine(`elb-lens: client IP map failed: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (generation !== this.generation || this.panel !== panel) return;
    this.result = result ?? undefined;
    panel.title = result ? `Client IP Map: ${result.title}` : 'Client IP Map';
    void panel.webview.postMessage({
      type: 'map',
      svg: result?.svg ?? '',
      empty: result ? '' : `ELB Lens does not check ${uri.path.split('/').pop() ?? 'this file'} (disabled or excluded).`,
      selected: this.selected,
    });
  }

  private async receive(message: WebviewMessage): Promise<void> {
    if (message.type === 'ready') {
      await this.refresh();
      return;
    }
    if (message.type !== 'reveal') return;
    const node = this.result?.nodes.find((n) => n.id === message.id);
    if (!node?.uri || !node.range) return;
    this.selected = node.id;
    const { start, end } = node.range;
    const range = new Range(start.line, start.character, end.line, end.character);
    // Beside the map: in the editor group the code came from, or the first one.
    const column = window.visibleTextEditors.find((e) => e.document.uri.toString() === this.uri?.toString())?.viewColumn ?? ViewColumn.One;
    const editor = await window.showTextDocument(Uri.parse(node.uri), { viewColumn: column, preserveFocus: false });
    editor.selection = new Selection(range.start, range.start);
    editor.revealRange(range, TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

/** "Client IP map" above each load balancer and listener. */
class MapCodeLenses implements CodeLensProvider, Disposable {
  private readonly changed = new EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private timer: NodeJS.Timeout | undefined;
  private readonly subscriptions: Disposable[] = [];

  constructor(private readonly currentClient: () => LanguageClient | undefined) {
    this.subscriptions.push(
      workspace.onDidChangeTextDocument((e) => {
        if (!isMapDocument(e.document)) return;
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.changed.fire(), REFRESH_MS);
      }),
      workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('elbLens.codeLens.enable')) this.changed.fire();
      }),
    );
  }

  async provideCodeLenses(document: TextDocument): Promise<CodeLens[]> {
    if (!workspace.getConfiguration('elbLens', document.uri).get<boolean>('codeLens.enable', true)) return [];
    const client = this.currentClient();
    if (!client?.isRunning()) return [];
    let result: MapResult | null;
    try {
      result = await client.sendRequest<MapResult | null>(METHOD, { textDocument: { uri: document.uri.toString() }, svg: false });
    } catch {
      return [];
    }
    const lenses: CodeLens[] = [];
    const lines = new Set<number>();
    for (const node of result?.nodes ?? []) {
      if ((node.kind !== 'loadbalancer' && node.kind !== 'listener') || node.uri !== document.uri.toString() || !node.range) continue;
      if (lines.has(node.range.start.line)) continue; // one per block, whatever its instances
      lines.add(node.range.start.line);
      const range = new Range(node.range.start.line, 0, node.range.start.line, 0);
      lenses.push(
        new CodeLens(range, {
          title: '$(type-hierarchy-sub) Client IP map',
          tooltip: 'Show where the client address goes from here',
          command: SHOW_MAP_COMMAND,
          arguments: [document.uri.toString(), node.id],
        }),
      );
    }
    return lenses;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.changed.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
