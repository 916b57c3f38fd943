import * as path from 'path';
import type { DirectoryEntry, EntryType, FileSystemHost } from '../project';
import type { ServiceHost } from '../core/host';
import { FILE_TYPE, type ReadDirectoryResult, type ReadFileResult } from './fsProtocol';

/** How a browser host reaches files: requests answered by the client (vscode.workspace.fs). */
export interface RemoteFiles {
  readFile(filePath: string, maxBytes: number): Promise<ReadFileResult | null>;
  readDirectory(dirPath: string): Promise<ReadDirectoryResult>;
}

/** How much a browser host reads from a (possibly slow, remote) file system in one session. */
export interface ReadLimits {
  /** Files larger than this are not read (as on Node: the core would not parse them either). */
  fileBytes: number;
  /** Files read in all. */
  files: number;
  /** Bytes read in all. */
  bytes: number;
  /** Folders listed in all. */
  folders: number;
  /** Requests at a time. */
  parallel: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  fileBytes: 5 * 1024 * 1024,
  files: 3000,
  bytes: 48 * 1024 * 1024,
  folders: 3000,
  parallel: 16,
};

/** Absent, unreadable or not read (over a limit): what the core sees as a missing file. */
const NONE = null;

/**
 * The file access of the language server in a browser. The core asks synchronously
 * (ServiceHost: readFile, readDirectory); in a browser every read is an asynchronous request
 * to the client. So this keeps what was read, answers the core from it, and notes what it did
 * not have (a miss): the misses are fetched in one batch, and whoever waits for them
 * (`flushed`, the platform's prefetch) analyses again once they are in.
 *
 * What is known to be absent is never a miss: a folder's listing answers for its entries (a
 * file that is not listed does not exist), and a folder that does not exist has no files.
 */
export class BrowserFiles {
  private readonly texts = new Map<string, string | typeof NONE>();
  private readonly listings = new Map<string, DirectoryEntry[] | typeof NONE>();
  private readonly wantedFiles = new Set<string>();
  private readonly wantedFolders = new Set<string>();
  /** Paths being fetched, so that a miss of one of them waits for it rather than asking again. */
  private readonly inFlight = new Map<string, Promise<void>>();
  /** Batches being fetched and announced. */
  private readonly flushes = new Set<Promise<void>>();
  private scheduled: Promise<void> | undefined;
  private readonly used = { files: 0, bytes: 0, folders: 0 };
  private readonly limitsReported = new Set<string>();
  /** Misses so far: an analysis that ran without adding one saw every file it needs. */
  misses = 0;
  /** > 0 while someone (prefetch) runs an analysis and waits for its misses. */
  private waiting = 0;
  /** A batch holds a miss nobody waits for: its arrival must trigger a new analysis. */
  private unasked = false;
  private readonly listeners: ((paths: string[], unasked: boolean) => void)[] = [];

  constructor(
    private readonly remote: RemoteFiles,
    /** Where the core's own messages go (`error`), and what is said once about a limit (`warn`). */
    private readonly output: { error(message: string): void; warn(message: string): void },
    /** Paths that are never read (untitled documents' folders). */
    private readonly isVirtual: (filePath: string) => boolean = () => false,
    private limits: ReadLimits = DEFAULT_READ_LIMITS,
  ) {}

  get readLimits(): ReadLimits {
    return this.limits;
  }

  /** Changes some limits (before anything is read). */
  setLimits(limits: Partial<ReadLimits>): void {
    this.limits = { ...this.limits, ...limits };
  }

  /** The core's view: synchronous, from what was read. */
  readonly host: ServiceHost = {
    readFile: (filePath) => this.readFile(filePath),
    readDirectory: (dirPath) => this.readDirectory(dirPath)?.map((e) => e.name) ?? [],
    log: (message) => {
      // The core says a file it could not read is skipped; a file still being fetched is not
      // (the core is told when it arrives, and says so then if it really cannot be read).
      const skipped = /^elb-lens: skipped (.*): it cannot be read/.exec(message)?.[1];
      if (skipped !== undefined && this.texts.get(skipped) === undefined && !this.knownAbsent(skipped, 'file')) return;
      this.output.error(message);
    },
  };

  /** The project layer's view (walk), from the listings read. Links are not followed: their targets are unknown here. */
  readonly fileSystem: FileSystemHost = {
    readDirectory: (dirPath) => this.readDirectory(dirPath),
    realpath: () => undefined,
    stat: (filePath) => {
      if (this.listings.get(filePath)) return { type: 'directory', size: 0 };
      const entry = this.entry(filePath);
      if (!entry || entry.type === 'symlink') return undefined;
      return { type: entry.type, size: 0 };
    },
  };

  onArrived(listener: (paths: string[], unasked: boolean) => void): void {
    this.listeners.push(listener);
  }

  /** Runs `compute` while misses are awaited (not "unasked"). */
  async whileWaiting<T>(compute: () => T | Promise<T>): Promise<T> {
    this.waiting++;
    try {
      return await compute();
    } finally {
      this.waiting--;
    }
  }

  readFile(filePath: string): string | undefined {
    const text = this.texts.get(filePath);
    if (text !== undefined) return text ?? undefined;
    if (this.knownAbsent(filePath, 'file')) return undefined;
    this.miss(this.wantedFiles, filePath);
    return undefined;
  }

  /** A folder's entries; undefined when it cannot be listed (or is not listed yet: a miss). */
  readDirectory(dirPath: string): DirectoryEntry[] | undefined {
    const listing = this.listings.get(dirPath);
    if (listing !== undefined) return listing ?? undefined;
    if (this.knownAbsent(dirPath, 'directory')) return undefined;
    this.miss(this.wantedFolders, dirPath);
    return undefined;
  }

  /** True when the path is known not to be a `type` (its folder's listing says so, or its folder is absent). */
  knownAbsent(filePath: string, type: 'file' | 'directory'): boolean {
    if (this.isVirtual(filePath)) return true;
    const dir = path.dirname(filePath);
    if (dir === filePath) return false;
    const listing = this.listings.get(dir);
    if (listing === NONE) return true;
    if (listing) {
      const entry = listing.find((e) => e.name === path.basename(filePath));
      return !entry || (entry.type !== type && entry.type !== 'symlink');
    }
    return this.knownAbsent(dir, 'directory');
  }

  /** What was read of a path: the text, NONE (absent, unreadable, over a limit), or undefined (not read). */
  cachedText(filePath: string): string | null | undefined {
    return this.texts.get(filePath);
  }

  /** Forgets a file (it changed, appeared or vanished) and its folder's listing. */
  forget(filePath: string): void {
    this.texts.delete(filePath);
    this.listings.delete(path.dirname(filePath));
    // A folder that vanished: what was listed under it goes with it.
    if (this.listings.has(filePath)) {
      for (const key of [...this.listings.keys()]) if (key === filePath || key.startsWith(`${filePath}/`)) this.listings.delete(key);
      for (const key of [...this.texts.keys()]) if (key.startsWith(`${filePath}/`)) this.texts.delete(key);
    }
  }

  /**
   * Reads files ahead of the analyses that will ask for them (in the background: whoever
   * waits for `flushed` waits for them too). Not misses: nothing has to be analysed again.
   */
  readAhead(filePaths: Iterable<string>): void {
    let added = false;
    for (const filePath of filePaths) {
      if (this.texts.has(filePath) || this.knownAbsent(filePath, 'file')) continue;
      this.wantedFiles.add(filePath);
      added = true;
    }
    if (added) this.scheduleFlush();
  }

  /**
   * Lists the folders under `roots` (breadth first, a batch at a time), skipping the folders
   * `skip` names, up to the folder limit; the files of each folder that `readAhead` names are
   * read meanwhile. Returns false when the limit stopped it, or `cancelled` did (checked
   * before each level: a cancelled listing reads no more).
   */
  async listTree(
    roots: readonly string[],
    skip: (name: string) => boolean,
    readAhead: (name: string) => boolean = () => false,
    cancelled: () => boolean = () => false,
  ): Promise<boolean> {
    let level = [...roots];
    while (level.length > 0) {
      if (cancelled()) return false;
      const next: string[] = [];
      await this.fetch([], level);
      for (const dir of level) {
        const entries = this.listings.get(dir) ?? [];
        this.readAhead(entries.filter((e) => e.type === 'file' && readAhead(e.name)).map((e) => path.join(dir, e.name)));
        for (const entry of entries) if (entry.type === 'directory' && !skip(entry.name)) next.push(path.join(dir, entry.name));
      }
      if (next.length > 0 && this.used.folders + next.length > this.limits.folders) {
        this.reportLimit(
          'folders',
          `elb-lens: the workspace has more than ${this.limits.folders} folders; in the browser ELB Lens lists only the first ${this.limits.folders} to find the callers of modules (module folders called from elsewhere are judged by themselves).`,
        );
        await this.fetch([], next.slice(0, Math.max(0, this.limits.folders - this.used.folders)));
        return false;
      }
      level = next;
    }
    return true;
  }

  /** Resolves once every miss so far has been fetched and its arrival announced (misses the announcement causes too). */
  async flushed(): Promise<void> {
    for (;;) {
      if (this.wantedFiles.size > 0 || this.wantedFolders.size > 0) await this.flush();
      else if (this.flushes.size > 0) await Promise.all(this.flushes);
      else return;
    }
  }

  private miss(wanted: Set<string>, filePath: string): void {
    this.misses++;
    if (this.waiting === 0) this.unasked = true;
    wanted.add(filePath);
    this.scheduleFlush();
  }

  /** One batch per turn of the event loop: an analysis misses many files at once. */
  private scheduleFlush(): void {
    this.scheduled ??= Promise.resolve().then(() => {
      this.scheduled = undefined;
      return this.flush();
    });
  }

  private flush(): Promise<void> {
    const batch = this.flushNow().finally(() => this.flushes.delete(batch));
    this.flushes.add(batch);
    return batch;
  }

  private async flushNow(): Promise<void> {
    const files = [...this.wantedFiles];
    const folders = [...this.wantedFolders];
    this.wantedFiles.clear();
    this.wantedFolders.clear();
    const unasked = this.unasked;
    this.unasked = false;
    const arrived = await this.fetch(files, folders);
    if (arrived.length === 0) return;
    for (const listener of this.listeners) listener(arrived, unasked);
  }

  /** Fetches files and folder listings (those not fetched yet), in parallel; returns the paths whose state is now known. */
  private async fetch(files: readonly string[], folders: readonly string[]): Promise<string[]> {
    const arrived: string[] = [];
    const jobs: (() => Promise<void>)[] = [];
    const keys: string[] = [];
    const waits: Promise<void>[] = [];
    for (const filePath of files) {
      if (this.texts.has(filePath)) continue;
      const pending = this.inFlight.get(`f:${filePath}`);
      if (pending) {
        waits.push(pending);
        continue;
      }
      if (this.used.files >= this.limits.files || this.used.bytes >= this.limits.bytes) {
        this.reportLimit(
          'files',
          `elb-lens: in the browser ELB Lens reads at most ${this.limits.files} files or ${this.limits.bytes / 2 ** 20} MB of a workspace, and has; files it has not read yet (${filePath} and others) count as missing.`,
        );
        this.texts.set(filePath, NONE);
        arrived.push(filePath);
        continue;
      }
      this.used.files++;
      keys.push(`f:${filePath}`);
      jobs.push(async () => {
        const result = await this.remote.readFile(filePath, this.limits.fileBytes).catch(() => null);
        const text = result && 'text' in result ? result.text : NONE;
        if (text !== NONE) this.used.bytes += text.length;
        if (result && 'problem' in result && result.problem === 'tooLarge') {
          this.output.error(`elb-lens: skipped ${filePath}: it is larger than ${this.limits.fileBytes / 2 ** 20} MB`);
        }
        this.texts.set(filePath, text);
        arrived.push(filePath);
      });
    }
    for (const dirPath of folders) {
      if (this.listings.has(dirPath)) continue;
      const pending = this.inFlight.get(`d:${dirPath}`);
      if (pending) {
        waits.push(pending);
        continue;
      }
      if (this.used.folders >= this.limits.folders) {
        this.reportLimit(
          'listings',
          `elb-lens: in the browser ELB Lens lists at most ${this.limits.folders} folders of a workspace, and has; folders it has not listed yet (${dirPath} and others) count as missing.`,
        );
        this.listings.set(dirPath, NONE);
        arrived.push(path.join(dirPath, '.elb-lens-empty-listing'));
        continue;
      }
      this.used.folders++;
      keys.push(`d:${dirPath}`);
      jobs.push(async () => {
        const result = await this.remote.readDirectory(dirPath).catch(() => null);
        const entries = result ? result.map(([name, type]) => ({ name, type: entryType(type) })) : NONE;
        this.listings.set(dirPath, entries);
        // The core learns of a listing through its entries (a folder's analysis records reading them).
        if (entries && entries.length > 0) for (const e of entries) arrived.push(path.join(dirPath, e.name));
        else arrived.push(path.join(dirPath, '.elb-lens-empty-listing'));
      });
    }
    // A bounded number of requests at a time.
    let next = 0;
    const worker = async () => {
      while (next < jobs.length) await jobs[next++]();
    };
    const all = Promise.all(Array.from({ length: Math.min(this.limits.parallel, jobs.length) }, worker)).then(() => undefined);
    for (const key of keys) this.inFlight.set(key, all);
    try {
      await all;
    } finally {
      for (const key of keys) this.inFlight.delete(key);
    }
    await Promise.all(waits);
    return arrived;
  }

  private entry(filePath: string): DirectoryEntry | undefined {
    return this.listings.get(path.dirname(filePath))?.find((e) => e.name === path.basename(filePath));
  }

  private reportLimit(kind: string, message: string): void {
    if (this.limitsReported.has(kind)) return;
    this.limitsReported.add(kind);
    this.output.warn(message);
  }
}

function entryType(type: number): EntryType {
  // A link is left to the walker (which skips it here: its target is unknown); reading through one works.
  if (type & FILE_TYPE.symbolicLink) return type & FILE_TYPE.directory ? 'symlink' : type & FILE_TYPE.file ? 'file' : 'other';
  if (type & FILE_TYPE.directory) return 'directory';
  if (type & FILE_TYPE.file) return 'file';
  return 'other';
}
