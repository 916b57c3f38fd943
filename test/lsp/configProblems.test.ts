import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SERVER_BUNDLE, TestClient, tempWorkspace } from './client';

const LISTENER = `resource "huaweicloud_elb_loadbalancer" "lb" {
  name = "lb"
}

resource "huaweicloud_elb_listener" "web" {
  loadbalancer_id              = huaweicloud_elb_loadbalancer.lb.id
  protocol                     = "TCP"
  transparent_client_ip_enable = "false"
}
`;

/** A misspelt rule id: the CLI stops on this file with exit 1. */
const INVALID = '{\n  // comments are allowed\n  "rules": { "client-ip-alwayson": "off" }\n}\n';

const skip = !fs.existsSync(SERVER_BUNDLE) && 'server bundle missing: run npm run build';

describe('language server: an invalid .elb-lens.json', { skip }, () => {
  let client: TestClient;
  let root: string;

  before(async () => {
    root = tempWorkspace({ 'main.tf': LISTENER, '.elb-lens.json': INVALID });
    client = await TestClient.start(root, { initializationOptions: { status: true } });
  });

  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('shows as an error in the file, at the key, and in the status; fixed, both clear', async () => {
    await client.open('main.tf', LISTENER);
    const [diagnostic] = await client.waitForDiagnostics('.elb-lens.json', (d) => d.length === 1, 'the configuration error');
    assert.equal(diagnostic.severity, 1);
    assert.equal(diagnostic.source, 'elb-lens');
    assert.deepEqual(diagnostic.range.start, { line: 2, character: 13 });
    assert.match(String(diagnostic.message), /^Invalid ELB Lens configuration: rules\.client-ip-alwayson: unknown rule id .*did you mean/);
    await client.waitFor(
      () => client.statuses.at(-1)?.state === 'error' && /invalid configuration/.test(client.statuses.at(-1)?.message ?? ''),
      'an error status naming the configuration',
    );
    // The file's findings still come, with the defaults.
    await client.waitForDiagnostics('main.tf', (d) => d.length > 0, 'findings with the defaults');

    fs.writeFileSync(path.join(root, '.elb-lens.json'), INVALID.replace('alwayson', 'always-on'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: client.uri('.elb-lens.json'), type: 2 }],
    });
    await client.waitForDiagnostics('.elb-lens.json', (d) => d.length === 0, 'the error cleared');
    await client.waitFor(() => client.statuses.at(-1)?.state === 'ready', 'ready again');
  });
});
