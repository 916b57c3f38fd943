import * as fs from 'fs';
import * as path from 'path';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type CodeAction,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  TextDocumentSyncKind,
  ResponseError,
  ErrorCodes,
} from 'vscode-languageserver';
import { CONFIG_FILE_NAME, ConfigResolver, ConfigError, isExcluded, matchesAnyGlob, toAnalysisOptions } from '../config';
import type { AnalysisOptions, ElbLensService, ServiceHost } from '../service/api';
import { createNodeHost } from '../service/nodeHost';
import { createElbLensService } from '../service/service';
import { bundledDocsBase, combineFixes, pathToUri, toDiagnostic, toInlayHint, toQuickFix, toWorkspaceEdit, uriToPath } from './convert';
import { DEFAULT_SETTINGS, parseSettings, type ElbLensSettings } from './settings';

export const FIX_ALL_KIND = 'source.fixAll.elbLens';
/** Quiet time after the last keystroke before a document is analysed. */
export const DEBOUNCE_MS = 150;

const SKIPPED_DIRS = new Set(['.terraform', 'node_modules', '.git']);
const INDEXED = /\.(tf|tf\.json|tfvars|tfvars\.json)$/;

interface OpenDoc {
  uri: string;
  path: string;
  version: number;
}

/**
 * The language server: a thin adapter that turns LSP requests into calls on the core's
 * language service and converts the answers back.
 */
export class ElbLensServer {
  private service: ElbLensService | undefined;
  /** Resolves once the core (and its WebAssembly parser) is loaded; events wait for it in order. */
  private ready: Promise<ElbLensService | undefined> = Promise.resolve(undefined);
  private readonly host: ServiceHost;
  private readonly configs: ConfigResolver;
  private readonly open = new Map<string, OpenDoc>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly settingsCache = new Map<string, Promise<ElbLensSettings>>();
  private readonly reportedProblems = new Set<string>();
  private workspaceFolders: string[] = [];
  private workspaceFiles: string[] = [];
  private supportsConfiguration = false;
  private supportsWatchRegistration = false;
  private supportsConfigurationRegistration = false;
  /** Number of analyses run, per file: the benchmarks and tests read it. */
  readonly analysisCount = new Map<string, number>();

  constructor(
    private readonly connection: Connection,
    private readonly bundleDir: string,
  ) {
    this.host = createNodeHost((message) => connection.console.error(message));
    this.configs = new ConfigResolver((file) => this.host.readFile(file));
  }

  listen(): void {
    const c = this.connection;
    c.onInitialize((params) => this.initialize(params));
    c.onInitialized(() => void this.initialized());
    c.onDidOpenTextDocument((p) =>
      this.guard('didOpen', async () => {
        const filePath = uriToPath(p.textDocument.uri);
        if (!filePath) return;
        this.open.set(p.textDocument.uri, { uri: p.textDocument.uri, path: filePath, version: p.textDocument.version });
        (await this.ready)?.openDocument(filePath, p.textDocument.text);
        this.schedule(p.textDocument.uri, 0);
      }),
    );
    c.onDidChangeTextDocument((p) =>
      this.guard('didChange', async () => {
        const service = await this.ready;
        const doc = this.open.get(p.textDocument.uri);
        if (!doc) return;
        doc.version = p.textDocument.version;
        service?.updateDocument(
          doc.path,
          p.contentChanges.map((change) => ('range' in change ? { range: change.range, text: change.text } : { text: change.text })),
        );
        void this.settingsFor(doc.uri).then((s) => {
          if (s.run === 'onType') this.schedule(doc.uri, DEBOUNCE_MS);
        });
      }),
    );
    c.onDidSaveTextDocument((p) => this.guard('didSave', () => this.schedule(p.textDocument.uri, 0)));
    c.onDidCloseTextDocument((p) =>
      this.guard('didClose', async () => {
        await this.ready;
        const doc = this.open.get(p.textDocument.uri);
        this.open.delete(p.textDocument.uri);
        clearTimeout(this.timers.get(p.textDocument.uri));
        this.timers.delete(p.textDocument.uri);
        if (doc) {
          this.service?.closeDocument(doc.path);
          void c.sendDiagnostics({ uri: doc.uri, diagnostics: [] });
          this.refreshModuleOf(doc.path);
        }
      }),
    );
    c.onDidChangeConfiguration(() =>
      this.guard('didChangeConfiguration', () => {
        this.settingsCache.clear();
        this.configs.clear();
        this.revalidateAll();
      }),
    );
    c.onDidChangeWatchedFiles((p) =>
      this.guard('didChangeWatchedFiles', async () => {
        await this.ready;
        for (const change of p.changes) {
          const filePath = uriToPath(change.uri);
          if (!filePath) continue;
          if (path.basename(filePath) === CONFIG_FILE_NAME) this.configs.clear();
          if (change.type === FileChangeType.Created && INDEXED.test(filePath)) this.workspaceFiles.push(filePath);
          if (change.type === FileChangeType.Deleted) this.workspaceFiles = this.workspaceFiles.filter((f) => f !== filePath);
          this.service?.fileChanged(filePath);
        }
        this.revalidateAll();
      }),
    );
    c.onHover((p) =>
      this.request('hover', async () => {
        await this.ready;
        const doc = this.requireDoc(p.textDocument.uri);
        const options = await this.optionsFor(doc);
        if (!options) return null;
        const hover = this.service?.hover(doc.path, p.position, options);
        return hover ? { contents: { kind: 'markdown' as const, value: hover.markdown }, range: hover.range } : null;
      }),
    );
    c.onCodeAction((p) =>
      this.request('codeAction', async () => {
        await this.ready;
        const doc = this.requireDoc(p.textDocument.uri);
        const options = await this.optionsFor(doc);
        if (!options || !this.service) return [];
        const only = p.context.only;
        const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
        const actions: CodeAction[] = [];
        if (wants(CodeActionKind.QuickFix)) {
          for (const { finding, fix } of this.service.fixes(doc.path, p.range, options)) actions.push(toQuickFix(fix, finding));
          for (const finding of this.service.analyzeFile(doc.path, options)) {
            if (finding.unusedSuppression || !overlaps(finding.range, p.range)) continue;
            const suppression = this.service.suppressionFix(finding);
            if (suppression) actions.push(toQuickFix(suppression, finding));
          }
        }
        if (wants(FIX_ALL_KIND)) {
          const preferred = this.service
            .analyzeFile(doc.path, options)
            .flatMap((f) => f.fixes.filter((fix) => fix.isPreferred))
            .filter((fix) => fix.edits.every((e) => e.file === doc.path));
          const edits = combineFixes(preferred);
          if (edits.length > 0) {
            actions.push({ title: 'Fix all ELB Lens issues in this file', kind: FIX_ALL_KIND, edit: toWorkspaceEdit(edits) });
          }
        }
        return actions;
      }),
    );
    c.languages.inlayHint.on((p) =>
      this.request('inlayHint', async () => {
        await this.ready;
        const doc = this.requireDoc(p.textDocument.uri);
        const settings = await this.settingsFor(doc.uri);
        const options = await this.optionsFor(doc);
        if (!options || !settings.inlayHints.enable) return [];
        return (this.service?.inlayHints(doc.path, p.range, options) ?? []).map(toInlayHint);
      }),
    );
    c.onShutdown(() => {
      for (const timer of this.timers.values()) clearTimeout(timer);
      this.timers.clear();
    });
    c.listen();
  }

  private initialize(params: InitializeParams): InitializeResult {
    const caps = params.capabilities;
    this.supportsConfiguration = caps.workspace?.configuration === true;
    this.supportsWatchRegistration = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    this.supportsConfigurationRegistration = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    this.workspaceFolders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined);
    if (this.workspaceFolders.length === 0 && params.rootUri) {
      const root = uriToPath(params.rootUri);
      if (root) this.workspaceFolders.push(root);
    }
    this.ready = createElbLensService(this.host, { wasmDir: this.bundleDir, docsBase: bundledDocsBase(this.bundleDir) }).then(
      (service) => {
        this.service = service;
        return service;
      },
      (error: unknown) => {
        this.connection.console.error(`elb-lens: cannot start the analysis core: ${describe(error)}`);
        return undefined;
      },
    );
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: true },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        inlayHintProvider: true,
      },
      serverInfo: { name: 'elb-lens' },
    };
  }

  private async initialized(): Promise<void> {
    if (!(await this.ready)) return;
    const registrationFailed = (error: unknown) => this.logOnce(`elb-lens: the client refused a registration: ${describe(error)}`);
    if (this.supportsConfigurationRegistration) {
      this.connection.client.register(DidChangeConfigurationNotification.type, undefined).catch(registrationFailed);
    }
    if (this.supportsWatchRegistration) {
      this.connection.client
        .register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: '**/*.{tf,tf.json,tfvars,tfvars.json,json,jsonc}' }, { globPattern: `**/${CONFIG_FILE_NAME}` }],
        })
        .catch(registrationFailed);
    }
    await this.indexWorkspace();
    this.revalidateAll();
  }

  /** Lists the workspace's Terraform files with a progress report, so references resolve before files open. */
  private async indexWorkspace(): Promise<void> {
    if (this.workspaceFolders.length === 0) return;
    const progress = await this.connection.window.createWorkDoneProgress().catch(() => undefined);
    progress?.begin('ELB Lens', 0, 'Indexing Terraform files', false);
    const files: string[] = [];
    const seen = new Set<string>();
    const walk = (dir: string, depth: number) => {
      if (depth > 32) return;
      let real: string;
      try {
        real = fs.realpathSync(dir);
      } catch {
        return;
      }
      if (seen.has(real)) return;
      seen.add(real);
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name)) walk(full, depth + 1);
        else if (entry.isFile() && INDEXED.test(entry.name)) files.push(full);
      }
    };
    for (const folder of this.workspaceFolders) walk(folder, 0);
    const settingsByFolder = await Promise.all(this.workspaceFolders.map((f) => this.settingsFor(pathToUri(f))));
    this.workspaceFiles = files.filter((file) => {
      const index = this.workspaceFolders.findIndex((f) => file.startsWith(f));
      const settings = settingsByFolder[index] ?? DEFAULT_SETTINGS;
      const relative = path
        .relative(this.workspaceFolders[index] ?? '', file)
        .split(path.sep)
        .join('/');
      return !matchesAnyGlob(relative, settings.exclude);
    });
    progress?.report(100, `${this.workspaceFiles.length} files`);
    progress?.done();
  }

  private schedule(uri: string, delay: number): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.validate(uri);
      }, delay),
    );
  }

  private revalidateAll(): void {
    // Debounced like typing, so a settings or file change during a burst of edits merges with it.
    for (const uri of this.open.keys()) this.schedule(uri, DEBOUNCE_MS);
    void this.publishWorkspace();
  }

  /** With scope "workspace", findings of files that are not open are published too. */
  private async publishWorkspace(): Promise<void> {
    if (!this.service || this.workspaceFolders.length === 0) return;
    const settings = await this.settingsFor(pathToUri(this.workspaceFolders[0]));
    if (settings.diagnostics.scope !== 'workspace') return;
    const done = new Set<string>();
    for (const file of this.workspaceFiles) {
      const dir = path.dirname(file);
      if (done.has(dir) || !this.service.isSupportedFile(file)) continue;
      done.add(dir);
      const options = await this.optionsFor({ uri: pathToUri(file), path: file, version: 0 });
      if (!options) continue;
      for (const [moduleFile, findings] of this.service.analyzeModule(file, options)) {
        const uri = pathToUri(moduleFile);
        if (this.open.has(uri)) continue;
        void this.connection.sendDiagnostics({ uri, diagnostics: findings.map(toDiagnostic) });
      }
    }
  }

  /** Analyses a document's module and publishes diagnostics for its open files. */
  private async validate(uri: string): Promise<void> {
    const doc = this.open.get(uri);
    if (!doc || !this.service) return;
    try {
      const options = await this.optionsFor(doc);
      if (!this.open.has(uri)) return;
      if (!options) {
        void this.connection.sendDiagnostics({ uri, diagnostics: [] });
        return;
      }
      if (!this.service.isSupportedFile(doc.path)) return;
      const version = doc.version;
      const byFile = this.service.analyzeModule(doc.path, options);
      this.analysisCount.set(doc.path, (this.analysisCount.get(doc.path) ?? 0) + 1);
      void this.connection.sendDiagnostics({ uri, version, diagnostics: (byFile.get(doc.path) ?? []).map(toDiagnostic) });
      // Other open files of the module may depend on what changed here.
      for (const [file, findings] of byFile) {
        const otherUri = pathToUri(file);
        const other = this.open.get(otherUri);
        if (!other || otherUri === uri) continue;
        void this.connection.sendDiagnostics({ uri: otherUri, version: other.version, diagnostics: findings.map(toDiagnostic) });
        // This analysis already covered the other file's latest text: its pending run is redundant.
        clearTimeout(this.timers.get(otherUri));
        this.timers.delete(otherUri);
      }
    } catch (error) {
      this.connection.console.error(`elb-lens: analysis of ${doc.path} failed: ${describe(error)}`);
    }
  }

  private refreshModuleOf(filePath: string): void {
    const dir = path.dirname(filePath);
    for (const doc of this.open.values()) if (path.dirname(doc.path) === dir) this.schedule(doc.uri, 0);
  }

  private settingsFor(uri: string): Promise<ElbLensSettings> {
    if (!this.supportsConfiguration) return Promise.resolve(DEFAULT_SETTINGS);
    let cached = this.settingsCache.get(uri);
    if (!cached) {
      cached = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'elbLens' })
        .then((raw: unknown) => {
          const problems: string[] = [];
          const settings = parseSettings(raw, problems);
          for (const problem of problems) this.logOnce(problem);
          return settings;
        })
        .catch(() => DEFAULT_SETTINGS);
      this.settingsCache.set(uri, cached);
    }
    return cached;
  }

  /** Editor settings over the `.elb-lens.json` file; undefined when the file is not to be analysed. */
  private async optionsFor(doc: OpenDoc): Promise<AnalysisOptions | undefined> {
    const settings = await this.settingsFor(doc.uri);
    if (!settings.enable) return undefined;
    const folder = this.workspaceFolders.find((f) => doc.path.startsWith(f + path.sep));
    if (folder) {
      const relative = path.relative(folder, doc.path).split(path.sep).join('/');
      if (matchesAnyGlob(relative, settings.exclude)) return undefined;
    }
    let config;
    try {
      config = this.configs.forFile(doc.path);
    } catch (error) {
      this.logOnce(error instanceof ConfigError ? error.message : `elb-lens: cannot read ${CONFIG_FILE_NAME}: ${describe(error)}`);
      config = undefined;
    }
    if (config && isExcluded(config, doc.path)) return undefined;
    const varFiles = settings.varFiles.map((f) => path.resolve(folder ?? path.dirname(doc.path), f));
    const overrides: AnalysisOptions = { rules: settings.rules, varFiles };
    return config ? toAnalysisOptions(config, overrides) : overrides;
  }

  private requireDoc(uri: string): OpenDoc {
    const doc = this.open.get(uri);
    if (!doc) throw new ResponseError(ErrorCodes.InvalidParams, `document not open: ${uri}`);
    return doc;
  }

  private logOnce(message: string): void {
    if (this.reportedProblems.has(message)) return;
    this.reportedProblems.add(message);
    this.connection.console.warn(message);
  }

  private guard(what: string, action: () => void | Promise<void>): void {
    const fail = (error: unknown) => this.connection.console.error(`elb-lens: ${what} failed: ${describe(error)}`);
    try {
      const result = action();
      if (result instanceof Promise) result.catch(fail);
    } catch (error) {
      fail(error);
    }
  }

  /** Runs a request; a throw becomes an error response and a log line, never a dead server. */
  private async request<T>(what: string, action: () => Promise<T>): Promise<T | ResponseError<void>> {
    try {
      return await action();
    } catch (error) {
      if (error instanceof ResponseError) return error as ResponseError<void>;
      this.connection.console.error(`elb-lens: ${what} failed: ${describe(error)}`);
      return new ResponseError(ErrorCodes.InternalError, `elb-lens: ${what} failed`);
    }
  }
}

function overlaps(a: { start: { line: number }; end: { line: number } }, b: { start: { line: number }; end: { line: number } }): boolean {
  return a.start.line <= b.end.line && b.start.line <= a.end.line;
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
