import * as jsonc from 'jsonc-parser';
import type { FileTextEdit } from '../core/types';
import type { ConfigAttribute, ConfigBlock, ConfigFile } from '../parse/config';

/**
 * Text edits for quick fixes. They keep the user's layout: HCL edits re-pad the
 * neighbouring `=` signs the way `terraform fmt` aligns them, JSON edits go through
 * jsonc-parser with the file's own indentation.
 */

export function replaceValue(file: ConfigFile, attribute: ConfigAttribute, newText: string): FileTextEdit[] {
  return [{ file: file.path, range: attribute.valueRange, newText }];
}

/** Removes an attribute with its whole line (and trailing comment). */
export function removeAttribute(file: ConfigFile, block: ConfigBlock, attribute: ConfigAttribute): FileTextEdit[] {
  if (block.jsonPath) return jsonEdits(file, [...block.jsonPath, attribute.name], undefined);
  const { lines } = file;
  const startLine = attribute.range.start.line;
  const endLine = attribute.range.end.line;
  const before = file.text.slice(lines.lineStart(startLine), attribute.startOffset);
  const after = file.text.slice(attribute.endOffset, lines.lineEnd(endLine));
  const ownsLines = before.trim() === '' && (after.trim() === '' || /^\s*(#|\/\/)/.test(after));
  const edits: FileTextEdit[] = [];
  if (ownsLines) {
    const end = endLine + 1 < lines.lineCount ? lines.lineStart(endLine + 1) : lines.lineEnd(endLine);
    edits.push({ file: file.path, range: lines.range(lines.lineStart(startLine), end), newText: '' });
  } else {
    edits.push({ file: file.path, range: attribute.range, newText: '' });
  }
  const group = alignmentGroup(block, attribute).filter((a) => a !== attribute);
  edits.push(...realign(file, group, groupWidth(group)));
  return edits;
}

/** Removes a nested block (e.g. `insert_headers { … }`) with its lines. */
export function removeBlock(file: ConfigFile, block: ConfigBlock): FileTextEdit[] {
  if (block.jsonPath) return jsonEdits(file, block.jsonPath, undefined);
  const { lines } = file;
  const startLine = block.range.start.line;
  const endLine = block.range.end.line;
  const end = endLine + 1 < lines.lineCount ? lines.lineStart(endLine + 1) : lines.lineEnd(endLine);
  return [{ file: file.path, range: lines.range(lines.lineStart(startLine), end), newText: '' }];
}

/**
 * Adds `name = valueText` to a block, after its last attribute, aligned with the
 * attributes around it. `jsonValue` is the value for JSON files.
 */
export function addAttribute(
  file: ConfigFile,
  block: ConfigBlock,
  name: string,
  valueText: string,
  jsonValue: unknown,
): FileTextEdit[] {
  if (block.jsonPath) return jsonEdits(file, [...block.jsonPath, name], jsonValue);
  const { lines } = file;
  const eol = lines.eol;
  const attributes = [...block.attributes.values()].sort((a, b) => a.startOffset - b.startOffset);
  const last = attributes[attributes.length - 1];
  const blockIndent = indentOf(lines.lineText(block.range.start.line));
  if (!last) {
    const indent = blockIndent + '  ';
    // `{` followed directly by `}` on one line: open the block up.
    if (block.closeOffset !== undefined && block.range.start.line === block.range.end.line) {
      return [
        {
          file: file.path,
          range: lines.range(block.bodyStartOffset, block.closeOffset),
          newText: `${eol}${indent}${name} = ${valueText}${eol}${blockIndent}`,
        },
      ];
    }
    const at = lines.lineEnd(lines.positionAt(block.bodyStartOffset).line);
    return [{ file: file.path, range: lines.range(at, at), newText: `${eol}${indent}${name} = ${valueText}` }];
  }
  const indent = indentOf(lines.lineText(last.range.start.line));
  const lastIsSingleLine = last.range.start.line === last.range.end.line;
  const group = lastIsSingleLine ? alignmentGroup(block, last) : [];
  const width = Math.max(groupWidth(group), name.length);
  const at = lines.lineEnd(last.range.end.line);
  const padded = lastIsSingleLine ? name.padEnd(width) : name;
  return [
    ...realign(file, group, width),
    { file: file.path, range: lines.range(at, at), newText: `${eol}${indent}${padded} = ${valueText}` },
  ];
}

function indentOf(line: string): string {
  return /^[ \t]*/.exec(line)?.[0] ?? '';
}

/**
 * The attributes `terraform fmt` aligns together with `attribute`: a run of
 * attributes on consecutive lines; a multi-line value ends the run.
 */
function alignmentGroup(block: ConfigBlock, attribute: ConfigAttribute): ConfigAttribute[] {
  const sorted = [...block.attributes.values()].sort((a, b) => a.startOffset - b.startOffset);
  const index = sorted.indexOf(attribute);
  if (index < 0) return [];
  const nestedLines = new Set<number>();
  for (const nested of block.blocks) for (let l = nested.range.start.line; l <= nested.range.end.line; l++) nestedLines.add(l);
  let first = index;
  while (
    first > 0 &&
    sorted[first - 1].range.end.line === sorted[first - 1].range.start.line &&
    sorted[first - 1].range.start.line === sorted[first].range.start.line - 1
  ) {
    first--;
  }
  let last = index;
  while (
    last + 1 < sorted.length &&
    sorted[last].range.end.line === sorted[last].range.start.line &&
    sorted[last + 1].range.start.line === sorted[last].range.start.line + 1
  ) {
    last++;
  }
  return sorted.slice(first, last + 1).filter((a) => !nestedLines.has(a.range.start.line));
}

function groupWidth(group: ConfigAttribute[]): number {
  return group.reduce((max, a) => Math.max(max, a.name.length), 0);
}

/** Re-pads the space between each key and its `=` so the `=` signs line up. */
function realign(file: ConfigFile, group: ConfigAttribute[], width: number): FileTextEdit[] {
  const edits: FileTextEdit[] = [];
  for (const attribute of group) {
    const nameEnd = file.lines.offsetAt(attribute.nameRange.end);
    const equals = file.text.indexOf('=', nameEnd);
    if (equals < 0 || equals > attribute.endOffset) continue;
    const wanted = ' '.repeat(width - attribute.name.length + 1);
    if (file.text.slice(nameEnd, equals) !== wanted) {
      edits.push({ file: file.path, range: file.lines.range(nameEnd, equals), newText: wanted });
    }
  }
  return edits;
}

/** Minimal JSON edits with the file's own indentation. */
export function jsonEdits(file: ConfigFile, path: (string | number)[], value: unknown): FileTextEdit[] {
  const indentMatch = /\n([ \t]+)\S/.exec(file.text);
  const indent = indentMatch?.[1] ?? '  ';
  const edits = jsonc.modify(file.text, path, value, {
    formattingOptions: {
      insertSpaces: !indent.startsWith('\t'),
      tabSize: indent.startsWith('\t') ? 1 : indent.length,
      eol: file.lines.eol,
      insertFinalNewline: false,
    },
  });
  return edits.map((e) => ({
    file: file.path,
    range: file.lines.range(e.offset, e.offset + e.length),
    newText: e.content,
  }));
}

/** Writes a boolean in the resource's own type: `true` or `"true"`. */
export function boolLiteral(value: boolean, asString: boolean): string {
  return asString ? `"${value}"` : String(value);
}
