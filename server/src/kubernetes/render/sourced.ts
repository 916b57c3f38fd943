/**
 * Text with a source map, for manifests ELB Lens renders itself (kustomize overlays, Helm
 * charts): every piece of the rendered text that came from a file says where. A finding on
 * the rendered text then moves to the file and line that set the value (remap.ts).
 *
 * A segment is `linear` when its text is a verbatim copy of the origin's text (a literal
 * template line, a scalar written as it is in values.yaml): any sub-range maps. Otherwise it
 * maps only as a whole (a value Go formatted, a name with a prefix added). Segments never
 * span a line break. `unknown` marks what could not be rendered (unknown function, unknown
 * condition): the reader treats what touches it as unknown, never as a value.
 */

export interface Origin {
  file: string;
  start: number;
  end: number;
}

export interface Segment {
  start: number;
  end: number;
  origin: Origin;
  linear: boolean;
}

export interface Sourced {
  text: string;
  segments: Segment[];
  unknown: { start: number; end: number }[];
}

export const EMPTY: Sourced = { text: '', segments: [], unknown: [] };

export function plain(text: string): Sourced {
  return { text, segments: [], unknown: [] };
}

/** A copy of `origin`'s text: linear when the text is what the file holds there. */
export function fromOrigin(text: string, origin: Origin | undefined, linear: boolean): Sourced {
  if (!origin || text === '' || text.includes('\n')) return plain(text);
  return { text, segments: [{ start: 0, end: text.length, origin, linear }], unknown: [] };
}

/** A placeholder for what is not known; it reads as a plain YAML scalar. */
export function unknownText(): Sourced {
  const text = '__elb_lens_unknown__';
  return { text, segments: [], unknown: [{ start: 0, end: text.length }] };
}

export function concat(parts: readonly Sourced[]): Sourced {
  let text = '';
  const segments: Segment[] = [];
  const unknown: { start: number; end: number }[] = [];
  for (const part of parts) {
    const shift = text.length;
    text += part.text;
    for (const s of part.segments) segments.push({ ...s, start: s.start + shift, end: s.end + shift });
    for (const u of part.unknown) unknown.push({ start: u.start + shift, end: u.end + shift });
  }
  return { text, segments, unknown };
}

/** A builder that appends pieces in order. */
export class SourcedBuilder {
  private readonly parts: Sourced[] = [];
  private length = 0;

  add(part: Sourced | string): void {
    const piece = typeof part === 'string' ? plain(part) : part;
    this.parts.push(piece);
    this.length += piece.text.length;
  }

  get size(): number {
    return this.length;
  }

  build(): Sourced {
    return concat(this.parts);
  }
}

/** `text.slice(start, end)` with the segments and unknown marks clipped to it (a cut segment keeps mapping only if linear). */
export function slice(source: Sourced, start: number, end = source.text.length): Sourced {
  const segments: Segment[] = [];
  for (const s of source.segments) {
    const from = Math.max(s.start, start);
    const to = Math.min(s.end, end);
    if (from >= to) continue;
    if (s.linear) {
      segments.push({
        start: from - start,
        end: to - start,
        origin: { file: s.origin.file, start: s.origin.start + (from - s.start), end: s.origin.start + (to - s.start) },
        linear: true,
      });
    } else if (from === s.start && to === s.end) {
      segments.push({ ...s, start: from - start, end: to - start });
    }
  }
  const unknown = source.unknown
    .filter((u) => u.end > start && u.start < end)
    .map((u) => ({ start: Math.max(u.start, start) - start, end: Math.min(u.end, end) - start }));
  // A cut-through unknown mark stays unknown even when what is left of it is empty.
  for (const u of source.unknown)
    if (u.start === u.end && u.start >= start && u.start <= end) unknown.push({ start: u.start - start, end: u.start - start });
  return { text: source.text.slice(start, end), segments, unknown: dedupeMarks(unknown) };
}

function dedupeMarks(marks: { start: number; end: number }[]): { start: number; end: number }[] {
  const seen = new Set<string>();
  return marks.filter((m) => {
    const key = `${m.start}:${m.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Helm's `indent`: `pad` before the text and after each line break. */
export function indent(source: Sourced, width: number): Sourced {
  const pad = ' '.repeat(Math.max(0, Math.min(width, 1_000)));
  const parts: Sourced[] = [plain(pad)];
  let lineStart = 0;
  for (let i = source.text.indexOf('\n'); i !== -1; i = source.text.indexOf('\n', i + 1)) {
    parts.push(slice(source, lineStart, i + 1), plain(pad));
    lineStart = i + 1;
  }
  parts.push(slice(source, lineStart));
  return concat(parts);
}

/** Whether any unknown mark lies in [start, end] (an empty mark at either end counts). */
export function touchesUnknown(source: Sourced, start: number, end: number): boolean {
  return source.unknown.some((u) => (u.start === u.end ? u.start >= start && u.start <= end : u.start < end && u.end > start));
}
