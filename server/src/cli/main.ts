import * as fs from 'fs';
import { availableParallelism } from 'os';
import * as path from 'path';
import { closest, ConfigError, ConfigResolver, type ElbLensConfig } from '../project/configFile';
import type { Finding } from '../core/types';
import { projectLinks, type PackageManifest } from '../rules/links';
import { analyzePlan } from '../plan/plan';
import { configure, excludes, formUnits, namesElbJson, namesKubernetes, walk, type EffectiveConfig, type FileKind } from '../project';
import { nodeFileSystem, readTextFile } from '../project/nodeFs';
import { RULES, findRule } from '../rules';
import { PSEUDO_RULES } from '../core/pseudoRules';
import type { ElbLensService } from '../service/api';
import { createNodeHost } from '../service/nodeHost';
import { createElbLensService } from '../service/service';
import { isLockFile } from '../terraform/providerVersions';
import { COMMAND_USAGE, parseArgs, UsageError, USAGE, type CheckArgs } from './args';
import { unifiedDiff } from './diff';
import { graph } from './graph';
import { MAX_PLAN_BYTES, selectFiles } from './select';
import { nothingFound } from './usage';
import { applyFixes } from './fix';
import { FORMATTERS, type Formatter } from './formats';
import {
  CheckWorkers,
  ChunkQueue,
  chunkSize,
  isCheckWorker,
  mergeCallers,
  runCheckWorker,
  type GroupResult,
  type ScanPart,
  type ThreadWork,
  type WorkerInit,
} from './parallel';
import type { CliIo } from './io';
import { endOnStdioErrors, writeFailure, writeOutput } from './output';
import { atLeast, relativePath, sortFindings, type ToolInfo } from './report';
import { readProcessStdin, stdinFindings, stdinInput, type StdinInput } from './stdin';

export const EXIT_CLEAN = 0;
export const EXIT_ERROR = 1;
export const EXIT_FINDINGS = 2;

/** `--fix` re-analyses and applies again until nothing changes, at most this often. */
export const MAX_FIX_PASSES = 10;

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

/** Runs the CLI and returns its exit code; never calls process.exit itself. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const args = parseArgs(argv);
    switch (args.command) {
      case 'help':
        io.stdout(args.of ? COMMAND_USAGE[args.of] : USAGE);
        return EXIT_CLEAN;
      case 'version':
        io.stdout(`${readPackageJson(io.packageRoot).version ?? 'unknown'}\n`);
        return EXIT_CLEAN;
      case 'rules':
        for (const rule of RULES) io.stdout(`${rule.meta.id.padEnd(32)} ${rule.meta.defaultSeverity.padEnd(12)} ${rule.meta.summary}\n`);
        for (const pseudo of PSEUDO_RULES) io.stdout(`${pseudo.id.padEnd(32)} ${pseudo.defaultSeverity.padEnd(12)} ${pseudo.summary}\n`);
        return EXIT_CLEAN;
      case 'explain':
        io.stdout(explain(args.ruleId, io.packageRoot));
        return EXIT_CLEAN;
      case 'check':
        return await check(args, io);
      case 'graph':
        return await graph(args, io, { environmentVariables: environmentVariables(io.env ?? process.env), writeFile: writeOutput });
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`elb-lens: ${error.message}\n\n${error.command ? COMMAND_USAGE[error.command] : USAGE}`);
      return EXIT_ERROR;
    }
    if (error instanceof ConfigError) {
      io.stderr(`elb-lens: invalid configuration: ${error.relativeTo(io.cwd)}\n`);
      return EXIT_ERROR;
    }
    if (error instanceof CheckError) {
      io.stderr(`elb-lens: ${error.message}\n`);
      return EXIT_ERROR;
    }
    io.stderr(`elb-lens: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT_ERROR;
  }
}

/**
 * The documentation of an id the tool can print: a rule's page, or for the ids about ignore
 * comments and provider versions their page or the section of the rules index about them.
 */
export function explain(id: string, packageRoot: string): string {
  const rule = findRule(id);
  if (rule) {
    const page = readTextFile(path.join(packageRoot, rule.meta.docsUrl), 1024 * 1024);
    return page ?? `${rule.meta.id}: ${rule.meta.summary}\n`;
  }
  const pseudo = PSEUDO_RULES.find((r) => r.id === id);
  if (!pseudo) {
    const suggestion = closest(id, [...RULES.map((r) => r.meta.id), ...PSEUDO_RULES.map((r) => r.id)]);
    throw new UsageError(
      `unknown rule "${id}"${suggestion ? ` (did you mean ${suggestion}?)` : ''}; "elb-lens rules" lists them`,
      'explain',
    );
  }
  const [file, anchor] = pseudo.docsPage.split('#');
  const page = readTextFile(path.join(packageRoot, file), 1024 * 1024);
  const text = page !== undefined && anchor ? markdownSection(page, anchor) : page;
  return `${pseudo.id} (${pseudo.defaultSeverity}): ${pseudo.summary}\n${text ? `\n${text}` : ''}`;
}

/** The section of a markdown page under the heading whose GitHub-style anchor is `anchor`, up to the next heading of its level. */
function markdownSection(page: string, anchor: string): string | undefined {
  const lines = page.split('\n');
  const slug = (heading: string) =>
    heading
      .toLowerCase()
      .replace(/[^a-z0-9 -]/g, '')
      .replace(/ /g, '-');
  const start = lines.findIndex((line) => /^#+ /.test(line) && slug(line.replace(/^#+ /, '')) === anchor);
  if (start < 0) return undefined;
  const level = /^#+/.exec(lines[start])?.[0].length ?? 1;
  let end = start + 1;
  while (end < lines.length && !(/^#+ /.test(lines[end]) && (/^#+/.exec(lines[end])?.[0].length ?? 0) <= level)) end++;
  return `${lines.slice(start, end).join('\n').trimEnd()}\n`;
}

/** A problem with the input that is not a usage mistake (unreadable var file, …). */
class CheckError extends Error {}

/** What a folder's walk checks; a file named on the command line is checked unless it is `other`. */
const CHECKED_KINDS: ReadonlySet<FileKind> = new Set(['terraform', 'terraform-json', 'elb-json', 'plan', 'kubernetes']);

/** `TF_VAR_name=value` environment entries → { name: value }. */
export function environmentVariables(env: Record<string, string | undefined>): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (key.startsWith('TF_VAR_') && key.length > 7 && value !== undefined) variables[key.slice(7)] = value;
  }
  return variables;
}

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

/** What a check needs in every thread: configuration per file and a language service. */
interface CheckSession {
  configFor(file: string): EffectiveConfig;
  resolver: ConfigResolver;
  service: ElbLensService;
  docsDir: string;
}

async function createCheckSession(
  args: CheckArgs,
  io: Pick<CliIo, 'cwd' | 'env' | 'packageRoot' | 'stderr'>,
  stdin?: StdinInput,
): Promise<CheckSession> {
  const env = io.env ?? process.env;
  const cliVarFiles = args.varFiles.map((f) => path.resolve(io.cwd, f));
  const resolver = new ConfigResolver((file) => readTextFile(file, 1024 * 1024), {
    configFile: args.config ? path.resolve(io.cwd, args.config) : undefined,
    realPath: nodeFileSystem.realpath,
  });
  // The flags over each `.elb-lens.json`: one effective configuration per configuration file.
  const flags = {
    variables: args.variables,
    varFiles: cliVarFiles,
    environmentVariables: environmentVariables(env),
    reportUnusedIgnores: args.reportUnusedIgnores,
  };
  const effective = new Map<ElbLensConfig, EffectiveConfig>();
  const configFor = (file: string): EffectiveConfig => {
    const config = resolver.forFile(file);
    let result = effective.get(config);
    if (!result) effective.set(config, (result = configure({ config, host: flags })));
    return result;
  };
  const host = createNodeHost((message) => io.stderr(`${message}\n`));
  const docsDir = path.join(io.packageRoot, 'docs', 'rules');
  const service = await createElbLensService(host, {
    docsBase: docsDir + path.sep,
    jsonFiles: (file) => namesElbJson(configFor(file), file),
    prescan: args.prescan,
    kubernetesFiles: (file) => (stdin?.kubernetes === true && file === stdin.path) || namesKubernetes(configFor(file), file),
  });
  if (stdin) service.openDocument(stdin.path, stdin.text);
  return { configFor, resolver, service, docsDir };
}

/**
 * Findings of one analysis group (a plan file, or the Terraform module / ELB JSON set of the
 * folder of `file`), limited to the files being checked.
 */
export function analyzeGroup(
  session: CheckSession,
  file: string,
  planText: string | undefined,
  wanted: (file: string) => boolean,
  log: (m: string) => void,
): Finding[] {
  const { options } = session.configFor(file);
  if (planText !== undefined) {
    return analyzePlan(file, planText, { rules: options.rules, docsBase: session.docsDir + path.sep, log });
  }
  const findings: Finding[] = [];
  for (const [moduleFile, fileFindings] of session.service.analyzeModule(file, options)) {
    if (wanted(moduleFile)) findings.push(...fileFindings);
  }
  return findings;
}

/** Where a session's log lines go: to `lines` while a group is analysed in threads (put in group order later). */
interface LogSink {
  lines: string[] | undefined;
}

/** One thread's analysis of a group by index, with the log lines written meanwhile. */
function groupAnalyzer(
  session: CheckSession,
  groups: readonly string[],
  planText: (file: string) => string | undefined,
  wanted: (file: string) => boolean,
  sink: LogSink,
): (index: number) => GroupResult {
  return (index) => {
    const logs: string[] = [];
    const file = groups[index];
    sink.lines = logs;
    try {
      return { index, findings: analyzeGroup(session, file, planText(file), wanted, (m) => logs.push(`${m}\n`)), logs };
    } finally {
      sink.lines = undefined;
    }
  };
}

/** One thread's scan of some walked files (by index) for module calls, with the log lines written meanwhile. */
function callerScanner(session: CheckSession, files: readonly string[], sink: LogSink): (start: number, end: number) => ScanPart {
  return (start, end) => {
    const logs: string[] = [];
    sink.lines = logs;
    try {
      return { start, callers: session.service.callerIndexOf(files.slice(start, end)), logs };
    } finally {
      sink.lines = undefined;
    }
  };
}

async function check(args: CheckArgs, io: CliIo): Promise<number> {
  const started = Date.now();
  const formatter = Object.prototype.hasOwnProperty.call(FORMATTERS, args.format) ? FORMATTERS[args.format] : undefined;
  if (!formatter) throw new UsageError(`unknown format "${args.format}"`);
  const env = io.env ?? process.env;
  for (const file of args.varFiles.map((f) => path.resolve(io.cwd, f))) {
    if (readTextFile(file, MAX_PLAN_BYTES) === undefined) throw new UsageError(`cannot read --var-file ${file}`);
  }
  // Log lines already on stderr: with threads, a file skipped in two services is reported once.
  const printed = new Set<string>();
  const sink: LogSink = { lines: undefined };
  const stderr = (m: string) => {
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
    ? { files: [{ path: stdin.path, explicit: true }], missing: [] }
    : walk(
        args.paths.map((p) => path.resolve(io.cwd, p)),
        nodeFileSystem,
      );
  if (walked.missing.length > 0) throw new UsageError(`no such file or directory: ${walked.missing.join(', ')}`);
  // More threads than cores only compete for them (and each costs an isolate's memory): capped.
  const jobs = args.fix ? 1 : Math.min(availableParallelism(), Math.max(1, args.jobs ?? availableParallelism()));
  const minFiles = args.jobs === undefined ? DEFAULT_PARALLEL_MIN_FILES : PARALLEL_MIN_FILES;
  // Workers start now, so that their start-up overlaps classifying and the caller index; the
  // walk's folders stand in for the groups (known once the files are classified).
  const workers =
    jobs > 1 && walked.files.length >= minFiles && new Set(walked.files.map((f) => path.dirname(f.path))).size >= 2 * jobs
      ? new CheckWorkers(
          __filename,
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
    return await checkWalked({ args, io, started, formatter, session, walked, jobs, minFiles, workers, sink, printed, stderr, stdin });
  } finally {
    workers?.terminate();
  }
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
  const isWanted = (file: string) => (wanted.has(file) || isLockFile(file)) && !planTexts.has(file);
  const log = (m: string) => stderr(`${m}\n`);
  /** Log lines from the threads, in file or group order. */
  const print = (lines: string[]) => {
    for (const line of lines) {
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
      io.stderr(`elb-lens: ${result.applied} fix(es) would change ${fileCount} file(s); ${remaining(findings, args.minSeverity)}\n`);
    } else {
      io.stderr(`elb-lens: applied ${result.applied} fix(es) to ${fileCount} file(s)\n`);
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
  return `${findings.length} finding(s) would remain, ${failing} at or above ${minSeverity}`;
}

interface FixResult {
  findings: Finding[];
  applied: number;
  /** Text before the first fix, of every file that changed. */
  originals: Map<string, string>;
}

/**
 * Applies fixes pass after pass (overlapping ones wait for the next pass, on re-analysed
 * text) until nothing changes. Real runs write each file atomically; dry runs keep the new
 * texts as open documents of the service, so the next pass and the diff see them.
 */
function fixAll(
  service: ElbLensService,
  analyzeAll: (progress: boolean) => Finding[],
  canEdit: (file: string) => boolean,
  dryRun: boolean,
): FixResult {
  const originals = new Map<string, string>();
  let applied = 0;
  let findings = analyzeAll(true);
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const selection = applyFixes(findings, (file) => service.documentText(file), canEdit);
    if (selection.changed.size === 0) break;
    for (const [file, text] of selection.changed) {
      if (!originals.has(file)) originals.set(file, service.documentText(file) ?? '');
      if (dryRun) service.openDocument(file, text);
      else {
        try {
          writeOutput(file, text);
        } catch (error) {
          throw new CheckError(`cannot write the fixes to ${file}: ${writeFailure(error)}`);
        }
        service.fileChanged(file);
      }
    }
    applied += selection.applied;
    findings = analyzeAll(false);
  }
  // Files a later pass changed back to what they were: nothing to show.
  for (const [file, original] of originals) if (service.documentText(file) === original) originals.delete(file);
  return { findings, applied, originals };
}

function readPackageJson(packageRoot: string): PackageManifest {
  try {
    return JSON.parse(fs.readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as PackageManifest;
  } catch {
    return {};
  }
}

/**
 * What reports say about the tool. Links (the project's home, each rule's page) come from
 * the `repository` of package.json and are left out while it is unset; the help itself is
 * read from the docs shipped with the package.
 */
export function toolInfo(packageRoot: string, docsDir: string): ToolInfo {
  const pkg = readPackageJson(packageRoot);
  const links = projectLinks(pkg);
  return {
    version: pkg.version ?? '0.0.0',
    informationUri: links.home,
    helpUri: (id) => links.rulePage(id),
    readDoc: (id) => readTextFile(path.join(docsDir, `${id}.md`), 1024 * 1024),
  };
}

/** Finds the package root (the folder with package.json and docs/) from the running file. */
export function findPackageRoot(start: string): string {
  let dir = start;
  for (let i = 0; i < 6; i++) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'docs'))) return dir;
    dir = path.dirname(dir);
  }
  return start;
}

/** Runs the CLI for this process. */
export function main(): void {
  endOnStdioErrors(EXIT_ERROR);
  void runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    isTty: process.stdout.isTTY === true,
    stderrIsTty: process.stderr.isTTY === true,
    env: process.env,
    packageRoot: findPackageRoot(__dirname),
  }).then((code) => {
    process.exitCode = code;
  });
}

/**
 * A worker thread of `check --jobs N`: its session starts at once; it scans files for module
 * calls and analyses groups as {@link runCheckWorker} hands them out.
 */
export async function checkWorker(init: WorkerInit): Promise<ThreadWork> {
  const sink: LogSink = { lines: undefined };
  // Lines outside a scan or a group (the session's start) are dropped: the main thread's session wrote them.
  const session = await createCheckSession(init.args, {
    cwd: init.cwd,
    env: init.env,
    packageRoot: init.packageRoot,
    stderr: (m) => sink.lines?.push(m),
  });
  session.service.setWorkspaceFiles(init.workspaceFiles);
  let analyze: ((index: number) => GroupResult) | undefined;
  return {
    scan: callerScanner(session, init.workspaceFiles, sink),
    begin(task) {
      session.service.useCallerIndex(task.callers);
      const wanted = new Set(task.wanted);
      const isWanted = (file: string) => (wanted.has(file) || isLockFile(file)) && task.plans[file] === undefined;
      analyze = groupAnalyzer(session, task.groups, (f) => task.plans[f], isWanted, sink);
    },
    analyze(index) {
      if (!analyze) throw new Error('a check worker analyses groups only after it has them');
      return analyze(index);
    },
    unparsed: () => session.service.stats().unparsedTerraformPaths,
  };
}

if (isCheckWorker()) runCheckWorker(checkWorker);
else if (require.main === module) main();
