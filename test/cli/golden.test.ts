import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'url';
import { FIXTURES, REPO_ROOT, golden, run } from './harness';

/**
 * Golden outputs: the real CLI on fixture folders, compared with test/cli/golden/.
 * Machine-specific parts are normalised: absolute paths and file URIs of the fixtures and
 * the package, the tool version, and rule help texts taken from docs/rules/*.md (those
 * pages change on their own; their use is tested in sarif.test.ts).
 * `UPDATE_GOLDEN=1 npm test` rewrites the files.
 */

const VERSION = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

function normalise(text: string): string {
  const fixturesUri = pathToFileURL(FIXTURES).href;
  const rootUri = pathToFileURL(REPO_ROOT).href;
  return text
    .split(fixturesUri)
    .join('file:///FIXTURES')
    .split(rootUri)
    .join('file:///PACKAGE')
    .split(FIXTURES)
    .join('<FIXTURES>')
    .split(REPO_ROOT)
    .join('<PACKAGE>');
}

interface SarifRule {
  id: string;
  fullDescription: { text: string };
  help: { text: string; markdown?: string };
}

function normaliseSarif(text: string): string {
  const log = JSON.parse(normalise(text)) as {
    runs: { tool: { driver: { version: string; semanticVersion: string; rules: SarifRule[] } } }[];
  };
  for (const runItem of log.runs) {
    const driver = runItem.tool.driver;
    driver.version = driver.version === VERSION ? '<version>' : driver.version;
    driver.semanticVersion = driver.semanticVersion === VERSION ? '<version>' : driver.semanticVersion;
    for (const rule of driver.rules) {
      if (!fs.existsSync(path.join(REPO_ROOT, 'docs', 'rules', `${rule.id}.md`))) continue;
      rule.fullDescription = { text: `<first paragraph of docs/rules/${rule.id}.md>` };
      rule.help = { text: `<docs/rules/${rule.id}.md>`, markdown: `<docs/rules/${rule.id}.md>` };
    }
  }
  return JSON.stringify(log, null, 2) + '\n';
}

const FINDINGS_ARGS = ['findings', 'plan/compact', '--report-unused-ignores'];

const CASES: { name: string; argv: string[]; code: number; sarif?: boolean }[] = [
  { name: 'findings.text.txt', argv: ['check', ...FINDINGS_ARGS], code: 2 },
  { name: 'findings.compact.txt', argv: ['check', ...FINDINGS_ARGS, '--format', 'compact'], code: 2 },
  { name: 'findings.json', argv: ['check', ...FINDINGS_ARGS, '--format', 'json'], code: 2 },
  { name: 'findings.sarif', argv: ['check', ...FINDINGS_ARGS, '--format', 'sarif'], code: 2, sarif: true },
  { name: 'findings.junit.xml', argv: ['check', ...FINDINGS_ARGS, '--format', 'junit'], code: 2 },
  { name: 'findings.checkstyle.xml', argv: ['check', ...FINDINGS_ARGS, '--format', 'checkstyle'], code: 2 },
  { name: 'clean.text.txt', argv: ['check', 'clean', 'plan/clean'], code: 0 },
  { name: 'clean.sarif', argv: ['check', 'clean', '--format', 'sarif'], code: 0, sarif: true },
  { name: 'clean.junit.xml', argv: ['check', 'clean', '--format', 'junit'], code: 0 },
  { name: 'config.text.txt', argv: ['check', 'config'], code: 2 },
  { name: 'plan.text.txt', argv: ['check', 'plan'], code: 2 },
  { name: 'plan.sarif', argv: ['check', 'plan/pretty', '--format', 'sarif'], code: 2, sarif: true },
  { name: 'fix-dry-run.diff', argv: ['check', 'findings', '--fix', '--dry-run', '--report-unused-ignores'], code: 2 },
];

describe('golden outputs', () => {
  for (const c of CASES) {
    it(`${c.argv.join(' ')} → ${c.name}`, async () => {
      const result = await run(c.argv);
      assert.equal(result.code, c.code, `exit code; stderr: ${result.stderr}`);
      const output = c.sarif ? normaliseSarif(result.stdout) : normalise(result.stdout);
      const { expected, actual } = golden(c.name, output);
      assert.equal(actual, expected);
    });
  }
});
