/**
 * Small glob matcher for configuration patterns (`exclude`, `json.files`).
 *
 * - `*` matches within one path segment, `?` one character, `**` any number of segments,
 *   `{a,b}` alternatives, `[abc]` character classes.
 * - A pattern without a `/` matches a file or folder name at any depth (`*.gen.tf`,
 *   `legacy`), as in `.gitignore`.
 * - A pattern that matches a folder matches everything under it (`modules/old`).
 * Paths are matched relative to the configuration file's folder, with `/` separators.
 */

const cache = new Map<string, RegExp>();

export function globToRegExp(glob: string): RegExp {
  const cached = cache.get(glob);
  if (cached) return cached;
  let pattern = glob.trim().replace(/\\/g, '/');
  if (pattern.startsWith('./')) pattern = pattern.slice(2);
  if (pattern.endsWith('/')) pattern = pattern.slice(0, -1);
  const anchored = pattern.includes('/');
  if (pattern.startsWith('/')) pattern = pattern.slice(1);
  let source = '';
  let braceDepth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '*') {
      if (pattern[i + 1] === '*') {
        const atSegmentStart = i === 0 || pattern[i - 1] === '/';
        const atSegmentEnd = i + 2 === pattern.length || pattern[i + 2] === '/';
        if (atSegmentStart && atSegmentEnd) {
          if (pattern[i + 2] === '/') {
            source += '(?:[^/]+/)*';
            i += 2;
          } else {
            source += '.*';
            i += 1;
          }
          continue;
        }
        source += '[^/]*';
        i += 1;
        continue;
      }
      source += '[^/]*';
    } else if (ch === '?') {
      source += '[^/]';
    } else if (ch === '{') {
      braceDepth++;
      source += '(?:';
    } else if (ch === '}' && braceDepth > 0) {
      braceDepth--;
      source += ')';
    } else if (ch === ',' && braceDepth > 0) {
      source += '|';
    } else if (ch === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close > i + 1) {
        let cls = pattern.slice(i + 1, close).replace(/\\/g, '\\\\');
        if (cls.startsWith('!')) cls = '^' + cls.slice(1);
        source += `[${cls}]`;
        i = close;
      } else {
        source += '\\[';
      }
    } else {
      source += ch.replace(/[.+^$()|\\\]]/g, '\\$&');
    }
  }
  while (braceDepth-- > 0) source += ')';
  const regexp = new RegExp(`^${anchored ? '' : '(?:[^/]+/)*'}${source}$`);
  cache.set(glob, regexp);
  return regexp;
}

/** True when `relativePath` (with `/` separators) or one of its parent folders matches a glob. */
export function matchesAnyGlob(relativePath: string, globs: readonly string[]): boolean {
  if (globs.length === 0 || relativePath === '' || relativePath.startsWith('../')) return false;
  const regexps = globs.map(globToRegExp);
  const parts = relativePath.split('/');
  for (let i = parts.length; i >= 1; i--) {
    const candidate = parts.slice(0, i).join('/');
    if (regexps.some((r) => r.test(candidate))) return true;
  }
  return false;
}

/**
 * True when some tail of an absolute path (`c.json`, `b/c.json`, `a/b/c.json`, …) matches
 * a glob: for globs whose base folder is not known (an editor setting without a workspace
 * folder), so `api/*.json` matches any `…/api/x.json`.
 */
export function matchesGlobTails(filePath: string, globs: readonly string[]): boolean {
  if (globs.length === 0) return false;
  const parts = filePath
    .replace(/\\/g, '/')
    .replace(/^[A-Za-z]:/, '')
    .split('/')
    .filter((p) => p.length > 0);
  const regexps = globs.map(globToRegExp);
  for (let i = 0; i < parts.length; i++) {
    const candidate = parts.slice(i).join('/');
    if (regexps.some((r) => r.test(candidate))) return true;
  }
  return false;
}
