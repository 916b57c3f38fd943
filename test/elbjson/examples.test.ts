import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { Finding } from '../../server/src/core/types';
import { createNodeHost } from '../../server/src/project/nodeFs';
import { createElbLensService } from '../../server/src/service/service';

const EXAMPLES = path.resolve(__dirname, '..', '..', '..', 'examples', 'elb-api-json');

/** What examples/elb-api-json/README.md promises: file → rule ids, in order. */
const EXPECTED: Record<string, string[]> = {
  'dedicated-export/listeners.json': [
    'client-ip-always-on',
    'client-ip-ineffective-option',
    'client-ip-ineffective-option',
    'client-ip-nat64-conflict',
    'client-ip-xff-removed',
  ],
  'dedicated-export/members-app.json': ['client-ip-same-server', 'client-ip-ip-backend'],
  'dedicated-export/members-web.json': ['client-ip-ip-backend'],
  'shared-requests/listener-https.json': ['client-ip-always-on'],
  'shared-requests/listener-udp.json': ['client-ip-shared-l4-off'],
  'jsonc/listeners.elb.jsonc': ['client-ip-ineffective-option'],
};

test('examples/elb-api-json shows every rule that applies to JSON, and clean/ has no findings', async () => {
  const service = await createElbLensService(createNodeHost());
  const found: Record<string, string[]> = {};
  for (const folder of fs.readdirSync(EXAMPLES, { withFileTypes: true }).filter((e) => e.isDirectory())) {
    const dir = path.join(EXAMPLES, folder.name);
    const first = fs
      .readdirSync(dir)
      .map((n) => path.join(dir, n))
      .find((f) => service.isSupportedFile(f));
    assert.ok(first, folder.name);
    for (const [file, findings] of service.analyzeModule(first, { reportUnusedIgnores: true })) {
      const sortedFindings = [...findings].sort((a: Finding, b: Finding) => a.range.start.line - b.range.start.line);
      if (sortedFindings.length > 0) found[path.relative(EXAMPLES, file).split(path.sep).join('/')] = sortedFindings.map((f) => f.ruleId);
    }
  }
  assert.deepEqual(found, EXPECTED);
  const shown = new Set(Object.values(found).flat());
  for (const rule of [
    'client-ip-always-on',
    'client-ip-ip-backend',
    'client-ip-same-server',
    'client-ip-shared-l4-off',
    'client-ip-nat64-conflict',
    'client-ip-ineffective-option',
    'client-ip-xff-removed',
  ]) {
    assert.ok(shown.has(rule), rule);
  }
});
