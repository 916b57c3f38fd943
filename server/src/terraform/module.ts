import type { ConfigAttribute, ConfigBlock, ConfigFile, Expr } from '../parse/config';
import { type VariableValue } from './evaluate';
import { Unknown, isUnknown, toStringValue, type Value } from '../model/value';
import { Scope } from './scope';
import { expand, keySuffix } from './instances';

export interface ResourceEntry {
  type: string;
  name: string;
  /** `type.name`, without module path or instance key. */
  address: string;
  block: ConfigBlock;
  file: ConfigFile;
}

/** A `module "name" { source = … }` block. */
export interface ModuleCallEntry {
  name: string;
  block: ConfigBlock;
  file: ConfigFile;
}

/** A variable value given from outside the module's `.tf` files. */
export interface VariableInput {
  name: string;
  value: Value;
  source: string;
}

/** One instance of a resource: `count`/`for_each` expanded when known. */
export interface ResourceInstance {
  entry: ResourceEntry;
  module: TerraformModule;
  /** `count.index` or `each.key`; undefined for a resource without count/for_each, or when they are unknown. */
  key: number | string | undefined;
  /** True when `count`/`for_each` is unknown: this instance stands for all of them (count.index etc. unknown). */
  abstract: boolean;
  /** Full address: `module.web.huaweicloud_elb_listener.api[1]`. */
  address: string;
  /** Where the instance's arguments are evaluated (with `count`/`each` bound). */
  scope: Scope;
}

/** Where a module call's code is, as the host resolved it. */
export type ModuleSource =
  | { dir: string; downloaded: boolean }
  /** Not on disk (registry or git source before `terraform init`, or a folder that does not exist). */
  | { unavailable: string };

/** How module instances reach the code of their child modules (given by the host, which records what is read). */
export interface ModuleLoader {
  /** The parsed `.tf`/`.tf.json` files of a module folder (those that can matter), and how to find the others' declarations. */
  files(dir: string): { files: ConfigFile[]; lazy?: DeclarationSource };
  /** Resolves a call's `source` for the module instance `caller` (`keyPath`: call names from the root, as in modules.json). */
  resolve(caller: TerraformModule, call: ModuleCallEntry, source: string | undefined, keyPath: string[]): ModuleSource;
}

/** How a child module instance was called. */
export interface ModuleParent {
  module: TerraformModule;
  call: ModuleCallEntry;
  /** The caller's scope for this instance of the call (`count`/`each` of the module block bound). */
  scope: Scope;
}

export interface ModuleContext {
  /** `module.web`, `module.web["a"].module.db`; '' for a root module. */
  address?: string;
  parent?: ModuleParent;
  loader?: ModuleLoader;
  /** Call names from the root (`["web", "db"]`), the keys of `.terraform/modules/modules.json`. */
  keyPath?: string[];
  /** True for code under `.terraform/modules` (a registry or git module): findings are shown at the call. */
  downloaded?: boolean;
  /** Files of the folder that were not parsed up front (see DeclarationSource). */
  lazy?: DeclarationSource;
}

export type DeclarationKind = 'variable' | 'local' | 'output';

/**
 * The files of a module folder that a cheap scan found no ELB resource, module call or
 * suppression comment in. They are parsed only when the module looks up a declaration
 * that may be in them; a scan can be conservative (any file naming `name` may declare it)
 * but never miss one.
 */
export interface DeclarationSource {
  filesDeclaring(kind: DeclarationKind, name: string): ConfigFile[];
}

/** Child modules deeper than this are not followed (real configurations nest a few levels). */
const MAX_MODULE_DEPTH = 12;

/**
 * A module instance: all `.tf`/`.tf.json` files of one folder with their variables, locals,
 * outputs, resources and module calls, and the values its variables get — from tfvars and
 * the host for a root module, from the caller's arguments (evaluated in the caller's scope)
 * for a child. Resource and module instances are expanded from `count`/`for_each` on demand.
 */
export class TerraformModule {
  readonly resources = new Map<string, ResourceEntry>();
  readonly calls = new Map<string, ModuleCallEntry>();
  readonly outputs = new Map<string, ConfigAttribute>();
  readonly address: string;
  readonly parent: ModuleParent | undefined;
  readonly keyPath: string[];
  readonly downloaded: boolean;
  /** The module's own scope (no `count`/`each`). */
  readonly scope: Scope;
  private readonly variables = new Map<string, { block: ConfigBlock; file: ConfigFile }>();
  private readonly locals = new Map<string, ConfigAttribute>();
  private readonly inputs = new Map<string, VariableValue>();
  private readonly callerValues = new Map<string, VariableValue | 'evaluating'>();
  private readonly resourceInstances = new Map<string, ResourceInstance[]>();
  private readonly childInstances = new Map<string, TerraformModule[]>();
  private readonly unavailableCalls = new Map<string, string>();
  private readonly loader: ModuleLoader | undefined;
  /** Files not parsed up front, asked for a declaration when one is missing. */
  private readonly lazy: DeclarationSource | undefined;
  private readonly lazyLoaded = new Set<string>();

  constructor(
    readonly dir: string,
    readonly files: ConfigFile[],
    /** Values from tfvars files and the host, lowest precedence first (root modules only). */
    inputs: VariableInput[] = [],
    context: ModuleContext = {},
  ) {
    this.address = context.address ?? '';
    this.parent = context.parent;
    this.loader = context.loader;
    this.keyPath = context.keyPath ?? [];
    this.downloaded = context.downloaded ?? false;
    this.lazy = context.lazy;
    for (const file of files) this.index(file);
    for (const input of inputs) this.inputs.set(input.name, { value: input.value, source: input.source });
    this.scope = new Scope(this);
  }

  private index(file: ConfigFile): void {
    for (const block of file.blocks) {
      if (block.type === 'resource' && block.labels.length >= 2) {
        const [type, name] = block.labels;
        const address = `${type}.${name}`;
        if (!this.resources.has(address)) this.resources.set(address, { type, name, address, block, file });
      } else if (block.type === 'variable' && block.labels.length >= 1) {
        if (!this.variables.has(block.labels[0])) this.variables.set(block.labels[0], { block, file });
      } else if (block.type === 'locals') {
        for (const [name, attribute] of block.attributes) if (!this.locals.has(name)) this.locals.set(name, attribute);
      } else if (block.type === 'module' && block.labels.length >= 1) {
        if (!this.calls.has(block.labels[0])) this.calls.set(block.labels[0], { name: block.labels[0], block, file });
      } else if (block.type === 'output' && block.labels.length >= 1) {
        const value = block.attributes.get('value');
        if (value && !this.outputs.has(block.labels[0])) this.outputs.set(block.labels[0], value);
      }
    }
  }

  /** Parses and indexes the not-yet-read files that may declare `name` (once per name). */
  private loadDeclaration(kind: DeclarationKind, name: string): void {
    const key = `${kind} ${name}`;
    if (!this.lazy || this.lazyLoaded.has(key)) return;
    this.lazyLoaded.add(key);
    for (const file of this.lazy.filesDeclaring(kind, name)) {
      if (this.files.includes(file)) continue;
      this.files.push(file);
      this.index(file);
    }
  }

  /** The `value` of an output block. */
  output(name: string): ConfigAttribute | undefined {
    if (!this.outputs.has(name)) this.loadDeclaration('output', name);
    return this.outputs.get(name);
  }

  private declaredVariable(name: string): { block: ConfigBlock; file: ConfigFile } | undefined {
    if (!this.variables.has(name)) this.loadDeclaration('variable', name);
    return this.variables.get(name);
  }

  /** The address prefix of things in this module: '' or `module.web.`. */
  get prefix(): string {
    return this.address ? `${this.address}.` : '';
  }

  get depth(): number {
    return this.keyPath.length;
  }

  evaluate(expr: Expr): Value {
    return this.scope.evaluate(expr);
  }

  evaluateAttribute(block: ConfigBlock, name: string): Value | undefined {
    return this.scope.evaluateAttribute(block, name);
  }

  variable(name: string): VariableValue | undefined {
    const declared = this.declaredVariable(name);
    if (!declared) return undefined;
    if (this.parent) {
      const fromCaller = this.callerValue(name);
      if (fromCaller) return fromCaller;
    } else {
      const given = this.inputs.get(name);
      if (given) return given;
    }
    const defaultExpr = declared.block.attributes.get('default');
    if (!defaultExpr) {
      const why = this.parent ? `${this.address} does not set it` : 'no value is given';
      return { value: new Unknown(`var.${name} has no default and ${why}`), source: 'none' };
    }
    // Defaults cannot refer to anything, so evaluating them in this module is safe.
    return { value: this.evaluate(defaultExpr.expr), source: `the default in ${shortName(declared.file.path)}` };
  }

  /** The argument the caller gives for a variable, evaluated once in the caller's scope. */
  private callerValue(name: string): VariableValue | undefined {
    const parent = this.parent;
    const argument = parent?.call.block.attributes.get(name);
    if (!parent || !argument) return undefined;
    const cached = this.callerValues.get(name);
    if (cached === 'evaluating') return { value: new Unknown(`var.${name} depends on itself through ${this.address}`), source: 'none' };
    if (cached) return cached;
    this.callerValues.set(name, 'evaluating');
    const line = argument.range.start.line + 1;
    const result: VariableValue = {
      value: parent.scope.evaluate(argument.expr),
      source: `the argument of ${this.address} in ${shortName(parent.call.file.path)}:${line}`,
    };
    this.callerValues.set(name, result);
    return result;
  }

  /** The caller's argument for a variable, for related locations (undefined in a root module). */
  callerArgument(name: string): { attribute: ConfigAttribute; parent: ModuleParent } | undefined {
    const attribute = this.parent?.call.block.attributes.get(name);
    return attribute && this.parent && this.declaredVariable(name) ? { attribute, parent: this.parent } : undefined;
  }

  local(name: string): Expr | undefined {
    if (!this.locals.has(name)) this.loadDeclaration('local', name);
    return this.locals.get(name)?.expr;
  }

  /** The instances of a resource: none for a known `count = 0` or empty `for_each`. */
  instancesOf(entry: ResourceEntry): ResourceInstance[] {
    let instances = this.resourceInstances.get(entry.address);
    if (!instances) {
      // Placeholder first: a `count` that refers to its own resource must not recurse.
      this.resourceInstances.set(entry.address, []);
      instances = expand(entry.block, this.scope).map(({ key, abstract, scope }) => ({
        entry,
        module: this,
        key,
        abstract,
        address: `${this.prefix}${entry.address}${keySuffix(key)}`,
        scope,
      }));
      this.resourceInstances.set(entry.address, instances);
    }
    return instances;
  }

  /** Every resource instance of this module, in file order. */
  allResourceInstances(): ResourceInstance[] {
    return [...this.resources.values()].flatMap((entry) => this.instancesOf(entry));
  }

  /** The module instances a call makes (none for `count = 0`, for a source that is not on disk, or too deep). */
  childrenOf(call: ModuleCallEntry): TerraformModule[] {
    let children = this.childInstances.get(call.name);
    if (children) return children;
    this.childInstances.set(call.name, []);
    children = [];
    const keyPath = [...this.keyPath, call.name];
    if (this.loader && keyPath.length <= MAX_MODULE_DEPTH) {
      const sourceValue = this.evaluateAttribute(call.block, 'source');
      const source = sourceValue !== undefined && !isUnknown(sourceValue) ? toStringValue(sourceValue) : undefined;
      const resolved = this.loader.resolve(this, call, source, keyPath);
      if ('unavailable' in resolved) this.unavailableCalls.set(call.name, resolved.unavailable);
      else if (this.isAncestorDir(resolved.dir)) this.unavailableCalls.set(call.name, 'the module calls itself');
      else {
        const loaded = this.loader.files(resolved.dir);
        for (const { key, scope } of expand(call.block, this.scope)) {
          children.push(
            new TerraformModule(resolved.dir, [...loaded.files], [], {
              lazy: loaded.lazy,
              address: `${this.prefix}module.${call.name}${keySuffix(key)}`,
              parent: { module: this, call, scope },
              loader: this.loader,
              keyPath,
              downloaded: resolved.downloaded || this.downloaded,
            }),
          );
        }
      }
    }
    this.childInstances.set(call.name, children);
    return children;
  }

  /** Why a call's code could not be read (for hover), if it could not. */
  unavailableReason(callName: string): string | undefined {
    return this.unavailableCalls.get(callName);
  }

  /** This module and every module instance below it, depth first. */
  allModules(): TerraformModule[] {
    const out: TerraformModule[] = [this];
    for (const call of this.calls.values()) for (const child of this.childrenOf(call)) out.push(...child.allModules());
    return out;
  }

  private isAncestorDir(dir: string): boolean {
    if (this.dir === dir) return true;
    for (let m = this.parent?.module; m; m = m.parent?.module) if (m.dir === dir) return true;
    return false;
  }

  // ---- compatibility with callers that think of one module (plan, tests) ----

  referencedResources(expr: Expr): ResourceEntry[] {
    return this.scope.referencedResources(expr).map((r) => r.entry);
  }

  linkedResource(block: ConfigBlock, attribute: string): ResourceEntry | undefined {
    return this.scope.linkedResource(block, attribute)?.entry;
  }
}

/** Reads variable values out of a tfvars file (HCL attributes or a JSON object). */
export function tfvarsInputs(file: ConfigFile, evaluate: (expr: Expr) => Value): VariableInput[] {
  const inputs: VariableInput[] = [];
  for (const [name, attribute] of file.attributes) {
    inputs.push({ name, value: evaluate(attribute.expr), source: shortName(file.path) });
  }
  return inputs;
}

export function shortName(filePath: string): string {
  const parts = filePath.split(/[\\/]/);
  return parts[parts.length - 1] ?? filePath;
}
