import type { ConfigAttribute, ConfigBlock, ConfigFile, Expr } from '../parse/config';
import { Evaluator, Unknown, isUnknown, type EvalScope, type Value, type VariableValue } from './evaluate';

export interface ResourceEntry {
  type: string;
  name: string;
  address: string;
  block: ConfigBlock;
  file: ConfigFile;
}

/** A variable value given from outside the module's `.tf` files. */
export interface VariableInput {
  name: string;
  value: Value;
  source: string;
}

/**
 * All `.tf`/`.tf.json` files of one directory, with their variables, locals and
 * resources indexed for evaluation and reference resolution.
 */
export class TerraformModule implements EvalScope {
  readonly resources = new Map<string, ResourceEntry>();
  private readonly variables = new Map<string, { block: ConfigBlock; file: ConfigFile }>();
  private readonly locals = new Map<string, ConfigAttribute>();
  private readonly inputs = new Map<string, VariableValue>();
  private readonly evaluator: Evaluator;

  constructor(
    readonly dir: string,
    readonly files: ConfigFile[],
    /** Values from tfvars files and the host, lowest precedence first. */
    inputs: VariableInput[],
  ) {
    for (const file of files) {
      for (const block of file.blocks) {
        if (block.type === 'resource' && block.labels.length >= 2) {
          const [type, name] = block.labels;
          const address = `${type}.${name}`;
          if (!this.resources.has(address)) this.resources.set(address, { type, name, address, block, file });
        } else if (block.type === 'variable' && block.labels.length >= 1) {
          if (!this.variables.has(block.labels[0])) this.variables.set(block.labels[0], { block, file });
        } else if (block.type === 'locals') {
          for (const [name, attribute] of block.attributes) if (!this.locals.has(name)) this.locals.set(name, attribute);
        }
      }
    }
    for (const input of inputs) this.inputs.set(input.name, { value: input.value, source: input.source });
    this.evaluator = new Evaluator(this);
  }

  evaluate(expr: Expr): Value {
    return this.evaluator.evaluate(expr);
  }

  evaluateAttribute(block: ConfigBlock, name: string): Value | undefined {
    const attribute = block.attributes.get(name);
    return attribute ? this.evaluate(attribute.expr) : undefined;
  }

  variable(name: string): VariableValue | undefined {
    const declared = this.variables.get(name);
    if (!declared) return undefined;
    const given = this.inputs.get(name);
    if (given) return given;
    const defaultExpr = declared.block.attributes.get('default');
    if (!defaultExpr) return { value: new Unknown(`var.${name} has no default and no value is given`), source: 'none' };
    // Defaults cannot refer to anything, so evaluating them in this module is safe.
    return { value: this.evaluate(defaultExpr.expr), source: `the default in ${shortName(declared.file.path)}` };
  }

  local(name: string): Expr | undefined {
    return this.locals.get(name)?.expr;
  }

  hasResource(type: string, name: string): boolean {
    return this.resources.has(`${type}.${name}`);
  }

  resourceAttribute(type: string, name: string, attribute: string): Expr | undefined {
    return this.resources.get(`${type}.${name}`)?.block.attributes.get(attribute)?.expr;
  }

  /**
   * The resources an expression refers to, looking through locals, templates,
   * conditionals (both branches) and function arguments.
   */
  referencedResources(expr: Expr, seenLocals = new Set<string>()): ResourceEntry[] {
    const found: ResourceEntry[] = [];
    this.visitReferences(expr, seenLocals, (entry) => {
      if (!found.includes(entry)) found.push(entry);
    });
    return found;
  }

  /** Calls `visit` for every resource reference, with the attribute named after it. */
  visitReferences(
    expr: Expr,
    seenLocals: Set<string>,
    visit: (entry: ResourceEntry, attribute: string | undefined) => void,
    depth = 0,
  ): void {
    if (depth > 64) return;
    const recurse = (e: Expr) => this.visitReferences(e, seenLocals, visit, depth + 1);
    switch (expr.kind) {
      case 'traversal': {
        const first = expr.steps[0];
        if (first?.kind !== 'attr') return;
        if (expr.root === 'local') {
          if (seenLocals.has(first.name)) return;
          seenLocals.add(first.name);
          const localExpr = this.local(first.name);
          if (localExpr) recurse(localExpr);
          return;
        }
        const entry = this.resources.get(`${expr.root}.${first.name}`);
        if (entry) {
          const attr = expr.steps.slice(1).find((s) => s.kind === 'attr');
          visit(entry, attr?.kind === 'attr' ? attr.name : undefined);
        }
        for (const step of expr.steps) if (step.kind === 'index') recurse(step.key);
        return;
      }
      case 'template':
        expr.parts.forEach(recurse);
        return;
      case 'conditional':
        recurse(expr.condition);
        recurse(expr.whenTrue);
        recurse(expr.whenFalse);
        return;
      case 'call':
        expr.args.forEach(recurse);
        return;
      case 'tuple':
        expr.items.forEach(recurse);
        return;
      case 'object':
        expr.entries.forEach((e) => {
          recurse(e.key);
          recurse(e.value);
        });
        return;
      case 'unary':
        recurse(expr.operand);
        return;
      case 'binary':
        recurse(expr.left);
        recurse(expr.right);
        return;
      case 'parens':
        recurse(expr.inner);
        return;
      default:
        return;
    }
  }

  /** The single resource an id-like attribute points at (`loadbalancer_id = x.lb.id`). */
  linkedResource(block: ConfigBlock, attribute: string): ResourceEntry | undefined {
    const attr = block.attributes.get(attribute);
    if (!attr) return undefined;
    const targets = this.referencedResources(attr.expr);
    return targets.length === 1 ? targets[0] : undefined;
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

export { isUnknown };
