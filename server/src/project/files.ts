import { moduleFileNames } from '../terraform/files';
import { isOverrideFile } from '../terraform/overrides';
import * as path from 'path';
import type { Edit, Tree } from 'web-tree-sitter';
import { isRelevantBlock } from '../model/providers';
import { elbJsonToConfigFile } from '../elbjson';
import { kubernetesToConfigFile } from '../kubernetes';
import { isTerraformFile, kindByName, syntaxByName } from './classify';
import type { ConfigFile, Expr } from '../parse/config';
import { newBlockCache, parseTemplateText, treeEditFor, type BlockCache, type HclParser, type TreeChanges } from '../parse/hcl';
import { tfJsonToConfigFile } from '../parse/json';
import { LineIndex } from '../parse/positions';
import { type DeclarationKind, type DeclarationSource } from '../terraform/module';
import type { ServiceHost, TextChange } from '../core/host';

/**
 * The files of the workspace as the analysis sees them: open documents (edited in place,
 * parsed incrementally), the host's copies (read once until the host reports a change),
 * folder listings, and each file's parsed form. Records what a unit being built reads, so
 * that a change drops exactly the units that read the file.
 */

/** Files larger than this are not parsed: they are generated, not hand-written ELB config. */
export const MAX_FILE_CHARS = 4 * 1024 * 1024;

/**
 * HCL files with a longer line are not parsed either: such a line is generated content,
 * and tree-sitter needs seconds for a 1 MB string literal (superlinear in its length).
 */
export const MAX_LINE_CHARS = 128 * 1024;

/** Edits kept for an incremental conversion; beyond this many, the next conversion is a full one. */
const MAX_PENDING_EDITS = 1000;

interface OpenDocument {
  text: string;
  /** Tree of the last parse, edited in step with the text for incremental reparsing. */
  tree: Tree | undefined;
  /** Converted blocks of the last parse, reused where the text did not change. */
  blocks: BlockCache;
  /**
   * The tree edits since the last conversion, so that only the top-level items they touch
   * are converted again; undefined when not known (the whole text was replaced).
   */
  edits: Edit[] | undefined;
  treeIsCurrent: boolean;
  config: ConfigFile | undefined;
  /**
   * True once the text is known to hold no NUL and no overlong line; kept up to date per
   * edit (only the edited lines are checked) so that a keystroke does not rescan the file.
   */
  plainText?: boolean;
}

export function looksBinary(text: string): boolean {
  return text.includes('\u0000');
}

/** True when a line (ended by \n) is longer than MAX_LINE_CHARS. */
function hasOverlongLine(text: string): boolean {
  if (text.length <= MAX_LINE_CHARS) return false;
  return linesOverlong(text, 0, text.length);
}

/** True when one of the lines touching [from, to] is longer than MAX_LINE_CHARS. */
function linesOverlong(text: string, from: number, to: number): boolean {
  for (let start = from > 0 ? text.lastIndexOf('\n', from - 1) + 1 : 0; ;) {
    const end = text.indexOf('\n', start);
    if ((end === -1 ? text.length : end) - start > MAX_LINE_CHARS) return true;
    if (end === -1 || end >= to) return false;
    start = end + 1;
  }
}

export class ProjectFiles {
  private readonly documents = new Map<string, OpenDocument>();
  /** Parsed files read from the host, by path; dropped when the file changes. */
  private readonly diskFiles = new Map<string, { text: string; config: ConfigFile | undefined }>();
  /** Files already reported as skipped (one log line each, until they change). */
  private readonly skipped = new Set<string>();
  /** Terraform files the scan left unparsed (for --verbose). */
  private readonly unparsed = new Set<string>();
  /** Texts read from the host, until the host says the file changed. */
  private readonly texts = new Map<string, string | undefined>();
  /** Folder listings from the host, until the host reports a change in the folder. */
  private readonly listings = new Map<string, string[]>();
  /** The byte scan's answer per file, for the text it was given. */
  private readonly scans = new Map<string, { text: string; matters: boolean }>();
  /** Whether a folder declares a variable (see declaresVariable), until a file of it changes. */
  private readonly variableFolders = new Map<string, boolean>();
  /** Files and folders read while a unit is built (undefined otherwise). */
  recording: { reads: Set<string>; listedDirs: Set<string> } | undefined;

  constructor(
    private readonly host: ServiceHost,
    readonly parser: HclParser,
    private readonly prescan: boolean,
  ) {}

  openDocument(filePath: string, text: string): void {
    this.variableFolders.delete(path.dirname(filePath));
    const previous = this.documents.get(filePath);
    previous?.tree?.delete();
    this.documents.set(filePath, { text, tree: undefined, treeIsCurrent: false, config: undefined, blocks: newBlockCache(), edits: [] });
  }

  updateDocument(filePath: string, changes: TextChange[]): void {
    this.variableFolders.delete(path.dirname(filePath));
    const doc = this.documents.get(filePath);
    if (!doc) return;
    for (const change of changes) {
      if (!change.range) {
        doc.text = change.text;
        doc.plainText = undefined;
        doc.tree?.delete();
        doc.tree = undefined;
        doc.edits = undefined;
        continue;
      }
      // The last parse already indexed this text's lines (the usual case: one change per keystroke).
      const lines = doc.config?.text === doc.text ? doc.config.lines : new LineIndex(doc.text);
      const start = lines.offsetAt(change.range.start);
      const end = Math.max(start, lines.offsetAt(change.range.end));
      const edit = treeEditFor(doc.text, start, end, change.text, lines);
      doc.tree?.edit(edit);
      // A long run of edits without a conversion in between (a file kept unparsed): convert all.
      if (doc.edits && doc.edits.length < MAX_PENDING_EDITS) doc.edits.push(edit);
      else doc.edits = undefined;
      doc.text = doc.text.slice(0, start) + change.text + doc.text.slice(end);
      doc.config = undefined;
      // Deleting can only remove a NUL or shorten lines; inserted text is checked with its lines.
      if (doc.plainText && (looksBinary(change.text) || linesOverlong(doc.text, start, start + change.text.length))) {
        doc.plainText = false;
      }
    }
    doc.treeIsCurrent = false;
    doc.config = undefined;
  }

  closeDocument(filePath: string): void {
    this.variableFolders.delete(path.dirname(filePath));
    this.documents.get(filePath)?.tree?.delete();
    this.documents.delete(filePath);
    this.skipped.delete(filePath);
  }

  fileChanged(filePath: string): void {
    this.variableFolders.delete(path.dirname(filePath));
    // Appeared or vanished: its folder must be listed again.
    this.listings.delete(path.dirname(filePath));
    this.texts.delete(filePath);
    this.unparsed.delete(filePath);
    this.diskFiles.delete(filePath);
    this.skipped.delete(filePath);
  }

  /** The text of a file: the open document's, else the host's (read once until it changes). */
  text(filePath: string): string | undefined {
    return this.documents.get(filePath)?.text ?? this.readFromHost(filePath);
  }

  isOpen(filePath: string): boolean {
    return this.documents.has(filePath);
  }

  openPaths(): IterableIterator<string> {
    return this.documents.keys();
  }

  /** Notes a file as read by the unit being built (see recording). */
  noteRead(filePath: string): void {
    this.recording?.reads.add(filePath);
  }

  /**
   * True when a Terraform file of the folder has a `variable` block (only files with the word
   * are parsed). Kept until a file of the folder changes: a host asks on every keystroke.
   */
  declaresVariable(dir: string): boolean {
    let declares = this.variableFolders.get(dir);
    if (declares === undefined) {
      declares = this.terraformPaths(dir).some((file) => {
        const text = this.text(file);
        if (text === undefined || !DECLARATION_WORD.variable.test(text)) return false;
        return this.configFile(file)?.blocks.some((block) => block.type === 'variable') === true;
      });
      this.variableFolders.set(dir, declares);
    }
    return declares;
  }

  /** Skipped or degraded files get one log line each, never a failure. */
  logSkipped(filePath: string, why: string): void {
    if (this.skipped.has(filePath)) return;
    this.skipped.add(filePath);
    this.host.log?.(`elb-lens: skipped ${filePath}: ${why}`);
  }

  readFromHost(filePath: string): string | undefined {
    this.recording?.reads.add(filePath);
    if (this.texts.has(filePath)) return this.texts.get(filePath);
    let text: string | undefined;
    try {
      text = this.host.readFile(filePath);
    } catch {
      text = undefined;
    }
    this.texts.set(filePath, text);
    return text;
  }

  stats(): { unparsedTerraformFiles: number; unparsedTerraformPaths: string[] } {
    return { unparsedTerraformFiles: this.unparsed.size, unparsedTerraformPaths: [...this.unparsed] };
  }

  /** The parsed form of a file: open document first, then the host's copy. */
  configFile(filePath: string): ConfigFile | undefined {
    this.recording?.reads.add(filePath);
    const doc = this.documents.get(filePath);
    if (doc) {
      if (!doc.config) doc.config = this.parseDocument(filePath, doc);
      return doc.config;
    }
    const text = this.readFromHost(filePath);
    if (text === undefined) {
      this.diskFiles.delete(filePath);
      this.logSkipped(filePath, 'it cannot be read (gone, unreadable, binary or too large)');
      return undefined;
    }
    const cached = this.diskFiles.get(filePath);
    if (cached && cached.text === text) return cached.config;
    const config = this.parseText(filePath, text);
    this.diskFiles.set(filePath, { text, config });
    return config;
  }

  parseDocument(filePath: string, doc: OpenDocument): ConfigFile | undefined {
    if (kindByName(filePath) !== 'terraform' || doc.text.length > MAX_FILE_CHARS) return this.parseText(filePath, doc.text);
    doc.plainText ??= !looksBinary(doc.text) && !hasOverlongLine(doc.text);
    if (!doc.plainText) {
      doc.plainText = undefined; // a later edit may fix it: check the whole text again then
      return this.parseText(filePath, doc.text);
    }
    if (!doc.treeIsCurrent && doc.tree && doc.edits && doc.edits.length > 0) {
      // Edits inside one block (typing in an argument): parse and convert that block alone.
      const config = this.parser.toConfigFileWithinBlock(filePath, doc.text, doc.blocks, isRelevantBlock, { edits: doc.edits });
      if (config) {
        doc.edits = [];
        return config;
      }
    }
    const previous = doc.treeIsCurrent ? undefined : doc.tree;
    const tree = this.parser.parseTree(doc.text, previous);
    // Only the items these touch are converted again (see HclConverter.incrementalItems).
    const changes: TreeChanges | undefined = previous && doc.edits ? { edits: doc.edits } : undefined;
    if (doc.tree && doc.tree !== tree) doc.tree.delete();
    doc.tree = tree;
    doc.treeIsCurrent = true;
    doc.edits = [];
    return this.parser.toConfigFile(filePath, doc.text, tree, doc.blocks, isRelevantBlock, changes);
  }

  parseText(filePath: string, text: string): ConfigFile | undefined {
    if (text.length > MAX_FILE_CHARS) {
      this.logSkipped(filePath, `it is larger than ${MAX_FILE_CHARS / 2 ** 20} MB`);
      return undefined;
    }
    if (looksBinary(text)) {
      this.logSkipped(filePath, 'it looks binary (NUL characters)');
      return undefined;
    }
    const clean = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text; // keep offsets: BOM → space
    try {
      const syntax = syntaxByName(filePath);
      if (syntax === 'terraform-json') return tfJsonToConfigFile(filePath, clean, (template) => this.parseTemplate(template));
      if (syntax === 'json') return elbJsonToConfigFile(filePath, clean);
      // YAML knows its byte order mark: the text as it is keeps the first line's indentation.
      if (syntax === 'yaml') return kubernetesToConfigFile(filePath, text);
      if (hasOverlongLine(clean)) {
        this.logSkipped(filePath, `it has a line longer than ${MAX_LINE_CHARS / 1024} K characters (generated content)`);
        return undefined;
      }
      const tree = this.parser.parseTree(clean);
      try {
        return this.parser.toConfigFile(filePath, clean, tree, undefined, isRelevantBlock);
      } finally {
        tree.delete();
      }
    } catch {
      return undefined;
    }
  }

  /** Parses a JSON string's decoded value (`${var.x}`) as a template, as Terraform does. */
  parseTemplate(template: string): Expr | undefined {
    return parseTemplateText(this.parser, template);
  }

  /**
   * A module folder's files: parsed up front when a cheap scan of their text finds something
   * that can matter (an ELB-related resource type, a module call, a suppression comment;
   * open documents and `.tf.json` always), the others only when the module looks up a
   * declaration they may hold (see DeclarationSource). Nothing a skipped file could declare
   * is ever missed: the lookup is by the declared name's text.
   */
  moduleSources(dir: string): { files: ConfigFile[]; lazy?: DeclarationSource; deferred: string[] } {
    const files: ConfigFile[] = [];
    const deferred: { path: string; text: string }[] = [];
    for (const filePath of this.terraformPaths(dir)) {
      const doc = this.documents.get(filePath);
      const text = doc?.text ?? this.readFromHost(filePath);
      if (text === undefined) {
        this.logSkipped(filePath, 'it cannot be read (gone, unreadable, binary or too large)');
        continue;
      }
      if (!this.prescan || doc || kindByName(filePath) === 'terraform-json' || isOverrideFile(filePath) || this.mayMatter(filePath, text)) {
        const file = this.configFile(filePath);
        if (file) files.push(file);
      } else if (text.length > MAX_FILE_CHARS || looksBinary(text) || hasOverlongLine(text)) {
        // Never parsed either way: say so once, as for the files that are parsed.
        this.parseText(filePath, text);
      } else deferred.push({ path: filePath, text });
    }
    for (const d of deferred) this.unparsed.add(d.path);
    if (deferred.length === 0) return { files, deferred: [] };
    const lazy: DeclarationSource = {
      filesDeclaring: (kind, name) => {
        const word = new RegExp(`(^|[^\\w-])${escapeRegExp(name)}($|[^\\w-])`);
        const found: ConfigFile[] = [];
        for (const candidate of deferred) {
          if (!DECLARATION_WORD[kind].test(candidate.text) || !word.test(candidate.text)) continue;
          const file = this.configFile(candidate.path);
          if (file) {
            found.push(file);
            this.unparsed.delete(candidate.path);
          }
        }
        return found;
      },
    };
    return { files, lazy, deferred: deferred.map((d) => d.path) };
  }

  /** The `.tf`/`.tf.json` (and OpenTofu `.tofu`/`.tofu.json`) files of a folder, with open documents. */
  terraformPaths(dir: string): string[] {
    this.recording?.listedDirs.add(dir);
    const names = new Set(this.listDirectory(dir).filter((n) => isTerraformFile(n)));
    for (const open of this.documents.keys()) if (path.dirname(open) === dir && isTerraformFile(open)) names.add(path.basename(open));
    // OpenTofu: x.tofu replaces x.tf in the same folder.
    return moduleFileNames([...names].sort()).map((n) => path.join(dir, n));
  }

  /** A folder's entries, listed once until the host reports a change in it (not on every keystroke). */
  listDirectory(dir: string): string[] {
    let names = this.listings.get(dir);
    if (!names) {
      try {
        names = this.host.readDirectory(dir);
      } catch {
        names = [];
      }
      this.listings.set(dir, names);
    }
    return names;
  }

  /** The byte scan, once per text of a file (an open document is scanned again only when it changes). */
  mayMatter(filePath: string, text: string): boolean {
    const cached = this.scans.get(filePath);
    if (cached?.text === text) return cached.matters;
    const matters = MAY_MATTER.test(text);
    this.scans.set(filePath, { text, matters });
    return matters;
  }
}

/**
 * Text that can make a Terraform file matter (a superset, checked before parsing): resource
 * types of the provider tables and EIPs (their names contain these), module calls, and
 * suppression comments.
 */
const MAY_MATTER =
  /_e?lb_|compute_instance|secgroup|eip|floatingip|bandwidth|kubernetes_service|\bmodule\b|required_providers|elb-lens-ignore/;

/** The block keyword each kind of declaration needs. */
export const DECLARATION_WORD: Record<DeclarationKind, RegExp> = {
  variable: /\bvariable\b/,
  local: /\blocals\b/,
  output: /\boutput\b/,
};

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
