import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Hover, InlayHint, TextEdit } from 'vscode-languageserver-protocol';
import { applyEdits } from '../helpers';
import { SERVER_BUNDLE, TestClient, tempWorkspace } from './client';

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

const ALWAYS_ON = 'client-ip-always-on';

function toCoreEdits(edits: TextEdit[]) {
  return edits.map((e) => ({ ...e, file: '' }));
}

describe('language server protocol', { skip: !fs.existsSync(SERVER_BUNDLE) && 'server bundle missing: run npm run build' }, () => {
  let client: TestClient;
  let root: string;

  before(async () => {
    root = tempWorkspace({ 'main.tf': LISTENER, 'mod/variables.tf': 'variable "transfer" {\n  default = "true"\n}\n' });
    client = await TestClient.start(root);
  });

  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('publishes the finding with code, source, docs link, range and related information', async () => {
    await client.open('main.tf', LISTENER);
    const [diagnostic] = await client.waitForDiagnostics('main.tf', (d) => d.length > 0, 'diagnostics for main.tf');
    assert.equal(diagnostic.code, ALWAYS_ON);
    assert.equal(diagnostic.source, 'elb-lens');
    assert.equal(diagnostic.severity, 1);
    assert.deepEqual(diagnostic.range, { start: { line: 8, character: 2 }, end: { line: 8, character: 40 } });
    // package.json names no repository: there is no public page to link (links.test.ts has one).
    assert.equal(diagnostic.codeDescription, undefined);
    assert.equal(diagnostic.relatedInformation?.[0].location.uri, client.uri('main.tf'));
  });

  test('hover on the client IP argument explains the effective state', async () => {
    const hover = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: client.uri('main.tf') },
      position: { line: 8, character: 5 },
    })) as Hover;
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /Transfer Client IP Address: always on/);
    assert.match(value, /dedicated/);
    // The limits while it is on are on the page behind the link, not in the hover.
    assert.match(value, /\[More: limits while it is on, caveats\]\(/);
  });

  test('the quick fix, applied, removes the diagnostic; fix-all and ignore actions are offered', async () => {
    const uri = client.uri('main.tf');
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 8, character: 2 }, end: { line: 8, character: 2 } },
      context: { diagnostics: client.diagnostics.get(uri) ?? [] },
    })) as CodeAction[];
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Remove transparent_client_ip_enable'), titles.join(', '));
    assert.ok(titles.includes(`Ignore ${ALWAYS_ON} here`));
    assert.ok(actions.some((a) => a.kind === 'source.fixAll.elbLens'));
    const remove = actions.find((a) => a.title === 'Remove transparent_client_ip_enable')!;
    assert.equal(remove.isPreferred, true);
    assert.equal(remove.diagnostics?.[0].code, ALWAYS_ON);
    const edits = remove.edit!.changes![uri];
    const fixed = applyEdits(LISTENER, toCoreEdits(edits));
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: fixed }],
    });
    await client.waitForDiagnostics('main.tf', (d) => d.length === 0, 'the diagnostic to disappear');
    // Put the original back for the next tests.
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [{ text: LISTENER }],
    });
    await client.waitForDiagnostics('main.tf', (d) => d.length === 1, 'the diagnostic to come back');
  });

  test('typing a listener letter by letter: diagnostics follow incremental edits', async () => {
    const uri = client.uri('typing.tf');
    const prefix = `resource "huaweicloud_elb_loadbalancer" "lb" {
  name = "lb"
}

resource "huaweicloud_elb_listener" "typed" {
  loadbalancer_id = huaweicloud_elb_loadbalancer.lb.id
  protocol        = "HTTP"
  `;
    await client.open('typing.tf', prefix + '\n}\n');
    await client.waitForDiagnostics('typing.tf', (d) => d.length === 0, 'no findings before typing');
    const typed = 'transparent_client_ip_enable = "false"';
    const line = prefix.split('\n').length - 1;
    let version = 1;
    for (let i = 0; i < typed.length; i++) {
      const character = 2 + i;
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: ++version },
        contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: typed[i] }],
      });
    }
    const diagnostics = await client.waitForDiagnostics('typing.tf', (d) => d.some((x) => x.code === ALWAYS_ON), 'a finding once typed');
    assert.equal(diagnostics.find((d) => d.code === ALWAYS_ON)?.range.start.line, line);
  });

  test('inlay hints show the effective state after the protocol', async () => {
    const hints = (await client.connection.sendRequest('textDocument/inlayHint', {
      textDocument: { uri: client.uri('main.tf') },
      range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } },
    })) as InlayHint[];
    assert.deepEqual(
      hints.map((h) => h.label),
      ['client IP: always on (dedicated)'],
    );
    assert.deepEqual(hints[0].position, { line: 6, character: 38 });
  });

  test('a rule turned off or re-graded in settings changes the diagnostics', async () => {
    client.settings = { rules: { [ALWAYS_ON]: 'warning' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await client.waitForDiagnostics('main.tf', (d) => d.length === 1 && d[0].severity === 2, 'severity warning');
    client.settings = { rules: { [ALWAYS_ON]: 'off' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await client.waitForDiagnostics('main.tf', (d) => d.length === 0, 'the rule to go quiet');
    client.settings = { rules: { [ALWAYS_ON]: 'loud' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await client.waitForDiagnostics(
      'main.tf',
      (d) => d.length === 1 && d[0].severity === 1,
      'a malformed setting to fall back to the default',
    );
    await client.waitFor(
      () => client.logs.some((l) => l.includes('elbLens.rules.client-ip-always-on')),
      'the malformed setting to be logged',
    );
    client.settings = {};
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  });

  test('a change in variables.tf re-publishes main.tf of the same module', async () => {
    const main = `resource "huaweicloud_elb_listener" "web" {
  loadbalancer_id              = var.lb
  protocol                     = "HTTP"
  transparent_client_ip_enable = var.transfer
}
`;
    await client.open('mod/main.tf', main);
    const variables = 'variable "transfer" {\n  default = "true"\n}\n';
    await client.open('mod/variables.tf', variables);
    await client.waitForDiagnostics('mod/main.tf', (d) => d.length === 0, 'clean module');
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: client.uri('mod/variables.tf'), version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: 13 }, end: { line: 1, character: 17 } }, text: 'false' }],
    });
    const diagnostics = await client.waitForDiagnostics('mod/main.tf', (d) => d.length === 1, 'main.tf to be re-published');
    assert.equal(diagnostics[0].code, ALWAYS_ON);
  });

  test('malformed requests get an error and the server keeps serving', async () => {
    await assert.rejects(
      client.connection.sendRequest('textDocument/hover', {
        textDocument: { uri: 'file:///not/open.tf' },
        position: { line: 0, character: 0 },
      }),
    );
    await assert.rejects(client.connection.sendRequest('textDocument/hover', { nonsense: true }));
    const hover = await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: client.uri('main.tf') },
      position: { line: 4, character: 12 },
    });
    assert.ok(hover, 'still answering');
  });

  test('measured latency: edit → diagnostics and hover (printed, not asserted)', async (t) => {
    // Its own document, so the test also runs alone (--test-name-pattern latency).
    const uri = client.uri('latency.tf');
    await client.open('latency.tf', LISTENER);
    await client.waitForDiagnostics('latency.tf', (d) => d.length === 1, 'the first analysis');
    const editTimes: number[] = [];
    let version = 100;
    for (let i = 0; i < 10; i++) {
      const before = client.publishCount.get(uri) ?? 0;
      const start = performance.now();
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: ++version },
        contentChanges: [{ range: { start: { line: 1, character: 10 }, end: { line: 1, character: 10 } }, text: i % 2 ? 'x' : '' }],
      });
      await client.waitFor(() => (client.publishCount.get(uri) ?? 0) > before, 'a publish');
      editTimes.push(performance.now() - start);
    }
    const hoverTimes: number[] = [];
    for (let i = 0; i < 20; i++) {
      const start = performance.now();
      await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 8, character: 5 } });
      hoverTimes.push(performance.now() - start);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    t.diagnostic(
      `edit → diagnostics median ${median(editTimes).toFixed(1)} ms, worst ${Math.max(...editTimes).toFixed(1)} ms (includes the 150 ms debounce); ` +
        `hover median ${median(hoverTimes).toFixed(2)} ms, worst ${Math.max(...hoverTimes).toFixed(2)} ms`,
    );
  });
});
