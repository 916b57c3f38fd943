import * as path from 'path';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type CodeAction,
  type Connection,
  type Disposable,
  type FileSystemWatcher,
  type InitializeParams,
  type InitializeResult,
  type WorkDoneProgressServerReporter,
  type WorkspaceFoldersChangeEvent,
  TextDocumentSyncKind,
  ResponseError,
  ErrorCodes,
} from 'vscode-languageserver';
import { isYamlFileName } from '../kubernetes';
import { ConfigResolver, ConfigError } from '../project/configFile';
import { CONFIG_FILE_NAME } from '../core/options';
import {
  classify,
  configure,
  excludes,
  matchesScopes,
  namesElbJson,
  namesKubernetes,
  type EffectiveConfig,
  type FileKind,
} from '../project';
import { selectFixes } from '../project/fixPolicy';
import { projectLinks } from '../rules/support/links';
import type { ElbLensService } from '../service/api';
import type { ServiceHost } from '../core/host';
import type { AnalysisOptions } from '../core/options';
import { toDiagnostic, type RulePage, toInlayHint, toQuickFix, toWorkspaceEdit, type UriOf } from './convert';
import type { ServerPlatform } from './platform';
import { DEFAULT_SETTINGS, parseSettings, type ElbLensSettings } from './settings';
import { CLIENT_IP_MAP_METHOD, clientIpMapResult, type ClientIpMapParams } from './clientIpMap';

export const FIX_ALL_KIND = 'source.fixAll.elbLens';
/** Quiet time after the last keystroke before a document is analysed. */
export const DEBOUNCE_MS = 150;
/** How long the server reads module calls for the index before it lets other messages through. */
const INDEX_SLICE_MS = 20;
/** How long the listing waits for the client to create its progress report before going on without one. */
const PROGRESS_CREATE_TIMEOUT_MS = 5000;

/**
 * The server's state, sent to clients that ask for it (`initializationOptions.status`):
 * VS Code's status bar item shows it.
 */
export const STATUS_NOTIFICATION = 'elbLens/status';
export interface ServerStatus {
  state: 'analysing' | 'ready' | 'error';
  /** Why, for `error`: the details are in the log. */
  message?: string;
}

/** What the server watches on disk: ELB Lens's own files, never every JSON file. */
export const WATCHED_GLOBS: readonly string[] = [
  '**/*.{tf,tf.json,tofu,tofu.json,tfvars,tfvars.json}',
  '**/*.{elb.json,elb.jsonc}',
  // Kubernetes manifests: which ones are ELB Services is decided by content.
  '**/*.{yaml,yml}',
  `**/${CONFIG_FILE_NAME}`,
  // Provider versions in use: a changed lock file changes what is supported.
  '**/.terraform.lock.hcl',
  // Downloaded modules: `terraform init` rewrites which folder belongs to which module block.
  '**/.terraform/modules/modules.json',
];

/** The workspace files the index lists (and keeps up to date from file events); YAML too, see mayBeKubernetes. */
const INDEXED_KINDS: ReadonlySet<FileKind> = new Set(['terraform', 'terraform-json', 'tfvars']);

/** YAML (manifests, overlays, charts) and `Kustomization`: indexed by name, judged by the core when analysed. */
function mayBeKubernetes(file: string): boolean {
  return isYamlFileName(file) || path.basename(file) === 'Kustomization';
}

interface OpenDoc {
  uri: string;
  /** A real path for file: URIs, a made-up one for untitled documents. */
  path: string;
  version: number;
}

/**
 * The language server: a thin adapter that turns LSP requests into calls on the core's
 * language service and converts the answers back. The same class runs on Node and in a
 * browser's web worker; what differs (file access, URIs, the WebAssembly) is the platform.
 */
export class ElbLensServer {
  private service: ElbLensService | undefined;
  /** Resolves once the core (and its WebAssembly parser) is loaded; events wait for it in order. */
  private ready: Promise<ElbLensService | undefined> = Promise.resolve(undefined);
  /** Settings of the first workspace folder, for the core's synchronous question about `json.files` outside the folders. */
  private editorSettings: ElbLensSettings = DEFAULT_SETTINGS;
  /** Settings of each workspace folder, for the same question about the folder's files. */
  private folderSettings = new Map<string, ElbLensSettings>();
  /**
   * The `.elb-lens.json` files of the workspace known so far (those that apply to a file the
   * server looked at, and all of them once the workspace is listed): their `json.files` are watched.
   */
  private configFiles = new Set<string>();
  /** `.elb-lens.json` files that do not read, by path: shown in the status and in the file. */
  private readonly invalidConfigs = new Map<string, ConfigError>();
  /** Watchers are registered (after `initialized`): a configuration file found later registers them again. */
  private watching = false;
  private watcherRegistration: Promise<Disposable | undefined> | undefined;
  private watchedKey = '';
  private supportsRelativePatterns = false;
  /** The client asked for `elbLens/status` notifications. */
  private sendsStatus = false;
  /** The hover link to the bundled page, as a command link where the client runs it (VS Code). */
  private hoverDocsLink: string | undefined;
  private lastStatus = '';
  private indexed = false;
  private running = 0;
  private coreError: string | undefined;
  /** Documents whose last analysis threw, with the reason. */
  private readonly failedAnalyses = new Map<string, string>();
  /** A rule's public page, from the package's manifest (known once the platform is initialized). */
  private rulePage: RulePage = () => undefined;
  private readonly host: ServiceHost;
  private readonly configs: ConfigResolver;
  private readonly open = new Map<string, OpenDoc>();
  /** Open documents by path, so findings about a path link to the document's own URI (untitled ones too). */
  private readonly openUriByPath = new Map<string, string>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly settingsCache = new Map<string, Promise<ElbLensSettings>>();
  private readonly reportedProblems = new Set<string>();
  private workspaceFolders: string[] = [];
  /** The workspace's Terraform and tfvars files, once listed (see ensureIndex); kept up to date from file events. */
  private workspaceFiles = new Set<string>();
  /** The listing of the workspace under way: started when first needed (see `settled`), or at once with scope "workspace". */
  private indexRun: Promise<void> | undefined;
  /** The current workspace folders are listed, or the user cancelled their listing (folders are then judged with the open files). */
  private indexSettled = false;
  /** The listing of the current workspace folders completed (not cancelled). */
  private workspaceListed = false;
  /** Bumped when the workspace folders change: a listing of the old ones is dropped. */
  private indexGeneration = 0;
  /** File events that came while the workspace was being listed: applied to what the listing found. */
  private eventsDuringIndex: { filePath: string; type: FileChangeType }[] | undefined;
  /** Open documents analysed before the listing without waiting for it (callers could not change their findings): checked again once it is in. */
  private readonly judgedBeforeIndex = new Set<string>();
  /** Closed files that currently show workspace-scope diagnostics: cleared when they no longer should. */
  private workspacePublished = new Set<string>();
  private workspaceRun: Promise<void> = Promise.resolve();
  private workspaceRunPending = false;
  private supportsConfiguration = false;
  private supportsWatchRegistration = false;
  private supportsConfigurationRegistration = false;
  private supportsFolderChanges = false;
  private supportsInlayHintRefresh = false;
  /** Number of analyses run, per file: the benchmarks and tests read it. */
  readonly analysisCount = new Map<string, number>();
  private readonly uriOf: UriOf = (filePath) => this.openUriByPath.get(filePath) ?? this.platform.pathToUri(filePath);
  /** Resolves once `initialized` was handled (settings read): what a browser platform waits for before it reads ahead. */
  private initialization: Promise<void> = Promise.resolve();
  private initializationDone: () => void = () => {};

  constructor(
    private readonly connection: Connection,
    private readonly platform: ServerPlatform,
  ) {
    this.host = platform.host;
    this.configs = new ConfigResolver((file) => this.host.readFile(file), { realPath: platform.realpath });
    platform.onFilesArrived((paths, unasked) => this.filesArrived(paths, unasked));
  }

  listen(): void {
    const c = this.connection;
    c.onInitialize((params) => this.initialize(params));
    c.onInitialized(() => this.guard('initialized', () => this.initialized()));
    c.onDidOpenTextDocument((p) =>
      this.guard('didOpen', async () => {
        const { uri, languageId, version, text } = p.textDocument;
        const filePath =
          this.platform.uriToPath(uri) ?? (uri.startsWith('untitled:') ? this.platform.untitledPath(uri, languageId) : undefined);
        if (!filePath) return;
        this.open.set(uri, { uri, path: filePath, version });
        this.openUriByPath.set(filePath, uri);
        (await this.ready)?.openDocument(filePath, text);
        this.schedule(uri, 0);
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
        if ((await this.settingsFor(doc.uri)).run === 'onType') {
          this.schedule(doc.uri, DEBOUNCE_MS);
          // Open files of other folders may take values from this one (a module call, a var file):
          // re-checking them is cheap when they do not (their analysis is still cached).
          for (const other of this.open.values()) {
            if (other !== doc && path.dirname(other.path) !== path.dirname(doc.path)) this.schedule(other.uri, DEBOUNCE_MS);
          }
        }
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
        this.failedAnalyses.delete(p.textDocument.uri);
        this.judgedBeforeIndex.delete(p.textDocument.uri);
        this.updateStatus();
        if (!doc) return;
        this.openUriByPath.delete(doc.path);
        this.platform.fileChanged(doc.path);
        this.service?.closeDocument(doc.path);
        // With scope "workspace" a closed file keeps its findings: the workspace run re-publishes them.
        const keep = this.workspaceFiles.has(doc.path) && (await this.settingsFor(doc.uri)).diagnostics.scope === 'workspace';
        // Kept ones are cleared by that run if the file no longer qualifies.
        if (keep) this.workspacePublished.add(doc.uri);
        else void c.sendDiagnostics({ uri: doc.uri, diagnostics: [] });
        this.refreshModuleOf(doc.path);
        this.publishWorkspace();
      }),
    );
    c.onDidChangeConfiguration(() =>
      this.guard('didChangeConfiguration', async () => {
        // VS Code sends this only for `elbLens` (the registration names the section); other
        // clients send it for any change (a theme, a font size): nothing happens then.
        if (!(await this.reloadSettings())) return;
        this.configs.clear();
        await this.loadEditorSettings();
        await this.registerWatchers();
        await this.forgetJsonFiles();
        this.revalidateAll();
        this.refreshInlayHints();
      }),
    );
    c.onDidChangeWatchedFiles((p) =>
      this.guard('didChangeWatchedFiles', async () => {
        await this.ready;
        let configChanged = false;
        for (const change of p.changes) {
          const filePath = this.platform.uriToPath(change.uri);
          if (!filePath) continue;
          this.platform.fileChanged(filePath);
          if (path.basename(filePath) === CONFIG_FILE_NAME) {
            this.configs.clear();
            configChanged = true;
            if (change.type === FileChangeType.Deleted) this.configFiles.delete(filePath);
            else if (this.inWorkspace(filePath)) this.configFiles.add(filePath);
          }
          this.applyFileEvent(this.workspaceFiles, filePath, change.type);
          this.eventsDuringIndex?.push({ filePath, type: change.type });
          this.service?.fileChanged(filePath);
        }
        this.service?.setWorkspaceFiles(this.workspaceFiles);
        if (configChanged) {
          await this.forgetJsonFiles();
          await this.registerWatchers();
        }
        this.revalidateAll();
        this.refreshInlayHints();
      }),
    );
    c.onHover((p) =>
      this.request('hover', async () => {
        await this.ready;
        const doc = this.requireDoc(p.textDocument.uri);
        await this.settled(doc);
        const options = await this.optionsFor(doc.path, doc.uri);
        if (!options) return null;
        const hover = this.service?.hover(doc.path, p.position, options);
        return hover ? { contents: { kind: 'markdown' as const, value: hover.markdown }, range: hover.range } : null;
      }),
    );
    c.onCodeAction((p) =>
      this.request('codeAction', async () => {
        await this.ready;
        const doc = this.requireDoc(p.textDocument.uri);
        await this.settled(doc);
        const options = await this.optionsFor(doc.path, doc.uri);
        if (!options || !this.service) return [];
        const only = p.context.only;
        const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
        const actions: CodeAction[] = [];
        if (wants(CodeActionKind.QuickFix)) {
          for (const { finding, fix } of this.service.fixes(doc.path, p.range, options))
            actions.push(toQuickFix(fix, finding, this.uriOf, this.rulePage));
          for (const finding of this.service.analyzeFile(doc.path, options)) {
            if (finding.unusedSuppression || !overlaps(finding.range, p.range)) continue;
            const suppression = this.service.suppressionFix(finding);
            if (suppression) actions.push(toQuickFix(suppression, finding, this.uriOf, this.rulePage));
          }
        }
        if (wants(FIX_ALL_KIND)) {
          // The same policy as `elb-lens check --fix`, for this document only.
          const findings = this.service.analyzeFile(doc.path, options);
          const selection = selectFixes(
            findings,
            (file) => this.service?.documentText(file),
            (file) => file === doc.path,
          );
          const edits = selection.fixes.flatMap((fix) => fix.edits);
          if (edits.length > 0) {
            actions.push({ title: 'Fix all ELB Lens issues in this file', kind: FIX_ALL_KIND, edit: toWorkspaceEdit(edits, this.uriOf) });
          }
        }
        return actions;
      }),
    );
    c.languages.inlayHint.on((p) =>
      this.request('inlayHint', async () => {
        await this.ready;
        const doc = this.requireDoc(p.textDocument.uri);
        await this.settled(doc);
        const settings = await this.settingsFor(doc.uri);
        const options = await this.optionsFor(doc.path, doc.uri);
        if (!options || !settings.inlayHints.enable) return [];
        return (this.service?.inlayHints(doc.path, p.range, options) ?? []).map(toInlayHint);
      }),
    );
    // The client-IP map of a document's module (the document need not be open).
    c.onRequest(CLIENT_IP_MAP_METHOD, (p: ClientIpMapParams) =>
      this.request('clientIpMap', async () => {
        const service = await this.ready;
        const filePath = this.open.get(p.textDocument.uri)?.path ?? this.platform.uriToPath(p.textDocument.uri);
        if (filePath) await this.settled({ path: filePath, uri: p.textDocument.uri });
        const options = filePath ? await this.optionsFor(filePath, p.textDocument.uri) : undefined;
        if (!service || !filePath || !options) return null;
        return clientIpMapResult(service, filePath, options, this.uriOf, this.workspaceFolders, p.svg !== false);
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
    this.supportsRelativePatterns = caps.workspace?.didChangeWatchedFiles?.relativePatternSupport === true;
    const init: unknown = params.initializationOptions;
    this.sendsStatus = typeof init === 'object' && init !== null && (init as { status?: unknown }).status === true;
    // VS Code's client trusts this one command in hovers: the page opens in its Markdown preview.
    this.hoverDocsLink =
      typeof init === 'object' && init !== null && (init as { commandLinks?: unknown }).commandLinks === true
        ? `command:elbLens.openRuleDocs?${encodeURIComponent(JSON.stringify(['README']))}`
        : undefined;
    this.supportsConfigurationRegistration = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    this.supportsFolderChanges = caps.workspace?.workspaceFolders === true;
    this.supportsInlayHintRefresh = caps.workspace?.inlayHint?.refreshSupport === true;
    this.platform.initialize(params);
    this.rulePage = projectLinks(this.platform.manifest()).rulePage;
    this.workspaceFolders = (params.workspaceFolders ?? [])
      .map((f) => this.platform.uriToPath(f.uri))
      .filter((p): p is string => p !== undefined);
    if (this.workspaceFolders.length === 0 && params.rootUri) {
      const root = this.platform.uriToPath(params.rootUri);
      if (root) this.workspaceFolders.push(root);
    }
    // Loading starts now so the WebAssembly is ready by the time the first document opens.
    this.ready = this.createService().then((service) => (this.service = service));
    this.initialization = new Promise((resolve) => (this.initializationDone = resolve));
    this.updateStatus();
    const result: InitializeResult = {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: true },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        inlayHintProvider: true,
      },
      serverInfo: { name: 'elb-lens' },
    };
    if (this.supportsFolderChanges) result.capabilities.workspace = { workspaceFolders: { supported: true, changeNotifications: true } };
    return result;
  }

  private async createService(): Promise<ElbLensService | undefined> {
    try {
      return await this.platform.createService({
        ...(this.hoverDocsLink ? { hoverDocsLink: this.hoverDocsLink } : {}),
        // Asked per file: `json.files` of the file's `.elb-lens.json` and of the editor settings.
        jsonFiles: (filePath) => {
          const folder = this.workspaceFolders.find((f) => filePath.startsWith(f + path.sep));
          const settings = (folder !== undefined ? this.folderSettings.get(folder) : undefined) ?? this.editorSettings;
          return namesElbJson(this.effectiveConfig(filePath, this.uriOf(filePath), settings), filePath);
        },
        kubernetesFiles: (filePath) => {
          const folder = this.workspaceFolders.find((f) => filePath.startsWith(f + path.sep));
          const settings = (folder !== undefined ? this.folderSettings.get(folder) : undefined) ?? this.editorSettings;
          return namesKubernetes(this.effectiveConfig(filePath, this.uriOf(filePath), settings), filePath);
        },
      });
    } catch (error) {
      this.connection.console.error(`elb-lens: cannot start the analysis core: ${describe(error)}`);
      this.coreError = 'the analysis core did not start';
      this.updateStatus();
      return undefined;
    }
  }

  private async loadEditorSettings(): Promise<void> {
    this.editorSettings = await this.settingsFor(this.workspaceFolders[0] ? this.platform.pathToUri(this.workspaceFolders[0]) : undefined);
    const folders = await Promise.all(
      this.workspaceFolders.map(async (f) => [f, await this.settingsFor(this.platform.pathToUri(f))] as const),
    );
    this.folderSettings = new Map(folders);
  }

  /**
   * Reads the settings again after a change notification. True when any that were read
   * differ: only then do caches go and documents get checked again.
   */
  private async reloadSettings(): Promise<boolean> {
    const keys = [...this.settingsCache.keys()];
    const before = await Promise.all(keys.map((key) => this.settingsCache.get(key)));
    this.settingsCache.clear();
    const after = await Promise.all(keys.map((key) => this.settingsFor(key === '' ? undefined : key)));
    return keys.length === 0 || keys.some((_, i) => JSON.stringify(before[i]) !== JSON.stringify(after[i]));
  }

  /**
   * `json.files` (a setting or a `.elb-lens.json`) changed, so which files are ELB JSON may
   * have: the core forgets its analyses of the open documents' folders.
   */
  private async forgetJsonFiles(): Promise<void> {
    const service = await this.ready;
    for (const doc of this.open.values()) service?.fileChanged(doc.path);
  }

  private async initialized(): Promise<void> {
    try {
      await this.initializedNow();
    } finally {
      this.initializationDone();
    }
  }

  private async initializedNow(): Promise<void> {
    if (!(await this.ready)) return;
    const registrationFailed = (error: unknown) => this.logOnce(`elb-lens: the client refused a registration: ${describe(error)}`);
    if (this.supportsConfigurationRegistration) {
      // One registration, for the `elbLens` section: VS Code then sends nothing for other settings.
      this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'elbLens' }).catch(registrationFailed);
    }
    // The library only offers this event once the client said it sends it (after initialize).
    if (this.supportsFolderChanges) this.connection.workspace.onDidChangeWorkspaceFolders((p) => this.workspaceFoldersChanged(p));
    try {
      await this.loadEditorSettings();
      this.watching = true;
      await this.registerWatchers();
    } finally {
      // A failure is logged by the guard; the status must not stay "analysing" for it.
      this.indexed = true;
    }
    // With scope "workspace" every file is checked, so the workspace is listed now (in the
    // background: open documents that do not need it are checked meanwhile). Otherwise it is
    // listed only once a folder needs the callers of its module (see `settled`).
    if (this.workspaceScopeAnywhere()) void this.ensureIndex();
    this.revalidateAll();
  }

  /**
   * The one file watcher (the VS Code client has none of its own): ELB Lens's file names,
   * and the `json.files` globs of the settings and of each `.elb-lens.json`. Registered
   * again when those globs change.
   */
  private async registerWatchers(): Promise<void> {
    if (!this.supportsWatchRegistration) return;
    const watchers = this.fileWatchers();
    const key = JSON.stringify(watchers);
    if (key === this.watchedKey) return;
    this.watchedKey = key;
    const previous = this.watcherRegistration;
    this.watcherRegistration = this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch((error) => {
      this.logOnce(`elb-lens: the client refused a registration: ${describe(error)}`);
      return undefined;
    });
    (await previous)?.dispose();
  }

  private fileWatchers(): FileSystemWatcher[] {
    const globs = new Set<string>(WATCHED_GLOBS);
    const relative = new Map<string, { baseUri: string; pattern: string }>();
    const add = (base: string, glob: string) => {
      const pattern = glob.trim().replace(/^\.\//, '');
      if (pattern === '') return;
      // A glob without a '/' matches at any depth (see config/glob.ts).
      const anyDepth = pattern.includes('/') ? pattern : `**/${pattern}`;
      if (globs.has(anyDepth)) return;
      if (this.supportsRelativePatterns)
        relative.set(`${base}\0${anyDepth}`, { baseUri: this.platform.pathToUri(base), pattern: anyDepth });
      else globs.add(anyDepth.startsWith('**/') ? anyDepth : `**/${anyDepth}`);
    };
    for (const [folder, settings] of this.folderSettings) for (const glob of settings.json.files) add(folder, glob);
    for (const file of this.configFiles) {
      try {
        const config = this.configs.forFile(file);
        for (const glob of config.jsonFiles) add(config.dir, glob);
      } catch {
        // An invalid file is reported when a document under it is checked.
      }
    }
    return [...[...globs].map((globPattern) => ({ globPattern })), ...[...relative.values()].map((globPattern) => ({ globPattern }))];
  }

  /** Tells the client (when it asked) whether the server is analysing, ready or in trouble. */
  private updateStatus(): void {
    if (!this.sendsStatus) return;
    let status: ServerStatus;
    if (this.coreError) status = { state: 'error', message: this.coreError };
    else if (!this.indexed || this.indexRun !== undefined || this.timers.size > 0 || this.running > 0) status = { state: 'analysing' };
    else if (this.failedAnalyses.size > 0) {
      const [file] = this.failedAnalyses.values();
      status = { state: 'error', message: `the analysis of ${file} failed` };
    } else if (this.invalidConfigs.size > 0) {
      const [file] = this.invalidConfigs.keys();
      status = { state: 'error', message: `invalid configuration in ${file}` };
    } else status = { state: 'ready' };
    const key = JSON.stringify(status);
    if (key === this.lastStatus) return;
    this.lastStatus = key;
    void this.connection.sendNotification(STATUS_NOTIFICATION, status);
  }

  private workspaceFoldersChanged(event: WorkspaceFoldersChangeEvent): void {
    this.guard('didChangeWorkspaceFolders', async () => {
      const removed = new Set(event.removed.map((f) => this.platform.uriToPath(f.uri)));
      this.workspaceFolders = this.workspaceFolders.filter((f) => !removed.has(f));
      for (const added of event.added) {
        const folder = this.platform.uriToPath(added.uri);
        if (folder && !this.workspaceFolders.includes(folder)) this.workspaceFolders.push(folder);
      }
      // A listing that was needed (done or under way) is done again for the new folders; one
      // that was never needed, or was cancelled, waits until a folder needs it.
      const listed = this.indexRun !== undefined || this.workspaceListed;
      this.indexGeneration++;
      this.indexSettled = false;
      this.workspaceListed = false;
      this.indexRun = undefined;
      this.settingsCache.clear();
      await this.loadEditorSettings();
      if (listed || this.workspaceScopeAnywhere()) void this.ensureIndex();
      await this.registerWatchers();
      this.revalidateAll();
    });
  }

  /** True when a workspace folder (or the window, without folders) has `diagnostics.scope` "workspace". */
  private workspaceScopeAnywhere(): boolean {
    return [this.editorSettings, ...this.folderSettings.values()].some((s) => s.diagnostics.scope === 'workspace');
  }

  /**
   * Resolves once the workspace folders are listed (or their listing was cancelled), starting
   * the listing when none is under way. Never rejects.
   */
  private async ensureIndex(): Promise<void> {
    // A listing of folders that changed meanwhile ends unsettled: the new folders' is awaited then.
    while (!this.indexSettled) {
      if (!this.indexRun) {
        const run = this.indexWorkspace(this.indexGeneration).finally(() => {
          if (this.indexRun === run) this.indexRun = undefined;
          this.updateStatus();
        });
        this.indexRun = run;
        this.updateStatus();
      }
      await this.indexRun;
    }
  }

  /**
   * Lists the workspace (see listWorkspace) with a progress report the user can cancel.
   * Cancelled, the open files are all there is, as before any listing. Never rejects: a failure
   * is logged and counts as a cancellation.
   */
  private async indexWorkspace(generation: number): Promise<void> {
    const service = await this.ready;
    if (!service || this.workspaceFolders.length === 0) {
      if (generation === this.indexGeneration) this.indexSettled = true;
      return;
    }
    // Documents wait for the listing: a client that never answers gets no progress, not a stuck server.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const progress = await Promise.race([
      this.connection.window.createWorkDoneProgress().catch(() => undefined),
      new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), PROGRESS_CREATE_TIMEOUT_MS))),
    ]);
    clearTimeout(timer);
    const stale = () => generation !== this.indexGeneration;
    const cancelled = () => stale() || progress?.token.isCancellationRequested === true;
    const events: { filePath: string; type: FileChangeType }[] = [];
    this.eventsDuringIndex = events;
    let outcome: 'listed' | 'cancelled' | 'failed';
    try {
      progress?.begin('ELB Lens', 0, 'Listing Terraform files', true);
      outcome = (await this.listWorkspace(service, events, progress, cancelled)) ? 'listed' : 'cancelled';
    } catch (error) {
      this.connection.console.error(`elb-lens: listing the workspace failed: ${describe(error)}`);
      outcome = 'failed';
    } finally {
      if (this.eventsDuringIndex === events) this.eventsDuringIndex = undefined;
      progress?.done();
    }
    // The folders changed meanwhile: their own listing follows (ensureIndex).
    if (stale()) return;
    this.indexSettled = true;
    this.workspaceListed = outcome === 'listed';
    if (outcome !== 'listed') {
      this.judgedBeforeIndex.clear();
      if (outcome === 'cancelled') {
        this.logOnce(
          'elb-lens: indexing the workspace was cancelled: module folders are judged with the open files only (callers among closed files are not looked for) until the workspace folders change.',
        );
      }
      return;
    }
    // The `.elb-lens.json` files it found are watched too.
    if (this.watching) this.guard('registerWatchers', () => this.registerWatchers());
    // Documents checked before the listing without waiting for it may gain findings from callers it found.
    for (const uri of this.judgedBeforeIndex) if (this.open.has(uri)) this.schedule(uri, 0);
    this.judgedBeforeIndex.clear();
    this.publishWorkspace();
    this.refreshInlayHints();
  }

  /**
   * Lists the workspace's Terraform files (and `.elb-lens.json` files), reads their module
   * calls a slice at a time (the caller index of module folders is built from them) and hands
   * them to the core. False when cancelled: nothing is changed then.
   */
  private async listWorkspace(
    service: ElbLensService,
    events: readonly { filePath: string; type: FileChangeType }[],
    progress: WorkDoneProgressServerReporter | undefined,
    cancelled: () => boolean,
  ): Promise<boolean> {
    const folders = [...this.workspaceFolders];
    const files = await this.platform.listFiles(folders, cancelled);
    // A cancellation sent while the folders were walked (synchronously, on Node) arrives now.
    await nextTurn();
    if (cancelled()) return false;
    const settingsByFolder = await Promise.all(folders.map((f) => this.settingsFor(this.platform.pathToUri(f))));
    const workspaceFiles = new Set(
      files.filter((file) => {
        if (!INDEXED_KINDS.has(classify(file)) && !mayBeKubernetes(file)) return false;
        const index = folders.findIndex((f) => file.startsWith(f + path.sep));
        const folder = folders[index];
        const settings = settingsByFolder[index] ?? DEFAULT_SETTINGS;
        return folder === undefined || !matchesScopes([{ base: folder, globs: settings.exclude }], file);
      }),
    );
    const pending = [...workspaceFiles].filter((f) => !mayBeKubernetes(f));
    const message = `Indexing ${pending.length.toLocaleString('en')} Terraform files`;
    progress?.report(0, message);
    // Read here in slices, between which a cancellation or an edit gets through, rather than
    // all at once by the first analysis that needs them.
    const readCalls = async () => {
      let done = 0;
      while (done < pending.length && !cancelled()) {
        const sliceEnd = Date.now() + INDEX_SLICE_MS;
        while (done < pending.length && Date.now() < sliceEnd) service.readModuleCalls([pending[done++]]);
        progress?.report((done / pending.length) * 100, message);
        await nextTurn();
      }
    };
    // In a browser the files come in ahead of the read (any not in yet are fetched, and the read done again).
    if (this.platform.readsAhead) await this.platform.prefetch(readCalls);
    else await readCalls();
    if (cancelled()) return false;
    for (const event of events) this.applyFileEvent(workspaceFiles, event.filePath, event.type);
    this.workspaceFiles = workspaceFiles;
    for (const file of files) if (path.basename(file) === CONFIG_FILE_NAME) this.configFiles.add(file);
    service.setWorkspaceFiles(this.workspaceFiles);
    return true;
  }

  /** A created or deleted file, in a set of indexed workspace files. */
  private applyFileEvent(files: Set<string>, filePath: string, type: FileChangeType): void {
    const indexed = INDEXED_KINDS.has(classify(filePath)) || mayBeKubernetes(filePath);
    if (type === FileChangeType.Created && indexed && this.inWorkspace(filePath)) files.add(filePath);
    if (type === FileChangeType.Deleted) files.delete(filePath);
  }

  private schedule(uri: string, delay: number): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        this.running++;
        void this.validate(uri).finally(() => {
          this.running--;
          this.updateStatus();
        });
      }, delay),
    );
    this.updateStatus();
  }

  private revalidateAll(): void {
    // Debounced like typing, so a settings or file change during a burst of edits merges with it.
    for (const uri of this.open.keys()) this.schedule(uri, DEBOUNCE_MS);
    this.publishWorkspace();
  }

  /** Asks the client to re-request inlay hints: they may depend on another file or a setting. */
  private refreshInlayHints(): void {
    if (this.supportsInlayHintRefresh) this.connection.languages.inlayHint.refresh().catch(() => undefined);
  }

  /** Queues one workspace-scope run; requests made while one is waiting merge into it. */
  private publishWorkspace(): void {
    if (this.workspaceRunPending) return;
    this.workspaceRunPending = true;
    this.running++;
    this.workspaceRun = this.workspaceRun.then(async () => {
      this.workspaceRunPending = false;
      try {
        await this.publishWorkspaceNow();
      } catch (error) {
        this.connection.console.error(`elb-lens: workspace analysis failed: ${describe(error)}`);
      } finally {
        this.running--;
        this.updateStatus();
      }
    });
  }

  /** With scope "workspace", findings of files that are not open are published too; stale ones are cleared. */
  private async publishWorkspaceNow(): Promise<void> {
    const service = await this.ready;
    if (!service) return;
    // Closed files are found by the listing (started here when the scope was just switched on).
    if (this.workspaceScopeAnywhere()) await this.ensureIndex();
    const published = new Set<string>();
    const analysedUnits = new Set<string>();
    for (const file of this.workspaceFiles) {
      const unit = service.unitOf(file);
      if (unit === undefined || analysedUnits.has(unit)) continue;
      const uri = this.platform.pathToUri(file);
      if ((await this.settingsFor(uri)).diagnostics.scope !== 'workspace') continue;
      // An excluded file does not stand for its module: another file of the folder may.
      const options = await this.optionsFor(file, uri);
      if (!options) continue;
      analysedUnits.add(unit);
      if (this.platform.readsAhead) await this.platform.prefetch(() => service.analyzeModule(file, options));
      for (const [moduleFile, findings] of service.analyzeModule(file, options)) {
        const moduleUri = this.uriOf(moduleFile);
        if (this.open.has(moduleUri) || !(await this.optionsFor(moduleFile, moduleUri))) continue;
        published.add(moduleUri);
        void this.connection.sendDiagnostics({
          uri: moduleUri,
          diagnostics: findings.map((f) => toDiagnostic(f, this.uriOf, this.rulePage)),
        });
      }
    }
    for (const uri of this.workspacePublished) {
      if (!published.has(uri) && !this.open.has(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
    this.workspacePublished = published;
  }

  /** Analyses a document's module and publishes diagnostics for its open files. */
  private async validate(uri: string): Promise<void> {
    const doc = this.open.get(uri);
    if (!doc || !this.service) return;
    try {
      await this.settled(doc);
      const options = await this.optionsFor(doc.path, uri);
      if (!this.open.has(uri)) return;
      if (!options) {
        void this.connection.sendDiagnostics({ uri, diagnostics: [] });
        return;
      }
      if (!this.service.isSupportedFile(doc.path)) {
        // It may have been supported a moment ago (a JSON file losing its ELB content or glob).
        void this.connection.sendDiagnostics({ uri, diagnostics: [] });
        return;
      }
      const workspaceScope = (await this.settingsFor(uri)).diagnostics.scope === 'workspace';
      const version = doc.version;
      const byFile = this.service.analyzeModule(doc.path, options);
      this.analysisCount.set(doc.path, (this.analysisCount.get(doc.path) ?? 0) + 1);
      const convert = (findings: Parameters<typeof toDiagnostic>[0][]) => findings.map((f) => toDiagnostic(f, this.uriOf, this.rulePage));
      void this.connection.sendDiagnostics({ uri, version, diagnostics: convert(byFile.get(doc.path) ?? []) });
      // Other files of the module may depend on what changed here.
      let otherOpenFiles = false;
      for (const [file, findings] of byFile) {
        const otherUri = this.uriOf(file);
        if (otherUri === uri) continue;
        const other = this.open.get(otherUri);
        if (other) {
          otherOpenFiles = true;
          if (!(await this.optionsFor(file, otherUri))) continue;
          void this.connection.sendDiagnostics({ uri: otherUri, version: other.version, diagnostics: convert(findings) });
          // This analysis already covered the other file's latest text: its pending run is redundant.
          clearTimeout(this.timers.get(otherUri));
          this.timers.delete(otherUri);
        } else if (workspaceScope && this.workspaceFiles.has(file) && (await this.optionsFor(file, otherUri))) {
          this.workspacePublished.add(otherUri);
          void this.connection.sendDiagnostics({ uri: otherUri, diagnostics: convert(findings) });
        }
      }
      if (otherOpenFiles) this.refreshInlayHints();
      this.failedAnalyses.delete(uri);
    } catch (error) {
      this.connection.console.error(`elb-lens: analysis of ${doc.path} failed: ${describe(error)}`);
      this.failedAnalyses.set(uri, doc.path);
    }
  }

  private refreshModuleOf(filePath: string): void {
    const dir = path.dirname(filePath);
    for (const doc of this.open.values()) if (path.dirname(doc.path) === dir) this.schedule(doc.uri, 0);
  }

  /** Settings for a resource (undefined: the window's), read once and cached until they change. */
  private settingsFor(uri: string | undefined): Promise<ElbLensSettings> {
    if (!this.supportsConfiguration) return Promise.resolve(DEFAULT_SETTINGS);
    const key = uri ?? '';
    let cached = this.settingsCache.get(key);
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
      this.settingsCache.set(key, cached);
    }
    return cached;
  }

  /** Editor settings over the `.elb-lens.json` file; undefined when the file is not to be analysed. */
  private async optionsFor(filePath: string, uri: string): Promise<AnalysisOptions | undefined> {
    const settings = await this.settingsFor(uri);
    if (!settings.enable) return undefined;
    const config = this.effectiveConfig(filePath, uri, settings);
    return excludes(config, filePath) ? undefined : config.options;
  }

  /** The project layer's merge of the file's `.elb-lens.json` and the editor settings. */
  private effectiveConfig(filePath: string, uri: string, settings: ElbLensSettings): EffectiveConfig {
    const folder = this.workspaceFolders.find((f) => filePath.startsWith(f + path.sep));
    let config;
    // An untitled document has no folder of its own to look for a configuration file in.
    if (!uri.startsWith('untitled:')) {
      try {
        config = this.configs.forFile(filePath);
        if (config.path) {
          this.foundConfigFile(config.path);
          if (this.invalidConfigs.delete(config.path)) this.showConfigError(config.path, undefined);
        }
      } catch (error) {
        this.logOnce(error instanceof ConfigError ? error.message : `elb-lens: cannot read ${CONFIG_FILE_NAME}: ${describe(error)}`);
        if (error instanceof ConfigError && !this.invalidConfigs.has(error.file)) {
          this.invalidConfigs.set(error.file, error);
          this.showConfigError(error.file, error);
        }
        config = undefined;
      }
    }
    const varFilesBase =
      folder ?? (!uri.startsWith('untitled:') ? path.dirname(filePath) : (this.workspaceFolders[0] ?? path.dirname(filePath)));
    return configure({
      config,
      host: {
        base: folder,
        rules: settings.rules,
        exclude: settings.exclude,
        varFiles: settings.varFiles.map((f) => path.resolve(varFilesBase, f)),
        jsonFiles: settings.json.files,
        kubernetesFiles: settings.kubernetes.files,
        ...(settings.kubernetes.network && { kubernetesNetwork: settings.kubernetes.network }),
      },
    });
  }

  /**
   * What an analysis of a document waits for: the files it reads (where they are read ahead),
   * and the workspace listing when callers among the closed files could change its findings
   * (the core says when: `callersMatter`). Until the listing is in, nothing of such a
   * document's analysis is shown, so no finding a caller would remove ever appears; the others
   * are shown at once and checked again once it is in (callers it found may add findings).
   */
  private async settled(doc: { path: string; uri: string }): Promise<void> {
    await this.prefetched(doc);
    const service = this.service;
    // An untitled document has no folder anyone could call.
    if (this.indexSettled || !service || doc.uri.startsWith('untitled:')) return;
    const options = await this.optionsFor(doc.path, doc.uri);
    if (!options || !service.isSupportedFile(doc.path)) return;
    if (!service.callersMatter(doc.path, options)) {
      this.judgedBeforeIndex.add(doc.uri);
      return;
    }
    await this.ensureIndex();
    // Callers it found, and their folders, are read now (a browser).
    await this.prefetched(doc);
  }

  /**
   * Where files are read ahead (a browser): fetches what the document's analysis reads, so
   * that it and what follows it see every file (a file not read yet would look missing, and
   * could make a finding that is not there).
   */
  private async prefetched(doc: { path: string; uri: string }): Promise<void> {
    if (!this.platform.readsAhead) return;
    await this.initialization;
    await this.platform.prefetch(async () => {
      const options = await this.optionsFor(doc.path, doc.uri);
      if (options && this.service?.isSupportedFile(doc.path)) this.service.analyzeModule(doc.path, options);
    });
  }

  /** Files the platform fetched: the core and the configuration files forget what they had. */
  private filesArrived(paths: string[], unasked: boolean): void {
    this.configs.clear();
    for (const filePath of paths) this.service?.fileChanged(filePath);
    if (paths.some((p) => path.basename(p) === CONFIG_FILE_NAME)) {
      // json.files may have changed with it.
      for (const doc of this.open.values()) this.service?.fileChanged(doc.path);
    }
    if (unasked) {
      this.revalidateAll();
      this.refreshInlayHints();
    }
  }

  /**
   * A `.elb-lens.json` found by walking up from a file (no listing needed): its `json.files`
   * are watched from now on.
   */
  /**
   * An invalid `.elb-lens.json` (the CLI fails on it) as a diagnostic in the file and in the
   * status; undefined clears both once the file reads again.
   */
  private showConfigError(file: string, error: ConfigError | undefined): void {
    const diagnostics = error
      ? [
          {
            range: { start: { line: error.line - 1, character: error.column - 1 }, end: { line: error.line - 1, character: error.column } },
            severity: DiagnosticSeverity.Error,
            source: 'elb-lens',
            message: `Invalid ELB Lens configuration: ${error.key ? `${error.key}: ` : ''}${error.detail}. Files under this folder are checked with the defaults until it is fixed.`,
          },
        ]
      : [];
    void this.connection.sendDiagnostics({ uri: this.platform.pathToUri(file), diagnostics });
    this.updateStatus();
  }

  private foundConfigFile(file: string): void {
    if (this.configFiles.has(file) || !this.inWorkspace(file)) return;
    this.configFiles.add(file);
    // Later, not inside the configuration lookup that found it (registering reads the files again).
    if (this.watching) setTimeout(() => this.guard('registerWatchers', () => this.registerWatchers()), 0);
  }

  private inWorkspace(filePath: string): boolean {
    return this.workspaceFolders.some((f) => filePath.startsWith(f + path.sep));
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

/** Lets the event loop run (messages, timers) before going on. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function overlaps(a: { start: { line: number }; end: { line: number } }, b: { start: { line: number }; end: { line: number } }): boolean {
  return a.start.line <= b.end.line && b.start.line <= a.end.line;
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
