import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { SERVER_BUNDLE, TestClient, tempWorkspace } from '../lsp/client';
import { clientIpPatch, DEDICATED_SERVICE } from './renderHost';

/** Overlays and charts as units in the language server: editing a patch or values.yaml re-checks the Services it feeds. */

const BASE = DEDICATED_SERVICE;
const PATCH = clientIpPatch;
const VALUES = (value: string) =>
  `annotations:\n  kubernetes.io/elb.class: performance\n  kubernetes.io/elb.transparent-client-ip: '${value}'\n`;
const TEMPLATE = BASE.replace('    kubernetes.io/elb.class: performance\n', '    {{- toYaml .Values.annotations | nindent 4 }}\n');

describe(
  'language server on overlays and charts',
  { skip: !fs.existsSync(SERVER_BUNDLE) && 'server bundle missing: run npm run build' },
  () => {
    let client: TestClient;
    let root: string;

    before(async () => {
      root = tempWorkspace({
        'base/kustomization.yaml': 'resources:\n  - service.yaml\n',
        'base/service.yaml': BASE,
        'prod/kustomization.yaml': 'resources:\n  - ../base\npatches:\n  - path: off.yaml\n',
        'prod/off.yaml': PATCH('false'),
        'chart/Chart.yaml': 'apiVersion: v2\nname: shop\nversion: 1.0.0\n',
        'chart/values.yaml': VALUES('false'),
        'chart/templates/service.yaml': TEMPLATE,
      });
      client = await TestClient.start(root);
    });

    after(async () => {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
    });

    async function change(name: string, text: string, version: number): Promise<void> {
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: client.uri(name), version },
        contentChanges: [{ text }],
      });
    }

    test('a patch: its finding while it turns the client IP off, none once it does not', async () => {
      await client.open('prod/off.yaml', PATCH('false'), 1, 'yaml');
      const [diagnostic] = await client.waitForDiagnostics('prod/off.yaml', (d) => d.length > 0, 'the patch finding');
      assert.equal(diagnostic.code, 'client-ip-always-on');
      assert.equal(diagnostic.range.start.line, 5);
      await change('prod/off.yaml', PATCH('true'), 2);
      await client.waitForDiagnostics('prod/off.yaml', (d) => d.length === 0, 'no finding after the edit');
    });

    test('values.yaml of a chart, and an edit that fixes it', async () => {
      await client.open('chart/values.yaml', VALUES('false'), 1, 'yaml');
      const [diagnostic] = await client.waitForDiagnostics('chart/values.yaml', (d) => d.length > 0, 'the values finding');
      assert.equal(diagnostic.code, 'client-ip-always-on');
      assert.equal(diagnostic.range.start.line, 2);
      await change('chart/values.yaml', VALUES('true'), 2);
      await client.waitForDiagnostics('chart/values.yaml', (d) => d.length === 0, 'no finding after the edit');
    });

    test('scope "workspace": closed manifests, patches and values files get their findings', async () => {
      // Closed again: their text on disk (client IP off) is what counts now.
      await client.close('prod/off.yaml');
      await client.close('chart/values.yaml');
      await client.changeSettings({ diagnostics: { scope: 'workspace' } });
      const [patch] = await client.waitForDiagnostics('prod/off.yaml', (d) => d.length > 0, 'the closed patch', 20_000);
      assert.equal(patch.code, 'client-ip-always-on');
      await client.waitForDiagnostics('chart/values.yaml', (d) => d.length > 0, 'the closed values.yaml', 20_000);
      assert.equal(client.diagnostics.get(client.uri('base/service.yaml'))?.length ?? 0, 0, 'nothing on the base');
    });
  },
);
