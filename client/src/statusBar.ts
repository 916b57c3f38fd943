import * as path from 'path';
import {
  DiagnosticSeverity,
  languages,
  MarkdownString,
  StatusBarAlignment,
  window,
  type DocumentSelector,
  type Disposable,
  type StatusBarItem,
  type TextDocument,
} from 'vscode';
import { countOf } from './counts';
import { isFileScheme } from './schemes';

/** What the status bar says about the server. */
export type ServerState = 'starting' | 'analysing' | 'ready' | 'error' | 'stopped';

/** The diagnostics' `source` the server sets. */
const SOURCE = 'elb-lens';

/**
 * One status bar item, shown while an ELB-relevant file is active: the findings in its
 * module (the files of its folder) and the server's state. A click opens the Problems view,
 * or the output channel when something is wrong.
 */
export class ElbStatusBar implements Disposable {
  private readonly item: StatusBarItem;
  private readonly subscriptions: Disposable[] = [];
  private state: ServerState = 'starting';
  private detail: string | undefined;

  constructor(private selector: () => DocumentSelector) {
    this.item = window.createStatusBarItem('elbLens.status', StatusBarAlignment.Left, 0);
    this.item.name = 'ELB Lens';
    this.subscriptions.push(
      window.onDidChangeActiveTextEditor(() => this.update()),
      languages.onDidChangeDiagnostics(() => this.update()),
    );
    this.update();
  }

  setState(state: ServerState, detail?: string): void {
    this.state = state;
    this.detail = detail;
    this.update();
  }

  update(): void {
    const document = window.activeTextEditor?.document;
    if (!document || languages.match(this.selector(), document) === 0) {
      this.item.hide();
      return;
    }
    const counts = moduleFindings(document);
    const total = counts.error + counts.warning + counts.information + counts.hint;
    const findings = `${total} ${total === 1 ? 'finding' : 'findings'} in this module`;
    const breakdown = (['error', 'warning', 'information', 'hint'] as const)
      .filter((s) => counts[s] > 0)
      .map((s) => countOf(counts[s], s))
      .join(', ');
    let icon: string;
    let state: string;
    switch (this.state) {
      case 'starting':
      case 'analysing':
        icon = '$(sync~spin)';
        state = this.state;
        break;
      case 'error':
      case 'stopped':
        icon = '$(error)';
        state = this.state === 'error' ? `error${this.detail ? `: ${this.detail}` : ''}` : 'the server is not running';
        break;
      case 'ready':
        icon = counts.error > 0 ? '$(error)' : counts.warning > 0 ? '$(warning)' : total > 0 ? '$(info)' : '$(check)';
        state = 'ready';
        break;
    }
    const broken = this.state === 'error' || this.state === 'stopped';
    this.item.text = `${icon} ELB Lens: ${total}`;
    this.item.tooltip = new MarkdownString(
      `**ELB Lens** — ${state}\n\n${findings}${breakdown ? ` (${breakdown})` : ''}.\n\n` +
        (broken ? 'Click to open the ELB Lens output.' : 'Click to open the Problems view.'),
    );
    this.item.accessibilityInformation = { label: `ELB Lens, ${state}: ${findings}` };
    this.item.command = broken ? 'elbLens.showOutput' : 'workbench.panel.markers.view.focus';
    this.item.show();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}

/** ELB Lens findings of the document's module: the files of its folder (an untitled document alone). */
function moduleFindings(document: TextDocument): Record<'error' | 'warning' | 'information' | 'hint', number> {
  const counts = { error: 0, warning: 0, information: 0, hint: 0 };
  const folder = isFileScheme(document.uri.scheme) ? path.dirname(document.uri.fsPath) : undefined;
  for (const [uri, diagnostics] of languages.getDiagnostics()) {
    const same =
      folder !== undefined
        ? uri.scheme === document.uri.scheme && path.dirname(uri.fsPath) === folder
        : uri.toString() === document.uri.toString();
    if (!same) continue;
    for (const d of diagnostics) {
      if (d.source !== SOURCE) continue;
      if (d.severity === DiagnosticSeverity.Error) counts.error++;
      else if (d.severity === DiagnosticSeverity.Warning) counts.warning++;
      else if (d.severity === DiagnosticSeverity.Information) counts.information++;
      else counts.hint++;
    }
  }
  return counts;
}
