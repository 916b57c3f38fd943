import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  absoluteGlob,
  configJsonFiles,
  documentSelector,
  JSON_FILE_GLOBS,
  LOCK_FILE_GLOB,
  OPENTOFU_FILE_GLOB,
} from '../../client/src/selector';

// The VS Code client's document selector: what the server is sent. VS Code matches a
// string pattern against the document's absolute path (languages.match).

test('Terraform languages always (saved and untitled); JSON only by ELB Lens names, never all of it', () => {
  const filters = documentSelector([]);
  assert.deepEqual(
    filters.filter((f) => f.language),
    [
      { scheme: 'file', language: 'terraform' },
      { scheme: 'untitled', language: 'terraform' },
      { scheme: 'file', language: 'terraform-vars' },
      { scheme: 'untitled', language: 'terraform-vars' },
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
    ],
  );
  assert.ok(!filters.some((f) => f.language === 'json' || f.language === 'jsonc'), 'no JSON language filter');
  assert.deepEqual(
    filters.filter((f) => f.pattern).map((f) => f.pattern),
    [LOCK_FILE_GLOB, OPENTOFU_FILE_GLOB, ...JSON_FILE_GLOBS],
  );
  for (const f of filters)
    assert.ok(f.language || f.pattern, `a filter without language or pattern matches everything: ${JSON.stringify(f)}`);
});

test('json.files globs of the settings and of .elb-lens.json become absolute patterns of their folder', () => {
  const filters = documentSelector([
    { base: '/ws/a', globs: ['api/*.json', '**/*.elb.json', './exports/', 'lb.json'] },
    { base: '/ws/a/infra', globs: ['requests/**/*.json'] },
  ]);
  const patterns = filters.filter((f) => f.pattern).map((f) => f.pattern);
  assert.deepEqual(patterns.slice(JSON_FILE_GLOBS.length + 2), [
    '/ws/a/api/*.json',
    '/ws/a/api/*.json/**',
    // A glob without '/' matches at any depth; one that names a folder names what is under it.
    '/ws/a/**/exports',
    '/ws/a/**/exports/**',
    '/ws/a/**/lb.json',
    '/ws/a/**/lb.json/**',
    '/ws/a/infra/requests/**/*.json',
    '/ws/a/infra/requests/**/*.json/**',
  ]);
  assert.equal(absoluteGlob('C:\\ws\\a', 'x/*.json'), 'C:/ws/a/x/*.json');
  assert.equal(absoluteGlob('/ws', '  '), undefined);
});

test('json.files of a parsed .elb-lens.json, whatever its shape', () => {
  assert.deepEqual(configJsonFiles({ json: { files: ['a/*.json', 3] } }), ['a/*.json']);
  assert.deepEqual(configJsonFiles({ json: 'x' }), []);
  assert.deepEqual(configJsonFiles(null), []);
});
