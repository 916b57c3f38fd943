import * as fs from 'fs';
import * as path from 'path';

const SKIPPED_DIRS = new Set(['.terraform', '.git', 'node_modules']);

export interface WalkResult {
  files: string[];
  /** Paths that do not exist or cannot be read, for an error message. */
  missing: string[];
}

/**
 * Expands the CLI's path arguments into the files to check. Directories are walked
 * (following no symlinked directory twice), files are taken as given.
 */
export function collectFiles(inputs: string[], isSupported: (file: string) => boolean): WalkResult {
  const files = new Set<string>();
  const missing: string[] = [];
  const seenDirs = new Set<string>();
  const walk = (dir: string) => {
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch {
      return;
    }
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const stat = fs.statSync(full);
          isDir = stat.isDirectory();
          isFile = stat.isFile();
        } catch {
          continue;
        }
      }
      if (isDir && !SKIPPED_DIRS.has(entry.name)) walk(full);
      else if (isFile && isSupported(full)) files.add(path.resolve(full));
    }
  };
  for (const input of inputs) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch {
      missing.push(input);
      continue;
    }
    if (stat.isDirectory()) walk(input);
    else files.add(path.resolve(input));
  }
  return { files: [...files].sort(), missing };
}
