import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';

/** An error's stack (or message) for the log. */
export function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/**
 * The server's log, and the wrappers that turn a throw in a handler into a log line (and an
 * error response for requests): never a dead server.
 */
export class ServerLog {
  private readonly reported = new Set<string>();

  constructor(private readonly connection: Connection) {}

  error(message: string): void {
    this.connection.console.error(message);
  }

  /** A warning said once per server: settings and configuration problems are asked about again and again. */
  warnOnce(message: string): void {
    if (this.reported.has(message)) return;
    this.reported.add(message);
    this.connection.console.warn(message);
  }

  /** Runs a notification's handler; a throw or a rejection is logged. */
  guard(what: string, action: () => void | Promise<void>): void {
    const fail = (error: unknown) => this.error(`elb-lens: ${what} failed: ${describe(error)}`);
    try {
      const result = action();
      if (result instanceof Promise) result.catch(fail);
    } catch (error) {
      fail(error);
    }
  }

  /** Runs a request; a throw becomes an error response and a log line. */
  async request<T>(what: string, action: () => Promise<T>): Promise<T | ResponseError<void>> {
    try {
      return await action();
    } catch (error) {
      if (error instanceof ResponseError) return error as ResponseError<void>;
      this.error(`elb-lens: ${what} failed: ${describe(error)}`);
      return new ResponseError(ErrorCodes.InternalError, `elb-lens: ${what} failed`);
    }
  }
}
