import * as path from 'path';
import * as jsonc from 'jsonc-parser';
import { CONFIG_FILE_NAME, DEFAULT_JSON_FILES } from '../core/options';
import { isTerraformJsonName } from '../terraform/files';
import { matchesGlobTails } from '../core/globs';
import { SNIFF_FIELDS, wrapperFor } from './fields';

/**
 * Cheap recognition of ELB API JSON. Only the first few KB of a file are scanned (no
 * parse tree is built), so package.json, tsconfig.json, a 5 MB array, broken or
 * binary files cost next to nothing and are never parsed.
 */

/** How much of a file the sniff looks at. */
export const SNIFF_CHARS = 8 * 1024;

/** Globs of files that are always ELB JSON (the `elbLens.json.files` default). */
export const DEFAULT_ELB_JSON_GLOBS: readonly string[] = DEFAULT_JSON_FILES;

/** Files with a JSON extension that belong to someone else (Terraform, ELB Lens' own config). */
export function isJsonFileName(filePath: string): boolean {
  const name = path.basename(filePath);
  if (!name.endsWith('.json') && !name.endsWith('.jsonc')) return false;
  return !isTerraformJsonName(name) && !name.endsWith('.tfvars.json') && name !== CONFIG_FILE_NAME;
}

/**
 * True when the path matches one of the globs. Globs are relative to a workspace folder
 * the core does not know, so each tail of the path is tried (`**` globs match anyway).
 */
export function matchesElbJsonGlobs(filePath: string, globs: readonly string[]): boolean {
  return isJsonFileName(filePath) && matchesGlobTails(filePath, globs);
}

/**
 * True when the text's top-level object has a `listener(s)`, `pool(s)`, `member(s)`,
 * `loadbalancer(s)` or `ipgroup(s)` key whose object (or first objects) carry ELB fields.
 */
export function sniffElbJson(text: string): boolean {
  let head = text.length > SNIFF_CHARS ? text.slice(0, SNIFF_CHARS) : text;
  if (head.charCodeAt(0) === 0xfeff) head = head.slice(1);
  if (head.includes('\u0000')) return false;
  const scanner = jsonc.createScanner(head, true);
  if (scanner.scan() !== jsonc.SyntaxKind.OpenBraceToken) return false;
  const stack: ('{' | '[')[] = ['{'];
  let topKey: string | undefined;
  let lastString: string | undefined;
  for (let token = scanner.scan(); token !== jsonc.SyntaxKind.EOF; token = scanner.scan()) {
    if (scanner.getTokenError() !== jsonc.ScanError.None && token !== jsonc.SyntaxKind.StringLiteral) return false;
    switch (token) {
      case jsonc.SyntaxKind.OpenBraceToken:
        stack.push('{');
        break;
      case jsonc.SyntaxKind.OpenBracketToken:
        stack.push('[');
        break;
      case jsonc.SyntaxKind.CloseBraceToken:
      case jsonc.SyntaxKind.CloseBracketToken:
        stack.pop();
        if (stack.length === 0) return false;
        if (stack.length === 1) topKey = undefined;
        break;
      case jsonc.SyntaxKind.ColonToken: {
        if (lastString === undefined || stack[stack.length - 1] !== '{') break;
        if (stack.length === 1) {
          topKey = lastString;
          break;
        }
        const wrapper = topKey !== undefined ? wrapperFor(topKey) : undefined;
        if (!wrapper) break;
        const inItem = wrapper.plural ? stack.length === 3 && stack[1] === '[' : stack.length === 2;
        if (inItem && SNIFF_FIELDS[wrapper.role].includes(lastString)) return true;
        break;
      }
      case jsonc.SyntaxKind.Unknown:
        return false;
      default:
        break;
    }
    lastString = token === jsonc.SyntaxKind.StringLiteral ? scanner.getTokenValue() : undefined;
  }
  return false;
}
