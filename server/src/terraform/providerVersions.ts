import * as path from 'path';
import type { Range } from '../core/types';
import { PROVIDER_SOURCES, type ProviderName } from '../model/providers';
import { formatVersion, parseVersion, VersionRange, type ProviderVersionFact, type Version, type VersionOrigin } from '../model/versions';
import type { ConfigAttribute, ConfigBlock, ConfigFile, Expr } from '../parse/config';
import type { HclParser } from '../parse/hcl';
import type { TerraformModule } from './module';
import type { ResourceInstance } from './scope';

/**
 * Which provider versions a Terraform configuration uses, per provider: the exact version
 * in the root module's `.terraform.lock.hcl` first, else what the `required_providers`
 * constraints of every module of the configuration allow together (Terraform picks one
 * version for the whole configuration), else unknown. A resource's provider is found
 * through its `provider` argument or its type's prefix (the local name) and the module's
 * `required_providers` (the source). What cannot be read is a problem to report, and is
 * otherwise left out.
 */

export const LOCK_FILE_NAME = '.terraform.lock.hcl';

export function isLockFile(filePath: string): boolean {
  return path.basename(filePath) === LOCK_FILE_NAME;
}

/** A lock file or version constraint that cannot be read. */
export interface VersionProblem {
  file: ConfigFile;
  range: Range;
  message: string;
}

export interface LockFile {
  file: ConfigFile;
  /** Normalised provider address (`registry.terraform.io/huaweicloud/huaweicloud`) → locked version. */
  providers: Map<string, { version: Version; text: string; range: Range }>;
  problems: VersionProblem[];
}

/** Parses a lock file with the HCL parser (every block read). */
export function parseLockFile(parser: HclParser, filePath: string, text: string): LockFile {
  const tree = parser.parseTree(text);
  try {
    const file = parser.toConfigFile(filePath, text, tree, undefined, () => true);
    return readLockFile(file);
  } finally {
    tree.delete();
  }
}

const LOCK_IGNORED = `${LOCK_FILE_NAME} is ignored`;

/** The locked versions of a parsed lock file; a file with syntax errors is ignored as a whole. */
export function readLockFile(file: ConfigFile): LockFile {
  const providers: LockFile['providers'] = new Map();
  const problems: VersionProblem[] = [];
  const broken = file.syntaxErrors[0] ?? file.blocks.find((b) => b.hasErrors)?.range;
  if (broken) {
    problems.push({
      file,
      range: broken,
      message: `ELB Lens cannot parse this lock file (a syntax error here), so ${LOCK_IGNORED}: provider versions come from required_providers instead. Run terraform init to write it again.`,
    });
    return { file, providers, problems };
  }
  for (const block of file.blocks) {
    if (block.type !== 'provider' || block.labels.length !== 1) continue;
    const address = normaliseSource(block.labels[0]);
    if (!address || !knownProvider(address)) continue;
    const attribute = block.attributes.get('version');
    const text = attribute ? literalString(attribute.expr) : undefined;
    const version = text === undefined ? undefined : parseVersion(text);
    if (!attribute || text === undefined || !version) {
      problems.push({
        file,
        range: attribute?.range ?? block.headerRange,
        message: `${attribute ? `"${text ?? 'this value'}" is not a version` : 'This provider entry has no version'}, so ELB Lens ignores the ${block.labels[0]} entry of ${LOCK_FILE_NAME}: its version comes from required_providers instead.`,
      });
      continue;
    }
    if (!providers.has(address)) providers.set(address, { version, text, range: attribute.range });
  }
  return { file, providers, problems };
}

/** `huaweicloud/huaweicloud` → `registry.terraform.io/huaweicloud/huaweicloud` (lower case); undefined when malformed. */
export function normaliseSource(source: string): string | undefined {
  const parts = source.trim().toLowerCase().split('/');
  if (parts.some((p) => p === '') || parts.length < 1 || parts.length > 3) return undefined;
  if (parts.length === 1) return `registry.terraform.io/hashicorp/${parts[0]}`;
  return parts.length === 2 ? `registry.terraform.io/${parts.join('/')}` : parts.join('/');
}

/** The provider of the tables a normalised address is (any registry host: mirrors carry the same versions). */
function knownProvider(address: string): ProviderName | undefined {
  const tail = address.split('/').slice(1).join('/');
  for (const [name, source] of Object.entries(PROVIDER_SOURCES)) if (source.toLowerCase() === tail) return name as ProviderName;
  return undefined;
}

/** The registry source of a provider's own local name (`huaweicloud`); undefined for any other name (`constructor` too). */
function providerSource(localName: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(PROVIDER_SOURCES, localName)
    ? PROVIDER_SOURCES[localName as keyof typeof PROVIDER_SOURCES]
    : undefined;
}

/** One `required_providers` entry of a module. */
interface Requirement {
  localName: string;
  /** Normalised address, from `source` or implied by the local name. */
  address: string | undefined;
  constraint: { range: VersionRange; text: string; origin: VersionOrigin } | undefined;
}

export interface ProviderVersions {
  /** The versions of the provider a resource instance uses; undefined for types of no provider table. */
  forResource(resource: ResourceInstance, provider: ProviderName): ProviderVersionFact | undefined;
  /** Lock file entries and constraints that could not be read (each once). */
  problems: VersionProblem[];
}

/** Reads the provider versions of a configuration: the root module, every module it calls, and its lock file. */
export function providerVersions(root: TerraformModule, lock: LockFile | undefined): ProviderVersions {
  const problems: VersionProblem[] = [...(lock?.problems ?? [])];
  const byDir = new Map<string, Map<string, Requirement>>();
  for (const module of root.allModules()) {
    if (!byDir.has(module.dir)) byDir.set(module.dir, requirements(module.files, problems));
  }
  const facts = new Map<string, ProviderVersionFact>();

  const factFor = (address: string, provider: ProviderName): ProviderVersionFact => {
    const key = `${provider}|${address}`;
    const cached = facts.get(key);
    if (cached) return cached;
    const expected = providerSource(provider) ?? provider;
    const shown = address.replace(/^registry\.terraform\.io\//, '');
    let fact: ProviderVersionFact;
    const locked = lock?.providers.get(address);
    if (knownProvider(address) !== provider) {
      fact = {
        source: 'unknown',
        provider: shown,
        range: undefined,
        text: '',
        origins: [],
        reason: `its provider is ${shown}, not ${expected}, whose version numbers ELB Lens does not know`,
      };
    } else if (locked && lock) {
      fact = {
        source: 'lock-file',
        provider: expected,
        range: VersionRange.exactly(locked.version),
        text: formatVersion(locked.version),
        origins: [{ file: lock.file.path, range: locked.range, what: LOCK_FILE_NAME }],
      };
    } else {
      const constraints = [...byDir.values()].flatMap((m) => [...m.values()]).filter((r) => r.address === address && r.constraint);
      let range = VersionRange.ANY;
      for (const r of constraints) range = range.intersect(r.constraint!.range);
      const origins = constraints.map((r) => r.constraint!.origin);
      if (constraints.length === 0) {
        fact = {
          source: 'unknown',
          provider: expected,
          range: undefined,
          text: '',
          origins: [],
          reason: `no ${LOCK_FILE_NAME} next to the root module and no version constraint in required_providers`,
        };
      } else if (range.isEmpty()) {
        fact = {
          source: 'unknown',
          provider: expected,
          range: undefined,
          text: constraints.map((r) => r.constraint!.text).join(', '),
          origins,
          reason: 'no version satisfies all the version constraints of the configuration',
        };
      } else {
        fact = { source: 'constraint', provider: expected, range, text: constraints.map((r) => r.constraint!.text).join(', '), origins };
      }
    }
    facts.set(key, fact);
    return fact;
  };

  return {
    problems,
    forResource(resource, provider) {
      if (providerSource(provider) === undefined) return undefined;
      const localName = providerLocalName(resource.entry.block, resource.entry.type);
      const declared = byDir.get(resource.module.dir)?.get(localName);
      // An undeclared local name that is one of the providers' own names stands for that provider.
      const address = declared?.address ?? normaliseSource(providerSource(localName) ?? localName);
      return address ? factFor(address, provider) : undefined;
    },
  };
}

/** The local name of a resource's provider: its `provider` argument (`hw.west` → `hw`), else its type's prefix. */
function providerLocalName(block: ConfigBlock, type: string): string {
  const expr = block.attributes.get('provider')?.expr;
  if (expr?.kind === 'traversal') return expr.root;
  const text = expr ? literalString(expr) : undefined;
  if (text) return text.split('.')[0].trim();
  return type.split('_')[0];
}

/** The `required_providers` entries of a module's files (`terraform { required_providers { … } }`, or its JSON form). */
function requirements(files: ConfigFile[], problems: VersionProblem[]): Map<string, Requirement> {
  const out = new Map<string, Requirement>();
  for (const file of files) {
    for (const block of file.blocks) {
      if (block.type !== 'terraform') continue;
      // HCL: a nested block; Terraform JSON: the parser reads `"required_providers": {…}` as a label.
      const lists = block.labels[0] === 'required_providers' ? [block] : block.blocks.filter((b) => b.type === 'required_providers');
      for (const list of lists) {
        for (const attribute of list.attributes.values()) {
          const requirement = requirement_(file, attribute, problems);
          if (!out.has(requirement.localName)) out.set(requirement.localName, requirement);
          else if (requirement.constraint && !out.get(requirement.localName)!.constraint)
            out.get(requirement.localName)!.constraint = requirement.constraint;
        }
      }
    }
  }
  return out;
}

function requirement_(file: ConfigFile, attribute: ConfigAttribute, problems: VersionProblem[]): Requirement {
  const localName = attribute.name;
  const expr = attribute.expr;
  // `huaweicloud = ">= 1.20"`: the version alone (Terraform 0.12 style).
  const versionExpr = expr.kind === 'object' ? objectEntry(expr, 'version') : expr;
  const sourceExpr = expr.kind === 'object' ? objectEntry(expr, 'source') : undefined;
  const sourceText = sourceExpr ? literalString(sourceExpr) : undefined;
  const address = sourceText !== undefined ? normaliseSource(sourceText) : normaliseSource(providerSource(localName) ?? localName);
  const relevant = address !== undefined && knownProvider(address) !== undefined;
  let constraint: Requirement['constraint'];
  if (versionExpr && relevant) {
    const text = literalString(versionExpr);
    const parsed = text === undefined ? { error: 'it is not a plain string' } : VersionRange.parse(text);
    if ('error' in parsed) {
      problems.push({
        file,
        range: versionExpr.range,
        message: `ELB Lens cannot read the version constraint of ${localName} (${parsed.error}), so it is ignored: the provider version is taken from elsewhere, or assumed to be the newest.`,
      });
    } else if (text !== undefined && text.trim() !== '') {
      constraint = {
        range: parsed,
        text: text.trim(),
        origin: { file: file.path, range: versionExpr.range, what: `required_providers in ${path.basename(file.path)}` },
      };
    }
  }
  return { localName, address, constraint };
}

function objectEntry(expr: Expr & { kind: 'object' }, name: string): Expr | undefined {
  for (const entry of expr.entries) {
    const key = entry.key;
    if ((key.kind === 'traversal' && key.root === name && key.steps.length === 0) || (key.kind === 'literal' && key.value === name))
      return entry.value;
    if (key.kind === 'template' && key.parts.length === 1 && key.parts[0].kind === 'literal' && key.parts[0].value === name)
      return entry.value;
  }
  return undefined;
}

/** A string written as a literal (`"1.2.3"`, a template without interpolations); undefined otherwise. */
function literalString(expr: Expr): string | undefined {
  if (expr.kind === 'literal') return typeof expr.value === 'string' ? expr.value : undefined;
  if (expr.kind === 'parens') return literalString(expr.inner);
  if (expr.kind === 'template') {
    let out = '';
    for (const part of expr.parts) {
      if (part.kind !== 'literal' || typeof part.value !== 'string') return undefined;
      out += part.value;
    }
    return out;
  }
  return undefined;
}
