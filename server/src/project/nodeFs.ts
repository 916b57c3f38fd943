import * as fs from 'fs';
import type { ServiceHost } from '../core/host';
import type { DirectoryEntry, EntryType, FileContent, FileSystemHost } from './fileSystem';

function entryType(entry: fs.Dirent | fs.Stats): EntryType {
  if (entry.isSymbolicLink()) return 'symlink';
  if (entry.isDirectory()) return 'directory';
  if (entry.isFile()) return 'file';
  return 'other';
}

/**
 * The one Node file host: the service's ServiceHost and the project layer's FileSystemHost
 * over Node's `fs`, for the language server, the CLI, the bench and tests. Every read fails
 * soft (undefined or empty), never a throw.
 */

/** Files above this size are not read by the service host (the core would not parse them either). */
export const MAX_READ_BYTES = 5 * 1024 * 1024;

/** A ServiceHost over the real file system: missing, unreadable, binary and oversized files read as undefined. */
export function createNodeHost(log?: (message: string) => void): ServiceHost {
  return {
    readFile(filePath) {
      const text = readTextFile(filePath, MAX_READ_BYTES);
      return text === undefined || text.includes('\u0000') ? undefined : text;
    },
    readDirectory(dirPath) {
      try {
        return fs.readdirSync(dirPath);
      } catch {
        return [];
      }
    },
    log,
  };
}

/** The project layer's FileSystemHost over Node's `fs`. */
export const nodeFileSystem: FileSystemHost = {
  readDirectory(dirPath) {
    try {
      return fs.readdirSync(dirPath, { withFileTypes: true }).map((e): DirectoryEntry => ({ name: e.name, type: entryType(e) }));
    } catch {
      return undefined;
    }
  },
  realpath(filePath) {
    try {
      return fs.realpathSync(filePath);
    } catch {
      return undefined;
    }
  },
  stat(filePath) {
    try {
      const stat = fs.statSync(filePath);
      const type = entryType(stat);
      return { type: type === 'symlink' ? 'other' : type, size: stat.size };
    } catch {
      return undefined;
    }
  },
};

/** A regular file's text, or undefined when it is missing, unreadable or larger than `limit` bytes. */
export function readTextFile(filePath: string, limit: number): string | undefined {
  try {
    const stat = fs.statSync(filePath);
    if (!stat.isFile() || stat.size > limit) return undefined;
    return fs.readFileSync(filePath, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Why a file that a check asks for cannot be read, or undefined when it can: it cannot be
 * opened (permissions), or, when `terraformText`, its bytes are not UTF-8 text (as Terraform
 * requires). Files over `limit` bytes are left to the size rule (a skip).
 */
export function unreadableFileReason(filePath: string, limit: number, terraformText: boolean): string | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(filePath, 'r');
    if (!terraformText) return undefined;
    const size = fs.fstatSync(fd).size;
    if (size > limit) return undefined;
    const bytes = Buffer.alloc(size);
    const read = size === 0 ? 0 : fs.readSync(fd, bytes, 0, size, 0);
    const content = bytes.subarray(0, read);
    if (content.includes(0)) return 'it is binary (NUL bytes), not Terraform text';
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(content);
    } catch {
      return 'it is not valid UTF-8 text (Terraform files are UTF-8)';
    }
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'EACCES' || code === 'EPERM' ? 'permission denied' : `it cannot be read (${code ?? String(error)})`;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** The first `bytes` bytes of a file as UTF-8 ('' when it cannot be read). */
function readHead(filePath: string, bytes: number): string {
  let fd: number | undefined;
  try {
    fd = fs.openSync(filePath, 'r');
    // No bigger than the file: a 2 MB buffer per small YAML file is most of a walk's time.
    const size = Math.min(bytes, fs.fstatSync(fd).size);
    const buffer = Buffer.alloc(size);
    const read = size === 0 ? 0 : fs.readSync(fd, buffer, 0, size, 0);
    return buffer.subarray(0, read).toString('utf8');
  } catch {
    return '';
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * A file's content read on demand: heads with one small read each, the whole text (up to
 * `limit` bytes) once and then kept, so a plan read to classify it is not read again.
 */
export function nodeFileContent(filePath: string, limit: number): FileContent {
  let whole: { text: string | undefined } | undefined;
  return {
    // UTF-8 takes up to four bytes a character: read enough bytes for `chars` characters.
    head: (chars) => (whole ? (whole.text ?? '') : readHead(filePath, chars * 4)).slice(0, chars),
    text: () => (whole ??= { text: readTextFile(filePath, limit) }).text,
  };
}
