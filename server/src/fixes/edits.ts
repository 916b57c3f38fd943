import type { FileTextEdit } from '../core/types';
import { exprText, type ConfigAttribute, type ConfigBlock, type ConfigFile } from '../parse/config';
import { assignsOnItsLine, realignAround, type Padding } from './hclAlign';
import { jsonPropertyEdits } from './jsonEdits';
import { yamlAddEntry, yamlRemoveEntry, yamlRenameKey, yamlReplaceValue } from './yamlEdits';

/**
 * Text edits for quick fixes. They keep the user's layout: HCL edits re-pad the
 * neighbouring `=` signs the way `terraform fmt` aligns them, JSON edits go through
 * jsonc-parser with the file's own indentation.
 */

export function replaceValue(file: ConfigFile, attribute: ConfigAttribute, newText: string): FileTextEdit[] {
  if (attribute.derived) return [];
  if (file.format === 'yaml') return yamlReplaceValue(file, attribute, newText);
  return [{ file: file.path, range: attribute.valueRange, newText }];
}

/** Gives an attribute another name, keeping its value (a misspelled YAML key; the quotes of a quoted one stay). */
export function renameAttribute(file: ConfigFile, attribute: ConfigAttribute, newName: string, block?: ConfigBlock): FileTextEdit[] {
  if (attribute.derived) return [];
  if (file.format === 'yaml') return yamlRenameKey(file, attribute, newName);
  const quoted = file.text[file.lines.offsetAt(attribute.nameRange.start)] === '"';
  const newText = quoted || !isIdentifier(newName) ? JSON.stringify(newName) : newName;
  const edit: FileTextEdit = { file: file.path, range: attribute.nameRange, newText };
  if (!block || block.jsonPath || file.format !== 'hcl') return [edit];
  // A longer or shorter key moves the `=` column of its run (terraform fmt aligns them).
  const run = alignmentRuns(file, block, sortedAttributes(block)).find((r) => r.includes(attribute));
  if (!run || run.length < 2) return [edit];
  const width = Math.max(newText.length, ...run.filter((a) => a !== attribute).map((a) => keyWidth(file, a)));
  const others = realign(
    file,
    run.filter((a) => a !== attribute),
    width,
  );
  const nameEnd = file.lines.offsetAt(attribute.nameRange.end);
  const equals = file.text.indexOf('=', nameEnd);
  const padding =
    equals >= 0 && equals <= file.lines.offsetAt(attribute.range.end)
      ? [{ file: file.path, range: file.lines.range(nameEnd, equals), newText: ' '.repeat(width - newText.length + 1) }]
      : [];
  return [edit, ...padding, ...others];
}

/** An HCL identifier: a name that needs no quotes as an attribute or object key. */
function isIdentifier(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(name);
}

/** The width of an attribute's key as written (quotes included): what terraform fmt aligns by. */
function keyWidth(file: ConfigFile, attribute: ConfigAttribute): number {
  const { start, end } = attribute.nameRange;
  return start.line === end.line ? end.character - start.character : attribute.name.length;
}

/** Removes an attribute with its whole line (and trailing comment). */
export function removeAttribute(file: ConfigFile, block: ConfigBlock, attribute: ConfigAttribute): FileTextEdit[] {
  if (attribute.derived) return [];
  if (file.format === 'yaml') return yamlRemoveEntry(file, block, attribute);
  if (block.jsonPath) return jsonEdits(file, [...block.jsonPath, attribute.name], undefined);
  const { lines } = file;
  const startLine = attribute.range.start.line;
  const endLine = attribute.range.end.line;
  const before = file.text.slice(lines.lineStart(startLine), lines.offsetAt(attribute.range.start));
  const after = file.text.slice(lines.offsetAt(attribute.range.end), lines.lineEnd(endLine));
  // An object entry may end in a comma (`"a" = "b",`): the line is still its own.
  const ownsLines = before.trim() === '' && (after.trim() === '' || /^\s*,?\s*(#|\/\/|$)/.test(after));
  if (!ownsLines) {
    // `name { a = 1 }`: the only attribute of a one-line block leaves `{}`, as terraform fmt writes it.
    const close = block.close;
    const isOneLineBlock = block.range.start.line === block.range.end.line;
    if (close !== undefined && isOneLineBlock && block.attributes.size === 1 && block.blocks.length === 0) {
      return [{ file: file.path, range: { start: block.bodyStart, end: close }, newText: '' }];
    }
    return [{ file: file.path, range: attribute.range, newText: '' }];
  }
  const end = endLine + 1 < lines.lineCount ? lines.lineStart(endLine + 1) : lines.lineEnd(endLine);
  const edits: FileTextEdit[] = [{ file: file.path, range: lines.range(lines.lineStart(startLine), end), newText: '' }];
  // The lines below move up, so the attributes around the removed one may now form one
  // `=` column (or a shorter one): realign the runs the neighbours end up in.
  const removedLines = endLine - startLine + 1;
  const sorted = sortedAttributes(block);
  const index = sorted.indexOf(attribute);
  const neighbours = [sorted[index - 1], sorted[index + 1]].filter((a): a is ConfigAttribute => a !== undefined);
  const remaining = sorted.filter((a) => a !== attribute);
  edits.push(...realignRuns(file, block, remaining, neighbours, (line) => (line > endLine ? line - removedLines : line)));
  return edits;
}

/**
 * Inserts `text` (a comment, say) as a line of its own before `line`, at `line`'s start.
 * A line without an attribute splits a run of aligned `=` signs, so the attributes just
 * above and below it are realigned the way `terraform fmt` would.
 */
export function insertLineBefore(file: ConfigFile, line: number, text: string): FileTextEdit[] {
  const at = file.lines.lineStart(line);
  const edits: FileTextEdit[] = [{ file: file.path, range: file.lines.range(at, at), newText: `${text}${file.lines.eol}` }];
  if (file.format !== 'hcl') return edits;
  const lines = linesOf(file);
  lines.splice(line, 0, text);
  // The runs the new line splits: those of the lines just above and below it.
  const paddings = realignAround(lines, [line - 1, line + 1]);
  return [...edits, ...paddingEdits(file, paddings, (l) => (l === line ? undefined : l > line ? l - 1 : l))];
}

/**
 * Removes whole lines that hold no attribute of the block around them (a comment, a
 * nested block), line breaks included. The attributes above and below may then form
 * one run of aligned `=` signs: they are realigned.
 */
export function removeLines(file: ConfigFile, firstLine: number, lastLine: number): FileTextEdit[] {
  const { lines } = file;
  const end = lastLine + 1 < lines.lineCount ? lines.lineStart(lastLine + 1) : lines.lineEnd(lastLine);
  const edits: FileTextEdit[] = [{ file: file.path, range: lines.range(lines.lineStart(firstLine), end), newText: '' }];
  if (file.format !== 'hcl') return edits;
  const remaining = linesOf(file);
  const removed = lastLine - firstLine + 1;
  remaining.splice(firstLine, removed);
  // The lines just above and below the removed ones may now be one run.
  const paddings = realignAround(remaining, [firstLine - 1, firstLine]);
  return [...edits, ...paddingEdits(file, paddings, (l) => (l >= firstLine ? l + removed : l))];
}

/** The lines of a file, without their line breaks. */
function linesOf(file: ConfigFile): string[] {
  return Array.from({ length: file.lines.lineCount }, (_, line) => file.lines.lineText(line));
}

/** Paddings computed on an edited text, as edits of the file (`originalLine` maps the edited text's lines back). */
function paddingEdits(file: ConfigFile, paddings: Padding[], originalLine: (line: number) => number | undefined): FileTextEdit[] {
  const edits: FileTextEdit[] = [];
  for (const { line, from, to, spaces } of paddings) {
    const original = originalLine(line);
    if (original === undefined) continue;
    const start = file.lines.lineStart(original);
    edits.push({ file: file.path, range: file.lines.range(start + from, start + to), newText: ' '.repeat(spaces) });
  }
  return edits;
}

/** Realigns the runs (after an edit that moves lines, see `lineOf`) that hold one of `neighbours`. */
function realignRuns(
  file: ConfigFile,
  block: ConfigBlock,
  attributes: ConfigAttribute[],
  neighbours: ConfigAttribute[],
  lineOf: (line: number) => number,
): FileTextEdit[] {
  const edits: FileTextEdit[] = [];
  for (const run of alignmentRuns(file, block, attributes, lineOf)) {
    if (run.some((a) => neighbours.includes(a))) edits.push(...realign(file, run, groupWidth(file, run)));
  }
  return edits;
}

/** Removes a nested block (e.g. `insert_headers { … }`) with its lines, realigning the attributes around it. */
export function removeBlock(file: ConfigFile, block: ConfigBlock): FileTextEdit[] {
  if (block.jsonPath) return jsonEdits(file, block.jsonPath, undefined);
  return removeLines(file, block.range.start.line, block.range.end.line);
}

/**
 * Adds `name = valueText` to a block, after its last attribute, aligned with the
 * attributes around it. `jsonValue` is the value for JSON files.
 */
export function addAttribute(file: ConfigFile, block: ConfigBlock, name: string, valueText: string, jsonValue: unknown): FileTextEdit[] {
  if (block.derived) return [];
  if (file.format === 'yaml') return yamlAddEntry(file, block, name, jsonValue);
  if (block.jsonPath) return jsonEdits(file, [...block.jsonPath, name], jsonValue);
  // An object key that is no identifier (an annotation name) is written in quotes.
  if (!isIdentifier(name)) name = JSON.stringify(name);
  const { lines } = file;
  const eol = lines.eol;
  const attributes = sortedAttributes(block);
  const last = attributes[attributes.length - 1];
  const blockIndent = indentOf(lines.lineText(block.range.start.line));
  const close = block.close;
  if (close !== undefined && block.range.start.line === block.range.end.line) {
    // `name {}` or `name { a = 1 }`: open the block up, one aligned attribute a line.
    const indent = blockIndent + '  ';
    const entries: [string, string][] = attributes.map((a) => [
      file.text.slice(lines.offsetAt(a.nameRange.start), lines.offsetAt(a.nameRange.end)),
      file.text.slice(lines.offsetAt(a.valueRange.start), lines.offsetAt(a.valueRange.end)),
    ]);
    entries.push([name, valueText]);
    const width = Math.max(...entries.map(([key]) => key.length));
    const body = entries.map(([key, value]) => `${eol}${indent}${key.padEnd(width)} = ${value}`).join('');
    return [{ file: file.path, range: { start: block.bodyStart, end: close }, newText: `${body}${eol}${blockIndent}` }];
  }
  if (!last) {
    const indent = blockIndent + '  ';
    const at = lines.lineEnd(block.bodyStart.line);
    return [{ file: file.path, range: lines.range(at, at), newText: `${eol}${indent}${name} = ${valueText}` }];
  }
  const indent = indentOf(lines.lineText(last.range.start.line));
  // The new line follows the last attribute, so it joins that attribute's `=` column, if it has one.
  const run = alignmentRuns(file, block, attributes).find((r) => r.includes(last)) ?? [];
  const width = Math.max(groupWidth(file, run), name.length);
  const at = lines.lineEnd(last.range.end.line);
  const padded = run.length > 0 ? name.padEnd(width) : name;
  return [
    ...realign(file, run, width),
    { file: file.path, range: lines.range(at, at), newText: `${eol}${indent}${padded} = ${valueText}` },
  ];
}

/**
 * Adds `name` to `block` with the value `source` has in `sourceFile` (another block's
 * attribute), as `addAttribute` does. Undefined when the value does not carry over as
 * written: the two files differ in format (an HCL expression is no JSON value, nor the
 * reverse), or the JSON text is not a plain value.
 */
export function addCopiedAttribute(
  file: ConfigFile,
  block: ConfigBlock,
  name: string,
  sourceFile: ConfigFile,
  source: ConfigAttribute,
): { valueText: string; edits: FileTextEdit[] } | undefined {
  if (sourceFile.format !== file.format) return undefined;
  const valueText = exprText(sourceFile, source.expr);
  let jsonValue: unknown;
  if (block.jsonPath) {
    try {
      jsonValue = JSON.parse(valueText);
    } catch {
      return undefined;
    }
  }
  return { valueText, edits: addAttribute(file, block, name, valueText, jsonValue) };
}

function indentOf(line: string): string {
  return /^[ \t]*/.exec(line)?.[0] ?? '';
}

function sortedAttributes(block: ConfigBlock): ConfigAttribute[] {
  return [...block.attributes.values()].sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
}

/**
 * The runs of attributes whose `=` signs `terraform fmt` lines up: attributes on
 * consecutive lines. An attribute whose first line opens a bracket (`tags = {`, a
 * multi-line list or call) is in no run and ends the one before it; a heredoc value
 * (`user_data = <<EOF`) keeps its `=` in the column and the run goes on after it.
 * `lineOf` maps line numbers, for a file about to lose some lines.
 */
function alignmentRuns(
  file: ConfigFile,
  block: ConfigBlock,
  attributes: ConfigAttribute[],
  lineOf: (line: number) => number = (line) => line,
): ConfigAttribute[][] {
  const nestedLines = new Set<number>();
  for (const nested of block.blocks) for (let l = nested.range.start.line; l <= nested.range.end.line; l++) nestedLines.add(l);
  const runs: ConfigAttribute[][] = [];
  let run: ConfigAttribute[] = [];
  let previous: ConfigAttribute | undefined;
  for (const attribute of attributes) {
    if (nestedLines.has(attribute.range.start.line) || !hasEqualsColumn(file, attribute)) {
      previous = undefined;
      continue;
    }
    if (previous && lineOf(previous.range.end.line) + 1 === lineOf(attribute.range.start.line)) {
      run.push(attribute);
    } else {
      run = [attribute];
      runs.push(run);
    }
    previous = attribute;
  }
  return runs;
}

/**
 * Whether `terraform fmt` aligns this attribute's `=`: its first line must hold a
 * whole expression, that is open no bracket, `${` or `%{` before a heredoc starts.
 */
function hasEqualsColumn(file: ConfigFile, attribute: ConfigAttribute): boolean {
  if (attribute.range.start.line === attribute.range.end.line) return true;
  return assignsOnItsLine(file.lines.lineText(attribute.nameRange.end.line));
}

function groupWidth(file: ConfigFile, group: ConfigAttribute[]): number {
  return group.reduce((max, a) => Math.max(max, keyWidth(file, a)), 0);
}

/** Re-pads the space between each key and its `=` so the `=` signs line up. */
function realign(file: ConfigFile, group: ConfigAttribute[], width: number): FileTextEdit[] {
  const edits: FileTextEdit[] = [];
  for (const attribute of group) {
    const nameEnd = file.lines.offsetAt(attribute.nameRange.end);
    const equals = file.text.indexOf('=', nameEnd);
    if (equals < 0 || equals > file.lines.offsetAt(attribute.range.end)) continue;
    const wanted = ' '.repeat(width - keyWidth(file, attribute) + 1);
    if (file.text.slice(nameEnd, equals) !== wanted) {
      edits.push({ file: file.path, range: file.lines.range(nameEnd, equals), newText: wanted });
    }
  }
  return edits;
}

/** Minimal JSON edits that keep the file's indentation, spacing and comments (see jsonEdits.ts). */
export function jsonEdits(file: ConfigFile, path: (string | number)[], value: unknown): FileTextEdit[] {
  return jsonPropertyEdits(file.text, path, value, file.lines.eol).map((e) => ({
    file: file.path,
    range: file.lines.range(e.offset, e.offset + e.length),
    newText: e.content,
  }));
}

/** Writes a boolean in the resource's own type: `true` or `"true"`. */
export function boolLiteral(value: boolean, asString: boolean): string {
  return asString ? `"${value}"` : String(value);
}
