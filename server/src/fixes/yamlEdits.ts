import type { FileTextEdit } from '../core/types';
import type { ConfigAttribute, ConfigBlock, ConfigFile } from '../parse/config';
import { yamlMappingInfo } from '../parse/yaml';

/**
 * Text edits of YAML mappings that keep the file as written: the entries' indentation, the
 * quoting style (a value written in single quotes stays in single quotes; a new value takes
 * the style its neighbours use), comments on other lines and after other entries, flow
 * mappings (`{ a: b }`) as flow mappings. Values are given as JSON-ish text (`"true"`,
 * `true`, `"Local"`) or, when added, as a value; they are written as YAML scalars that
 * read back as the same value.
 */

type Scalar = string | number | boolean | null;

/** Words a plain YAML 1.1 scalar reads as something other than a string. */
const RESERVED =
  /^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~|[-+]?(\.inf|\.Inf|\.INF)|\.nan|\.NaN|\.NAN)$/;

/** A string that reads back as itself when written plain. */
function plainSafe(value: string): boolean {
  return /^[A-Za-z_/][A-Za-z0-9_./-]*$/.test(value) && !RESERVED.test(value) && !/^[-+]?(\d|\.\d)/.test(value) && !/^0[xob]/i.test(value);
}

function quoted(value: string, quote: '"' | "'"): string {
  return quote === "'" && !/[\n\r\t\\]/.test(value) ? `'${value.replace(/'/g, "''")}'` : JSON.stringify(value);
}

/** `"true"` → "true" (string), `true` → true, `Local` → "Local". */
function parseValueText(text: string): Scalar {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed === null || ['string', 'number', 'boolean'].includes(typeof parsed)) return parsed as Scalar;
  } catch {
    // not JSON: the text itself
  }
  return text;
}

function quoteOf(text: string): '"' | "'" | undefined {
  return text.startsWith("'") ? "'" : text.startsWith('"') ? '"' : undefined;
}

/** Rules ask for one edit per finding: what is learnt of a file or block is kept (both are rebuilt when the text changes). */
const blockQuotes = new WeakMap<ConfigBlock, '"' | "'" | null>();
const fileQuotes = new WeakMap<ConfigFile, '"' | "'">();
const owners = new WeakMap<ConfigFile, Map<ConfigAttribute, ConfigBlock>>();

/** The quote the values of a mapping use (the first quoted one), else the file's, else single quotes. */
function quoteStyle(file: ConfigFile, block: ConfigBlock | undefined): '"' | "'" {
  if (block) {
    let quote = blockQuotes.get(block);
    if (quote === undefined) {
      quote = null;
      for (const attribute of block.attributes.values()) {
        quote = quoteOf(valueText(file, attribute)) ?? null;
        if (quote) break;
      }
      blockQuotes.set(block, quote);
    }
    if (quote) return quote;
  }
  let quote = fileQuotes.get(file);
  if (!quote) {
    const single = (file.text.match(/:[ \t]+'/g) ?? []).length;
    const double = (file.text.match(/:[ \t]+"/g) ?? []).length;
    quote = double > single ? '"' : "'";
    fileQuotes.set(file, quote);
  }
  return quote;
}

function valueText(file: ConfigFile, attribute: ConfigAttribute): string {
  return file.text.slice(file.lines.offsetAt(attribute.valueRange.start), file.lines.offsetAt(attribute.valueRange.end));
}

function render(value: Scalar, quote: '"' | "'" | undefined, fallback: '"' | "'"): string {
  if (typeof value !== 'string') return value === null ? 'null' : String(value);
  if (quote) return quoted(value, quote);
  return plainSafe(value) ? value : quoted(value, fallback);
}

function renderKey(name: string): string {
  return plainSafe(name) || /^[A-Za-z0-9_./-]+$/.test(name) ? name : JSON.stringify(name);
}

/** The block an attribute is an entry of (an index of the file's blocks, built once per file). */
function ownerOf(file: ConfigFile, attribute: ConfigAttribute): ConfigBlock | undefined {
  let index = owners.get(file);
  if (!index) {
    const built = new Map<ConfigAttribute, ConfigBlock>();
    const visit = (blocks: ConfigBlock[]) => {
      for (const block of blocks) {
        if (yamlMappingInfo(block)) for (const a of block.attributes.values()) if (!built.has(a)) built.set(a, block);
        visit(block.blocks);
      }
    };
    visit(file.blocks);
    owners.set(file, (index = built));
  }
  return index.get(attribute);
}

export function yamlReplaceValue(file: ConfigFile, attribute: ConfigAttribute, newText: string): FileTextEdit[] {
  const value = parseValueText(newText);
  const current = valueText(file, attribute);
  const { lines } = file;
  const start = lines.offsetAt(attribute.valueRange.start);
  const end = lines.offsetAt(attribute.valueRange.end);
  const rendered = render(value, quoteOf(current), quoteStyle(file, ownerOf(file, attribute)));
  // `key:` with no value: the value needs a space after the colon.
  const text = start === end ? ` ${rendered}` : rendered;
  return [{ file: file.path, range: lines.range(start, end), newText: text }];
}

export function yamlRenameKey(file: ConfigFile, attribute: ConfigAttribute, newName: string): FileTextEdit[] {
  const { lines } = file;
  const current = file.text.slice(lines.offsetAt(attribute.nameRange.start), lines.offsetAt(attribute.nameRange.end));
  const quote = quoteOf(current);
  return [{ file: file.path, range: attribute.nameRange, newText: quote ? quoted(newName, quote) : renderKey(newName) }];
}

/** Removes an entry: its whole lines in a block mapping (with its trailing comment), the entry and a comma in a flow one. */
export function yamlRemoveEntry(file: ConfigFile, block: ConfigBlock, attribute: ConfigAttribute): FileTextEdit[] {
  const { lines, text } = file;
  const info = yamlMappingInfo(ownerOf(file, attribute) ?? block);
  const start = lines.offsetAt(attribute.range.start);
  const end = lines.offsetAt(attribute.range.end);
  if (info?.flow) {
    const after = /^\s*,[ \t]*/.exec(text.slice(end));
    if (after) return [{ file: file.path, range: lines.range(start, end + after[0].length), newText: '' }];
    const before = /,\s*$/.exec(text.slice(Math.max(0, start - 256), start));
    const from = before ? start - before[0].length : start;
    return [{ file: file.path, range: lines.range(from, end), newText: '' }];
  }
  const firstLine = attribute.range.start.line;
  const lineStart = lines.lineStart(firstLine);
  if (text.slice(lineStart, start).trim() !== '') {
    // `- key: value` (the first entry of a list item): only the entry itself can go.
    return [{ file: file.path, range: lines.range(start, end), newText: '' }];
  }
  // A block scalar's range ends at the start of the line after it.
  const lastLine = lines.positionAt(end > start && text[end - 1] === '\n' ? end - 1 : end).line;
  const to = lastLine + 1 < lines.lineCount ? lines.lineStart(lastLine + 1) : lines.lineEnd(lastLine);
  const from = lastLine + 1 < lines.lineCount || firstLine === 0 ? lineStart : lines.lineEnd(firstLine - 1);
  return [{ file: file.path, range: lines.range(from, to), newText: '' }];
}

/** Adds `name: value` as the mapping's last entry. */
export function yamlAddEntry(file: ConfigFile, block: ConfigBlock, name: string, jsonValue: unknown): FileTextEdit[] {
  const info = yamlMappingInfo(block);
  if (!info) return [];
  const { lines, text } = file;
  const value: Scalar =
    jsonValue === null || ['string', 'number', 'boolean'].includes(typeof jsonValue) ? (jsonValue as Scalar) : JSON.stringify(jsonValue);
  const entry = `${renderKey(name)}: ${render(value, undefined, quoteStyle(file, block))}`;
  if (info.flow) {
    if (info.lastEntryEnd !== undefined) {
      return [{ file: file.path, range: lines.range(info.lastEntryEnd, info.lastEntryEnd), newText: `, ${entry}` }];
    }
    const close = text.lastIndexOf('}', info.end);
    if (close < info.start) return [];
    const inner = text.slice(info.start + 1, close);
    return [
      { file: file.path, range: lines.range(info.start + 1, close), newText: inner.trim() === '' ? ` ${entry} ` : `${inner}${entry}` },
    ];
  }
  const lastLine = lines.positionAt(info.end > info.start && text[info.end - 1] === '\n' ? info.end - 1 : info.end).line;
  const at = lines.lineEnd(lastLine);
  return [{ file: file.path, range: lines.range(at, at), newText: `${lines.eol}${info.entryIndent}${entry}` }];
}

/**
 * Moves an entry to another mapping of the same parent (a label to `annotations:`), as
 * written: removed where it is, added as the target's last entry, or under a new `key:`
 * written just before the source mapping's key when the target does not exist yet.
 */
export function yamlMoveEntry(
  file: ConfigFile,
  from: ConfigBlock,
  attribute: ConfigAttribute,
  to: { name: string; block: ConfigBlock | undefined },
): FileTextEdit[] {
  const { lines, text } = file;
  const source = yamlMappingInfo(from);
  if (!source || source.flow) return [];
  const entry = text.slice(lines.offsetAt(attribute.nameRange.start), lines.offsetAt(attribute.valueRange.end));
  if (entry.includes('\n')) return [];
  const removal = yamlRemoveEntry(file, from, attribute);
  if (to.block) {
    const target = yamlMappingInfo(to.block);
    if (!target || target.flow) return [];
    const lastLine = lines.positionAt(target.end > target.start && text[target.end - 1] === '\n' ? target.end - 1 : target.end).line;
    const at = lines.lineEnd(lastLine);
    return [...removal, { file: file.path, range: lines.range(at, at), newText: `${lines.eol}${target.entryIndent}${entry}` }];
  }
  const keyLine = from.headerRange.start.line;
  const keyIndent = /^[ \t]*/.exec(lines.lineText(keyLine))?.[0] ?? '';
  if (from.headerRange.start.character !== keyIndent.length) return [];
  const at = lines.lineStart(keyLine);
  const added = `${keyIndent}${to.name}:${lines.eol}${source.entryIndent}${entry}${lines.eol}`;
  return [{ file: file.path, range: lines.range(at, at), newText: added }, ...removal];
}
