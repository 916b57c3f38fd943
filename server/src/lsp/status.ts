import type { Connection } from 'vscode-languageserver';

/**
 * The server's state, sent to clients that ask for it (`initializationOptions.status`):
 * VS Code's status bar item shows it.
 */
export const STATUS_NOTIFICATION = 'elbLens/status';
export interface ServerStatus {
  state: 'analysing' | 'ready' | 'error';
  /** Why, for `error`: the details are in the log. */
  message?: string;
}

/** What the status is made of, asked each time it may have changed. */
export interface StatusFacts {
  /** Why the core did not start, if it did not. */
  coreError(): string | undefined;
  /** Starting, listing the workspace, or analyses waiting or running. */
  busy(): boolean;
  /** A document whose last analysis threw. */
  failedAnalysis(): string | undefined;
  /** A `.elb-lens.json` that does not read. */
  invalidConfig(): string | undefined;
}

/** Tells the client (when it asked) whether the server is analysing, ready or in trouble. */
export class StatusReporter {
  /** The client asked for `elbLens/status` notifications (set at initialize). */
  enabled = false;
  private last = '';

  constructor(
    private readonly connection: Connection,
    private readonly facts: StatusFacts,
  ) {}

  update(): void {
    if (!this.enabled) return;
    let status: ServerStatus;
    const coreError = this.facts.coreError();
    const failed = this.facts.failedAnalysis();
    const invalid = this.facts.invalidConfig();
    if (coreError) status = { state: 'error', message: coreError };
    else if (this.facts.busy()) status = { state: 'analysing' };
    else if (failed !== undefined) status = { state: 'error', message: `the analysis of ${failed} failed` };
    else if (invalid !== undefined) status = { state: 'error', message: `invalid configuration in ${invalid}` };
    else status = { state: 'ready' };
    const key = JSON.stringify(status);
    if (key === this.last) return;
    this.last = key;
    void this.connection.sendNotification(STATUS_NOTIFICATION, status);
  }
}
