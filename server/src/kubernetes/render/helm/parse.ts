/**
 * A parser for the part of Go's text/template that Helm charts use around Services: text,
 * actions with pipelines, `if`/`else if`/`else`, `with`, `range`, `define`, `template`,
 * `block`, variables, comments and whitespace trimming (`{{-`, `-}}`). Anything it does not
 * know is a TemplateError: the chart is then not rendered (one line says why), never guessed.
 */

export class TemplateError extends Error {}

export type Arg =
  | { kind: 'field'; variable?: string; path: string[] }
  | { kind: 'ident'; name: string }
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'nil' }
  | { kind: 'pipe'; pipe: Pipe; path: string[] };

export interface Pipe {
  /** `$x := …` / `$i, $v := …` (declare) or `$x = …` (assign). */
  variables: string[];
  assign: boolean;
  commands: Arg[][];
}

export type TNode =
  | { kind: 'text'; text: string; start: number }
  | { kind: 'action'; pipe: Pipe }
  | { kind: 'if' | 'with'; pipe: Pipe; then: TNode[]; otherwise: TNode[] }
  | { kind: 'range'; pipe: Pipe; body: TNode[]; otherwise: TNode[] }
  | { kind: 'template'; name: string; pipe: Pipe | undefined };

export interface ParsedTemplate {
  nodes: TNode[];
  defines: Map<string, TNode[]>;
}

interface Action {
  /** The action's text between the delimiters (trim markers removed). */
  body: string;
  /** Offset of the body in the template. */
  start: number;
}

const MAX_NESTING = 200;

/** Splits a template into text and actions, applying the trim markers to the text beside them. */
function tokenize(source: string): ({ kind: 'text'; text: string; start: number } | ({ kind: 'action' } & Action))[] {
  const out: ({ kind: 'text'; text: string; start: number } | ({ kind: 'action' } & Action))[] = [];
  let at = 0;
  let trimNext = false;
  while (at <= source.length) {
    const open = source.indexOf('{{', at);
    let textEnd = open === -1 ? source.length : open;
    let textStart = at;
    if (trimNext) while (textStart < textEnd && /\s/.test(source[textStart])) textStart++;
    let bodyStart = open + 2;
    if (open !== -1 && source[open + 2] === '-' && /\s/.test(source[open + 3] ?? '')) {
      while (textEnd > textStart && /\s/.test(source[textEnd - 1])) textEnd--;
      bodyStart = open + 3;
    }
    if (textEnd > textStart) out.push({ kind: 'text', text: source.slice(textStart, textEnd), start: textStart });
    if (open === -1) break;
    const close = findClose(source, bodyStart);
    if (close === -1) throw new TemplateError(`unclosed action at offset ${open}`);
    let bodyEnd = close;
    trimNext = false;
    if (source[close - 1] === '-' && /\s/.test(source[close - 2] ?? '')) {
      bodyEnd = close - 1;
      trimNext = true;
    }
    out.push({ kind: 'action', body: source.slice(bodyStart, bodyEnd), start: bodyStart });
    at = close + 2;
  }
  return out;
}

/** The `}}` that ends an action, skipping strings and comments. */
function findClose(source: string, from: number): number {
  let i = from;
  while (i < source.length) {
    const c = source[i];
    if (c === '"' || c === '`' || c === "'") {
      const quote = c;
      i++;
      while (i < source.length && source[i] !== quote) {
        if (source[i] === '\\' && quote !== '`') i++;
        if (source[i] === '\n' && quote !== '`') return -1;
        i++;
      }
      i++;
      continue;
    }
    if (c === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      if (end === -1) return -1;
      i = end + 2;
      continue;
    }
    if (c === '}' && source[i + 1] === '}') return i;
    i++;
  }
  return -1;
}

type Token = { kind: 'word' | 'field' | 'var' | 'string' | 'number' | 'punct'; text: string; value?: string | number };

function lex(body: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < body.length) {
    const c = body[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const rest = body.slice(i);
    let m: RegExpExecArray | null;
    if ((m = /^(:=|=|\||\(|\)|,)/.exec(rest))) {
      tokens.push({ kind: 'punct', text: m[0] });
    } else if ((m = /^"((?:[^"\\\n]|\\.)*)"/.exec(rest))) {
      tokens.push({ kind: 'string', text: m[0], value: unescape(m[1]) });
    } else if ((m = /^`([^`]*)`/.exec(rest))) {
      tokens.push({ kind: 'string', text: m[0], value: m[1] });
    } else if ((m = /^-?(0x[0-9a-fA-F]+|\d+(\.\d+)?([eE][-+]?\d+)?)/.exec(rest))) {
      tokens.push({ kind: 'number', text: m[0], value: Number(m[0]) });
    } else if ((m = /^\$[A-Za-z0-9_]*((\.[A-Za-z0-9_]+)*)/.exec(rest))) {
      tokens.push({ kind: 'var', text: m[0] });
    } else if ((m = /^(\.[A-Za-z0-9_]+)+|^\./.exec(rest))) {
      tokens.push({ kind: 'field', text: m[0] });
    } else if ((m = /^[A-Za-z_][A-Za-z0-9_]*((\.[A-Za-z0-9_]+)*)/.exec(rest))) {
      tokens.push({ kind: 'word', text: m[0] });
    } else {
      throw new TemplateError(`unexpected "${c}" in an action`);
    }
    i += m[0].length;
  }
  return tokens;
}

function unescape(text: string): string {
  try {
    return JSON.parse(`"${text}"`) as string;
  } catch {
    throw new TemplateError(`a string with an escape ELB Lens does not read: "${text}"`);
  }
}

function pathOf(text: string): string[] {
  return text.split('.').filter((p) => p !== '');
}

class PipeParser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  done(): boolean {
    return this.at >= this.tokens.length;
  }

  pipe(): Pipe {
    const variables: string[] = [];
    let assign = false;
    // `$x :=`, `$i, $v :=`, `$x =`
    const look = this.tokens.slice(this.at, this.at + 4);
    if (look[0]?.kind === 'var' && (look[1]?.text === ':=' || look[1]?.text === '=')) {
      variables.push(look[0].text);
      assign = look[1].text === '=';
      this.at += 2;
    } else if (look[0]?.kind === 'var' && look[1]?.text === ',' && look[2]?.kind === 'var' && look[3]?.text === ':=') {
      variables.push(look[0].text, look[2].text);
      this.at += 4;
    }
    const commands: Arg[][] = [];
    for (;;) {
      const command: Arg[] = [];
      while (!this.done() && this.tokens[this.at].text !== '|' && this.tokens[this.at].text !== ')') command.push(this.arg());
      if (command.length === 0) throw new TemplateError('an empty command');
      commands.push(command);
      if (this.tokens[this.at]?.text !== '|') break;
      this.at++;
    }
    return { variables, assign, commands };
  }

  private arg(): Arg {
    const token = this.tokens[this.at++];
    switch (token.kind) {
      case 'string':
        return { kind: 'string', value: String(token.value) };
      case 'number':
        return { kind: 'number', value: Number(token.value) };
      case 'field':
        return { kind: 'field', path: pathOf(token.text) };
      case 'var': {
        const [name, ...rest] = token.text.split('.');
        return { kind: 'field', variable: name, path: rest };
      }
      case 'word':
        if (token.text === 'true' || token.text === 'false') return { kind: 'bool', value: token.text === 'true' };
        if (token.text === 'nil') return { kind: 'nil' };
        if (token.text.includes('.')) throw new TemplateError(`${token.text} is not read`);
        return { kind: 'ident', name: token.text };
      default:
        if (token.text === '(') {
          const pipe = this.pipe();
          if (this.tokens[this.at++]?.text !== ')') throw new TemplateError('a parenthesis is not closed');
          // `(…).field`
          const next = this.tokens[this.at];
          const path: string[] = [];
          if (next?.kind === 'field' && next.text !== '.') {
            path.push(...pathOf(next.text));
            this.at++;
          }
          return { kind: 'pipe', pipe, path };
        }
        throw new TemplateError(`unexpected "${token.text}"`);
    }
  }
}

function parsePipe(tokens: Token[]): Pipe {
  const parser = new PipeParser(tokens);
  const pipe = parser.pipe();
  if (!parser.done()) throw new TemplateError('unexpected text after a pipeline');
  return pipe;
}

export function parseTemplate(source: string): ParsedTemplate {
  const items = tokenize(source);
  const defines = new Map<string, TNode[]>();
  let index = 0;

  /** Nodes until `end`/`else`: returns the keyword that ended the list and the rest of its action. */
  const list = (depth: number): { nodes: TNode[]; end: 'end' | 'else' | 'eof'; rest: Token[] } => {
    if (depth > MAX_NESTING) throw new TemplateError('actions nested too deeply');
    const nodes: TNode[] = [];
    while (index < items.length) {
      const item = items[index++];
      if (item.kind === 'text') {
        nodes.push(item);
        continue;
      }
      const body = item.body.trim();
      if (body.startsWith('/*')) {
        if (!body.endsWith('*/')) throw new TemplateError('a comment is not closed');
        continue;
      }
      const tokens = lex(item.body);
      if (tokens.length === 0) throw new TemplateError('an empty action');
      const [first, ...rest] = tokens;
      const keyword = first.kind === 'word' ? first.text : '';
      switch (keyword) {
        case 'end':
          return { nodes, end: 'end', rest };
        case 'else':
          return { nodes, end: 'else', rest };
        case 'if':
        case 'with':
          nodes.push(conditional(keyword, rest, depth));
          break;
        case 'range': {
          const pipe = parsePipe(rest);
          const body = list(depth + 1);
          let otherwise: TNode[] = [];
          if (body.end === 'else') {
            const tail = list(depth + 1);
            if (tail.end !== 'end') throw new TemplateError('range without end');
            otherwise = tail.nodes;
          } else if (body.end !== 'end') throw new TemplateError('range without end');
          nodes.push({ kind: 'range', pipe, body: body.nodes, otherwise });
          break;
        }
        case 'define':
        case 'block': {
          const name = rest[0]?.kind === 'string' ? String(rest[0].value) : undefined;
          if (name === undefined) throw new TemplateError(`${keyword} without a name`);
          const body = list(depth + 1);
          if (body.end !== 'end') throw new TemplateError(`${keyword} without end`);
          defines.set(name, body.nodes);
          if (keyword === 'block') nodes.push({ kind: 'template', name, pipe: rest.length > 1 ? parsePipe(rest.slice(1)) : undefined });
          break;
        }
        case 'template': {
          const name = rest[0]?.kind === 'string' ? String(rest[0].value) : undefined;
          if (name === undefined) throw new TemplateError('template without a name');
          nodes.push({ kind: 'template', name, pipe: rest.length > 1 ? parsePipe(rest.slice(1)) : undefined });
          break;
        }
        case 'break':
        case 'continue':
          throw new TemplateError(`${keyword} is not read`);
        default:
          nodes.push({ kind: 'action', pipe: parsePipe(tokens) });
      }
    }
    return { nodes, end: 'eof', rest: [] };
  };

  /** `if`/`with` with its `else if`/`else with` chain. */
  const conditional = (keyword: 'if' | 'with', tokens: Token[], depth: number): TNode => {
    const pipe = parsePipe(tokens);
    const then = list(depth + 1);
    if (then.end === 'end') return { kind: keyword, pipe, then: then.nodes, otherwise: [] };
    if (then.end !== 'else') throw new TemplateError(`${keyword} without end`);
    if (then.rest.length > 0) {
      const [next, ...more] = then.rest;
      if (next.kind !== 'word' || (next.text !== 'if' && next.text !== 'with')) throw new TemplateError('unexpected text after else');
      return { kind: keyword, pipe, then: then.nodes, otherwise: [conditional(next.text, more, depth + 1)] };
    }
    const otherwise = list(depth + 1);
    if (otherwise.end !== 'end') throw new TemplateError(`${keyword} without end`);
    return { kind: keyword, pipe, then: then.nodes, otherwise: otherwise.nodes };
  };

  const top = list(0);
  if (top.end !== 'eof') throw new TemplateError(`unexpected {{ ${top.end} }}`);
  return { nodes: top.nodes, defines };
}
