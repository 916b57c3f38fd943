// Names shared with the language server (server/src/lsp/status.ts); a unit test checks
// they agree. Pure: no `vscode` import.

/** Server → client: `{ state: 'analysing' | 'ready' | 'error', message? }`, sent when `initializationOptions.status` is true. */
export const STATUS_NOTIFICATION = 'elbLens/status';

export interface ServerStatus {
  state: 'analysing' | 'ready' | 'error';
  message?: string;
}
