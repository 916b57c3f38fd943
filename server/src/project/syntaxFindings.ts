import { SYNTAX_ERROR_RULE_ID } from '../core/options';
import { rangeContains, type Range } from '../core/types';
import type { ConfigBlock, ConfigFile } from '../parse/config';
import { startsTopLevelItem } from '../parse/hcl';
import type { ReportedFinding } from '../rules/support/instanceFindings';
import { findingMessage } from '../rules/support/messages';

/** `resource "a" "b"`: how a block is written, for the message. */
function blockHeader(block: ConfigBlock): string {
  return [block.type, ...block.labels.map((label) => JSON.stringify(label))].join(' ');
}

/** A block's first line up to its brace: a name at column 0, labels, `{`. */
const HEADER_LINE = /^([A-Za-z_][\w-]*(?:[ \t]+(?:"[^"\n]*"|[A-Za-z_][\w-]*))*)[ \t]*\{/;

/**
 * What the error at `range` is in: `item`, the line of the nearest item start above it (the
 * recovery cuts the file there, see parse/hcl/recover.ts; -1 when there is none), and
 * `header`, the block it is in: one the parser kept with its errors, else the block whose
 * header is on that line (none when that block is sound: the error is after it).
 */
function damagedItem(file: ConfigFile, range: Range): { item: number; header?: string } {
  let item = -1;
  let headerText: string | undefined;
  for (let line = range.start.line; line >= 0; line--) {
    const text = file.text.slice(file.lines.lineStart(line), file.lines.lineEnd(line));
    if (!startsTopLevelItem(text)) continue;
    item = line;
    if (!file.blocks.some((b) => b.range.start.line === line && b.range.start.character === 0 && !b.hasErrors))
      headerText = HEADER_LINE.exec(text)?.[1];
    break;
  }
  const kept = file.blocks.find((b) => b.hasErrors && rangeContains(b.range, range.start));
  const header = kept ? blockHeader(kept) : headerText;
  return header === undefined ? { item } : { item, header };
}

/**
 * Where a parsed Terraform file does not parse, as `syntax-error` warnings: the block around
 * the error is not checked (the parser kept the rest of the file, see parse/hcl/recover.ts), and
 * without this line the silence would look like a clean result. Only files that `mayMatter`
 * (the scan that decides which files are parsed up front): with the scan or without it, the
 * same files are reported.
 */
export function syntaxErrorFindings(
  files: readonly ConfigFile[],
  mayMatter: (file: ConfigFile) => boolean,
  docsBase: string,
): ReportedFinding[] {
  const reported: ReportedFinding[] = [];
  for (const file of files) {
    if (file.format !== 'hcl' || file.syntaxErrors.length === 0 || !mayMatter(file)) continue;
    // One line per damaged item: tree-sitter's recovery may leave a second error behind the first (a stray brace).
    const items = new Set<number>();
    for (const range of file.syntaxErrors) {
      const { item, header } = damagedItem(file, range);
      if (items.has(item)) continue;
      items.add(item);
      const message = header
        ? findingMessage(
            'This block has a syntax error, so ELB Lens does not check it.',
            `\`${header}\` does not parse here (a \`...\` placeholder copied from a snippet is a common cause); the file's other blocks are checked.`,
            'Correct the syntax here (terraform validate names the error).',
          )
        : findingMessage(
            'This text is not Terraform syntax, so ELB Lens does not check what it declares.',
            "It does not parse as a block or an argument (a `...` placeholder copied from a snippet is a common cause); the file's other blocks are checked.",
            'Correct or remove it (terraform validate names the error).',
          );
      reported.push({
        finding: {
          ruleId: SYNTAX_ERROR_RULE_ID,
          severity: 'warning',
          message,
          file: file.path,
          range,
          related: [],
          fixes: [],
          docsUrl: `${docsBase}${SYNTAX_ERROR_RULE_ID}.md`,
        },
      });
    }
  }
  return reported;
}
