import { cloneNode, type REntry, type RMap, type RNode } from './tree';

/**
 * The two patch forms kustomize applies, on origin-keeping trees: strategic merge (maps merge,
 * `null` deletes, `$patch: delete|replace`, lists of known kinds merge by their key) and
 * JSON 6902 (RFC 6902 operations on a JSON pointer). A patch that cannot apply (a `test`
 * that fails, a path that is not there) makes kustomize stop: the result is `failed`.
 */

/** Lists that Kubernetes merges by a key instead of replacing (strategic merge). */
const MERGE_KEYS: Record<string, string> = { ports: 'port', containers: 'name', initContainers: 'name', volumes: 'name', env: 'name' };

export type PatchOutcome = { node: RNode | undefined } | { failed: string };

/** Strategic merge of `patch` into `target` (a copy is returned; undefined: `$patch: delete`). */
export function strategicMerge(target: RNode, patch: RNode, depth = 0): RNode | undefined {
  if (depth > 100) return { kind: 'unknown', reason: 'patch nested too deeply' };
  if (patch.kind !== 'map') return cloneNode(patch);
  const directive = patch.entries.get('$patch')?.value;
  const directiveValue = directive?.kind === 'scalar' ? directive.value : undefined;
  if (directiveValue === 'delete') return undefined;
  if (directiveValue === 'replace' || target.kind !== 'map') return withoutDirectives(patch);
  const result = cloneNode(target) as RMap;
  for (const [key, entry] of patch.entries) {
    if (key.startsWith('$')) continue;
    const value = entry.value;
    if (value.kind === 'scalar' && value.value === null) {
      result.entries.delete(key);
      continue;
    }
    const existing = result.entries.get(key);
    // The same value again (a patch names its Service): the base stays where it was written.
    if (existing?.value.kind === 'scalar' && value.kind === 'scalar' && existing.value.value === value.value) continue;
    let merged: RNode | undefined;
    if (!existing) merged = withoutDirectives(value);
    else if (value.kind === 'seq' && existing.value.kind === 'seq' && MERGE_KEYS[key])
      merged = mergeList(existing.value.items, value.items, MERGE_KEYS[key], depth);
    else if (value.kind === 'map' && existing.value.kind === 'map') merged = strategicMerge(existing.value, value, depth + 1);
    else merged = withoutDirectives(value);
    if (merged === undefined) result.entries.delete(key);
    else result.entries.set(key, { ...entry, value: merged });
  }
  return result;
}

function withoutDirectives(node: RNode): RNode {
  if (node.kind !== 'map') return cloneNode(node);
  const entries = new Map<string, REntry>();
  for (const [key, entry] of node.entries) if (!key.startsWith('$')) entries.set(key, { ...entry, value: withoutDirectives(entry.value) });
  return { ...node, entries };
}

function keyOf(node: RNode, mergeKey: string): string | undefined {
  const key = node.kind === 'map' ? node.entries.get(mergeKey)?.value : undefined;
  return key?.kind === 'scalar' && key.value !== null ? String(key.value) : undefined;
}

function mergeList(base: RNode[], patch: RNode[], mergeKey: string, depth: number): RNode {
  const items = base.map(cloneNode);
  for (const item of patch) {
    const key = keyOf(item, mergeKey);
    const at = key === undefined ? -1 : items.findIndex((i) => keyOf(i, mergeKey) === key);
    if (at === -1) {
      const directive = item.kind === 'map' ? item.entries.get('$patch')?.value : undefined;
      if (directive?.kind !== 'scalar' || directive.value !== 'delete') items.push(withoutDirectives(item));
      continue;
    }
    const merged = strategicMerge(items[at], item, depth + 1);
    if (merged === undefined) items.splice(at, 1);
    else items[at] = merged;
  }
  return { kind: 'seq', items };
}

/** `/a/b~1c/0` → ['a', 'b/c', '0']; undefined when it is no JSON pointer. */
export function parsePointer(pointer: string): string[] | undefined {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return undefined;
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function scalar(node: RNode | undefined): string | undefined {
  return node?.kind === 'scalar' && typeof node.value === 'string' ? node.value : undefined;
}

/** Applies a list of JSON 6902 operations; `ops` is the patch document (a sequence of maps). */
export function applyJson6902(target: RNode, ops: RNode): PatchOutcome {
  if (ops.kind !== 'seq') return { failed: 'a JSON 6902 patch is a list of operations' };
  let current: RNode = cloneNode(target);
  for (const op of ops.items) {
    if (op.kind !== 'map') return { failed: 'an operation is not a mapping' };
    const name = scalar(op.entries.get('op')?.value);
    const path = parsePointer(scalar(op.entries.get('path')?.value) ?? '\u0000');
    if (!name || !path) return { failed: 'an operation without op or path' };
    const value = op.entries.get('value')?.value;
    const from = parsePointer(scalar(op.entries.get('from')?.value) ?? '\u0000');
    let outcome: RNode | string;
    switch (name) {
      case 'add':
      case 'replace':
        if (!value) return { failed: `${name} without a value` };
        outcome = setAt(current, path, cloneNode(value), name === 'add' ? 'add' : 'replace');
        break;
      case 'remove':
        outcome = setAt(current, path, undefined, 'remove');
        break;
      case 'copy':
      case 'move': {
        if (!from) return { failed: `${name} without from` };
        const found = getAt(current, from);
        if (!found) return { failed: `${name}: nothing at from` };
        const moved = name === 'move' ? setAt(current, from, undefined, 'remove') : current;
        if (typeof moved === 'string') return { failed: moved };
        outcome = setAt(moved, path, cloneNode(found), 'add');
        break;
      }
      case 'test': {
        const found = getAt(current, path);
        if (!found || !value || !sameData(found, value)) return { failed: 'a test operation failed' };
        outcome = current;
        break;
      }
      default:
        return { failed: `unknown operation ${name}` };
    }
    if (typeof outcome === 'string') return { failed: outcome };
    current = outcome;
  }
  return { node: current };
}

export function getAt(node: RNode, path: readonly string[]): RNode | undefined {
  let current: RNode | undefined = node;
  for (const part of path) {
    if (current?.kind === 'map') current = current.entries.get(part)?.value;
    else if (current?.kind === 'seq' && /^\d+$/.test(part)) current = current.items[Number(part)];
    else return undefined;
  }
  return current;
}

/** Sets (or removes) the value at `path` in place of a copy; a string says why it cannot. */
function setAt(root: RNode, path: readonly string[], value: RNode | undefined, mode: 'add' | 'replace' | 'remove'): RNode | string {
  if (path.length === 0) return value ?? 'cannot remove the whole resource';
  const [head, ...rest] = path;
  if (root.kind === 'map') {
    const entry = root.entries.get(head);
    const entries = new Map(root.entries);
    if (rest.length === 0) {
      if (mode !== 'add' && !entry) return `nothing at /${path.join('/')}`;
      if (value === undefined) entries.delete(head);
      else entries.set(head, { ...(entry && mode === 'replace' ? { keyOrigin: entry.keyOrigin } : {}), value });
      return { ...root, entries };
    }
    if (!entry) return `nothing at /${head}`;
    const child = setAt(entry.value, rest, value, mode);
    if (typeof child === 'string') return child;
    entries.set(head, { ...entry, value: child, line: undefined });
    return { ...root, entries };
  }
  if (root.kind === 'seq') {
    const items = [...root.items];
    const index = head === '-' ? items.length : /^\d+$/.test(head) ? Number(head) : -1;
    if (index < 0 || index > items.length || (index === items.length && (rest.length > 0 || mode !== 'add'))) return `no item ${head}`;
    if (rest.length === 0) {
      if (mode === 'add') items.splice(index, 0, value!);
      else if (value === undefined) items.splice(index, 1);
      else items[index] = value;
      return { ...root, items };
    }
    const child = setAt(items[index], rest, value, mode);
    if (typeof child === 'string') return child;
    items[index] = child;
    return { ...root, items };
  }
  return `nothing at /${head}`;
}

function sameData(a: RNode, b: RNode): boolean {
  if (a.kind === 'scalar' && b.kind === 'scalar') return a.value === b.value;
  if (a.kind === 'seq' && b.kind === 'seq') return a.items.length === b.items.length && a.items.every((x, i) => sameData(x, b.items[i]));
  if (a.kind === 'map' && b.kind === 'map') {
    return (
      a.entries.size === b.entries.size && [...a.entries].every(([k, e]) => b.entries.has(k) && sameData(e.value, b.entries.get(k)!.value))
    );
  }
  return false;
}
