import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { ConfigError, ConfigResolver, parseConfig, toAnalysisOptions } from '../../server/src/project/configFile';
import { knownRuleIds } from '../../server/src/project/configValues';
import { matchesAnyGlob } from '../../server/src/core/globs';
import { CONFIG_FILE_NAME } from '../../server/src/core/options';
import { configure, excludes } from '../../server/src/project';
import { LATE_LISTENERS_JSON, LOAD_BALANCER_JSON } from '../elbjson/util';
import { FIXTURES, REPO_ROOT, run, tempTree } from './harness';

const SCHEMA_FILE = path.join(REPO_ROOT, 'schemas', 'elb-lens-config.schema.json');

function schemaValidator() {
  const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
  return ajv.compile(JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as object);
}

function configError(text: string): ConfigError {
  try {
    parseConfig('/project/.elb-lens.json', text);
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error;
  }
  assert.fail('expected a ConfigError');
}

describe('.elb-lens.json loader', () => {
  it('reads every key, resolving paths against the file', () => {
    const config = parseConfig(
      '/project/.elb-lens.json',
      JSON.stringify({
        $schema: './schemas/elb-lens-config.schema.json',
        rules: { 'client-ip-shared-l4-off': 'off', 'client-ip-ip-backend': 'error', 'unused-ignore': 'warning' },
        exclude: ['legacy/**'],
        varFiles: ['env/prod.tfvars'],
        variables: { protocol: 'TCP', ports: [80, 443] },
        json: { files: ['api/*.json'] },
        allowInlineIgnores: false,
      }),
    );
    assert.deepEqual(config.rules, { 'client-ip-shared-l4-off': 'off', 'client-ip-ip-backend': 'error', 'unused-ignore': 'warning' });
    assert.deepEqual(config.exclude, ['legacy/**']);
    assert.deepEqual(config.varFiles, [path.resolve('/project/env/prod.tfvars')]);
    assert.deepEqual(config.variables, { protocol: 'TCP', ports: [80, 443] });
    assert.deepEqual(config.jsonFiles, ['api/*.json']);
    assert.equal(config.allowInlineIgnores, false);
  });

  it('keeps the defaults for keys not written; comments and trailing commas are accepted', () => {
    const config = parseConfig('/p/.elb-lens.json', '{\n  // nothing yet\n  "rules": {},\n}\n');
    assert.equal(config.allowInlineIgnores, true);
    assert.deepEqual(config.jsonFiles, ['**/*.elb.json', '**/*.elb.jsonc']);
    assert.deepEqual(config.exclude, []);
  });

  it('points at the key of each mistake (file:line:col)', () => {
    const cases: [string, string, RegExp][] = [
      ['{\n  "rules": {\n    "client-ip-allways-on": "warning"\n  }\n}', '3:5', /rules\.client-ip-allways-on: unknown rule id/],
      ['{\n  "rules": {\n    "client-ip-ip-backend": "fatal"\n  }\n}', '3:29', /severity must be one of .* got "fatal"/],
      ['{\n  "rules": {\n    "client-ip-ip-backend": false\n  }\n}', '3:29', /got false/],
      ['{\n  "exclude": "legacy/**"\n}', '2:14', /exclude: must be an array of strings/],
      ['{\n  "exclude": ["ok", 3]\n}', '2:21', /exclude\[1\]: must be a non-empty string/],
      ['{\n  "varFiles": [""]\n}', '2:16', /varFiles\[0\]/],
      ['{\n  "allowInlineIgnores": "no"\n}', '2:25', /allowInlineIgnores: must be true or false/],
      ['{\n  "variables": []\n}', '2:16', /variables: must be an object/],
      ['{\n  "json": { "file": [] }\n}', '2:13', /json\.file: unknown key/],
      ['{\n  "rule": {}\n}', '2:3', /rule: unknown key/],
      ['{\n  "rules": {},\n  "rules": {}\n}', '3:3', /rules: duplicate key/],
      ['{\n  "rules": {\n    "client-ip-always-on": "error",\n  }\n  "exclude": []\n}', '5:3', /invalid JSON: comma expected/],
      ['[]', '1:1', /must be a JSON object/],
      ['', '1:1', /invalid JSON|must be a JSON object/],
    ];
    for (const [text, where, message] of cases) {
      const error = configError(text);
      assert.equal(`${error.line}:${error.column}`, where, `${text} → ${error.message}`);
      assert.match(error.message, message);
      assert.ok(error.message.startsWith(`/project/.elb-lens.json:${where}: `), error.message);
    }
  });

  it('finds the nearest file walking up, caches it, and honours an explicit file', () => {
    const dir = tempTree({
      [CONFIG_FILE_NAME]: '{ "rules": { "client-ip-ip-backend": "off" } }',
      'a/b/main.tf': '',
      [`c/${CONFIG_FILE_NAME}`]: '{ "allowInlineIgnores": false }',
      'c/d/main.tf': '',
      'other.json': '{ "exclude": ["x"] }',
    });
    try {
      let reads = 0;
      const read = (file: string) => {
        reads++;
        return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
      };
      const resolver = new ConfigResolver(read);
      assert.equal(resolver.forFile(path.join(dir, 'a/b/main.tf')).rules['client-ip-ip-backend'], 'off');
      const nested = resolver.forFile(path.join(dir, 'c/d/main.tf'));
      assert.equal(nested.allowInlineIgnores, false);
      assert.deepEqual(nested.rules, {}, 'files are not merged: the nearest one applies');
      const before = reads;
      resolver.forFile(path.join(dir, 'a/b/main.tf'));
      assert.equal(reads, before, 'cached');
      const explicit = new ConfigResolver(read, { configFile: path.join(dir, 'other.json') });
      assert.deepEqual(explicit.forFile(path.join(dir, 'c/d/main.tf')).exclude, ['x']);
      assert.throws(() => new ConfigResolver(read, { configFile: path.join(dir, 'missing.json') }), ConfigError);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('merges host options over the file: --var over variables, --var-file after varFiles', () => {
    const config = parseConfig(
      '/p/.elb-lens.json',
      '{ "variables": { "a": "1", "b": "1" }, "varFiles": ["x.tfvars"], "rules": { "client-ip-ip-backend": "off" } }',
    );
    const options = toAnalysisOptions(config, { variables: { b: '2' }, varFiles: ['/y.tfvars'], reportUnusedIgnores: true });
    assert.deepEqual(options.variables, { a: '1', b: '2' });
    assert.deepEqual(options.varFiles, [path.resolve('/p/x.tfvars'), '/y.tfvars']);
    assert.deepEqual(options.rules, { 'client-ip-ip-backend': 'off' });
    assert.equal(options.allowInlineIgnores, true);
    assert.equal(options.reportUnusedIgnores, true);
  });
});

describe('globs', () => {
  it('matches like .gitignore patterns', () => {
    const yes: [string, string][] = [
      ['legacy/**', 'legacy/main.tf'],
      ['legacy', 'legacy/a/main.tf'],
      ['legacy', 'x/legacy/main.tf'],
      ['*.generated.tf', 'a/b/c.generated.tf'],
      ['**/*.elb.json', 'listeners.elb.json'],
      ['**/*.elb.json', 'a/b/listeners.elb.json'],
      ['modules/*/old.tf', 'modules/x/old.tf'],
      ['api/{listeners,pools}.json', 'api/pools.json'],
      ['./env/**', 'env/prod/main.tf'],
      ['file?.tf', 'file1.tf'],
      ['[ab].tf', 'b.tf'],
      ['[!ab].tf', 'c.tf'],
      ['a/**/b', 'a/b'],
      ['a/**/b', 'a/x/y/b'],
      ['a/**', 'a/x/y'],
      ['**', 'x/y'],
      ['x{a,b{c,d}}y.tf', 'xbdy.tf'],
      ['*a*a*a*', 'xaxaxa'],
    ];
    const no: [string, string][] = [
      ['legacy/**', 'app/legacy.tf'],
      ['modules/*/old.tf', 'modules/x/y/old.tf'],
      ['*.generated.tf', 'a/generated.tf'],
      ['api/{listeners,pools}.json', 'api/members.json'],
      ['legacy', '../legacy/main.tf'],
      ['[!ab].tf', 'a.tf'],
      ['a/**/b', 'a/xb'],
      ['?.tf', '/.tf'],
      ['x{a,b{c,d}}y.tf', 'xby.tf'],
    ];
    for (const [glob, file] of yes) assert.ok(matchesAnyGlob(file, [glob]), `${glob} should match ${file}`);
    for (const [glob, file] of no) assert.ok(!matchesAnyGlob(file, [glob]), `${glob} should not match ${file}`);
  });

  it('a pattern of many stars is matched in linear time (a backtracking regular expression took 27 s)', () => {
    const glob = `${'*a'.repeat(40)}*b`;
    const file = 'a'.repeat(5000);
    const started = performance.now();
    assert.equal(matchesAnyGlob(file, [glob]), false);
    assert.equal(matchesAnyGlob(`${file}b`, [glob]), true);
    // Generous: the point is "not exponential" (the bench has the number).
    assert.ok(performance.now() - started < 2000, `${performance.now() - started} ms`);
  });

  it('excludes relative to the configuration file', () => {
    const config = configure({ config: parseConfig('/repo/infra/.elb-lens.json', '{ "exclude": ["legacy/**"] }') });
    assert.ok(excludes(config, '/repo/infra/legacy/main.tf'));
    assert.ok(!excludes(config, '/repo/legacy/main.tf'));
    assert.ok(!excludes(config, '/repo/infra/app/main.tf'));
  });
});

describe('configuration JSON schema', () => {
  const validate = schemaValidator();

  it('names exactly the rule ids the loader accepts', () => {
    const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as { properties: { rules: { properties: Record<string, unknown> } } };
    assert.deepEqual(Object.keys(schema.properties.rules.properties).sort(), knownRuleIds().sort());
  });

  it('agrees with the loader on the fixtures', () => {
    const strip = (text: string) => text.replace(/^\s*\/\/.*$/gm, '');
    const good = strip(fs.readFileSync(path.join(FIXTURES, 'config', CONFIG_FILE_NAME), 'utf8'));
    assert.ok(validate(JSON.parse(good)), JSON.stringify(validate.errors));
    for (const name of ['unknown-rule', 'bad-severity', 'wrong-type']) {
      const text = fs.readFileSync(path.join(FIXTURES, 'bad-config', name, CONFIG_FILE_NAME), 'utf8');
      assert.equal(validate(JSON.parse(text)), false, `${name} is invalid for the schema too`);
      assert.throws(() => parseConfig(`/x/${CONFIG_FILE_NAME}`, text), ConfigError);
    }
  });
});

describe('configuration in the CLI', () => {
  it('applies severities, exclude, variables and allowInlineIgnores from the nearest file', async () => {
    const result = await run(['check', 'config', '--format', 'compact']);
    assert.equal(result.code, 2);
    const lines = result.stdout.trim().split('\n');
    assert.ok(!lines.some((l) => l.includes('legacy/')), 'legacy/ is excluded');
    assert.ok(!lines.some((l) => l.includes('client-ip-ineffective-option')), 'switched off');
    assert.ok(
      lines.some((l) => l.includes('error [client-ip-shared-l4-off]')),
      'raised to error, and not suppressed inline',
    );
    assert.ok(
      lines.some((l) => l.startsWith('config/app/main.tf:14:1: warning [inline-ignore]')),
      'the ignore comment itself is reported',
    );
    assert.ok(!lines.some((l) => l.includes('huaweicloud_lb_listener.tcp')), 'variables: transfer_client_ip = "true"');
  });

  it('--config replaces the nearest file', async () => {
    const dir = tempTree({ 'strict.json': '{ "rules": { "client-ip-shared-l4-off": "off", "client-ip-ip-backend": "off" } }' });
    try {
      const result = await run(['check', 'findings', '--config', path.join(dir, 'strict.json'), '--format', 'compact']);
      assert.ok(!result.stdout.includes('client-ip-shared-l4-off'));
      assert.ok(!result.stdout.includes('client-ip-ip-backend'));
      assert.ok(result.stdout.includes('client-ip-always-on'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports an invalid file with its position and exits 1', async () => {
    const expected: Record<string, string> = {
      'bad-json': 'bad-config/bad-json/.elb-lens.json:5:3: invalid JSON: comma expected',
      'unknown-rule': 'bad-config/unknown-rule/.elb-lens.json:4:5: rules.client-ip-allways-on: unknown rule id "client-ip-allways-on"',
      'bad-severity': 'bad-config/bad-severity/.elb-lens.json:3:29: rules.client-ip-ip-backend: severity must be one of',
      'wrong-type': 'bad-config/wrong-type/.elb-lens.json:2:14: exclude: must be an array of strings',
    };
    for (const [name, message] of Object.entries(expected)) {
      const result = await run(['check', `bad-config/${name}`]);
      assert.equal(result.code, 1, name);
      assert.equal(result.stdout, '');
      assert.ok(result.stderr.startsWith(`elb-lens: invalid configuration: ${message}`), result.stderr);
    }
  });

  it('reports a missing --config file and a varFiles entry that cannot be read', async () => {
    const missing = await run(['check', 'clean', '--config', 'nope.json']);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /nope\.json:1:1: cannot read the configuration file/);
    const dir = tempTree({ [CONFIG_FILE_NAME]: '{ "varFiles": ["absent.tfvars"] }', 'main.tf': '' });
    try {
      const result = await run(['check', '.'], { cwd: dir });
      assert.equal(result.code, 1);
      assert.match(result.stderr, /\.elb-lens\.json: varFiles: cannot read absent\.tfvars/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('json.files of .elb-lens.json in the CLI', () => {
  it('analyses a JSON file the configuration names as ELB API JSON (regression: it was counted, not analysed)', async () => {
    const dir = tempTree({
      [CONFIG_FILE_NAME]: JSON.stringify({ json: { files: ['api/*.json'] } }),
      'api/lb.json': LOAD_BALANCER_JSON,
      'api/listeners.json': LATE_LISTENERS_JSON,
      'other/listeners.json': LATE_LISTENERS_JSON,
    });
    try {
      for (const argv of [
        ['check', '.'],
        ['check', 'api/listeners.json', 'api/lb.json'],
      ]) {
        const result = await run([...argv, '--format', 'compact'], { cwd: dir });
        assert.equal(result.code, 2, `${argv.join(' ')}: ${result.stdout}${result.stderr}`);
        assert.match(result.stdout, /^api\/listeners\.json:\d+:\d+: error \[client-ip-always-on\]/m);
        assert.ok(!result.stdout.includes('other/'), 'other/ is not named by json.files and its content does not say ELB');
      }
      const report = JSON.parse((await run(['check', '.', '--format', 'json'], { cwd: dir })).stdout) as { files: number };
      assert.equal(report.files, 2, 'api/lb.json and api/listeners.json');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--config names the JSON files for the whole run', async () => {
    const dir = tempTree({
      'ci.json': JSON.stringify({ json: { files: ['**/listeners.json'] } }),
      'api/lb.json': LOAD_BALANCER_JSON,
      'api/listeners.json': LATE_LISTENERS_JSON,
    });
    try {
      const result = await run(['check', 'api', '--config', 'ci.json', '--format', 'compact'], { cwd: dir });
      assert.equal(result.code, 2, result.stdout + result.stderr);
      assert.match(result.stdout, /^api\/listeners\.json:\d+:\d+: error \[client-ip-always-on\]/m);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
