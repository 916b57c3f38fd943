import type { FileTextEdit, Finding, Fix, Range, RelatedLocation } from '../../core/types';
import { LineIndex } from '../../parse/positions';
import type { Segment, Sourced } from './sourced';

/**
 * Findings on rendered text (a kustomize overlay's Services, a Helm template's output) moved
 * to the files that set the values: a range inside one segment maps to the segment's origin
 * (inside a linear one, exactly; else only as a whole), a range of whole lines maps when
 * each end does. Related locations and fix edits that do not map are dropped (a fix loses
 * all its edits then: half a fix is none); a finding that does not map goes to `fallback`.
 */

export interface RenderedText {
  /** The path the rendered text was analysed under (never a real file). */
  path: string;
  text: Sourced;
}

export type TextOf = (file: string) => string | undefined;

export function remapFindings(
  findings: readonly Finding[],
  rendered: RenderedText,
  textOf: TextOf,
  fallback: RelatedLocation,
  extra: RelatedLocation[],
): Finding[] {
  const mapper = new Remapper(rendered, textOf);
  return findings.map((finding) => {
    if (finding.file !== rendered.path) return finding;
    const place = mapper.range(finding.range) ?? { file: fallback.file, range: fallback.range };
    const related = finding.related.flatMap((r) => {
      if (r.file !== rendered.path) return [r];
      const mapped = mapper.range(r.range);
      return mapped && !(mapped.file === place.file && sameRange(mapped.range, place.range)) ? [{ ...r, ...mapped }] : [];
    });
    for (const e of extra) {
      if (e.file === place.file && sameRange(e.range, place.range)) continue;
      if (!related.some((r) => r.file === e.file && sameRange(r.range, e.range))) related.push(e);
    }
    const fixes: Fix[] = [];
    for (const fix of finding.fixes) {
      const edits = fix.edits.map((edit) => (edit.file === rendered.path ? mapper.edit(edit) : edit));
      if (edits.every((e): e is FileTextEdit => e !== undefined)) fixes.push({ ...fix, edits });
    }
    return { ...finding, file: place.file, range: place.range, related, fixes };
  });
}

/** Where a place in rendered text was written (for hosts that show model nodes: the map). */
export function renderedLocator(
  rendered: readonly RenderedText[],
  textOf: TextOf,
): (file: string, range: Range) => { file: string; range: Range } | undefined {
  const mappers = new Map(rendered.map((r) => [r.path, new Remapper(r, textOf)]));
  return (file, range) => mappers.get(file)?.range(range);
}

/** The places in rendered text that a place in a file became (a values.yaml key reaches each Service its template prints it in). */
export function renderedPlaces(rendered: readonly RenderedText[], file: string, offset: number): { path: string; offset: number }[] {
  const out: { path: string; offset: number }[] = [];
  for (const r of rendered) {
    for (const s of r.text.segments) {
      if (s.origin.file !== file || offset < s.origin.start || offset > s.origin.end) continue;
      out.push({ path: r.path, offset: s.linear ? s.start + (offset - s.origin.start) : s.start });
      break;
    }
  }
  return out;
}

function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

class Remapper {
  private readonly lines: LineIndex;
  private readonly indexes = new Map<string, LineIndex | undefined>();

  constructor(
    private readonly rendered: RenderedText,
    private readonly textOf: TextOf,
  ) {
    this.lines = new LineIndex(rendered.text.text);
  }

  private index(file: string): LineIndex | undefined {
    if (!this.indexes.has(file)) {
      const text = this.textOf(file);
      this.indexes.set(file, text === undefined ? undefined : new LineIndex(text));
    }
    return this.indexes.get(file);
  }

  /** The origin of [start, end] of the rendered text; undefined when it has none. */
  offsets(start: number, end: number, exact = false): { file: string; start: number; end: number } | undefined {
    for (const s of this.rendered.text.segments) {
      if (start < s.start || end > s.end) continue;
      if (s.linear) return { file: s.origin.file, start: s.origin.start + (start - s.start), end: s.origin.start + (end - s.start) };
      if (start === s.start && end === s.end) return { ...s.origin };
      // Inside a value that maps only as a whole: the whole value.
      if (end > start && !exact) return { ...s.origin };
    }
    const lines = this.wholeLines(start, end);
    if (lines || exact) return lines;
    // A range over several pieces (a key added by a JSON patch, its value from the patch): the pieces it holds, if from one file.
    const inside = this.rendered.text.segments.filter((s) => s.start >= start && s.end <= end);
    if (inside.length === 0 || inside.some((s) => s.origin.file !== inside[0].origin.file)) return undefined;
    return {
      file: inside[0].origin.file,
      start: Math.min(...inside.map((s) => s.origin.start)),
      end: Math.max(...inside.map((s) => s.origin.end)),
    };
  }

  /** Whole lines (indentation and line break included) whose text is one linear segment each end. */
  private wholeLines(start: number, end: number): { file: string; start: number; end: number } | undefined {
    const text = this.rendered.text.text;
    const first = this.segmentOfLine(start);
    const last = end === text.length || text[end - 1] === '\n' ? this.segmentOfLine(Math.max(start, end - 1), true) : undefined;
    if (!first || !last || first.origin.file !== last.origin.file || !first.linear || !last.linear) return undefined;
    const origin = this.textOf(first.origin.file);
    if (origin === undefined) return undefined;
    const originStart = origin.lastIndexOf('\n', first.origin.start - 1) + 1;
    if (origin.slice(originStart, first.origin.start).trim() !== '') return undefined;
    const lineEnd = origin.indexOf('\n', last.origin.end);
    if (origin.slice(last.origin.end, lineEnd === -1 ? origin.length : lineEnd).trim() !== '') return undefined;
    return { file: first.origin.file, start: originStart, end: lineEnd === -1 ? origin.length : lineEnd + 1 };
  }

  /** The segment that makes up the line starting at `offset` (or, `atEnd`, ending there), when blanks are all else on it. */
  private segmentOfLine(offset: number, atEnd = false): Segment | undefined {
    const text = this.rendered.text.text;
    const lineStart = text.lastIndexOf('\n', atEnd ? offset - 1 : offset - 1) + 1;
    if (!atEnd && offset !== lineStart) return undefined;
    const lineEndRaw = text.indexOf('\n', lineStart);
    const lineEnd = lineEndRaw === -1 ? text.length : lineEndRaw;
    const inLine = this.rendered.text.segments.filter((s) => s.start >= lineStart && s.end <= lineEnd);
    if (inLine.length !== 1) return undefined;
    const [s] = inLine;
    return text.slice(lineStart, s.start).trim() === '' && text.slice(s.end, lineEnd).trim() === '' ? s : undefined;
  }

  range(range: Range): { file: string; range: Range } | undefined {
    const mapped = this.offsets(this.lines.offsetAt(range.start), this.lines.offsetAt(range.end));
    const index = mapped && this.index(mapped.file);
    return mapped && index ? { file: mapped.file, range: index.range(mapped.start, mapped.end) } : undefined;
  }

  edit(edit: FileTextEdit): FileTextEdit | undefined {
    const start = this.lines.offsetAt(edit.range.start);
    const end = this.lines.offsetAt(edit.range.end);
    let mapped = this.offsets(start, end, true);
    // An insertion at a point: where a linear segment starts or ends.
    if (!mapped && start === end) {
      for (const s of this.rendered.text.segments) {
        if (s.linear && start >= s.start && start <= s.end)
          mapped = { file: s.origin.file, start: s.origin.start + (start - s.start), end: s.origin.start + (start - s.start) };
      }
    }
    if (!mapped) return undefined;
    // Text with line breaks is indented for the rendered text: only where the columns agree.
    if (edit.newText.includes('\n')) {
      const index = this.index(mapped.file);
      if (!index || index.positionAt(mapped.start).character !== edit.range.start.character) return undefined;
    }
    const index = this.index(mapped.file);
    return index ? { file: mapped.file, range: index.range(mapped.start, mapped.end), newText: edit.newText } : undefined;
  }
}
