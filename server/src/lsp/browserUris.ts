import { untitledPathUnder } from './untitled';

/**
 * URIs ↔ paths for the language server in a browser. The core works on POSIX paths; in a
 * browser the workspace is made of URIs of any scheme (`vscode-remote://host/…` in code-server,
 * `vscode-vfs://github/owner/repo/…` on github.dev, `file:///…` elsewhere).
 *
 * The URI's path is the file's path. The first scheme and authority seen (the first workspace
 * folder's) maps to paths as they are, so messages show the paths people know; each other one
 * gets a folder of its own, `/.elb-lens-origin<n>`, so paths of two origins never meet.
 * URIs with a query or a fragment (a file at a git ref in a diff view) are not files of the
 * workspace: they map to no path and are not analysed.
 */
export class UriMapper {
  private readonly origins: { scheme: string; authority: string; prefix: string }[] = [];

  toPath(uri: string): string | undefined {
    const parts = parseUri(uri);
    if (!parts || parts.scheme === 'untitled' || parts.hasQueryOrFragment || !parts.path.startsWith('/')) return undefined;
    let decoded: string;
    try {
      decoded = decodeURIComponent(parts.path);
    } catch {
      return undefined;
    }
    // `..` or `.` segments would make two paths of one file.
    if (decoded.split('/').some((segment) => segment === '.' || segment === '..')) return undefined;
    let origin = this.origins.find((o) => o.scheme === parts.scheme && o.authority === parts.authority);
    if (!origin) {
      origin = {
        scheme: parts.scheme,
        authority: parts.authority,
        prefix: this.origins.length === 0 ? '' : `/.elb-lens-origin${this.origins.length}`,
      };
      this.origins.push(origin);
    }
    return origin.prefix + (decoded.length > 1 ? decoded.replace(/\/+$/, '') : decoded);
  }

  toUri(filePath: string): string {
    const origin =
      this.origins.find((o) => o.prefix !== '' && (filePath === o.prefix || filePath.startsWith(`${o.prefix}/`))) ??
      this.origins.find((o) => o.prefix === '');
    // No URI seen yet (nothing can refer to a path before its URI was mapped): a file URI.
    if (!origin) return `file://${encodePath(filePath)}`;
    const rest = filePath.slice(origin.prefix.length) || '/';
    return `${origin.scheme}://${origin.authority}${encodePath(rest)}`;
  }
}

/** Where untitled documents live: a folder no URI maps to, so nothing is ever read there. */
export const UNTITLED_ROOT = '/.elb-lens-untitled';

/** An untitled document's path in the browser, as on the desktop (see untitledPathUnder). */
export function browserUntitledPath(uri: string, languageId: string): string | undefined {
  return untitledPathUnder(UNTITLED_ROOT, uri, languageId);
}

export function isUntitledPath(filePath: string): boolean {
  return filePath === UNTITLED_ROOT || filePath.startsWith(`${UNTITLED_ROOT}/`);
}

interface UriParts {
  scheme: string;
  authority: string;
  /** Still percent-encoded. */
  path: string;
  hasQueryOrFragment: boolean;
}

function parseUri(uri: string): UriParts | undefined {
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):(?:\/\/([^/?#]*))?([^?#]*)(\?[^#]*)?(#.*)?$/.exec(uri);
  if (!match) return undefined;
  return {
    scheme: match[1],
    authority: match[2] ?? '',
    path: match[3],
    hasQueryOrFragment: (match[4] ?? '').length > 1 || (match[5] ?? '').length > 1,
  };
}

/** Percent-encodes a path the way VS Code's URI.toString() does: all but A–Z a–z 0–9 - . _ ~ and '/'. */
function encodePath(value: string): string {
  let out = '';
  for (const char of value) {
    if (/[A-Za-z0-9\-._~/]/.test(char)) out += char;
    else {
      const encoded = encodeURIComponent(char);
      out += encoded === char ? `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}` : encoded;
    }
  }
  return out;
}
