import type { RelatedLocation } from '../core/types';
import type { ConfigAttribute, ConfigBlock, Expr } from '../parse/config';
import { exprText, forEachChildExpr } from '../parse/config';
import { Evaluator, type EvalScope, type TraversalSteps, type VariableValue } from './evaluate';
import { Unknown, isUnknown, type Value } from '../model/value';
import type { ModuleCallEntry, ResourceEntry } from './moduleParts';

/**
 * A module instance as its scopes and resource instances see it. TerraformModule (module.ts)
 * implements it; declaring it here keeps the imports one way (module.ts → scope.ts).
 */
export interface ModuleInstance {
  /** `module.web`, `module.web["a"].module.db`; '' for a root module. */
  readonly address: string;
  readonly dir: string;
  /** Code under `.terraform/modules` (not the user's own). */
  readonly downloaded: boolean;
  readonly parent: ModuleParent | undefined;
  /** The module's own scope (no `count`/`each`). */
  readonly scope: Scope;
  readonly resources: ReadonlyMap<string, ResourceEntry>;
  readonly calls: ReadonlyMap<string, ModuleCallEntry>;
  variable(name: string): VariableValue | undefined;
  local(name: string): Expr | undefined;
  localValue(name: string): Value | undefined;
  output(name: string): ConfigAttribute | undefined;
  outputValue(name: string): Value | undefined;
  /** A configured argument of a resource instance, evaluated once (in the instance's scope). */
  attributeValue(instance: ResourceInstance, attribute: ConfigAttribute, name: string): Value;
  /** The caller's argument for a variable (undefined in a root module). */
  callerArgument(name: string): { attribute: ConfigAttribute; parent: ModuleParent } | undefined;
  instancesOf(entry: ResourceEntry): ResourceInstance[];
  childrenOf(call: ModuleCallEntry): ModuleInstance[];
  /** Why a call's code could not be read, if it could not. */
  unavailableReason(callName: string): string | undefined;
}

/** One instance of a resource: `count`/`for_each` expanded when known. */
export interface ResourceInstance {
  entry: ResourceEntry;
  module: ModuleInstance;
  /** `count.index` or `each.key`; undefined for a resource without count/for_each, or when they are unknown. */
  key: number | string | undefined;
  /** True when `count`/`for_each` is unknown: this instance stands for all of them (count.index etc. unknown). */
  abstract: boolean;
  /** Full address: `module.web.huaweicloud_elb_listener.api[1]`. */
  address: string;
  /** Where the instance's arguments are evaluated (with `count`/`each` bound). */
  scope: Scope;
}

/** How a child module instance was called. */
export interface ModuleParent {
  module: ModuleInstance;
  call: ModuleCallEntry;
  /** The caller's scope for this instance of the call (`count`/`each` of the module block bound). */
  scope: Scope;
}

/** A name bound in a scope (`count`, `each`, a dynamic block's iterator) and the expression it came from. */
export interface Binding {
  value: Value;
  /** The `count`/`for_each` expression and the scope it is evaluated in, to trace values back to callers. */
  origin?: { scope: Scope; expr: Expr };
}

const MAX_DEPTH = 64;

/**
 * Where an expression is evaluated: a module instance plus the names bound by `count`,
 * `for_each` and `dynamic` blocks. Resolves references across module boundaries: a
 * variable to its caller's argument (in the caller's scope), `module.x.out` to the
 * child's output, `type.name[1]` to that resource instance.
 */
export class Scope implements EvalScope {
  private evaluatorInstance: Evaluator | undefined;

  constructor(
    readonly module: ModuleInstance,
    private readonly bindings: ReadonlyMap<string, Binding> = new Map(),
  ) {}

  /** This scope with one more name bound. */
  with(name: string, binding: Binding): Scope {
    const bindings = new Map(this.bindings);
    bindings.set(name, binding);
    return new Scope(this.module, bindings);
  }

  private get evaluator(): Evaluator {
    this.evaluatorInstance ??= new Evaluator(this);
    return this.evaluatorInstance;
  }

  evaluate(expr: Expr, depth = 0): Value {
    return this.evaluator.evaluate(expr, depth);
  }

  evaluateAttribute(block: ConfigBlock, name: string): Value | undefined {
    const attribute = block.attributes.get(name);
    return attribute ? this.evaluate(attribute.expr) : undefined;
  }

  // ---- EvalScope ----

  variable(name: string): VariableValue | undefined {
    return this.module.variable(name);
  }

  localValue(name: string): Value | undefined {
    return this.module.localValue(name);
  }

  iteration(root: string): Value | undefined {
    return this.bindings.get(root)?.value;
  }

  resourceValue(type: string, name: string, steps: TraversalSteps, depth: number): Value | undefined {
    const entry = this.module.resources.get(`${type}.${name}`);
    if (!entry) return undefined;
    if (depth > MAX_DEPTH) return new Unknown('references nest too deeply');
    const instances = this.module.instancesOf(entry);
    const picked = this.pickInstance(instances, steps, depth, `${type}.${name}`);
    if (picked.instance instanceof Unknown) {
      // `type.name[count.index].attr` where the key is unknown: known when every instance agrees.
      if (!picked.keyUnknown || instances.length === 0) return picked.instance;
      const values = instances.map((instance) => this.instanceValue(instance, picked.rest, depth));
      const first = values[0];
      return values.every((v) => !isUnknown(v) && JSON.stringify(v) === JSON.stringify(first)) ? first : picked.instance;
    }
    return this.instanceValue(picked.instance, picked.rest, depth);
  }

  private instanceValue(instance: ResourceInstance, rest: TraversalSteps, depth: number): Value {
    const attrStep = rest[0];
    if (!attrStep || attrStep.kind !== 'attr') return new Unknown(`${instance.address} is a resource, not a value`);
    const configured = instance.entry.block.attributes.get(attrStep.name);
    if (!configured) return new Unknown(`${instance.address}.${attrStep.name} is computed when Terraform runs`);
    const value = instance.module.attributeValue(instance, configured, attrStep.name);
    return this.evaluator.applySteps(value, rest.slice(1), depth);
  }

  moduleValue(name: string, steps: TraversalSteps, depth: number): Value | undefined {
    const call = this.module.calls.get(name);
    if (!call) return undefined;
    if (depth > MAX_DEPTH) return new Unknown('references nest too deeply');
    const children = this.module.childrenOf(call);
    if (children.length === 0) {
      const why = this.module.unavailableReason(name);
      return new Unknown(`module.${name} ${why ? `cannot be read (${why})` : 'has no instances here'}`);
    }
    const picked = this.pickChild(children, steps, depth, name);
    if (picked.child instanceof Unknown) return picked.child;
    const { child, rest } = picked;
    const outputStep = rest[0];
    if (!outputStep || outputStep.kind !== 'attr') return new Unknown(`module.${name} is a module, not a value`);
    const output = child.outputValue(outputStep.name);
    if (output === undefined) return new Unknown(`${child.address} has no output "${outputStep.name}"`);
    return this.evaluator.applySteps(output, rest.slice(1), depth);
  }

  /** The instance a traversal names: `[key]` picks one; no key is the only instance. */
  private pickInstance(
    instances: ResourceInstance[],
    steps: TraversalSteps,
    depth: number,
    label: string,
  ): { instance: ResourceInstance | Unknown; rest: TraversalSteps; keyUnknown?: boolean } {
    const first = steps[0];
    if (first?.kind === 'splat') return { instance: new Unknown(`${label}[*] is a list of instances`), rest: steps };
    if (first?.kind === 'index') {
      const key = this.evaluate(first.key, depth + 1);
      const rest = steps.slice(1);
      const abstract = instances.find((i) => i.abstract);
      if (abstract) return { instance: abstract, rest };
      if (isUnknown(key)) return { instance: key, rest, keyUnknown: true };
      const found = instances.find((i) => i.key !== undefined && String(i.key) === String(key));
      return { instance: found ?? new Unknown(`${label} has no instance [${JSON.stringify(key)}]`), rest };
    }
    if (instances.length === 1) return { instance: instances[0], rest: steps };
    if (instances.length === 0) return { instance: new Unknown(`${label} has no instances`), rest: steps };
    return { instance: new Unknown(`${label} has several instances`), rest: steps };
  }

  private pickChild(
    children: ModuleInstance[],
    steps: TraversalSteps,
    depth: number,
    name: string,
  ): { child: ModuleInstance | Unknown; rest: TraversalSteps } {
    const first = steps[0];
    if (first?.kind === 'index') {
      const key = this.evaluate(first.key, depth + 1);
      if (isUnknown(key)) return { child: key, rest: steps.slice(1) };
      const found = children.find((c) => c.address.endsWith(`module.${name}[${typeof key === 'number' ? key : JSON.stringify(key)}]`));
      return { child: found ?? new Unknown(`module.${name} has no instance [${JSON.stringify(key)}]`), rest: steps.slice(1) };
    }
    if (children.length === 1) return { child: children[0], rest: steps };
    return { child: new Unknown(`module.${name} has several instances`), rest: steps };
  }

  // ---- references ----

  /**
   * Calls `visit` for each resource instance an expression refers to, following locals,
   * variables into the caller's arguments, `module.x.out` into the child's output, and
   * `count`/`each`/iterators into their `count`/`for_each` expression. Of a conditional,
   * only the chosen branch when the condition is known.
   */
  visitReferences(expr: Expr, visit: (instance: ResourceInstance, attribute: string | undefined) => void): void {
    this.visit(expr, visit, new Set(), 0);
  }

  private visit(
    expr: Expr,
    visitor: (instance: ResourceInstance, attribute: string | undefined) => void,
    seen: Set<string>,
    depth: number,
  ): void {
    if (depth > MAX_DEPTH) return;
    const recurse = (e: Expr, scope: Scope = this) => scope.visit(e, visitor, seen, depth + 1);
    switch (expr.kind) {
      case 'traversal': {
        const { root, steps } = expr;
        for (const step of steps) if (step.kind === 'index') recurse(step.key);
        const first = steps[0];
        const binding = this.bindings.get(root);
        if (binding) {
          if (binding.origin) recurse(binding.origin.expr, binding.origin.scope);
          return;
        }
        if (first?.kind !== 'attr') return;
        const guard = `${this.module.address}|${root}.${first.name}`;
        if (root === 'local' || root === 'var' || root === 'module') {
          if (seen.has(guard)) return;
          seen.add(guard);
        }
        if (root === 'local') {
          const localExpr = this.module.local(first.name);
          if (localExpr) recurse(localExpr);
          return;
        }
        if (root === 'var') {
          const argument = this.module.callerArgument(first.name);
          if (argument) recurse(argument.attribute.expr, argument.parent.scope);
          return;
        }
        if (root === 'module') {
          const call = this.module.calls.get(first.name);
          if (!call) return;
          const children = this.module.childrenOf(call);
          const picked = this.pickChild(children, steps.slice(1), depth, first.name);
          const output = picked.rest[0];
          if (picked.child instanceof Unknown || output?.kind !== 'attr') return;
          const outputExpr = picked.child.output(output.name);
          if (outputExpr) recurse(outputExpr.expr, picked.child.scope);
          return;
        }
        const entry = this.module.resources.get(`${root}.${first.name}`);
        if (!entry) return;
        const instances = this.module.instancesOf(entry);
        const picked = this.pickInstance(instances, steps.slice(1), depth, entry.address);
        // A reference whose instance cannot be told (unknown key among several): no link, rather than a guess.
        if (picked.instance instanceof Unknown) return;
        const instance = picked.instance;
        const attr = picked.rest.find((s) => s.kind === 'attr');
        visitor(instance, attr?.kind === 'attr' ? attr.name : undefined);
        return;
      }
      case 'conditional': {
        const condition = this.evaluate(expr.condition);
        const truth = isUnknown(condition)
          ? undefined
          : condition === true || condition === 'true'
            ? true
            : condition === false || condition === 'false'
              ? false
              : undefined;
        if (truth === undefined) {
          recurse(expr.condition);
          recurse(expr.whenTrue);
          recurse(expr.whenFalse);
        } else recurse(truth ? expr.whenTrue : expr.whenFalse);
        return;
      }
      // A plan's known value: only what `references` names is linked (see Expr).
      case 'annotated':
        recurse(expr.references);
        return;
      default:
        forEachChildExpr(expr, (child) => recurse(child));
        return;
    }
  }

  /** The resource instances an expression refers to (see visitReferences). */
  referencedResources(expr: Expr): ResourceInstance[] {
    const found: ResourceInstance[] = [];
    this.visitReferences(expr, (instance) => {
      if (!found.includes(instance)) found.push(instance);
    });
    return found;
  }

  /** The single resource instance an id-like attribute points at (`loadbalancer_id = x.lb.id`). */
  linkedResource(block: ConfigBlock, attribute: string): ResourceInstance | undefined {
    const attr = block.attributes.get(attribute);
    if (!attr) return undefined;
    const targets = this.referencedResources(attr.expr);
    return targets.length === 1 ? targets[0] : undefined;
  }

  /**
   * The callers' arguments that supply values to an expression (through variables, locals,
   * `count`, `each` and iterators), as related locations naming the module instance.
   */
  callerSources(expr: Expr): RelatedLocation[] {
    const out: RelatedLocation[] = [];
    this.sources(expr, out, new Set(), 0);
    return out;
  }

  private sources(expr: Expr, out: RelatedLocation[], seen: Set<string>, depth: number): void {
    if (depth > MAX_DEPTH) return;
    const recurse = (e: Expr, scope: Scope = this) => scope.sources(e, out, seen, depth + 1);
    // A plan's known value (annotated) is not walked: its value needs no caller sources.
    if (expr.kind !== 'annotated') forEachChildExpr(expr, (child) => recurse(child));
    if (expr.kind !== 'traversal') return;
    const binding = this.bindings.get(expr.root);
    if (binding?.origin) {
      recurse(binding.origin.expr, binding.origin.scope);
      return;
    }
    const first = expr.steps[0];
    if (first?.kind !== 'attr') return;
    const guard = `${this.module.address}|${expr.root}.${first.name}`;
    if (seen.has(guard)) return;
    seen.add(guard);
    if (expr.root === 'local') {
      const localExpr = this.module.local(first.name);
      if (localExpr) recurse(localExpr);
    } else if (expr.root === 'var') {
      const argument = this.module.callerArgument(first.name);
      if (!argument) return;
      const { attribute, parent } = argument;
      const value = this.module.variable(first.name)?.value;
      const shown = value === undefined || isUnknown(value) ? exprText(parent.call.file, attribute.expr) : JSON.stringify(value);
      out.push({
        file: parent.call.file.path,
        range: attribute.range,
        message: `${this.module.address} gets var.${first.name} = ${shown} here`,
      });
      recurse(attribute.expr, parent.scope);
    }
  }
}
