import type { Finding } from '../core/types';
import type { AnalysisOptions } from '../core/options';
import type { ElbModel } from '../model/elb';
import type { ConfigBlock, ConfigFile } from '../parse/config';
import { mergeInstanceFindings, type ReportedFinding } from '../rules/support/instanceFindings';
import * as path from 'path';
import { Unknown, type KnownValue, type Value } from '../model/value';
import {
  MAX_MODULE_INSTANCES,
  TerraformModule,
  tfvarsInputs,
  type ModuleLoader,
  type ModuleSource,
  type VariableInput,
} from '../terraform/module';
import type { ModuleInstance } from '../terraform/scope';
import { modulesManifestPath } from '../terraform/files';
import { buildTerraformModel } from '../terraform/toModel';
import { LOCK_FILE_NAME, parseLockFile, providerVersions, type LockFile } from '../terraform/providerVersions';
import { onceEach, versionProblemFindings } from './versionFindings';
import { syntaxErrorFindings } from './syntaxFindings';
import { isAutoTfvarsName, isJsonVariablesFile } from './classify';
import { ProjectFiles, MAX_FILE_CHARS } from './files';
import type { RenderedUnit } from './renderedUnits';
import { isLocalSource } from './callers';
import { BudgetExceeded, budgetOf, stoppedFinding, withinBudget } from '../core/budget';

/**
 * Terraform analysis units: a root module with every module instance it calls, built into one
 * ELB model and checked by one rule run, with every file and folder read on the way (a change
 * to any of them, and only those, drops the unit). Module code is found through the caller's
 * local paths and `.terraform/modules/modules.json`; values come from tfvars, var files,
 * `TF_VAR_` variables and values given to ELB Lens.
 */

/**
 * A root module and every module instance it calls, analysed together, with every file and
 * folder read on the way: a change to any of them (and only those) invalidates it.
 */
export interface AnalysisUnit {
  root: string;
  key: string;
  model: ElbModel;
  reported: ReportedFinding[];
  reads: Set<string>;
  listedDirs: Set<string>;
  /** Module blocks whose code could not be read, with the reason (for hover). */
  unavailableCalls: Map<ConfigBlock, string>;
  /** The root's `.terraform.lock.hcl`, when there is one (its problems are findings on it). */
  lockFile?: ConfigFile;
}

/** What a host is shown for a unit: its model, files and findings (a Terraform folder, an ELB JSON folder, a manifest). */
export interface ModuleAnalysis {
  key: string;
  model: ElbModel;
  files: ConfigFile[];
  /** Findings before severities and suppressions are applied. */
  rawFindings: Finding[];
  /** The Terraform analysis units (root modules with everything they call) this folder's findings come from. */
  units?: AnalysisUnit[];
  /** The folder's other Terraform files (not parsed: a scan showed nothing in them can matter). */
  otherPaths?: string[];
  /** ELB JSON: the findings with their nodes, before they were merged. */
  reported?: ReportedFinding[];
  /** The kustomize overlays and Helm charts that read the file. */
  renderedUnits?: RenderedUnit[];
}

export class TerraformUnits {
  /** Terraform analysis units by root folder. */
  private readonly units = new Map<string, AnalysisUnit>();

  constructor(
    private readonly files: ProjectFiles,
    private readonly docsBase: string,
    private readonly runRules: (model: ElbModel) => ReportedFinding[],
    private readonly log: ((message: string) => void) | undefined,
  ) {}

  /** The unit of `root` if it is cached. */
  cached(root: string): AnalysisUnit | undefined {
    return this.units.get(root);
  }

  /** Drops the units that read the file or listed its folder. */
  invalidate(filePath: string): void {
    const dir = path.dirname(filePath);
    for (const [root, unit] of this.units) {
      if (unit.reads.has(filePath) || unit.listedDirs.has(dir)) this.units.delete(root);
    }
  }

  /**
   * The analysis of a Terraform folder: the units of the root modules that reach it (`roots`),
   * their findings in the folder's files (merged across instances), and the folder's files.
   */
  folder(filePath: string, roots: string[], options: AnalysisOptions, key: string | undefined): ModuleAnalysis {
    const dir = path.dirname(filePath);
    const ownSources = this.files.moduleSources(dir);
    const own = ownSources.files;
    // A file asked for but no longer listed (deleted since): reading it reports it as skipped.
    if (!this.files.isOpen(filePath) && !this.files.terraformPaths(dir).includes(filePath)) this.files.configFile(filePath);
    if (roots.length === 1 && roots[0] === dir && own.length === 0) {
      // No ELB resource, no module call: nothing here can produce a finding; nothing else is read.
      return {
        key: key ?? '',
        model: combineModels([]),
        files: [],
        rawFindings: [],
        units: [],
        otherPaths: ownSources.deferred,
      };
    }
    const units = roots.map((root) => this.unit(root, options, key));
    const paths = new Set(this.files.terraformPaths(dir));
    // Merged first: a finding in downloaded module code moves to the calling file.
    for (const u of units) if (u.root === dir && u.lockFile) paths.add(u.lockFile.path);
    const findings = mergeInstanceFindings(onceEach(units.flatMap((u) => u.reported))).filter((f) => paths.has(f.file));
    // The files results are given for: those parsed anyway, and those with findings (for their suppressions).
    const files = [...own];
    // A root module's lock file: findings about it are shown with its folder's.
    for (const u of units) if (u.root === dir && u.lockFile) files.push(u.lockFile);
    for (const extra of new Set([filePath, ...findings.map((f) => f.file)])) {
      if (!files.some((f) => f.path === extra)) {
        const file = paths.has(extra) ? this.files.configFile(extra) : undefined;
        if (file) files.push(file);
      }
    }
    return {
      key: key ?? '',
      model: combineModels(units.map((u) => u.model)),
      files,
      rawFindings: findings,
      units,
      otherPaths: ownSources.deferred,
    };
  }

  clear(): void {
    this.units.clear();
  }

  /** The analysis unit of a root module folder (cached until a file it read changes). */
  unit(root: string, options: AnalysisOptions, key: string | undefined): AnalysisUnit {
    const cached = this.units.get(root);
    if (cached && key !== undefined && cached.key === key) return cached;
    const recording = { reads: new Set<string>(), listedDirs: new Set<string>() };
    const previous = this.files.recording;
    this.files.recording = recording;
    try {
      const unit = withinBudget(budgetOf(options.budget), () => this.analyse(root, options, key, recording));
      if (key !== undefined) this.units.set(root, unit);
      return unit;
    } catch (error) {
      if (!(error instanceof BudgetExceeded)) throw error;
      // Reported once, by the unit kept until a file it read changes; the other units go on.
      const file = this.files.terraformPaths(root)[0] ?? root;
      const finding = stoppedFinding(file, `the root module in ${path.basename(root)}/`, error, this.docsBase);
      const unit: AnalysisUnit = {
        root,
        key: key ?? '',
        model: combineModels([]),
        reported: [{ finding }],
        unavailableCalls: new Map(),
        ...recording,
      };
      if (key !== undefined) this.units.set(root, unit);
      return unit;
    } finally {
      this.files.recording = previous;
    }
  }

  /** A root module unit's model and findings (within its budget: see `unit`). */
  private analyse(
    root: string,
    options: AnalysisOptions,
    key: string | undefined,
    recording: Pick<AnalysisUnit, 'reads' | 'listedDirs'>,
  ): AnalysisUnit {
    const loader: ModuleLoader = {
      files: (dir) => this.files.moduleSources(dir),
      resolve: (caller, _call, source, keyPath) => this.resolveModuleSource(caller, source, keyPath),
    };
    const sources = this.files.moduleSources(root);
    const module = new TerraformModule(root, sources.files, this.variableInputs(root, options), { loader, lazy: sources.lazy });
    const lock = this.lockFile(root);
    const versions = providerVersions(module, lock);
    const model = buildTerraformModel(module, versions, { network: options.kubernetes?.network });
    const unavailableCalls = new Map<ConfigBlock, string>();
    for (const instance of module.allModules()) {
      for (const call of instance.calls.values()) {
        const reason = instance.unavailableReason(call.name);
        if (reason) unavailableCalls.set(call.block, reason);
      }
    }
    const stoppedAt = module.tree.stoppedAt;
    if (stoppedAt)
      this.log?.(
        `elb-lens: ${root}: ${stoppedAt} and later module calls are not followed: more than ${MAX_MODULE_INSTANCES} module instances (nested count or for_each); the rest is analysed`,
      );
    const parsedFiles = new Set(module.allModules().flatMap((instance) => instance.files));
    const reported = [
      ...this.runRules(model),
      ...versionProblemFindings(versions.problems, this.docsBase),
      ...onceEach(syntaxErrorFindings([...parsedFiles], (file) => this.files.mayMatter(file.path, file.text), this.docsBase)),
    ];
    return {
      root,
      key: key ?? '',
      model,
      reported,
      unavailableCalls,
      ...recording,
      ...(lock ? { lockFile: lock.file } : {}),
    };
  }

  /** The `.terraform.lock.hcl` of a root module folder, parsed (every block read). */
  private lockFile(dir: string): LockFile | undefined {
    const file = path.join(dir, LOCK_FILE_NAME);
    this.files.noteRead(file);
    const text = this.files.text(file);
    if (text === undefined || text.length > MAX_FILE_CHARS) return undefined;
    try {
      return parseLockFile(this.files.parser, file, text);
    } catch {
      return undefined; // never stops the analysis: the versions come from elsewhere
    }
  }

  /**
   * Where a module call's code is: `.terraform/modules/modules.json` of the root module (what
   * `terraform init` downloaded or linked), else a local path; registry and git sources
   * without modules.json are not available.
   */
  private resolveModuleSource(caller: TerraformModule, source: string | undefined, keyPath: string[]): ModuleSource {
    let root: ModuleInstance = caller;
    while (root.parent) root = root.parent.module;
    const manifest = this.modulesManifest(root.dir);
    const entry = manifest?.get(keyPath.join('.'));
    if (entry !== undefined) {
      const dir = path.resolve(root.dir, entry);
      return { dir, downloaded: /(^|[\\/])\.terraform[\\/]/.test(path.relative(root.dir, dir)) };
    }
    if (source === undefined) return { unavailable: 'its source is not a plain string' };
    if (isLocalSource(source)) return { dir: path.resolve(caller.dir, source), downloaded: caller.downloaded };
    return { unavailable: `module source "${source}" not downloaded: run terraform init` };
  }

  /** Key (`web.db`) → folder, from `.terraform/modules/modules.json`; undefined when there is none. */
  private modulesManifest(rootDir: string): Map<string, string> | undefined {
    const file = modulesManifestPath(rootDir);
    const text = this.files.readFromHost(file);
    if (text === undefined) return undefined;
    try {
      const parsed = JSON.parse(text) as { Modules?: { Key?: unknown; Dir?: unknown }[] };
      const map = new Map<string, string>();
      for (const m of parsed.Modules ?? []) if (typeof m.Key === 'string' && m.Key && typeof m.Dir === 'string') map.set(m.Key, m.Dir);
      return map;
    } catch {
      return undefined;
    }
  }

  private variableInputs(dir: string, options: AnalysisOptions): VariableInput[] {
    const inputs: VariableInput[] = [];
    for (const [name, value] of Object.entries(options.environmentVariables ?? {})) {
      inputs.push({ name, value, source: `the environment variable TF_VAR_${name}` });
    }
    const names = this.files.listDirectory(dir).filter(isAutoTfvarsName);
    // Terraform's order: terraform.tfvars, terraform.tfvars.json, then *.auto.tfvars* by name.
    const ordered = [
      ...names.filter((n) => n === 'terraform.tfvars'),
      ...names.filter((n) => n === 'terraform.tfvars.json'),
      ...names.filter((n) => n.includes('.auto.tfvars')).sort(),
    ];
    const files = [...ordered.map((n) => path.join(dir, n)), ...(options.varFiles ?? [])];
    for (const file of files) inputs.push(...this.readTfvars(file));
    for (const [name, value] of Object.entries(options.variables ?? {})) {
      inputs.push({ name, value: toValue(value), source: 'a value given to ELB Lens' });
    }
    return inputs;
  }

  private readTfvars(filePath: string): VariableInput[] {
    this.files.noteRead(filePath);
    const text = this.files.text(filePath);
    if (text === undefined || text.length > MAX_FILE_CHARS) return [];
    const source = path.basename(filePath);
    if (isJsonVariablesFile(filePath)) {
      try {
        const parsed: unknown = JSON.parse(text);
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return [];
        return Object.entries(parsed as Record<string, unknown>).map(([name, value]) => ({ name, value: toValue(value), source }));
      } catch {
        return [];
      }
    }
    const config = this.files.parseText(filePath, text);
    if (!config) return [];
    // tfvars values are constants: evaluate them in an empty module.
    const empty = new TerraformModule(path.dirname(filePath), [], []);
    return tfvarsInputs(config, (expr) => empty.evaluate(expr));
  }
}

function toValue(value: unknown): Value {
  if (value === undefined) return new Unknown('no value');
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'object') return value as KnownValue;
  return new Unknown('unsupported value');
}

/** One model over several units' models (a folder reached from several root modules). */
export function combineModels(models: ElbModel[]): ElbModel {
  if (models.length === 1) return models[0];
  // Several root modules reach the folder (or none: an empty model).
  return {
    loadBalancers: models.flatMap((m) => m.loadBalancers),
    listeners: models.flatMap((m) => m.listeners),
    pools: models.flatMap((m) => m.pools),
    members: models.flatMap((m) => m.members),
    instances: models.flatMap((m) => m.instances),
    ipGroups: models.flatMap((m) => m.ipGroups),
    unrecognized: models.flatMap((m) => m.unrecognized ?? []),
    nodeForBlock: (block) => {
      for (const m of models) {
        const node = m.nodeForBlock(block);
        if (node) return node;
      }
      return undefined;
    },
  };
}
