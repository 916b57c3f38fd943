import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SERVER_BUNDLE, TestClient, tempWorkspace } from '../lsp/client';

const LISTENER = `resource "huaweicloud_elb_listener" "web" {
  loadbalancer_id              = var.lb
  protocol                     = "HTTP"
  transparent_client_ip_enable = "false"
}
`;

describe(
  'hostile workspaces through the real server',
  { skip: !fs.existsSync(SERVER_BUNDLE) && 'server bundle missing: run npm run build' },
  () => {
    let client: TestClient;
    let root: string;

    before(async () => {
      root = tempWorkspace({ 'main.tf': LISTENER, 'other/ok.tf': LISTENER });
      // A 50 MB file, a binary file, a 1 MB single line, a symlink loop and an unreadable file.
      fs.writeFileSync(path.join(root, 'huge.tf'), Buffer.alloc(50 * 1024 * 1024, 'a'));
      fs.writeFileSync(path.join(root, 'binary.tf'), Buffer.from([0, 1, 2, 3, 255, 254, 0, 10]));
      fs.writeFileSync(path.join(root, 'line.tf'), 'x = "' + 'b'.repeat(1024 * 1024) + '"\n');
      fs.symlinkSync(root, path.join(root, 'loop'));
      fs.writeFileSync(path.join(root, 'secret.tf'), LISTENER);
      fs.chmodSync(path.join(root, 'secret.tf'), 0o000);
      client = await TestClient.start(root);
      client.settings = { diagnostics: { scope: 'workspace' } };
    });

    after(async () => {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
    });

    test('indexes the workspace without hanging and still reports sound files', async () => {
      await client.open('main.tf', LISTENER);
      const diagnostics = await client.waitForDiagnostics('main.tf', (d) => d.length === 1, 'main.tf findings', 20000);
      assert.equal(diagnostics[0].code, 'client-ip-always-on');
      await client.waitForDiagnostics('other/ok.tf', (d) => d.length === 1, 'workspace-scope findings of an unopened file', 20000);
    });

    test('opening the huge, binary and long-line files gives no finding and no crash', async () => {
      await client.open('binary.tf', '\u0000\u0001\u0002');
      await client.open('line.tf', fs.readFileSync(path.join(root, 'line.tf'), 'utf8'));
      await client.waitForDiagnostics('line.tf', (d) => d.length === 0, 'line.tf analysed', 20000);
      await client.waitForDiagnostics('binary.tf', (d) => d.length === 0, 'binary.tf analysed', 20000);
      const hover = await client.connection.sendRequest('textDocument/hover', {
        textDocument: { uri: client.uri('main.tf') },
        position: { line: 0, character: 12 },
      });
      assert.ok(hover, 'the server still answers');
    });

    test('a file that vanishes between indexing and reading is skipped', async () => {
      fs.rmSync(path.join(root, 'other', 'ok.tf'));
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [{ uri: client.uri('other/ok.tf'), type: 3 }],
      });
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: client.uri('main.tf'), version: 2 },
        contentChanges: [{ text: LISTENER }],
      });
      await client.waitForDiagnostics('main.tf', (d) => d.length === 1, 'main.tf still analysed');
    });

    test('a burst of 100 edits produces exactly one analysis at the end', async () => {
      const uri = client.uri('main.tf');
      // Let earlier work settle (no publish for half a second), then count this document's publishes.
      let last = -1;
      let lastChange = Date.now();
      await client.waitFor(() => {
        const total = [...client.publishCount.values()].reduce((a, b) => a + b, 0);
        if (total !== last) {
          last = total;
          lastChange = Date.now();
        }
        return Date.now() - lastChange > 500;
      }, 'the server to settle');
      const before = client.publishCount.get(uri) ?? 0;
      for (let i = 0; i < 100; i++) {
        await client.connection.sendNotification('textDocument/didChange', {
          textDocument: { uri, version: 10 + i },
          contentChanges: [{ range: { start: { line: 1, character: 2 }, end: { line: 1, character: 2 } }, text: i % 2 === 0 ? ' ' : '' }],
        });
      }
      await client.waitFor(() => (client.publishCount.get(uri) ?? 0) > before, 'the analysis after the burst');
      // Wait one more debounce period to be sure nothing else follows.
      await new Promise((resolve) => setTimeout(resolve, 400));
      assert.equal((client.publishCount.get(uri) ?? 0) - before, 1);
    });
  },
);
