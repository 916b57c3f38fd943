import { concat, fromOrigin, indent, plain, slice, SourcedBuilder, unknownText, type Sourced } from '../sourced';
import { TemplateError, type Arg, type Pipe, type TNode } from './parse';
import { asNode, formatNumber, joinPrinted, NIL, printed, settle, str, toYaml, truthy, unknown, type TVal } from './values';

/**
 * Runs parsed templates the way Helm does, for the functions it knows (FUNCTIONS below):
 * an unknown function, a condition that is not known or a value that is missing gives an
 * unknown mark in the output, never a guess. Budgets bound the steps, the output and the
 * depth of `include`, so a hostile chart ends with a TemplateError instead of a hang.
 */

const MAX_STEPS = 2_000_000;
const MAX_OUTPUT = 8 * 1024 * 1024;
const MAX_INCLUDE_DEPTH = 100;

export interface ExecContext {
  defines: Map<string, { nodes: TNode[]; file: string }>;
  root: TVal;
}

type Scope = Map<string, TVal>[];

export class Executor {
  private steps = 0;
  private depth = 0;

  constructor(private readonly context: ExecContext) {}

  run(nodes: TNode[], file: string): Sourced {
    const out = new SourcedBuilder();
    this.nodes(nodes, file, this.context.root, [new Map([['$', this.context.root]])], out);
    return out.build();
  }

  private tick(): void {
    if (++this.steps > MAX_STEPS) throw new TemplateError('the templates take too many steps to render');
  }

  private nodes(nodes: TNode[], file: string, dot: TVal, scope: Scope, out: SourcedBuilder): void {
    for (const node of nodes) {
      this.tick();
      if (out.size > MAX_OUTPUT) throw new TemplateError('the rendered output is too large');
      switch (node.kind) {
        case 'text':
          out.add(literal(node.text, file, node.start));
          break;
        case 'action': {
          const value = this.pipe(node.pipe, dot, scope);
          if (node.pipe.variables.length === 0) out.add(printed(value));
          break;
        }
        case 'if':
        case 'with': {
          const value = this.pipe(node.pipe, dot, scope);
          const truth = truthy(value);
          if (truth === undefined) out.add({ text: '', segments: [], unknown: [{ start: 0, end: 0 }] });
          else if (truth) this.nodes(node.then, file, node.kind === 'with' ? value : dot, [...scope, new Map()], out);
          else this.nodes(node.otherwise, file, dot, [...scope, new Map()], out);
          break;
        }
        case 'range':
          this.range(node, file, dot, scope, out);
          break;
        case 'template': {
          const argument = node.pipe ? this.pipe(node.pipe, dot, scope) : NIL;
          out.add(this.include(node.name, argument));
          break;
        }
      }
    }
  }

  private range(node: Extract<TNode, { kind: 'range' }>, file: string, dot: TVal, scope: Scope, out: SourcedBuilder): void {
    const value = settle(this.pipeValue(node.pipe, dot, scope));
    const pairs: [TVal, TVal][] = [];
    if (value.t === 'data' && value.node.kind === 'seq')
      value.node.items.forEach((item, i) =>
        pairs.push([
          { t: 'num', n: i },
          { t: 'data', node: item },
        ]),
      );
    else if (value.t === 'data' && value.node.kind === 'map')
      for (const key of [...value.node.entries.keys()].sort())
        pairs.push([str(key), { t: 'data', node: value.node.entries.get(key)!.value }]);
    else if (value.t === 'list') value.items.forEach((item, i) => pairs.push([{ t: 'num', n: i }, item]));
    else if (value.t === 'dict') for (const key of [...value.entries.keys()].sort()) pairs.push([str(key), value.entries.get(key)!]);
    else if (value.t === 'num' && Number.isInteger(value.n) && value.n >= 0 && value.n < 10_000)
      for (let i = 0; i < value.n; i++)
        pairs.push([
          { t: 'num', n: i },
          { t: 'num', n: i },
        ]);
    else if (value.t !== 'nil') {
      out.add({ text: '', segments: [], unknown: [{ start: 0, end: 0 }] });
      return;
    }
    if (pairs.length === 0) {
      this.nodes(node.otherwise, file, dot, [...scope, new Map()], out);
      return;
    }
    for (const [key, item] of pairs) {
      const frame = new Map<string, TVal>();
      const names = node.pipe.variables;
      if (names.length === 1) frame.set(names[0], item);
      if (names.length === 2) {
        frame.set(names[0], key);
        frame.set(names[1], item);
      }
      this.nodes(node.body, file, item, [...scope, frame], out);
    }
  }

  include(name: string, argument: TVal): Sourced {
    const define = this.context.defines.get(name);
    if (!define) return unknownText();
    if (++this.depth > MAX_INCLUDE_DEPTH) throw new TemplateError(`"${name}" includes itself too deeply`);
    try {
      const out = new SourcedBuilder();
      this.nodes(define.nodes, define.file, argument, [new Map([['$', argument]])], out);
      return out.build();
    } finally {
      this.depth--;
    }
  }

  /** A pipeline's value, its variables declared or assigned. */
  private pipe(pipe: Pipe, dot: TVal, scope: Scope): TVal {
    const value = this.pipeValue(pipe, dot, scope);
    if (pipe.variables.length === 1) {
      const name = pipe.variables[0];
      if (pipe.assign) {
        const frame = [...scope].reverse().find((f) => f.has(name));
        (frame ?? scope[scope.length - 1]).set(name, value);
      } else scope[scope.length - 1].set(name, value);
    }
    return value;
  }

  private pipeValue(pipe: Pipe, dot: TVal, scope: Scope): TVal {
    let previous: TVal | undefined;
    for (const command of pipe.commands) previous = this.command(command, dot, scope, previous);
    return previous ?? NIL;
  }

  private command(command: Arg[], dot: TVal, scope: Scope, piped: TVal | undefined): TVal {
    this.tick();
    const [head, ...rest] = command;
    if (head.kind === 'ident') {
      const fn = FUNCTIONS.get(head.name);
      const args = rest.map((a) => this.arg(a, dot, scope));
      if (piped !== undefined) args.push(piped);
      if (!fn) return unknown(`the function ${head.name} is not rendered`);
      return fn(args, this);
    }
    if (rest.length > 0 || piped !== undefined) return unknown('a value called with arguments');
    return this.arg(head, dot, scope);
  }

  private arg(arg: Arg, dot: TVal, scope: Scope): TVal {
    switch (arg.kind) {
      case 'string':
        return str(arg.value);
      case 'number':
        return { t: 'num', n: arg.value };
      case 'bool':
        return { t: 'bool', b: arg.value };
      case 'nil':
        return NIL;
      case 'ident': {
        const fn = FUNCTIONS.get(arg.name);
        return fn ? fn([], this) : unknown(`the function ${arg.name} is not rendered`);
      }
      case 'pipe':
        return field(this.pipeValue(arg.pipe, dot, scope), arg.path);
      case 'field': {
        let base = dot;
        if (arg.variable !== undefined) {
          const frame = [...scope].reverse().find((f) => f.has(arg.variable!));
          if (!frame) throw new TemplateError(`undefined variable ${arg.variable}`);
          base = frame.get(arg.variable)!;
        }
        return field(base, arg.path);
      }
    }
  }
}

/** `.a.b` of a value: map keys (a missing key is nil); anything else is unknown. */
export function field(base: TVal, path: readonly string[]): TVal {
  let current = base;
  for (const key of path) {
    const v = settle(current);
    if (v.t === 'data' && v.node.kind === 'map')
      current = v.node.entries.has(key) ? { t: 'data', node: v.node.entries.get(key)!.value } : NIL;
    else if (v.t === 'dict') current = v.entries.get(key) ?? NIL;
    else if (v.t === 'unknown') return v;
    // Helm stops on a field of nil ("nil pointer evaluating interface {}"): what the chart means is not known.
    else return unknown(`no ${key} here`);
  }
  return current;
}

/** Literal template text: a linear segment per line. */
export function literal(text: string, file: string, start: number): Sourced {
  const parts: Sourced[] = [];
  let at = 0;
  for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', at)) {
    parts.push(fromOrigin(text.slice(at, nl), { file, start: start + at, end: start + nl }, true), plain('\n'));
    at = nl + 1;
  }
  parts.push(fromOrigin(text.slice(at), { file, start: start + at, end: start + text.length }, true));
  return concat(parts);
}

function text(value: TVal | undefined): Sourced {
  if (value === undefined) return unknownText();
  const v = settle(value);
  if (v.t === 'nil') return plain('');
  return printed(v);
}

function num(value: TVal | undefined): number | undefined {
  const v = value && settle(value);
  if (v?.t === 'num') return v.n;
  if (v?.t === 'str' && v.s.unknown.length === 0 && /^-?\d+$/.test(v.s.text)) return Number(v.s.text);
  return undefined;
}

function known(args: TVal[]): boolean {
  return args.every((a) => {
    const v = settle(a);
    return v.t !== 'unknown' && !(v.t === 'str' && v.s.unknown.length > 0);
  });
}

function strValue(s: Sourced): TVal {
  return { t: 'str', s };
}

/** Scalars compared as Go's eq does (a string never equals a number). */
function equal(a: TVal, b: TVal): boolean | undefined {
  const x = settle(a);
  const y = settle(b);
  if (!known([x, y])) return undefined;
  if (x.t === 'str' && y.t === 'str') return x.s.text === y.s.text;
  if (x.t === 'num' && y.t === 'num') return x.n === y.n;
  if (x.t === 'bool' && y.t === 'bool') return x.b === y.b;
  if (x.t === 'nil' && y.t === 'nil') return true;
  return undefined;
}

function bool(value: boolean | undefined): TVal {
  return value === undefined ? unknown('not known') : { t: 'bool', b: value };
}

type Fn = (args: TVal[], executor: Executor) => TVal;

const FUNCTION_TABLE: Record<string, Fn> = {
  toYaml: ([v]) => (v && known([v]) ? strValue(toYaml(v)) : unknown('toYaml of an unknown value')),
  indent: ([n, v]) => (num(n) === undefined ? unknown('indent width') : strValue(indent(text(v), num(n)!))),
  nindent: ([n, v]) => (num(n) === undefined ? unknown('indent width') : strValue(concat([plain('\n'), indent(text(v), num(n)!)]))),
  quote: (args) =>
    strValue(concat(args.filter((a) => settle(a).t !== 'nil').flatMap((a, i) => [...(i > 0 ? [plain(' ')] : []), quoted(text(a), '"')]))),
  squote: (args) =>
    strValue(concat(args.filter((a) => settle(a).t !== 'nil').flatMap((a, i) => [...(i > 0 ? [plain(' ')] : []), quoted(text(a), "'")]))),
  default: ([fallback, v]) => {
    if (v === undefined) return fallback ?? NIL;
    const truth = truthy(v);
    return truth === undefined ? unknown('default of an unknown value') : truth ? v : (fallback ?? NIL);
  },
  trunc: ([n, v]) => {
    const width = num(n);
    const s = text(v);
    if (width === undefined) return unknown('trunc width');
    return strValue(width >= 0 ? slice(s, 0, Math.min(width, s.text.length)) : slice(s, Math.max(0, s.text.length + width)));
  },
  trimSuffix: ([suffix, v]) => {
    const s = text(v);
    const tail = text(suffix).text;
    return strValue(tail !== '' && s.text.endsWith(tail) ? slice(s, 0, s.text.length - tail.length) : s);
  },
  trimPrefix: ([prefix, v]) => {
    const s = text(v);
    const head = text(prefix).text;
    return strValue(head !== '' && s.text.startsWith(head) ? slice(s, head.length) : s);
  },
  trim: ([v]) => {
    const s = text(v);
    const start = s.text.length - s.text.trimStart().length;
    return strValue(slice(s, start, start + s.text.trim().length));
  },
  upper: ([v]) => strValue(plainOrUnknown(text(v), (t) => t.toUpperCase())),
  lower: ([v]) => strValue(plainOrUnknown(text(v), (t) => t.toLowerCase())),
  toString: (args: TVal[]) => strValue(text(args[0])),
  printf: ([format, ...args]) => (format ? strValue(printf(text(format), args)) : unknown('printf without a format')),
  print: (args) => strValue(joinPrinted(args, '')),
  include: ([name, argument], executor) => {
    const n = name && settle(name);
    return n?.t === 'str' && n.s.unknown.length === 0
      ? strValue(executor.include(n.s.text, argument ?? NIL))
      : unknown('include of an unknown name');
  },
  required: ([message, v]) => (v && truthy(v) === true ? v : unknown(`required: ${message ? text(message).text : ''}`)),
  empty: ([v]) => {
    const truth = v ? truthy(v) : false;
    return bool(truth === undefined ? undefined : !truth);
  },
  not: ([v]) => {
    const truth = v ? truthy(v) : false;
    return bool(truth === undefined ? undefined : !truth);
  },
  // Go's and/or give one of their arguments, stopping at the first that decides.
  and: (args) => {
    for (const a of args) {
      const truth = truthy(a);
      if (truth === undefined) return unknown('not known');
      if (!truth) return a;
    }
    return args[args.length - 1] ?? NIL;
  },
  or: (args) => {
    for (const a of args) {
      const truth = truthy(a);
      if (truth === undefined) return unknown('not known');
      if (truth) return a;
    }
    return args[args.length - 1] ?? NIL;
  },
  eq: ([a, ...others]) => {
    const results = others.map((o) => equal(a ?? NIL, o));
    return bool(results.some((r) => r === true) ? true : results.every((r) => r === false) ? false : undefined);
  },
  ne: ([a, b]) => {
    const result = equal(a ?? NIL, b ?? NIL);
    return bool(result === undefined ? undefined : !result);
  },
  hasKey: ([map, key]) => {
    const m = map && settle(map);
    const k = key && settle(key);
    if (m?.t !== 'data' || m.node.kind !== 'map' || k?.t !== 'str') return unknown('hasKey');
    return bool(m.node.entries.has(k.s.text));
  },
  list: (args) => ({ t: 'list', items: args }),
  dict: (args) => {
    const entries = new Map<string, TVal>();
    for (let i = 0; i + 1 < args.length; i += 2) {
      const key = settle(args[i]);
      if (key.t !== 'str') return unknown('dict with a key that is not a string');
      entries.set(key.s.text, args[i + 1]);
    }
    return { t: 'dict', entries };
  },
  int: ([v]) => {
    const n = num(v);
    return n === undefined ? unknown('int') : { t: 'num', n: Math.trunc(n) };
  },
  toJson: ([v]: TVal[]) => (v && known([v]) ? str(JSON.stringify(plainData(asNode(v)))) : unknown('toJson')),
};

/** By name, without Object's own methods (`constructor` in a template is no function). */
const FUNCTIONS = new Map<string, Fn>(Object.entries(FUNCTION_TABLE));

function plainData(node: ReturnType<typeof asNode>): unknown {
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map(plainData);
  if (node.kind === 'map') return Object.fromEntries([...node.entries].map(([k, e]) => [k, plainData(e.value)]));
  return null;
}

function plainOrUnknown(s: Sourced, change: (text: string) => string): Sourced {
  if (s.unknown.length > 0) return unknownText();
  const changed = change(s.text);
  return changed === s.text ? s : plain(changed);
}

/** `"text"` (Go's %q) keeping the source map when nothing needs escaping. */
function quoted(s: Sourced, quote: '"' | "'"): Sourced {
  if (quote === '"' && JSON.stringify(s.text) !== `"${s.text}"`) {
    return s.unknown.length > 0 ? unknownText() : plain(JSON.stringify(s.text));
  }
  return concat([plain(quote), s, plain(quote)]);
}

/** Go's printf for %s, %d, %v, %q and %%; other verbs are unknown. */
function printf(format: Sourced, args: TVal[]): Sourced {
  if (format.unknown.length > 0) return unknownText();
  const parts: Sourced[] = [];
  let next = 0;
  const f = format.text;
  let at = 0;
  for (let i = f.indexOf('%'); i !== -1; i = f.indexOf('%', at)) {
    parts.push(slice(format, at, i));
    const verb = f[i + 1];
    at = i + 2;
    if (verb === '%') {
      parts.push(plain('%'));
      continue;
    }
    const arg = args[next++];
    if (arg === undefined) return unknownText();
    if (verb === 's' || verb === 'v') parts.push(text(arg));
    else if (verb === 'd') {
      const n = num(arg);
      if (n === undefined) return unknownText();
      parts.push(plain(formatNumber(Math.trunc(n))));
    } else if (verb === 'q') parts.push(quoted(text(arg), '"'));
    else return unknownText();
  }
  parts.push(slice(format, at));
  return concat(parts);
}
