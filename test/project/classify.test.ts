import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { parseConfig } from '../../server/src/project/configFile';
import { classify, configure, excludes, namesElbJson, textContent, type FileContent } from '../../server/src/project';
import {
  cannotHoldComments,
  hasCheckedName,
  isTerraformModuleFile,
  kindByName,
  syntaxByName,
  type NameKind,
} from '../../server/src/project/classify';
import { nodeFileContent } from '../../server/src/project/nodeFs';
import { FIXTURES } from '../cli/harness';
import { LATE_LISTENERS_JSON } from '../elbjson/util';

const LISTENERS = JSON.stringify({ listeners: [{ name: 'tcp', protocol: 'TCP', transparent_client_ip_enable: false }] });
const PLAN = JSON.stringify({ format_version: '1.2', planned_values: { root_module: {} } });
const STATE = JSON.stringify({ format_version: '1.0', values: { root_module: { resources: [] } } });

/** A FileContent that records whether the whole text was asked for. */
function spied(text: string): FileContent & { wholeRead: boolean } {
  const inner = textContent(text);
  const spy = { wholeRead: false, head: inner.head, text: () => ((spy.wholeRead = true), inner.text()) };
  return spy;
}

describe('project classifier', () => {
  test('by name', () => {
    const cases: [string, string][] = [
      ['/p/main.tf', 'terraform'],
      ['/p/listeners.tf.json', 'terraform-json'],
      ['/p/terraform.tfvars', 'tfvars'],
      ['/p/terraform.tfvars.json', 'tfvars'],
      ['/p/prod.auto.tfvars', 'tfvars'],
      ['/p/prod.auto.tfvars.json', 'tfvars'],
      ['/p/prod.tfvars', 'other'],
      ['/p/prod.tfvars.json', 'other'],
      ['/p/.elb-lens.json', 'config'],
      ['/p/export.elb.json', 'elb-json'],
      ['/p/export.elb.jsonc', 'elb-json'],
      ['/p/listeners.json', 'other'],
      ['/p/README.md', 'other'],
      ['/p/main.tf.bak', 'other'],
    ];
    for (const [file, kind] of cases) assert.equal(classify(file), kind, file);
  });

  test('any *.tfvars named explicitly is a variables file', () => {
    assert.equal(classify('/p/prod.tfvars', { explicit: true }), 'tfvars');
    assert.equal(classify('/p/prod.tfvars.json', { explicit: true }), 'tfvars');
    assert.equal(classify('/p/prod.json', { explicit: true }), 'other');
  });

  test('the name step that every other name check goes through', () => {
    const cases: [string, NameKind][] = [
      ['/p/main.tf', 'terraform'],
      ['/p/main.tofu.json', 'terraform-json'],
      ['/p/terraform.tfvars', 'tfvars'],
      ['/p/.terraform.lock.hcl', 'lock'],
      ['/p/.elb-lens.json', 'config'],
      ['/p/svc.YML', 'yaml'],
      ['/p/listeners.jsonc', 'json'],
      ['/p/prod.tfvars.json', 'other'],
      ['/p/lock.hcl', 'other'],
    ];
    for (const [file, kind] of cases) assert.equal(kindByName(file), kind, file);
    // The lock file is read with its module, never checked alone.
    assert.equal(classify('/p/.terraform.lock.hcl'), 'other');
    assert.equal(isTerraformModuleFile('/p/.terraform.lock.hcl'), true);
    assert.equal(isTerraformModuleFile('/p/svc.yaml'), false);
    assert.deepEqual(['/p/a.tf.json', '/p/prod.tfvars.json', '/p/x.elb.json', '/p/svc.yaml', '/p/terraform.tfvars'].map(syntaxByName), [
      'terraform-json',
      'terraform-json',
      'json',
      'yaml',
      'hcl',
    ]);
    assert.deepEqual(['/p/x.json', '/p/x.jsonc', '/p/a.tf.json', '/p/.terraform.lock.hcl'].map(cannotHoldComments), [
      true,
      false,
      false,
      false,
    ]);
    assert.deepEqual(['MAIN.TF', 'svc.yml', 'notes.txt', '.terraform.lock.hcl'].map(hasCheckedName), [true, true, false, false]);
  });

  test('JSON by content: ELB API JSON and plans; other JSON is other', () => {
    assert.equal(classify('/p/listeners.json', { content: textContent(LISTENERS) }), 'elb-json');
    assert.equal(classify('/p/listeners.jsonc', { content: textContent(`// export\n${LISTENERS}`) }), 'elb-json');
    assert.equal(classify('/p/tfplan.json', { content: textContent(PLAN) }), 'plan');
    assert.equal(classify('/p/state.json', { content: textContent(STATE) }), 'other');
    assert.equal(classify('/p/package.json', { content: textContent('{"name": "x", "version": "1.0.0"}') }), 'other');
    assert.equal(classify('/p/late.json', { content: textContent(LATE_LISTENERS_JSON) }), 'other', 'ELB keys after the first 8 KB');
    assert.equal(classify('/p/missing.json', { content: textContent(undefined) }), 'other');
    // The name decides before any content is read.
    assert.equal(classify('/p/main.tf.json', { content: textContent(LISTENERS) }), 'terraform-json');
  });

  test('reads the whole text only of a likely plan', () => {
    const listeners = spied(LISTENERS);
    classify('/p/listeners.json', { content: listeners });
    assert.equal(listeners.wholeRead, false);
    const plan = spied(PLAN);
    classify('/p/plan.json', { content: plan });
    assert.equal(plan.wholeRead, true);
  });

  test('json.files of the configuration names ELB API JSON, relative to its .elb-lens.json', () => {
    const config = configure({ config: parseConfig('/repo/infra/.elb-lens.json', '{ "json": { "files": ["api/*.json"] } }') });
    const late = textContent(LATE_LISTENERS_JSON);
    assert.equal(classify('/repo/infra/api/listeners.json', { config, content: late }), 'elb-json');
    assert.equal(classify('/repo/infra/api/listeners.json', { config }), 'elb-json', 'no content needed');
    assert.equal(classify('/repo/api/listeners.json', { config, content: late }), 'other', 'outside the configuration folder');
    assert.equal(classify('/repo/infra/api/main.tf', { config }), 'terraform', 'json.files names JSON files only');
    assert.equal(classify('/repo/infra/x.elb.json', { config }), 'other', 'the file replaced the default globs');
  });

  test('Node file content: plans and ELB JSON from disk', () => {
    const plan = path.join(FIXTURES, 'plan', 'compact', 'plan.json');
    const state = path.join(FIXTURES, 'plan', 'clean', 'state.json');
    assert.equal(classify(plan, { content: nodeFileContent(plan, 64 * 1024 * 1024) }), 'plan');
    assert.equal(classify(state, { content: nodeFileContent(state, 64 * 1024 * 1024) }), 'other');
    assert.equal(nodeFileContent(path.join(FIXTURES, 'nope.json'), 1024).head(10), '');
    assert.equal(nodeFileContent(plan, 10).text(), undefined, 'over the limit');
    assert.equal(nodeFileContent(plan, 64 * 1024 * 1024).head(1), '{');
  });
});

describe('project configuration (configure)', () => {
  const file = parseConfig(
    '/repo/.elb-lens.json',
    JSON.stringify({
      rules: { 'client-ip-ip-backend': 'error', 'client-ip-shared-l4-off': 'off' },
      exclude: ['legacy/**'],
      varFiles: ['env/ci.tfvars'],
      variables: { a: '1', b: '1' },
      json: { files: ['api/*.json'] },
      allowInlineIgnores: false,
    }),
  );

  test('host settings over .elb-lens.json: rules and variables per name, var files after the file’s', () => {
    const { options, configFile } = configure({
      config: file,
      host: { rules: { 'client-ip-ip-backend': 'hint' }, variables: { b: '2' }, varFiles: ['/cli.tfvars'], reportUnusedIgnores: true },
    });
    assert.equal(configFile, '/repo/.elb-lens.json');
    assert.deepEqual(options.rules, { 'client-ip-ip-backend': 'hint', 'client-ip-shared-l4-off': 'off' });
    assert.deepEqual(options.variables, { a: '1', b: '2' });
    assert.deepEqual(options.varFiles, [path.resolve('/repo/env/ci.tfvars'), '/cli.tfvars']);
    assert.equal(options.allowInlineIgnores, false);
    assert.equal(options.reportUnusedIgnores, true);
  });

  test('exclude: the file’s relative to its folder, the host’s relative to its base (none without a base)', () => {
    const withBase = configure({ config: file, host: { base: '/repo/app', exclude: ['generated/**'] } });
    assert.ok(excludes(withBase, '/repo/legacy/main.tf'));
    assert.ok(excludes(withBase, '/repo/app/generated/main.tf'));
    assert.ok(!excludes(withBase, '/repo/generated/main.tf'));
    assert.ok(!excludes(withBase, '/repo/app/main.tf'));
    assert.ok(!excludes(configure({ host: { exclude: ['**'] } }), '/repo/app/main.tf'));
  });

  test('json.files: the host’s and the file’s both count; the built-in globs only when neither says', () => {
    const both = configure({ config: file, host: { base: '/repo', jsonFiles: ['export/*.json'] } });
    assert.ok(namesElbJson(both, '/repo/api/listeners.json'));
    assert.ok(namesElbJson(both, '/repo/export/listeners.json'));
    assert.ok(!namesElbJson(both, '/repo/other/listeners.json'));
    assert.ok(!namesElbJson(both, '/repo/api/.elb-lens.json'), 'never the configuration file');
    const defaults = configure();
    assert.ok(namesElbJson(defaults, '/anywhere/x.elb.json'));
    assert.ok(!namesElbJson(defaults, '/anywhere/x.json'));
    // No base (an editor without a workspace folder): a glob matches any tail of the path.
    assert.ok(namesElbJson(configure({ host: { jsonFiles: ['api/*.json'] } }), '/somewhere/api/x.json'));
    // An empty setting and no configuration file: nothing is named.
    assert.ok(!namesElbJson(configure({ host: { jsonFiles: [] } }), '/anywhere/x.elb.json'));
  });
});
