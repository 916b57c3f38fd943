import * as path from 'path';
import { closest } from '../project/configValues';
import { readTextFile } from '../project/nodeFs';
import { PSEUDO_RULES } from '../core/pseudoRules';
import { RULES, findRule } from '../rules';
import { projectLinks, type PackageManifest } from '../rules/support/links';
import * as fs from 'fs';
import { UsageError } from './args';
import type { ToolInfo } from './report';

/** `elb-lens explain`, `version` and what reports say about the tool: read from the package. */

/**
 * The documentation of an id the tool can print: a rule's page, or for the ids about ignore
 * comments and provider versions their page or the section of the rules index about them.
 */
export function explain(id: string, packageRoot: string): string {
  const rule = findRule(id);
  if (rule) {
    const page = readTextFile(path.join(packageRoot, rule.meta.docsUrl), 1024 * 1024);
    return page ?? `${rule.meta.id}: ${rule.meta.summary}\n`;
  }
  const pseudo = PSEUDO_RULES.find((r) => r.id === id);
  if (!pseudo) {
    const suggestion = closest(id, [...RULES.map((r) => r.meta.id), ...PSEUDO_RULES.map((r) => r.id)]);
    throw new UsageError(
      `unknown rule "${id}"${suggestion ? ` (did you mean ${suggestion}?)` : ''}; "elb-lens rules" lists them`,
      'explain',
    );
  }
  const [file, anchor] = pseudo.docsPage.split('#');
  const page = readTextFile(path.join(packageRoot, file), 1024 * 1024);
  const text = page !== undefined && anchor ? markdownSection(page, anchor) : page;
  return `${pseudo.id} (${pseudo.defaultSeverity}): ${pseudo.summary}\n${text ? `\n${text}` : ''}`;
}

/** The section of a markdown page under the heading whose GitHub-style anchor is `anchor`, up to the next heading of its level. */
function markdownSection(page: string, anchor: string): string | undefined {
  const lines = page.split('\n');
  const slug = (heading: string) =>
    heading
      .toLowerCase()
      .replace(/[^a-z0-9 -]/g, '')
      .replace(/ /g, '-');
  const start = lines.findIndex((line) => /^#+ /.test(line) && slug(line.replace(/^#+ /, '')) === anchor);
  if (start < 0) return undefined;
  const level = /^#+/.exec(lines[start])?.[0].length ?? 1;
  let end = start + 1;
  while (end < lines.length && !(/^#+ /.test(lines[end]) && (/^#+/.exec(lines[end])?.[0].length ?? 0) <= level)) end++;
  return `${lines.slice(start, end).join('\n').trimEnd()}\n`;
}

export function readPackageJson(packageRoot: string): PackageManifest {
  try {
    return JSON.parse(fs.readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as PackageManifest;
  } catch {
    return {};
  }
}

/**
 * What reports say about the tool. Links (the project's home, each rule's page) come from
 * the `repository` of package.json and are left out while it is unset; the help itself is
 * read from the docs shipped with the package.
 */
export function toolInfo(packageRoot: string, docsDir: string): ToolInfo {
  const pkg = readPackageJson(packageRoot);
  const links = projectLinks(pkg);
  return {
    version: pkg.version ?? '0.0.0',
    informationUri: links.home,
    helpUri: (id) => links.rulePage(id),
    readDoc: (id) => readTextFile(path.join(docsDir, `${id}.md`), 1024 * 1024),
  };
}
