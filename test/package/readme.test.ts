import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from './install';
import { readmeSnippet } from './readme';

const README = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');

/** The tables and keys of a TOML file, for the subset languages.toml snippets use: [table], [[array]], key = "s" | ["s", …]. */
function parseTomlSubset(text: string): {
  tables: Record<string, Record<string, unknown>>;
  arrays: Record<string, Record<string, unknown>[]>;
} {
  const tables: Record<string, Record<string, unknown>> = {};
  const arrays: Record<string, Record<string, unknown>[]> = {};
  let current: Record<string, unknown> | undefined;
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.replace(/\s+#.*$/, '').trim();
    if (line === '' || line.startsWith('#')) continue;
    let match: RegExpExecArray | null;
    if ((match = /^\[\[([\w.-]+)\]\]$/.exec(line))) (arrays[match[1]] ??= []).push((current = {}));
    else if ((match = /^\[([\w.-]+)\]$/.exec(line))) current = tables[match[1]] = {};
    else if ((match = /^([\w-]+)\s*=\s*(.+)$/.exec(line)) && current) current[match[1]] = JSON.parse(match[2]) as unknown;
    else throw new Error(`line ${index + 1} is not TOML this test reads: ${raw}`);
  }
  return { tables, arrays };
}

test("README's Helix snippet: a language server elb-lens-server --stdio, added to Helix's Terraform languages", () => {
  const toml = parseTomlSubset(readmeSnippet('helix'));
  assert.deepEqual(toml.tables['language-server.elb-lens'], { command: 'elb-lens-server', args: ['--stdio'] });
  const languages = toml.arrays.language ?? [];
  // Helix's names: hcl (.tf, .hcl) and tfvars.
  assert.deepEqual(languages.map((l) => l.name).sort(), ['hcl', 'tfvars']);
  for (const language of languages) {
    const servers = language['language-servers'] as string[];
    assert.ok(servers.includes('elb-lens'), `${String(language.name)} uses elb-lens`);
    assert.ok(servers.includes('terraform-ls'), `${String(language.name)} keeps terraform-ls (the list replaces Helix's own)`);
  }
});

test('no text of the repository tells anyone to run npx elb-lens without --no-install', () => {
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: REPO_ROOT, encoding: 'utf8' })
    .split('\n')
    .filter((f) => f !== '' && !f.startsWith('dist/') && f !== 'package-lock.json' && f !== 'test/package/readme.test.ts')
    .filter((f) => fs.existsSync(path.join(REPO_ROOT, f)));
  // npx (or npm exec) with any options but --no-install, then one of our commands, also as a JSON or Lisp list.
  const fetching = /\b(npx|npm exec)\b((?:["',\s]+(?!--no-install\b)-[\w-]+(?:=\S+)?)*)["',\s]+(elb-lens(-server)?)\b/;
  const found: string[] = [];
  for (const file of files) {
    const text = fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');
    for (const [index, line] of text.split('\n').entries()) if (fetching.test(line)) found.push(`${file}:${index + 1}: ${line.trim()}`);
  }
  assert.deepEqual(found, []);
  // The pattern does catch what it must (so that the check above can fail).
  for (const line of [
    'npx elb-lens check',
    "cmd = { 'npx', 'elb-lens-server', '--stdio' }",
    '("npx" "elb-lens-server")',
    'npx -y elb-lens',
    'npm exec elb-lens',
  ])
    assert.match(line, fetching, line);
  assert.doesNotMatch('npx --no-install elb-lens check', fetching);
});

test("README gives the two fresh-machine commands, and .ci/run runs README's test command", () => {
  const block = /On a fresh machine with Node\.js 20[^\n]*\n\n```sh\n([\s\S]*?)```/.exec(README);
  assert.ok(block, 'README has the fresh-machine block');
  const commands = block[1]
    .trim()
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim());
  assert.deepEqual(commands, ['npm ci && npm start', 'npm run test:all']);
  const run = fs
    .readFileSync(path.join(REPO_ROOT, '.ci', 'run'), 'utf8')
    .trim()
    .split('\n');
  assert.equal(run[run.length - 1], commands[1], ".ci/run ends with README's test command");
  assert.ok(run.includes('npm ci --no-audit --no-fund'), '.ci/run installs first');
  const scripts = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
    .scripts;
  assert.match(scripts.start, /elb-lens(\.js)? check examples\//, 'npm start runs the check on the bundled examples');
});

test('README is for users first: what it is, install, use, configuration, rules; development last', () => {
  const headings = [...README.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
  assert.deepEqual(headings, ['Install', 'Use', 'Configuration', 'Rules', 'Developing']);
  const intro = README.slice(0, README.indexOf('## Install'));
  assert.match(intro, /!\[[^\]]+\]\(docs\/images\/[\w-]+\.png\)/, 'a picture before the install instructions');
  assert.match(intro, /npm package \*\*`elb-lens`\*\*/, 'the names it is published under');
  for (const word of [
    'code --install-extension',
    'npm install --save-dev elb-lens',
    'uses: OWNER/elb-lens@',
    '- id: elb-lens',
    'codequality',
  ])
    assert.ok(README.includes(word), word);
  assert.doesNotMatch(README, /corpus:baseline|npm run bench/, 'testing, the corpus and the bench are in CONTRIBUTING.md');
});
