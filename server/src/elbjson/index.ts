export { buildElbJsonModel, elbJsonToConfigFile, pathText } from './toModel';
export { DEFAULT_ELB_JSON_GLOBS, isJsonFileName, matchesElbJsonGlobs, sniffElbJson, SNIFF_CHARS } from './sniff';
export * from './fields';
