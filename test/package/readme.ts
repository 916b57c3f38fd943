import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './install';

/**
 * The code block after `<!-- snippet: NAME -->` in README.md: what a user copies. Tests run
 * these, so the README cannot drift from what works.
 */
export function readmeSnippet(name: string): string {
  const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const match = new RegExp(
    `<!-- snippet: ${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} -->\\n\`\`\`[a-z]*\\n([\\s\\S]*?)^\`\`\`$`,
    'm',
  ).exec(readme);
  if (!match) throw new Error(`README.md has no snippet "${name}" (a code block after <!-- snippet: ${name} -->)`);
  return match[1];
}
