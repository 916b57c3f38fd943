/**
 * Node's `path` (POSIX flavour) for the browser bundle of the language server, where there is
 * no `path` module: esbuild maps `import … from 'path'` here (see esbuild.mjs). Paths there are
 * the POSIX paths of URIs (see browserUris.ts), so only the POSIX semantics are needed; the
 * functions behave like `path.posix`'s (test/lsp/browserPath.test.ts compares them).
 */

export const sep = '/';
export const delimiter = ':';

/** The current folder of `resolve`: there is none in a browser, the root stands for it. */
const CWD = '/';

/** Resolves `.` and `..` segments; `allowAboveRoot` keeps leading `..` of a relative path. */
function normalizeString(value: string, allowAboveRoot: boolean): string {
  const out: string[] = [];
  for (const segment of value.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (allowAboveRoot) out.push('..');
      continue;
    }
    out.push(segment);
  }
  return out.join('/');
}

export function isAbsolute(value: string): boolean {
  return value.startsWith('/');
}

export function normalize(value: string): string {
  if (value === '') return '.';
  const absolute = isAbsolute(value);
  const trailing = value.endsWith('/');
  let result = normalizeString(value, !absolute);
  if (result === '' && !absolute) result = '.';
  if (result !== '' && trailing) result += '/';
  return absolute ? `/${result}` : result;
}

export function join(...parts: string[]): string {
  const joined = parts.filter((p) => p !== '').join('/');
  return joined === '' ? '.' : normalize(joined);
}

export function resolve(...parts: string[]): string {
  let resolved = '';
  let absolute = false;
  for (let i = parts.length - 1; i >= -1 && !absolute; i--) {
    const part = i >= 0 ? parts[i] : CWD;
    if (part === '') continue;
    resolved = `${part}/${resolved}`;
    absolute = isAbsolute(part);
  }
  const result = normalizeString(resolved, !absolute);
  return absolute ? `/${result}` : result || '.';
}

export function dirname(value: string): string {
  if (value === '') return '.';
  let end = value.length;
  while (end > 1 && value[end - 1] === '/') end--;
  const slash = value.lastIndexOf('/', end - 1);
  if (slash === -1) return '.';
  return slash === 0 ? '/' : value.slice(0, slash);
}

export function basename(value: string, suffix?: string): string {
  let end = value.length;
  while (end > 0 && value[end - 1] === '/') end--;
  if (end === 0) return '';
  const base = value.slice(value.lastIndexOf('/', end - 1) + 1, end);
  return suffix !== undefined && suffix !== base && base.endsWith(suffix) ? base.slice(0, base.length - suffix.length) : base;
}

export function extname(value: string): string {
  const base = basename(value);
  const dot = base.lastIndexOf('.');
  return dot <= 0 || base === '..' ? '' : base.slice(dot);
}

export function relative(from: string, to: string): string {
  const a = resolve(from);
  const b = resolve(to);
  if (a === b) return '';
  const fromParts = a === '/' ? [] : a.slice(1).split('/');
  const toParts = b === '/' ? [] : b.slice(1).split('/');
  let common = 0;
  while (common < fromParts.length && common < toParts.length && fromParts[common] === toParts[common]) common++;
  return [...fromParts.slice(common).map(() => '..'), ...toParts.slice(common)].join('/');
}

export const posix = { sep, delimiter, isAbsolute, normalize, join, resolve, dirname, basename, extname, relative };
export default posix;
