/**
 * Small glob matcher for configuration patterns (`exclude`, `json.files`, `kubernetes.files`).
 *
 * - `*` matches within one path segment, `?` one character, `**` any number of segments,
 *   `{a,b}` alternatives, `[abc]` character classes.
 * - A pattern without a `/` matches a file or folder name at any depth (`*.gen.tf`,
 *   `legacy`), as in `.gitignore`.
 * - A pattern that matches a folder matches everything under it (`modules/old`).
 * Paths are matched relative to the configuration file's folder, with `/` separators.
 *
 * Patterns come from repositories, so matching must not backtrack: a regular expression
 * made of forty `*` took 27 s on one path. Here a pattern is a list of tokens run as a
 * set of states over the path's characters (time: path length × pattern length).
 */

type Token =
  | { kind: 'char'; char: string }
  | { kind: 'one' } // ?
  | { kind: 'class'; test: RegExp } // [abc], [!a-z]
  | { kind: 'star' } // * (within a segment)
  | { kind: 'segments' } // **/ (zero or more whole segments)
  | { kind: 'rest' }; // ** at the end (anything)

/** Brace alternatives beyond this many are not expanded (a pattern of nested braces could make millions). */
const MAX_ALTERNATIVES = 1024;

const cache = new Map<string, Token[][]>();

/** The token lists of a glob, one per brace alternative. */
function compile(glob: string): Token[][] {
  const cached = cache.get(glob);
  if (cached) return cached;
  let pattern = glob.trim().replace(/\\/g, '/');
  if (pattern.startsWith('./')) pattern = pattern.slice(2);
  if (pattern.endsWith('/')) pattern = pattern.slice(0, -1);
  const anchored = pattern.includes('/');
  if (pattern.startsWith('/')) pattern = pattern.slice(1);
  const compiled = expandBraces(pattern).map((alternative) => {
    const tokens = tokenize(alternative);
    // Unanchored: the name may be at any depth.
    return anchored ? tokens : [{ kind: 'segments' } as Token, ...tokens];
  });
  cache.set(glob, compiled);
  return compiled;
}

/** `a{b,c{d,e}}` → ab, acd, ace (an unclosed brace closes at the end). */
function expandBraces(pattern: string): string[] {
  const open = pattern.indexOf('{');
  if (open < 0) return [pattern];
  let depth = 0;
  let close = pattern.length;
  const commas: number[] = [];
  for (let i = open; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end > i + 1) i = end;
    } else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) {
      close = i;
      break;
    } else if (ch === ',' && depth === 1) commas.push(i);
  }
  const bounds = [open, ...commas, close];
  const head = pattern.slice(0, open);
  const tails = expandBraces(pattern.slice(close + 1));
  const out: string[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    for (const middle of expandBraces(pattern.slice(bounds[k] + 1, bounds[k + 1]))) {
      for (const tail of tails) {
        if (out.length >= MAX_ALTERNATIVES) return out;
        out.push(head + middle + tail);
      }
    }
  }
  return out;
}

function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '*') {
      let end = i;
      while (pattern[end + 1] === '*') end++;
      const atSegmentStart = i === 0 || pattern[i - 1] === '/';
      const atSegmentEnd = end + 1 === pattern.length || pattern[end + 1] === '/';
      if (end > i && atSegmentStart && atSegmentEnd) {
        if (pattern[end + 1] === '/') {
          tokens.push({ kind: 'segments' });
          end++;
        } else tokens.push({ kind: 'rest' });
      } else if (tokens[tokens.length - 1]?.kind !== 'star') tokens.push({ kind: 'star' });
      i = end;
    } else if (ch === '?') tokens.push({ kind: 'one' });
    else if (ch === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close > i + 1) {
        let set = pattern.slice(i + 1, close).replace(/\\/g, '\\\\');
        if (set.startsWith('!')) set = '^' + set.slice(1);
        let test: RegExp;
        try {
          test = new RegExp(`^[${set}]$`);
        } catch {
          test = /(?!)/;
        }
        tokens.push({ kind: 'class', test });
        i = close;
      } else tokens.push({ kind: 'char', char: ch });
    } else tokens.push({ kind: 'char', char: ch });
  }
  return tokens;
}

/**
 * Runs a token list over a path as a set of states. A state is a token index; `segments`
 * has two (at a segment's start, or inside one), hence `index * 2 + inside`.
 */
function matchTokens(tokens: Token[], text: string): boolean {
  const size = (tokens.length + 1) * 2;
  let current = new Uint8Array(size);
  let next = new Uint8Array(size);
  const add = (set: Uint8Array, index: number, inside: number) => {
    // Follow the moves that consume nothing: past a `*`, `**/` (at a segment start) or `**`.
    for (;;) {
      const state = index * 2 + inside;
      if (set[state]) return;
      set[state] = 1;
      const token = tokens[index];
      if (!token) return;
      if (token.kind === 'star' || token.kind === 'rest' || (token.kind === 'segments' && inside === 0)) {
        index++;
        inside = 0;
      } else return;
    }
  };
  add(current, 0, 0);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    next.fill(0);
    let any = false;
    for (let state = 0; state < size; state++) {
      if (!current[state]) continue;
      const index = state >> 1;
      const inside = state & 1;
      const token = tokens[index];
      if (!token) continue;
      const target = transition(token, ch, index, inside);
      if (target !== undefined) {
        add(next, target >> 1, target & 1);
        any = true;
      }
    }
    if (!any) return false;
    [current, next] = [next, current];
  }
  return current[tokens.length * 2] === 1;
}

/** The state a token moves to on a character (`index * 2 + inside`), or undefined when it cannot take it. */
function transition(token: Token, ch: string, index: number, inside: number): number | undefined {
  const advance = (index + 1) * 2;
  switch (token.kind) {
    case 'char':
      return ch === token.char ? advance : undefined;
    case 'one':
      return ch !== '/' ? advance : undefined;
    case 'class':
      return ch !== '/' && token.test.test(ch) ? advance : undefined;
    case 'star':
      return ch !== '/' ? index * 2 : undefined;
    case 'rest':
      return index * 2;
    case 'segments':
      // A segment is one or more characters and its `/`.
      if (ch !== '/') return index * 2 + 1;
      return inside ? index * 2 : undefined;
  }
}

/** True when a path (with `/` separators) matches the glob itself (not a parent folder of it). */
export function matchesGlob(relativePath: string, glob: string): boolean {
  return compile(glob).some((tokens) => matchTokens(tokens, relativePath));
}

/** True when `relativePath` (with `/` separators) or one of its parent folders matches a glob. */
export function matchesAnyGlob(relativePath: string, globs: readonly string[]): boolean {
  if (globs.length === 0 || relativePath === '' || relativePath.startsWith('../')) return false;
  const parts = relativePath.split('/');
  for (let i = parts.length; i >= 1; i--) {
    const candidate = parts.slice(0, i).join('/');
    if (globs.some((glob) => matchesGlob(candidate, glob))) return true;
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
  for (let i = 0; i < parts.length; i++) {
    const candidate = parts.slice(i).join('/');
    if (globs.some((glob) => matchesGlob(candidate, glob))) return true;
  }
  return false;
}
