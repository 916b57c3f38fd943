const assert = require('assert');
const vscode = require('vscode');

/** Polls until `check` returns something truthy; never a fixed sleep. */
async function waitFor(check, what, timeout = 20000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function openMain() {
  const [folder] = vscode.workspace.workspaceFolders;
  const uri = vscode.Uri.joinPath(folder.uri, 'main.tf');
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  return document;
}

suite('ELB Lens in VS Code desktop', () => {
  test('diagnostics with rule ids on the right lines', async () => {
    const document = await openMain();
    const diagnostics = await waitFor(() => {
      const found = vscode.languages.getDiagnostics(document.uri);
      return found.length >= 2 ? found : undefined;
    }, 'diagnostics');
    const error = diagnostics.find((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.ok(error);
    assert.strictEqual(String(error.code.value ?? error.code), 'client-ip-always-on');
    assert.strictEqual(error.range.start.line, 7);
  });

  test('hover explains the client IP state', async () => {
    const document = await openMain();
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, new vscode.Position(7, 5));
    const text = hovers.flatMap((h) => h.contents.map((c) => c.value ?? String(c))).join('\n');
    assert.match(text, /Transfer Client IP Address: always on/);
  });

  test('the quick fix removes the finding', async () => {
    const document = await openMain();
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', document.uri, new vscode.Range(7, 2, 7, 2));
    const remove = actions.find((a) => a.title === 'Remove transparent_client_ip_enable');
    assert.ok(remove, actions.map((a) => a.title).join(', '));
    await vscode.workspace.applyEdit(remove.edit);
    await waitFor(() => !vscode.languages.getDiagnostics(document.uri).some((d) => String(d.code.value ?? d.code) === 'client-ip-always-on'), 'the finding to go');
  });
});
