import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { applyFixes } from '../../server/src/cli/fix';
import type { Finding, Fix } from '../../server/src/core/types';
import { fixToApply, isAppliedFix, selectFixes } from '../../server/src/project/fixPolicy';
import { FIXTURES } from '../cli/harness';
import { memoryService, memPath } from '../helpers';

const range = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });

function finding(fixes: Fix[]): Finding {
  return { ruleId: 'r', severity: 'error', message: '', file: '/f', range: range(0, 0, 1), related: [], fixes, docsUrl: '' };
}

function fix(title: string, edits: [number, number, number, string][], isPreferred?: boolean, file = '/f'): Fix {
  return { title, edits: edits.map(([line, from, to, newText]) => ({ file, range: range(line, from, to), newText })), isPreferred };
}

describe('fix policy', () => {
  it('applies the preferred fix, or the only one unless it is marked not preferred', () => {
    assert.equal(fixToApply(finding([fix('a', []), fix('b', [], true), fix('c', [], true)]))?.title, 'b');
    assert.equal(fixToApply(finding([fix('a', [])]))?.title, 'a');
    assert.equal(fixToApply(finding([fix('a', [], false)])), undefined);
    assert.equal(fixToApply(finding([fix('a', []), fix('b', [])])), undefined);
    assert.equal(fixToApply(finding([])), undefined);
  });

  it('isAppliedFix: the chosen fix, with edits, all in files that may be edited', () => {
    const chosen = fix('chosen', [[0, 0, 1, 'x']], true);
    const other = fix('other', [[0, 0, 1, 'y']]);
    const f = finding([other, chosen]);
    assert.equal(
      isAppliedFix(f, chosen, () => true),
      true,
    );
    assert.equal(
      isAppliedFix(f, other, () => true),
      false,
    );
    assert.equal(
      isAppliedFix(f, chosen, () => false),
      false,
    );
    const empty = fix('empty', [], true);
    assert.equal(
      isAppliedFix(finding([empty]), empty, () => true),
      false,
    );
  });

  it('one overlap rule: shared characters or the same start clash, touching edits do not', () => {
    const text = 'abcdef\nghijkl\n';
    const findings = [
      finding([fix('one', [[0, 0, 3, 'X']])]),
      finding([fix('overlaps one', [[0, 2, 4, 'Y']])]),
      finding([fix('same edit as one', [[0, 0, 3, 'X']])]),
      finding([fix('touches one', [[0, 3, 4, 'T']])]),
      finding([fix('second line', [[1, 0, 1, 'Z']])]),
      finding([fix('insert at the same place', [[1, 0, 0, '+']])]),
      finding([
        fix('overlaps itself', [
          [1, 3, 5, 'A'],
          [1, 4, 6, 'B'],
        ]),
      ]),
      finding([fix('not preferred', [[1, 5, 6, 'N']], false)]),
    ];
    const selection = selectFixes(
      findings,
      () => text,
      () => true,
    );
    assert.deepEqual(
      selection.fixes.map((f) => f.title),
      ['one', 'touches one', 'second line'],
    );
    assert.equal(selection.deferred, 3);
    assert.equal(
      applyFixes(
        findings,
        () => text,
        () => true,
      ).changed.get('/f'),
      'XTef\nZhijkl\n',
    );
  });

  it('skips fixes that edit a file it may not edit or cannot read', () => {
    const elsewhere = finding([fix('elsewhere', [[0, 0, 0, 'x']], true, '/other')]);
    const unreadable = finding([fix('unreadable', [[0, 0, 0, 'x']], true, '/gone')]);
    const selection = selectFixes(
      [elsewhere, unreadable],
      (file) => (file === '/gone' ? undefined : 'text'),
      (file) => file !== '/other',
    );
    assert.deepEqual(selection.fixes, []);
    assert.equal(selection.deferred, 0);
  });

  it('on a real module: the removal is taken, the overlapping one waits, IP-backend fixes are never taken', async () => {
    const dir = path.join(FIXTURES, 'findings', 'huawei-dedicated');
    const files = Object.fromEntries(fs.readdirSync(dir).map((n) => [n, fs.readFileSync(path.join(dir, n), 'utf8')]));
    const { service } = await memoryService(files);
    const findings = service.analyzeFile(memPath('main.tf'));
    const selection = selectFixes(
      findings,
      (file) => service.documentText(file),
      () => true,
    );
    assert.deepEqual(
      selection.fixes.map((f) => f.title),
      ['Remove transparent_client_ip_enable'],
    );
    assert.equal(selection.deferred, 1, 'removing forward_eip realigns the same lines: next pass');
    const ipBackend = findings.find((f) => f.ruleId === 'client-ip-ip-backend');
    assert.ok(ipBackend && ipBackend.fixes.length > 0);
    assert.equal(fixToApply(ipBackend), undefined);
  });
});
