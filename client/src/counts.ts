// Pure (no `vscode`): the status bar's counts, tested in test/client/.

/** "1 error", "2 errors", "0 hints"; "information" has no plural. */
export function countOf(count: number, severity: 'error' | 'warning' | 'information' | 'hint'): string {
  return `${count} ${severity}${count === 1 || severity === 'information' ? '' : 's'}`;
}
