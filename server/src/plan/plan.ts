import { checkpoint } from '../core/budget';
import * as jsonc from 'jsonc-parser';
import type { Finding, Range } from '../core/types';
import type { ElbModel } from '../model/elb';
import type { ConfigAttribute, ConfigBlock, ConfigFile, Expr, TraversalStep } from '../parse/config';
import { jsonValueExpr, nodeRange, parseJsonTree } from '../parse/json';
import { LineIndex } from '../parse/positions';
import { changeUnknowns, resourceHeader } from './partReader';
import { reportRules } from '../rules/engine';
import { mergeInstanceFindings, type ReportedFinding } from '../rules/support/instanceFindings';
import { withRuleSettings } from '../suppress/policy';
import type { RuleSetting } from '../core/options';
import { TerraformModule } from '../terraform/module';
import { buildTerraformModel } from '../terraform/toModel';

/**
 * Terraform plan JSON (`terraform show -json plan.out`) → the ELB model.
 *
 * Every managed resource instance of `planned_values` (root and child modules) becomes a
 * synthetic resource block whose attributes are its planned values, with the ranges of
 * those values in the plan file. Values unknown until apply are left out of
 * `planned_values`; for those, and for links between resources, the `configuration`
 * section's `references` say which resource an argument refers to. Known ids link too:
 * `loadbalancer_id = "0b5…"` links to the resource whose `id` is that value.
 *
 * Findings carry the resource address (`module.web.huaweicloud_elb_listener.http[0]`)
 * in their messages and sit on the value in the plan file (or on the resource's
 * `address` when the value is unknown). A plan is generated output: findings have no fixes.
 */

/**
 * Cheap check on the first bytes of a `.json` file: Terraform writes `format_version`
 * first; `jq -S` sorts the keys, which puts `applyable`, `checks`, `complete` or
 * `configuration` first.
 */
export function mayBePlanJson(head: string): boolean {
  return (
    /^\s*\{\s*"(format_version|applyable|checks|complete|configuration|errored)"\s*:/.test(head) ||
    (/^\s*\{/.test(head) && head.includes('"format_version"'))
  );
}

/** True for the JSON of a plan: `format_version` and `planned_values` (checked for real by planToModel). */
export function isPlanJson(text: string): boolean {
  return mayBePlanJson(text.slice(0, 256)) && text.includes('"format_version"') && /"planned_values"\s*:/.test(text);
}

interface PlanResource {
  /** Full address: `module.app.huaweicloud_elb_listener.l[0]`. */
  address: string;
  /** `module.app`, '' for the root module. */
  modulePath: string;
  type: string;
  name: string;
  /** count/for_each key, if any. */
  index: number | string | undefined;
  /** The resource's object in `planned_values`, left empty in the plan's tree (see parsedResource). */
  span: jsonc.Node;
  /** The resource's `expressions` in the configuration section, when found. */
  expressions: jsonc.Node | undefined;
  /** Attribute names whose planned value is unknown (`after_unknown`). */
  unknown: ReadonlySet<string>;
  id: string | undefined;
}

export interface PlanModule {
  file: ConfigFile;
  module: TerraformModule;
  model: ElbModel;
}

const REFERENCE = /^([A-Za-z_][\w-]*)\.([A-Za-z_][\w-]*)(?:\[([^\]]*)\])?(?:\.(.+))?$/;
const NOT_RESOURCES = new Set(['var', 'local', 'module', 'data', 'count', 'each', 'path', 'terraform', 'self']);

function child(node: jsonc.Node | undefined, key: string): jsonc.Node | undefined {
  if (node?.type !== 'object') return undefined;
  for (const property of node.children ?? []) {
    const [k, v] = property.children ?? [];
    if (k?.value === key) return v;
  }
  return undefined;
}

function stringValue(node: jsonc.Node | undefined): string | undefined {
  return node?.type === 'string' ? (node.value as string) : undefined;
}

/** `module.a["x"].module.b[0]` → ['a', 'b'] (configuration has one entry per call, not per instance). */
function moduleCallPath(modulePath: string): string[] {
  const names: string[] = [];
  for (const match of modulePath.matchAll(/module\.([^.[\]]+)(?:\[[^\]]*\])?/g)) names.push(match[1]);
  return names;
}

/** Builds the model of a plan; undefined when the text is not plan JSON. */
export function planToModel(filePath: string, text: string): PlanModule | undefined {
  // The syntax tree of a large plan outweighs its model: it is garbage once the file is built.
  const read = planFile(filePath, text);
  if (!read) return undefined;
  const module = new TerraformModule(filePath, [read.file], []);
  // Name resources by their plan address in messages.
  for (const [key, entry] of module.resources)
    module.resources.set(key, { ...entry, name: read.addresses.get(key) ?? entry.name, address: read.addresses.get(key) ?? entry.address });
  return { file: read.file, module, model: buildTerraformModel(module) };
}

/** The plan's resources as synthetic blocks of one file, and their plan addresses by `type.address`. */
function planFile(filePath: string, text: string): { file: ConfigFile; addresses: Map<string, string> } | undefined {
  // The objects of resources (in planned_values, and in prior_state, which is not read) and of
  // resource changes (their values before and after) are left out of the plan's tree and parsed
  // one at a time: the tree of a whole plan of 50,000 listeners was 180 MB, with changes 1.3 GB.
  const { root, errors } = parseJsonTree(text, { from: 0, to: text.length, skip: isResourceObject });
  if (root?.type !== 'object' || !child(root, 'format_version')) return undefined;
  const planned = child(root, 'planned_values');
  if (!planned) return undefined;
  const lines = new LineIndex(text);
  // Names (argument names, resource types and names) are parsed anew for every resource: one
  // string each, shared, instead of 50,000 copies.
  const names = new Map<string, string>();
  const shared = (value: string): string => {
    const known = names.get(value);
    if (known !== undefined) return known;
    names.set(value, value);
    return value;
  };

  // Configuration resources by module call path + relative address.
  const configResources = new Map<string, jsonc.Node>();
  const visitConfig = (moduleNode: jsonc.Node | undefined, callPath: string[]) => {
    for (const resource of child(moduleNode, 'resources')?.children ?? []) {
      const address = stringValue(child(resource, 'address'));
      if (address) configResources.set([...callPath, address].join('\u0000'), resource);
    }
    for (const call of child(moduleNode, 'module_calls')?.children ?? []) {
      const [k, v] = call.children ?? [];
      if (k && v) visitConfig(child(v, 'module'), [...callPath, String(k.value)]);
    }
  };
  visitConfig(child(child(root, 'configuration'), 'root_module'), []);

  // after_unknown of each resource change, by address (each change read on its own, as resources are).
  const afterUnknown = new Map<string, Set<string>>();
  for (const span of child(root, 'resource_changes')?.children ?? []) {
    checkpoint();
    if (span.type !== 'object') continue;
    const { address, unknown } = changeUnknowns(text, span, errors);
    if (address && unknown) afterUnknown.set(address, unknown);
  }

  const resources: PlanResource[] = [];
  const visitPlanned = (moduleNode: jsonc.Node | undefined, depth: number) => {
    if (!moduleNode || depth > 32) return;
    const modulePath = stringValue(child(moduleNode, 'address')) ?? '';
    for (const span of child(moduleNode, 'resources')?.children ?? []) {
      checkpoint();
      // Only what indexes it is read here; its tree is built with its block.
      const header = resourceHeader(text, span);
      if (header.mode !== 'managed') continue;
      if (!header.type || !header.name) continue;
      const [type, name, index] = [shared(header.type), shared(header.name), header.index];
      const address = header.address ?? `${modulePath ? modulePath + '.' : ''}${type}.${name}`;
      const configKey = [...moduleCallPath(modulePath), `${type}.${name}`].join('\u0000');
      resources.push({
        address,
        modulePath,
        type,
        name,
        index,
        span,
        expressions: child(configResources.get(configKey), 'expressions'),
        unknown: afterUnknown.get(address) ?? NOTHING_UNKNOWN,
        id: header.id,
      });
    }
    for (const childModule of child(moduleNode, 'child_modules')?.children ?? []) visitPlanned(childModule, depth + 1);
  };
  visitPlanned(child(planned, 'root_module'), 0);

  const byId = new Map<string, PlanResource>();
  for (const r of resources) if (r.id) byId.set(r.id, r);
  // Instances by module, type and name, and by instance key: a search of every resource per
  // reference made plans grow faster than their size (20,000 listeners: 6 s, 50,000: 39 s).
  const byName = new Map<string, { all: PlanResource[]; byIndex: Map<number | string, PlanResource> }>();
  for (const r of resources) {
    const key = `${r.modulePath}\u0000${r.type}\u0000${r.name}`;
    let entry = byName.get(key);
    if (!entry) byName.set(key, (entry = { all: [], byIndex: new Map() }));
    entry.all.push(r);
    if (r.index !== undefined && !entry.byIndex.has(r.index)) entry.byIndex.set(r.index, r);
  }

  /** The plan resource a configuration reference names, seen from `from`. */
  const resolveReference = (from: PlanResource, reference: string): { target: PlanResource; rest: string | undefined } | undefined => {
    const match = REFERENCE.exec(reference);
    if (!match || NOT_RESOURCES.has(match[1])) return undefined;
    const [, type, name, indexText, rest] = match;
    const candidates = byName.get(`${from.modulePath}\u0000${type}\u0000${name}`);
    if (!candidates) return undefined;
    let target: PlanResource | undefined;
    if (indexText !== undefined) {
      const key: number | string = /^\d+$/.test(indexText) ? Number(indexText) : indexText.replace(/^"|"$/g, '');
      target = candidates.byIndex.get(key);
    } else if (candidates.all.length === 1) {
      target = candidates.all[0];
    } else {
      // `x[count.index]` shows up as a reference to `x`: the instance with the same key.
      target = from.index !== undefined ? candidates.byIndex.get(from.index) : undefined;
    }
    return target ? { target, rest } : undefined;
  };

  const traversalTo = (target: PlanResource, rest: string | undefined, range: Range): Expr => {
    const steps: TraversalStep[] = [{ kind: 'attr', name: target.address }];
    for (const part of (rest ?? 'id').matchAll(/([^.[\]]+)|\[([^\]]*)\]/g)) {
      if (part[1] !== undefined) steps.push({ kind: 'attr', name: part[1] });
      else {
        const key = part[2];
        const value = /^\d+$/.test(key) ? Number(key) : key.replace(/^"|"$/g, '');
        steps.push({ kind: 'index', key: { kind: 'literal', value, range } });
      }
    }
    return { kind: 'traversal', root: target.type, steps, range };
  };

  /** Resource references of one argument's configuration expression, as expressions. */
  const referencesOf = (from: PlanResource, expression: jsonc.Node | undefined, range: Range): Expr[] => {
    const refs: Expr[] = [];
    const seen = new Set<PlanResource>();
    for (const item of child(expression, 'references')?.children ?? []) {
      const reference = stringValue(item);
      const resolved = reference ? resolveReference(from, reference) : undefined;
      if (!resolved || seen.has(resolved.target)) continue;
      seen.add(resolved.target);
      refs.push(traversalTo(resolved.target, resolved.rest, range));
    }
    return refs;
  };

  /** Unknown in the plan, but still pointing at the resources it refers to. */
  const unknownExpr = (refs: Expr[], range: Range): Expr => ({ kind: 'call', name: 'unknown_until_apply', args: refs, range });

  const buildBody = (
    owner: PlanResource,
    values: jsonc.Node | undefined,
    expressions: jsonc.Node | undefined,
    unknown: ReadonlySet<string>,
    anchor: jsonc.Node,
    depth: number,
  ): { attributes: Map<string, ConfigAttribute>; blocks: ConfigBlock[] } => {
    const attributes = new Map<string, ConfigAttribute>();
    const blocks: ConfigBlock[] = [];
    if (depth > 16) return { attributes, blocks };
    const anchorRange = nodeRange(lines, anchor);
    const written = new Set<string>();
    for (const property of values?.children ?? []) {
      const [k, v] = property.children ?? [];
      if (!k || !v) continue;
      const name = shared(String(k.value));
      written.add(name);
      if (v.type === 'null') continue;
      const range = nodeRange(lines, v);
      const expression = child(expressions, name);
      // Nested blocks: a list of objects in the plan, matched to the configuration by position.
      if (v.type === 'array' && (v.children ?? []).length > 0 && (v.children ?? []).every((c) => c.type === 'object')) {
        (v.children ?? []).forEach((item, i) => {
          const itemExpressions = expression?.type === 'array' ? expression.children?.[i] : undefined;
          const body = buildBody(owner, item, itemExpressions, NOTHING_UNKNOWN, item, depth + 1);
          blocks.push(syntheticBlock(name, [], k, item, body, lines));
        });
        continue;
      }
      const literal = jsonValueExpr(lines, v, 0, range);
      let refs = referencesOf(owner, expression, range);
      if (refs.length === 0 && v.type === 'string' && name !== 'id') {
        const linked = byId.get(v.value as string);
        if (linked && linked !== owner) refs = [traversalTo(linked, 'id', range)];
      }
      // A known value that also refers to resources: evaluates to the value, links to the resources.
      const expr: Expr = refs.length > 0 ? { kind: 'annotated', value: literal, references: unknownExpr(refs, range), range } : literal;
      // The ranges share their positions (a plan is never edited in place, unlike HCL's
      // converted syntax): at 50,000 listeners, copies were 40 MB.
      const nameRange = nodeRange(lines, k);
      attributes.set(name, { name, expr, nameRange, valueRange: range, range: { start: nameRange.start, end: range.end } });
    }
    // Arguments written in the configuration whose values are only known after apply.
    const unknownNames = new Set(unknown);
    for (const property of expressions?.type === 'object' ? (expressions.children ?? []) : []) {
      const [k, v] = property.children ?? [];
      if (k && v?.type === 'object' && !written.has(String(k.value))) unknownNames.add(String(k.value));
    }
    for (const name of unknownNames) {
      if (attributes.has(name) || blocks.some((b) => b.type === name)) continue;
      const refs = referencesOf(owner, child(expressions, name), anchorRange);
      attributes.set(name, {
        name,
        expr: unknownExpr(refs, anchorRange),
        nameRange: anchorRange,
        valueRange: anchorRange,
        range: anchorRange,
      });
    }
    return { attributes, blocks };
  };

  const blocks: ConfigBlock[] = [];
  const addresses = new Map<string, string>();
  for (const resource of resources) {
    checkpoint();
    const node = parsedResource(text, resource.span, errors);
    const valuesNode = child(node, 'values');
    const values = valuesNode?.type === 'object' ? valuesNode : undefined;
    const anchor = child(node, 'address') ?? node;
    const body = buildBody(resource, values, resource.expressions, resource.unknown, anchor, 0);
    const block = syntheticBlock('resource', [resource.type, resource.address], anchor, node, body, lines, values);
    blocks.push(block);
    addresses.set(`${resource.type}.${resource.address}`, resource.address);
  }
  const file: ConfigFile = {
    path: filePath,
    format: 'tfjson',
    text,
    lines,
    blocks,
    attributes: new Map(),
    comments: [],
    syntaxErrors: errors.map((e) => lines.range(e.offset, e.offset + e.length)),
  };
  return { file, addresses };
}

const NOTHING_UNKNOWN: ReadonlySet<string> = new Set();

/** The plan's lists of changes, each a resource's values before and after. */
const CHANGE_LISTS = new Set(['resource_changes', 'resource_drift']);

/**
 * An object of a `resources` list outside `configuration` (whose resources are small and read as
 * they are), or of a top-level list of changes.
 */
function isResourceObject(object: jsonc.Node): boolean {
  const list = object.parent;
  const property = list?.parent;
  if (list?.type !== 'array' || property?.type !== 'property') return false;
  const key = property.children?.[0]?.value;
  if (typeof key === 'string' && CHANGE_LISTS.has(key)) return !insideProperty(property.parent);
  if (key !== 'resources') return false;
  for (let up = property.parent; up; up = up.parent) {
    if (up.type === 'property' && up.children?.[0]?.value === 'configuration') return false;
  }
  return true;
}

/** True when `node` is (inside) the value of a property: false for the plan's top-level object. */
function insideProperty(node: jsonc.Node | undefined): boolean {
  for (let up = node; up; up = up.parent) if (up.type === 'property') return true;
  return false;
}

/** The tree of a resource object left out of the plan's tree (its own syntax errors added to `errors`). */
function parsedResource(text: string, span: jsonc.Node, errors: jsonc.ParseError[]): jsonc.Node {
  const parsed = parseJsonTree(text, { from: span.offset, to: span.offset + span.length });
  errors.push(...parsed.errors);
  return parsed.root ?? span;
}

function syntheticBlock(
  type: string,
  labels: string[],
  labelNode: jsonc.Node,
  node: jsonc.Node,
  body: { attributes: Map<string, ConfigAttribute>; blocks: ConfigBlock[] },
  lines: LineIndex,
  bodyNode: jsonc.Node = node,
): ConfigBlock {
  const labelRange = nodeRange(lines, labelNode);
  return {
    type,
    labels,
    labelRanges: labels.map(() => labelRange),
    range: nodeRange(lines, node),
    headerRange: labelRange,
    attributes: body.attributes,
    blocks: body.blocks,
    bodyStart: lines.positionAt(bodyNode.offset + 1),
    close: lines.positionAt(bodyNode.offset + bodyNode.length - 1),
    hasErrors: false,
  };
}

export interface PlanAnalysisOptions {
  rules?: Record<string, RuleSetting>;
  /** Base for docs links; `<rule-id>.md` is appended. */
  docsBase?: string;
  log?: (message: string) => void;
}

/**
 * A plan's model and what the rules report about it; undefined when the text is not plan JSON.
 * The one place plans meet the rules: the CLI's findings and the map's both come from here.
 */
export function planAnalysis(
  filePath: string,
  text: string,
  options: Pick<PlanAnalysisOptions, 'docsBase' | 'log'> = {},
): { model: ElbModel; reported: ReportedFinding[] } | undefined {
  const plan = planToModel(filePath, text);
  if (!plan) return undefined;
  // A plan is generated: its findings have no fixes (see analyzePlan), so none are kept.
  const reported = reportRules(plan.model, {
    docsBase: options.docsBase ?? 'docs/rules/',
    log: options.log,
    source: filePath,
    fixes: false,
  });
  return { model: plan.model, reported };
}

/** Findings of a plan file (no fixes: a plan is generated). Not plan JSON: []. */
export function analyzePlan(filePath: string, text: string, options: PlanAnalysisOptions = {}): Finding[] {
  const analysis = planAnalysis(filePath, text, options);
  if (!analysis) return [];
  return withRuleSettings(mergeInstanceFindings(analysis.reported), options.rules);
}
