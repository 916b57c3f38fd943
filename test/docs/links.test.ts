import assert from 'node:assert/strict';
import { test } from 'node:test';
import { projectLinks, repositoryUrl, ruleDocsPage } from '../../server/src/rules/support/links';
import { toDiagnostic } from '../../server/src/lsp/convert';
import { pathToUri } from '../../server/src/lsp/fileUris';
import type { Finding } from '../../server/src/core/types';

test('the repository of package.json, in its usual spellings, becomes one https URL; anything else none', () => {
  const github = 'https://github.com/example/elb-lens';
  assert.equal(repositoryUrl({ repository: { url: 'git+https://github.com/example/elb-lens.git' } }), github);
  assert.equal(repositoryUrl({ repository: 'github:example/elb-lens' }), github);
  assert.equal(repositoryUrl({ repository: 'git@github.com:example/elb-lens.git' }), github);
  assert.equal(repositoryUrl({ repository: 'https://gitlab.example.org/team/elb-lens/' }), 'https://gitlab.example.org/team/elb-lens');
  assert.equal(repositoryUrl({}), undefined);
  assert.equal(repositoryUrl({ repository: { url: '' } }), undefined);
  assert.equal(repositoryUrl({ repository: 'file:///home/runner/work/elb-lens' }), undefined, 'never a local path');
  assert.equal(repositoryUrl({ repository: 'http://example.org/elb-lens' }), undefined, 'https only');
});

test('rule pages: every rule and the suppression findings; unknown ids none', () => {
  assert.equal(ruleDocsPage('client-ip-always-on'), 'docs/rules/client-ip-always-on.md');
  assert.equal(ruleDocsPage('inline-ignore'), 'docs/rules/README.md#severities-and-suppressions');
  assert.equal(ruleDocsPage('nope'), undefined);
});

const finding: Finding = {
  ruleId: 'client-ip-always-on',
  severity: 'error',
  message: 'm',
  file: '/ws/main.tf',
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
  related: [],
  fixes: [],
  docsUrl: 'file:///ext/docs/rules/client-ip-always-on.md',
};

test('without a repository no link at all: SARIF and diagnostics leave it out', () => {
  const links = projectLinks({ version: '1.0.0' });
  assert.equal(links.home, undefined);
  assert.equal(links.rulePage('client-ip-always-on'), undefined);
  assert.equal(toDiagnostic(finding, pathToUri, links.rulePage).codeDescription, undefined, 'not the local file: URL either');
});

test('with a repository the https links are derived from it', () => {
  const links = projectLinks({ repository: { type: 'git', url: 'git+https://github.com/example/elb-lens.git' } as { url: string } });
  assert.equal(links.home, 'https://github.com/example/elb-lens');
  const page = 'https://github.com/example/elb-lens/blob/HEAD/docs/rules/client-ip-always-on.md';
  assert.equal(links.rulePage('client-ip-always-on'), page);
  assert.deepEqual(toDiagnostic(finding, pathToUri, links.rulePage).codeDescription, { href: page });
});
