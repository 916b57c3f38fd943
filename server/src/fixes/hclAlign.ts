/**
 * `terraform fmt`'s columns, line by line: on consecutive lines that assign (`key = value`,
 * block arguments and object entries alike) the `=` signs line up, and on consecutive lines
 * that end in a comment after some code the comments line up. A line that does neither (a
 * blank line, a comment line, a line that opens a multi-line value) ends the run. So a line
 * put in or taken out in the middle of a run changes the columns of the lines around it:
 * `realignAround` gives the padding edits that keep the file as `terraform fmt` writes it.
 */

/** What lines up on a line, in columns (UTF-16 code units from the line start). */
interface LineCells {
  /** The key's end and the `=`, when the line assigns a value that ends on this line. */
  assign?: { leadEnd: number; equals: number };
  /** The code's end and the comment's start, when a comment follows some code. */
  comment?: { codeEnd: number; start: number };
  /** A heredoc's body or end marker: part of the line that opened it, invisible to the runs. */
  continuation: boolean;
}

const HEREDOC = /^<<-?([A-Za-z_][\w-]*)/;

/** The cells of one line (`heredoc` is set when it opens one). */
function cellsOf(line: string): LineCells & { heredoc?: string } {
  const cells: LineCells & { heredoc?: string } = { continuation: false };
  // What the scanner is inside of, innermost last; `depth` counts brackets after the `=`.
  const open: ('string' | 'bracket' | 'interpolation')[] = [];
  let equals: number | undefined;
  let depth = 0;
  let firstToken = -1;
  let codeEnd = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    const top = open[open.length - 1];
    if (top === 'string') {
      if (c === '\\') i++;
      else if (c === '"') open.pop();
      else if ((c === '$' || c === '%') && line[i + 1] === c && line[i + 2] === '{') i += 2;
      else if ((c === '$' || c === '%') && line[i + 1] === '{') {
        open.push('interpolation');
        i++;
      }
      codeEnd = i + 1;
      continue;
    }
    if (c === ' ' || c === '\t') continue;
    if (c === '#' || (c === '/' && (line[i + 1] === '/' || line[i + 1] === '*'))) {
      const close = c === '/' && line[i + 1] === '*' ? line.indexOf('*/', i + 2) : -1;
      // An inline `/* … */` followed by more code is not a trailing comment.
      if (close !== -1 && line.slice(close + 2).trim() !== '') {
        i = close + 1;
        codeEnd = i + 1;
        continue;
      }
      if (firstToken !== -1) cells.comment = { codeEnd, start: i };
      break;
    }
    if (firstToken === -1) firstToken = i;
    codeEnd = i + 1;
    if (c === '<' && line[i + 1] === '<') {
      const marker = HEREDOC.exec(line.slice(i));
      if (marker) {
        cells.heredoc = marker[1];
        break;
      }
    }
    if (c === '"') open.push('string');
    else if (c === '(' || c === '[' || c === '{') {
      open.push('bracket');
      depth++;
    } else if (c === ')' || c === ']' || c === '}') {
      // The end of an interpolation goes back into its string: no bracket of the value.
      if (open.pop() !== 'interpolation') depth--;
    } else if (
      c === '=' &&
      equals === undefined &&
      i > firstToken &&
      !'=!<>'.includes(line[i - 1]) &&
      line[i + 1] !== '=' &&
      line[i + 1] !== '>'
    ) {
      equals = i;
      depth = 0;
    }
  }
  if (equals !== undefined && depth === 0) cells.assign = { leadEnd: line.slice(0, equals).trimEnd().length, equals };
  return cells;
}

/** Whether a line assigns a value that ends on it (`key = value`): terraform fmt aligns its `=`. */
export function assignsOnItsLine(line: string): boolean {
  return cellsOf(line).assign !== undefined;
}

/** The cells of every line of a text given as lines. */
function cellsOfLines(lines: readonly string[]): LineCells[] {
  const all: LineCells[] = [];
  let heredoc: string | undefined;
  let inBlockComment = false;
  for (const line of lines) {
    if (heredoc !== undefined) {
      all.push({ continuation: true });
      if (line.trim() === heredoc) heredoc = undefined;
      continue;
    }
    if (inBlockComment) {
      all.push({ continuation: false });
      if (line.includes('*/')) inBlockComment = false;
      continue;
    }
    const cells = cellsOf(line);
    heredoc = cells.heredoc;
    const opened = line.lastIndexOf('/*');
    if (opened !== -1 && line.indexOf('*/', opened + 2) === -1 && !line.slice(0, opened).includes('"')) inBlockComment = true;
    all.push({ assign: cells.assign, comment: cells.comment, continuation: cells.continuation });
  }
  return all;
}

/** A change of one line's padding: `[from, to)` on line `line` becomes `spaces` spaces. */
export interface Padding {
  line: number;
  from: number;
  to: number;
  spaces: number;
}

/**
 * The runs (of `kind`) that hold one of the lines `around`, in `lines`: each a list of line
 * numbers, heredoc bodies skipped.
 */
function runsAround(cells: LineCells[], kind: 'assign' | 'comment', around: readonly number[]): number[][] {
  const runs: number[][] = [];
  for (const start of around) {
    if (!cells[start]?.[kind] || runs.some((r) => r.includes(start))) continue;
    const run = [start];
    for (let l = start - 1; l >= 0 && (cells[l].continuation || cells[l][kind]); l--) if (!cells[l].continuation) run.unshift(l);
    for (let l = start + 1; l < cells.length && (cells[l].continuation || cells[l][kind]); l++) if (!cells[l].continuation) run.push(l);
    runs.push(run);
  }
  return runs;
}

/**
 * The padding that `terraform fmt` would give the `=` signs and trailing comments of the runs
 * that hold one of the lines `around` (line numbers of `lines`, the text after an edit):
 * only the changes.
 */
export function realignAround(lines: readonly string[], around: readonly number[]): Padding[] {
  const cells = cellsOfLines(lines);
  const paddings: Padding[] = [];
  /** Each line's code end once its `=` is padded (a comment's column depends on it). */
  const codeEnds = new Map<number, number>();
  for (const run of runsAround(cells, 'assign', around)) {
    const column = Math.max(...run.map((l) => cells[l].assign!.leadEnd)) + 1;
    for (const l of run) {
      const { leadEnd, equals } = cells[l].assign!;
      const spaces = column - leadEnd;
      if (equals - leadEnd !== spaces) paddings.push({ line: l, from: leadEnd, to: equals, spaces });
      const comment = cells[l].comment;
      if (comment) codeEnds.set(l, comment.codeEnd + spaces - (equals - leadEnd));
    }
  }
  // Comment runs: those of the lines around, and those of the lines whose `=` moved.
  const commentLines = [...around, ...codeEnds.keys()];
  for (const run of runsAround(cells, 'comment', commentLines)) {
    const end = (l: number) => codeEnds.get(l) ?? cells[l].comment!.codeEnd;
    const column = Math.max(...run.map(end)) + 1;
    for (const l of run) {
      const { codeEnd, start } = cells[l].comment!;
      const spaces = column - end(l);
      if (start - codeEnd !== spaces) paddings.push({ line: l, from: codeEnd, to: start, spaces });
    }
  }
  return paddings;
}
