// Which URI schemes hold the files ELB Lens checks: `file` on the desktop (the server reads
// the disk); in a browser also the workspace's own (vscode-vfs on github.dev, vscode-remote in
// code-server…), whose files the server reads through the client. Set once at activation
// (common.ts). Pure: no `vscode` import.

let schemes: readonly string[] = ['file'];

export function setFileSchemes(list: readonly string[]): void {
  schemes = [...list];
}

export function fileSchemes(): readonly string[] {
  return schemes;
}

/** True for a scheme whose documents and folders are files the server checks (untitled ones are not). */
export function isFileScheme(scheme: string): boolean {
  return schemes.includes(scheme);
}
