import type { InitializeParams } from 'vscode-languageserver';
import type { PackageManifest } from '../rules/support/links';
import type { ElbLensService } from '../service/api';
import type { ServiceHost } from '../core/host';
import type { ServiceOptions } from '../service/service';

/**
 * What differs between the language server on Node (server/src/lsp/main.ts: stdio or IPC,
 * the disk through `fs`) and in a browser's web worker (browserMain.ts: no file system, files
 * read through the client). ElbLensServer (server.ts) is the same for both.
 */
export interface ServerPlatform {
  /** The core's file access: synchronous, as the core asks for it. */
  readonly host: ServiceHost;
  /**
   * True when files are read ahead of an analysis (a browser): the server runs `prefetch`
   * before it analyses and waits for the workspace index. False: files are read on demand.
   */
  readonly readsAhead: boolean;
  /** Resolves symbolic links (undefined: the path does not exist); absent where there are none (a browser). */
  realpath?(filePath: string): string | undefined;
  /** Called first, with the client's `initialize` parameters. */
  initialize(params: InitializeParams): void;
  /** The extension's package.json (its links: docs/links.ts), once initialized; empty when unknown. */
  manifest(): PackageManifest;
  /** Loads the core (its WebAssembly parser); `options` are the server's (jsonFiles), the platform adds where the files are. */
  createService(options: ServiceOptions): Promise<ElbLensService>;
  uriToPath(uri: string): string | undefined;
  pathToUri(filePath: string): string;
  /** A path for an untitled document, in a folder of its own; undefined for languages that are not checked. */
  untitledPath(uri: string, languageId: string): string | undefined;
  /**
   * The files under the workspace folders (the project layer's walk), for the index. A platform
   * that lists asynchronously stops early once `cancelled` says so (what it returns then is not used).
   */
  listFiles(folders: readonly string[], cancelled?: () => boolean): Promise<string[]>;
  /**
   * Runs `compute` (an analysis) until it reads nothing the host did not have yet, fetching
   * what it missed in between, so that what follows it finds every file it needs. Only
   * called when `readsAhead`.
   */
  prefetch(compute: () => unknown): Promise<void>;
  /** A file changed, appeared or vanished (a watched-file event, a closed document): what the host kept of it is stale. */
  fileChanged(filePath: string): void;
  /**
   * Files (and folders) the host fetched since an analysis missed them: the server tells the
   * core, and revalidates when `unasked` (nothing is waiting for them in `prefetch`).
   */
  onFilesArrived(listener: (paths: string[], unasked: boolean) => void): void;
}
