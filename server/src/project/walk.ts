import * as path from 'path';
import { hasCheckedName } from './classify';
import type { FileSystemHost } from './fileSystem';

/** Folders never walked into: Terraform's downloads, version control, packages. */
export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['.terraform', '.git', 'node_modules']);

export interface WalkedFile {
  /** Absolute path: below a folder root, the file's real path shown under the root as given. */
  path: string;
  /** Given as a root itself (not found by walking a folder). */
  explicit: boolean;
}

export interface WalkResult {
  /** Every file found, once each, sorted by path. Nothing is classified yet. */
  files: WalkedFile[];
  /** Roots that do not exist (or cannot be seen), as given. */
  missing: string[];
  /**
   * What was asked for (under a root) and cannot be read, with why: a folder that cannot be
   * listed, a name that is not valid UTF-8, a path past the system's length limit, a FIFO or
   * device where a checked file would be. The caller reports them: not a silent skip.
   */
  unreadable: { path: string; reason: string }[];
}

/** Linux's PATH_MAX: longer paths cannot be opened. */
const PATH_MAX = 4096;

/** Why a folder or file that the host cannot read or see could not be: its name or length, else the host's refusal. */
function unreadableReason(filePath: string, what: string): string {
  if (filePath.includes('\uFFFD')) return `the ${what}'s name is not valid UTF-8`;
  if (Buffer.byteLength(filePath) >= PATH_MAX) return `its path is longer than the system allows (${PATH_MAX} bytes)`;
  return `the ${what} cannot be read (permissions?)`;
}

/**
 * Expands roots (files and folders, absolute paths) into files.
 *
 * - A file root is taken as given; a folder root is walked, skipping SKIPPED_DIRECTORIES.
 * - Links are followed only to a place inside the root being walked (outside it: neither
 *   files nor folders). What a link leads to is reported under its real path inside the
 *   root, so a folder reached twice (by a link and directly) is listed once, under one path,
 *   and a link loop ends.
 * - Each folder is read once, across all roots; one that cannot be read is listed in
 *   `unreadable` (and so is a special file under a checked name), the rest is walked.
 * - The result does not depend on the order the host lists entries in.
 */
export function walk(roots: readonly string[], host: FileSystemHost): WalkResult {
  const found = new Map<string, boolean>();
  const missing: string[] = [];
  const unreadable: WalkResult['unreadable'] = [];
  const readDirs = new Set<string>();
  const add = (file: string, explicit: boolean) => found.set(file, explicit || (found.get(file) ?? false));

  for (const given of roots) {
    const root = path.resolve(given);
    const stat = host.stat(root);
    if (!stat) {
      missing.push(given);
      continue;
    }
    if (stat.type === 'other') {
      unreadable.push({ path: given, reason: 'it is not a regular file (a FIFO, socket or device)' });
      continue;
    }
    if (stat.type !== 'directory') {
      add(root, true);
      continue;
    }
    const realRoot = host.realpath(root) ?? root;
    /** Where a real path shows under the root; undefined when outside it or under a skipped folder. */
    const shownPath = (real: string): string | undefined => {
      const relative = path.relative(realRoot, real);
      if (relative === '') return root;
      if (path.isAbsolute(relative)) return undefined;
      const parts = relative.split(path.sep);
      if (parts[0] === '..' || parts.some((p) => SKIPPED_DIRECTORIES.has(p))) return undefined;
      return path.join(root, relative);
    };
    const pending: { real: string; shown: string }[] = [{ real: realRoot, shown: root }];
    for (let dir = pending.pop(); dir; dir = pending.pop()) {
      if (readDirs.has(dir.real)) continue;
      readDirs.add(dir.real);
      const entries = host.readDirectory(dir.real);
      if (!entries) {
        unreadable.push({ path: dir.shown, reason: unreadableReason(dir.real, 'folder') });
        continue;
      }
      for (const entry of entries) {
        let real = path.join(dir.real, entry.name);
        let shown = path.join(dir.shown, entry.name);
        let type = entry.type;
        if (type === 'symlink') {
          const target = host.realpath(real);
          const place = target === undefined ? undefined : shownPath(target);
          if (target === undefined || place === undefined) {
            // Outside the root: not followed; but a checked name that leads to a device (/dev/zero) is not a file to skip silently.
            if (target !== undefined && hasCheckedName(entry.name) && host.stat(target)?.type === 'other')
              unreadable.push({ path: shown, reason: 'it is a link to a FIFO, socket or device, not a regular file' });
            continue;
          }
          [real, shown, type] = [target, place, host.stat(target)?.type ?? 'other'];
        } else if (type === 'directory' && SKIPPED_DIRECTORIES.has(entry.name)) {
          continue;
        }
        if (type === 'directory') pending.push({ real, shown });
        else if (type === 'file') {
          // A name that is not valid UTF-8 came back with U+FFFD in it: that path does not exist.
          if (entry.name.includes('\uFFFD') && !host.stat(real)) unreadable.push({ path: shown, reason: unreadableReason(real, 'file') });
          else add(shown, false);
        } else if (hasCheckedName(entry.name))
          unreadable.push({ path: shown, reason: 'it is not a regular file (a FIFO, socket or device)' });
      }
    }
  }
  const files = [...found]
    .map(([file, explicit]) => ({ path: file, explicit }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  unreadable.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, missing, unreadable };
}
