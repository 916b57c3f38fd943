import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Hover, InlayHint } from 'vscode-languageserver-protocol';
import { applyEdits } from '../helpers';
import { SERVER_BUNDLE, TestClient, tempWorkspace } from '../lsp/client';
import { json } from './util';

const LISTENERS = `{
  "listeners": [
    {
      "name": "tcp",
      "protocol": "TCP",
      "loadbalancer_id": "lb-1",
      "transparent_client_ip_enable": false
    }
  ]
}
`;

describe('language server on ELB API JSON', { skip: !fs.existsSync(SERVER_BUNDLE) && 'server bundle missing: run npm run build' }, () => {
  let client: TestClient;
  let root: string;

  before(async () => {
    root = tempWorkspace({
      'export/lb.json': json({ loadbalancer: { id: 'lb-1', guaranteed: true } }),
      'export/listeners.json': LISTENERS,
      'export/package.json': json({ name: 'not-elb', version: '1.0.0' }),
    });
    client = await TestClient.start(root);
  });

  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('opening a JSON file publishes its findings; a package.json beside it gets none', async () => {
    await client.open('export/package.json', json({ name: 'not-elb', version: '1.0.0' }));
    await client.open('export/listeners.json', LISTENERS);
    const [diagnostic] = await client.waitForDiagnostics('export/listeners.json', (d) => d.length > 0, 'diagnostics for listeners.json');
    assert.equal(diagnostic.code, 'client-ip-always-on');
    assert.deepEqual(diagnostic.range, { start: { line: 6, character: 6 }, end: { line: 6, character: 43 } });
    assert.match(diagnostic.relatedInformation?.[0].location.uri ?? '', /export\/lb\.json$/);
    assert.equal(client.diagnostics.get(client.uri('export/package.json'))?.length ?? 0, 0);
  });

  test('hover on a key and an inlay hint after the protocol', async () => {
    const hover = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: client.uri('export/listeners.json') },
      position: { line: 6, character: 12 },
    })) as Hover;
    assert.match((hover.contents as { value: string }).value, /Transfer Client IP Address: always on/);
    const hints = (await client.connection.sendRequest('textDocument/inlayHint', {
      textDocument: { uri: client.uri('export/listeners.json') },
      range: { start: { line: 0, character: 0 }, end: { line: 10, character: 0 } },
    })) as InlayHint[];
    assert.equal(hints.length, 1);
    assert.match(String(typeof hints[0].label === 'string' ? hints[0].label : hints[0].label.map((p) => p.value).join('')), /always on/);
  });

  test('the quick fix is a minimal JSON edit; applied, the diagnostic goes and the file still parses', async () => {
    const uri = client.uri('export/listeners.json');
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 6, character: 8 }, end: { line: 6, character: 8 } },
      context: { diagnostics: client.diagnostics.get(uri) ?? [] },
    })) as CodeAction[];
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Remove transparent_client_ip_enable'), titles.join(', '));
    assert.ok(!titles.some((t) => t.startsWith('Ignore')), 'no comment is offered for plain JSON');
    const remove = actions.find((a) => a.title === 'Remove transparent_client_ip_enable')!;
    const fixed = applyEdits(
      LISTENERS,
      remove.edit!.changes![uri].map((e) => ({ ...e, file: '' })),
    );
    assert.deepEqual(JSON.parse(fixed), { listeners: [{ name: 'tcp', protocol: 'TCP', loadbalancer_id: 'lb-1' }] });
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: fixed }],
    });
    await client.waitForDiagnostics('export/listeners.json', (d) => d.length === 0, 'the diagnostic to disappear');
  });
});
