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
    const watcher = workspace.createFileSystemWatcher('**/{*.tf,*.tf.json,*.tfvars,*.tfvars.json,*.json,*.jsonc}');
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
        { viewColumn: ViewColumn.Beside, preserveFocus: true },
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
      this.panel.webview.html = page();
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
  private readonly subscription: Disposable;

  constructor(private readonly currentClient: () => LanguageClient | undefined) {
    this.subscription = workspace.onDidChangeTextDocument((e) => {
      if (!isMapDocument(e.document)) return;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.changed.fire(), REFRESH_MS);
    });
  }

  async provideCodeLenses(document: TextDocument): Promise<CodeLens[]> {
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
    this.subscription.dispose();
  }
}

/**
 * The webview page: no remote content, one script and one style (both with a nonce); the
 * SVG's own stylesheet is moved into the nonce'd style element, and the theme's colours win
 * over the SVG's light and dark defaults.
 */
function page(): string {
  // Web Crypto: in the Node extension host and in a browser's alike.
  const nonce = btoa(String.fromCharCode(...globalThis.crypto.getRandomValues(new Uint8Array(16))));
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src data:;`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${nonce}">
body { padding: 8px 12px; color: var(--vscode-editor-foreground); background: var(--vscode-editor-background); }
#status { font-family: var(--vscode-font-family); color: var(--vscode-descriptionForeground); margin: 4px 0 8px; }
body .elb-map {
  --fg: var(--vscode-editor-foreground);
  --bg: var(--vscode-editor-background);
  --mut: var(--vscode-descriptionForeground);
  --line: var(--vscode-editorLineNumber-foreground);
  --node: var(--vscode-editorWidget-background);
  --frame: var(--vscode-widget-border, var(--vscode-editorGroup-border));
  --ok: var(--vscode-testing-iconPassed, var(--vscode-charts-green));
  --alt: var(--vscode-charts-purple);
  --lb: var(--vscode-charts-yellow);
  --unk: var(--vscode-disabledForeground);
  --error: var(--vscode-editorError-foreground);
  --warning: var(--vscode-editorWarning-foreground);
  --information: var(--vscode-editorInfo-foreground);
  --hint: var(--vscode-descriptionForeground);
  --sel: var(--vscode-focusBorder);
}
</style>
<style id="map-style" nonce="${nonce}"></style>
</head>
<body>
<div id="status">Drawing the client IP map…</div>
<div id="map" role="figure" aria-label="Client IP map"></div>
<script nonce="${nonce}">
(function () {
  const vscode = acquireVsCodeApi();
  const container = document.getElementById('map');
  const status = document.getElementById('status');
  const mapStyle = document.getElementById('map-style');
  function select(id) {
    for (const el of container.querySelectorAll('.n.sel')) el.classList.remove('sel');
    const el = id ? container.querySelector('[data-node="' + CSS.escape(id) + '"]') : null;
    if (el) {
      el.classList.add('sel');
      el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
  }
  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || message.type !== 'map') return;
    if (!message.svg) {
      container.replaceChildren();
      status.textContent = message.empty || 'Nothing to draw.';
      return;
    }
    const parsed = new DOMParser().parseFromString(message.svg, 'image/svg+xml');
    const svg = parsed.documentElement;
    if (svg.nodeName !== 'svg') {
      status.textContent = 'The map could not be drawn.';
      return;
    }
    const style = svg.querySelector('style');
    if (style) {
      mapStyle.textContent = style.textContent;
      style.remove();
    }
    for (const node of svg.querySelectorAll('[data-node]')) {
      node.setAttribute('tabindex', '0');
      node.setAttribute('role', 'button');
    }
    const listeners = svg.querySelectorAll('.n.li').length;
    status.textContent = listeners + ' listener' + (listeners === 1 ? '' : 's') + '. Click a node to go to its resource.';
    container.replaceChildren(document.importNode(svg, true));
    select(message.selected);
  });
  function reveal(target) {
    const node = target && target.closest ? target.closest('[data-node]') : null;
    if (!node) return;
    select(node.getAttribute('data-node'));
    vscode.postMessage({ type: 'reveal', id: node.getAttribute('data-node') });
  }
  container.addEventListener('click', (event) => reveal(event.target));
  container.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      reveal(event.target);
    }
  });
  vscode.postMessage({ type: 'ready' });
})();
</script>
</body>
</html>`;
}
