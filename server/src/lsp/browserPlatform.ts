import * as path from 'path';
import type { Connection } from 'vscode-languageserver';
import { CONFIG_FILE_NAME } from '../core/options';
import type { PackageManifest } from '../rules/support/links';
import { isTerraformFile, kindByName, SKIPPED_DIRECTORIES, walk, type NameKind } from '../project';
import { rootOfModulesManifest } from '../terraform/files';
import { useHclWasm } from '../parse/hcl';
import type { ServiceHost } from '../core/host';
import { createElbLensService } from '../service/service';
import { BrowserFiles, DEFAULT_READ_LIMITS, type ReadLimits, type RemoteFiles } from './browserFiles';
import { browserUntitledPath, isUntitledPath, UriMapper } from './browserUris';
import {
  READ_DIRECTORY_REQUEST,
  READ_FILE_REQUEST,
  type ReadDirectoryResult,
  type ReadFileParams,
  type ReadFileResult,
  type UriParams,
} from './fsProtocol';
import type { ServerPlatform } from './platform';

/** What the browser client passes in `initializationOptions`. */
export interface BrowserInitializationOptions {
  /** URLs the worker can fetch the parser's WebAssembly from (the client resolved them). */
  wasm?: { runtime?: string; grammar?: string };
  /** The rule docs folder of the extension, as a URI ending in '/'. */
  docsBase?: string;
  /** The extension's package.json (what its links come from: `repository`, `version`). */
  manifest?: PackageManifest;
  /** Other limits on what is read (tests; the defaults are DEFAULT_READ_LIMITS). */
  readLimits?: Partial<ReadLimits>;
}

/**
 * Kinds of files read ahead while the workspace is listed (see listFiles): Terraform and
 * OpenTofu files in both syntaxes, any variables file (a `varFiles` entry may name it), lock
 * and configuration files.
 */
const READ_AHEAD: ReadonlySet<NameKind> = new Set(['terraform', 'terraform-json', 'tfvars', 'lock', 'config']);

/** Whether a file of this name is read ahead while the workspace is listed. */
export function readAheadByName(name: string): boolean {
  return READ_AHEAD.has(kindByName(name, true));
}

/** How many analysis rounds a prefetch runs at most (each fetches what the one before missed: child modules, their children…). */
const MAX_PREFETCH_ROUNDS = 24;

/**
 * The language server in a browser's web worker: no file system, so every file comes from the
 * client (`vscode.workspace.fs`, through the requests of fsProtocol.ts), read ahead of the
 * analyses that need it (BrowserFiles), and the WebAssembly comes from URLs the client gives.
 */
export function createBrowserPlatform(connection: Connection, limits: ReadLimits = DEFAULT_READ_LIMITS): ServerPlatform {
  const uris = new UriMapper();
  let options: BrowserInitializationOptions = {};
  const remote: RemoteFiles = {
    readFile: (filePath, maxBytes) =>
      connection.sendRequest<ReadFileResult | null>(READ_FILE_REQUEST, { uri: uris.toUri(filePath), maxBytes } satisfies ReadFileParams),
    readDirectory: (dirPath) =>
      connection.sendRequest<ReadDirectoryResult>(READ_DIRECTORY_REQUEST, { uri: uris.toUri(dirPath) } satisfies UriParams),
  };
  const saidOnce = new Set<string>();
  /** Logs a limitation of the browser once, in the output. */
  const sayOnce = (message: string) => {
    if (saidOnce.has(message)) return;
    saidOnce.add(message);
    connection.console.warn(message);
  };
  const files = new BrowserFiles(
    remote,
    { error: (message) => connection.console.error(message), warn: (message) => connection.console.warn(message) },
    isUntitledPath,
    limits,
  );
  files.onArrived((paths) => noteUnavailableModules(paths));

  /**
   * `terraform init` cannot run in a browser, and `.terraform/` is rarely part of what a
   * browser opens (it is not committed): registry and git modules are then unreadable. The core
   * treats what they make as unknown (no finding); this says why, once per root module.
   */
  function noteUnavailableModules(paths: string[]): void {
    for (const manifest of paths) {
      const root = rootOfModulesManifest(manifest);
      if (root !== undefined && !files.cachedText(manifest)) remoteCallsOf(root);
    }
  }
  const host: ServiceHost = {
    ...files.host,
    readFile(filePath) {
      const text = files.readFile(filePath);
      const root = text === undefined ? rootOfModulesManifest(filePath) : undefined;
      if (root !== undefined && files.knownAbsent(filePath, 'file')) remoteCallsOf(root);
      return text;
    },
  };
  /** Says once per root module that calls registry or git modules that their code cannot be read here. */
  function remoteCallsOf(root: string): void {
    for (const name of files.host.readDirectory(root)) {
      if (!isTerraformFile(name)) continue;
      const text = files.cachedText(path.join(root, name));
      const source = text ? remoteModuleSource(name, text) : undefined;
      if (!source) continue;
      sayOnce(
        `elb-lens: ${root} calls modules from a registry or git ("${source}"). In the browser ELB Lens reads them only from .terraform/modules (after terraform init), which this workspace does not have: values that come from them are unknown and nothing is reported about them.`,
      );
      return;
    }
  }

  return {
    host,
    readsAhead: true,
    initialize(params) {
      options = (params.initializationOptions ?? {}) as BrowserInitializationOptions;
      if (options.readLimits) files.setLimits(options.readLimits);
    },
    manifest: () => options.manifest ?? {},
    async createService(serviceOptions) {
      const { runtime, grammar } = options.wasm ?? {};
      if (!runtime || !grammar) throw new Error('the client gave no URLs for the WebAssembly parser');
      const [runtimeBytes, grammarBytes] = await Promise.all([fetchBytes(runtime), fetchBytes(grammar)]);
      useHclWasm({ runtime: runtimeBytes, grammar: grammarBytes });
      const service = await createElbLensService(host, { ...serviceOptions, docsBase: options.docsBase });
      connection.console.info(
        `elb-lens: the language server runs in a web worker and reads files through the editor (at most ${files.readLimits.files} files, ${files.readLimits.bytes / 2 ** 20} MB)`,
      );
      return service;
    },
    uriToPath: (uri) => uris.toPath(uri),
    pathToUri: (filePath) => uris.toUri(filePath),
    untitledPath: browserUntitledPath,
    async listFiles(folders, cancelled) {
      // What the first analyses read anyway, read while the folders are listed: the
      // configuration files above each folder, and the workspace's Terraform files (where the
      // callers of a module are looked for), tfvars, lock and configuration files.
      for (const folder of folders) {
        const above: string[] = [];
        for (let dir = path.dirname(folder); ; dir = path.dirname(dir)) {
          above.push(path.join(dir, CONFIG_FILE_NAME));
          if (path.dirname(dir) === dir) break;
        }
        files.readAhead(above);
      }
      const complete = await files.listTree(folders, (name) => SKIPPED_DIRECTORIES.has(name), readAheadByName, cancelled);
      if (cancelled?.()) return [];
      if (!complete) sayOnce('elb-lens: the workspace is only partly indexed (see above).');
      return walk(folders, files.fileSystem).files.map((f) => f.path);
    },
    async prefetch(compute) {
      for (let round = 0; round < MAX_PREFETCH_ROUNDS; round++) {
        // What anyone missed before is in first (and the core told): the core keeps a missed
        // file as unreadable until then, and would not ask again.
        await files.flushed();
        const before = files.misses;
        await files.whileWaiting(compute);
        if (files.misses === before) return;
      }
      sayOnce(`elb-lens: a module reads files more than ${MAX_PREFETCH_ROUNDS} levels deep; what is below is treated as missing.`);
    },
    fileChanged: (filePath) => files.forget(filePath),
    onFilesArrived: (listener) => files.onArrived(listener),
  };
}

/** The source of a module call in a Terraform file that is neither local nor empty (a registry or git address), if any. */
function remoteModuleSource(name: string, text: string): string | undefined {
  if (kindByName(name) === 'terraform') return /\bmodule\s+"[^"]*"\s*\{[^}]*?\bsource\s*=\s*"([^".][^"]*)"/.exec(text)?.[1];
  // JSON syntax: "module": { "<name>": { "source": … } }, or a list of such objects.
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const modules = (parsed as { module?: unknown } | null)?.module;
  for (const block of Array.isArray(modules) ? modules : [modules]) {
    if (typeof block !== 'object' || block === null) continue;
    for (const call of Object.values(block as Record<string, unknown>)) {
      const source = (call as { source?: unknown } | null)?.source;
      if (typeof source === 'string' && source !== '' && !source.startsWith('.')) return source;
    }
  }
  return undefined;
}

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`cannot fetch ${url}: ${response.status} ${response.statusText}`);
  return new Uint8Array(await response.arrayBuffer());
}
