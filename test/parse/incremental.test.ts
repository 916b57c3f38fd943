import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { Edit, Tree } from 'web-tree-sitter';
import type { ConfigFile } from '../../server/src/parse/config';
import { loadHclParser, newBlockCache, treeEditFor, type HclParser } from '../../server/src/parse/hcl';
import { LineIndex } from '../../server/src/parse/positions';

/*
 * A document's conversion after an edit converts only the top-level items the edit touches
 * and moves the others (in place). These tests compare it, edit by edit, with a conversion
 * from scratch of the same text, on every example file, with edits chosen to break the
 * structure around them (open strings, heredocs, comments, braces, operators).
 */

const EXAMPLES = path.resolve(__dirname, '..', '..', '..', 'examples');

function exampleFiles(dir = EXAMPLES): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...exampleFiles(full));
    else if (entry.name.endsWith('.tf')) out.push(full);
  }
  return out.sort();
}

function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** What a conversion says, as plain data (Maps as entry lists), for deepEqual. */
function summary(file: ConfigFile): unknown {
  return JSON.parse(
    JSON.stringify(
      { blocks: file.blocks, attributes: file.attributes, comments: file.comments, syntaxErrors: file.syntaxErrors },
      (_k, v) => (v instanceof Map ? [...(v as Map<unknown, unknown>)] : (v as unknown)),
    ),
  );
}

function fresh(parser: HclParser, text: string): ConfigFile {
  const tree = parser.parseTree(text);
  try {
    return parser.toConfigFile('/mem/main.tf', text, tree);
  } finally {
    tree.delete();
  }
}

const SNIPPETS = [
  '"',
  '{',
  '}',
  '\n',
  '\n\n',
  ' ',
  'x',
  '# note\n',
  '/*',
  '*/',
  ' + 1',
  '.id',
  '${',
  '<<EOF\n',
  'EOF\n',
  '<<-EOT\n  text\n  EOT\n',
  'a = 1\n',
  'resource "huaweicloud_lb_listener_v3" "typed" {\n  protocol = "TCP"\n}\n',
  'locals {\n  x = "y"\n}\n',
  'é',
  '😀',
  '\r\n',
];

/** A document being edited: its text, tree and conversion state, as the service keeps them. */
class Document {
  private tree: Tree;
  private readonly cache = newBlockCache();
  config: ConfigFile;
  /** Conversions from a sound text to a sound text: where the incremental path should apply. */
  eligible = 0;

  constructor(
    private readonly parser: HclParser,
    public text: string,
  ) {
    this.tree = parser.parseTree(text);
    this.config = parser.toConfigFile('/mem/main.tf', text, this.tree, this.cache);
  }

  /** Tree edits since the last conversion. */
  private pending: Edit[] = [];

  /**
   * Applies edits (each in the coordinates the previous ones left), then converts once, as
   * the service does: the block they fall in alone if possible, else after a reparse.
   */
  edit(edits: { start: number; end: number; insert: string }[]): void {
    for (const { start, end, insert } of edits) {
      const edit = treeEditFor(this.text, start, end, insert, new LineIndex(this.text));
      this.tree.edit(edit);
      this.pending.push(edit);
      this.text = this.text.slice(0, start) + insert + this.text.slice(end);
    }
    const wasClean = this.cache.clean;
    const local = this.parser.toConfigFileWithinBlock('/mem/main.tf', this.text, this.cache, undefined, { edits: this.pending });
    if (local) {
      this.eligible++;
      this.config = local;
      this.pending = [];
      return;
    }
    const tree = this.parser.parseTree(this.text, this.tree);
    if (wasClean && !tree.rootNode.hasError) this.eligible++;
    this.tree.delete();
    this.tree = tree;
    this.config = this.parser.toConfigFile('/mem/main.tf', this.text, tree, this.cache, undefined, { edits: this.pending });
    this.pending = [];
  }

  dispose(): void {
    this.tree.delete();
  }
}

/** Edits that keep sound text sound, as most keystrokes do: typing in strings, lines and blocks added or removed. */
function typingEdit(random: () => number, text: string): { start: number; end: number; insert: string } {
  const lines = new LineIndex(text);
  const line = Math.floor(random() * lines.lineCount);
  const lineStart = lines.lineStart(line);
  const lineText = lines.lineText(line);
  const choice = random();
  const quote = lineText.indexOf('"');
  if (choice < 0.4 && quote !== -1 && lineText.indexOf('"', quote + 1) > quote) {
    const at = lineStart + quote + 1 + Math.floor(random() * (lineText.indexOf('"', quote + 1) - quote));
    return random() < 0.7 || text[at] === '"' ? { start: at, end: at, insert: 'x' } : { start: at, end: at + 1, insert: '' };
  }
  if (choice < 0.6) return { start: lineStart, end: lineStart, insert: '\n' };
  if (choice < 0.7 && lineText === '' && line + 1 < lines.lineCount) return { start: lineStart, end: lineStart + 1, insert: '' };
  if (choice < 0.8)
    return { start: lineStart, end: lineStart, insert: `${' '.repeat(lineText.length - lineText.trimStart().length)}# note\n` };
  // A whole block after a top-level closing brace.
  const close = text.indexOf('\n}\n', lineStart);
  if (close === -1) return { start: lineStart, end: lineStart, insert: '\n' };
  const at = close + 3;
  return { start: at, end: at, insert: 'locals {\n  typed = "value"\n}\n' };
}

function randomEdit(random: () => number, text: string): { start: number; end: number; insert: string } {
  if (random() < 0.6) return typingEdit(random, text);
  const start = Math.floor(random() * (text.length + 1));
  const end = Math.min(text.length, start + (random() < 0.6 ? 0 : Math.floor(random() * 40)));
  const insert = random() < 0.25 ? '' : SNIPPETS[Math.floor(random() * SNIPPETS.length)];
  return { start, end, insert };
}

test('converting only the items an edit touches gives what a conversion from scratch gives (every example, random edits)', async () => {
  const parser = await loadHclParser();
  const files = exampleFiles();
  assert.ok(files.length >= 10, `examples found: ${files.length}`);
  const before = { ...parser.conversions };
  let steps = 0;
  let eligible = 0;
  for (const [index, file] of files.entries()) {
    const random = prng(1000 + index);
    const doc = new Document(parser, fs.readFileSync(file, 'utf8'));
    try {
      for (let step = 0; step < 60; step++) {
        // Mostly one edit per conversion (a keystroke), sometimes several (a debounced burst, multi-cursor).
        const count = random() < 0.8 ? 1 : 2 + Math.floor(random() * 3);
        const edits = [];
        let text = doc.text;
        for (let k = 0; k < count; k++) {
          const edit = randomEdit(random, text);
          edits.push(edit);
          text = text.slice(0, edit.start) + edit.insert + text.slice(edit.end);
        }
        const previousText = doc.text;
        doc.edit(edits);
        steps++;
        assert.deepEqual(summary(doc.config), summary(fresh(parser, doc.text)), `${path.relative(EXAMPLES, file)}, step ${step}`);
        // Undone (as one replacement of the changed stretch) when it broke the syntax, and now
        // and then otherwise, so that most edits start from sound text, where the incremental path applies.
        const broken = doc.config.syntaxErrors.length > 0 || doc.config.blocks.some((b) => b.hasErrors);
        if (broken || random() < 0.3) {
          let prefix = 0;
          while (prefix < previousText.length && prefix < doc.text.length && previousText[prefix] === doc.text[prefix]) prefix++;
          let suffix = 0;
          while (
            suffix < previousText.length - prefix &&
            suffix < doc.text.length - prefix &&
            previousText[previousText.length - 1 - suffix] === doc.text[doc.text.length - 1 - suffix]
          )
            suffix++;
          doc.edit([{ start: prefix, end: doc.text.length - suffix, insert: previousText.slice(prefix, previousText.length - suffix) }]);
          steps++;
          assert.equal(doc.text, previousText);
          assert.deepEqual(summary(doc.config), summary(fresh(parser, doc.text)), `${path.relative(EXAMPLES, file)}, undo of step ${step}`);
        }
      }
    } finally {
      eligible += doc.eligible;
      doc.dispose();
    }
  }
  const incremental = parser.conversions.incremental - before.incremental + (parser.conversions.withinBlock - before.withinBlock);
  assert.ok(parser.conversions.withinBlock - before.withinBlock > 0, 'some edits were converted within their block');
  // Broken text is converted whole (and once more after the fix); from sound text to sound
  // text the incremental path must be the rule, falling back only where a neighbour moved.
  assert.ok(eligible > steps / 3, `sound-to-sound conversions: ${eligible} of ${steps}`);
  assert.ok(incremental >= eligible * 0.9 && incremental <= eligible, `incremental conversions: ${incremental} of ${eligible} eligible`);
});

test('typing inside a block and adding/removing lines converts incrementally and moves the items after it', async () => {
  const parser = await loadHclParser();
  const text = fs.readFileSync(path.join(EXAMPLES, 'huaweicloud', 'main.tf'), 'utf8');
  const doc = new Document(parser, text);
  try {
    const before = { ...parser.conversions };
    const at = doc.text.indexOf('protocol');
    assert.ok(at > 0);
    const blockAfter = doc.config.blocks.find((b) => b.range.start.line > new LineIndex(doc.text).positionAt(at).line + 2);
    assert.ok(blockAfter, 'a block after the edited line');
    const lineBefore = blockAfter.range.start.line;
    // An empty line above the attribute: every later block moves down by one.
    const lineStart = doc.text.lastIndexOf('\n', at) + 1;
    doc.edit([{ start: lineStart, end: lineStart, insert: '\n' }]);
    assert.deepEqual(summary(doc.config), summary(fresh(parser, doc.text)));
    const moved = doc.config.blocks.find((b) => b.labels.join('.') === blockAfter.labels.join('.') && b.type === blockAfter.type);
    assert.equal(moved?.range.start.line, lineBefore + 1);
    // Removed again.
    doc.edit([{ start: lineStart, end: lineStart + 1, insert: '' }]);
    assert.deepEqual(summary(doc.config), summary(fresh(parser, doc.text)));
    const fast = () => parser.conversions.incremental + parser.conversions.withinBlock;
    assert.equal(fast() - (before.incremental + before.withinBlock), 2, 'neither edit converted everything');
    // Typing inside an argument's value: only that block is parsed again.
    const withinBefore = parser.conversions.withinBlock;
    const quote = doc.text.indexOf('"', doc.text.indexOf('protocol')) + 1;
    doc.edit([{ start: quote, end: quote, insert: 'x' }]);
    assert.deepEqual(summary(doc.config), summary(fresh(parser, doc.text)));
    assert.equal(parser.conversions.withinBlock - withinBefore, 1, 'converted within its block');
    // A later edit elsewhere reparses the tree that was left with the first edit.
    doc.edit([{ start: 0, end: 0, insert: '\n' }]);
    assert.deepEqual(summary(doc.config), summary(fresh(parser, doc.text)));
  } finally {
    doc.dispose();
  }
});

test('text that runs into the next block (an operator, an open heredoc) is caught: the result still matches a fresh conversion', async () => {
  const parser = await loadHclParser();
  const source = ['locals {', '  a = 1', '}', '', 'x = 1', '', 'locals {', '  b = <<EOF', 'hello', 'EOF', '}', ''].join('\n');
  for (const insert of [' + 2', ' <<EOF\n', '.y', ' ? 1 : 2', '\nresource "a" "b" {\n', '# }\n']) {
    const doc = new Document(parser, source);
    try {
      const at = doc.text.indexOf('x = 1') + 'x = 1'.length;
      doc.edit([{ start: at, end: at, insert }]);
      assert.deepEqual(summary(doc.config), summary(fresh(parser, doc.text)), JSON.stringify(insert));
    } finally {
      doc.dispose();
    }
  }
});

test('no two places of a converted file share a position object (blocks are moved in place)', async () => {
  const parser = await loadHclParser();
  for (const file of exampleFiles()) {
    const config = fresh(parser, fs.readFileSync(file, 'utf8'));
    const seen = new Set<object>();
    const visit = (value: unknown, where: string): void => {
      if (value === null || typeof value !== 'object') return;
      if (value instanceof Map) {
        for (const [k, v] of value as Map<unknown, unknown>) visit(v, `${where}.${String(k)}`);
        return;
      }
      const record = value as Record<string, unknown>;
      if (typeof record.line === 'number' && typeof record.character === 'number') {
        assert.ok(!seen.has(record), `${path.relative(EXAMPLES, file)}: position shared at ${where}`);
        seen.add(record);
        return;
      }
      for (const key of Object.keys(record)) visit(record[key], `${where}.${key}`);
    };
    visit(config.blocks, 'blocks');
    visit(config.attributes, 'attributes');
    visit(config.comments, 'comments');
  }
});
