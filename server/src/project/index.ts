/**
 * The project layer: which files there are, what each one is, and which configuration
 * applies to it, for every host (CLI, language server, a browser later). It reaches the
 * file system only through an injected FileSystemHost and imports nothing of the LSP.
 * See README.md in this folder for an example.
 */
export {
  classify,
  isAutoTfvarsName,
  isTerraformFile,
  kindByName,
  mayHoldKubernetes,
  type ClassifyOptions,
  type FileKind,
  type NameKind,
} from './classify';
export {
  configure,
  excludes,
  matchesScopes,
  namesElbJson,
  namesKubernetes,
  type EffectiveConfig,
  type GlobScope,
  type HostSettings,
  type Settings,
} from './configure';
export { textContent, type DirectoryEntry, type EntryType, type FileContent, type FileStat, type FileSystemHost } from './fileSystem';
export { SKIPPED_DIRECTORIES, walk, type WalkedFile, type WalkResult } from './walk';
export { formUnits, unitKey, unitKindOf, type AnalysisUnit, type UnitKind } from './units';
