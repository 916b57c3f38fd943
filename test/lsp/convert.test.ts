import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import type { Finding } from '../../server/src/core/types';
import { toDiagnostic, toInlayHint, toQuickFix, toWorkspaceEdit } from '../../server/src/lsp/convert';
import { pathToUri, untitledPath, uriToPath } from '../../server/src/lsp/fileUris';
import { DEFAULT_SETTINGS, parseSettings } from '../../server/src/lsp/settings';

const range = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });

const finding: Finding = {
  ruleId: 'client-ip-always-on',
  severity: 'warning',
  message: 'm',
  file: '/ws/main.tf',
  range: range(3, 2, 10),
  related: [{ file: '/ws/lb.tf', range: range(0, 9, 20), message: 'load balancer' }],
  fixes: [{ title: 'Remove', edits: [{ file: '/ws/main.tf', range: range(3, 0, 12), newText: '' }], isPreferred: true }],
  docsUrl: 'file:///ext/docs/rules/client-ip-always-on.md',
};

describe('conversions to LSP', () => {
  test('a finding becomes a diagnostic with code, source, docs link and related information', () => {
    const diagnostic = toDiagnostic(finding, pathToUri);
    assert.equal(diagnostic.code, 'client-ip-always-on');
    assert.equal(diagnostic.source, 'elb-lens');
    assert.equal(diagnostic.severity, 2);
    assert.deepEqual(diagnostic.range, finding.range);
    assert.equal(diagnostic.codeDescription, undefined, 'no public page: no link (not the local file)');
    const page = 'https://example.org/docs/rules/client-ip-always-on.md';
    assert.deepEqual(toDiagnostic(finding, pathToUri, () => page).codeDescription, { href: page });
    assert.deepEqual(diagnostic.relatedInformation, [
      { location: { uri: 'file:///ws/lb.tf', range: range(0, 9, 20) }, message: 'load balancer' },
    ]);
    assert.deepEqual(toDiagnostic({ ...finding, unusedSuppression: true }, pathToUri).tags, [1]);
  });

  test('a fix becomes a preferred quick fix bound to its diagnostic; edits group by file', () => {
    const action = toQuickFix(finding.fixes[0], finding, pathToUri);
    assert.equal(action.kind, 'quickfix');
    assert.equal(action.isPreferred, true);
    assert.equal(action.diagnostics?.[0].code, 'client-ip-always-on');
    const edit = toWorkspaceEdit(
      [
        { file: '/ws/a.tf', range: range(0, 0, 1), newText: 'x' },
        { file: '/ws/b.tf', range: range(1, 0, 1), newText: 'y' },
        { file: '/ws/a.tf', range: range(2, 0, 1), newText: 'z' },
      ],
      pathToUri,
    );
    assert.deepEqual(Object.keys(edit.changes ?? {}), ['file:///ws/a.tf', 'file:///ws/b.tf']);
    assert.equal(edit.changes?.['file:///ws/a.tf'].length, 2);
  });

  test('uris and paths, inlay hints', () => {
    assert.equal(uriToPath(pathToUri('/a b/c.tf')), '/a b/c.tf');
    assert.equal(uriToPath('untitled:Untitled-1'), undefined);
    assert.equal(toInlayHint({ position: { line: 1, character: 2 }, label: 'client IP: on' }).paddingLeft, true);
  });

  test('untitled documents: a made-up path per document with its language extension, mapped back to the untitled URI', () => {
    const first = untitledPath('untitled:Untitled-1', 'terraform');
    const second = untitledPath('untitled:Untitled-2', 'terraform');
    assert.match(first ?? '', /untitled\.tf$/);
    assert.notEqual(path.dirname(first!), path.dirname(second!), 'each untitled document is a module of its own');
    assert.match(untitledPath('untitled:Untitled-3', 'jsonc') ?? '', /\.jsonc$/);
    assert.equal(untitledPath('untitled:Untitled-4', 'python'), undefined);
    const uriOf = (file: string) => (file === first ? 'untitled:Untitled-1' : pathToUri(file));
    const untitledFinding: Finding = { ...finding, file: first!, related: [{ file: first!, range: range(0, 0, 1), message: 'lb' }] };
    assert.equal(toDiagnostic(untitledFinding, uriOf).relatedInformation?.[0].location.uri, 'untitled:Untitled-1');
    const fix = toQuickFix({ title: 'Remove', edits: [{ file: first!, range: range(3, 0, 12), newText: '' }] }, untitledFinding, uriOf);
    assert.deepEqual(Object.keys(fix.edit?.changes ?? {}), ['untitled:Untitled-1']);
  });
});

describe('settings', () => {
  test('defaults, valid values, and malformed values that fall back with a message', () => {
    assert.deepEqual(parseSettings(undefined), DEFAULT_SETTINGS);
    const problems: string[] = [];
    const settings = parseSettings(
      {
        enable: 'yes',
        rules: { 'client-ip-always-on': 'off', x: 'loud' },
        run: 'onSave',
        inlayHints: { enable: false },
        diagnostics: { scope: 'everywhere' },
      },
      problems,
    );
    assert.equal(settings.enable, true);
    assert.deepEqual(settings.rules, { 'client-ip-always-on': 'off' });
    assert.equal(settings.run, 'onSave');
    assert.equal(settings.inlayHints.enable, false);
    assert.equal(settings.diagnostics.scope, 'openFiles');
    assert.equal(problems.length, 3, problems.join('\n'));
    assert.deepEqual(parseSettings(42, problems), DEFAULT_SETTINGS);
  });

  test('unknown rule ids are left out with a "did you mean" (the suppression findings are known ids)', () => {
    const problems: string[] = [];
    const settings = parseSettings({ rules: { 'client-ip-ipbackend': 'off', 'inline-ignore': 'error', zzz: 'off' } }, problems);
    assert.deepEqual(settings.rules, { 'inline-ignore': 'error' });
    assert.deepEqual(problems, [
      'elbLens.rules: unknown rule id "client-ip-ipbackend" (did you mean "client-ip-ip-backend"?); it is ignored',
      'elbLens.rules: unknown rule id "zzz"; it is ignored',
    ]);
  });
});
