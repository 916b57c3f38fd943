import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isJsonFileName, matchesElbJsonGlobs, sniffElbJson, DEFAULT_ELB_JSON_GLOBS } from '../../server/src/elbjson';
import { createElbLensService } from '../../server/src/service/service';
import { MemoryHost, memPath } from '../helpers';
import { json } from './util';

/** The CommonJS module object the service's `import * as jsonc` sees, to count parses (parseJsonTree goes through its `visit`). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const jsoncModule = require('jsonc-parser') as { visit: typeof import('jsonc-parser').visit };

describe('ELB JSON content sniff', () => {
  test("recognises request bodies, list responses and the scripts' pool_id shape", () => {
    const yes = [
      json({ listener: { protocol: 'TCP', protocol_port: 80 } }),
      json({ listener: { loadbalancer_id: 'x' } }),
      json({ request_id: 'r', listeners: [{ id: 'a', name: 'b', transparent_client_ip_enable: false }] }),
      json({ pool: { lb_algorithm: 'ROUND_ROBIN' } }),
      json({ pools: [{ id: 'p', protocol: 'TCP' }] }),
      json({ member: { address: '10.0.0.1' } }),
      json({ pool_id: 'p1', members: [{ address: '10.0.0.1', protocol_port: 80 }] }),
      json({ loadbalancer: { guaranteed: true } }),
      json({ loadbalancers: [{ id: 'x', vip_subnet_cidr_id: 's' }] }),
      json({ ipgroups: [{ ip_list: [] }] }),
      '\uFEFF{"member": {"address": "10.0.0.1"}}',
      '// exported\n/* by hand */ {\n  "listener": {\n    // first\n    "protocol": "UDP",\n  },\n}\n',
      // Only the head is needed: a file cut off mid-way still sniffs.
      '{"listeners": [{"protocol": "TCP", "name": "' + 'x'.repeat(20000),
    ];
    for (const text of yes) assert.equal(sniffElbJson(text), true, text.slice(0, 200));
  });

  test('rejects everything else', () => {
    const no = [
      '',
      '[]',
      'null',
      '"listener"',
      json({ name: 'elb-lens', version: '0.1.0', scripts: { test: 'node --test' }, dependencies: { listener: '^1.0.0' } }),
      '// tsconfig\n{\n  "compilerOptions": { "strict": true, "protocol": "x" }\n}\n',
      json({ listener: { name: 'only a name', description: 'x' } }),
      json({ listeners: [{ id: 'a' }] }),
      json({ listeners: { protocol: 'TCP' } }),
      json({ listener: [{ protocol: 'TCP' }] }),
      json({ statuses: { loadbalancer: { vip_address: '10.0.0.1', listeners: [{ protocol: 'TCP' }] } } }),
      json({ healthmonitor: { pool_id: 'p', members: [{ address: 'x' }] } }),
      json({ format_version: '1.2', planned_values: { root_module: { resources: [] } } }),
      json({ constructor: { protocol: 'TCP' }, toString: [{ protocol: 'TCP' }] }),
      // The ELB key comes after the first 8 KB.
      json({ padding: 'x'.repeat(9000), listener: { protocol: 'TCP' } }),
      '{"listener": {"protocol": "TCP"\u0000}}',
      '\u0000\u0001\u0002binary',
      '{{{{',
      '{"listener": }',
    ];
    for (const text of no) assert.equal(sniffElbJson(text), false, text.slice(0, 200));
  });

  test('file names and globs', () => {
    assert.equal(isJsonFileName('/a/b/listeners.json'), true);
    assert.equal(isJsonFileName('/a/b/listeners.jsonc'), true);
    for (const name of ['/a/main.tf.json', '/a/terraform.tfvars.json', '/a/.elb-lens.json', '/a/main.tf', '/a/x.json5'])
      assert.equal(isJsonFileName(name), false, name);
    assert.equal(matchesElbJsonGlobs('/work/x/prod.elb.json', DEFAULT_ELB_JSON_GLOBS), true);
    assert.equal(matchesElbJsonGlobs('/work/x/prod.elb.jsonc', DEFAULT_ELB_JSON_GLOBS), true);
    assert.equal(matchesElbJsonGlobs('/work/x/prod.json', DEFAULT_ELB_JSON_GLOBS), false);
    assert.equal(matchesElbJsonGlobs('C:\\work\\lb\\export.json', ['lb/*.json']), true);
    assert.equal(matchesElbJsonGlobs('/work/lb/sub/export.json', ['lb/*.json']), false);
  });

  test('non-ELB JSON (package.json, tsconfig.json, a 5 MB array, invalid JSON, binary) costs next to nothing and gets nothing', async (t) => {
    const big =
      '[' + Array.from({ length: 200_000 }, (_, i) => `{"id":${i},"protocol":"TCP","address":"10.0.0.${i % 250}"}`).join(',') + ']';
    assert.ok(big.length > 5 * 1024 * 1024, `${big.length}`);
    const files: Record<string, string> = {
      'package.json': json({ name: 'x', version: '1.0.0', dependencies: { 'jsonc-parser': '^3' } }),
      'tsconfig.json': '{\n  // comments are fine in tsconfig\n  "compilerOptions": { "strict": true },\n}\n',
      'big.json': big,
      'invalid.json': '{"listener": [}',
      'binary.json': '\u0000\u0001PNG\u0000' + 'x'.repeat(1000),
      'listener.json': json({ listener: { protocol: 'TCP' } }),
    };
    const others = Object.keys(files).filter((n) => n !== 'listener.json');
    const host = new MemoryHost(files);
    const parsed: number[] = [];
    const original = jsoncModule.visit;
    jsoncModule.visit = (text, visitor, options) => {
      parsed.push(text.length);
      return original(text, visitor, options);
    };
    try {
      const service = await createElbLensService(host);
      // The spy sees the service's parses: the one ELB JSON file of the folder is parsed once.
      assert.equal(service.analyzeFile(memPath('listener.json')).length, 0);
      assert.deepEqual(parsed, [files['listener.json'].length]);
      parsed.length = 0;
      const started = performance.now();
      for (let round = 0; round < 20; round++) {
        for (const name of others) {
          const file = memPath(name);
          assert.equal(service.isSupportedFile(file), false, name);
          assert.deepEqual(service.analyzeFile(file), [], name);
          assert.equal(service.hover(file, { line: 0, character: 1 }), undefined, name);
          assert.deepEqual(service.inlayHints(file, undefined), [], name);
        }
        service.fileChanged(memPath('big.json'));
      }
      const elapsed = performance.now() - started;
      t.diagnostic(`20 rounds over ${others.length} non-ELB JSON files: ${elapsed.toFixed(1)} ms`);
      assert.deepEqual(parsed, [], 'no non-ELB JSON file was parsed');
      assert.ok(elapsed < 1000, `20 rounds over non-ELB JSON took ${elapsed.toFixed(0)} ms`);
    } finally {
      jsoncModule.visit = original;
    }
  });
});
