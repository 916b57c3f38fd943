// The editor scenarios of the code-server suite (test/e2e/suite.mjs), checked through the
// VS Code API inside the extension host. The workspace is a copy of
// test/e2e/fixtures/workspace; user settings start empty apart from run.mjs's defaults.
const assert = require('assert');
const fs = require('fs');
const vscode = require('vscode');

const EXTENSION_ID = 'elb-lens.elb-lens';
const TIMEOUT = 30000;

/** Polls until `check` returns something truthy; never a fixed sleep. */
async function waitFor(check, what, timeout = TIMEOUT) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}${last ? `; last seen: ${last}` : ''}`);
    last = describe(value);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function describe(value) {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

function fileUri(relative) {
  const [folder] = vscode.workspace.workspaceFolders;
  return vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
}

async function open(relative) {
  const document = await vscode.workspace.openTextDocument(fileUri(relative));
  const editor = await vscode.window.showTextDocument(document);
  return { document, editor };
}

/** The 0-based line of the first line containing `text`. */
function lineOf(document, text) {
  for (let line = 0; line < document.lineCount; line++) if (document.lineAt(line).text.includes(text)) return line;
  throw new Error(`no line with ${text} in ${document.uri.fsPath}`);
}

function ruleId(diagnostic) {
  const code = diagnostic.code;
  return String(code && typeof code === 'object' ? code.value : code);
}

/** ELB Lens diagnostics of a document as `rule@line:severity`, sorted. */
function findings(uri) {
  const names = ['error', 'warning', 'information', 'hint'];
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'elb-lens')
    .map((d) => `${ruleId(d)}@${d.range.start.line}:${names[d.severity]}`)
    .sort();
}

/** Waits until the document's ELB Lens diagnostics are exactly `expected` (`rule@line:severity`). */
async function expectFindings(uri, expected) {
  const want = [...expected].sort().join(' ');
  let seen = '';
  try {
    await waitFor(() => (seen = findings(uri).join(' ')) === want, `diagnostics ${want || '(none)'}`);
  } catch (error) {
    throw new Error(`${error.message}; seen: ${seen || '(none)'}`, { cause: error });
  }
}

async function setUserSetting(section, key, value) {
  await vscode.workspace.getConfiguration(section).update(key, value, vscode.ConfigurationTarget.Global);
}

function hoverText(hovers) {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

function hintLabel(hint) {
  return typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join('');
}

suite('ELB Lens in VS Code desktop', function () {
  this.timeout(2 * TIMEOUT);

  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    await extension.activate();
  });

  test('.tf files are Terraform, and ELB Lens is the only Terraform grammar', async () => {
    const { document } = await open('main.tf');
    assert.strictEqual(document.languageId, 'terraform');
    const others = vscode.extensions.all.filter(
      (e) => e.id !== EXTENSION_ID && (e.packageJSON.contributes?.grammars ?? []).some((g) => g.language === 'terraform'),
    );
    assert.deepStrictEqual(
      others.map((e) => e.id),
      [],
    );
  });

  test('.tf tokens are scoped and coloured by the bundled TextMate grammar', async function () {
    const { document } = await open('main.tf');
    let tokens;
    try {
      // VS Code's own colorizer tests use this command (desktop workbench only).
      tokens = await vscode.commands.executeCommand('_workbench.captureSyntaxTokens', document.uri);
    } catch (error) {
      this.test.skipReason = `_workbench.captureSyntaxTokens is not available here (${error.message})`;
      this.skip();
    }
    const keyword = tokens.find((t) => t.c === 'resource');
    const label = tokens.find((t) => t.c.includes('huaweicloud_elb_loadbalancer'));
    assert.ok(keyword && label, describe(tokens.slice(0, 8)));
    assert.notStrictEqual(keyword.t, 'source.hcl.elblens', 'the resource keyword has a scope of its own');
    const colour = (t) => t.r?.dark_plus ?? t.r?.dark_modern ?? Object.values(t.r ?? {})[0];
    const plain = tokens.find((t) => t.t === 'source.hcl.elblens' && t.c.trim() !== '');
    if (plain) assert.notStrictEqual(colour(keyword), colour(plain), describe({ keyword, plain }));
    assert.notStrictEqual(colour(keyword), colour(label), describe({ keyword, label }));
  });

  test('diagnostics: error and warning on the right lines, with rule ids', async () => {
    const { document } = await open('main.tf');
    const error = lineOf(document, 'transparent_client_ip_enable');
    const warning = lineOf(document, 'address');
    await expectFindings(document.uri, [`client-ip-always-on@${error}:error`, `client-ip-ip-backend@${warning}:warning`]);
  });

  test('information on a shared TCP listener', async () => {
    const { document } = await open('shared.tf');
    await expectFindings(document.uri, [`client-ip-shared-l4-off@${lineOf(document, 'resource "huaweicloud_lb_listener"')}:information`]);
  });

  test('ELB API JSON: error in listener.elb.json', async () => {
    const { document } = await open('listener.elb.json');
    await expectFindings(document.uri, [`client-ip-always-on@${lineOf(document, '"transparent_client_ip_enable"')}:error`]);
  });

  test('hover on the client IP argument explains it', async () => {
    const { document } = await open('main.tf');
    const line = lineOf(document, 'transparent_client_ip_enable');
    const position = new vscode.Position(line, document.lineAt(line).firstNonWhitespaceCharacterIndex + 3);
    const text = await waitFor(async () => {
      const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, position);
      const joined = hoverText(hovers);
      return joined.includes('Transfer Client IP Address') ? joined : undefined;
    }, 'a hover about Transfer Client IP Address');
    assert.match(text, /always on/);
  });

  test('inlay hint shows the effective state', async () => {
    const { document } = await open('main.tf');
    const range = new vscode.Range(0, 0, document.lineCount, 0);
    const labels = await waitFor(async () => {
      const hints = await vscode.commands.executeCommand('vscode.executeInlayHintProvider', document.uri, range);
      const found = hints.map(hintLabel);
      return found.some((l) => l.includes('client IP: always on')) ? found : undefined;
    }, 'the inlay hint "client IP: always on"');
    assert.ok(labels.length >= 1);
  });

  test('the quick fix edits the text and removes the finding', async () => {
    const { document } = await open('main.tf');
    const line = lineOf(document, 'transparent_client_ip_enable');
    const range = new vscode.Range(line, 4, line, 4);
    const actions = await waitFor(async () => {
      const found = await vscode.commands.executeCommand(
        'vscode.executeCodeActionProvider',
        document.uri,
        range,
        vscode.CodeActionKind.QuickFix.value,
      );
      return found.some((a) => a.title === 'Remove transparent_client_ip_enable') ? found : undefined;
    }, 'the quick fix "Remove transparent_client_ip_enable"');
    const remove = actions.find((a) => a.title === 'Remove transparent_client_ip_enable');
    assert.ok(await vscode.workspace.applyEdit(remove.edit), 'the edit applies');
    assert.ok(!document.getText().includes('transparent_client_ip_enable'), document.getText());
    await expectFindings(document.uri, [`client-ip-ip-backend@${lineOf(document, 'address')}:warning`]);
  });

  test('a rule turned off in settings disappears', async () => {
    const { document } = await open('main.tf');
    await expectFindings(document.uri, [`client-ip-ip-backend@${lineOf(document, 'address')}:warning`]);
    await setUserSetting('elbLens', 'rules', { 'client-ip-ip-backend': 'off' });
    try {
      await expectFindings(document.uri, []);
    } finally {
      await setUserSetting('elbLens', 'rules', undefined);
    }
    await expectFindings(document.uri, [`client-ip-ip-backend@${lineOf(document, 'address')}:warning`]);
  });

  test('fix all on save (editor.codeActionsOnSave)', async () => {
    await setUserSetting('editor', 'codeActionsOnSave', { 'source.fixAll.elbLens': 'explicit' });
    try {
      const { document, editor } = await open('onsave/listener.tf');
      await expectFindings(document.uri, [`client-ip-unsupported-argument@${lineOf(document, 'transparent_client_ip_enable')}:error`]);
      await editor.edit((edit) => edit.insert(new vscode.Position(2, 2), ' '));
      // An explicit save, as Ctrl+S: codeActionsOnSave "explicit" runs on it.
      await vscode.commands.executeCommand('workbench.action.files.save');
      await waitFor(
        () => !fs.readFileSync(document.uri.fsPath, 'utf8').includes('transparent_client_ip_enable'),
        'the saved file to be fixed',
      );
      assert.ok(!document.isDirty, 'the document is saved');
      await expectFindings(document.uri, []);
    } finally {
      await setUserSetting('editor', 'codeActionsOnSave', undefined);
    }
  });
});
