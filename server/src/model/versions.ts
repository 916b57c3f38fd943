import type { Range } from '../core/types';
import type { ResourceTypeInfo } from './providers';

/**
 * Provider versions in provider-neutral terms: which versions of a provider may be in use
 * (one exact version, a range, or unknown), and whether an argument exists in all, some
 * or none of them. Front ends fill in the facts (Terraform: `.terraform.lock.hcl`, then
 * `required_providers`); rules and hover only ask `argumentSupport`.
 */

export interface Version {
  major: number;
  minor: number;
  patch: number;
}

export function formatVersion(v: Version): string {
  return `${v.major}.${v.minor}.${v.patch}`;
}

export function compareVersions(a: Version, b: Version): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

function nextPatch(v: Version, by = 1): Version {
  return { major: v.major, minor: v.minor, patch: v.patch + by };
}

interface ParsedVersion {
  version: Version;
  /** How many of major.minor.patch were written (1 to 3). */
  segments: number;
  prerelease: boolean;
}

const VERSION = /^v?(\d{1,9})(?:\.(\d{1,9}))?(?:\.(\d{1,9}))?(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

function parseParts(text: string): ParsedVersion | undefined {
  const m = VERSION.exec(text.trim());
  if (!m) return undefined;
  const segments = m[3] !== undefined ? 3 : m[2] !== undefined ? 2 : 1;
  return {
    version: { major: Number(m[1]), minor: Number(m[2] ?? 0), patch: Number(m[3] ?? 0) },
    segments,
    prerelease: m[4] !== undefined,
  };
}

/**
 * A full version (`1.70.2`; a pre-release such as `1.91.0-beta1` counts as its release:
 * where that matters, the choice admits more versions, so it can only silence a finding).
 */
export function parseVersion(text: string): Version | undefined {
  const parsed = parseParts(text);
  return parsed && parsed.segments === 3 ? parsed.version : undefined;
}

/**
 * The versions a lock file or a set of constraints allows: `[lower, upper)` without the
 * `excluded` versions. Versions are whole numbers major.minor.patch, so the set is known
 * exactly; only ever asked whether it holds a version below or at least a given one.
 */
export class VersionRange {
  private constructor(
    /** Inclusive; undefined: no lower bound (0.0.0). */
    readonly lower: Version | undefined,
    /** Exclusive; undefined: no upper bound. */
    readonly upper: Version | undefined,
    readonly excluded: readonly Version[],
  ) {}

  static readonly ANY = new VersionRange(undefined, undefined, []);

  static exactly(v: Version): VersionRange {
    return new VersionRange(v, nextPatch(v), []);
  }

  /**
   * Terraform's version constraint syntax: comma-separated `=`, `!=`, `>`, `>=`, `<`, `<=`,
   * `~>` (a bare version means `=`). Partial versions (`1.85`) and pre-releases are read so
   * that the range is never narrower than Terraform's.
   */
  static parse(text: string): VersionRange | { error: string } {
    let range = VersionRange.ANY;
    if (text.trim() === '') return range;
    for (const raw of text.split(',')) {
      const term = raw.trim();
      const m = /^(~>|>=|<=|!=|=|>|<)?\s*(.*)$/.exec(term);
      const op = m?.[1] ?? '=';
      const parsed = m ? parseParts(m[2]) : undefined;
      if (!parsed) return { error: term === '' ? 'an empty term between commas' : `"${term}" is not a version constraint` };
      const { version: v, segments, prerelease } = parsed;
      const full = segments === 3;
      let term_: VersionRange;
      switch (op) {
        case '=':
          term_ = new VersionRange(v, wildcardEnd(v, segments), []);
          break;
        case '!=':
          // A partial or pre-release version is not excluded: that only admits more.
          term_ = new VersionRange(undefined, undefined, full && !prerelease ? [v] : []);
          break;
        case '>':
          term_ = new VersionRange(prerelease ? v : nextPatch(v), undefined, []);
          break;
        case '>=':
          term_ = new VersionRange(v, undefined, []);
          break;
        case '<':
          term_ = new VersionRange(undefined, v, []);
          break;
        case '<=':
          term_ = new VersionRange(undefined, wildcardEnd(v, segments), []);
          break;
        default: {
          // ~>: only the right-most written segment may grow.
          const upper =
            segments === 3
              ? { major: v.major, minor: v.minor + 1, patch: 0 }
              : segments === 2
                ? { major: v.major + 1, minor: 0, patch: 0 }
                : undefined;
          term_ = new VersionRange(v, upper, []);
        }
      }
      range = range.intersect(term_);
    }
    return range;
  }

  intersect(other: VersionRange): VersionRange {
    const lower = !this.lower
      ? other.lower
      : !other.lower
        ? this.lower
        : compareVersions(this.lower, other.lower) >= 0
          ? this.lower
          : other.lower;
    const upper = !this.upper
      ? other.upper
      : !other.upper
        ? this.upper
        : compareVersions(this.upper, other.upper) <= 0
          ? this.upper
          : other.upper;
    return new VersionRange(lower, upper, [...this.excluded, ...other.excluded]);
  }

  has(v: Version): boolean {
    return (
      (!this.lower || compareVersions(v, this.lower) >= 0) &&
      (!this.upper || compareVersions(v, this.upper) < 0) &&
      !this.excluded.some((x) => compareVersions(x, v) === 0)
    );
  }

  /** Whether some version in [from, below) is allowed (below undefined: no end). */
  private someIn(from: Version, below: Version | undefined): boolean {
    // The versions from `from` on are from, from+0.0.1, …: with k exclusions, one of the first k+1 is allowed if any is.
    for (let i = 0; i <= this.excluded.length; i++) {
      const v = nextPatch(from, i);
      if (below && compareVersions(v, below) >= 0) return false;
      if (this.has(v)) return true;
    }
    return false;
  }

  isEmpty(): boolean {
    return !this.someIn(this.lower ?? { major: 0, minor: 0, patch: 0 }, this.upper);
  }

  /** True when an allowed version is at least `v`. */
  admitsAtLeast(v: Version): boolean {
    const from = this.lower && compareVersions(this.lower, v) > 0 ? this.lower : v;
    return this.someIn(from, this.upper);
  }

  /** True when an allowed version is older than `v`. */
  admitsBelow(v: Version): boolean {
    const below = this.upper && compareVersions(this.upper, v) < 0 ? this.upper : v;
    return this.someIn(this.lower ?? { major: 0, minor: 0, patch: 0 }, below);
  }

  /** The one allowed version, when there is exactly one. */
  exact(): Version | undefined {
    if (!this.lower || !this.upper || !this.has(this.lower)) return undefined;
    return compareVersions(nextPatch(this.lower), this.upper) === 0 ? this.lower : undefined;
  }
}

/** The end (exclusive) of the versions a possibly partial version stands for: `1.85` → 1.86.0. */
function wildcardEnd(v: Version, segments: number): Version {
  if (segments === 1) return { major: v.major + 1, minor: 0, patch: 0 };
  if (segments === 2) return { major: v.major, minor: v.minor + 1, patch: 0 };
  return nextPatch(v);
}

/** Where the versions of a provider in use were learnt from. */
export type VersionSource = 'lock-file' | 'constraint' | 'unknown';

export interface VersionOrigin {
  file: string;
  range: Range;
  /** `.terraform.lock.hcl`, `required_providers in versions.tf` */
  what: string;
}

/** Which versions of the provider of a resource may be in use. */
export interface ProviderVersionFact {
  source: VersionSource;
  /** The provider as its users name it (`huaweicloud/huaweicloud`). */
  provider: string;
  /** The allowed versions; undefined when unknown (then the newest is assumed). */
  range: VersionRange | undefined;
  /** How the versions are written (`1.70.2`, `>= 1.20.0, ~> 1.85`); '' when unknown. */
  text: string;
  origins: VersionOrigin[];
  /** Why the version is unknown (for hover). */
  reason?: string;
}

export type Support = 'yes' | 'no' | 'some';

export interface ArgumentSupport {
  argument: string;
  /**
   * `yes`: every version that may be in use has the argument (also when the version or the
   * argument's first version is unknown); `no`: none has; `some`: the allowed versions
   * include versions with and without it.
   */
  support: Support;
  /** The first provider version with the argument, when the provider table knows it. */
  since?: string;
  version?: ProviderVersionFact;
}

/** Whether the provider version(s) in use have `argument` on this node's resource type. */
export function argumentSupport(
  node: { info: ResourceTypeInfo; providerVersion?: ProviderVersionFact },
  argument: string,
): ArgumentSupport {
  const since = node.info.since?.[argument];
  const version = node.providerVersion;
  const first = since === undefined ? undefined : parseVersion(since);
  if (!first || !version?.range) return { argument, support: 'yes', ...(since ? { since } : {}), ...(version ? { version } : {}) };
  const newer = version.range.admitsAtLeast(first);
  const older = version.range.admitsBelow(first);
  return { argument, support: newer && older ? 'some' : newer ? 'yes' : 'no', since, version };
}

/** "1.70.2 (from .terraform.lock.hcl)", "a version allowed by ~> 1.85.0 (required_providers in versions.tf)", "unknown …" */
export function versionInUseText(fact: ProviderVersionFact): string {
  const where = fact.origins.map((o) => o.what).join(', ');
  if (fact.source === 'lock-file') return `${fact.text} (locked in ${where})`;
  if (fact.source === 'constraint') {
    const exact = fact.range?.exact();
    return exact ? `${formatVersion(exact)} (the only version that ${where} allows: ${fact.text})` : `"${fact.text}" (${where})`;
  }
  return `unknown (${fact.reason ?? 'no lock file and no version constraint'}), so the newest is assumed`;
}

/** For `some` support, what writing the argument needs: "needs huaweicloud/huaweicloud >= 1.93.0"; '' otherwise. */
export function versionNeeded(support: ArgumentSupport): string {
  return support.support === 'some' && support.since && support.version ? `needs ${support.version.provider} >= ${support.since}` : '';
}

/** How a fix that adds the argument says what it needs: " (needs huaweicloud/huaweicloud >= 1.93.0)", or ''. */
export function needsVersionNote(support: ArgumentSupport): string {
  const needed = versionNeeded(support);
  return needed ? ` (${needed})` : '';
}

/**
 * What to say instead of suggesting an argument the provider in use does not have:
 * "The huaweicloud/huaweicloud provider in use, 1.70.2 (locked in .terraform.lock.hcl), has no
 * transparent_client_ip_enable on huaweicloud_lb_listener (it arrived in 1.93.0): to turn it on,
 * upgrade the provider to >= 1.93.0, or use the console or the ELB API."
 */
export function upgradeAdvice(support: ArgumentSupport, type: string, purpose: string): string {
  const provider = support.version?.provider ?? 'the provider';
  const inUse = support.version ? versionInUseText(support.version) : 'unknown';
  return (
    `The ${provider} provider in use, ${inUse}, has no ${support.argument} on ${type} (it arrived in ${support.since}): ` +
    `${purpose}, upgrade the provider to >= ${support.since}, or use the console or the ELB API.`
  );
}
