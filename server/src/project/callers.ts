import * as path from 'path';

import { isTerraformFile } from './classify';
import { ProjectFiles } from './files';

/**
 * The caller index: child module folder → the folders whose `module` blocks call it by a local
 * `source`, built from the workspace's Terraform files and open documents. A folder that
 * nothing calls is a root module; a called one is judged through the roots that reach it.
 */

/** The module calls of one file, for the caller index. */
interface FileCalls {
  text: string;
  calls: { name: string; source: string }[];
}

export class CallerIndex {
  private workspaceFiles = new Set<string>();
  private readonly fileCalls = new Map<string, FileCalls>();
  /** Child folder → the folders whose module blocks call it; rebuilt when a file's calls change. */
  private callersByChild: Map<string, Set<string>> | undefined;
  /** Terraform files changed since their module calls were last compared (see settle). */
  private readonly callChecks = new Set<string>();

  /** `dropped`: called when the index is dropped because module calls changed (what was built on it is stale). */
  constructor(
    private readonly files: ProjectFiles,
    private readonly dropped: () => void,
  ) {}

  /** Sets the workspace's Terraform files; false when they are the same as before (nothing dropped). */
  setWorkspaceFiles(files: Iterable<string>): boolean {
    const next = new Set([...files].filter(isTerraformFile));
    const same = next.size === this.workspaceFiles.size && [...next].every((f) => this.workspaceFiles.has(f));
    if (same) return false;
    this.workspaceFiles = next;
    this.callersByChild = undefined;
    return true;
  }

  readModuleCalls(files: Iterable<string>): void {
    for (const file of files) if (isTerraformFile(file)) this.callsOf(file);
  }

  /** A Terraform file changed: whether its module calls did is asked at the next analysis, not per keystroke. */
  changed(filePath: string): void {
    if (isTerraformFile(filePath)) this.callChecks.add(filePath);
  }

  /** For files changed since the last analysis: when one's module calls changed, the index is dropped. */
  settle(): void {
    if (this.callChecks.size === 0) return;
    const files = [...this.callChecks];
    this.callChecks.clear();
    if (files.some((file) => this.callsChanged(file))) {
      this.callersByChild = undefined;
      this.dropped();
    }
  }

  index(): Record<string, string[]> {
    return Object.fromEntries([...this.callers()].map(([child, callers]) => [child, [...callers].sort()]));
  }

  /** Takes an index built elsewhere from the files as they are now. */
  useIndex(index: Record<string, string[]>): void {
    this.callChecks.clear();
    this.callersByChild = new Map(Object.entries(index).map(([child, callers]) => [child, new Set(callers)]));
  }

  indexOf(files: Iterable<string>): Record<string, string[]> {
    const index = this.callersIn([...files].filter(isTerraformFile));
    return Object.fromEntries([...index].map(([child, callers]) => [child, [...callers].sort()]));
  }

  /** The root folders whose module trees reach `dir` (just `dir` when nothing calls it). */
  rootsOf(dir: string): string[] {
    const index = this.callers();
    if (!index.get(dir)?.size) return [dir];
    const roots = new Set<string>();
    const seen = new Set<string>([dir]);
    const queue = [dir];
    while (queue.length > 0) {
      const current = queue.shift()!;
      const callers = index.get(current);
      if (!callers?.size) {
        roots.add(current);
        continue;
      }
      for (const caller of callers) {
        if (seen.has(caller)) continue;
        seen.add(caller);
        queue.push(caller);
      }
    }
    // Folders that only call each other in a cycle have no root: judge the folder by itself.
    return roots.size > 0 ? [...roots].sort() : [dir];
  }

  /** Child folder → calling folders, from local `source` paths in the workspace's files and open documents. */
  private callers(): Map<string, Set<string>> {
    this.settle();
    if (this.callersByChild) return this.callersByChild;
    const files = new Set(this.workspaceFiles);
    for (const open of this.files.openPaths()) if (isTerraformFile(open)) files.add(open);
    this.callersByChild = this.callersIn(files);
    return this.callersByChild;
  }

  /** Child folder → calling folders, from the local `source` paths in some files. */
  private callersIn(files: Iterable<string>): Map<string, Set<string>> {
    const index = new Map<string, Set<string>>();
    for (const file of files) {
      for (const call of this.callsOf(file)) {
        if (!isLocalSource(call.source)) continue;
        const child = path.resolve(path.dirname(file), call.source);
        if (child === path.dirname(file)) continue;
        let set = index.get(child);
        if (!set) index.set(child, (set = new Set()));
        set.add(path.dirname(file));
      }
    }
    return index;
  }

  /** The module calls of a file (cached by text; files without the word "module" are not parsed). */
  private callsOf(file: string): FileCalls['calls'] {
    const text = this.files.text(file);
    if (text === undefined) return [];
    const cached = this.fileCalls.get(file);
    if (cached?.text === text) return cached.calls;
    const calls: FileCalls['calls'] = [];
    if (/\bmodule\b/.test(text)) {
      for (const block of this.files.configFile(file)?.blocks ?? []) {
        if (block.type !== 'module' || !block.labels[0]) continue;
        const source = block.attributes.get('source')?.expr;
        if (source?.kind === 'literal' && typeof source.value === 'string') calls.push({ name: block.labels[0], source: source.value });
        else if (source?.kind === 'template' && source.parts.length === 1 && source.parts[0].kind === 'literal') {
          calls.push({ name: block.labels[0], source: String(source.parts[0].value) });
        }
      }
    }
    this.fileCalls.set(file, { text, calls });
    return calls;
  }

  /** True when a file's module calls differ from what the caller index was built from. */
  private callsChanged(file: string): boolean {
    const before = this.fileCalls.get(file);
    if (!before) return this.callersByChild !== undefined && /\bmodule\b/.test(this.files.text(file) ?? '');
    const after = this.callsOf(file);
    return JSON.stringify(before.calls) !== JSON.stringify(after);
  }
}

/** `./x`, `../x` (Terraform's local paths; also a bare `.`/`..`). */
export function isLocalSource(source: string): boolean {
  return (
    source === '.' ||
    source === '..' ||
    source.startsWith('./') ||
    source.startsWith('../') ||
    source.startsWith('.\\') ||
    source.startsWith('..\\')
  );
}
