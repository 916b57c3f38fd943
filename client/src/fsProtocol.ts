/**
 * A copy of server/src/lsp/fsProtocol.ts (the client and the server are built apart; a test
 * checks that the two agree): the requests the language server sends when it runs in a
 * browser, answered by client/src/browser.ts with `vscode.workspace.fs`.
 */

/** `{ uri, maxBytes }` → the file's text, or why there is none. */
export const READ_FILE_REQUEST = 'elbLens/fs/readFile';
/** `{ uri }` → the folder's entries, or null when it cannot be listed. */
export const READ_DIRECTORY_REQUEST = 'elbLens/fs/readDirectory';
/** `{ uri }` → what is at the URI, or null when nothing is. */
export const STAT_REQUEST = 'elbLens/fs/stat';

export interface ReadFileParams {
  uri: string;
  /** Larger files are not read (`tooLarge`). */
  maxBytes: number;
}

export type ReadFileResult = { text: string } | { problem: 'missing' | 'tooLarge' | 'binary' | 'unreadable' };

export interface UriParams {
  uri: string;
}

/** vscode.FileType: 1 file, 2 directory, 64 symbolic link (or'ed with what it points to). */
export const FILE_TYPE = { file: 1, directory: 2, symbolicLink: 64 } as const;

/** Name and vscode.FileType of each entry. */
export type ReadDirectoryResult = [string, number][] | null;

export type StatResult = { type: number; size: number } | null;
