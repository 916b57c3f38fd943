import * as path from 'path';
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import type { UriOf } from './convert';

export interface OpenDoc {
  uri: string;
  /** A real path for file: URIs, a made-up one for untitled documents. */
  path: string;
  version: number;
}

/** The documents open in the editor, by URI and by path. */
export class OpenDocuments {
  private readonly byUri = new Map<string, OpenDoc>();
  /** By path, so findings about a path link to the document's own URI (untitled ones too). */
  private readonly uriByPath = new Map<string, string>();

  constructor(private readonly pathToUri: (filePath: string) => string) {}

  /** Path → URI: an open document's own URI, else the platform's. */
  readonly uriOf: UriOf = (filePath) => this.uriByPath.get(filePath) ?? this.pathToUri(filePath);

  open(uri: string, filePath: string, version: number): OpenDoc {
    const doc = { uri, path: filePath, version };
    this.byUri.set(uri, doc);
    this.uriByPath.set(filePath, uri);
    return doc;
  }

  /** Forgets a closed document; undefined when it was not open. */
  close(uri: string): OpenDoc | undefined {
    const doc = this.byUri.get(uri);
    this.byUri.delete(uri);
    if (doc) this.uriByPath.delete(doc.path);
    return doc;
  }

  get(uri: string): OpenDoc | undefined {
    return this.byUri.get(uri);
  }

  has(uri: string): boolean {
    return this.byUri.has(uri);
  }

  all(): IterableIterator<OpenDoc> {
    return this.byUri.values();
  }

  uris(): IterableIterator<string> {
    return this.byUri.keys();
  }

  /** The open document a request is about; an error response when it is not open. */
  require(uri: string): OpenDoc {
    const doc = this.byUri.get(uri);
    if (!doc) throw new ResponseError(ErrorCodes.InvalidParams, `document not open: ${uri}`);
    return doc;
  }
}

/** The workspace folders, as paths; changed by `didChangeWorkspaceFolders`. */
export class WorkspaceFolders {
  paths: string[] = [];

  /** The folder a file is under, if any. */
  folderOf(filePath: string): string | undefined {
    return this.paths.find((f) => filePath.startsWith(f + path.sep));
  }

  contains(filePath: string): boolean {
    return this.folderOf(filePath) !== undefined;
  }
}
