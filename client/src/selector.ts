// Which documents the VS Code client sends to the language server. Pure (no `vscode`
// import), so the unit tests check it too (test/client/selector.test.ts).

/** Terraform languages: every document of them, saved or untitled. */
export const TERRAFORM_LANGUAGES: readonly string[] = ['terraform', 'terraform-vars'];

/**
 * JSON documents the server always takes: Terraform JSON, its variables, and ELB API JSON
 * by the default names. Any other JSON document is sent only when a `json.files` glob
 * (setting or `.elb-lens.json`) names it: package.json, tsconfig.json and settings never are.
 */
export const JSON_FILE_GLOBS: readonly string[] = ['**/*.tf.json', '**/*.tofu.json', '**/*.tfvars.json', '**/*.elb.json', '**/*.elb.jsonc'];

/**
 * OpenTofu files, whatever language the editor gives them (plain text without an OpenTofu
 * extension, `opentofu` with one): OpenTofu reads them in place of the `.tf` of the same name.
 */
export const OPENTOFU_FILE_GLOB = '**/*.tofu';

/** The provider lock file: its versions decide which arguments exist. */
export const LOCK_FILE_GLOB = '**/.terraform.lock.hcl';

/** `json.files` globs and the folder they are relative to (a workspace folder, or a `.elb-lens.json`'s folder). */
export interface JsonFilesScope {
  /** Absolute path. */
  base: string;
  globs: readonly string[];
}

export interface DocumentFilter {
  scheme: string;
  language?: string;
  pattern?: string;
}

/**
 * A `json.files` glob as an absolute VS Code glob. A glob without a `/` matches at any
 * depth, as everywhere in ELB Lens (config/glob.ts).
 */
export function absoluteGlob(base: string, glob: string): string | undefined {
  let pattern = glob.trim().replace(/\\/g, '/');
  if (pattern.startsWith('./')) pattern = pattern.slice(2);
  if (pattern.startsWith('/')) pattern = pattern.slice(1);
  if (pattern.endsWith('/')) pattern = pattern.slice(0, -1);
  if (pattern === '') return undefined;
  const root = base.replace(/\\/g, '/').replace(/\/+$/, '');
  return `${root}/${pattern.includes('/') ? pattern : `**/${pattern}`}`;
}

/**
 * The filters for documents of `schemes` (file: on the desktop; in a browser the workspace's
 * schemes too) and untitled ones.
 */
export function documentSelector(scopes: readonly JsonFilesScope[], schemes: readonly string[] = ['file']): DocumentFilter[] {
  const filters: DocumentFilter[] = [];
  const each = (filter: Omit<DocumentFilter, 'scheme'>) => schemes.map((scheme) => ({ scheme, ...filter }));
  for (const language of TERRAFORM_LANGUAGES) filters.push(...each({ language }), { scheme: 'untitled', language });
  // Kubernetes manifests: the server keeps only Services with ELB annotations (by content).
  filters.push(...each({ language: 'yaml' }), { scheme: 'untitled', language: 'yaml' });
  const patterns = new Set<string>(JSON_FILE_GLOBS);
  for (const scope of scopes) {
    for (const glob of scope.globs) {
      const pattern = absoluteGlob(scope.base, glob);
      // The defaults (**/*.elb.json) are covered at any depth already.
      if (!pattern || JSON_FILE_GLOBS.some((g) => pattern.endsWith(`/${g}`))) continue;
      // A glob that names a folder names the files under it (config/glob.ts).
      patterns.add(pattern);
      patterns.add(`${pattern}/**`);
    }
  }
  // Whatever language the editor gives it: a lock file that cannot be read is reported on it.
  filters.push(...each({ pattern: LOCK_FILE_GLOB }));
  filters.push(...each({ pattern: OPENTOFU_FILE_GLOB }));
  for (const pattern of patterns) filters.push(...each({ pattern }));
  return filters;
}

/** `json.files` of a parsed `.elb-lens.json` (anything else: none). */
export function configJsonFiles(config: unknown): string[] {
  if (typeof config !== 'object' || config === null) return [];
  const json = (config as { json?: unknown }).json;
  if (typeof json !== 'object' || json === null) return [];
  const files = (json as { files?: unknown }).files;
  return Array.isArray(files) ? files.filter((f): f is string => typeof f === 'string') : [];
}
