import { classify, excludes, type EffectiveConfig, type FileKind, type WalkedFile } from '../project';
import { textContent, type FileContent } from '../project/fileSystem';
import { nodeFileContent } from '../project/nodeFs';

/** Plan JSON can be large: the read limit for plans and var files. */
export const MAX_PLAN_BYTES = 256 * 1024 * 1024;

export interface SelectedFile {
  file: string;
  config: EffectiveConfig;
  kind: FileKind;
  content: FileContent;
}

/**
 * The walked files a command takes, in walk order: not excluded by their configuration, and
 * of one of `kinds` — or, when named on the command line, of any kind but `other`.
 */
export function selectFiles(
  walked: readonly WalkedFile[],
  configFor: (file: string) => EffectiveConfig,
  kinds: ReadonlySet<FileKind>,
  /** Files whose text (and kind, when set) is given rather than read (standard input). */
  given?: ReadonlyMap<string, { text: string; kind?: FileKind }>,
): SelectedFile[] {
  const selected: SelectedFile[] = [];
  for (const { path: file, explicit } of walked) {
    const config = configFor(file);
    const known = given?.get(file);
    if (!known && excludes(config, file)) continue;
    const content = known ? textContent(known.text) : nodeFileContent(file, MAX_PLAN_BYTES);
    const kind = known?.kind ?? classify(file, { config, explicit, content });
    if (kinds.has(kind) || (explicit && kind !== 'other')) selected.push({ file, config, kind, content });
  }
  return selected;
}
