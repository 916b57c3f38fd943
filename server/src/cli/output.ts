import * as fs from 'fs';
import * as path from 'path';

/**
 * How the CLI writes files (--output, --fix) and what it does when standard output fails:
 * a path is never replaced by something else than it was (a device stays a device, a link
 * stays a link), and a closed pipe or a full disk ends the run with one line.
 */

/**
 * Writes `content` to what `filePath` is: a regular file (or a new one) is replaced
 * atomically; a symbolic link's target is written (the link stays); anything else (a
 * device such as /dev/null, a FIFO) is written through, never replaced by a file.
 */
export function writeOutput(filePath: string, content: string): void {
  let target = filePath;
  let stat = lstatOrUndefined(filePath);
  if (stat?.isSymbolicLink()) {
    try {
      target = fs.realpathSync(filePath);
    } catch {
      // A dangling link: writing through it creates its target, as a shell redirection would.
      fs.writeFileSync(filePath, content);
      return;
    }
    stat = lstatOrUndefined(target);
  }
  if (stat && !stat.isFile()) {
    fs.writeFileSync(target, content);
    return;
  }
  writeAtomically(target, content);
}

function lstatOrUndefined(filePath: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(filePath);
  } catch {
    return undefined;
  }
}

/** Write to a temporary file in the same folder, then rename: a reader never sees half a file. */
function writeAtomically(filePath: string, content: string): void {
  const temporary = path.join(path.dirname(filePath), `.${path.basename(filePath)}.${process.pid}.${Date.now()}.tmp`);
  let mode: number | undefined;
  try {
    mode = fs.statSync(filePath).mode & 0o7777;
  } catch {
    mode = undefined;
  }
  try {
    fs.writeFileSync(temporary, content, mode !== undefined ? { mode } : {});
    if (mode !== undefined) fs.chmodSync(temporary, mode);
    fs.renameSync(temporary, filePath);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

/** Why a write failed, in a few words: the system's code for a closed pipe or a full disk. */
export function writeFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EPIPE') return 'the reading end was closed (EPIPE)';
  if (code === 'ENOSPC') return 'no space left on the device (ENOSPC)';
  return error instanceof Error ? error.message : String(error);
}

/**
 * Ends the process with `exitCode` and one line on stderr when standard output or error
 * cannot be written (`| head` closed it, the disk is full), instead of Node's stack trace.
 */
export function endOnStdioErrors(exitCode: number): void {
  const watch = (stream: NodeJS.WriteStream, name: string) =>
    stream.on('error', (error: unknown) => {
      try {
        if (stream !== process.stderr) fs.writeSync(2, `elb-lens: cannot write to ${name}: ${writeFailure(error)}\n`);
      } catch {
        // stderr is gone too: the exit code says it.
      }
      process.exit(exitCode);
    });
  watch(process.stdout, 'standard output');
  watch(process.stderr, 'standard error');
}
