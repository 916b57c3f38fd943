import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, test } from 'node:test';
import { FAST_MODULE, manyInstancesModule, slowTerraformModule } from '../slowInputs';
import { SERVER_BUNDLE, TestClient, tempWorkspace } from './client';

/**
 * Issue 28: the language server on Node analyses off the request thread, one analysis thread
 * per workspace folder (lsp/router.ts). A folder whose analysis runs long or past its budget
 * delays no other folder; the server ends with its client whatever a thread is doing; a unit
 * that ended its thread (out of memory) is not analysed again until it changes.
 */

const skip = !fs.existsSync(SERVER_BUNDLE) && 'the server bundle is not built (npm run build)';

const STOPPED = 'analysis-stopped';
/** Where the listener is in FAST_MODULE (line 4: `resource "huaweicloud_elb_listener" "web"`). */
const LISTENER = { line: 3, character: 12 };

describe('language server: analysis threads', { skip }, () => {
  test('with a folder past its budget open, hover in another folder answers within a second', async (t) => {
    const root = tempWorkspace({
      // Takes far longer than the 4 s budget its folder sets.
      'stuck/main.tf': slowTerraformModule(200),
      'stuck/.elb-lens.json': '{ "budget": { "seconds": 4 } }',
      'other/main.tf': FAST_MODULE,
    });
    const client = await TestClient.start(root, { workspaceFolders: ['stuck', 'other'] });
    try {
      await client.open('stuck/main.tf', fs.readFileSync(`${root}/stuck/main.tf`, 'utf8'));
      await client.open('other/main.tf', FAST_MODULE);
      await client.waitForDiagnostics('other/main.tf', (d) => d.length > 0, 'the other folder analysed meanwhile');
      const started = Date.now();
      const hover = (await client.connection.sendRequest('textDocument/hover', {
        textDocument: { uri: client.uri('other/main.tf') },
        position: LISTENER,
      })) as { contents: { value: string } } | null;
      const elapsed = Date.now() - started;
      assert.ok(hover && /Transfer Client IP Address: always on/.test(hover.contents.value), JSON.stringify(hover));
      // The stuck folder was still being analysed: nothing of it was published yet.
      assert.equal(client.diagnostics.get(client.uri('stuck/main.tf')), undefined, 'the stuck folder was still analysing');
      t.diagnostic(`hover answered in ${elapsed} ms while the other folder was analysed`);
      assert.ok(elapsed < 1000, `hover took ${elapsed} ms`);
      const codeActions = (await client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri: client.uri('other/main.tf') },
        range: { start: { line: 7, character: 0 }, end: { line: 7, character: 10 } },
        context: { diagnostics: [] },
      })) as unknown[];
      assert.ok(codeActions.length > 0, 'quick fixes in the other folder');
      // The stuck folder stops at its budget, reported once on its file.
      const [stopped] = await client.waitForDiagnostics('stuck/main.tf', (d) => d.length > 0, 'the stuck folder stopped', 30_000);
      assert.equal(stopped.code, STOPPED);
      assert.match(
        String(stopped.message),
        /^Analysis of the root module in stuck\/ stopped after [\d.]+ s: over its time budget of 4 s\./,
      );
      assert.equal(client.diagnostics.get(client.uri('stuck/main.tf'))?.length, 1);
    } finally {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  test('the server ends when its client goes away, even while it analyses', async () => {
    const root = tempWorkspace({ 'main.tf': slowTerraformModule(200) });
    const client = await TestClient.start(root, { initializationOptions: { status: true } });
    try {
      await client.open('main.tf', fs.readFileSync(`${root}/main.tf`, 'utf8'));
      await client.waitFor(() => client.statuses.at(-1)?.state === 'analysing', 'analysing');
      // Well into the analysis (it takes many seconds), the client's end of stdin closes.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const exited = new Promise<number | null>((resolve) => client.process.once('exit', (code) => resolve(code)));
      const closed = Date.now();
      client.process.stdin!.end();
      const code = await Promise.race([
        exited,
        new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 5000)),
      ]);
      assert.notEqual(code, 'still running', 'the server process exited');
      assert.ok(Date.now() - closed < 5000);
      assert.equal(client.diagnostics.get(client.uri('main.tf')), undefined, 'it was still analysing');
    } finally {
      client.process.kill();
      client.connection.dispose();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  test('an edit drops the analysis it supersedes; the editor setting sets the budget over .elb-lens.json', async (t) => {
    const slow = slowTerraformModule(200);
    const root = tempWorkspace({ 'main.tf': slow, '.elb-lens.json': '{ "budget": { "seconds": 600 } }' });
    const client = new TestClient(root, { initializationOptions: { status: true } });
    await TestClient.initialize(client, { initializationOptions: { status: true } });
    try {
      await client.open('main.tf', slow);
      await client.waitFor(() => client.statuses.at(-1)?.state === 'analysing', 'analysing');
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.equal(client.diagnostics.get(client.uri('main.tf')), undefined, 'the long analysis is under way');
      const edited = Date.now();
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: client.uri('main.tf'), version: 2 },
        contentChanges: [{ text: FAST_MODULE }],
      });
      // The long analysis (many seconds) is dropped at its next checkpoint; the new text is analysed at once.
      await client.waitForDiagnostics('main.tf', (d) => d.some((x) => x.code === 'client-ip-always-on'), 'the new text analysed', 5000);
      t.diagnostic(`the edited text was analysed ${Date.now() - edited} ms after the edit`);
      // elbLens.budget.seconds wins over the file's 600 s.
      client.settings = { budget: { seconds: 1 } };
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: client.uri('main.tf'), version: 3 },
        contentChanges: [{ text: slow }],
      });
      const [stopped] = await client.waitForDiagnostics('main.tf', (d) => d.some((x) => x.code === STOPPED), 'stopped at 1 s', 30_000);
      assert.match(String(stopped.message), /over its time budget of 1 s/);
    } finally {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  test('a unit that ended its thread (out of memory) is not analysed again until it changes: said in the log, the status and the file', async () => {
    const root = tempWorkspace({
      'main.tf': manyInstancesModule(),
      // The unit's own budget would allow it: the thread's heap (below) is what it exceeds.
      '.elb-lens.json': '{ "budget": { "memoryMb": 16384, "seconds": 600 } }',
    });
    const client = await TestClient.start(root, { initializationOptions: { status: true }, env: { ELB_LENS_THREAD_HEAP_MB: '96' } });
    const crashes = () => client.logs.filter((l) => /main\.tf stopped: it ran out of memory/.test(l)).length;
    try {
      await client.open('main.tf', manyInstancesModule());
      const [stopped] = await client.waitForDiagnostics('main.tf', (d) => d.length > 0, 'the unit set aside', 60_000);
      assert.equal(stopped.code, STOPPED);
      assert.match(String(stopped.message), /stopped: it ran out of memory .*not analysed again until one of its files changes/);
      assert.equal(crashes(), 1, client.logs.join('\n'));
      const status = await client.waitFor(() => {
        const last = client.statuses.at(-1);
        return last?.state === 'error' ? last : undefined;
      }, 'the status says so');
      assert.match(status.message ?? '', /main\.tf is not analysed: it ran out of memory/);
      // Opened again after the restart, it is not analysed (no second crash) ...
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.equal(crashes(), 1, 'not analysed again');
      // ... until it changes.
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: client.uri('main.tf'), version: 2 },
        contentChanges: [{ text: FAST_MODULE }],
      });
      await client.waitForDiagnostics('main.tf', (d) => d.some((x) => x.code === 'client-ip-always-on'), 'analysed once changed');
      await client.waitFor(() => client.statuses.at(-1)?.state === 'ready', 'ready again');
    } finally {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
