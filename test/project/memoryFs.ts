import * as path from 'path';
import type { DirectoryEntry, FileStat, FileSystemHost } from '../../server/src/project';

type Node = { type: 'file'; text: string } | { type: 'directory' } | { type: 'symlink'; target: string };

/** A symlink in a MemoryFileSystem tree; the target is resolved against the link's folder. */
export function link(target: string): { link: string } {
  return { link: target };
}

/**
 * An in-memory FileSystemHost: files, folders (a name ending in `/`), links, and folders
 * that cannot be read. It counts folder reads and can list entries in reverse order, so
 * tests see that the walker depends on neither.
 */
export class MemoryFileSystem implements FileSystemHost {
  private readonly nodes = new Map<string, Node>([['/', { type: 'directory' }]]);
  readonly unreadable = new Set<string>();
  readonly reads: string[] = [];
  reverse = false;

  constructor(tree: Record<string, string | { link: string }>) {
    for (const [name, value] of Object.entries(tree)) {
      const full = path.posix.resolve('/', name);
      for (let dir = path.posix.dirname(full); !this.nodes.has(dir); dir = path.posix.dirname(dir))
        this.nodes.set(dir, { type: 'directory' });
      if (name.endsWith('/')) this.nodes.set(full, { type: 'directory' });
      else if (typeof value === 'string') this.nodes.set(full, { type: 'file', text: value });
      else this.nodes.set(full, { type: 'symlink', target: value.link });
    }
  }

  readDirectory(dirPath: string): DirectoryEntry[] | undefined {
    this.reads.push(dirPath);
    if (this.nodes.get(dirPath)?.type !== 'directory' || this.unreadable.has(dirPath)) return undefined;
    const entries: DirectoryEntry[] = [];
    for (const [file, node] of this.nodes) {
      if (file !== '/' && path.posix.dirname(file) === dirPath) entries.push({ name: path.posix.basename(file), type: node.type });
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    return this.reverse ? entries.reverse() : entries;
  }

  realpath(filePath: string, depth = 0): string | undefined {
    if (depth > 40) return undefined; // ELOOP
    let current = '/';
    for (const part of filePath.split('/').filter((p) => p.length > 0)) {
      const next = path.posix.join(current, part);
      const node = this.nodes.get(next);
      if (!node) return undefined;
      if (node.type === 'symlink') {
        const resolved = this.realpath(path.posix.resolve(current, node.target), depth + 1);
        if (resolved === undefined) return undefined;
        current = resolved;
      } else {
        current = next;
      }
    }
    return current;
  }

  stat(filePath: string): FileStat | undefined {
    const real = this.realpath(filePath);
    const node = real === undefined ? undefined : this.nodes.get(real);
    if (!node || node.type === 'symlink') return undefined;
    return { type: node.type, size: node.type === 'file' ? node.text.length : 0 };
  }
}
