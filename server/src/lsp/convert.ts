import * as path from 'path';
import { pathToFileURL, fileURLToPath } from 'url';
import {
  CodeAction,
  CodeActionKind,
  Diagnostic,
  DiagnosticSeverity,
  DiagnosticTag,
  type InlayHint,
  InlayHintKind,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { FileTextEdit, Finding, Fix, InlayHint as CoreInlayHint, Severity } from '../core/types';

/** Maps the core's own types to LSP types. Nothing else in the server builds LSP shapes. */

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(filePath: string): string {
  return pathToFileURL(filePath).toString();
}

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Core finding → LSP diagnostic; `data` keeps the rule id for code actions. */
export function toDiagnostic(finding: Finding): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITIES[finding.severity],
    code: finding.ruleId,
    source: 'elb-lens',
    message: finding.message,
    relatedInformation: finding.related.map((r) => ({ location: { uri: pathToUri(r.file), range: r.range }, message: r.message })),
  };
  if (finding.docsUrl.includes('://')) diagnostic.codeDescription = { href: finding.docsUrl };
  if (finding.unusedSuppression) diagnostic.tags = [DiagnosticTag.Unnecessary];
  return diagnostic;
}

export function toWorkspaceEdit(edits: FileTextEdit[]): WorkspaceEdit {
  const changes: Record<string, TextEdit[]> = {};
  for (const edit of edits) {
    const uri = pathToUri(edit.file);
    (changes[uri] ??= []).push({ range: edit.range, newText: edit.newText });
  }
  return { changes };
}

export function toQuickFix(fix: Fix, finding: Finding): CodeAction {
  const action = CodeAction.create(fix.title, toWorkspaceEdit(fix.edits), CodeActionKind.QuickFix);
  action.diagnostics = [toDiagnostic(finding)];
  if (fix.isPreferred) action.isPreferred = true;
  return action;
}

/** Joins fixes whose edits do not overlap any edit already taken. */
export function combineFixes(fixes: Fix[]): FileTextEdit[] {
  const taken: FileTextEdit[] = [];
  const overlaps = (a: FileTextEdit, b: FileTextEdit) => {
    if (a.file !== b.file) return false;
    const before = (p: { line: number; character: number }, q: { line: number; character: number }) =>
      p.line < q.line || (p.line === q.line && p.character <= q.character);
    return !(before(a.range.end, b.range.start) || before(b.range.end, a.range.start));
  };
  for (const fix of fixes) {
    if (fix.edits.some((edit) => taken.some((t) => overlaps(edit, t)))) continue;
    taken.push(...fix.edits);
  }
  return taken;
}

export function toInlayHint(hint: CoreInlayHint): InlayHint {
  return {
    position: hint.position,
    label: hint.label,
    kind: InlayHintKind.Parameter,
    paddingLeft: true,
    tooltip: hint.tooltip,
  };
}

/** The rule docs folder shipped next to the bundle (server/out → docs/rules). */
export function bundledDocsBase(bundleDir: string): string {
  const docs = path.resolve(bundleDir, '..', '..', 'docs', 'rules');
  return pathToUri(docs) + '/';
}
