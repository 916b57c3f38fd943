import assert from 'node:assert/strict';
import type { Range } from '../../server/src/core/types';
import type { ConfigAttribute, ConfigBlock, ConfigFile, Expr } from '../../server/src/parse/config';
import { loadHclParser, parseTemplateText, type BodyFilter } from '../../server/src/parse/hcl';
import { tfJsonToConfigFile } from '../../server/src/parse/json';

/** HCL text → ConfigFile, as the service converts a file read from disk. */
export async function parseHcl(text: string, readBody?: BodyFilter, filePath = '/mem/main.tf'): Promise<ConfigFile> {
  const parser = await loadHclParser();
  const tree = parser.parseTree(text);
  try {
    return parser.toConfigFile(filePath, text, tree, undefined, readBody);
  } finally {
    tree.delete();
  }
}

/** The expression of `v = <source>`, converted on its own. */
export async function parseExpr(source: string): Promise<Expr> {
  const file = await parseHcl(`v = ${source}\n`);
  return attributeOf(file, 'v').expr;
}

/** `.tf.json` text → ConfigFile, with `${…}` templates in strings parsed the way the service does. */
export async function parseTfJson(text: string, filePath = '/mem/main.tf.json'): Promise<ConfigFile> {
  const parser = await loadHclParser();
  return tfJsonToConfigFile(filePath, text, (template) => parseTemplateText(parser, template));
}

export function attributeOf(owner: ConfigBlock | ConfigFile, name: string): ConfigAttribute {
  const attribute = owner.attributes.get(name);
  assert.ok(attribute, `attribute ${name} missing; have ${[...owner.attributes.keys()].join(', ')}`);
  return attribute;
}

/** The text a range covers. */
export function textOf(file: ConfigFile, range: Range): string {
  return file.text.slice(file.lines.offsetAt(range.start), file.lines.offsetAt(range.end));
}

/**
 * A compact, readable rendering of an expression tree: `a.b[0]`, `(tpl "x" a)`,
 * `(? c t f)`, `(f() 1 2)`, `(+ 1 2)`, `(paren x)`, `<opaque …>`.
 */
export function show(expr: Expr): string {
  switch (expr.kind) {
    case 'literal':
      return JSON.stringify(expr.value);
    case 'template':
      return `(tpl${expr.parts.map((p) => ' ' + show(p)).join('')})`;
    case 'traversal':
      return (
        expr.root + expr.steps.map((s) => (s.kind === 'attr' ? `.${s.name}` : s.kind === 'splat' ? '[*]' : `[${show(s.key)}]`)).join('')
      );
    case 'conditional':
      return `(? ${show(expr.condition)} ${show(expr.whenTrue)} ${show(expr.whenFalse)})`;
    case 'call':
      return `(${expr.name}()${expr.args.map((a) => ' ' + show(a)).join('')})`;
    case 'tuple':
      return `[${expr.items.map(show).join(', ')}]`;
    case 'object':
      return `{${expr.entries.map((e) => `${show(e.key)}: ${show(e.value)}`).join(', ')}}`;
    case 'unary':
      return `(${expr.op} ${show(expr.operand)})`;
    case 'binary':
      return `(${expr.op} ${show(expr.left)} ${show(expr.right)})`;
    case 'parens':
      return `(paren ${show(expr.inner)})`;
    case 'annotated':
      return `(annotated ${show(expr.value)} ${show(expr.references)})`;
    case 'opaque':
      return '<opaque>';
  }
}
