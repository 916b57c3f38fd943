import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as jsonc from 'jsonc-parser';
import { jsonPropertyEdits } from '../../server/src/fixes/jsonEdits';
import { memPath, textAt } from '../helpers';
import { jsonFindings, ofRule, applyFix } from './util';

/** Applies the property edits to the text. */
function edit(text: string, path: (string | number)[], value: unknown, eol = '\n'): string {
  return jsonc.applyEdits(
    text,
    jsonPropertyEdits(text, path, value, eol).map((e) => ({ ...e })),
  );
}

describe('JSON quick-fix edits keep layout and comments', () => {
  const commented = `{
  // the web listener
  "listener": {
    "protocol": "TCP", // layer 4
    // kept off on purpose?
    "transparent_client_ip_enable": false, // why
    "name": "x"
  }
}
`;

  test('removing a property takes its own line and trailing comment, and nothing else', () => {
    assert.equal(
      edit(commented, ['listener', 'transparent_client_ip_enable'], undefined),
      `{
  // the web listener
  "listener": {
    "protocol": "TCP", // layer 4
    // kept off on purpose?
    "name": "x"
  }
}
`,
    );
  });

  test("removing the last property drops the comma before it, keeping that line's comment", () => {
    assert.equal(
      edit(commented, ['listener', 'name'], undefined),
      `{
  // the web listener
  "listener": {
    "protocol": "TCP", // layer 4
    // kept off on purpose?
    "transparent_client_ip_enable": false // why
  }
}
`,
    );
  });

  test('removing the first property keeps the comment above the next one', () => {
    assert.equal(
      edit(commented, ['listener', 'protocol'], undefined),
      `{
  // the web listener
  "listener": {
    // kept off on purpose?
    "transparent_client_ip_enable": false, // why
    "name": "x"
  }
}
`,
    );
  });

  test('adding a property after a commented last one puts the comma before the comment', () => {
    const text = '{\n  "listener": {\n    "protocol": "TCP" // layer 4\n  }\n}\n';
    assert.equal(
      edit(text, ['listener', 'nat64_enable'], true),
      '{\n  "listener": {\n    "protocol": "TCP", // layer 4\n    "nat64_enable": true\n  }\n}\n',
    );
  });

  test('keeps an odd margin, " : " spacing, tabs and CRLF', () => {
    const margin = '{\n       "listener": {\n           "protocol" : "TCP"\n       }\n   }\n';
    assert.equal(
      edit(margin, ['listener', 'transparent_client_ip_enable'], true),
      '{\n       "listener": {\n           "protocol" : "TCP",\n           "transparent_client_ip_enable" : true\n       }\n   }\n',
    );
    const tabs = '{\n\t"listener": {\n\t\t"protocol": "HTTP"\n\t}\n}';
    assert.equal(
      edit(tabs, ['listener', 'insert_headers'], { 'X-Real-IP': true }),
      '{\n\t"listener": {\n\t\t"protocol": "HTTP",\n\t\t"insert_headers": {\n\t\t\t"X-Real-IP": true\n\t\t}\n\t}\n}',
    );
    const crlf = '{\r\n  "listener": {\r\n    "protocol": "TCP",\r\n    "nat64_enable": true\r\n  }\r\n}\r\n';
    assert.equal(
      edit(crlf, ['listener', 'nat64_enable'], undefined, '\r\n'),
      '{\r\n  "listener": {\r\n    "protocol": "TCP"\r\n  }\r\n}\r\n',
    );
    assert.equal(
      edit(crlf, ['listener', 'name'], 'a', '\r\n'),
      '{\r\n  "listener": {\r\n    "protocol": "TCP",\r\n    "nat64_enable": true,\r\n    "name": "a"\r\n  }\r\n}\r\n',
    );
  });

  test('removing the only property leaves {} (unless a comment is inside)', () => {
    assert.equal(
      edit('{\n  "h": {\n    "X-Forwarded-Port": true\n  },\n  "b": 1\n}\n', ['h', 'X-Forwarded-Port'], undefined),
      '{\n  "h": {},\n  "b": 1\n}\n',
    );
    assert.equal(edit('{ "h": { "X-Forwarded-Port": true }, // c\n}', ['h', 'X-Forwarded-Port'], undefined), '{ "h": {}, // c\n}');
    assert.equal(edit('{\n  "h": {\n    // why\n    "a": true\n  }\n}', ['h', 'a'], undefined), '{\n  "h": {\n    // why\n  }\n}');
  });

  test('trailing commas (JSONC), single-line objects, empty objects and replaced values', () => {
    assert.equal(edit('{\n  "a": {\n    "x": 1,\n  },\n}\n', ['a', 'y'], 2), '{\n  "a": {\n    "x": 1,\n    "y": 2\n  },\n}\n');
    assert.equal(
      JSON.parse(edit('{"listener": {"protocol": "TCP", "nat64_enable": true}}', ['listener', 'nat64_enable'], undefined)).listener
        .nat64_enable,
      undefined,
    );
    assert.deepEqual(JSON.parse(edit('{"listener": {"protocol": "TCP"}}', ['listener', 'x'], true)), {
      listener: { protocol: 'TCP', x: true },
    });
    assert.deepEqual(JSON.parse(edit('{"listener": {}}', ['listener', 'x'], true)), { listener: { x: true } });
    assert.equal(
      edit('{\n  "l": {\n    "insert_headers": null\n  }\n}', ['l', 'insert_headers'], { a: true }),
      '{\n  "l": {\n    "insert_headers": {\n      "a": true\n    }\n  }\n}',
    );
  });

  test('a .jsonc fix through the service keeps every comment, and a suppression comment silences a finding', async () => {
    const text = `// ELB export (JSONC)
{
  "loadbalancer": { "id": "lb-1", "guaranteed": true }, // dedicated
  "listeners": [
    {
      "name": "tcp", // the TCP one
      "protocol": "TCP",
      "loadbalancer_id": "lb-1",
      /* always on anyway */
      "transparent_client_ip_enable": false, // turned off?
      "protocol_port": 80,
    },
  ],
}
`;
    const files = { 'export.jsonc': text };
    const { findings, service } = await jsonFindings(files);
    const [finding] = ofRule(findings, 'client-ip-always-on');
    assert.equal(textAt(text, finding), '"transparent_client_ip_enable": false');
    const removed = applyFix(files, finding.fixes[0])['export.jsonc'];
    for (const comment of ['// ELB export (JSONC)', '// dedicated', '// the TCP one', '/* always on anyway */'])
      assert.ok(removed.includes(comment), comment);
    assert.doesNotMatch(removed, /transparent_client_ip_enable/);
    assert.deepEqual(jsonc.parse(removed).listeners[0], { name: 'tcp', protocol: 'TCP', loadbalancer_id: 'lb-1', protocol_port: 80 });
    // The suppression quick fix writes a // comment above the finding, and the finding goes.
    const suppression = service.suppressionFix(finding);
    assert.ok(suppression);
    assert.match(suppression.edits[0].newText, /^ {6}\/\/ elb-lens-ignore: client-ip-always-on -- reason\n$/);
    const suppressed = applyFix(files, suppression);
    const after = await jsonFindings(suppressed);
    assert.equal(ofRule(after.findings, 'client-ip-always-on').length, 0);
    assert.equal(after.service.analyzeFile(memPath('export.jsonc'), { reportUnusedIgnores: true }).length, 0);
  });
});
