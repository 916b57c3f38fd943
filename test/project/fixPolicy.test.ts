import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { applyFixes } from '../../server/src/cli/fix';
import type { Finding, Fix } from '../../server/src/core/types';
import { FIX_ALL_KIND } from '../../server/src/lsp/handlers';
import { fixToApply, isAppliedFix, selectFixes } from '../../server/src/project/fixPolicy';
import { FIXTURES, REPO_ROOT, readTree, run, tempCopy } from '../cli/harness';
import { applyEdits, memoryService, memPath } from '../helpers';
import { SERVER_BUNDLE, TestClient } from '../lsp/client';

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
    // --fix applies the selection to the texts.
    const pass = applyFixes(
      findings,
      () => text,
      () => true,
    );
    assert.deepEqual([...pass.changed], [['/f', 'XTef\nZhijkl\n']]);
    assert.equal(pass.applied, 3);
    assert.equal(pass.deferred, 3);
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

const skip = !fs.existsSync(SERVER_BUNDLE) && 'server bundle missing: run npm run build';

/** Folders with fixable findings: the CLI fixtures and the examples, Terraform and ELB API JSON. */
const FOLDERS: Record<string, string> = {
  'fixtures/huawei-dedicated': path.join(FIXTURES, 'findings', 'huawei-dedicated'),
  'fixtures/otc-shared': path.join(FIXTURES, 'findings', 'otc-shared'),
  ...Object.fromEntries(
    [
      'huaweicloud',
      'opentelekomcloud',
      'flexibleengine',
      'elb-api-json/dedicated-export',
      'elb-api-json/jsonc',
      'elb-api-json/shared-requests',
    ]
      .map((name) => [`examples/${name}`, path.join(REPO_ROOT, 'examples', name)])
      .filter(([, dir]) => fs.existsSync(dir)),
  ),
};

const ANALYSED = /\.(tf|tf\.json|json|jsonc)$/;

/**
 * The editor's fix-all and `elb-lens check --fix` on the same folders. The first fix-all of
 * a document is the core's selection on the same findings; applying fix-all to every file
 * until it offers nothing more ends where `--fix` ends, with the same findings left.
 */
describe('fix-all in the editor and --fix choose the same fixes', { skip }, () => {
  let root: string;
  let client: TestClient;

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'elb-lens-fix-policy-'));
    for (const [name, dir] of Object.entries(FOLDERS)) fs.cpSync(dir, path.join(root, name), { recursive: true });
    client = await TestClient.start(root);
  });

  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  const fixAllEdits = async (uri: string): Promise<TextEdit[] | undefined> => {
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: range(0, 0, 0),
      context: { diagnostics: [], only: [FIX_ALL_KIND] },
    })) as CodeAction[];
    return actions.find((a) => a.kind === FIX_ALL_KIND)?.edit?.changes?.[uri];
  };
  const toCore = (edits: TextEdit[]) => edits.map((e) => ({ ...e, file: '' }));

  for (const [name, source] of Object.entries(FOLDERS)) {
    it(name, async () => {
      const originals = readTree(source);
      const names = Object.keys(originals)
        .filter((n) => ANALYSED.test(n))
        .sort();
      const texts: Record<string, string> = { ...originals };
      const versions: Record<string, number> = {};
      for (const file of names) {
        versions[file] = 1;
        await client.open(`${name}/${file}`, texts[file], 1, file.endsWith('.tf') ? 'terraform' : 'json');
      }

      // First pass on each file: the editor's edits are the core's selection (what --fix runs),
      // taken from the fixes the CLI's JSON marks "appliedByFix".
      const { service } = await memoryService(originals);
      const listing = tempCopy(source);
      const json = await run(['check', '.', '--format', 'json'], { cwd: listing });
      fs.rmSync(listing, { recursive: true, force: true });
      type JsonFix = { appliedByFix: boolean; edits: { file?: string; range: unknown; newText: string }[] };
      const marked = (JSON.parse(json.stdout) as { diagnostics: { file: string; fixes: JsonFix[] }[] }).diagnostics.flatMap((d) =>
        d.fixes.filter((f) => f.appliedByFix).flatMap((f) => f.edits.map((e) => JSON.stringify([e.file ?? d.file, e.range, e.newText]))),
      );
      for (const file of names) {
        const edits = await fixAllEdits(client.uri(`${name}/${file}`));
        const core = applyFixes(
          service.analyzeFile(memPath(file)),
          (f) => service.documentText(f),
          (f) => f === memPath(file),
        );
        assert.equal(edits ? applyEdits(texts[file], toCore(edits)) : texts[file], core.changed.get(memPath(file)) ?? texts[file], file);
        for (const edit of edits ?? [])
          assert.ok(marked.includes(JSON.stringify([file, edit.range, edit.newText])), `${file}: marked appliedByFix`);
      }

      // Fix-all on every file until none offers anything, like --fix's passes.
      for (let round = 0, changed = true; changed; round++) {
        assert.ok(round < 10, 'fix-all settles');
        changed = false;
        for (const file of names) {
          const uri = client.uri(`${name}/${file}`);
          const edits = await fixAllEdits(uri);
          if (!edits) continue;
          changed = true;
          texts[file] = applyEdits(texts[file], toCore(edits));
          await client.connection.sendNotification('textDocument/didChange', {
            textDocument: { uri, version: ++versions[file] },
            contentChanges: [{ text: texts[file] }],
          });
        }
      }

      const cliDir = tempCopy(source);
      try {
        const cli = await run(['check', '.', '--fix', '--format', 'json'], { cwd: cliDir });
        assert.notEqual(cli.code, 1, cli.stderr);
        assert.notDeepEqual(texts, originals, 'fix-all changed something');
        assert.deepEqual(readTree(cliDir), texts, 'the same files after --fix and after fix-all');
        const report = JSON.parse(cli.stdout) as { diagnostics: { file: string; ruleId: string; message: string }[] };
        for (const file of names) {
          const cliLeft = report.diagnostics
            .filter((d) => d.file === file)
            .map((d) => `${d.ruleId}: ${d.message}`)
            .sort();
          await client.waitForDiagnostics(
            `${name}/${file}`,
            (d) => JSON.stringify(d.map((x: Diagnostic) => `${String(x.code)}: ${x.message}`).sort()) === JSON.stringify(cliLeft),
            `${file}: the findings --fix leaves (${cliLeft.join('; ')})`,
          );
        }
      } finally {
        fs.rmSync(cliDir, { recursive: true, force: true });
      }
      for (const file of names) await client.close(`${name}/${file}`);
    });
  }
});
