import type { Position, Range } from '../core/types';
import type { LineIndex } from './positions';

/**
 * A syntax-neutral view of a configuration file: blocks with attributes and nested
 * blocks, and expressions as a small tree. HCL (.tf), Terraform JSON (.tf.json) map
 * into it, so evaluation and the ELB model never see a parser.
 */

/** `elbjson`: ELB API JSON (`.json`/`.jsonc` request bodies and responses), see elbjson/; `yaml`: Kubernetes manifests, see kubernetes/. */
export type FileFormat = 'hcl' | 'tfjson' | 'elbjson' | 'yaml';

export type Expr =
  | { kind: 'literal'; value: string | number | boolean | null; range: Range }
  | { kind: 'template'; parts: Expr[]; range: Range }
  | { kind: 'traversal'; root: string; steps: TraversalStep[]; range: Range }
  | { kind: 'conditional'; condition: Expr; whenTrue: Expr; whenFalse: Expr; range: Range }
  | { kind: 'call'; name: string; args: Expr[]; range: Range }
  | { kind: 'tuple'; items: Expr[]; range: Range }
  | { kind: 'object'; entries: { key: Expr; value: Expr }[]; range: Range }
  | { kind: 'unary'; op: string; operand: Expr; range: Range }
  | { kind: 'binary'; op: string; left: Expr; right: Expr; range: Range }
  | { kind: 'parens'; inner: Expr; range: Range }
  /**
   * A value known from elsewhere that also refers to resources (a plan's planned value and
   * the configuration's references): evaluates to `value`, links to what `references` names.
   */
  | { kind: 'annotated'; value: Expr; references: Expr; range: Range }
  /** Anything we do not model (for expressions, heredocs, broken syntax): never known. */
  | { kind: 'opaque'; text: string; range: Range };

export type TraversalStep = { kind: 'attr'; name: string } | { kind: 'index'; key: Expr } | { kind: 'splat' };

export interface ConfigAttribute {
  name: string;
  expr: Expr;
  /** The attribute's key. */
  nameRange: Range;
  /** The value expression. */
  valueRange: Range;
  /** Key through value (offsets for edits come from the file's LineIndex). */
  range: Range;
  /**
   * Part of a computed value with no text of its own (an annotation of a Terraform
   * annotations map built by `merge(…)`); its ranges are the whole expression's, and no edit touches it.
   */
  derived?: boolean;
  /**
   * The file the attribute is written in, when that is not the file of its block: an argument
   * an override file (`*_override.tf`) sets on a block of another file (terraform/overrides.ts).
   */
  file?: ConfigFile;
}

export interface ConfigBlock {
  /** `resource`, `variable`, `locals`, a nested block's name, … */
  type: string;
  labels: string[];
  labelRanges: Range[];
  /** The whole block, header to closing brace. */
  range: Range;
  /** Where a finding about the block as a whole sits: its labels, or its type keyword. */
  headerRange: Range;
  attributes: Map<string, ConfigAttribute>;
  blocks: ConfigBlock[];
  /** The file a nested block is written in, when that is not its parent's: a block an override file puts in (terraform/overrides.ts). */
  file?: ConfigFile;
  /**
   * Just after the opening brace (HCL) / `{` (JSON), for inserted attributes. Positions,
   * not offsets: a block that only moved along its line (the usual keystroke before it)
   * stays the same object, so the parser can reuse it without copying.
   */
  bodyStart: Position;
  /** The closing brace, or undefined when the block is unterminated. */
  close: Position | undefined;
  /** True when the parser had to recover inside this block. */
  hasErrors: boolean;
  /** True when the body was not read (a block ELB Lens has no use for): no attributes, no blocks. */
  bodySkipped?: boolean;
  /** JSON path of the block's body object (tf.json only), for jsonc-parser edits. */
  jsonPath?: (string | number)[];
  /** Made from a computed value (a Terraform annotations map built by `merge(…)`): no edit adds to it. */
  derived?: boolean;
}

export interface ConfigComment {
  text: string;
  range: Range;
}

export interface ConfigFile {
  path: string;
  format: FileFormat;
  text: string;
  lines: LineIndex;
  blocks: ConfigBlock[];
  /** Top-level attributes (only `.tfvars` files have them). */
  attributes: Map<string, ConfigAttribute>;
  comments: ConfigComment[];
  /** Top-level syntax problems, for messages; findings still come from sound blocks. */
  syntaxErrors: Range[];
}

export function exprText(file: ConfigFile, expr: Expr): string {
  const start = file.lines.offsetAt(expr.range.start);
  const end = file.lines.offsetAt(expr.range.end);
  return file.text.slice(start, end);
}

/**
 * Calls `visit` for each direct sub-expression of `expr`, in source order (an object entry's
 * key before its value; an annotated value before its references). Walks that treat every
 * child alike use it, so a new kind of expression needs adding here once.
 */
export function forEachChildExpr(expr: Expr, visit: (child: Expr) => void): void {
  switch (expr.kind) {
    case 'template':
      for (const part of expr.parts) visit(part);
      return;
    case 'traversal':
      for (const step of expr.steps) if (step.kind === 'index') visit(step.key);
      return;
    case 'conditional':
      visit(expr.condition);
      visit(expr.whenTrue);
      visit(expr.whenFalse);
      return;
    case 'call':
      for (const arg of expr.args) visit(arg);
      return;
    case 'tuple':
      for (const item of expr.items) visit(item);
      return;
    case 'object':
      for (const entry of expr.entries) {
        visit(entry.key);
        visit(entry.value);
      }
      return;
    case 'unary':
      visit(expr.operand);
      return;
    case 'binary':
      visit(expr.left);
      visit(expr.right);
      return;
    case 'parens':
      visit(expr.inner);
      return;
    case 'annotated':
      visit(expr.value);
      visit(expr.references);
      return;
    case 'literal':
    case 'opaque':
      return;
  }
}
