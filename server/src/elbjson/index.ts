import { isJsonFileName, matchesElbJsonGlobs, sniffElbJson, SNIFF_CHARS } from './sniff';

export { buildElbJsonModel } from './toModel';
export { elbJsonToConfigFile, pathText } from './configFile';
export { DEFAULT_ELB_JSON_GLOBS, isJsonFileName, matchesElbJsonGlobs, sniffElbJson, SNIFF_CHARS } from './sniff';
export * from './fields';

/**
 * Which JSON files are ELB JSON whatever their content: globs (tried against each tail of
 * the path), or a function that answers per file, e.g. from the `json.files` of the file's
 * own configuration (the project layer's `namesElbJson`).
 */
export type ElbJsonFiles = readonly string[] | ((filePath: string) => boolean);

/**
 * Decides, per file, whether it is ELB JSON: by the glob list, else by a sniff of the
 * first few KB. Results are remembered by the text's length and head, so asking again
 * for an unchanged file costs one string comparison.
 */
export class ElbJsonDetector {
  private readonly cache = new Map<string, { length: number; head: string; result: boolean }>();

  constructor(private readonly files: ElbJsonFiles) {}

  /** True when the path matches one of the globs (no need to read it). */
  matchesGlobs(filePath: string): boolean {
    if (typeof this.files !== 'function') return matchesElbJsonGlobs(filePath, this.files);
    return isJsonFileName(filePath) && this.files(filePath);
  }

  /** `text` undefined: the file cannot be read (missing, binary, too large). */
  isElbJson(filePath: string, text: string | undefined): boolean {
    if (!isJsonFileName(filePath)) return false;
    if (this.matchesGlobs(filePath)) return true;
    if (text === undefined) return false;
    const head = text.slice(0, SNIFF_CHARS);
    const cached = this.cache.get(filePath);
    if (cached && cached.length === text.length && cached.head === head) return cached.result;
    const result = sniffElbJson(text);
    this.cache.set(filePath, { length: text.length, head, result });
    return result;
  }

  forget(filePath: string): void {
    this.cache.delete(filePath);
  }
}
