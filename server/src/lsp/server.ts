import * as path from 'path';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver';
import { CONFIG_FILE_NAME } from '../core/options';
import { namesElbJson, namesKubernetes } from '../project';
import { projectLinks } from '../rules/support/links';
import { CoreLoader, inThreadAnalysis, type Core } from './analysis';
import { ServerConfiguration } from './configuration';
import type { RulePage } from './convert';
import { DiagnosticsScheduler } from './diagnostics';
import { OpenDocuments, WorkspaceFolders } from './documents';
import { FIX_ALL_KIND, Handlers } from './handlers';
import { describe, ServerLog } from './log';
import type { ServerPlatform } from './platform';
import { StatusReporter } from './status';
import { FileWatchers } from './watchers';
import { WorkspaceIndex } from './workspaceIndex';

/**
 * The language server: wires its parts (handlers.ts, diagnostics.ts, workspaceIndex.ts,
 * watchers.ts, configuration.ts) to the connection and runs the lifecycle (initialize, settings
 * and workspace folder changes). The same class runs on Node and in a browser's web worker;
 * what differs (file access, URIs, the WebAssembly) is the platform.
 */
export class ElbLensServer {
  private readonly log: ServerLog;
  private readonly core = new CoreLoader();
  private readonly folders = new WorkspaceFolders();
  private readonly documents: OpenDocuments;
  private readonly status: StatusReporter;
  private readonly configuration: ServerConfiguration;
  private readonly index: WorkspaceIndex;
  private readonly scheduler: DiagnosticsScheduler;
  private readonly watchers: FileWatchers;
  private readonly handlers: Handlers;
  /** A rule's public page, from the package's manifest (known once the platform is initialized). */
  private rulePage: RulePage = () => undefined;
  /** The hover link to the bundled page, as a command link where the client runs it (VS Code). */
  private hoverDocsLink: string | undefined;
  /** `initialized` was handled (settings read, watchers registered): until then the status says "analysing". */
  private started = false;
  private coreError: string | undefined;
  private supportsConfigurationRegistration = false;
  private supportsFolderChanges = false;
  /** Resolves once `initialized` was handled (settings read): what a browser platform waits for before it reads ahead. */
  private initialization: Promise<void> = Promise.resolve();
  private initializationDone: () => void = () => {};

  constructor(
    private readonly connection: Connection,
    private readonly platform: ServerPlatform,
  ) {
    const rulePage: RulePage = (ruleId) => this.rulePage(ruleId);
    const statusChanged = () => this.status.update();
    this.log = new ServerLog(connection);
    this.documents = new OpenDocuments((filePath) => platform.pathToUri(filePath));
    this.status = new StatusReporter(connection, {
      coreError: () => this.coreError,
      busy: () => !this.started || this.index.busy() || this.scheduler.busy(),
      failedAnalysis: () => this.scheduler.failedAnalysis(),
      invalidConfig: () => this.configuration.firstInvalidConfig(),
    });
    this.configuration = new ServerConfiguration(connection, platform, this.folders, this.log, {
      configFileFound: (file) => this.watchers.configFileFound(file),
      configProblemsChanged: statusChanged,
    });
    this.index = new WorkspaceIndex(
      connection,
      platform,
      this.folders,
      this.configuration,
      this.core,
      this.log,
      () => this.initialization,
      {
        configFilesListed: (files) => this.watchers.configFilesListed(files),
        listed: (judgedBefore) => this.listed(judgedBefore),
        busyChanged: statusChanged,
      },
    );
    this.scheduler = new DiagnosticsScheduler(
      connection,
      platform,
      this.documents,
      this.configuration,
      this.index,
      this.core,
      this.log,
      rulePage,
      statusChanged,
    );
    this.watchers = new FileWatchers(connection, platform, this.folders, this.configuration, this.index, this.core, this.log, {
      forgetJsonFiles: () => this.forgetJsonFiles(),
      filesChanged: () => this.changedOutside(),
    });
    this.handlers = new Handlers({
      platform,
      documents: this.documents,
      folders: this.folders,
      configuration: this.configuration,
      index: this.index,
      scheduler: this.scheduler,
      core: this.core,
      log: this.log,
      rulePage,
      statusChanged,
    });
    platform.onFilesArrived((paths, unasked) => this.filesArrived(paths, unasked));
  }

  /** Number of analyses run, per file: the benchmarks and tests read it. */
  get analysisCount(): ReadonlyMap<string, number> {
    return this.scheduler.analysisCount;
  }

  listen(): void {
    const c = this.connection;
    c.onInitialize((params) => this.initialize(params));
    c.onInitialized(() => this.log.guard('initialized', () => this.initialized()));
    this.handlers.listen(c);
    c.onDidChangeConfiguration(() => this.log.guard('didChangeConfiguration', () => this.configurationChanged()));
    c.onDidChangeWatchedFiles((p) => this.log.guard('didChangeWatchedFiles', () => this.watchers.filesChanged(p)));
    c.onShutdown(() => this.scheduler.stop());
    c.listen();
  }

  private initialize(params: InitializeParams): InitializeResult {
    const caps = params.capabilities;
    this.configuration.supported = caps.workspace?.configuration === true;
    this.watchers.supported = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    this.watchers.relativePatterns = caps.workspace?.didChangeWatchedFiles?.relativePatternSupport === true;
    const init: unknown = params.initializationOptions;
    this.status.enabled = typeof init === 'object' && init !== null && (init as { status?: unknown }).status === true;
    // VS Code's client trusts this one command in hovers: the page opens in its Markdown preview.
    this.hoverDocsLink =
      typeof init === 'object' && init !== null && (init as { commandLinks?: unknown }).commandLinks === true
        ? `command:elbLens.openRuleDocs?${encodeURIComponent(JSON.stringify(['README']))}`
        : undefined;
    this.supportsConfigurationRegistration = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    this.supportsFolderChanges = caps.workspace?.workspaceFolders === true;
    this.scheduler.inlayHintRefresh = caps.workspace?.inlayHint?.refreshSupport === true;
    this.platform.initialize(params);
    this.rulePage = projectLinks(this.platform.manifest()).rulePage;
    this.folders.paths = (params.workspaceFolders ?? [])
      .map((f) => this.platform.uriToPath(f.uri))
      .filter((p): p is string => p !== undefined);
    if (this.folders.paths.length === 0 && params.rootUri) {
      const root = this.platform.uriToPath(params.rootUri);
      if (root) this.folders.paths.push(root);
    }
    // Loading starts now so the WebAssembly is ready by the time the first document opens.
    this.core.load(() => this.createCore());
    this.initialization = new Promise((resolve) => (this.initializationDone = resolve));
    this.status.update();
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

  /** Loads the core; the analysis runs in-thread, through the same service that answers requests. */
  private async createCore(): Promise<Core | undefined> {
    try {
      const service = await this.platform.createService({
        ...(this.hoverDocsLink ? { hoverDocsLink: this.hoverDocsLink } : {}),
        // Asked per file: `json.files` of the file's `.elb-lens.json` and of the editor settings.
        jsonFiles: (filePath) => namesElbJson(this.configuration.loadedConfig(filePath, this.documents.uriOf(filePath)), filePath),
        kubernetesFiles: (filePath) => namesKubernetes(this.configuration.loadedConfig(filePath, this.documents.uriOf(filePath)), filePath),
      });
      return { service, analysis: inThreadAnalysis(service) };
    } catch (error) {
      this.log.error(`elb-lens: cannot start the analysis core: ${describe(error)}`);
      this.coreError = 'the analysis core did not start';
      this.status.update();
      return undefined;
    }
  }

  private async initialized(): Promise<void> {
    try {
      await this.initializedNow();
    } finally {
      this.initializationDone();
    }
  }

  private async initializedNow(): Promise<void> {
    if (!(await this.core.ready)) return;
    const registrationFailed = (error: unknown) => this.log.warnOnce(`elb-lens: the client refused a registration: ${describe(error)}`);
    if (this.supportsConfigurationRegistration) {
      // One registration, for the `elbLens` section: VS Code then sends nothing for other settings.
      this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'elbLens' }).catch(registrationFailed);
    }
    // The library only offers this event once the client said it sends it (after initialize).
    if (this.supportsFolderChanges) this.connection.workspace.onDidChangeWorkspaceFolders((p) => this.workspaceFoldersChanged(p));
    try {
      await this.configuration.loadFolderSettings();
      await this.watchers.start();
    } finally {
      // A failure is logged by the guard; the status must not stay "analysing" for it.
      this.started = true;
    }
    // With scope "workspace" every file is checked, so the workspace is listed now (in the
    // background: open documents that do not need it are checked meanwhile). Otherwise it is
    // listed only once a folder needs the callers of its module (see `WorkspaceIndex.settled`).
    if (this.configuration.workspaceScopeAnywhere()) void this.index.ensureListed();
    this.scheduler.revalidateAll();
  }

  private async configurationChanged(): Promise<void> {
    // VS Code sends this only for `elbLens` (the registration names the section); other
    // clients send it for any change (a theme, a font size): nothing happens then.
    if (!(await this.configuration.reload())) return;
    this.configuration.configs.clear();
    await this.configuration.loadFolderSettings();
    await this.watchers.register();
    await this.forgetJsonFiles();
    this.changedOutside();
  }

  private workspaceFoldersChanged(event: WorkspaceFoldersChangeEvent): void {
    this.log.guard('didChangeWorkspaceFolders', async () => {
      const removed = new Set(event.removed.map((f) => this.platform.uriToPath(f.uri)));
      this.folders.paths = this.folders.paths.filter((f) => !removed.has(f));
      for (const added of event.added) {
        const folder = this.platform.uriToPath(added.uri);
        if (folder && !this.folders.paths.includes(folder)) this.folders.paths.push(folder);
      }
      const listed = this.index.foldersChanged();
      this.configuration.forgetSettings();
      await this.configuration.loadFolderSettings();
      if (listed || this.configuration.workspaceScopeAnywhere()) void this.index.ensureListed();
      await this.watchers.register();
      this.scheduler.revalidateAll();
    });
  }

  /** The workspace listing is in. */
  private listed(judgedBefore: readonly string[]): void {
    this.watchers.listed();
    // Documents checked before the listing without waiting for it may gain findings from callers it found.
    for (const uri of judgedBefore) if (this.documents.has(uri)) this.scheduler.schedule(uri, 0);
    this.scheduler.publishWorkspace();
    this.scheduler.refreshInlayHints();
  }

  /** Settings or files changed: every document is checked again, inlay hints are asked again. */
  private changedOutside(): void {
    this.scheduler.revalidateAll();
    this.scheduler.refreshInlayHints();
  }

  /**
   * `json.files` (a setting or a `.elb-lens.json`) changed, so which files are ELB JSON may
   * have: the core forgets its analyses of the open documents' folders.
   */
  private async forgetJsonFiles(): Promise<void> {
    const core = await this.core.ready;
    for (const doc of this.documents.all()) core?.analysis.fileChanged(doc.path);
  }

  /** Files the platform fetched: the core and the configuration files forget what they had. */
  private filesArrived(paths: string[], unasked: boolean): void {
    const analysis = this.core.current?.analysis;
    this.configuration.configs.clear();
    for (const filePath of paths) analysis?.fileChanged(filePath);
    if (paths.some((p) => path.basename(p) === CONFIG_FILE_NAME)) {
      // json.files may have changed with it.
      for (const doc of this.documents.all()) analysis?.fileChanged(doc.path);
    }
    if (unasked) this.changedOutside();
  }
}
