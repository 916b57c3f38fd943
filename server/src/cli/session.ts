import { logLine } from '../core/escape';
import * as path from 'path';
import { ConfigResolver, type ElbLensConfig } from '../project/configFile';
import type { Finding } from '../core/types';
import { analyzePlan } from '../plan/plan';
import { withRuleSettings } from '../suppress/policy';
import { getHeapStatistics } from 'v8';
import { BudgetExceeded, budgetOf, setBudgetProbes, stoppedFinding, withinBudget } from '../core/budget';
import { configure, kindByName, namesElbJson, namesKubernetes, type EffectiveConfig } from '../project';
import type { HostSettings } from '../project/configure';
import { createNodeHost, nodeFileSystem, readTextFile } from '../project/nodeFs';
import type { ElbLensService } from '../service/api';
import { createElbLensService } from '../service/service';
import { type CheckArgs } from './args';
import { type GroupResult, type ScanPart, type ThreadWork, type WorkerInit } from './parallel';
import type { StdinInput } from './stdin';
import type { CliIo } from './io';

/** `TF_VAR_name=value` environment entries → { name: value }. */
export function environmentVariables(env: Record<string, string | undefined>): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (key.startsWith('TF_VAR_') && key.length > 7 && value !== undefined) variables[key.slice(7)] = value;
  }
  return variables;
}

/** Lets the budget of each unit (core/budget.ts) see the heap: what a unit adds to it counts against budget.memoryMb. */
export function measureHeap(): void {
  setBudgetProbes({ heapUsed: () => getHeapStatistics().used_heap_size });
}

/**
 * The `.elb-lens.json` files as `check` and `graph` read them (or the one `--config` names),
 * each with the command line's flags over it: one effective configuration per configuration file.
 */
export function commandLineConfigurations(
  configFlag: string | undefined,
  cwd: string,
  flags: HostSettings,
): { resolver: ConfigResolver; configFor(file: string): EffectiveConfig } {
  const resolver = new ConfigResolver((file) => readTextFile(file, 1024 * 1024), {
    configFile: configFlag ? path.resolve(cwd, configFlag) : undefined,
    realPath: nodeFileSystem.realpath,
  });
  const effective = new Map<ElbLensConfig, EffectiveConfig>();
  const configFor = (file: string): EffectiveConfig => {
    const config = resolver.forFile(file);
    let result = effective.get(config);
    if (!result) effective.set(config, (result = configure({ config, host: flags })));
    return result;
  };
  return { resolver, configFor };
}

/** What a check needs in every thread: configuration per file and a language service. */
export interface CheckSession {
  configFor(file: string): EffectiveConfig;
  resolver: ConfigResolver;
  service: ElbLensService;
  docsDir: string;
}

export async function createCheckSession(
  args: CheckArgs,
  io: Pick<CliIo, 'cwd' | 'env' | 'packageRoot' | 'stderr'>,
  stdin?: StdinInput,
): Promise<CheckSession> {
  const env = io.env ?? process.env;
  const cliVarFiles = args.varFiles.map((f) => path.resolve(io.cwd, f));
  // The flags over each `.elb-lens.json`: one effective configuration per configuration file.
  const flags = {
    variables: args.variables,
    varFiles: cliVarFiles,
    environmentVariables: environmentVariables(env),
    reportUnusedIgnores: args.reportUnusedIgnores,
    budget: args.budget,
  };
  const { resolver, configFor } = commandLineConfigurations(args.config, io.cwd, flags);
  const host = createNodeHost((message) => io.stderr(logLine(`${message}\n`)));
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
    const docsBase = session.docsDir + path.sep;
    try {
      return withinBudget(budgetOf(options.budget), () => analyzePlan(file, planText, { rules: options.rules, docsBase, log }));
    } catch (error) {
      if (!(error instanceof BudgetExceeded)) throw error;
      return withRuleSettings([stoppedFinding(file, `the plan ${path.basename(file)}`, error, docsBase)], options.rules);
    }
  }
  const findings: Finding[] = [];
  for (const [moduleFile, fileFindings] of session.service.analyzeModule(file, options)) {
    if (wanted(moduleFile)) findings.push(...fileFindings);
  }
  return findings;
}

/** Where a session's log lines go: to `lines` while a group is analysed in threads (put in group order later). */
export interface LogSink {
  lines: string[] | undefined;
}

/** One thread's analysis of a group by index, with the log lines written meanwhile. */
export function groupAnalyzer(
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
export function callerScanner(session: CheckSession, files: readonly string[], sink: LogSink): (start: number, end: number) => ScanPart {
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

/**
 * A worker thread of `check --jobs N`: its session starts at once; it scans files for module
 * calls and analyses groups as {@link runCheckWorker} hands them out.
 */
export async function checkWorker(init: WorkerInit): Promise<ThreadWork> {
  measureHeap();
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
      const isWanted = (file: string) => (wanted.has(file) || kindByName(file) === 'lock') && task.plans[file] === undefined;
      analyze = groupAnalyzer(session, task.groups, (f) => task.plans[f], isWanted, sink);
    },
    analyze(index) {
      if (!analyze) throw new Error('a check worker analyses groups only after it has them');
      return analyze(index);
    },
    unparsed: () => session.service.stats().unparsedTerraformPaths,
  };
}
