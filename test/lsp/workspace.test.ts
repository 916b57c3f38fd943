import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { LATE_LISTENERS_JSON, LOAD_BALANCER_JSON } from '../elbjson/util';
import { SERVER_BUNDLE, TestClient, tempWorkspace } from './client';

const ALWAYS_ON = 'client-ip-always-on';

const LISTENER = `resource "huaweicloud_elb_loadbalancer" "lb" {
  name = "lb"
}

resource "huaweicloud_elb_listener" "web" {
  loadbalancer_id              = huaweicloud_elb_loadbalancer.lb.id
  protocol                     = "TCP"
  protocol_port                = 80
  transparent_client_ip_enable = "false"
}
`;

const VARIABLE_LISTENER = `resource "huaweicloud_elb_listener" "web" {
  loadbalancer_id              = var.lb
  protocol                     = "HTTP"
  transparent_client_ip_enable = var.transfer
}
`;

const skip = !fs.existsSync(SERVER_BUNDLE) && 'server bundle missing: run npm run build';

describe('language server: untitled documents, workspace scope, settings that change the core', { skip }, () => {
  let client: TestClient;
  let root: string;

  before(async () => {
    root = tempWorkspace({
      'open/main.tf': LISTENER,
      'closed/main.tf': LISTENER,
      'closed/variables.tf': 'variable "transfer" {\n  default = "true"\n}\n',
      'shared/main.tf': VARIABLE_LISTENER,
      'shared/variables.tf': 'variable "transfer" {\n  default = "true"\n}\n',
      'api/lb.json': LOAD_BALANCER_JSON,
      'api/listeners.json': LATE_LISTENERS_JSON,
      'infra/.elb-lens.json': JSON.stringify({ json: { files: ['api/*.json'] } }),
      'infra/api/lb.json': LOAD_BALANCER_JSON,
      'infra/api/listeners.json': LATE_LISTENERS_JSON,
    });
    client = await TestClient.start(root);
  });

  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('an untitled Terraform document is analysed on its own; links and edits use its untitled URI', async () => {
    const uri = 'untitled:Untitled-1';
    await client.open(uri, LISTENER);
    const [diagnostic] = await client.waitForDiagnostics(uri, (d) => d.length > 0, 'diagnostics for the untitled document');
    assert.equal(diagnostic.code, ALWAYS_ON);
    for (const related of diagnostic.relatedInformation ?? []) assert.equal(related.location.uri, uri);
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    })) as CodeAction[];
    const remove = actions.find((a) => a.isPreferred);
    assert.ok(remove, actions.map((a) => a.title).join(', '));
    assert.deepEqual(Object.keys(remove.edit?.changes ?? {}), [uri]);
    // A second untitled document is a module of its own: it does not see the first one's load balancer.
    await client.open('untitled:Untitled-2', 'resource "huaweicloud_elb_listener" "x" {\n  protocol = "TCP"\n}\n');
    await client.waitForDiagnostics('untitled:Untitled-2', (d) => d.length === 0, 'an empty result for the second document');
    await client.close(uri);
    await client.waitForDiagnostics(uri, (d) => d.length === 0, 'diagnostics cleared on close');
  });

  test('scope "workspace" reports closed files, keeps them on close, and clears them when turned off', async () => {
    await client.changeSettings({ diagnostics: { scope: 'workspace' } });
    await client.waitForDiagnostics('closed/main.tf', (d) => d.length === 1 && d[0].code === ALWAYS_ON, 'a closed file reported');
    // An open file of the scope, closed again, keeps its findings.
    await client.open('open/main.tf', LISTENER);
    await client.waitForDiagnostics('open/main.tf', (d) => d.length === 1, 'the open file reported');
    const before = client.publishCount.get(client.uri('open/main.tf')) ?? 0;
    await client.close('open/main.tf');
    await client.waitFor(() => (client.publishCount.get(client.uri('open/main.tf')) ?? 0) > before, 'a publish after close');
    await client.waitForDiagnostics('open/main.tf', (d) => d.length === 1, 'findings kept after close');
    // Excluding a folder, then going back to open files only, clears what was published.
    await client.changeSettings({ diagnostics: { scope: 'workspace' }, exclude: ['closed/**'] });
    await client.waitForDiagnostics('closed/main.tf', (d) => d.length === 0, 'an excluded file cleared');
    await client.changeSettings({ diagnostics: { scope: 'openFiles' } });
    await client.waitForDiagnostics('open/main.tf', (d) => d.length === 0, 'workspace findings cleared with scope "openFiles"');
  });

  test('an edit in an open file re-publishes the closed files of its module under scope "workspace"', async () => {
    await client.changeSettings({ diagnostics: { scope: 'workspace' } });
    await client.open('shared/variables.tf', 'variable "transfer" {\n  default = "true"\n}\n');
    await client.waitForDiagnostics('shared/main.tf', (d) => d.length === 0, 'the closed main.tf analysed clean');
    // Flip the default a few times: each flip must reach the closed file, not just the first.
    const defaults = ['"true"', 'false', 'true', 'false'];
    for (let i = 1; i < defaults.length; i++) {
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: client.uri('shared/variables.tf'), version: i + 1 },
        contentChanges: [
          { range: { start: { line: 1, character: 12 }, end: { line: 1, character: 12 + defaults[i - 1].length } }, text: defaults[i] },
        ],
      });
      const expected = defaults[i] === 'false' ? 1 : 0;
      await client.waitForDiagnostics('shared/main.tf', (d) => d.length === expected, `the closed main.tf re-published (${defaults[i]})`);
    }
    await client.close('shared/variables.tf');
    await client.changeSettings({});
  });

  test('with both files open, a cross-file change asks the client to refresh inlay hints', async () => {
    await client.open('shared/main.tf', VARIABLE_LISTENER);
    await client.open('shared/variables.tf', 'variable "transfer" {\n  default = "true"\n}\n');
    await client.waitForDiagnostics('shared/main.tf', (d) => d.length === 0, 'clean module');
    const refreshes = client.inlayHintRefreshes;
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: client.uri('shared/variables.tf'), version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: 13 }, end: { line: 1, character: 17 } }, text: 'false' }],
    });
    await client.waitForDiagnostics('shared/main.tf', (d) => d.length === 1, 'main.tf re-published');
    await client.waitFor(() => client.inlayHintRefreshes > refreshes, 'an inlay hint refresh request');
  });

  test('elbLens.json.files makes a file ELB API JSON that its content alone does not reveal', async () => {
    await client.open('api/lb.json', LOAD_BALANCER_JSON, 1, 'json');
    await client.open('api/listeners.json', LATE_LISTENERS_JSON, 1, 'json');
    await client.waitForDiagnostics('api/listeners.json', (d) => d.length === 0, 'not ELB JSON by content');
    await client.changeSettings({ json: { files: ['api/*.json'] } });
    const [diagnostic] = await client.waitForDiagnostics('api/listeners.json', (d) => d.length === 1, 'ELB JSON by the setting');
    assert.equal(diagnostic.code, ALWAYS_ON);
    // Edits after the setting changed reach the same core (it is not rebuilt).
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: client.uri('api/listeners.json'), version: 2 },
      contentChanges: [
        { text: LATE_LISTENERS_JSON.replace('"transparent_client_ip_enable": false', '"transparent_client_ip_enable": true') },
      ],
    });
    await client.waitForDiagnostics('api/listeners.json', (d) => d.length === 0, 'the edit reaches the core');
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: client.uri('api/listeners.json'), version: 3 },
      contentChanges: [{ text: LATE_LISTENERS_JSON }],
    });
    await client.waitForDiagnostics('api/listeners.json', (d) => d.length === 1, 'the finding back');
    await client.changeSettings({ json: { files: [] } });
    await client.waitForDiagnostics('api/listeners.json', (d) => d.length === 0, 'no longer ELB JSON without the glob');
    await client.changeSettings({});
  });

  test('json.files of .elb-lens.json makes a file ELB API JSON (regression: the language server never read it)', async () => {
    await client.open('infra/api/listeners.json', LATE_LISTENERS_JSON, 1, 'json');
    const [diagnostic] = await client.waitForDiagnostics('infra/api/listeners.json', (d) => d.length === 1, 'ELB JSON by .elb-lens.json');
    assert.equal(diagnostic.code, ALWAYS_ON);
    // Edited on disk, the file takes effect without a restart.
    const configFile = path.join(root, 'infra', '.elb-lens.json');
    const rewrite = async (config: unknown) => {
      fs.writeFileSync(configFile, JSON.stringify(config));
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [{ uri: client.uri('infra/.elb-lens.json'), type: 2 }],
      });
    };
    await rewrite({ json: { files: [] } });
    await client.waitForDiagnostics('infra/api/listeners.json', (d) => d.length === 0, 'no longer ELB JSON');
    await rewrite({ json: { files: ['api/listeners.json', 'api/lb.json'] } });
    await client.waitForDiagnostics('infra/api/listeners.json', (d) => d.length === 1, 'ELB JSON again');
    await client.close('infra/api/listeners.json');
  });

  test('a workspace folder added later is indexed and reported under scope "workspace"', async () => {
    const extra = tempWorkspace({ 'main.tf': LISTENER });
    try {
      await client.changeSettings({ diagnostics: { scope: 'workspace' } });
      const extraUri = pathToFileURL(path.join(extra, 'main.tf')).toString();
      await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
        event: { added: [{ uri: pathToFileURL(extra).toString(), name: 'extra' }], removed: [] },
      });
      await client.waitForDiagnostics(extraUri, (d) => d.length === 1, 'the new folder reported');
    } finally {
      await client.changeSettings({});
      fs.rmSync(extra, { recursive: true, force: true });
    }
  });
});
