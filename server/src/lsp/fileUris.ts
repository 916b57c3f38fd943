import * as os from 'os';
import * as path from 'path';
import { pathToFileURL, fileURLToPath } from 'url';

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
const EXTENSION_BY_LANGUAGE: Record<string, string> = { terraform: '.tf', 'terraform-vars': '.tfvars', json: '.json', jsonc: '.jsonc' };

/**
 * The core works on paths, so an untitled document gets one: a folder of its own (it is a
 * module by itself) and the file extension of its language. Undefined for other languages.
 */
export function untitledPath(uri: string, languageId: string): string | undefined {
  const extension = Object.prototype.hasOwnProperty.call(EXTENSION_BY_LANGUAGE, languageId) ? EXTENSION_BY_LANGUAGE[languageId] : undefined;
  if (!extension) return undefined;
  const name = uri.replace(/^untitled:/, '').replace(/[^A-Za-z0-9._-]/g, '_') || 'untitled';
  return path.join(UNTITLED_ROOT, name, `untitled${extension}`);
}

/** The rule docs folder shipped next to the bundle (server/out → docs/rules). */
export function bundledDocsBase(bundleDir: string): string {
  const docs = path.resolve(bundleDir, '..', '..', 'docs', 'rules');
  return pathToUri(docs) + '/';
}
