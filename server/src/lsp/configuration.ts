import * as path from 'path';
import { DiagnosticSeverity, type Connection } from 'vscode-languageserver';
import { CONFIG_FILE_NAME, type AnalysisOptions } from '../core/options';
import { configure, excludes, type EffectiveConfig } from '../project';
import { ConfigError, ConfigResolver } from '../project/configFile';
import type { WorkspaceFolders } from './documents';
import { describe, type ServerLog } from './log';
import type { ServerPlatform } from './platform';
import { DEFAULT_SETTINGS, parseSettings, type ElbLensSettings } from './settings';

/** What the configuration tells the rest of the server. */
export interface ConfigurationEvents {
  /** A `.elb-lens.json` was found by walking up from a file (no listing needed). */
  configFileFound(file: string): void;
  /** A `.elb-lens.json` stopped or started reading: the status may change. */
  configProblemsChanged(): void;
}

/**
 * The editor's `elbLens` settings, per resource and per workspace folder (asked of the client
 * with configuration requests, cached until they change), merged with the `.elb-lens.json`
 * files into what an analysis of a file is given.
 */
export class ServerConfiguration {
  /** The client answers configuration requests; without, every file has the defaults. */
  supported = false;
  /** `.elb-lens.json` files, read and cached by folder. */
  readonly configs: ConfigResolver;
  private readonly cache = new Map<string, Promise<ElbLensSettings>>();
  /** Settings of the first workspace folder, for the core's synchronous question about `json.files` outside the folders. */
  private editorSettings: ElbLensSettings = DEFAULT_SETTINGS;
  /** Settings of each workspace folder, for the same question about the folder's files (and the watchers). */
  private folders = new Map<string, ElbLensSettings>();
  /** `.elb-lens.json` files that do not read, by path: shown in the status and in the file. */
  private readonly invalidConfigs = new Map<string, ConfigError>();

  constructor(
    private readonly connection: Connection,
    private readonly platform: Pick<ServerPlatform, 'host' | 'realpath' | 'pathToUri'>,
    private readonly workspaceFolders: WorkspaceFolders,
    private readonly log: ServerLog,
    private readonly events: ConfigurationEvents,
  ) {
    this.configs = new ConfigResolver((file) => platform.host.readFile(file), { realPath: platform.realpath });
  }

  /** Settings for a resource (undefined: the window's), read once and cached until they change. */
  settingsFor(uri: string | undefined): Promise<ElbLensSettings> {
    if (!this.supported) return Promise.resolve(DEFAULT_SETTINGS);
    const key = uri ?? '';
    let cached = this.cache.get(key);
    if (!cached) {
      cached = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'elbLens' })
        .then((raw: unknown) => {
          const problems: string[] = [];
          const settings = parseSettings(raw, problems);
          for (const problem of problems) this.log.warnOnce(problem);
          return settings;
        })
        .catch(() => DEFAULT_SETTINGS);
      this.cache.set(key, cached);
    }
    return cached;
  }

  /**
   * Reads the settings again after a change notification. True when any that were read
   * differ: only then do caches go and documents get checked again.
   */
  async reload(): Promise<boolean> {
    const keys = [...this.cache.keys()];
    const before = await Promise.all(keys.map((key) => this.cache.get(key)));
    this.cache.clear();
    const after = await Promise.all(keys.map((key) => this.settingsFor(key === '' ? undefined : key)));
    return keys.length === 0 || keys.some((_, i) => JSON.stringify(before[i]) !== JSON.stringify(after[i]));
  }

  /** Forgets every setting read (the workspace folders changed). */
  forgetSettings(): void {
    this.cache.clear();
  }

  /** Reads the settings of the window and of each workspace folder, which synchronous questions use. */
  async loadFolderSettings(): Promise<void> {
    const [first] = this.workspaceFolders.paths;
    this.editorSettings = await this.settingsFor(first ? this.platform.pathToUri(first) : undefined);
    const folders = await Promise.all(
      this.workspaceFolders.paths.map(async (f) => [f, await this.settingsFor(this.platform.pathToUri(f))] as const),
    );
    this.folders = new Map(folders);
  }

  /** The settings of each workspace folder, as last loaded. */
  folderSettings(): ReadonlyMap<string, ElbLensSettings> {
    return this.folders;
  }

  /** True when a workspace folder (or the window, without folders) has `diagnostics.scope` "workspace". */
  workspaceScopeAnywhere(): boolean {
    return [this.editorSettings, ...this.folders.values()].some((s) => s.diagnostics.scope === 'workspace');
  }

  /** Editor settings over the `.elb-lens.json` file; undefined when the file is not to be analysed. */
  async optionsFor(filePath: string, uri: string): Promise<AnalysisOptions | undefined> {
    const settings = await this.settingsFor(uri);
    if (!settings.enable) return undefined;
    const config = this.effectiveConfig(filePath, uri, settings);
    return excludes(config, filePath) ? undefined : config.options;
  }

  /** The same merge, synchronously, with the settings of the file's folder as last loaded (the core asks it). */
  loadedConfig(filePath: string, uri: string): EffectiveConfig {
    const folder = this.workspaceFolders.folderOf(filePath);
    const settings = (folder !== undefined ? this.folders.get(folder) : undefined) ?? this.editorSettings;
    return this.effectiveConfig(filePath, uri, settings);
  }

  /** The `.elb-lens.json` that does not read, first in the order found. */
  firstInvalidConfig(): string | undefined {
    const [file] = this.invalidConfigs.keys();
    return file;
  }

  /** The project layer's merge of the file's `.elb-lens.json` and the editor settings. */
  private effectiveConfig(filePath: string, uri: string, settings: ElbLensSettings): EffectiveConfig {
    const folder = this.workspaceFolders.folderOf(filePath);
    let config;
    // An untitled document has no folder of its own to look for a configuration file in.
    if (!uri.startsWith('untitled:')) {
      try {
        config = this.configs.forFile(filePath);
        if (config.path) {
          this.events.configFileFound(config.path);
          if (this.invalidConfigs.delete(config.path)) this.showConfigError(config.path, undefined);
        }
      } catch (error) {
        this.log.warnOnce(error instanceof ConfigError ? error.message : `elb-lens: cannot read ${CONFIG_FILE_NAME}: ${describe(error)}`);
        if (error instanceof ConfigError && !this.invalidConfigs.has(error.file)) {
          this.invalidConfigs.set(error.file, error);
          this.showConfigError(error.file, error);
        }
        config = undefined;
      }
    }
    const varFilesBase =
      folder ?? (!uri.startsWith('untitled:') ? path.dirname(filePath) : (this.workspaceFolders.paths[0] ?? path.dirname(filePath)));
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
        budget: settings.budget,
      },
    });
  }

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
    this.events.configProblemsChanged();
  }
}
