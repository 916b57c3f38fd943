import { workspace, type Disposable, type TextDocument } from 'vscode';
import { isFileScheme } from './schemes';

/**
 * The extension activates on YAML (`onLanguage:yaml`) so that Kubernetes manifests get
 * checked, but opening any YAML file must not start the language server. `whenNeeded`
 * calls `start` once a document is open that the server has something to say about:
 * any document of the other languages the extension activates on, or a YAML document
 * that contains `kubernetes.io/elb.` (when it is opened, or once it is typed in).
 */

const MARKER = 'kubernetes.io/elb.';

export function isYaml(document: TextDocument): boolean {
  return document.languageId === 'yaml';
}

/** A document worth a server: not YAML (the other activation languages), or YAML with an ELB annotation. */
export function needsServer(document: TextDocument): boolean {
  if (!isFileScheme(document.uri.scheme) && document.uri.scheme !== 'untitled') return false;
  return isYaml(document)
    ? document.getText().includes(MARKER)
    : ['terraform', 'terraform-vars'].includes(document.languageId) || /\.(tf|tfvars|elb)\.jsonc?$/.test(document.fileName);
}

/**
 * Calls `start` now when an open document needs the server or the workspace holds
 * Terraform files (the `workspaceContains` activation), else at the first document that does.
 */
export async function whenNeeded(start: () => Promise<void>, subscriptions: Disposable[]): Promise<void> {
  // An open document that needs the server answers without searching the workspace.
  const workspaceHasElbFiles =
    workspace.textDocuments.some(needsServer) ||
    (await workspace.findFiles('**/{*.tf,*.tf.json,*.tofu,*.tofu.json,*.elb.json,*.elb.jsonc,.elb-lens.json}', '**/node_modules/**', 1))
      .length > 0;
  if (workspace.textDocuments.some(needsServer) || workspaceHasElbFiles) {
    await start();
    return;
  }
  let started = false;
  const listeners: Disposable[] = [];
  const check = (document: TextDocument) => {
    if (started || !needsServer(document)) return;
    started = true;
    for (const listener of listeners) listener.dispose();
    void start();
  };
  listeners.push(
    workspace.onDidOpenTextDocument(check),
    workspace.onDidChangeTextDocument((event) => check(event.document)),
  );
  subscriptions.push(...listeners);
}
