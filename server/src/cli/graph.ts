import { ANALYSIS_STOPPED_RULE_ID } from '../core/options';
import { logLine } from '../core/escape';
import * as path from 'path';
import { buildClientIpMap, planView, toDot, toJson, toMarkdown, toMermaid, toSvg, viewSource, type MapSource } from '../graph';
import { excludes, namesElbJson, unitKey, unitKindOf, walk, type FileKind } from '../project';
import { createNodeHost, nodeFileSystem, readTextFile } from '../project/nodeFs';
import type { ModelView } from '../service/api';
import { createElbLensService } from '../service/service';
import { commandLineConfigurations } from './session';
import { UsageError, type GraphArgs } from './args';
import type { CliIo } from './io';
import { writeFailure } from './output';
import { relativePath } from './report';
import { MAX_PLAN_BYTES, selectFiles } from './select';
import { nothingFound } from './usage';

const DRAWN_KINDS: ReadonlySet<FileKind> = new Set(['terraform', 'terraform-json', 'elb-json', 'kubernetes', 'plan']);

/**
 * `elb-lens graph [paths]`: the client-IP map of every module (root modules with what they
 * call), ELB JSON folder and plan under the paths, found and configured as `check` does.
 * Returns the exit code: 0, or 1 when the output cannot be written (usage errors are thrown).
 */
export async function graph(
  args: GraphArgs,
  io: CliIo,
  host: { environmentVariables: Record<string, string>; writeFile: (file: string, text: string) => void },
): Promise<number> {
  const { environmentVariables } = host;
  const cliVarFiles = args.varFiles.map((f) => path.resolve(io.cwd, f));
  for (const file of cliVarFiles) {
    if (readTextFile(file, MAX_PLAN_BYTES) === undefined) throw new UsageError(`cannot read --var-file ${file}`);
  }
  const flags = { variables: args.variables, varFiles: cliVarFiles, environmentVariables, budget: args.budget };
  const { configFor } = commandLineConfigurations(args.config, io.cwd, flags);
  const service = await createElbLensService(
    createNodeHost((message) => io.stderr(logLine(`${message}\n`))),
    { jsonFiles: (file) => namesElbJson(configFor(file), file) },
  );
  const walked = walk(
    args.paths.map((p) => path.resolve(io.cwd, p)),
    nodeFileSystem,
  );
  if (walked.missing.length > 0) throw new UsageError(`no such file or directory: ${walked.missing.join(', ')}`);
  service.setWorkspaceFiles(walked.files.map((f) => f.path));

  /** One view per root module, ELB JSON folder and plan, in the order they are first reached. */
  const views = new Map<string, ModelView>();
  /** Units whose models were asked for already. */
  const asked = new Set<string>();
  const selected = [...selectFiles(walked.files, configFor, DRAWN_KINDS)];
  const renderedRoots = service.renderedRoots().filter((root) => !excludes(configFor(root.file), root.file));
  if (selected.length === 0 && renderedRoots.length === 0) io.stderr(`elb-lens: warning: ${nothingFound(args.paths)}\n`);
  for (const { file, config, kind, content } of selected) {
    if (kind === 'plan') {
      const view = planView(file, content.text() ?? '', { rules: config.options.rules, log: (m) => io.stderr(logLine(`${m}\n`)) });
      if (view) views.set(`plan:${file}`, view);
      continue;
    }
    const unitKind = unitKindOf(kind);
    if (!unitKind || asked.has(unitKey(file, unitKind))) continue;
    asked.add(unitKey(file, unitKind));
    for (const view of service.models(file, config.options)) {
      const key = `${view.source}:${view.root}`;
      if (!views.has(key)) views.set(key, view);
    }
  }
  // kustomize overlays and Helm charts: each drawn once, from its kustomization file or Chart.yaml.
  for (const root of renderedRoots) {
    const config = configFor(root.file);
    for (const view of service.models(root.file, config.options)) {
      const key = `${view.source}:${view.root}`;
      if (!views.has(key)) views.set(key, view);
    }
  }
  const shown = (file: string) => relativePath(io.cwd, file) || '.';
  // A unit stopped at its budget is missing from the map: said once each, and the run fails (as `check` does).
  const stopped = new Set(
    [...views.values()].flatMap((v) => v.findings.filter((r) => r.finding.ruleId === ANALYSIS_STOPPED_RULE_ID).map((r) => r.finding)),
  );
  for (const finding of stopped) io.stderr(logLine(`elb-lens: ${shown(finding.file)}: ${finding.message}\n`));
  const sources: MapSource[] = [...views.values()]
    .filter((v) => v.model.listeners.length + v.model.loadBalancers.length + v.model.pools.length + v.model.members.length > 0)
    .map((v) => viewSource(v, shown))
    .sort((a, b) => a.name.localeCompare(b.name) || a.source.localeCompare(b.source));
  const map = buildClientIpMap(sources);
  const output =
    args.format === 'mermaid'
      ? toMermaid(map)
      : args.format === 'markdown'
        ? toMarkdown(map)
        : args.format === 'dot'
          ? toDot(map)
          : args.format === 'svg'
            ? toSvg(map)
            : toJson(map, shown);
  const code = stopped.size > 0 ? 1 : 0;
  if (!args.output) {
    io.stdout(output);
    return code;
  }
  try {
    host.writeFile(path.resolve(io.cwd, args.output), output);
  } catch (error) {
    io.stderr(`elb-lens: cannot write ${args.output}: ${writeFailure(error)}\n`);
    return 1;
  }
  return code;
}
