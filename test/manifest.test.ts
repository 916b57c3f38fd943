import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { knownRuleIds } from '../server/src/project/configValues';
import { RULE_SETTINGS } from '../server/src/core/options';
import { RULES } from '../server/src/rules';
import { PSEUDO_RULES } from '../server/src/core/pseudoRules';
import { DEFAULT_SETTINGS } from '../server/src/lsp/settings';

// The extension manifest against the code it describes. `elbLens.rules` is derived from the
// rule registry; `UPDATE_MANIFEST=1 npm test` (or `node test/run.mjs manifest` after a
// build) rewrites it in package.json, to be reviewed like any diff.

const MANIFEST_FILE = path.resolve(__dirname, '..', '..', 'package.json');

interface Setting {
  type?: string | string[];
  scope?: string;
  description?: string;
  markdownDescription?: string;
  properties?: Record<string, Setting>;
  [key: string]: unknown;
}

interface Manifest {
  activationEvents: string[];
  contributes: {
    languages: { id: string; aliases?: string[]; extensions?: string[] }[];
    configuration: { properties: Record<string, Setting> };
    commands: { command: string }[];
  };
}

const readManifest = () => JSON.parse(fs.readFileSync(MANIFEST_FILE, 'utf8')) as Manifest;

/** The command link that opens a rule's page shipped in the extension. */
export function ruleDocsLink(id: string): string {
  return `command:elbLens.openRuleDocs?${encodeURIComponent(JSON.stringify([id]))}`;
}

/** `elbLens.rules` as the registry says it must be. */
function expectedRulesSetting(): Record<string, Setting> {
  const entries = [
    ...RULES.map((r) => ({ id: r.meta.id, summary: r.meta.summary, severity: r.meta.defaultSeverity })),
    ...PSEUDO_RULES.map((r) => ({ id: r.id, summary: r.summary, severity: r.defaultSeverity })),
  ];
  return Object.fromEntries(
    entries.map(({ id, summary, severity }) => [
      id,
      {
        type: 'string',
        enum: [...RULE_SETTINGS],
        markdownDescription: `${summary} Default: \`${severity}\`. [Rule page](${ruleDocsLink(id)})`,
      },
    ]),
  );
}

test('elbLens.rules lists every rule id of the registry (and the suppression findings) with its summary and page', () => {
  const manifest = readManifest();
  const rules = manifest.contributes.configuration.properties['elbLens.rules'];
  const expected = expectedRulesSetting();
  if (process.env.UPDATE_MANIFEST && JSON.stringify(rules.properties) !== JSON.stringify(expected)) {
    rules.properties = expected;
    fs.writeFileSync(MANIFEST_FILE, `${JSON.stringify(manifest, null, 2)}\n`);
  }
  assert.deepEqual(
    Object.keys(rules.properties ?? {}),
    knownRuleIds(),
    'the ids of elbLens.rules; UPDATE_MANIFEST=1 npm test rewrites them from server/src/rules',
  );
  assert.deepEqual(rules.properties, expected, 'UPDATE_MANIFEST=1 npm test rewrites elbLens.rules from server/src/rules');
  assert.equal(rules.additionalProperties, false, 'settings.json flags an unknown rule id');
  assert.ok(
    manifest.contributes.commands.some((c) => c.command === 'elbLens.openRuleDocs'),
    'the rule links run elbLens.openRuleDocs',
  );
  for (const id of knownRuleIds()) {
    const pseudo = PSEUDO_RULES.find((r) => r.id === id);
    const page = path.resolve(path.dirname(MANIFEST_FILE), pseudo ? pseudo.docsPage.replace(/#.*/, '') : `docs/rules/${id}.md`);
    assert.ok(fs.existsSync(page), `the page of ${id} ships: ${page}`);
  }
});

test('every setting has a scope (resource where it can differ per folder) and a markdown description', () => {
  const properties = readManifest().contributes.configuration.properties;
  for (const [key, setting] of Object.entries(properties)) {
    assert.equal(typeof setting.markdownDescription, 'string', `${key}: markdownDescription`);
    assert.equal(setting.description, undefined, `${key}: one description (markdownDescription)`);
    const windowScoped = key === 'elbLens.trace.server' || key === 'elbLens.map.openIn';
    assert.equal(setting.scope, windowScoped ? 'window' : 'resource', `${key}: scope`);
  }
});

test('the settings the manifest declares are the settings the server reads', () => {
  const declared = Object.keys(readManifest().contributes.configuration.properties)
    // Read by the client only: the LSP trace, and the map's code lens and where the map opens.
    .filter((k) => !['elbLens.trace.server', 'elbLens.codeLens.enable', 'elbLens.map.openIn'].includes(k))
    .map((k) => k.replace(/^elbLens\./, ''))
    .sort();
  const flatten = (value: object, prefix = ''): string[] =>
    Object.entries(value).flatMap(([k, v]) =>
      typeof v === 'object' && v !== null && !Array.isArray(v) && k !== 'rules'
        ? flatten(v as object, `${prefix}${k}.`)
        : [`${prefix}${k}`],
    );
  assert.deepEqual(declared, flatten(DEFAULT_SETTINGS).sort());
});

test('activation: no JSON language event; Terraform languages are implicit; ELB Lens files by name', () => {
  const manifest = readManifest();
  assert.deepEqual(
    manifest.activationEvents.filter((e) => e.startsWith('onLanguage:')),
    ['onLanguage:yaml'],
    'languages the extension contributes activate it implicitly (VS Code 1.74+); json/jsonc must not; YAML does, and the client starts the server only for a manifest with kubernetes.io/elb. (yamlGate.ts)',
  );
  assert.deepEqual(manifest.activationEvents.sort(), [
    'onLanguage:yaml',
    'workspaceContains:**/*.elb.json',
    'workspaceContains:**/*.elb.jsonc',
    'workspaceContains:**/*.tf',
    'workspaceContains:**/*.tf.json',
    'workspaceContains:**/*.tofu',
    'workspaceContains:**/*.tofu.json',
    'workspaceContains:**/.elb-lens.json',
  ]);
  const terraform = manifest.contributes.languages.find((l) => l.id === 'terraform');
  assert.ok(terraform);
  assert.ok(!terraform.aliases?.includes('HCL'), 'the HCL alias belongs to HashiCorp HCL');
  // OpenTofu reads x.tofu in place of x.tf: the editor must send it like a .tf file.
  assert.deepEqual(terraform.extensions, ['.tf', '.tofu']);
});
