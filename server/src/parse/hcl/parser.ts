import * as fs from 'fs';
import * as path from 'path';
import type { Tree, Parser as ParserType, Edit } from 'web-tree-sitter';
import type { ConfigFile, Expr } from '../config';
import { LineIndex } from '../positions';
import { HclConverter } from './convert';
import type { BlockCache, BodyFilter, ConversionCounts, RangeParse, TreeChanges } from './items';

// web-tree-sitter is loaded lazily so that hosts which never see HCL pay nothing.
type TreeSitterModule = typeof import('web-tree-sitter');

export interface HclParser {
  /** Parses `text`; pass the previous tree (already `edit`ed) to reparse incrementally. */
  parseTree(text: string, previous?: Tree): Tree;
  /**
   * `cache` (kept per document) lets unchanged blocks be reused from the last conversion;
   * `changes` (the edits since that conversion and tree-sitter's changed ranges) lets only
   * the top-level items they touch be converted again.
   */
  toConfigFile(filePath: string, text: string, tree: Tree, cache?: BlockCache, readBody?: BodyFilter, changes?: TreeChanges): ConfigFile;
  /**
   * Converts an edited document by parsing only the block its edits fall in (see
   * HclConverter.convertWithinBlock); undefined when that does not apply. The document's own
   * tree is then not reparsed: it keeps the edits for the next full reparse.
   */
  toConfigFileWithinBlock(
    filePath: string,
    text: string,
    cache: BlockCache,
    readBody: BodyFilter | undefined,
    changes: TreeChanges,
  ): ConfigFile | undefined;
  /** How conversions with a cache went (see ConversionCounts). */
  readonly conversions: ConversionCounts;
}

let parserPromise: Promise<HclParser> | undefined;

/** Finds a wasm file next to the bundle first, then in node_modules. */
function locateWasm(fileName: string, packageName: string, wasmDir?: string): string {
  const candidates = [wasmDir, __dirname, path.join(__dirname, '..')].filter((dir): dir is string => typeof dir === 'string');
  for (const dir of candidates) {
    const candidate = path.join(dir, fileName);
    if (fs.existsSync(candidate)) return candidate;
  }
  return require.resolve(`${packageName}/${fileName}`);
}

/** The parser's WebAssembly as bytes: a host without a file system (a browser) gives them. */
export interface HclWasm {
  /** web-tree-sitter.wasm */
  runtime: Uint8Array;
  /** tree-sitter-hcl.wasm */
  grammar: Uint8Array;
}

let givenWasm: HclWasm | undefined;

/** Makes loadHclParser use these bytes instead of looking for the files (call it before). */
export function useHclWasm(wasm: HclWasm): void {
  givenWasm = wasm;
}

export function loadHclParser(wasmDir?: string): Promise<HclParser> {
  parserPromise ??= (async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS build of an ESM-first package
    const treeSitter = require('web-tree-sitter') as TreeSitterModule;
    let language;
    if (givenWasm) {
      await treeSitter.Parser.init({ wasmBinary: givenWasm.runtime } as Parameters<typeof treeSitter.Parser.init>[0]);
      language = await treeSitter.Language.load(givenWasm.grammar);
    } else {
      const runtimeWasm = locateWasm('web-tree-sitter.wasm', 'web-tree-sitter', wasmDir);
      await treeSitter.Parser.init({ locateFile: () => runtimeWasm });
      const grammarWasm = locateWasm('tree-sitter-hcl.wasm', '@tree-sitter-grammars/tree-sitter-hcl', wasmDir);
      language = await treeSitter.Language.load(fs.readFileSync(grammarWasm));
    }
    const parser = new treeSitter.Parser();
    parser.setLanguage(language);
    return createHclParser(parser);
  })();
  return parserPromise;
}

function createHclParser(parser: ParserType): HclParser {
  const conversions: ConversionCounts = { incremental: 0, withinBlock: 0, full: 0 };
  const parseRange: RangeParse = (text, start, end, lines) => {
    const point = (offset: number) => {
      const position = lines.positionAt(offset);
      return { row: position.line, column: position.character };
    };
    const range = { startIndex: start, endIndex: end, startPosition: point(start), endPosition: point(end) };
    // The text in chunks from the range only: given whole, it is copied into WebAssembly on every
    // parse, which makes parsing a file piece by piece (see recover.ts) quadratic in its size.
    const input = (index: number) => (index < end ? text.slice(index, Math.min(end, index + 16 * 1024)) : '');
    const tree = parser.parse(input, null, { includedRanges: [range] });
    if (!tree) throw new Error('tree-sitter returned no tree');
    return tree;
  };
  return {
    conversions,
    parseTree(text, previous) {
      const tree = parser.parse(text, previous);
      if (!tree) throw new Error('tree-sitter returned no tree');
      return tree;
    },
    toConfigFile(filePath, text, tree, cache, readBody, changes) {
      return new HclConverter(filePath, text, readBody, parseRange).convert(tree, cache, changes, conversions);
    },
    toConfigFileWithinBlock(filePath, text, cache, readBody, changes) {
      return new HclConverter(filePath, text, readBody).convertWithinBlock(parseRange, cache, changes, conversions);
    },
  };
}

/**
 * Builds the tree-sitter edit for replacing [start, end) of `oldText` by `newText`.
 * web-tree-sitter takes indices and columns in UTF-16 code units, like JavaScript strings.
 * `lines` (an index of `oldText`) saves scanning the text for the rows.
 */
export function treeEditFor(oldText: string, start: number, end: number, newText: string, lines?: LineIndex): Edit {
  // LineIndex also breaks lines at a lone \r, tree-sitter only at \n: use it only without \r.
  const index = lines && lines.text === oldText && !oldText.includes('\r') ? lines : undefined;
  const pointAt = (offset: number) => {
    if (index) {
      const position = index.positionAt(offset);
      return { row: position.line, column: position.character };
    }
    let row = 0;
    let lastBreak = -1;
    for (let i = oldText.indexOf('\n'); i !== -1 && i < offset; i = oldText.indexOf('\n', i + 1)) {
      row++;
      lastBreak = i;
    }
    return { row, column: offset - lastBreak - 1 };
  };
  const startPosition = pointAt(start);
  const lastBreak = newText.lastIndexOf('\n');
  let newRows = 0;
  for (let i = newText.indexOf('\n'); i !== -1; i = newText.indexOf('\n', i + 1)) newRows++;
  const newEndPosition =
    lastBreak === -1
      ? { row: startPosition.row, column: startPosition.column + newText.length }
      : { row: startPosition.row + newRows, column: newText.length - lastBreak - 1 };
  return {
    startIndex: start,
    oldEndIndex: end,
    newEndIndex: start + newText.length,
    startPosition,
    oldEndPosition: pointAt(end),
    newEndPosition,
  } as Edit;
}

/** Ends the heredoc that wraps a template's text; a text containing it is not parsed. */
const TEMPLATE_MARKER = 'ELB_LENS_TEMPLATE_END';

/**
 * Parses the text of a template as Terraform does for `.tf.json` strings (after JSON
 * decoding): `${…}` interpolations and `%{…}` directives, no backslash escapes. The text
 * becomes the body of a heredoc, which has exactly that syntax. Undefined when it does
 * not parse or is not modelled.
 */
export function parseTemplateText(parser: HclParser, template: string): Expr | undefined {
  if (template.includes(TEMPLATE_MARKER)) return undefined;
  const source = `v = <<${TEMPLATE_MARKER}\n${template}\n${TEMPLATE_MARKER}\n`;
  const tree = parser.parseTree(source);
  try {
    const file = parser.toConfigFile('', source, tree);
    const expr = file.attributes.get('v')?.expr;
    if (!expr || expr.kind !== 'template' || file.syntaxErrors.length > 0) return undefined;
    // The heredoc's last line break is not part of the template.
    const last = expr.parts[expr.parts.length - 1];
    if (last?.kind !== 'literal' || typeof last.value !== 'string' || !last.value.endsWith('\n')) return undefined;
    const value = last.value.slice(0, -1);
    const parts = value === '' ? expr.parts.slice(0, -1) : [...expr.parts.slice(0, -1), { ...last, value }];
    return { ...expr, parts };
  } finally {
    tree.delete();
  }
}
