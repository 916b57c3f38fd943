import { availableParallelism } from 'os';
import * as path from 'path';
import type { Finding } from '../core/types';
import { excludes, formUnits, kindByName, walk, type FileKind, type WalkedFile, type WalkResult } from '../project';
import { hasCheckedName } from '../project/classify';
import { MAX_READ_BYTES, nodeFileSystem, readTextFile, unreadableFileReason } from '../project/nodeFs';
import { RULES } from '../rules';
import { UsageError, type CheckArgs } from './args';
import { unifiedDiff } from './diff';
import { MAX_PLAN_BYTES, selectFiles } from './select';
import { nothingFound } from './usage';
import { FORMATTERS, type Formatter } from './formats';
import { CheckWorkers, ChunkQueue, chunkSize, mergeCallers, type GroupResult, type ScanPart } from './parallel';
import { analyzeGroup, callerScanner, createCheckSession, groupAnalyzer, measureHeap, type CheckSession, type LogSink } from './session';
import { fixAll } from './fix';
import { writeFailure, writeOutput } from './output';
import { toolInfo } from './explain';
import { CheckError, EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS } from './io';
import { readProcessStdin, stdinFindings, stdinInput, type StdinInput } from './stdin';
import type { CliIo } from './io';
import { atLeast, counted, relativePath, sortFindings } from './report';
import { logLine, printable } from '../core/escape';
import { ANALYSIS_STOPPED_RULE_ID } from '../core/options';

/**
 * Below this many files a check runs in one thread even with `--jobs`: a worker's start-up
 * (its own bundle, parser, service and JIT warm-up) costs more than its share of the work
 * saves. Also needed: two groups per thread.
 */
const PARALLEL_MIN_FILES = 200;

/**
 * Without `--jobs`, threads start from this many files. On two cores they did not pay below
 * it (measured: 1,000 files 10 % slower, 2,000 to 8,000 even, 13,600 and 20,000 files 13 to
 * 18 % faster; each isolate warms up and JIT-compiles on its own, which competes for the
 * cores). See docs/performance.md.
 */
const DEFAULT_PARALLEL_MIN_FILES = 10_000;

/** Plan JSON can be large; read up to this size (other files go through the host's limit). */

/** What a folder's walk checks; a file named on the command line is checked unless it is `other`. */
const CHECKED_KINDS: ReadonlySet<FileKind> = new Set(['terraform', 'terraform-json', 'elb-json', 'plan', 'kubernetes']);

/** Progress on stderr for long scans (shown after half a second), on a terminal only. */
export function progressReporter(
  io: Pick<CliIo, 'stderr' | 'stderrIsTty'>,
  total: number,
  now: () => number = Date.now,
): { tick(done: number): void; done(): void } {
  if (!io.stderrIsTty || total < 2) return { tick: () => undefined, done: () => undefined };
  const started = now();
  let last = 0;
  let shown = false;
  return {
    tick(done) {
      const time = now();
      if (time - started < 500 || time - last < 100) return;
      last = time;
      shown = true;
      io.stderr(`\r\x1b[Kelb-lens: checking ${done}/${total} files…`);
    },
    done() {
      if (shown) io.stderr('\r\x1b[K');
    },
  };
}

/**
 * `elb-lens check`: walks the paths, forms the analysis units, analyses them (in worker
 * threads running `workerScript` for large trees), reports and returns the exit code.
 */
export async function check(args: CheckArgs, io: CliIo, workerScript: string): Promise<number> {
  const started = Date.now();
  measureHeap();
  const formatter = Object.prototype.hasOwnProperty.call(FORMATTERS, args.format) ? FORMATTERS[args.format] : undefined;
  if (!formatter) throw new UsageError(`unknown format "${args.format}"`);
  const env = io.env ?? process.env;
  for (const file of args.varFiles.map((f) => path.resolve(io.cwd, f))) {
    if (readTextFile(file, MAX_PLAN_BYTES) === undefined) throw new UsageError(`cannot read --var-file ${file}`);
  }
  // Log lines already on stderr: with threads, a file skipped in two services is reported once.
  const printed = new Set<string>();
  const sink: LogSink = { lines: undefined };
  // Log lines name files and resources, whose names may hold line breaks and escapes: one line each.
  const stderr = (message: string) => {
    const m = logLine(message);
    if (sink.lines) sink.lines.push(m);
    else {
      printed.add(m);
      io.stderr(m);
    }
  };
  let stdin: StdinInput | undefined;
  if (args.stdin) {
    let text: string;
    try {
      text = await (io.readStdin ?? readProcessStdin)();
    } catch (error) {
      throw new CheckError(`cannot read standard input: ${error instanceof Error ? error.message : String(error)}`);
    }
    stdin = stdinInput(text, io.cwd, args.stdinFilename);
  }
  const session = await createCheckSession(args, { ...io, stderr }, stdin);

  const walked = stdin
    ? { files: [{ path: stdin.path, explicit: true }], missing: [], unreadable: [] }
    : walk(
        args.paths.map((p) => path.resolve(io.cwd, p)),
        nodeFileSystem,
      );
  if (walked.missing.length > 0) throw new UsageError(`no such file or directory: ${walked.missing.join(', ')}`);
  if (!stdin) walked.files = withoutUnreadable(walked, session.configFor);
  // Asked for and not readable: named, and the run fails (exit 1) after checking the rest.
  for (const { path: unreadable, reason } of walked.unreadable)
    stderr(`elb-lens: cannot read ${printable(relativePath(io.cwd, unreadable))}: ${reason}\n`);
  // More threads than cores only compete for them (and each costs an isolate's memory): capped.
  const jobs = args.fix ? 1 : Math.min(availableParallelism(), Math.max(1, args.jobs ?? availableParallelism()));
  const minFiles = args.jobs === undefined ? DEFAULT_PARALLEL_MIN_FILES : PARALLEL_MIN_FILES;
  // Workers start now, so that their start-up overlaps classifying and the caller index; the
  // walk's folders stand in for the groups (known once the files are classified).
  const workers =
    jobs > 1 && walked.files.length >= minFiles && new Set(walked.files.map((f) => path.dirname(f.path))).size >= 2 * jobs
      ? new CheckWorkers(
          workerScript,
          jobs - 1,
          {
            args,
            cwd: io.cwd,
            env: Object.fromEntries(Object.entries(env).filter(([k]) => k.startsWith('TF_VAR_'))) as Record<string, string>,
            packageRoot: io.packageRoot,
            workspaceFiles: walked.files.map((f) => f.path),
          },
          jobs,
        )
      : undefined;
  try {
    const code = await checkWalked({
      args,
      io,
      started,
      formatter,
      session,
      walked,
      jobs,
      minFiles,
      workers,
      sink,
      printed,
      stderr,
      stdin,
    });
    return walked.unreadable.length > 0 ? EXIT_ERROR : code;
  } finally {
    workers?.terminate();
  }
}

/**
 * The walked files a check asks for (named, or with a name it reads, and not excluded) that
 * cannot be opened or are Terraform files that are not UTF-8 text move to `unreadable`:
 * errors, not skips.
 */
function withoutUnreadable(walked: WalkResult, configFor: CheckSession['configFor']): WalkedFile[] {
  return walked.files.filter((file) => {
    if (!file.explicit && (!hasCheckedName(file.path) || excludes(configFor(file.path), file.path))) return true;
    const kind = kindByName(file.path, file.explicit);
    const terraformText = kind === 'terraform' || kind === 'terraform-json' || kind === 'tfvars';
    const reason = unreadableFileReason(file.path, MAX_READ_BYTES, terraformText);
    if (reason) walked.unreadable.push({ path: file.path, reason });
    return reason === undefined;
  });
}

/** The rest of a check, once the files are walked (and worker threads, if any, are starting). */
async function checkWalked(run: {
  args: CheckArgs;
  io: CliIo;
  started: number;
  formatter: Formatter;
  session: CheckSession;
  walked: ReturnType<typeof walk>;
  jobs: number;
  /** Files needed for threads (explicit --jobs or the default). */
  minFiles: number;
  workers: CheckWorkers | undefined;
  sink: LogSink;
  printed: Set<string>;
  stderr: (m: string) => void;
  stdin?: StdinInput;
}): Promise<number> {
  const { args, io, started, formatter, session, walked, jobs, minFiles, sink, printed, stderr } = run;
  const env = io.env ?? process.env;
  const { configFor, resolver, service, docsDir } = session;
  const files: string[] = [];
  const kinds = new Map<string, FileKind>();
  const planTexts = new Map<string, string>();
  const given =
    run.stdin && new Map([[run.stdin.path, { text: run.stdin.text, kind: run.stdin.kubernetes ? ('kubernetes' as const) : undefined }]]);
  for (const { file, kind, content } of selectFiles(walked.files, configFor, CHECKED_KINDS, given)) {
    files.push(file);
    kinds.set(file, kind);
    if (kind === 'plan') planTexts.set(file, content.text() ?? '');
  }
  const wanted = new Set(files);
  // Module folders called from the checked files are judged through their callers.
  service.setWorkspaceFiles(walked.files.map((f) => f.path));
  for (const config of new Set(files.map((f) => resolver.forFile(f)))) {
    for (const varFile of config.varFiles) {
      if (readTextFile(varFile, MAX_PLAN_BYTES) === undefined) {
        throw new CheckError(`${relativePath(io.cwd, config.path)}: varFiles: cannot read ${relativePath(io.cwd, varFile)}`);
      }
    }
  }

  // kustomize overlays and Helm charts: one group each (their kustomization file or Chart.yaml);
  // the walked files they read are checked through them.
  const walkedPaths = new Set(walked.files.map((f) => f.path));
  const renderedGroups: string[] = [];
  const renderedInputs = new Set<string>();
  for (const root of service.renderedRoots(walked.files.length > 0 ? configFor(walked.files[0].path).options : {})) {
    if (excludes(configFor(root.file), root.file)) continue;
    renderedGroups.push(root.file);
    for (const read of root.reads) if (walkedPaths.has(read) && !excludes(configFor(read), read)) renderedInputs.add(read);
  }

  // One representative file per analysis unit, in walk order.
  const groups = formUnits(
    files.filter((file) => !renderedInputs.has(file)),
    (file) => file,
    (file) => kinds.get(file) ?? 'other',
  ).map((unit) => unit.members[0]);
  groups.push(...renderedGroups);
  for (const input of renderedInputs) {
    if (wanted.has(input)) continue;
    wanted.add(input);
    files.push(input);
  }
  if (files.length === 0) {
    io.stderr(`elb-lens: warning: ${nothingFound(args.paths)}\n`);
  }
  // A root module's .terraform.lock.hcl is not a checked file, but what is wrong with it is reported.
  const isWanted = (file: string) => (wanted.has(file) || kindByName(file) === 'lock') && !planTexts.has(file);
  const log = (m: string) => stderr(`${m}\n`);
  /** Log lines from the threads, in file or group order. */
  const print = (lines: string[]) => {
    for (const line of lines.map(logLine)) {
      if (printed.has(line)) continue;
      printed.add(line);
      io.stderr(line);
    }
  };

  const analyzeAll = (showProgress: boolean): Finding[] => {
    const progress = showProgress ? progressReporter(io, groups.length) : progressReporter({ ...io, stderrIsTty: false }, 0);
    const findings: Finding[] = [];
    groups.forEach((file, done) => {
      progress.tick(done);
      findings.push(...analyzeGroup(session, file, planTexts.get(file), isWanted, log));
    });
    progress.done();
    return sortFindings(findings);
  };

  const workers = groups.length >= 2 * jobs && files.length >= minFiles ? run.workers : undefined;
  // Started for nothing (fewer groups than the walk's folders promised): end them now.
  if (!workers) run.workers?.terminate();
  let unparsed: number;
  /** Groups analysed by each thread, the main thread first (with threads). */
  let perThread: number[] | undefined;
  /** What `--fix` may write: the checked files, never a plan. */
  const canFix = (file: string) => wanted.has(file) && !planTexts.has(file);
  let findings: Finding[];
  if (args.fix) {
    const result = fixAll(service, analyzeAll, canFix, args.dryRun);
    findings = result.findings;
    unparsed = service.stats().unparsedTerraformFiles;
    const fileCount = result.originals.size;
    if (args.dryRun) {
      const diffs = [...result.originals]
        .sort((a, b) => a[0].localeCompare(b[0]))
        .map(([file, original]) => {
          const name = relativePath(io.cwd, file);
          return unifiedDiff(`a/${name}`, `b/${name}`, original, service.documentText(file) ?? original);
        });
      io.stdout(diffs.join(''));
      io.stderr(
        `elb-lens: ${counted(result.applied, 'fix', 'fixes')} would change ${counted(fileCount, 'file')}; ${remaining(findings, args.minSeverity)}\n`,
      );
    } else {
      io.stderr(`elb-lens: applied ${counted(result.applied, 'fix', 'fixes')} to ${counted(fileCount, 'file')}\n`);
    }
  } else if (workers) {
    // The caller index: the main thread scans from the front, workers (once ready) from the back.
    const scan = callerScanner(
      session,
      walked.files.map((f) => f.path),
      sink,
    );
    const parts: ScanPart[] = [];
    for (let range = workers.scan.takeFront(); range; range = workers.scan.takeFront()) parts.push(scan(...range));
    parts.push(...(await workers.scanned()));
    parts.sort((a, b) => a.start - b.start);
    for (const part of parts) print(part.logs);
    const callers = mergeCallers(parts);
    service.useCallerIndex(callers);
    const queue = ChunkQueue.create(groups.length, chunkSize(groups.length, jobs), workers.count);
    workers.run({ groups, plans: Object.fromEntries(planTexts), wanted: [...wanted], callers, analysis: queue.shape });
    if (io.workersFirst) await workers.started();
    const analyze = groupAnalyzer(session, groups, (f) => planTexts.get(f), isWanted, sink);
    const progress = progressReporter(io, groups.length);
    const mine: GroupResult[] = [];
    for (let range = queue.takeFront(); range; range = queue.takeFront()) {
      for (let index = range[0]; index < range[1]; index++) {
        progress.tick(queue.taken());
        mine.push(analyze(index));
      }
    }
    progress.done();
    const theirs = await workers.finish(queue);
    // Group order, as one thread would have gone: the findings (sorted below) and log lines.
    const byIndex = new Array<GroupResult | undefined>(groups.length);
    for (const result of [mine, ...theirs.map((t) => t.groups)]) for (const group of result) byIndex[group.index] = group;
    findings = [];
    for (const [index, group] of byIndex.entries()) {
      if (!group) throw new Error(`group ${index} (${groups[index]}) was analysed by no thread`);
      print(group.logs);
      findings.push(...group.findings);
    }
    findings = sortFindings(findings);
    unparsed = new Set([...service.stats().unparsedTerraformPaths, ...theirs.flatMap((t) => t.unparsed)]).size;
    perThread = [mine.length, ...theirs.map((t) => t.groups.length)];
  } else {
    findings = analyzeAll(true);
    unparsed = service.stats().unparsedTerraformFiles;
  }
  if (args.verbose) {
    io.stderr(
      `elb-lens: ${walked.files.length} file(s) found, ${files.length} checked in ${groups.length} group(s) ` +
        `(${threadsText(perThread)}); ${unparsed} Terraform file(s) not parsed ` +
        `(a scan showed they cannot matter); ${findings.length} finding(s) in ${Date.now() - started} ms\n`,
    );
  }

  const tool = toolInfo(io.packageRoot, docsDir);
  if (run.stdin) findings = stdinFindings(findings, run.stdin);
  const stdinText = run.stdin && { shownAs: run.stdin.shownAs, text: run.stdin.text };
  const report = {
    fileCount: files.length,
    files: stdinText ? [stdinText.shownAs] : files,
    findings,
    cwd: io.cwd,
    readText: (f: string) => (f === stdinText?.shownAs ? stdinText.text : (planTexts.get(f) ?? service.documentText(f))),
    minSeverity: args.minSeverity,
    enabledRules: (file: string) => {
      const rules = configFor(file).options.rules ?? {};
      return RULES.map((r) => r.meta.id).filter((id) => rules[id] !== 'off');
    },
    canFix,
    tool,
  };
  const color = args.color ?? (io.isTty && !args.output && !env.NO_COLOR);
  if (args.output) {
    const target = path.resolve(io.cwd, args.output);
    try {
      writeOutput(target, formatter(report, { color: false }));
    } catch (error) {
      throw new CheckError(`cannot write ${args.output}: ${writeFailure(error)}`);
    }
  } else if (!args.dryRun) io.stdout(formatter(report, { color }));
  if (files.length === 0 && args.failOnEmpty) return EXIT_ERROR;
  // A unit stopped at its budget was not checked: the run fails as for an input it cannot read.
  const stopped = findings.filter((f) => f.ruleId === ANALYSIS_STOPPED_RULE_ID).length;
  if (stopped > 0) {
    io.stderr(
      `elb-lens: ${stopped} analysis unit(s) stopped at their budget and were not checked (see the ${ANALYSIS_STOPPED_RULE_ID} findings)\n`,
    );
    return EXIT_ERROR;
  }
  return findings.some((f) => atLeast(f.severity, args.minSeverity)) ? EXIT_FINDINGS : EXIT_CLEAN;
}

/** For --verbose: how many threads took part and how many groups each analysed (no parentheses: the bench parses the line). */
function threadsText(perThread: number[] | undefined): string {
  if (!perThread) return 'one thread';
  const tookPart = perThread.filter((n) => n > 0).length;
  return `${tookPart} of ${perThread.length} threads analysed groups: ${perThread.join(' + ')}`;
}

function remaining(findings: Finding[], minSeverity: CheckArgs['minSeverity']): string {
  const failing = findings.filter((f) => atLeast(f.severity, minSeverity)).length;
  return `${counted(findings.length, 'finding')} would remain, ${failing} at or above ${minSeverity}`;
}
