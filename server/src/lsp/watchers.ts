import * as path from 'path';
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type Connection,
  type DidChangeWatchedFilesParams,
  type Disposable,
  type FileSystemWatcher,
} from 'vscode-languageserver';
import { CONFIG_FILE_NAME } from '../core/options';
import type { CoreLoader } from './analysis';
import type { ServerConfiguration } from './configuration';
import type { WorkspaceFolders } from './documents';
import { describe, type ServerLog } from './log';
import type { ServerPlatform } from './platform';
import type { WorkspaceIndex } from './workspaceIndex';

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

/** What follows a batch of file events. */
export interface WatcherEvents {
  /** `json.files` may have changed (a `.elb-lens.json` did): which files are ELB JSON may have. */
  forgetJsonFiles(): Promise<void>;
  /** Files changed on disk: documents are checked again, inlay hints asked again. */
  filesChanged(): void;
}

/**
 * The one file watcher (the VS Code client has none of its own), registered with the client:
 * ELB Lens's file names, and the `json.files` globs of the settings and of each
 * `.elb-lens.json` of the workspace known so far; registered again when those globs change.
 * Its events reach the platform, the core, the workspace index and the configuration.
 */
export class FileWatchers {
  /** The client registers watchers dynamically (set at initialize). */
  supported = false;
  /** The client takes globs relative to a folder (set at initialize). */
  relativePatterns = false;
  /**
   * The `.elb-lens.json` files of the workspace known so far (those that apply to a file the
   * server looked at, and all of them once the workspace is listed): their `json.files` are watched.
   */
  private readonly configFiles = new Set<string>();
  /** Watchers are registered (after `initialized`): a configuration file found later registers them again. */
  private watching = false;
  private registration: Promise<Disposable | undefined> | undefined;
  private registeredKey = '';

  constructor(
    private readonly connection: Connection,
    private readonly platform: Pick<ServerPlatform, 'uriToPath' | 'pathToUri' | 'fileChanged'>,
    private readonly folders: WorkspaceFolders,
    private readonly configuration: ServerConfiguration,
    private readonly index: WorkspaceIndex,
    private readonly core: CoreLoader,
    private readonly log: ServerLog,
    private readonly events: WatcherEvents,
  ) {}

  /** The first registration (after `initialized`); from now on, configuration files found register again. */
  async start(): Promise<void> {
    this.watching = true;
    await this.register();
  }

  /** A `.elb-lens.json` found by walking up from a file (no listing needed): its `json.files` are watched from now on. */
  configFileFound(file: string): void {
    if (this.configFiles.has(file) || !this.folders.contains(file)) return;
    this.configFiles.add(file);
    // Later, not inside the configuration lookup that found it (registering reads the files again).
    if (this.watching) setTimeout(() => this.log.guard('registerWatchers', () => this.register()), 0);
  }

  /** The workspace listing found these `.elb-lens.json` files. */
  configFilesListed(files: readonly string[]): void {
    for (const file of files) this.configFiles.add(file);
  }

  /** The listing is in: the `.elb-lens.json` files it found are watched too. */
  listed(): void {
    if (this.watching) this.log.guard('registerWatchers', () => this.register());
  }

  /** Registers the watchers when their globs changed since the last registration. */
  async register(): Promise<void> {
    if (!this.supported) return;
    const watchers = this.fileWatchers();
    const key = JSON.stringify(watchers);
    if (key === this.registeredKey) return;
    this.registeredKey = key;
    const previous = this.registration;
    this.registration = this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch((error) => {
      this.log.warnOnce(`elb-lens: the client refused a registration: ${describe(error)}`);
      return undefined;
    });
    (await previous)?.dispose();
  }

  /** `workspace/didChangeWatchedFiles`. */
  async filesChanged(p: DidChangeWatchedFilesParams): Promise<void> {
    const core = await this.core.ready;
    let configChanged = false;
    for (const change of p.changes) {
      const filePath = this.platform.uriToPath(change.uri);
      if (!filePath) continue;
      this.platform.fileChanged(filePath);
      if (path.basename(filePath) === CONFIG_FILE_NAME) {
        this.configuration.configs.clear();
        configChanged = true;
        if (change.type === FileChangeType.Deleted) this.configFiles.delete(filePath);
        else if (this.folders.contains(filePath)) this.configFiles.add(filePath);
      }
      this.index.fileEvent(filePath, change.type);
      core?.analysis.fileChanged(filePath);
    }
    core?.analysis.workspaceFilesChanged(this.index.listedFiles());
    if (configChanged) {
      await this.events.forgetJsonFiles();
      await this.register();
    }
    this.events.filesChanged();
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
      if (this.relativePatterns) relative.set(`${base}\0${anyDepth}`, { baseUri: this.platform.pathToUri(base), pattern: anyDepth });
      else globs.add(anyDepth.startsWith('**/') ? anyDepth : `**/${anyDepth}`);
    };
    for (const [folder, settings] of this.configuration.folderSettings()) for (const glob of settings.json.files) add(folder, glob);
    for (const file of this.configFiles) {
      try {
        const config = this.configuration.configs.forFile(file);
        for (const glob of config.jsonFiles) add(config.dir, glob);
      } catch {
        // An invalid file is reported when a document under it is checked.
      }
    }
    return [...[...globs].map((globPattern) => ({ globPattern })), ...[...relative.values()].map((globPattern) => ({ globPattern }))];
  }
}
