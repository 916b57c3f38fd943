import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type DidChangeTextDocumentParams,
  type DidCloseTextDocumentParams,
  type DidOpenTextDocumentParams,
  type HoverParams,
  type InlayHintParams,
} from 'vscode-languageserver';
import { selectFixes } from '../project/fixPolicy';
import type { CoreLoader } from './analysis';
import { CLIENT_IP_MAP_METHOD, clientIpMapResult, type ClientIpMapParams } from './clientIpMap';
import type { ServerConfiguration } from './configuration';
import { toInlayHint, toQuickFix, toWorkspaceEdit, type RulePage } from './convert';
import type { DiagnosticsScheduler } from './diagnostics';
import type { OpenDocuments, WorkspaceFolders } from './documents';
import type { ServerLog } from './log';
import type { ServerPlatform } from './platform';
import type { WorkspaceIndex } from './workspaceIndex';

export const FIX_ALL_KIND = 'source.fixAll.elbLens';

/** The parts of the server the handlers use. */
export interface HandlerParts {
  platform: Pick<ServerPlatform, 'uriToPath' | 'untitledPath' | 'fileChanged'>;
  documents: OpenDocuments;
  folders: WorkspaceFolders;
  configuration: ServerConfiguration;
  index: WorkspaceIndex;
  scheduler: DiagnosticsScheduler;
  core: CoreLoader;
  log: ServerLog;
  rulePage: RulePage;
  statusChanged(): void;
}

/**
 * The document notifications (open, change, save, close) and the requests (hover, code
 * actions with fix-all, inlay hints, the client-IP map): each turns LSP parameters into a
 * question to the core and converts the answer back.
 */
export class Handlers {
  constructor(private readonly parts: HandlerParts) {}

  listen(c: Connection): void {
    const { log } = this.parts;
    c.onDidOpenTextDocument((p) => log.guard('didOpen', () => this.opened(p)));
    c.onDidChangeTextDocument((p) => log.guard('didChange', () => this.changed(p)));
    c.onDidSaveTextDocument((p) => log.guard('didSave', () => this.parts.scheduler.schedule(p.textDocument.uri, 0)));
    c.onDidCloseTextDocument((p) => log.guard('didClose', () => this.closed(c, p)));
    c.onHover((p) => log.request('hover', () => this.hover(p)));
    c.onCodeAction((p) => log.request('codeAction', () => this.codeActions(p)));
    c.languages.inlayHint.on((p) => log.request('inlayHint', () => this.inlayHints(p)));
    // The client-IP map of a document's module (the document need not be open).
    c.onRequest(CLIENT_IP_MAP_METHOD, (p: ClientIpMapParams) => log.request('clientIpMap', () => this.clientIpMap(p)));
  }

  private async opened(p: DidOpenTextDocumentParams): Promise<void> {
    const { platform } = this.parts;
    const { uri, languageId, version, text } = p.textDocument;
    const filePath = platform.uriToPath(uri) ?? (uri.startsWith('untitled:') ? platform.untitledPath(uri, languageId) : undefined);
    if (!filePath) return;
    this.parts.documents.open(uri, filePath, version);
    (await this.parts.core.ready)?.analysis.documentOpened(filePath, text);
    this.parts.scheduler.schedule(uri, 0);
  }

  private async changed(p: DidChangeTextDocumentParams): Promise<void> {
    const core = await this.parts.core.ready;
    const doc = this.parts.documents.get(p.textDocument.uri);
    if (!doc) return;
    doc.version = p.textDocument.version;
    core?.analysis.documentChanged(
      doc.path,
      p.contentChanges.map((change) => ('range' in change ? { range: change.range, text: change.text } : { text: change.text })),
    );
    if ((await this.parts.configuration.settingsFor(doc.uri)).run === 'onType') this.parts.scheduler.documentEdited(doc.uri, doc.path);
  }

  private async closed(c: Connection, p: DidCloseTextDocumentParams): Promise<void> {
    const { scheduler } = this.parts;
    await this.parts.core.ready;
    const { uri } = p.textDocument;
    const doc = this.parts.documents.close(uri);
    scheduler.documentClosed(uri);
    this.parts.index.documentClosed(uri);
    this.parts.statusChanged();
    if (!doc) return;
    this.parts.platform.fileChanged(doc.path);
    this.parts.core.current?.analysis.documentClosed(doc.path);
    // With scope "workspace" a closed file keeps its findings: the workspace run re-publishes them.
    const keep = this.parts.index.has(doc.path) && (await this.parts.configuration.settingsFor(doc.uri)).diagnostics.scope === 'workspace';
    // Kept ones are cleared by that run if the file no longer qualifies.
    if (keep) scheduler.keepPublished(doc.uri);
    else void c.sendDiagnostics({ uri: doc.uri, diagnostics: [] });
    scheduler.refreshModuleOf(doc.path);
    scheduler.publishWorkspace();
  }

  /** The open document a request is about, once what its analysis waits for is in, with its options (undefined: not analysed). */
  private async prepared(uri: string) {
    await this.parts.core.ready;
    const doc = this.parts.documents.require(uri);
    await this.parts.index.settled(doc);
    const options = await this.parts.configuration.optionsFor(doc.path, doc.uri);
    return { doc, options, service: this.parts.core.current?.service };
  }

  private async hover(p: HoverParams) {
    const { doc, options, service } = await this.prepared(p.textDocument.uri);
    if (!options) return null;
    const hover = service?.hover(doc.path, p.position, options);
    return hover ? { contents: { kind: 'markdown' as const, value: hover.markdown }, range: hover.range } : null;
  }

  private async codeActions(p: CodeActionParams): Promise<CodeAction[]> {
    const { doc, options, service } = await this.prepared(p.textDocument.uri);
    if (!options || !service) return [];
    const { uriOf } = this.parts.documents;
    const rulePage = this.parts.rulePage;
    const only = p.context.only;
    const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
    const actions: CodeAction[] = [];
    if (wants(CodeActionKind.QuickFix)) {
      for (const { finding, fix } of service.fixes(doc.path, p.range, options)) actions.push(toQuickFix(fix, finding, uriOf, rulePage));
      for (const finding of service.analyzeFile(doc.path, options)) {
        if (finding.unusedSuppression || !overlaps(finding.range, p.range)) continue;
        const suppression = service.suppressionFix(finding);
        if (suppression) actions.push(toQuickFix(suppression, finding, uriOf, rulePage));
      }
    }
    if (wants(FIX_ALL_KIND)) {
      // The same policy as `elb-lens check --fix`, for this document only.
      const findings = service.analyzeFile(doc.path, options);
      const selection = selectFixes(
        findings,
        (file) => service.documentText(file),
        (file) => file === doc.path,
      );
      const edits = selection.fixes.flatMap((fix) => fix.edits);
      if (edits.length > 0) {
        actions.push({ title: 'Fix all ELB Lens issues in this file', kind: FIX_ALL_KIND, edit: toWorkspaceEdit(edits, uriOf) });
      }
    }
    return actions;
  }

  private async inlayHints(p: InlayHintParams) {
    const { doc, options, service } = await this.prepared(p.textDocument.uri);
    const settings = await this.parts.configuration.settingsFor(doc.uri);
    if (!options || !settings.inlayHints.enable) return [];
    return (service?.inlayHints(doc.path, p.range, options) ?? []).map(toInlayHint);
  }

  private async clientIpMap(p: ClientIpMapParams) {
    const core = await this.parts.core.ready;
    const { uri } = p.textDocument;
    const filePath = this.parts.documents.get(uri)?.path ?? this.parts.platform.uriToPath(uri);
    if (filePath) await this.parts.index.settled({ path: filePath, uri });
    const options = filePath ? await this.parts.configuration.optionsFor(filePath, uri) : undefined;
    if (!core || !filePath || !options) return null;
    return clientIpMapResult(core.service, filePath, options, this.parts.documents.uriOf, this.parts.folders.paths, p.svg !== false);
  }
}

function overlaps(a: { start: { line: number }; end: { line: number } }, b: { start: { line: number }; end: { line: number } }): boolean {
  return a.start.line <= b.end.line && b.start.line <= a.end.line;
}
