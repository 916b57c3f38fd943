// Runs the compiled tests (build/test/**/*.test.js) with node's test runner: only the test
// files, not the helper modules beside them (helpers.js, cli/harness.js, ...), which
// `node --test build/test/` would run as tests too. Node 20 expands no globs itself, so the
// files are listed here and passed by name.
//
//   node test/run.mjs [--test-runner-option ...] [filter ...]
//
// A filter keeps the test files whose path (relative to build/test) contains it, e.g.
// `node test/run.mjs corpus rules/`. Arguments that start with `-` go to node itself.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUILD = path.join(ROOT, 'build', 'test');

const options = process.argv.slice(2).filter((a) => a.startsWith('-'));
const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));

if (!fs.existsSync(BUILD)) {
  console.error(`no compiled tests in ${path.relative(ROOT, BUILD)}: run npm run build first`);
  process.exit(1);
}

const files = fs
  .readdirSync(BUILD, { recursive: true })
  .map((name) => name.split(path.sep).join('/'))
  .filter((name) => name.endsWith('.test.js'))
  // tsc -b never deletes output: a compiled test whose source is gone is not a test any more.
  .filter((name) => fs.existsSync(path.join(ROOT, 'test', name.replace(/\.js$/, '.ts'))))
  .filter((name) => filters.length === 0 || filters.some((f) => name.includes(f)))
  .sort();

if (files.length === 0) {
  console.error(`no test file in ${path.relative(ROOT, BUILD)} matches ${filters.join(', ') || '*.test.js'}`);
  process.exit(1);
}

const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...options, ...files.map((f) => path.join(BUILD, f))], {
  cwd: ROOT,
  stdio: 'inherit',
});
if (result.error) throw result.error;
process.exit(result.status ?? 1);
