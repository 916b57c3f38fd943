import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { LATE_LISTENERS_JSON, LOAD_BALANCER_JSON } from '../elbjson/util';
import { BROWSER_ROOT_URI, BROWSER_SERVER_BUNDLE, startBrowserServer } from './browserServer';
import { SERVER_BUNDLE, TestClient, tempWorkspace } from './client';

/**
 * The workspace is listed (for the callers of module folders) only when a folder needs it with
 * scope "openFiles", and at start-up with scope "workspace"; a folder that needs it never
 * shows what its callers would change.
 */

/** A load balancer and a listener with nothing to report, and no variable. */
const PLAIN = `resource "huaweicloud_elb_loadbalancer" "lb" {
  name = "lb"
}

resource "huaweicloud_elb_listener" "web" {
  loadbalancer_id = huaweicloud_elb_loadbalancer.lb.id
  protocol        = "HTTP"
  protocol_port   = 80
}
`;

/** Judged by itself, syslog's default (UDP) is a finding; its caller makes it HTTP, and dns TCP (the real finding). */
const CHILD = `variable "syslog_protocol" {
  default = "UDP"
}

variable "dns_protocol" {
  default = "HTTP"
}

resource "huaweicloud_lb_listener" "syslog" {
  loadbalancer_id = "lb"
  protocol        = var.syslog_protocol
  protocol_port   = 514
}

resource "huaweicloud_lb_listener" "dns" {
  loadbalancer_id = "lb"
  protocol        = var.dns_protocol
  protocol_port   = 53
}
`;

const CALLER = `module "web" {
  source          = "../modules/web"
  syslog_protocol = "HTTP"
  dns_protocol    = "TCP"
}
`;

/** No variable, but a finding by itself (UDP) that its only caller removes: it makes no instance. */
const LEGACY = `resource "huaweicloud_lb_listener" "this" {
  loadbalancer_id = "lb"
  protocol        = "UDP"
  protocol_port   = 514
}
`;

const LEGACY_CALLER = `module "legacy" {
  source = "../modules/legacy"
  count  = 0
}
`;

const FILES = {
  'plain/main.tf': PLAIN,
  'plain/.elb-lens.json': JSON.stringify({ json: { files: ['api/*.json'] } }),
  'plain/api/lb.json': LOAD_BALANCER_JSON,
  'plain/api/listeners.json': LATE_LISTENERS_JSON,
  'modules/web/main.tf': CHILD,
  'live/main.tf': CALLER,
  'modules/legacy/main.tf': LEGACY,
  'live/legacy.tf': LEGACY_CALLER,
};

const SHARED_L4_OFF = 'client-ip-shared-l4-off';
const skip = (!fs.existsSync(SERVER_BUNDLE) || !fs.existsSync(BROWSER_SERVER_BUNDLE)) && 'server bundles missing: run npm run build';

/** The progress the server reported, in order (begin, report, end), a report repeated once per slice of work given once. */
function progressMessages(client: TestClient): string[] {
  const messages = client.progress.map((p) => `${p.value.kind}${p.value.message ? `: ${p.value.message}` : ''}`);
  return messages.filter((m, i) => m !== messages[i - 1]);
}

/** The messages of every publication for a file, in order. */
function publishedMessages(client: TestClient, name: string): string[][] {
  return client.published.filter((p) => p.uri === client.uri(name)).map((p) => p.diagnostics.map((d) => String(d.message)));
}

describe('language server, scope "openFiles": the workspace is listed only when a folder needs its callers', { skip }, () => {
  let client: TestClient;
  let root: string;

  before(async () => {
    root = tempWorkspace(FILES);
    client = await TestClient.start(root, { relativePatternSupport: true, initializationOptions: { status: true } });
  });

  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('a folder without variables or findings, and ELB JSON, are checked without listing; .elb-lens.json is found by walking up', async () => {
    await client.open('plain/main.tf', PLAIN);
    await client.waitForDiagnostics('plain/main.tf', (d) => d.length === 0, 'plain/main.tf checked');
    // ELB JSON never needs callers, findings or not; json.files of plain/.elb-lens.json makes this file ELB JSON.
    await client.open('plain/api/listeners.json', LATE_LISTENERS_JSON, 1, 'json');
    const [diagnostic] = await client.waitForDiagnostics('plain/api/listeners.json', (d) => d.length === 1, 'ELB JSON by .elb-lens.json');
    assert.equal(diagnostic.code, 'client-ip-always-on');
    // The configuration file found on the way is watched, as one the listing found would be.
    const baseUri = pathToFileURL(path.join(root, 'plain')).toString();
    await client.waitFor(
      () =>
        client.registrations.some(
          (r) =>
            r.method === 'workspace/didChangeWatchedFiles' &&
            (r.registerOptions as { watchers: { globPattern: unknown }[] }).watchers.some(
              (w) => JSON.stringify(w.globPattern) === JSON.stringify({ baseUri, pattern: 'api/*.json' }),
            ),
        ),
      'json.files of plain/.elb-lens.json watched',
    );
    await client.waitFor(() => client.statuses.at(-1)?.state === 'ready', 'ready');
    assert.deepEqual(client.progressCreated, [], 'no work-done progress: the workspace was not listed');
    assert.deepEqual(client.progress, []);
  });

  test("a child module opened alone waits for the listing: its caller's values decide, never the defaults the caller overrides", async () => {
    const plainPublished = client.publishCount.get(client.uri('plain/main.tf')) ?? 0;
    await client.open('modules/web/main.tf', CHILD);
    const [diagnostic] = await client.waitForDiagnostics('modules/web/main.tf', (d) => d.length > 0, 'the finding through the caller');
    assert.equal(diagnostic.code, SHARED_L4_OFF);
    assert.match(String(diagnostic.message), /module\.web\.huaweicloud_lb_listener\.dns` \(TCP\)/);
    assert.equal(diagnostic.range.start.line, 14);
    const uris = (diagnostic.relatedInformation ?? []).map((r) => r.location.uri);
    assert.ok(uris.includes(client.uri('live/main.tf')), uris.join(', '));
    // Nothing was shown before the callers were known: no publication has syslog's default (UDP).
    for (const messages of publishedMessages(client, 'modules/web/main.tf')) {
      assert.equal(messages.length, 1, JSON.stringify(messages));
      assert.doesNotMatch(messages[0], /syslog/);
    }
    assert.equal(client.progressCreated.length, 1);
    assert.deepEqual(progressMessages(client), ['begin: Listing Terraform files', 'report: Indexing 5 Terraform files', 'end']);
    assert.equal(client.progress[0].value.cancellable, true);
    // A file checked before the listing without waiting for it is checked again once it is in.
    await client.waitFor(() => (client.publishCount.get(client.uri('plain/main.tf')) ?? 0) > plainPublished, 'plain/main.tf checked again');
  });

  test('the listing is done once per session: a folder that needs callers afterwards uses it', async () => {
    await client.open('modules/legacy/main.tf', LEGACY);
    await client.waitForDiagnostics('modules/legacy/main.tf', () => true, 'modules/legacy/main.tf checked');
    assert.deepEqual(publishedMessages(client, 'modules/legacy/main.tf'), [[]], 'its only caller makes no instance (count = 0)');
    assert.equal(client.progressCreated.length, 1, 'no second listing');
  });
});

describe('language server, scope "openFiles": a folder without variables but with a finding its callers remove', { skip }, () => {
  test('waits for the listing too: count = 0 on the only call leaves nothing to report', async () => {
    const root = tempWorkspace(FILES);
    const client = await TestClient.start(root);
    try {
      await client.open('modules/legacy/main.tf', LEGACY);
      await client.waitForDiagnostics('modules/legacy/main.tf', () => true, 'modules/legacy/main.tf checked');
      assert.deepEqual(publishedMessages(client, 'modules/legacy/main.tf'), [[]], 'never the finding of the folder judged by itself');
      assert.equal(client.progressCreated.length, 1, 'the workspace was listed');
    } finally {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('language server, scope "workspace": the workspace is listed at start-up', { skip }, () => {
  test('closed files are published, a child module through its caller', async () => {
    const root = tempWorkspace(FILES);
    const client = new TestClient(root);
    client.settings = { diagnostics: { scope: 'workspace' } };
    await TestClient.initialize(client);
    try {
      const [diagnostic] = await client.waitForDiagnostics('modules/web/main.tf', (d) => d.length > 0, 'the closed child published');
      assert.match(String(diagnostic.message), /module\.web\.huaweicloud_lb_listener\.dns` \(TCP\)/);
      await client.waitForDiagnostics('plain/main.tf', (d) => d.length === 0, 'the closed plain/main.tf published');
      for (const messages of publishedMessages(client, 'modules/web/main.tf')) assert.doesNotMatch(messages.join('\n'), /syslog/);
      assert.deepEqual(publishedMessages(client, 'modules/legacy/main.tf'), [[]]);
      assert.ok(progressMessages(client).includes('report: Indexing 5 Terraform files'), progressMessages(client).join('\n'));
      assert.equal(client.progressCreated.length, 1);
    } finally {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('browser language server: the listing cancelled', { skip }, () => {
  test('folders are judged with the open files only, and the output says so once', async () => {
    const root = tempWorkspace(FILES);
    // Slow file requests, as on a remote file system: the cancellation comes while the folders are listed.
    const { client, requests } = await startBrowserServer(root, { latencyMs: 20 });
    const cancelled = () => client.logs.filter((l) => /indexing the workspace was cancelled/.test(l));
    try {
      await client.open('plain/main.tf', PLAIN);
      await client.waitForDiagnostics('plain/main.tf', (d) => d.length === 0, 'plain/main.tf checked');
      assert.deepEqual(client.progressCreated, [], 'not listed for a folder without variables or findings');
      assert.ok(!requests.listings.includes(client.uri('modules')), requests.listings.join(', '));
      client.cancelProgressOnBegin = true;
      await client.open('modules/web/main.tf', CHILD);
      // As before any listing: the child by itself, with its defaults.
      const [diagnostic] = await client.waitForDiagnostics('modules/web/main.tf', (d) => d.length > 0, 'the child judged by itself');
      assert.match(String(diagnostic.message), /huaweicloud_lb_listener\.syslog` \(UDP\)/);
      await client.waitFor(() => cancelled().length > 0, 'the cancellation said');
      assert.equal(client.progressCreated.length, 1);
      // Cancelled once per set of folders: a folder that needs callers later does not list again.
      await client.open('modules/legacy/main.tf', LEGACY);
      await client.waitForDiagnostics('modules/legacy/main.tf', (d) => d.length === 1, 'legacy judged by itself');
      assert.equal(client.progressCreated.length, 1);
      // New workspace folders are listed again when needed (the open child needs it), and cancelled again: said once all the same.
      await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
        event: { added: [{ uri: `${BROWSER_ROOT_URI}/live`, name: 'live' }], removed: [] },
      });
      await client.waitFor(() => client.progress.filter((p) => p.value.kind === 'end').length === 2, 'a second listing, cancelled');
      assert.equal(cancelled().length, 1, client.logs.join('\n'));
    } finally {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
