import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Hover, InlayHint } from 'vscode-languageserver-protocol';
import { applyEdits } from '../helpers';
import { SERVER_BUNDLE, TestClient, tempWorkspace } from '../lsp/client';
import { assertYamlParses, service } from './util';

const MANIFEST = service({
  annotations: ['kubernetes.io/elb.class: performance', "kubernetes.io/elb.transparent-client-ip: 'false'   # keep it off"],
  spec: ['externalTrafficPolicy: Local'],
});
const CI = 'stages: [deploy]\n';

describe(
  'language server on Kubernetes manifests',
  { skip: !fs.existsSync(SERVER_BUNDLE) && 'server bundle missing: run npm run build' },
  () => {
    let client: TestClient;
    let root: string;

    before(async () => {
      root = tempWorkspace({ 'k8s/svc.yaml': MANIFEST, '.gitlab-ci.yml': CI });
      client = await TestClient.start(root);
    });

    after(async () => {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
    });

    test('a manifest gets its findings; other YAML none', async () => {
      await client.open('.gitlab-ci.yml', CI, 1, 'yaml');
      await client.open('k8s/svc.yaml', MANIFEST, 1, 'yaml');
      const [diagnostic] = await client.waitForDiagnostics('k8s/svc.yaml', (d) => d.length > 0, 'diagnostics for svc.yaml');
      assert.equal(diagnostic.code, 'client-ip-always-on');
      assert.equal(diagnostic.source, 'elb-lens');
      assert.deepEqual(diagnostic.range, { start: { line: 6, character: 4 }, end: { line: 6, character: 52 } });
      assert.equal(client.diagnostics.get(client.uri('.gitlab-ci.yml'))?.length ?? 0, 0);
    });

    test('hover on the annotation, and an inlay hint after the port’s protocol', async () => {
      const uri = client.uri('k8s/svc.yaml');
      const hover = (await client.connection.sendRequest('textDocument/hover', {
        textDocument: { uri },
        position: { line: 6, character: 10 },
      })) as Hover;
      assert.match((hover.contents as { value: string }).value, /Transfer Client IP Address \*\*always on\*\*/);
      const hints = (await client.connection.sendRequest('textDocument/inlayHint', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } },
      })) as InlayHint[];
      assert.equal(hints.length, 1);
      assert.equal(hints[0].position.line, 12, 'after `protocol: TCP`');
    });

    test('quick fixes edit the YAML in place; applied, the diagnostic goes', async () => {
      const uri = client.uri('k8s/svc.yaml');
      const actions = (await client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 6, character: 8 }, end: { line: 6, character: 8 } },
        context: { diagnostics: client.diagnostics.get(uri) ?? [] },
      })) as CodeAction[];
      const titles = actions.map((a) => a.title);
      assert.deepEqual(titles, [
        'Remove kubernetes.io/elb.transparent-client-ip',
        'Set kubernetes.io/elb.transparent-client-ip to "true"',
        'Ignore client-ip-always-on here',
        'Fix all ELB Lens issues in this file',
      ]);
      const set = actions[1];
      const fixed = applyEdits(
        MANIFEST,
        set.edit!.changes![uri].map((e) => ({ ...e, file: '' })),
      );
      assert.ok(fixed.includes("kubernetes.io/elb.transparent-client-ip: 'true'   # keep it off"), fixed);
      assertYamlParses(fixed);
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ text: fixed }],
      });
      await client.waitForDiagnostics('k8s/svc.yaml', (d) => d.length === 0, 'the diagnostic to disappear');
    });

    test('typing the annotation into other YAML makes it a manifest', async () => {
      const uri = client.uri('.gitlab-ci.yml');
      const text = service({ annotations: ['kubernetes.io/elb.class: union'], spec: ['externalTrafficPolicy: Local'] });
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text }] });
      const [diagnostic] = await client.waitForDiagnostics('.gitlab-ci.yml', (d) => d.length > 0, 'diagnostics once it is a manifest');
      assert.equal(diagnostic.code, 'client-ip-shared-l4-off');
    });
  },
);
