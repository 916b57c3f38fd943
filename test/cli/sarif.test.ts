import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { RULES } from '../../server/src/rules';
import { PSEUDO_RULES } from '../../server/src/core/pseudoRules';
import { FIXTURES, REPO_ROOT, run, tempTree } from './harness';

/**
 * SARIF output validated against the official SARIF 2.1.0 schema (errata01, shipped in
 * fixtures/sarif-schema-2.1.0.json verbatim from oasis-tcs/sarif-spec; it is written as
 * draft-04, whose keywords it uses are the same in draft-07, so only its header is adapted).
 */
function sarifValidator() {
  const schema = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'sarif-schema-2.1.0.json'), 'utf8')) as Record<string, unknown>;
  schema.$schema = 'http://json-schema.org/draft-07/schema#';
  schema.$id = schema.id;
  delete schema.id;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

interface SarifLog {
  runs: {
    tool: {
      driver: {
        rules: {
          id: string;
          helpUri?: string;
          help: { text: string; markdown?: string };
          fullDescription: { text: string };
          defaultConfiguration: { level: string };
        }[];
      };
    };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      locations: {
        physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number } };
      }[];
      relatedLocations?: unknown[];
      fixes?: { artifactChanges: { replacements: { deletedRegion: unknown; insertedContent: { text: string } }[] }[] }[];
    }[];
  }[];
}

describe('SARIF', () => {
  const validate = sarifValidator();

  for (const argv of [['findings', 'plan/compact', '--report-unused-ignores'], ['clean'], ['plan/pretty'], ['config']]) {
    it(`is valid SARIF 2.1.0: check ${argv.join(' ')}`, async () => {
      const result = await run(['check', ...argv, '--format', 'sarif']);
      const log: unknown = JSON.parse(result.stdout);
      const valid = validate(log);
      assert.ok(valid, JSON.stringify(validate.errors, null, 2));
    });
  }

  it('lists every rule with its default level, and results point at them', async () => {
    const result = await run(['check', 'findings', '--format', 'sarif']);
    const log = JSON.parse(result.stdout) as SarifLog;
    const [sarifRun] = log.runs;
    const rules = sarifRun.tool.driver.rules;
    for (const rule of RULES) {
      const entry = rules.find((r) => r.id === rule.meta.id);
      assert.ok(entry, rule.meta.id);
      assert.equal(entry.defaultConfiguration.level, rule.meta.defaultSeverity === 'information' ? 'note' : rule.meta.defaultSeverity);
    }
    for (const r of sarifRun.results) assert.equal(rules[r.ruleIndex].id, r.ruleId);
    const alwaysOn = sarifRun.results.find((r) => r.ruleId === 'client-ip-always-on');
    assert.ok(alwaysOn);
    const location = alwaysOn.locations[0].physicalLocation;
    assert.deepEqual(location.artifactLocation, { uri: 'findings/huawei-dedicated/main.tf', uriBaseId: '%SRCROOT%' });
    assert.equal(location.region.startLine, 14);
    assert.equal(location.region.startColumn, 3);
    assert.ok(alwaysOn.relatedLocations && alwaysOn.relatedLocations.length > 0);
    const replacement = alwaysOn.fixes?.[0].artifactChanges[0].replacements[0];
    assert.ok(replacement, 'the fix is carried as a replacement');
  });

  it('shortDescription is the one-line summary of each rule, at most 100 characters (what code-scanning lists show)', async () => {
    const summaries = [...RULES.map((r) => [r.meta.id, r.meta.summary]), ...PSEUDO_RULES.map((r) => [r.id, r.summary])];
    for (const [id, summary] of summaries) assert.ok(summary.length <= 100, `${id}: ${summary.length} characters: ${summary}`);
    const result = await run(['check', 'findings', '--format', 'sarif']);
    const rules = (JSON.parse(result.stdout) as SarifLog).runs[0].tool.driver.rules as unknown as {
      id: string;
      shortDescription: { text: string };
    }[];
    assert.ok(rules.length > 0);
    for (const rule of rules)
      assert.equal(rule.shortDescription.text, new Map(summaries.map(([id, text]) => [id, text])).get(rule.id), rule.id);
  });

  it('with no repository in package.json: no link at all (no helpUri, no informationUri, no file: URL); the help is in the log', async () => {
    const result = await run(['check', 'findings', '--format', 'sarif', '--report-unused-ignores']);
    const log = JSON.parse(result.stdout) as SarifLog & { runs: { tool: { driver: { informationUri?: string } } }[] };
    assert.ok(validate(log), JSON.stringify(validate.errors));
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.informationUri, undefined);
    for (const rule of driver.rules) {
      assert.equal(rule.helpUri, undefined, `${rule.id}: helpUri`);
      assert.ok((rule.help.markdown ?? '').length > 0, `${rule.id}: help.markdown`);
    }
    assert.ok(
      driver.rules.some((r) => r.id === 'unused-ignore'),
      'the suppression findings are listed when they occur',
    );
    // Nothing of the machine that ran the check: its checkout would be useless in code scanning.
    assert.doesNotMatch(result.stdout, /file:\/\//);
    assert.doesNotMatch(result.stdout, new RegExp(REPO_ROOT.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    // Every URI the log carries (the findings' messages quote the fixtures, URLs included).
    const uris: string[] = [];
    const collect = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(collect);
      else if (typeof value === 'object' && value !== null) {
        for (const [key, inner] of Object.entries(value)) {
          if (/uri$/i.test(key) && typeof inner === 'string') uris.push(inner);
          else collect(inner);
        }
      }
    };
    collect(log);
    assert.deepEqual(
      uris.filter((u) => /^[a-z][a-z0-9+.-]*:/i.test(u)),
      [],
      'every URI is relative to %SRCROOT%',
    );
  });

  it('with a repository in package.json: https links to the rule pages derived from it; help from docs/rules/<id>.md', async () => {
    const root = tempTree({
      'package.json': JSON.stringify({
        name: 'elb-lens',
        version: '9.9.9',
        repository: { type: 'git', url: 'git+https://github.com/example/elb-lens.git' },
      }),
      'docs/rules/client-ip-always-on.md':
        '# client-ip-always-on\n\nFires when `transparent_client_ip_enable` is **false** on a listener that [always](x) transfers the client IP.\n\n## Example\n',
    });
    try {
      const result = await run(['check', 'findings', '--format', 'sarif', '--report-unused-ignores'], { packageRoot: root });
      const log = JSON.parse(result.stdout) as SarifLog & { runs: { tool: { driver: { version: string; informationUri?: string } } }[] };
      assert.ok(validate(log), JSON.stringify(validate.errors));
      const driver = log.runs[0].tool.driver;
      assert.equal(driver.informationUri, 'https://github.com/example/elb-lens');
      const rule = driver.rules.find((r) => r.id === 'client-ip-always-on');
      assert.ok(rule);
      assert.equal(rule.helpUri, 'https://github.com/example/elb-lens/blob/HEAD/docs/rules/client-ip-always-on.md');
      assert.match(rule.help.markdown ?? '', /^# client-ip-always-on/);
      assert.equal(
        rule.fullDescription.text,
        'Fires when transparent_client_ip_enable is false on a listener that always transfers the client IP.',
      );
      assert.equal(driver.version, '9.9.9');
      for (const r of driver.rules)
        assert.match(r.helpUri ?? '', /^https:\/\/github\.com\/example\/elb-lens\/blob\/HEAD\/docs\/rules\//, r.id);
      const unused = driver.rules.find((r) => r.id === 'unused-ignore');
      assert.equal(unused?.helpUri, 'https://github.com/example/elb-lens/blob/HEAD/docs/rules/README.md#severities-and-suppressions');
      assert.doesNotMatch(result.stdout, /file:\/\//);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('writes plan findings with the plan file as the artifact and no fixes', async () => {
    const result = await run(['check', 'plan/pretty', '--format', 'sarif']);
    const log = JSON.parse(result.stdout) as SarifLog;
    const results = log.runs[0].results;
    assert.ok(results.length > 0);
    for (const r of results) {
      assert.equal(r.locations[0].physicalLocation.artifactLocation.uri, 'plan/pretty/plan.json');
      assert.equal(r.fixes, undefined);
    }
  });
});
