import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Connection, PublishDiagnosticsParams } from 'vscode-languageserver';
import type { AnalysisOptions } from '../../server/src/core/options';
import type { Finding } from '../../server/src/core/types';
import { CoreLoader, type Analysis, type Core, type FindingsByFile } from '../../server/src/lsp/analysis';
import type { ServerConfiguration } from '../../server/src/lsp/configuration';
import { DiagnosticsScheduler } from '../../server/src/lsp/diagnostics';
import { OpenDocuments } from '../../server/src/lsp/documents';
import type { ServerLog } from '../../server/src/lsp/log';
import type { WorkspaceIndex } from '../../server/src/lsp/workspaceIndex';
import { SERVER_BUNDLE, TestClient, tempWorkspace } from './client';

/**
 * Analysis answers asynchronously (a worker may answer after documents changed or closed):
 * diagnostics are published only for documents still open at the version that was analysed.
 */

const ALWAYS_ON = 'client-ip-always-on';

const listener = (value: string) => `resource "huaweicloud_elb_loadbalancer" "lb" {
  name = "lb"
}

resource "huaweicloud_elb_listener" "web" {
  loadbalancer_id              = huaweicloud_elb_loadbalancer.lb.id
  protocol                     = "TCP"
  protocol_port                = 80
  transparent_client_ip_enable = "${value}"
}
`;

/** An analysis whose answers the test releases one by one, as a slow worker would send them. */
class SlowAnalysis {
  readonly waiting: { filePath: string; answer: (byFile: FindingsByFile) => void }[] = [];
  readonly seam: Analysis = {
    documentOpened: () => undefined,
    documentChanged: () => undefined,
    documentClosed: () => undefined,
    fileChanged: () => undefined,
    workspaceFilesChanged: () => undefined,
    readModuleCalls: () => undefined,
    analyzeModule: (filePath: string, _options: AnalysisOptions) =>
      new Promise<FindingsByFile>((answer) => this.waiting.push({ filePath, answer })),
  };

  /** Waits until an analysis of `filePath` was asked, and hands its answer function over. */
  async asked(filePath: string): Promise<(byFile: FindingsByFile) => void> {
    for (let i = 0; i < 200; i++) {
      const at = this.waiting.findIndex((w) => w.filePath === filePath);
      if (at >= 0) return this.waiting.splice(at, 1)[0].answer;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error(`no analysis of ${filePath} was asked`);
  }
}

function schedulerWith(analysis: SlowAnalysis) {
  const published: PublishDiagnosticsParams[] = [];
  const connection = {
    sendDiagnostics: (params: PublishDiagnosticsParams) => {
      published.push(params);
      return Promise.resolve();
    },
    languages: { inlayHint: { refresh: () => Promise.resolve() } },
  } as unknown as Connection;
  const documents = new OpenDocuments((filePath) => `file://${filePath}`);
  const options = { rules: {} } as unknown as AnalysisOptions;
  const configuration = {
    optionsFor: () => Promise.resolve(options),
    settingsFor: () => Promise.resolve({ diagnostics: { scope: 'openFiles' } }),
  } as unknown as ServerConfiguration;
  const index = { settled: () => Promise.resolve(), has: () => false } as unknown as WorkspaceIndex;
  const core = new CoreLoader();
  core.current = { service: { isSupportedFile: () => true }, analysis: analysis.seam } as unknown as Core;
  const log = { error: (message: string) => assert.fail(message) } as unknown as ServerLog;
  const platform = { readsAhead: false, prefetch: () => Promise.resolve(), pathToUri: (p: string) => `file://${p}` };
  const scheduler = new DiagnosticsScheduler(
    connection,
    platform,
    documents,
    configuration,
    index,
    core,
    log,
    () => undefined,
    () => undefined,
  );
  return { scheduler, documents, published };
}

const finding = (file: string): Finding =>
  ({
    ruleId: ALWAYS_ON,
    severity: 'warning',
    message: 'm',
    file,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
  }) as unknown as Finding;

describe('diagnostics of an asynchronous analysis', () => {
  test('an answer for a version the document has left is not published; the newer run is', async () => {
    const analysis = new SlowAnalysis();
    const { scheduler, documents, published } = schedulerWith(analysis);
    const doc = documents.open('file:///w/a.tf', '/w/a.tf', 1);
    scheduler.schedule(doc.uri, 0);
    const answerV1 = await analysis.asked('/w/a.tf');
    doc.version = 2; // an edit arrives while the analysis of version 1 runs
    scheduler.schedule(doc.uri, 0);
    const answerV2 = await analysis.asked('/w/a.tf');
    answerV2(new Map([['/w/a.tf', []]]));
    await new Promise((resolve) => setTimeout(resolve, 10));
    answerV1(new Map([['/w/a.tf', [finding('/w/a.tf')]]]));
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.deepEqual(
      published.map((p) => [p.version, p.diagnostics.length]),
      [[2, 0]],
    );
  });

  test('a document closed while its analysis runs gets no diagnostics', async () => {
    const analysis = new SlowAnalysis();
    const { scheduler, documents, published } = schedulerWith(analysis);
    documents.open('file:///w/a.tf', '/w/a.tf', 1);
    scheduler.schedule('file:///w/a.tf', 0);
    const answer = await analysis.asked('/w/a.tf');
    documents.close('file:///w/a.tf');
    scheduler.documentClosed('file:///w/a.tf');
    answer(new Map([['/w/a.tf', [finding('/w/a.tf')]]]));
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.deepEqual(published, []);
  });

  test('another open file of the module edited meanwhile keeps its own run, and the stale answer is not published for it', async () => {
    const analysis = new SlowAnalysis();
    const { scheduler, documents, published } = schedulerWith(analysis);
    documents.open('file:///w/a.tf', '/w/a.tf', 1);
    const b = documents.open('file:///w/b.tf', '/w/b.tf', 1);
    scheduler.schedule('file:///w/a.tf', 0);
    const answerA = await analysis.asked('/w/a.tf');
    b.version = 2;
    scheduler.schedule(b.uri, 0);
    const answerB = await analysis.asked('/w/b.tf');
    answerA(
      new Map([
        ['/w/a.tf', []],
        ['/w/b.tf', [finding('/w/b.tf')]],
      ]),
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.deepEqual(
      published.map((p) => [p.uri, p.version]),
      [['file:///w/a.tf', 1]],
    );
    answerB(
      new Map([
        ['/w/a.tf', []],
        ['/w/b.tf', []],
      ]),
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.deepEqual(
      published.filter((p) => p.uri === 'file:///w/b.tf'),
      [{ uri: 'file:///w/b.tf', version: 2, diagnostics: [] }],
    );
  });
});

describe(
  'diagnostics of the server under fast edits',
  { skip: !fs.existsSync(SERVER_BUNDLE) && 'server bundle missing: run npm run build' },
  () => {
    let client: TestClient;
    let root: string;

    before(async () => {
      root = tempWorkspace({});
      client = await TestClient.start(root);
    });

    after(async () => {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
    });

    /** A round trip through the same folder's analysis: every earlier publication has arrived once its diagnostics do. */
    async function settle(name: string): Promise<void> {
      await client.open(name, listener('false'));
      await client.waitForDiagnostics(name, (d) => d.some((x) => x.code === ALWAYS_ON), `diagnostics of ${name}`);
    }

    test('the last diagnostics published are those of the last version', async () => {
      const uri = client.uri('fast.tf');
      await client.open('fast.tf', listener('false'));
      await client.waitForDiagnostics('fast.tf', (d) => d.some((x) => x.code === ALWAYS_ON), 'the finding at first');
      let version = 1;
      for (let i = 0; i < 25; i++) {
        await client.connection.sendNotification('textDocument/didChange', {
          textDocument: { uri, version: ++version },
          contentChanges: [{ text: listener(i % 2 === 0 ? 'true' : 'false') }],
        });
      }
      // The last text (i = 24) turns the client IP on: no finding.
      await client.waitFor(() => client.published.some((p) => p.uri === uri && p.version === version), 'the last version published');
      await settle('fast-sync.tf');
      const mine = client.published.filter((p) => p.uri === uri);
      const last = mine.at(-1);
      assert.equal(last?.version, version);
      assert.equal(
        last?.diagnostics.some((d) => d.code === ALWAYS_ON),
        false,
      );
      const versions = mine.map((p) => p.version ?? 0);
      assert.deepEqual(
        versions,
        [...versions].sort((x, y) => x - y),
        'published versions never go back',
      );
    });

    test('a closed document gets no diagnostics after its close', async () => {
      const uri = client.uri('closing.tf');
      await client.open('closing.tf', listener('true'));
      await client.waitForDiagnostics('closing.tf', (d) => d.length === 0, 'no finding at first');
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ text: listener('false') }],
      });
      await client.close('closing.tf');
      const closedAt = client.published.length;
      await settle('closing-sync.tf');
      const after = client.published.slice(closedAt).filter((p) => p.uri === uri);
      assert.ok(
        after.every((p) => p.diagnostics.length === 0),
        `published after close: ${JSON.stringify(after)}`,
      );
      assert.deepEqual(client.diagnostics.get(uri), []);
    });
  },
);
