import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Diagnostic, Hover, InlayHint } from 'vscode-languageserver-protocol';
import { BROWSER_ROOT_URI, BROWSER_SERVER_BUNDLE, startBrowserServer, type FileRequests } from './browserServer';
import { SERVER_BUNDLE, TestClient, tempWorkspace } from './client';

/**
 * The language server's web worker build (server/out/browserServer.js), run in-process as a
 * worker runs it, reading every file through the client's requests (workspace URIs of a
 * virtual file system, as on github.dev): what the desktop server does for open files, it does.
 */

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

/** A listener whose setting comes from a variable: "false" (a finding) unless terraform.tfvars says "true". */
const FROM_VARIABLE = LISTENER.replace('transparent_client_ip_enable = "false"', 'transparent_client_ip_enable = var.transfer');

const CHILD = `variable "protocol" {}

resource "huaweicloud_lb_listener" "this" {
  loadbalancer_id = "lb"
  protocol        = var.protocol
  protocol_port   = 514
}
`;

const CALLER = `variable "syslog_protocol" {}

module "syslog" {
  source   = "../modules/syslog"
  protocol = var.syslog_protocol
}
`;

const TF_JSON = JSON.stringify(
  {
    resource: {
      huaweicloud_elb_loadbalancer: { lb: { name: 'lb' } },
      huaweicloud_elb_listener: {
        web: { loadbalancer_id: '${huaweicloud_elb_loadbalancer.lb.id}', protocol: 'HTTP', transparent_client_ip_enable: false },
      },
    },
  },
  null,
  2,
);

const ELB_JSON = `{
  "loadbalancer": { "id": "3b2a0c4e-5f7d-4a8e-9c1b-2d6e8f0a1b3c", "name": "e2e", "guaranteed": true },
  "listener": {
    "name": "web",
    "protocol": "HTTP",
    "protocol_port": 80,
    "loadbalancer_id": "3b2a0c4e-5f7d-4a8e-9c1b-2d6e8f0a1b3c",
    "transparent_client_ip_enable": false
  }
}
`;

const ALWAYS_ON = 'client-ip-always-on';
const skip = (!fs.existsSync(BROWSER_SERVER_BUNDLE) || !fs.existsSync(SERVER_BUNDLE)) && 'server bundles missing: run npm run build';

function codes(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => String(d.code)).sort();
}

describe('browser language server: open files, read through the client', { skip }, () => {
  let client: TestClient;
  let requests: FileRequests;
  let root: string;
  /** Every publication for env/main.tf, in order. */
  const envPublished = () => client.published.filter((p) => p.uri === client.uri('env/main.tf')).map((p) => p.diagnostics);

  before(async () => {
    root = tempWorkspace({
      'main.tf': LISTENER,
      'env/main.tf': FROM_VARIABLE,
      'env/variables.tf': 'variable "transfer" {\n  default = "false"\n}\n',
      'env/terraform.tfvars': 'transfer = "true"\n',
      'modules/syslog/main.tf': CHILD,
      'app/main.tf': CALLER,
      'app/terraform.tfvars': 'syslog_protocol = "TCP"\n',
      'cfg/main.tf': LISTENER,
      'cfg/.elb-lens.json': JSON.stringify({ rules: { [ALWAYS_ON]: 'warning' } }),
      'json/main.tf.json': TF_JSON,
      'api/listener.elb.json': ELB_JSON,
      'registry/main.tf': 'module "lb" {\n  source = "terraform-huaweicloud/elb/huaweicloud"\n}\n',
      // OpenTofu's file names: a caller in main.tofu, registry calls in .tofu and .tofu.json files.
      'modules/tofu-syslog/main.tf': CHILD,
      'tofu-app/main.tofu': CALLER.replace('../modules/syslog', '../modules/tofu-syslog'),
      'tofu-app/terraform.tfvars': 'syslog_protocol = "TCP"\n',
      'registry-tofu/main.tofu': 'module "lb" {\n  source = "terraform-huaweicloud/elb/huaweicloud"\n}\n',
      'registry-json/main.tofu.json': JSON.stringify({ module: { lb: { source: 'git::ssh://git@example.com/elb.git' } } }),
    });
    // Every file request waits a little, as on a remote file system: nothing may be published
    // from an analysis that ran before the files it needs were in.
    ({ client, requests } = await startBrowserServer(root, { latencyMs: 15 }));
  });

  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('diagnostics for a Terraform file, with links in the workspace scheme and the rule page the desktop server gives', async () => {
    await client.open('main.tf', LISTENER);
    const [diagnostic] = await client.waitForDiagnostics('main.tf', (d) => d.length > 0, 'diagnostics for main.tf');
    assert.equal(diagnostic.code, ALWAYS_ON);
    assert.deepEqual(diagnostic.range, { start: { line: 8, character: 2 }, end: { line: 8, character: 40 } });
    // The link the desktop server gives: the rule's public page, from package.json's repository (none while unset).
    const desktop = await TestClient.start(root);
    try {
      await desktop.open('main.tf', LISTENER);
      const [fromDesktop] = await desktop.waitForDiagnostics('main.tf', (d) => d.length > 0, 'desktop diagnostics for main.tf');
      assert.deepEqual(diagnostic.codeDescription, fromDesktop.codeDescription);
    } finally {
      await desktop.stop();
    }
    assert.equal(diagnostic.relatedInformation?.[0].location.uri, `${BROWSER_ROOT_URI}/main.tf`);
  });

  test('hover, quick fix, fix-all and inlay hints', async () => {
    const uri = client.uri('main.tf');
    const hover = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 8, character: 5 },
    })) as Hover;
    assert.match((hover.contents as { value: string }).value, /Transfer Client IP Address: always on/);
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 8, character: 2 }, end: { line: 8, character: 2 } },
      context: { diagnostics: client.diagnostics.get(uri) ?? [] },
    })) as CodeAction[];
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Remove transparent_client_ip_enable'), titles.join(', '));
    assert.ok(titles.includes(`Ignore ${ALWAYS_ON} here`), titles.join(', '));
    const fixAll = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.elbLens'] },
    })) as CodeAction[];
    assert.equal(fixAll.length, 1);
    assert.deepEqual(Object.keys(fixAll[0].edit?.changes ?? {}), [uri]);
    const hints = (await client.connection.sendRequest('textDocument/inlayHint', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } },
    })) as InlayHint[];
    assert.deepEqual(
      hints.map((h) => h.label),
      ['client IP: always on (dedicated)'],
    );
  });

  test('a setting that turns the rule off clears it, and restoring it brings it back', async () => {
    await client.changeSettings({ rules: { [ALWAYS_ON]: 'off' } });
    await client.waitForDiagnostics('main.tf', (d) => d.length === 0, 'the rule off');
    await client.changeSettings({});
    await client.waitForDiagnostics('main.tf', (d) => d.length === 1, 'the rule back');
  });

  test('terraform.tfvars, read ahead: no publication ever shows the default that the file overrides', async () => {
    await client.open('env/main.tf', FROM_VARIABLE);
    await client.waitFor(() => envPublished().length > 0, 'a publication for env/main.tf');
    assert.deepEqual(envPublished(), [[]], 'the only publication is the complete one');
    // Positive control: the tfvars file is what silences it.
    fs.writeFileSync(path.join(root, 'env/terraform.tfvars'), 'transfer = "false"\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: client.uri('env/terraform.tfvars'), type: 2 }],
    });
    const diagnostics = await client.waitForDiagnostics(
      'env/main.tf',
      (d) => d.length === 1,
      'the finding once the tfvars file says "false"',
    );
    assert.equal(diagnostics[0].code, ALWAYS_ON);
    await client.close('env/main.tf');
  });

  test("a child module is judged through its caller's values (the caller and its tfvars read through the client)", async () => {
    await client.open('modules/syslog/main.tf', CHILD);
    const [diagnostic] = await client.waitForDiagnostics('modules/syslog/main.tf', (d) => d.length > 0, 'a finding from the caller');
    assert.equal(diagnostic.code, 'client-ip-shared-l4-off');
    assert.match(String(diagnostic.message), /module\.syslog\.huaweicloud_lb_listener\.this/);
    const uris = (diagnostic.relatedInformation ?? []).map((r) => r.location.uri);
    assert.ok(uris.includes(client.uri('app/main.tf')), uris.join(', '));
    await client.close('modules/syslog/main.tf');
  });

  test('.elb-lens.json above the file applies', async () => {
    await client.open('cfg/main.tf', LISTENER);
    const [diagnostic] = await client.waitForDiagnostics('cfg/main.tf', (d) => d.length > 0, 'diagnostics for cfg/main.tf');
    assert.equal(diagnostic.code, ALWAYS_ON);
    assert.equal(diagnostic.severity, 2, 'the severity of .elb-lens.json (warning)');
    await client.close('cfg/main.tf');
  });

  test('.tf.json and ELB API JSON', async () => {
    await client.open('json/main.tf.json', TF_JSON, 1, 'json');
    const tfJson = await client.waitForDiagnostics('json/main.tf.json', (d) => d.length > 0, 'diagnostics for main.tf.json');
    assert.deepEqual(codes(tfJson), [ALWAYS_ON]);
    await client.open('api/listener.elb.json', ELB_JSON, 1, 'json');
    const api = await client.waitForDiagnostics('api/listener.elb.json', (d) => d.length > 0, 'diagnostics for listener.elb.json');
    assert.deepEqual(codes(api), [ALWAYS_ON]);
    assert.equal(api[0].range.start.line, 7);
  });

  test('an untitled document is checked, and nothing is read for it', async () => {
    const before = requests.reads.length + requests.listings.length;
    await client.open('untitled:Untitled-1', LISTENER);
    const diagnostics = await client.waitForDiagnostics(
      'untitled:Untitled-1',
      (d) => d.length > 0,
      'diagnostics for the untitled document',
    );
    assert.deepEqual(codes(diagnostics), [ALWAYS_ON]);
    const after = [...requests.reads, ...requests.listings].slice(before);
    assert.ok(!after.some((uri) => uri.includes('untitled')), after.join(', '));
  });

  test('modules from a registry: said once that they cannot be read here, and no finding', async () => {
    const text = fs.readFileSync(path.join(root, 'registry/main.tf'), 'utf8');
    await client.open('registry/main.tf', text);
    await client.waitForDiagnostics('registry/main.tf', () => true, 'a publication for registry/main.tf');
    await client.waitFor(() => client.logs.some((l) => /calls modules from a registry or git/.test(l)), 'the message');
    assert.equal(client.logs.filter((l) => /calls modules from a registry or git/.test(l)).length, 1);
    assert.deepEqual(client.diagnostics.get(client.uri('registry/main.tf')), []);
  });

  test("a child module called from a .tofu file is judged through its caller's values", async () => {
    await client.open('modules/tofu-syslog/main.tf', CHILD);
    const [diagnostic] = await client.waitForDiagnostics(
      'modules/tofu-syslog/main.tf',
      (d) => d.length > 0,
      'a finding from the .tofu caller',
    );
    assert.equal(diagnostic.code, 'client-ip-shared-l4-off');
    const uris = (diagnostic.relatedInformation ?? []).map((r) => r.location.uri);
    assert.ok(uris.includes(client.uri('tofu-app/main.tofu')), uris.join(', '));
    await client.close('modules/tofu-syslog/main.tf');
  });

  for (const file of ['registry-tofu/main.tofu', 'registry-json/main.tofu.json']) {
    test(`modules from a registry or git called in ${path.extname(file)}: said for that folder`, async () => {
      const folder = path.dirname(file);
      await client.open(file, fs.readFileSync(path.join(root, file), 'utf8'), 1, file.endsWith('.json') ? 'json' : 'terraform');
      await client.waitForDiagnostics(file, () => true, `a publication for ${file}`);
      const said = (l: string) => /calls modules from a registry or git/.test(l) && l.includes(`/${folder} calls`);
      await client.waitFor(() => client.logs.some(said), `the message for ${folder}`);
      assert.equal(client.logs.filter(said).length, 1);
      assert.deepEqual(client.diagnostics.get(client.uri(file)), []);
      await client.close(file);
    });
  }

  test('each file is read once until it changes or its document closes; nothing is read outside the workspace but .elb-lens.json candidates', () => {
    // A closed document's file is read again (it may differ from what was read before it opened).
    const reread = new Set(
      [
        'env/terraform.tfvars',
        'env/main.tf',
        'modules/syslog/main.tf',
        'cfg/main.tf',
        'modules/tofu-syslog/main.tf',
        'registry-tofu/main.tofu',
        'registry-json/main.tofu.json',
      ].map((f) => client.uri(f)),
    );
    const reads = requests.reads.filter((uri) => !reread.has(uri));
    assert.deepEqual(
      reads.filter((uri, i) => reads.indexOf(uri) !== i),
      [],
      'read twice',
    );
    const outside = requests.reads.filter((uri) => !uri.startsWith(`${BROWSER_ROOT_URI}/`));
    assert.ok(
      outside.every((uri) => uri.endsWith('/.elb-lens.json')),
      outside.join(', '),
    );
    assert.ok(!client.logs.some((l) => /skipped .*cannot be read/.test(l)), client.logs.join('\n'));
  });
});

describe('browser language server: limits on what is read', { skip }, () => {
  test('past the file limit, the rest counts as missing and the server says so once', async () => {
    const files: Record<string, string> = { 'main.tf': LISTENER };
    for (let i = 0; i < 6; i++) files[`m${i}/main.tf`] = LISTENER;
    const root = tempWorkspace(files);
    const { client, requests } = await startBrowserServer(root, { readLimits: { files: 3 } });
    try {
      await client.open('main.tf', LISTENER);
      await client.waitForDiagnostics('main.tf', (d) => d.length === 1, 'the open file still checked');
      await client.waitFor(() => client.logs.some((l) => /reads at most 3 files/.test(l)), `the limit said (${JSON.stringify(requests)})`);
      assert.equal(client.logs.filter((l) => /reads at most 3 files/.test(l)).length, 1);
      assert.ok(requests.reads.length <= 3, requests.reads.join(', '));
    } finally {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('browser language server: diagnostics.scope "workspace"', { skip }, () => {
  test('closed files of the workspace get their findings, read through the client', async () => {
    const root = tempWorkspace({ 'a/main.tf': LISTENER, 'b/main.tf': LISTENER.replace('"false"', '"true"'), 'c/main.tf': LISTENER });
    const { client } = await startBrowserServer(root, { latencyMs: 5 });
    try {
      await client.changeSettings({ diagnostics: { scope: 'workspace' } });
      for (const file of ['a/main.tf', 'c/main.tf']) {
        const diagnostics = await client.waitForDiagnostics(file, (d) => d.length > 0, `workspace diagnostics for ${file}`);
        assert.deepEqual(codes(diagnostics), [ALWAYS_ON]);
      }
      assert.ok(!client.published.some((p) => p.uri === client.uri('b/main.tf') && p.diagnostics.length > 0));
    } finally {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

/** Diagnostics as comparable across the two servers: the workspace root and the URI scheme taken out. */
function comparable(diagnostics: Diagnostic[], rootUri: string, rootPath: string): unknown[] {
  const strip = (text: string) => text.split(rootUri).join('<root>').split(rootPath).join('<root>');
  return diagnostics.map((d) => ({
    code: d.code,
    severity: d.severity,
    range: d.range,
    message: strip(typeof d.message === 'string' ? d.message : d.message.value),
    related: (d.relatedInformation ?? []).map((r) => ({ uri: strip(r.location.uri), range: r.location.range, message: strip(r.message) })),
  }));
}

describe('browser language server: the same findings as the desktop server on every example', { skip }, () => {
  test('each example file, opened alone, gets the same diagnostics from both servers', async () => {
    const examples = path.resolve(__dirname, '..', '..', '..', 'examples');
    const root = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'elb-lens-examples-'));
    fs.cpSync(examples, root, { recursive: true });
    const files = (fs.readdirSync(root, { recursive: true }) as string[])
      .map((f) => f.split(path.sep).join('/'))
      .filter((f) => /\.(tf|tf\.json|elb\.json|elb\.jsonc)$/.test(f))
      .sort();
    assert.ok(files.length > 10, files.join(', '));
    const desktop = await TestClient.start(root);
    const { client: web } = await startBrowserServer(root);
    try {
      let findings = 0;
      for (const file of files) {
        const text = fs.readFileSync(path.join(root, file), 'utf8');
        const language = file.endsWith('.tf') ? 'terraform' : 'json';
        for (const c of [desktop, web]) await c.open(file, text, 1, language);
        const fromDesktop = await desktop.waitForDiagnostics(file, () => true, `desktop diagnostics for ${file}`);
        const fromWeb = await web.waitForDiagnostics(file, () => true, `web diagnostics for ${file}`);
        findings += fromDesktop.length;
        assert.deepEqual(
          comparable(fromWeb, BROWSER_ROOT_URI, '/acme/infra'),
          comparable(fromDesktop, desktop.uri(''), root),
          `diagnostics of ${file}`,
        );
        for (const c of [desktop, web]) await c.close(file);
      }
      assert.ok(findings > 10, `${findings} findings compared`);
    } finally {
      await desktop.stop();
      await web.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
