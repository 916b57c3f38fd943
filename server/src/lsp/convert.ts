import * as os from 'os';
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

/** A folder that is never created: untitled documents get paths under it. */
const UNTITLED_ROOT = path.join(os.tmpdir(), `elb-lens-untitled-${process.pid}`);
const EXTENSION_BY_LANGUAGE: Record<string, string> = { terraform: '.tf', 'terraform-vars': '.tfvars', json: '.json', jsonc: '.jsonc' };

/**
 * The core works on paths, so an untitled document gets one: a folder of its own (it is a
 * module by itself) and the file extension of its language. Undefined for other languages.
 */
export function untitledPath(uri: string, languageId: string): string | undefined {
  const extension = EXTENSION_BY_LANGUAGE[languageId];
  if (!extension) return undefined;
  const name = uri.replace(/^untitled:/, '').replace(/[^A-Za-z0-9._-]/g, '_') || 'untitled';
  return path.join(UNTITLED_ROOT, name, `untitled${extension}`);
}

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
export function toDiagnostic(finding: Finding, uriOf: UriOf = pathToUri, rulePage: RulePage = () => undefined): Diagnostic {
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

export function toWorkspaceEdit(edits: FileTextEdit[], uriOf: UriOf = pathToUri): WorkspaceEdit {
  const changes: Record<string, TextEdit[]> = {};
  for (const edit of edits) {
    const uri = uriOf(edit.file);
    (changes[uri] ??= []).push({ range: edit.range, newText: edit.newText });
  }
  return { changes };
}

export function toQuickFix(fix: Fix, finding: Finding, uriOf: UriOf = pathToUri, rulePage?: RulePage): CodeAction {
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

/** The rule docs folder shipped next to the bundle (server/out → docs/rules). */
export function bundledDocsBase(bundleDir: string): string {
  const docs = path.resolve(bundleDir, '..', '..', 'docs', 'rules');
  return pathToUri(docs) + '/';
}
