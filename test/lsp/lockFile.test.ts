import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { lockFile } from '../versionFixtures';
import { SERVER_BUNDLE, TestClient, tempWorkspace } from './client';

const UNSUPPORTED = 'client-ip-unsupported-argument';
const VERSION_PROBLEM = 'provider-version';

const LISTENER = `resource "huaweicloud_lb_listener" "l" {
  loadbalancer_id              = var.lb
  protocol                     = "TCP"
  protocol_port                = 80
  transparent_client_ip_enable = "true"
}
`;

const BROKEN_LOCK = lockFile('1.70.2').replace('version     = "1.70.2"', 'version     = "1.70.2');

const skip = !fs.existsSync(SERVER_BUNDLE) && 'server bundle missing: run npm run build';

describe('language server: .terraform.lock.hcl', { skip }, () => {
  let client: TestClient;
  let root: string;

  before(async () => {
    root = tempWorkspace({
      'open/main.tf': LISTENER,
      'open/.terraform.lock.hcl': BROKEN_LOCK,
      'closed/main.tf': LISTENER,
      'closed/.terraform.lock.hcl': BROKEN_LOCK,
    });
    client = await TestClient.start(root);
  });

  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('an open lock file shows its problem; editing it changes what its module may write', async () => {
    await client.open('open/main.tf', LISTENER);
    await client.waitForDiagnostics('open/main.tf', (d) => d.length === 0, 'main.tf clean: the broken lock file is ignored');
    // VS Code gives the lock file whatever language it knows for .hcl files: the client selects it by name.
    await client.open('open/.terraform.lock.hcl', BROKEN_LOCK, 1, 'hcl');
    const [hint] = await client.waitForDiagnostics('open/.terraform.lock.hcl', (d) => d.length === 1, 'the lock file problem');
    assert.equal(hint.code, VERSION_PROBLEM);
    assert.equal(hint.severity, 4);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: client.uri('open/.terraform.lock.hcl'), version: 2 },
      contentChanges: [{ text: lockFile('1.70.2') }],
    });
    await client.waitForDiagnostics('open/.terraform.lock.hcl', (d) => d.length === 0, 'the problem gone');
    const [finding] = await client.waitForDiagnostics('open/main.tf', (d) => d.length === 1, 'main.tf re-published');
    assert.equal(finding.code, UNSUPPORTED);
    await client.close('open/.terraform.lock.hcl');
    await client.close('open/main.tf');
  });

  test('scope "workspace" reports a closed lock file', async () => {
    await client.changeSettings({ diagnostics: { scope: 'workspace' } });
    const [hint] = await client.waitForDiagnostics('closed/.terraform.lock.hcl', (d) => d.length === 1, 'the closed lock file reported');
    assert.equal(hint.code, VERSION_PROBLEM);
    await client.changeSettings({ diagnostics: { scope: 'openFiles' } });
    await client.waitForDiagnostics('closed/.terraform.lock.hcl', (d) => d.length === 0, 'cleared with scope "openFiles"');
  });
});
