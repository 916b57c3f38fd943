export { buildElbJsonModel } from './toModel';
export { elbJsonToConfigFile, pathText } from './configFile';
export { DEFAULT_ELB_JSON_GLOBS, isJsonFileName, matchesElbJsonGlobs, sniffElbJson, SNIFF_CHARS } from './sniff';
export * from './fields';
