import * as fs from 'fs';
import * as path from 'path';
import type { Connection } from 'vscode-languageserver';
import type { PackageManifest } from '../rules/support/links';
import { walk } from '../project';
import { createNodeHost, nodeFileSystem } from '../project/nodeFs';
import { createElbLensService } from '../service/service';
import { bundledDocsBase, pathToUri, untitledPath, uriToPath } from './fileUris';
import type { ServerPlatform } from './platform';

/**
 * The language server on Node: files are read from disk when the core asks for them, so
 * nothing is read ahead. `bundleDir` is where the bundle and its WebAssembly are (server/out).
 */
export function createNodePlatform(connection: Connection, bundleDir: string): ServerPlatform {
  return {
    host: createNodeHost((message) => connection.console.error(message)),
    readsAhead: false,
    realpath: nodeFileSystem.realpath,
    initialize: () => undefined,
    manifest: () => readManifest(path.resolve(bundleDir, '..', '..', 'package.json')),
    createService(options) {
      return createElbLensService(this.host, { ...options, wasmDir: bundleDir, docsBase: bundledDocsBase(bundleDir) });
    },
    uriToPath,
    pathToUri,
    untitledPath,
    listFiles: (folders) => Promise.resolve(walk(folders, nodeFileSystem).files.map((f) => f.path)),
    prefetch: () => Promise.resolve(),
    fileChanged: () => undefined,
    onFilesArrived: () => undefined,
  };
}

/** package.json of the installed package, for its links; empty when it cannot be read. */
function readManifest(file: string): PackageManifest {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as PackageManifest;
  } catch {
    return {};
  }
}
