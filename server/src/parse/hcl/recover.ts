import type { Node, Tree } from 'web-tree-sitter';
import type { Range } from '../../core/types';
import type { LineIndex } from '../positions';

/*
 * Recovery from syntax errors. tree-sitter repairs a broken file as best it can, but one
 * placeholder line (`...` in a snippet) inside a block makes that block run to the end of the
 * file, swallowing every block after it. So a damaged stretch of the tree is cut where a new
 * top-level item can start (a line beginning with a name at column 0), and each piece is
 * parsed on its own (see HclConverter.recoveredItems): what parses alone is analysed, what
 * does not is reported as a syntax error and left silent.
 */

/** Lexical state carried from line to line while looking for item starts. */
interface ScanState {
  /** The closing word of an open heredoc. */
  heredoc?: string;
  inBlockComment: boolean;
}

/**
 * A line that starts a top-level item: a block of a kind Terraform has at the top level, or
 * an argument (`.tfvars`). Nested blocks written at column 0 are not cut apart.
 */
const ITEM_START =
  /^(?:(?:resource|data|module|variable|output|locals|provider|terraform|moved|import|removed|check|ephemeral)\b|[A-Za-z_][\w-]*[ \t]*=(?![=>]))/;

/** Whether a line (its text) starts a top-level item where recovery cuts a damaged stretch. */
export function startsTopLevelItem(line: string): boolean {
  return ITEM_START.test(line);
}

/**
 * Pieces are parsed this many at a time: a stretch that parses cleanly is taken whole, one
 * with an error piece by piece (each parse has a fixed cost; one parse of all the rest would
 * hold a second tree of the whole file in memory).
 */
export const RECOVERY_CHUNK = 64;

/** At most this many pieces are parsed one by one; a damaged chunk past it is taken as one piece. */
export const MAX_SINGLE_PIECES = 1000;
const HEREDOC_OPENER = /^<<-?([A-Za-z_][\w-]*)/;

/** Updates `state` with what `line` opens or closes (strings, comments, heredocs). */
function scanLine(line: string, state: ScanState): void {
  let inString = false;
  let i = 0;
  while (i < line.length) {
    if (state.inBlockComment) {
      const close = line.indexOf('*/', i);
      if (close === -1) return;
      state.inBlockComment = false;
      i = close + 2;
      continue;
    }
    const c = line[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      i++;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '#' || (c === '/' && line[i + 1] === '/')) return;
    else if (c === '/' && line[i + 1] === '*') {
      state.inBlockComment = true;
      i++;
    } else if (c === '<' && line[i + 1] === '<') {
      const opener = HEREDOC_OPENER.exec(line.slice(i));
      if (opener) {
        state.heredoc = opener[1];
        return;
      }
    }
    i++;
  }
}

const LINE_COMMENT = /^\s*(#|\/\/)/;

/**
 * Offsets in (from, to) where a top-level item may start: lines that begin one at column 0
 * (ITEM_START), outside heredocs and block comments (as `terraform fmt` lays files out), each
 * with the comment lines right above it (an ignore comment goes with the block below it).
 * `from` must be where a top-level item starts.
 */
export function itemStarts(text: string, lines: LineIndex, from: number, to: number): number[] {
  const starts: number[] = [];
  const state: ScanState = { inBlockComment: false };
  const first = lines.positionAt(from).line;
  let comments: number | undefined;
  for (let line = first; line < lines.lineCount; line++) {
    const lineStart = line === first ? from : lines.lineStart(line);
    if (lineStart >= to) break;
    const content = text.slice(lineStart, Math.min(lines.lineEnd(line), to));
    if (state.heredoc !== undefined) {
      if (content.trim() === state.heredoc) state.heredoc = undefined;
      continue;
    }
    const outside = line !== first && !state.inBlockComment;
    if (outside && ITEM_START.test(content)) starts.push(comments ?? lineStart);
    comments = outside && LINE_COMMENT.test(content) ? (comments ?? lineStart) : undefined;
    scanLine(content, state);
  }
  return starts;
}

/**
 * Where parsing failed in `node`: its first ERROR node (up to the end of that node's first
 * line, which is where the unexpected text is) or MISSING node, in document order.
 */
export function firstErrorRange(node: Node, lines: LineIndex): Range {
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.isMissing) return lines.range(current.startIndex, current.endIndex);
    if (current.type === 'ERROR') {
      const placeholder = placeholderIn(current, lines);
      if (placeholder) return placeholder;
      const line = lines.positionAt(current.startIndex).line;
      const lineEnd = lines.lineEnd(line);
      const end = Math.min(current.endIndex, lineEnd);
      const text = lines.text.slice(current.startIndex, end).trimEnd();
      return lines.range(current.startIndex, current.startIndex + Math.max(text.length, Math.min(1, end - current.startIndex)));
    }
    if (!current.hasError) continue;
    for (let i = current.childCount - 1; i >= 0; i--) {
      const child = current.child(i);
      if (child) stack.push(child);
    }
  }
  return lines.range(node.startIndex, node.startIndex);
}

/**
 * A `...` that begins its line inside an ERROR node: a snippet's placeholder, where parsing
 * failed (an ellipsis is valid only after an expression, never first on a line).
 */
function placeholderIn(error: Node, lines: LineIndex): Range | undefined {
  const cursor = error.walk();
  try {
    let done = !cursor.gotoFirstChild();
    while (!done) {
      if (cursor.nodeType === 'ellipsis') {
        const { startIndex, endIndex } = cursor;
        const lineStart = lines.lineStart(lines.positionAt(startIndex).line);
        if (lines.text.slice(lineStart, startIndex).trim() === '') return lines.range(startIndex, endIndex);
      }
      if (cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent() || cursor.nodeId === error.id) {
          done = true;
          break;
        }
      }
    }
    return undefined;
  } finally {
    cursor.delete();
  }
}

/** The top-level nodes of a tree in document order: the body's items and what lies outside the body. */
export function topLevelNodes(tree: Tree): Node[] {
  // When nothing could be made of the text, the root itself is the ERROR node.
  if (tree.rootNode.type === 'ERROR') return [tree.rootNode];
  const nodes: Node[] = [];
  for (const child of tree.rootNode.namedChildren) {
    if (!child) continue;
    if (child.type !== 'body') nodes.push(child);
    else for (const item of child.namedChildren) if (item) nodes.push(item);
  }
  return nodes.sort((a, b) => a.startIndex - b.startIndex);
}
