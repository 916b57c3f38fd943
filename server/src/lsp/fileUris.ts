import * as os from 'os';
import * as path from 'path';
import { pathToFileURL, fileURLToPath } from 'url';
import { untitledPathUnder } from './untitled';

/** file: URIs ↔ paths, for the language server on Node (the browser's are in browserUris.ts). */

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(filePath: string): string {
  return pathToFileURL(filePath).toString();
}

/** A folder that is never created: untitled documents get paths under it. */
const UNTITLED_ROOT = path.join(os.tmpdir(), `elb-lens-untitled-${process.pid}`);

/** An untitled document's path (see untitledPathUnder). */
export function untitledPath(uri: string, languageId: string): string | undefined {
  return untitledPathUnder(UNTITLED_ROOT, uri, languageId);
}

/** The rule docs folder shipped next to the bundle (server/out → docs/rules). */
export function bundledDocsBase(bundleDir: string): string {
  const docs = path.resolve(bundleDir, '..', '..', 'docs', 'rules');
  return pathToUri(docs) + '/';
}
