import * as fs from 'fs';
import type { ServiceHost } from '../core/host';

/** Files above this size are not read at all (the core would not parse them either). */
export const MAX_READ_BYTES = 5 * 1024 * 1024;

/**
 * A ServiceHost over the real file system, for the language server and the CLI.
 * Missing, unreadable, binary and oversized files read as undefined: never a throw.
 */
export function createNodeHost(log?: (message: string) => void): ServiceHost {
  return {
    readFile(filePath) {
      try {
        const stat = fs.statSync(filePath);
        if (!stat.isFile() || stat.size > MAX_READ_BYTES) return undefined;
        const buffer = fs.readFileSync(filePath);
        if (buffer.includes(0)) return undefined;
        return buffer.toString('utf8');
      } catch {
        return undefined;
      }
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
