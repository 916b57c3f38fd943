import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv';
import * as jsonc from 'jsonc-parser';
import { parseConfig } from '../server/src/project/configFile';

/** The repository root (this file runs from build/test/). */
const ROOT = path.resolve(__dirname, '..', '..');

interface Manifest {
  contributes: {
    languages: { id: string; filenames?: string[] }[];
    jsonValidation: { fileMatch: string | string[]; url: string }[];
    configuration: { properties: Record<string, { default?: unknown; enum?: string[] }> };
  };
}

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;

/** The `jsonc` block under the README's "Configuration: `.elb-lens.json`" heading. */
function readmeSample(): string {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### `.elb-lens.json`'));
  const sample = /```jsonc\n([\s\S]*?)```/.exec(section);
  assert.ok(sample, 'a jsonc sample under the .elb-lens.json heading');
  return sample[1];
}

test('.elb-lens.json opens as JSON with comments, with the schema the extension ships', () => {
  const jsoncLanguage = manifest.contributes.languages.find((l) => l.id === 'jsonc');
  assert.ok(jsoncLanguage?.filenames?.includes('.elb-lens.json'));
  // With a `configuration`, VS Code would activate the extension on every JSON-with-comments file.
  assert.equal((jsoncLanguage as { configuration?: string }).configuration, undefined);
  const validation = manifest.contributes.jsonValidation.find((v) => [v.fileMatch].flat().includes('.elb-lens.json'));
  assert.ok(validation);
  assert.ok(fs.existsSync(path.join(ROOT, validation.url)), validation.url);
});

test("the README's sample configuration has no problem: it parses as JSON with comments, fits the schema, and the CLI reads it", () => {
  const text = readmeSample();
  const errors: jsonc.ParseError[] = [];
  const value: unknown = jsonc.parse(text, errors, { allowTrailingComma: false, disallowComments: false });
  assert.deepEqual(errors, []);
  const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'elb-lens-config.schema.json'), 'utf8')) as object;
  const validate = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true }).compile(schema);
  assert.ok(validate(value), JSON.stringify(validate.errors));
  assert.doesNotThrow(() => parseConfig('/project/.elb-lens.json', text));
});

test('no $schema anywhere points into node_modules (it never exists in a project that uses the extension)', () => {
  const files = ['README.md', 'docs', 'client/src', 'server/src', 'examples', 'schemas'];
  const offenders: string[] = [];
  const visit = (file: string) => {
    const full = path.join(ROOT, file);
    if (fs.statSync(full).isDirectory()) {
      for (const name of fs.readdirSync(full)) visit(path.join(file, name));
    } else if (/\.(md|ts|json|jsonc)$/.test(file) && /"\$schema":\s*"[^"]*node_modules/.test(fs.readFileSync(full, 'utf8'))) {
      offenders.push(file);
    }
  };
  for (const file of files) visit(file);
  assert.deepEqual(offenders, []);
});

test('settings: the code lens can be turned off, and the map can open in the active group', () => {
  const properties = manifest.contributes.configuration.properties;
  assert.equal(properties['elbLens.codeLens.enable']?.default, true);
  assert.deepEqual(properties['elbLens.map.openIn']?.enum, ['beside', 'active']);
  assert.equal(properties['elbLens.map.openIn']?.default, 'beside');
});
