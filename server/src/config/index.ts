/** The `.elb-lens.json` configuration, shared by the CLI and the language server. */
export {
  CONFIG_FILE_NAME,
  ConfigError,
  ConfigResolver,
  DEFAULT_JSON_FILES,
  INLINE_IGNORE_RULE_ID,
  KUBERNETES_NETWORKS,
  RULE_SETTINGS,
  UNUSED_IGNORE_RULE_ID,
  closest,
  defaultConfig,
  findConfigFile,
  knownRuleIds,
  parseConfig,
  toAnalysisOptions,
  type ElbLensConfig,
  type KubernetesNetwork,
} from './config';
export { globToRegExp, matchesAnyGlob, matchesGlobTails } from './glob';
