import * as path from 'path';
import type { Connection } from 'vscode-languageserver';
import type { Finding } from '../core/types';
import type { CoreLoader } from './analysis';
import type { ServerConfiguration } from './configuration';
import { toDiagnostic, type RulePage } from './convert';
import type { OpenDoc, OpenDocuments } from './documents';
import { describe, type ServerLog } from './log';
import type { ServerPlatform } from './platform';
import type { WorkspaceIndex } from './workspaceIndex';

/** Quiet time after the last keystroke before a document is analysed. */
export const DEBOUNCE_MS = 150;

/**
 * Diagnostics scheduling: each open document is analysed after a quiet time (one analysis per
 * burst of edits), its module's other open files get their findings from the same analysis, and
 * with `diagnostics.scope` "workspace" the findings of closed files are published (and cleared
 * when they no longer apply). Every analysis goes through the core's `Analysis` seam.
 */
export class DiagnosticsScheduler {
  /** The client re-requests inlay hints when asked (set at initialize). */
  inlayHintRefresh = false;
  /** Number of analyses run, per file: the benchmarks and tests read it. */
  readonly analysisCount = new Map<string, number>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private running = 0;
  /** Documents whose last analysis threw, with the reason. */
  private readonly failedAnalyses = new Map<string, string>();
  /** Closed files that currently show workspace-scope diagnostics: cleared when they no longer should. */
  private workspacePublished = new Set<string>();
  private workspaceRun: Promise<void> = Promise.resolve();
  private workspaceRunPending = false;

  constructor(
    private readonly connection: Connection,
    private readonly platform: Pick<ServerPlatform, 'readsAhead' | 'prefetch' | 'pathToUri'>,
    private readonly documents: OpenDocuments,
    private readonly configuration: ServerConfiguration,
    private readonly index: WorkspaceIndex,
    private readonly core: CoreLoader,
    private readonly log: ServerLog,
    private readonly rulePage: RulePage,
    /** The status may have changed (an analysis was queued, ran, or failed). */
    private readonly statusChanged: () => void,
  ) {}

  /** Analyses are waiting or running. */
  busy(): boolean {
    return this.timers.size > 0 || this.running > 0;
  }

  /** A document whose last analysis threw. */
  failedAnalysis(): string | undefined {
    const [file] = this.failedAnalyses.values();
    return file;
  }

  /** (Re)starts the wait before a document's analysis. */
  schedule(uri: string, delay: number): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        this.running++;
        void this.validate(uri).finally(() => {
          this.running--;
          this.statusChanged();
        });
      }, delay),
    );
    this.statusChanged();
  }

  /** Every open document again, and the workspace scope's files. */
  revalidateAll(): void {
    // Debounced like typing, so a settings or file change during a burst of edits merges with it.
    for (const uri of this.documents.uris()) this.schedule(uri, DEBOUNCE_MS);
    this.publishWorkspace();
  }

  /** The open documents of a file's folder, at once. */
  refreshModuleOf(filePath: string): void {
    const dir = path.dirname(filePath);
    for (const doc of this.documents.all()) if (path.dirname(doc.path) === dir) this.schedule(doc.uri, 0);
  }

  /** A document was edited: it, and the open files of other folders (which may take values from it). */
  documentEdited(uri: string, filePath: string): void {
    this.schedule(uri, DEBOUNCE_MS);
    // Open files of other folders may take values from this one (a module call, a var file):
    // re-checking them is cheap when they do not (their analysis is still cached).
    for (const other of this.documents.all()) {
      if (other.uri !== uri && path.dirname(other.path) !== path.dirname(filePath)) this.schedule(other.uri, DEBOUNCE_MS);
    }
  }

  /** A closed document's pending analysis and failure are dropped. */
  documentClosed(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.failedAnalyses.delete(uri);
  }

  /** A closed file that keeps its workspace-scope findings: the next workspace run clears them if it no longer qualifies. */
  keepPublished(uri: string): void {
    this.workspacePublished.add(uri);
  }

  /** Shutdown: nothing more is analysed. */
  stop(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  /** Asks the client to re-request inlay hints: they may depend on another file or a setting. */
  refreshInlayHints(): void {
    if (this.inlayHintRefresh) this.connection.languages.inlayHint.refresh().catch(() => undefined);
  }

  /** Queues one workspace-scope run; requests made while one is waiting merge into it. */
  publishWorkspace(): void {
    if (this.workspaceRunPending) return;
    this.workspaceRunPending = true;
    this.running++;
    this.workspaceRun = this.workspaceRun.then(async () => {
      this.workspaceRunPending = false;
      try {
        await this.publishWorkspaceNow();
      } catch (error) {
        this.log.error(`elb-lens: workspace analysis failed: ${describe(error)}`);
      } finally {
        this.running--;
        this.statusChanged();
      }
    });
  }

  private convert(findings: readonly Finding[]) {
    return findings.map((f) => toDiagnostic(f, this.documents.uriOf, this.rulePage));
  }

  /** With scope "workspace", findings of files that are not open are published too; stale ones are cleared. */
  private async publishWorkspaceNow(): Promise<void> {
    const core = await this.core.ready;
    if (!core) return;
    const { service, analysis } = core;
    // Closed files are found by the listing (started here when the scope was just switched on).
    if (this.configuration.workspaceScopeAnywhere()) await this.index.ensureListed();
    const published = new Set<string>();
    const analysedUnits = new Set<string>();
    for (const file of this.index.listedFiles()) {
      const unit = service.unitOf(file);
      if (unit === undefined || analysedUnits.has(unit)) continue;
      const uri = this.platform.pathToUri(file);
      if ((await this.configuration.settingsFor(uri)).diagnostics.scope !== 'workspace') continue;
      // An excluded file does not stand for its module: another file of the folder may.
      const options = await this.configuration.optionsFor(file, uri);
      if (!options) continue;
      analysedUnits.add(unit);
      // Reading ahead happens in-thread (a browser): the same analysis, run until every file it reads is in.
      if (this.platform.readsAhead) await this.platform.prefetch(() => service.analyzeModule(file, options));
      for (const [moduleFile, findings] of await analysis.analyzeModule(file, options)) {
        const moduleUri = this.documents.uriOf(moduleFile);
        // Checked after the wait: a document opened meanwhile is published by its own analysis.
        if (!(await this.configuration.optionsFor(moduleFile, moduleUri)) || this.documents.has(moduleUri)) continue;
        published.add(moduleUri);
        void this.connection.sendDiagnostics({ uri: moduleUri, diagnostics: this.convert(findings) });
      }
    }
    for (const uri of this.workspacePublished) {
      if (!published.has(uri) && !this.documents.has(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
    this.workspacePublished = published;
  }

  /** The open documents and the versions an analysis starting now sees. */
  private openVersions(): Map<string, { doc: OpenDoc; version: number }> {
    return new Map([...this.documents.all()].map((doc) => [doc.uri, { doc, version: doc.version }]));
  }

  /** The document, if it is open (not closed and opened again) at the version the analysis saw. */
  private stillAsSeen(seen: ReadonlyMap<string, { doc: OpenDoc; version: number }>, uri: string): OpenDoc | undefined {
    const then = seen.get(uri);
    const doc = this.documents.get(uri);
    return then && doc === then.doc && doc.version === then.version ? doc : undefined;
  }

  /** Analyses a document's module and publishes diagnostics for its open files. */
  private async validate(uri: string): Promise<void> {
    const doc = this.documents.get(uri);
    const core = this.core.current;
    if (!doc || !core) return;
    try {
      await this.index.settled(doc);
      const options = await this.configuration.optionsFor(doc.path, uri);
      if (!this.documents.has(uri)) return;
      if (!options) {
        void this.connection.sendDiagnostics({ uri, diagnostics: [] });
        return;
      }
      if (!core.service.isSupportedFile(doc.path)) {
        // It may have been supported a moment ago (a JSON file losing its ELB content or glob).
        void this.connection.sendDiagnostics({ uri, diagnostics: [] });
        return;
      }
      const workspaceScope = (await this.configuration.settingsFor(uri)).diagnostics.scope === 'workspace';
      // The analysis may answer later (a worker) while documents change or close: findings are
      // published only for documents still open at the version the analysis saw.
      const seen = this.openVersions();
      const byFile = await core.analysis.analyzeModule(doc.path, options);
      this.analysisCount.set(doc.path, (this.analysisCount.get(doc.path) ?? 0) + 1);
      // Changed since: its next run is scheduled; closed: it must stay clear.
      if (!this.stillAsSeen(seen, uri)) return;
      void this.connection.sendDiagnostics({ uri, version: doc.version, diagnostics: this.convert(byFile.get(doc.path) ?? []) });
      // Other files of the module may depend on what changed here.
      let otherOpenFiles = false;
      for (const [file, findings] of byFile) {
        const otherUri = this.documents.uriOf(file);
        if (otherUri === uri) continue;
        if (this.documents.has(otherUri)) {
          otherOpenFiles = true;
          if (!(await this.configuration.optionsFor(file, otherUri))) continue;
          const other = this.stillAsSeen(seen, otherUri);
          if (!other) continue;
          void this.connection.sendDiagnostics({ uri: otherUri, version: other.version, diagnostics: this.convert(findings) });
          // This analysis already covered the other file's latest text: its pending run is redundant.
          clearTimeout(this.timers.get(otherUri));
          this.timers.delete(otherUri);
        } else if (workspaceScope && this.index.has(file) && (await this.configuration.optionsFor(file, otherUri))) {
          // Opened meanwhile: its own analysis publishes it.
          if (this.documents.has(otherUri)) continue;
          this.workspacePublished.add(otherUri);
          void this.connection.sendDiagnostics({ uri: otherUri, diagnostics: this.convert(findings) });
        }
      }
      if (otherOpenFiles) this.refreshInlayHints();
      this.failedAnalyses.delete(uri);
    } catch (error) {
      this.log.error(`elb-lens: analysis of ${doc.path} failed: ${describe(error)}`);
      this.failedAnalyses.set(uri, doc.path);
    }
  }
}
