import { RULES } from '../index';
import { PSEUDO_RULES } from '../../core/pseudoRules';

/**
 * The project's public links. They are all derived from ONE field of package.json,
 * `repository`, and there are none while it is unset: ELB Lens never makes up a URL, and
 * never publishes a local `file:` URL (a CI runner's checkout) as a link.
 *
 * - SARIF `helpUri` of each rule and the driver's `informationUri` (the CLI);
 * - `codeDescription.href` of each diagnostic (the language server).
 *
 * The docs pages themselves ship with the package: the CLI prints them (`explain`, SARIF
 * `help.markdown`) and the hover links the local copy.
 */

/** What the links are derived from: package.json, or the part of it that matters. */
export interface PackageManifest {
  version?: string;
  repository?: string | { url?: string };
}

/** The browsable https URL of the repository named in package.json, if any. */
export function repositoryUrl(pkg: PackageManifest): string | undefined {
  const raw = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  if (!raw) return undefined;
  const url = raw
    .trim()
    .replace(/^git\+/, '')
    .replace(/^github:/, 'https://github.com/')
    .replace(/^gitlab:/, 'https://gitlab.com/')
    .replace(/^git@([^:]+):/, 'https://$1/')
    .replace(/\.git$/, '')
    .replace(/\/+$/, '');
  return /^https:\/\/[^/\s]+\/\S+$/.test(url) ? url : undefined;
}

/** The page of a rule (or of a suppression finding), relative to the package root; undefined for an unknown id. */
export function ruleDocsPage(ruleId: string): string | undefined {
  const rule = RULES.find((r) => r.meta.id === ruleId);
  if (rule) return rule.meta.docsUrl;
  return PSEUDO_RULES.find((r) => r.id === ruleId)?.docsPage;
}

/** Links of one package: each is undefined while package.json names no repository. */
export interface ProjectLinks {
  /** The project's home (SARIF `informationUri`). */
  home: string | undefined;
  /** The https page of a rule (SARIF `helpUri`, diagnostic `codeDescription.href`). */
  rulePage(ruleId: string): string | undefined;
}

export function projectLinks(pkg: PackageManifest): ProjectLinks {
  const repo = repositoryUrl(pkg);
  return {
    home: repo,
    rulePage: (ruleId) => {
      const page = ruleDocsPage(ruleId);
      return repo && page ? `${repo}/blob/HEAD/${page}` : undefined;
    },
  };
}
