/** What the CLI reads and writes through: its hosts (bin/, tests) give one. */
export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** stdout is a terminal (colours, code frames). */
  isTty: boolean;
  /** stderr is a terminal (progress). Default false. */
  stderrIsTty?: boolean;
  /** Environment (TF_VAR_*, NO_COLOR). Default: process.env. */
  env?: Record<string, string | undefined>;
  /** Directory that holds docs/ (the package root). */
  packageRoot: string;
  /** Standard input, read to its end (`check -`). Default: the process's. */
  readStdin?: () => Promise<string>;
  /**
   * Tests: with worker threads, the main thread waits until each worker has taken its first
   * groups before it takes any, so that every thread takes part whatever the machine's load.
   */
  workersFirst?: boolean;
}

export const EXIT_CLEAN = 0;
export const EXIT_ERROR = 1;
export const EXIT_FINDINGS = 2;

/** A problem with the input that is not a usage mistake (unreadable var file, …). */
export class CheckError extends Error {}
