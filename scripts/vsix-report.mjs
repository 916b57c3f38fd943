// After `vsce package`: lists what the VSIX holds besides the bundles (docs, images,
// schemas, …) and fails when it is 2 MB or more, or when a page or image the README, the
// walkthrough or the manifest points at is not in it (the Extensions view shows the
// README from the VSIX: a missing image is a broken picture there).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MAX_BYTES = 2 * 1024 * 1024;
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const vsix = path.join(ROOT, `${pkg.name}-${pkg.version}.vsix`);

/** Names and sizes of a zip's entries, from its central directory. */
export function zipEntries(buffer) {
  let end = buffer.length - 22;
  while (end >= 0 && buffer.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip file (no end of central directory)');
  const count = buffer.readUInt16LE(end + 10);
  let offset = buffer.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (buffer.readUInt32LE(offset) !== 0x02014b50) throw new Error(`bad central directory entry ${i}`);
    const size = buffer.readUInt32LE(offset + 24);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    entries.push({ name: buffer.toString('utf8', offset + 46, offset + 46 + nameLength), size });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Files of the package a text links to (relative links and images only; not the repository's other folders). */
function linkedFiles(file, text) {
  const dir = path.dirname(file);
  return [...text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)]
    .map((m) => m[1])
    .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target))
    .map((target) => path.relative(ROOT, path.resolve(dir, target)).split(path.sep).join('/'));
}

const size = fs.statSync(vsix).size;
const entries = zipEntries(fs.readFileSync(vsix));
const names = new Set(entries.filter((e) => e.name.startsWith('extension/')).map((e) => e.name.slice('extension/'.length)));
const shown = [...names].filter((n) => !/^(client|server)\/out\//.test(n)).sort();
process.stdout.write(`${path.basename(vsix)}: ${(size / 1024).toFixed(0)} KB, ${names.size} files\n`);
for (const name of shown) process.stdout.write(`  ${name}\n`);

const problems = [];
if (size >= MAX_BYTES) problems.push(`the VSIX is ${(size / 1024 / 1024).toFixed(2)} MB (the limit is 2 MB)`);
const required = new Set(['README.md', 'CHANGELOG.md', 'LICENSE', 'docs/elb-api-json.md', pkg.icon]);
const walkthroughMedia = (pkg.contributes.walkthroughs ?? []).flatMap((w) => w.steps.map((s) => s.media.markdown ?? s.media.image));
for (const file of ['README.md', 'docs/rules/README.md', ...walkthroughMedia]) {
  required.add(file);
  for (const target of linkedFiles(path.join(ROOT, file), fs.readFileSync(path.join(ROOT, file), 'utf8'))) {
    if (target.startsWith('docs/') || target.startsWith('images/') || target.startsWith('schemas/')) required.add(target);
  }
}
// vsce stores these three under its own names.
const RENAMED = { 'README.md': 'readme.md', 'CHANGELOG.md': 'changelog.md', LICENSE: 'LICENSE.txt' };
for (const name of [...required].filter(Boolean).sort()) {
  const stored = RENAMED[name] ?? name;
  const isFolder = !path.extname(stored);
  if (!(isFolder ? [...names].some((n) => n.startsWith(`${stored}/`)) : names.has(stored))) problems.push(`${name} is not in the VSIX`);
}
if (problems.length > 0) {
  for (const p of problems) process.stderr.write(`vsix-report: ${p}\n`);
  process.exit(1);
}
process.stdout.write(`vsix-report: every page and image the README and the walkthrough link is inside; under 2 MB\n`);
