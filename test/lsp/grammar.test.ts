import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

// No TextMate engine is installed here (the editor suites check the colours); this catches
// the mistakes that make VS Code drop a grammar silently: bad JSON, broken regexes, dangling includes.

const GRAMMAR_FILE = path.resolve(__dirname, '..', '..', '..', 'syntaxes', 'hcl.tmLanguage.json');
const MANIFEST_FILE = path.resolve(__dirname, '..', '..', '..', 'package.json');

interface Rule {
  include?: string;
  match?: string;
  begin?: string;
  end?: string;
  patterns?: Rule[];
  captures?: Record<string, Rule>;
  beginCaptures?: Record<string, Rule>;
  endCaptures?: Record<string, Rule>;
}

interface Grammar extends Rule {
  scopeName: string;
  repository: Record<string, Rule>;
}

function* rulesOf(rule: Rule): Generator<Rule> {
  yield rule;
  for (const child of rule.patterns ?? []) yield* rulesOf(child);
  for (const captures of [rule.captures, rule.beginCaptures, rule.endCaptures]) {
    for (const capture of Object.values(captures ?? {})) yield* rulesOf(capture);
  }
}

const grammar = JSON.parse(fs.readFileSync(GRAMMAR_FILE, 'utf8')) as Grammar;
const allRules = [...rulesOf(grammar), ...Object.values(grammar.repository).flatMap((r) => [...rulesOf(r)])];

test('the grammar is the one the manifest names, and every include resolves', () => {
  const manifest = JSON.parse(fs.readFileSync(MANIFEST_FILE, 'utf8')) as {
    contributes: { grammars: { scopeName: string; path: string }[] };
  };
  for (const entry of manifest.contributes.grammars) {
    assert.equal(entry.scopeName, grammar.scopeName);
    assert.equal(path.resolve(path.dirname(MANIFEST_FILE), entry.path), GRAMMAR_FILE);
  }
  for (const rule of allRules) {
    if (!rule.include || rule.include === '$self') continue;
    assert.ok(rule.include.startsWith('#') && rule.include.slice(1) in grammar.repository, `dangling include ${rule.include}`);
  }
});

test('every regex compiles (end patterns may refer back to their begin captures)', () => {
  for (const rule of allRules) {
    for (const source of [rule.match, rule.begin]) if (source !== undefined) assert.doesNotThrow(() => new RegExp(source), source);
    // \1 in an end pattern is the text the begin pattern captured (the heredoc marker).
    if (rule.end !== undefined) assert.doesNotThrow(() => new RegExp(rule.end!.replace(/\\\d/g, 'X')), rule.end);
  }
});

test('the patterns that matter most match what they should', () => {
  const find = (name: string) => allRules.find((r) => (r as { name?: string }).name === name && r.match !== undefined)?.match;
  const heredoc = grammar.repository.heredoc;
  assert.match('<<-EOT', new RegExp(heredoc.begin!));
  assert.match('  EOT', new RegExp(heredoc.end!.replace('\\1', 'EOT')));
  assert.match('${x}', new RegExp(grammar.repository.interpolation.begin!));
  assert.match('$${x}', new RegExp(grammar.repository['template-escape'].match!));
  assert.match('1.5e3', new RegExp(find('constant.numeric.hcl')!));
  assert.match('null', new RegExp(find('constant.language.hcl')!));
  const block = new RegExp(grammar.repository.block.begin!);
  assert.deepEqual([...('resource "huaweicloud_elb_listener" "web" {'.match(block) ?? [])].slice(1, 2), ['resource']);
  const attribute = new RegExp(grammar.repository.attribute.match!);
  assert.equal('  transparent_client_ip_enable = false'.match(attribute)?.[1], 'transparent_client_ip_enable');
  assert.equal('  a == b'.match(attribute), null, 'a comparison is not an assignment');
});
