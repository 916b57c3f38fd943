import type * as jsonc from 'jsonc-parser';
import type { ConfigAttribute, ConfigBlock, ConfigFile } from '../parse/config';
import { jsonValueExpr, nodeRange, parseJsonDocument } from '../parse/json';
import { wrapperFor } from './fields';

/**
 * ELB API JSON → ConfigFile (buildElbJsonModel in toModel.ts makes the model of it).
 *
 * Each API object (`{"listener": {…}}`, each item of `{"listeners": […]}`) becomes a
 * top-level ConfigBlock of type `listener`/`pool`/`member`/`loadbalancer`/`ipgroup` whose
 * `jsonPath` is the object's path, so quick fixes are jsonc-parser `modify` edits. A
 * listener's `insert_headers` and `ipgroup` objects are nested blocks. Other top-level
 * scalars (the scripts' `pool_id`, `request_id`) are the file's attributes.
 */

/** Nested objects of a listener that are blocks rather than attributes. */
const NESTED_BLOCKS = new Set(['insert_headers', 'ipgroup']);

export function elbJsonToConfigFile(filePath: string, text: string): ConfigFile {
  const doc = parseJsonDocument(text);
  const { lines, root } = doc;
  const blocks: ConfigBlock[] = [];
  const attributes = new Map<string, ConfigAttribute>();
  const errorOffsets = doc.errors.map((e) => e.offset);

  const attributeOf = (prop: jsonc.Node, key: jsonc.Node, value: jsonc.Node): ConfigAttribute => ({
    name: String(key.value),
    expr: jsonValueExpr(lines, value),
    nameRange: nodeRange(lines, key),
    valueRange: nodeRange(lines, value),
    range: lines.range(key.offset, value.offset + value.length),
  });

  const objectBlock = (
    type: string,
    body: jsonc.Node,
    jsonPath: (string | number)[],
    key: jsonc.Node | undefined,
    withNested: boolean,
  ): ConfigBlock => {
    const own = new Map<string, ConfigAttribute>();
    const nested: ConfigBlock[] = [];
    for (const prop of body.children ?? []) {
      const [k, v] = prop.children ?? [];
      if (!k || !v) continue;
      const name = String(k.value);
      if (withNested && NESTED_BLOCKS.has(name) && v.type === 'object') {
        if (!nested.some((b) => b.type === name)) nested.push(objectBlock(name, v, [...jsonPath, name], k, false));
        continue;
      }
      if (!own.has(name)) own.set(name, attributeOf(prop, k, v));
    }
    const start = key ? key.offset : body.offset;
    const end = body.offset + body.length;
    const labelRange = key ? nodeRange(lines, key) : undefined;
    const header =
      labelRange ??
      ['name', 'id'].map((n) => own.get(n)).find((a) => a?.expr.kind === 'literal' && a.expr.value)?.range ??
      lines.range(body.offset, body.offset + 1);
    return {
      type,
      labels: [pathText(jsonPath)],
      labelRanges: labelRange ? [labelRange] : [],
      range: lines.range(start, end),
      headerRange: header,
      attributes: own,
      blocks: nested,
      bodyStart: lines.positionAt(body.offset + 1),
      close: lines.positionAt(end - 1),
      hasErrors: errorOffsets.some((o) => o >= body.offset && o < end),
      jsonPath,
    };
  };

  if (root?.type === 'object') {
    for (const prop of root.children ?? []) {
      const [key, value] = prop.children ?? [];
      if (!key || !value) continue;
      const name = String(key.value);
      const wrapper = wrapperFor(name);
      if (wrapper && !wrapper.plural && value.type === 'object') {
        blocks.push(objectBlock(wrapper.role, value, [name], key, wrapper.role === 'listener'));
      } else if (wrapper && wrapper.plural && value.type === 'array') {
        (value.children ?? []).forEach((item, index) => {
          if (item.type === 'object') blocks.push(objectBlock(wrapper.role, item, [name, index], undefined, wrapper.role === 'listener'));
        });
      } else if (!wrapper && !attributes.has(name)) {
        attributes.set(name, attributeOf(prop, key, value));
      }
    }
  }

  return {
    path: filePath,
    format: 'elbjson',
    text,
    lines,
    blocks,
    attributes,
    comments: doc.comments,
    syntaxErrors: doc.errors.map((e) => lines.range(e.offset, e.offset + e.length)),
  };
}

/** `listener`, `listeners[2]`, `listeners[2].insert_headers`. */
export function pathText(jsonPath: (string | number)[]): string {
  return jsonPath.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
