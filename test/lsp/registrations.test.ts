import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { STATUS_NOTIFICATION as CLIENT_STATUS_NOTIFICATION } from '../../client/src/protocol';
import { STATUS_NOTIFICATION } from '../../server/src/lsp/status';
import { WATCHED_GLOBS } from '../../server/src/lsp/watchers';
import { SERVER_BUNDLE, TestClient, tempWorkspace } from './client';

const LISTENER = `resource "huaweicloud_elb_loadbalancer" "lb" {
  name = "lb"
}

resource "huaweicloud_elb_listener" "web" {
  loadbalancer_id              = huaweicloud_elb_loadbalancer.lb.id
  protocol                     = "HTTP"
  transparent_client_ip_enable = "false"
  default_pool_id              = huaweicloud_elb_pool.web.id
}

resource "huaweicloud_elb_pool" "web" {
  protocol  = "HTTP"
  lb_method = "ROUND_ROBIN"
}

resource "huaweicloud_elb_member" "partner" {
  pool_id       = huaweicloud_elb_pool.web.id
  address       = "172.16.0.10"
  protocol_port = 80
}
`;

const skip = !fs.existsSync(SERVER_BUNDLE) && 'server bundle missing: run npm run build';

interface Watcher {
  globPattern: string | { baseUri: string; pattern: string };
}

describe('language server: one configuration registration, one file watcher, status', { skip }, () => {
  let client: TestClient;
  let root: string;

  before(async () => {
    root = tempWorkspace({ 'main.tf': LISTENER, 'sub/.elb-lens.json': JSON.stringify({ json: { files: ['api/*.json'] } }) });
    client = await TestClient.start(root, { initializationOptions: { status: true }, relativePatternSupport: true });
  });

  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  const watchers = () =>
    client.registrations
      .filter((r) => r.method === 'workspace/didChangeWatchedFiles')
      .flatMap((r) => (r.registerOptions as { watchers: Watcher[] }).watchers);

  test('configuration changes: one registration, for the elbLens section', async () => {
    await client.open('main.tf', LISTENER);
    await client.waitForDiagnostics('main.tf', (d) => d.length > 0, 'diagnostics');
    const registrations = client.registrations.filter((r) => r.method === 'workspace/didChangeConfiguration');
    assert.deepEqual(
      registrations.map((r) => r.registerOptions),
      [{ section: 'elbLens' }],
    );
  });

  test('files: one watcher registration with ELB Lens names only (never every JSON file), json.files of .elb-lens.json included', async () => {
    await client.waitFor(() => watchers().length > 0, 'a watcher registration');
    assert.equal(client.registrations.filter((r) => r.method === 'workspace/didChangeWatchedFiles').length, 1);
    const globs = watchers().map((w) => w.globPattern);
    for (const glob of WATCHED_GLOBS) assert.ok(globs.includes(glob), glob);
    for (const glob of globs) if (typeof glob === 'string') assert.doesNotMatch(glob, /^\*\*\/\*\.(json|jsonc|\{json)/, glob);
    assert.ok(
      globs.some(
        (g) => typeof g === 'object' && g.baseUri === pathToFileURL(path.join(root, 'sub')).toString() && g.pattern === 'api/*.json',
      ),
      `json.files of sub/.elb-lens.json, relative to its folder: ${JSON.stringify(globs)}`,
    );
  });

  test('a settings change that leaves elbLens as it was re-checks nothing; a real one does; json.files moves the watcher', async () => {
    await client.waitFor(() => client.statuses.at(-1)?.state === 'ready', 'ready');
    const mark = client.statuses.length;
    const asked = client.configurationRequests;
    // What a client without the registration sends for a theme change.
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { workbench: { colorTheme: 'x' } } });
    await client.waitFor(() => client.configurationRequests > asked, 'the settings read again');
    // A request after the answers: the notification's handler has finished by the time it is answered.
    await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: client.uri('main.tf') },
      position: { line: 0, character: 0 },
    });
    assert.deepEqual(client.statuses.slice(mark), [], 'no analysis after an unrelated change');
    await client.changeSettings({ rules: { 'client-ip-ip-backend': 'off' }, json: { files: ['reports/*.json'] } });
    await client.waitFor(() => client.statuses.slice(mark).some((s) => s.state === 'analysing'), 'an analysis after a real change');
    await client.waitFor(
      () => watchers().some((w) => typeof w.globPattern === 'object' && w.globPattern.pattern === 'reports/*.json'),
      'the json.files glob of the settings watched',
    );
    assert.equal(client.registrations.filter((r) => r.method === 'workspace/didChangeWatchedFiles').length, 1, 'the old one unregistered');
    await client.changeSettings({});
  });

  test('status: analysing, then ready; the client and the server name the notification alike', async () => {
    assert.equal(CLIENT_STATUS_NOTIFICATION, STATUS_NOTIFICATION);
    await client.waitFor(() => client.statuses.at(-1)?.state === 'ready', 'ready');
    const mark = client.statuses.length;
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: client.uri('main.tf'), version: 2 },
      contentChanges: [{ text: LISTENER.replace('"false"', '"true"') }],
    });
    await client.waitFor(() => client.statuses.slice(mark).some((s) => s.state === 'analysing'), 'analysing');
    await client.waitFor(() => client.statuses.at(-1)?.state === 'ready', 'ready again');
  });

  test('an unknown rule id in the settings is reported once, with the id it resembles', async () => {
    const settings = { rules: { 'client-ip-alway-on': 'off' } };
    await client.changeSettings(settings);
    await client.waitFor(() => client.logs.some((l) => l.includes('client-ip-alway-on')), 'the report');
    await client.changeSettings({ ...settings, run: 'onType' });
    await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: client.uri('main.tf') },
      position: { line: 0, character: 0 },
    });
    const reports = client.logs.filter((l) => l.includes('client-ip-alway-on'));
    assert.equal(reports.length, 1, reports.join('\n'));
    assert.match(reports[0], /unknown rule id "client-ip-alway-on" \(did you mean "client-ip-always-on"\?\)/);
    await client.changeSettings({});
  });
});

describe('language server: settings per workspace folder', { skip }, () => {
  test('a rule turned off in one folder stays on in the other', async () => {
    const a = tempWorkspace({ 'main.tf': LISTENER });
    const b = tempWorkspace({ 'main.tf': LISTENER });
    const client = await TestClient.start(a);
    try {
      client.settingsByScope = (scopeUri) =>
        scopeUri?.startsWith(pathToFileURL(a).toString()) ? { rules: { 'client-ip-ip-backend': 'off' } } : {};
      await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
        event: { added: [{ uri: pathToFileURL(b).toString(), name: 'b' }], removed: [] },
      });
      const inA = pathToFileURL(path.join(a, 'main.tf')).toString();
      const inB = pathToFileURL(path.join(b, 'main.tf')).toString();
      await client.open(inA, LISTENER);
      await client.open(inB, LISTENER);
      const codes = async (uri: string) => (await client.waitForDiagnostics(uri, (d) => d.length > 0, uri)).map((d) => d.code).sort();
      assert.deepEqual(await codes(inA), ['client-ip-always-on']);
      assert.deepEqual(await codes(inB), ['client-ip-always-on', 'client-ip-ip-backend']);
    } finally {
      await client.stop();
      fs.rmSync(a, { recursive: true, force: true });
      fs.rmSync(b, { recursive: true, force: true });
    }
  });
});

describe('language server: rule links from package.json', { skip }, () => {
  test('the installed package names a repository: diagnostics link the https rule page', async () => {
    // A copy of the installed layout: <root>/package.json, <root>/server/out/server.js and its WebAssembly.
    const packageRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'elb-lens-package-'));
    const out = path.join(packageRoot, 'server', 'out');
    fs.mkdirSync(out, { recursive: true });
    for (const name of fs.readdirSync(path.dirname(SERVER_BUNDLE))) {
      if (name === 'server.js' || name.endsWith('.wasm'))
        fs.copyFileSync(path.join(path.dirname(SERVER_BUNDLE), name), path.join(out, name));
    }
    fs.writeFileSync(
      path.join(packageRoot, 'package.json'),
      JSON.stringify({ name: 'elb-lens', repository: { type: 'git', url: 'git+https://github.com/example/elb-lens.git' } }),
    );
    const root = tempWorkspace({ 'main.tf': LISTENER });
    const client = await TestClient.start(root, { bundle: path.join(out, 'server.js') });
    try {
      await client.open('main.tf', LISTENER);
      const diagnostics = await client.waitForDiagnostics('main.tf', (d) => d.length === 2, 'diagnostics');
      const alwaysOn = diagnostics.find((d) => d.code === 'client-ip-always-on');
      assert.equal(alwaysOn?.codeDescription?.href, 'https://github.com/example/elb-lens/blob/HEAD/docs/rules/client-ip-always-on.md');
    } finally {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
      fs.rmSync(packageRoot, { recursive: true, force: true });
    }
  });
});
