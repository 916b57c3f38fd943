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

/**
 * Maps the core's own types to LSP types. Nothing else in the server builds LSP shapes.
 * Paths become URIs through `uriOf`, the platform's (fileUris.ts on Node, browserUris.ts in a browser).
 */

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Path → URI of a file; the server passes one that knows untitled documents. */
export type UriOf = (filePath: string) => string;

/** A rule's public page (https), when the package names one; see docs/links.ts. */
export type RulePage = (ruleId: string) => string | undefined;

/** Core finding → LSP diagnostic; `codeDescription` only with a public page for the rule. */
export function toDiagnostic(finding: Finding, uriOf: UriOf, rulePage: RulePage = () => undefined): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITIES[finding.severity],
    code: finding.ruleId,
    source: 'elb-lens',
    message: finding.message,
    relatedInformation: finding.related.map((r) => ({ location: { uri: uriOf(r.file), range: r.range }, message: r.message })),
  };
  const href = rulePage(finding.ruleId);
  if (href) diagnostic.codeDescription = { href };
  if (finding.unusedSuppression) diagnostic.tags = [DiagnosticTag.Unnecessary];
  return diagnostic;
}

export function toWorkspaceEdit(edits: FileTextEdit[], uriOf: UriOf): WorkspaceEdit {
  const changes: Record<string, TextEdit[]> = {};
  for (const edit of edits) {
    const uri = uriOf(edit.file);
    (changes[uri] ??= []).push({ range: edit.range, newText: edit.newText });
  }
  return { changes };
}

export function toQuickFix(fix: Fix, finding: Finding, uriOf: UriOf, rulePage?: RulePage): CodeAction {
  const action = CodeAction.create(fix.title, toWorkspaceEdit(fix.edits, uriOf), CodeActionKind.QuickFix);
  action.diagnostics = [toDiagnostic(finding, uriOf, rulePage)];
  if (fix.isPreferred) action.isPreferred = true;
  return action;
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
