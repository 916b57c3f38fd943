import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SERVER_BUNDLE, TestClient, tempWorkspace } from './client';

/** Child modules in the editor: findings from callers, kept fresh when a caller or a var file changes. */

const CHILD = `variable "protocol" {}

resource "huaweicloud_lb_listener" "this" {
  loadbalancer_id = "lb"
  protocol        = var.protocol
  protocol_port   = 514
}
`;

const CALLER = `variable "syslog_protocol" {}

module "syslog" {
  source   = "./modules/syslog"
  protocol = var.syslog_protocol
}
`;

const skip = !fs.existsSync(SERVER_BUNDLE) && 'server bundle missing: run npm run build';

describe('language server: child modules judged through their callers', { skip }, () => {
  let client: TestClient;
  let root: string;

  before(async () => {
    root = tempWorkspace({
      'modules/syslog/main.tf': CHILD,
      'main.tf': CALLER,
      'vars/prod.tfvars': 'syslog_protocol = "TCP"\n',
    });
    client = await TestClient.start(root);
    await client.changeSettings({ varFiles: ['vars/prod.tfvars'] });
  });

  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  test("opening a child shows findings computed from its caller's values", async () => {
    await client.open('modules/syslog/main.tf', CHILD);
    const [diagnostic] = await client.waitForDiagnostics('modules/syslog/main.tf', (d) => d.length > 0, 'a finding from the caller');
    assert.equal(diagnostic.code, 'client-ip-shared-l4-off');
    assert.match(String(diagnostic.message), /module\.syslog\.huaweicloud_lb_listener\.this/);
    const uris = (diagnostic.relatedInformation ?? []).map((r) => r.location.uri);
    assert.ok(uris.includes(client.uri('main.tf')), uris.join(', '));
  });

  test("editing the caller's argument updates the child's diagnostics", async () => {
    await client.open('main.tf', CALLER);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: client.uri('main.tf'), version: 2 },
      contentChanges: [{ text: CALLER.replace('var.syslog_protocol', '"HTTP"') }],
    });
    await client.waitForDiagnostics('modules/syslog/main.tf', (d) => d.length === 0, 'the finding gone after the caller switched to HTTP');
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: client.uri('main.tf'), version: 3 },
      contentChanges: [{ text: CALLER }],
    });
    await client.waitForDiagnostics('modules/syslog/main.tf', (d) => d.length === 1, 'the finding back');
    await client.close('main.tf');
  });

  test('editing a var file outside the module folder updates the modules that read it', async () => {
    fs.writeFileSync(path.join(root, 'vars/prod.tfvars'), 'syslog_protocol = "HTTPS"\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: client.uri('vars/prod.tfvars'), type: 2 }],
    });
    await client.waitForDiagnostics('modules/syslog/main.tf', (d) => d.length === 0, 'no finding for HTTPS from the var file');
    fs.writeFileSync(path.join(root, 'vars/prod.tfvars'), 'syslog_protocol = "UDP"\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: client.uri('vars/prod.tfvars'), type: 2 }],
    });
    const [diagnostic] = await client.waitForDiagnostics('modules/syslog/main.tf', (d) => d.length === 1, 'the UDP finding');
    assert.match(String(diagnostic.message), /\(UDP\)/);
  });
});
