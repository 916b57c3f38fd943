/**
 * Names and values come from the files checked (labels, strings, paths), and any of them may
 * be hostile: an escape sequence that rewrites the terminal, a line break that forges a line
 * of output or a workflow command, a backtick that ends a code span or a Markdown fence.
 * Every output format passes such text through one of these.
 */

/* eslint-disable no-control-regex -- matching control characters is the point here */

/** C0 and C1 control characters, DEL, line/paragraph separators and bidirectional overrides. */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Text for one line of a terminal or a log: control characters shown as `\u001b` (tab kept). */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => (c === '\t' ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/**
 * A log message (a path or a name in it may be hostile) as one line of a terminal or a CI log:
 * printable, its final line break kept, none inside (a line break would start a forged line).
 */
export function logLine(message: string): string {
  const ends = message.endsWith('\n');
  return `${printable(ends ? message.slice(0, -1) : message)}${ends ? '\n' : ''}`;
}

/** Text for XML (SVG, JUnit, Checkstyle): characters XML 1.0 cannot hold are dropped, markup escaped. */
export function xmlText(value: string | number): string {
  return String(value)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * Text inside a line of Markdown that stays text: brackets (no link or image), emphasis and
 * code-span marks, `|` (no table cell), `<`, `>` and `&` (no tag or entity) are
 * backslash-escaped; line breaks become spaces (so nothing starts a line: no heading, list or
 * fence); `@` is followed by a word joiner (no mention).
 */
export function markdownText(text: string): string {
  return printable(text.replace(/\r\n|\r|\n/g, ' '))
    .replace(/[\\`*_[\]|<>~&]/g, (c) => `\\${c}`)
    .replace(/@/g, '@\u2060');
}

/** `name` as a Markdown code span, whatever backticks and line breaks it holds. */
export function codeSpan(text: string): string {
  const flat = printable(text.replace(/\r\n|\r|\n/g, ' '));
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  // A space inside the fence when the text starts or ends with a backtick (CommonMark strips one).
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}
