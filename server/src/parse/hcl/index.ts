/**
 * HCL through tree-sitter (web-tree-sitter with tree-sitter-hcl): parser.ts loads the parser and
 * parses, convert.ts turns a tree into a ConfigFile (incrementally, see items.ts), expressions.ts
 * converts expressions. What the rest of the core uses:
 */
export { loadHclParser, parseTemplateText, treeEditFor, useHclWasm, type HclParser, type HclWasm } from './parser';
export { newBlockCache, type BlockCache, type BodyFilter, type ConversionCounts, type TreeChanges } from './items';
export { unescapeHcl } from './expressions';
export { startsTopLevelItem } from './recover';
