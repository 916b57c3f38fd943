/**
 * The file system as the project layer sees it. The walker and the classifier take one of
 * these instead of importing `fs`, so another host (a browser, an in-memory test tree) can
 * give its own. Implementations answer undefined where Node would throw: a missing path,
 * a folder that cannot be read, a broken link.
 */

export type EntryType = 'file' | 'directory' | 'symlink' | 'other';

/** One entry of a folder, as `readdir` with `withFileTypes` gives it (links not followed). */
export interface DirectoryEntry {
  name: string;
  type: EntryType;
}

export interface FileStat {
  /** What the path is once links are followed. */
  type: Exclude<EntryType, 'symlink'>;
  size: number;
}

export interface FileSystemHost {
  /** The entries of a folder (any order); undefined when it cannot be read. */
  readDirectory(dirPath: string): DirectoryEntry[] | undefined;
  /** The absolute path with every link resolved; undefined when it does not resolve. */
  realpath(filePath: string): string | undefined;
  /** What is at the path, following links; undefined when nothing is (or it cannot be seen). */
  stat(filePath: string): FileStat | undefined;
}

/**
 * Lazy access to one file's text for the classifier, so it reads only what it needs:
 * a few KB to recognise ELB API JSON or a plan, the whole text only for a likely plan.
 */
export interface FileContent {
  /** The first `chars` characters of the file (fewer in a shorter file); '' when unreadable. */
  head(chars: number): string;
  /** The whole text; undefined when unreadable or too large. */
  text(): string | undefined;
}

/** A FileContent over a text already in memory (an open document). */
export function textContent(text: string | undefined): FileContent {
  return { head: (chars) => (text ?? '').slice(0, chars), text: () => text };
}
