import { inLoadOrder, isOverrideFile, mergeOverride } from './overrides';
import { convertToDeclaredType } from './conversions';
import type { ConfigAttribute, ConfigBlock, ConfigFile, Expr } from '../parse/config';
import { type VariableValue } from './evaluate';
import { Unknown, isUnknown, toStringValue, type Value } from '../model/value';
import { Scope, type ModuleInstance, type ModuleParent, type ResourceInstance } from './scope';
import { expand, keySuffix } from './instances';
import type { ModuleCallEntry, ModuleTree, ResourceEntry } from './moduleParts';

/** A variable value given from outside the module's `.tf` files. */
export interface VariableInput {
  name: string;
  value: Value;
  source: string;
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
  /** Shared by a root module and every instance below it. */
  tree?: ModuleTree;
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
 * Module instances made under one root, at most: nested `count`/`for_each` multiply (two calls
 * with count = 2 per level over 12 levels would be 4^12 instances). Calls past it are not followed.
 */
export const MAX_MODULE_INSTANCES = 2000;

/**
 * References followed one inside the other (a local naming a local naming …) at most: each
 * is evaluated once, so the work is linear, but the stack grows with the chain.
 */
const MAX_REFERENCE_CHAIN = 200;

/**
 * A module instance: all `.tf`/`.tf.json` files of one folder with their variables, locals,
 * outputs, resources and module calls, and the values its variables get — from tfvars and
 * the host for a root module, from the caller's arguments (evaluated in the caller's scope)
 * for a child. Resource and module instances are expanded from `count`/`for_each` on demand.
 */
export class TerraformModule implements ModuleInstance {
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
  /** Values worked out once per module instance (EVALUATING while in progress: a second visit is a cycle). */
  private readonly variableValues = new Map<string, VariableValue | typeof EVALUATING>();
  private readonly localValues = new Map<string, Value | typeof EVALUATING>();
  private readonly outputValues = new Map<string, Value | typeof EVALUATING>();
  private readonly attributeValues = new Map<string, Value | typeof EVALUATING>();
  private readonly resourceInstances = new Map<string, ResourceInstance[]>();
  private readonly childInstances = new Map<string, TerraformModule[]>();
  private readonly unavailableCalls = new Map<string, string>();
  private readonly loader: ModuleLoader | undefined;
  /** Files not parsed up front, asked for a declaration when one is missing. */
  private readonly lazy: DeclarationSource | undefined;
  private readonly lazyLoaded = new Set<string>();
  /** Bounds shared with the root module and every instance below it. */
  readonly tree: ModuleTree;

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
    this.tree = context.tree ?? { made: 1, evaluating: 0 };
    for (const file of inLoadOrder(files)) this.index(file);
    for (const input of inputs) this.inputs.set(input.name, { value: input.value, source: input.source });
    this.scope = new Scope(this);
  }

  private index(file: ConfigFile): void {
    if (isOverrideFile(file.path)) {
      this.indexOverride(file);
      return;
    }
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

  /** Merges an override file's blocks into the blocks of the same name (see overrides.ts). */
  private indexOverride(file: ConfigFile): void {
    for (const block of file.blocks) {
      const [first, second] = block.labels;
      if (block.type === 'resource' && first !== undefined && second !== undefined) {
        const entry = this.resources.get(`${first}.${second}`);
        if (entry) this.resources.set(entry.address, { ...entry, block: mergeOverride(entry.block, block, file) });
      } else if (block.type === 'variable' && first !== undefined) {
        const entry = this.variables.get(first);
        if (entry) this.variables.set(first, { ...entry, block: mergeOverride(entry.block, block, file) });
      } else if (block.type === 'locals') {
        for (const [name, attribute] of block.attributes) if (this.locals.has(name)) this.locals.set(name, { ...attribute, file });
      } else if (block.type === 'module' && first !== undefined) {
        const entry = this.calls.get(first);
        if (entry) this.calls.set(first, { ...entry, block: mergeOverride(entry.block, block, file) });
      } else if (block.type === 'output' && first !== undefined) {
        const value = block.attributes.get('value');
        if (value && this.outputs.has(first)) this.outputs.set(first, { ...value, file });
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

  /** A variable's value (given, from the caller, or the default), worked out once; a cycle is Unknown. */
  variable(name: string): VariableValue | undefined {
    const declared = this.declaredVariable(name);
    if (!declared) return undefined;
    const through = this.parent ? ` through ${this.address}` : '';
    return this.memoised(
      this.variableValues,
      name,
      (why) => ({ value: why ?? new Unknown(`var.${name} refers to itself${through}`), source: 'none' }),
      () => {
        const found = this.variableOf(name, declared);
        return { ...found, value: convertToDeclaredType(found.value, declared.block, name) };
      },
    );
  }

  private variableOf(name: string, declared: { block: ConfigBlock; file: ConfigFile }): VariableValue {
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
    // Terraform rejects references in defaults; one that is written anyway (even to itself) is evaluated here, guarded by variable().
    return { value: this.evaluate(defaultExpr.expr), source: `the default in ${shortName(declared.file.path)}` };
  }

  /** The argument the caller gives for a variable, evaluated in the caller's scope (once: variable() keeps it). */
  private callerValue(name: string): VariableValue | undefined {
    const parent = this.parent;
    const argument = parent?.call.block.attributes.get(name);
    if (!parent || !argument) return undefined;
    const line = argument.range.start.line + 1;
    return {
      value: parent.scope.evaluate(argument.expr),
      source: `the argument of ${this.address} in ${shortName(parent.call.file.path)}:${line}`,
    };
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

  /** A local's value, evaluated once in this module instance; undefined when it is not defined. */
  localValue(name: string): Value | undefined {
    const expr = this.local(name);
    if (!expr) return undefined;
    return this.memoised(
      this.localValues,
      name,
      (why) => why ?? new Unknown(`local.${name} refers to itself`),
      () => this.scope.evaluate(expr),
    );
  }

  /** An output's value, evaluated once in this module instance; undefined when there is no such output. */
  outputValue(name: string): Value | undefined {
    const output = this.output(name);
    if (!output) return undefined;
    return this.memoised(
      this.outputValues,
      name,
      (why) => why ?? new Unknown(`output "${name}" of ${this.address || 'the root module'} refers to itself`),
      () => this.scope.evaluate(output.expr),
    );
  }

  /** A configured argument of a resource instance, evaluated once (in the instance's scope). */
  attributeValue(instance: ResourceInstance, attribute: ConfigAttribute, name: string): Value {
    return this.memoised(
      this.attributeValues,
      `${instance.address}\u0000${name}`,
      (why) => why ?? new Unknown(`${instance.address}.${name} refers to itself`),
      () => instance.scope.evaluate(attribute.expr),
    );
  }

  /**
   * The value in `table`, worked out on first use. Meeting a key again while it is worked
   * out is a cycle, `unknown()`; a chain of references past MAX_REFERENCE_CHAIN is
   * `unknown(why)`.
   */
  private memoised<K, T>(table: Map<K, T | typeof EVALUATING>, key: K, unknown: (why?: Unknown) => T, compute: () => T): T {
    const cached = table.get(key);
    if (cached === EVALUATING) return unknown();
    if (cached !== undefined) return cached;
    if (this.tree.evaluating >= MAX_REFERENCE_CHAIN) return unknown(new Unknown(`references nest more than ${MAX_REFERENCE_CHAIN} deep`));
    table.set(key, EVALUATING);
    this.tree.evaluating++;
    try {
      const value = compute();
      table.set(key, value);
      return value;
    } finally {
      this.tree.evaluating--;
    }
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
        const expansions = expand(call.block, this.scope);
        const tree = this.tree;
        if (tree.made + expansions.length > MAX_MODULE_INSTANCES) {
          tree.stoppedAt ??= `${this.prefix}module.${call.name}`;
          this.unavailableCalls.set(
            call.name,
            `it would make more than ${MAX_MODULE_INSTANCES} module instances in all (nested count or for_each)`,
          );
          expansions.length = 0;
        }
        tree.made += expansions.length;
        for (const { key, scope } of expansions) {
          children.push(
            new TerraformModule(resolved.dir, [...loaded.files], [], {
              lazy: loaded.lazy,
              address: `${this.prefix}module.${call.name}${keySuffix(key)}`,
              parent: { module: this, call, scope },
              loader: this.loader,
              keyPath,
              downloaded: resolved.downloaded || this.downloaded,
              tree,
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

/** Marks a value being worked out: meeting it again means a reference cycle. */
const EVALUATING = Symbol('evaluating');

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
