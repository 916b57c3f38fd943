import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, test } from 'node:test';
import { FAST_MODULE } from '../slowInputs';
import { SERVER_BUNDLE, TestClient, tempWorkspace } from './client';

/**
 * Issue 28: the router's watchdog (lsp/router.ts). A thread that analyses one unit for more
 * than twice its budget plus a grace period (the budget's checkpoints did not stop it) is
 * ended and started again, and the unit is set aside until it changes. Only a hang in code
 * without checkpoints gets there: the test-only ELB_LENS_TEST_HANG_MARKER makes a document
 * containing the marker block its thread that way (lsp/analysisWorker.ts), and
 * ELB_LENS_THREAD_GRACE_SECONDS shortens the grace from 10 s to 1 s.
 */

const skip = !fs.existsSync(SERVER_BUNDLE) && 'the server bundle is not built (npm run build)';

const MARKER = 'elb-lens-test-hang';
const HANGS = `${FAST_MODULE}# ${MARKER}\n`;
/** Where the listener is in FAST_MODULE (line 4: `resource "huaweicloud_elb_listener" "web"`). */
const LISTENER = { line: 3, character: 12 };

async function hover(client: TestClient, name: string): Promise<{ contents: { value: string } } | null> {
  return (await client.connection.sendRequest('textDocument/hover', {
    textDocument: { uri: client.uri(name) },
    position: LISTENER,
  })) as { contents: { value: string } } | null;
}

describe('language server: the watchdog of analysis threads', { skip }, () => {
  test('a thread hung without checkpoints is ended and restarted; its unit is set aside until it changes', async (t) => {
    const root = tempWorkspace({
      // Budget 1 s: the watchdog ends the thread after 2 × 1 s + 1 s of grace.
      'hang/main.tf': HANGS,
      'hang/.elb-lens.json': '{ "budget": { "seconds": 1 } }',
      'other/main.tf': FAST_MODULE,
    });
    const client = await TestClient.start(root, {
      workspaceFolders: ['hang', 'other'],
      initializationOptions: { status: true },
      env: { ELB_LENS_TEST_HANG_MARKER: MARKER, ELB_LENS_THREAD_GRACE_SECONDS: '1' },
    });
    const ended = () => client.logs.filter((l) => /the analysis of .*hang\/main\.tf stopped: it did not stop within 3 s/.test(l));
    try {
      const opened = Date.now();
      await client.open('hang/main.tf', HANGS);
      await client.open('other/main.tf', FAST_MODULE);
      await client.waitForDiagnostics('other/main.tf', (d) => d.length > 0, 'the other folder analysed meanwhile');
      // The hung thread handles nothing; the other folder's thread answers at once.
      assert.equal(ended().length, 0, 'still hung, not yet ended');
      const started = Date.now();
      const answer = await hover(client, 'other/main.tf');
      const elapsed = Date.now() - started;
      assert.ok(answer && /Transfer Client IP Address: always on/.test(answer.contents.value), JSON.stringify(answer));
      assert.ok(elapsed < 1000, `hover took ${elapsed} ms`);

      // Ended once its limit passed, started again: the new thread refuses the unit with a finding.
      const [stopped] = await client.waitForDiagnostics('hang/main.tf', (d) => d.length > 0, 'the unit set aside', 15_000);
      t.diagnostic(`set aside ${Date.now() - opened} ms after it was opened`);
      assert.ok(Date.now() - opened >= 3000, 'not before its limit');
      assert.equal(stopped.code, 'analysis-stopped');
      assert.match(
        String(stopped.message),
        /hang\/main\.tf stopped: it did not stop within 3 s\. It is not analysed again until one of its files changes\./,
      );
      assert.equal(ended().length, 1, client.logs.join('\n'));
      const status = await client.waitFor(() => {
        const last = client.statuses.at(-1);
        return last?.state === 'error' ? last : undefined;
      }, 'the status says so');
      assert.match(status.message ?? '', /hang\/main\.tf is not analysed: it did not stop within 3 s/);
      // The restarted thread answers (the marker is still there: the unit is refused, not analysed).
      assert.equal(await hover(client, 'hang/main.tf'), null);
      assert.ok(await hover(client, 'other/main.tf'), 'the other folder still answers');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.equal(ended().length, 1, 'not analysed again: no second hang');

      // An edit (without the marker) lets it be analysed again.
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: client.uri('hang/main.tf'), version: 2 },
        contentChanges: [{ text: FAST_MODULE }],
      });
      await client.waitForDiagnostics('hang/main.tf', (d) => d.some((x) => x.code === 'client-ip-always-on'), 'analysed once changed');
      assert.equal(client.diagnostics.get(client.uri('hang/main.tf'))?.length, 1, 'the set-aside finding is gone');
      await client.waitFor(() => client.statuses.at(-1)?.state === 'ready', 'ready again');
      const analysed = await hover(client, 'hang/main.tf');
      assert.ok(analysed && /Transfer Client IP Address: always on/.test(analysed.contents.value), JSON.stringify(analysed));
    } finally {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  test('a unit edited while its thread hung is analysed again after the restart, not set aside', async () => {
    const root = tempWorkspace({ 'main.tf': HANGS, '.elb-lens.json': '{ "budget": { "seconds": 1 } }' });
    const client = await TestClient.start(root, {
      initializationOptions: { status: true },
      env: { ELB_LENS_TEST_HANG_MARKER: MARKER, ELB_LENS_THREAD_GRACE_SECONDS: '1' },
    });
    try {
      await client.open('main.tf', HANGS);
      await client.waitFor(() => client.statuses.at(-1)?.state === 'analysing', 'analysing');
      await new Promise((resolve) => setTimeout(resolve, 500));
      // The hung thread never sees this edit; the router keeps the text and gives it to the new thread.
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: client.uri('main.tf'), version: 2 },
        contentChanges: [{ text: FAST_MODULE }],
      });
      await client.waitFor(
        () => client.logs.some((l) => /main\.tf stopped: it did not stop within 3 s\. It was edited meanwhile/.test(l)),
        'ended',
        15_000,
      );
      const diagnostics = await client.waitForDiagnostics('main.tf', (d) => d.length > 0, 'the edited text analysed');
      assert.deepEqual(
        diagnostics.map((d) => d.code),
        ['client-ip-always-on'],
      );
      await client.waitFor(() => client.statuses.at(-1)?.state === 'ready', 'ready, nothing set aside');
    } finally {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
