import * as path from 'path';

/** The extension an untitled document gets by its language: the core tells a file's kind by its name. */
const EXTENSION_BY_LANGUAGE: ReadonlyMap<string, string> = new Map([
  ['terraform', '.tf'],
  ['terraform-vars', '.tfvars'],
  ['json', '.json'],
  ['jsonc', '.jsonc'],
]);

/**
 * The core works on paths, so an untitled document gets one under `root` (a folder nothing is
 * ever read from): a folder of its own (it is a module by itself) and the file extension of its
 * language. Undefined for other languages. Both servers (fileUris.ts, browserUris.ts) use it.
 */
export function untitledPathUnder(root: string, uri: string, languageId: string): string | undefined {
  const extension = EXTENSION_BY_LANGUAGE.get(languageId);
  if (!extension) return undefined;
  const name = uri.replace(/^untitled:/, '').replace(/[^A-Za-z0-9._-]/g, '_') || 'untitled';
  return path.join(root, name, `untitled${extension}`);
}
