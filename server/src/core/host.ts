import type { Range } from './types';

/**
 * How the core reaches files. The LSP server, the CLI and tests each give their own,
 * so the core never touches the file system or a connection directly.
 */
export interface ServiceHost {
  /** The file's text, or undefined when it is missing, unreadable, binary or too large. */
  readFile(filePath: string): string | undefined;
  /** Names (not paths) of the entries of a directory; [] when it cannot be read. */
  readDirectory(dirPath: string): string[];
  /** Where the core reports its own failures (never user findings). */
  log?(message: string): void;
}

/** An edit of an open document, as the editor sends it. */
export interface TextChange {
  /** Absent: the whole document is replaced. */
  range?: Range;
  text: string;
}
