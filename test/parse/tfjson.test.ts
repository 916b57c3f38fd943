import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ConfigBlock, ConfigFile } from '../../server/src/parse/config';
import { memoryService, memPath } from '../helpers';
import { attributeOf, parseTfJson, show, textOf } from './util';

function summary(file: ConfigFile): string[] {
  return file.blocks.map((b) => `${b.type} ${b.labels.join('.')}: ${[...b.attributes.keys()].join(',')}`);
}

function only(file: ConfigFile, type: string, ...labels: string[]): ConfigBlock {
  const found = file.blocks.filter((b) => b.type === type && labels.every((l, i) => b.labels[i] === l));
  assert.equal(found.length, 1, `${type} ${labels.join('.')} in ${summary(file).join('; ')}`);
  return found[0];
}

const MAIN = `{
  "variable": {
    "protocol": { "default": "TCP" },
    "flag": { "type": "bool" }
  },
  "locals": {
    "on": true,
    "name": "lb-\${var.protocol}"
  },
  "resource": {
    "huaweicloud_lb_loadbalancer": {
      "lb": { "vip_subnet_id": "s" }
    },
    "huaweicloud_lb_listener": {
      "tcp": {
        "loadbalancer_id": "\${huaweicloud_lb_loadbalancer.lb.id}",
        "protocol": "\${var.protocol}",
        "protocol_port": 80,
        "transparent_client_ip_enable": "\${local.on ? \\"true\\" : \\"false\\"}",
        "insert_headers": { "x_forwarded_elb_ip": "true" }
      }
    }
  }
}
`;

describe('.tf.json blocks', () => {
  test('resources, variables and locals become blocks with labels and attributes', async () => {
    const file = await parseTfJson(MAIN);
    assert.equal(file.format, 'tfjson');
    assert.deepEqual(summary(file), [
      'variable protocol: default',
      'variable flag: type',
      'locals : on,name',
      'resource huaweicloud_lb_loadbalancer.lb: vip_subnet_id',
      'resource huaweicloud_lb_listener.tcp: loadbalancer_id,protocol,protocol_port,transparent_client_ip_enable',
    ]);
    assert.deepEqual(file.syntaxErrors, []);
    assert.deepEqual(file.attributes, new Map(), '.tf.json has no top-level attributes');
    const listener = only(file, 'resource', 'huaweicloud_lb_listener', 'tcp');
    assert.equal(listener.hasErrors, false);
    assert.deepEqual(listener.jsonPath, ['resource', 'huaweicloud_lb_listener', 'tcp']);
    assert.equal(show(attributeOf(listener, 'protocol_port').expr), '80');
    assert.equal(show(attributeOf(only(file, 'locals'), 'on').expr), 'true');
  });

  test('known nested block names (insert_headers, ip_list, …) become nested blocks, as objects or arrays of objects', async () => {
    const file = await parseTfJson(MAIN);
    const listener = only(file, 'resource', 'huaweicloud_lb_listener', 'tcp');
    assert.deepEqual(
      listener.blocks.map((b) => b.type),
      ['insert_headers'],
    );
    assert.equal(show(attributeOf(listener.blocks[0], 'x_forwarded_elb_ip').expr), '"true"');
    assert.deepEqual(listener.blocks[0].jsonPath, ['resource', 'huaweicloud_lb_listener', 'tcp', 'insert_headers']);
    const group = only(
      await parseTfJson(
        JSON.stringify({
          resource: {
            huaweicloud_elb_ipgroup: { g: { name: 'g', ip_list: [{ ip: '10.0.0.0/8' }, { ip: '192.168.0.1', description: 'x' }] } },
          },
        }),
      ),
      'resource',
      'huaweicloud_elb_ipgroup',
      'g',
    );
    assert.deepEqual(
      group.blocks.map((b) => [b.type, show(attributeOf(b, 'ip').expr)]),
      [
        ['ip_list', '"10.0.0.0/8"'],
        ['ip_list', '"192.168.0.1"'],
      ],
    );
    assert.deepEqual(group.blocks[1].jsonPath, ['resource', 'huaweicloud_elb_ipgroup', 'g', 'ip_list', 1]);
    // Other object values stay attributes (tags, maps).
    const tagged = await parseTfJson('{"resource": {"huaweicloud_lb_listener": {"l": {"tags": {"a": "b"}}}}}');
    assert.equal(show(attributeOf(tagged.blocks[0], 'tags').expr), '{"a": "b"}');
  });

  test('arrays of objects at every level, as Terraform JSON allows', async () => {
    const forms = [
      // the block type → an array of objects
      '{"resource": [{"huaweicloud_lb_listener": {"a": {"protocol": "TCP"}}}, {"huaweicloud_lb_listener": {"b": {"protocol": "UDP"}}}]}',
      // the resource type → an array
      '{"resource": {"huaweicloud_lb_listener": [{"a": {"protocol": "TCP"}}, {"b": {"protocol": "UDP"}}]}}',
      // the resource name → an array of bodies (one each)
      '{"resource": {"huaweicloud_lb_listener": {"a": [{"protocol": "TCP"}], "b": [{"protocol": "UDP"}]}}}',
    ];
    for (const form of forms) {
      const file = await parseTfJson(form);
      assert.deepEqual(
        file.blocks.map((b) => `${b.labels.join('.')}=${show(attributeOf(b, 'protocol').expr)}`),
        ['huaweicloud_lb_listener.a="TCP"', 'huaweicloud_lb_listener.b="UDP"'],
        form,
      );
    }
    const file = await parseTfJson(
      '{"variable": [{"a": {"default": 1}}, {"b": [{"default": 2}]}], "locals": [{"x": 1}, {"y": 2}], "output": {"o": {"value": 3}}}',
    );
    assert.deepEqual(summary(file), ['variable a: default', 'variable b: default', 'locals : x', 'locals : y', 'output o: value']);
    assert.deepEqual(file.blocks[1].jsonPath, ['variable', 1, 'b', 0]);
  });

  test('values that are neither objects nor arrays of objects are skipped without a block', async () => {
    const file = await parseTfJson(
      '{"//": "a comment", "resource": {"//": "x", "huaweicloud_lb_listener": {"a": "not a body", "b": [1, 2], "c": {"protocol": "TCP"}}}, "variable": 3}',
    );
    assert.deepEqual(summary(file), ['resource huaweicloud_lb_listener.c: protocol']);
  });
});

describe('.tf.json expressions', () => {
  const cases: [string, string][] = [
    ['"plain"', '"plain"'],
    ['"no $ template {here}"', '"no $ template {here}"'],
    ['"${var.x}"', '(tpl var.x)'],
    ['"a-${var.x}-b"', '(tpl "a-" var.x "-b")'],
    ['"${a} ${b}"', '(tpl a " " b)'],
    ['"${huaweicloud_lb_listener.l[0].protocol}"', '(tpl huaweicloud_lb_listener.l[0].protocol)'],
    ['"${var.on ? \\"true\\" : \\"false\\"}"', '(tpl (? var.on "true" "false"))'],
    ['"${tobool(var.x)}"', '(tpl (tobool() var.x))'],
    ['"${lower(\\"TCP\\")}"', '(tpl (lower() "TCP"))'],
    // The JSON string is decoded first; the template inside has no backslash escapes of its own.
    ['"line\\n\\"q\\" ${x}"', '(tpl "line\\n\\"q\\" " x)'],
    ['"$${not.interpolated} ${x}"', '(tpl "${not.interpolated} " x)'],
    ['"${join(\\",\\", [\\"a\\"])}"', '(tpl (join() "," ["a"]))'],
    ['"%{ if true }x%{ endif }"', '<opaque>'],
    ['"${"', '<opaque>'],
    ['true', 'true'],
    ['false', 'false'],
    ['null', 'null'],
    ['12.5', '12.5'],
    ['[1, "a", "${b}"]', '[1, "a", (tpl b)]'],
    ['{"k": "${v}", "n": {"m": 1}}', '{"k": (tpl v), "n": {"m": 1}}'],
  ];
  for (const [json, expected] of cases) {
    test(`${json} → ${expected}`, async () => {
      const file = await parseTfJson(`{"locals": {"v": ${json}}}`);
      assert.equal(show(attributeOf(file.blocks[0], 'v').expr), expected);
    });
  }

  test('an expression parsed from a string takes the string’s range (sub-ranges do not map into JSON)', async () => {
    const text = '{"locals": {"v": "${var.a ? var.b : \\"x\\"}"}}';
    const file = await parseTfJson(text);
    const attribute = attributeOf(file.blocks[0], 'v');
    const expr = attribute.expr;
    assert.equal(textOf(file, expr.range), '"${var.a ? var.b : \\"x\\"}"');
    assert.equal(expr.kind, 'template');
    if (expr.kind !== 'template') return;
    const [conditional] = expr.parts;
    assert.equal(conditional.kind, 'conditional');
    if (conditional.kind !== 'conditional') return;
    for (const part of [conditional, conditional.condition, conditional.whenTrue, conditional.whenFalse]) {
      assert.deepEqual(part.range, attribute.valueRange);
    }
  });
});

describe('.tf.json ranges', () => {
  test('labels are the key strings, attribute ranges run from key to value, offsets cover the property', async () => {
    const file = await parseTfJson(MAIN);
    const listener = only(file, 'resource', 'huaweicloud_lb_listener', 'tcp');
    assert.deepEqual(
      listener.labelRanges.map((r) => textOf(file, r)),
      ['"huaweicloud_lb_listener"', '"tcp"'],
    );
    assert.equal(textOf(file, listener.headerRange), '"tcp"');
    const lines = MAIN.split('\n');
    const tcpLine = lines.findIndex((l) => l.includes('"tcp"'));
    assert.deepEqual(listener.labelRanges[1].start, { line: tcpLine, character: lines[tcpLine].indexOf('"tcp"') });
    assert.ok(textOf(file, listener.range).startsWith('{\n        "loadbalancer_id"'));
    assert.ok(textOf(file, listener.range).endsWith('}'));
    assert.equal(MAIN[file.lines.offsetAt(listener.bodyStart) - 1], '{');
    assert.equal(MAIN[listener.close ? file.lines.offsetAt(listener.close) : -1], '}');

    const protocol = attributeOf(listener, 'protocol');
    assert.equal(textOf(file, protocol.nameRange), '"protocol"');
    assert.equal(textOf(file, protocol.valueRange), '"${var.protocol}"');
    assert.equal(textOf(file, protocol.range), '"protocol": "${var.protocol}"');
    assert.equal(
      MAIN.slice(file.lines.offsetAt(protocol.range.start), file.lines.offsetAt(protocol.range.end)),
      '"protocol": "${var.protocol}"',
    );
    const port = attributeOf(listener, 'protocol_port');
    assert.equal(textOf(file, port.valueRange), '80');

    const variable = only(file, 'variable', 'protocol');
    assert.equal(textOf(file, variable.labelRanges[0]), '"protocol"');
    const locals = only(file, 'locals');
    assert.deepEqual(locals.labelRanges, []);
    assert.equal(textOf(file, attributeOf(locals, 'name').valueRange), '"lb-${var.protocol}"');
  });

  test('non-ASCII keys and values, and CRLF line ends, keep UTF-16 positions', async () => {
    const text = '{\r\n  "locals": {\r\n    "名前": "🚀🚀",\r\n    "next": "${var.é}"\r\n  }\r\n}\r\n';
    const file = await parseTfJson(text);
    const locals = file.blocks[0];
    assert.equal(show(attributeOf(locals, '名前').expr), '"🚀🚀"');
    const next = attributeOf(locals, 'next');
    assert.deepEqual(next.nameRange.start, { line: 3, character: 4 });
    assert.deepEqual(attributeOf(locals, '名前').valueRange, {
      start: { line: 2, character: 10 },
      end: { line: 2, character: 16 },
    });
  });

  test('a body that is unclosed or has a syntax error inside has hasErrors (it may be half-typed)', async () => {
    const listener = '{"resource": {"huaweicloud_lb_listener": {"x": {"protocol": "HTTP", "transparent_client_ip_enable": "false"';
    const unclosed = (await parseTfJson(listener)).blocks[0];
    assert.equal(unclosed.hasErrors, true);
    assert.equal(unclosed.close, undefined);
    const broken = (await parseTfJson(listener.replace(', "transparent', ' "transparent') + '}}}}')).blocks[0];
    assert.equal(broken.hasErrors, true, 'a missing comma inside the body');
    // A closed body is sound even when the file around it is not (as a complete HCL block before a broken one).
    const closed = (await parseTfJson(listener + '}')).blocks[0];
    assert.equal(closed.hasErrors, false);
    assert.deepEqual(closed.close, { line: 0, character: listener.length });
    const { service } = await memoryService({ 'main.tf.json': listener });
    assert.deepEqual(service.analyzeFile(memPath('main.tf.json')), [], 'no finding on a half-typed listener');
  });

  test('broken JSON keeps what it could read and reports the syntax errors', async () => {
    const file = await parseTfJson('{"resource": {"huaweicloud_lb_listener": {"ok": {"protocol": "TCP"}, "broken": {"protocol": ');
    assert.ok(file.syntaxErrors.length > 0);
    assert.equal(show(attributeOf(only(file, 'resource', 'huaweicloud_lb_listener', 'ok'), 'protocol').expr), '"TCP"');
    const broken = file.blocks.find((b) => b.labels[1] === 'broken');
    assert.equal(broken?.attributes.has('protocol') ?? false, false, 'the value-less attribute is not read');
    for (const text of ['', '[]', '"x"', '{', 'nul']) assert.deepEqual((await parseTfJson(text)).blocks, [], text);
  });
});

describe('.tf.json through the service', () => {
  test('templates in strings are evaluated: the listener’s settings resolve', async () => {
    const { service } = await memoryService({ 'main.tf.json': MAIN });
    const hints = service.inlayHints(memPath('main.tf.json'), undefined);
    assert.deepEqual(
      hints.map((h) => h.label),
      ['client IP: on'],
    );
    const lines = MAIN.split('\n');
    const line = lines.findIndex((l) => l.includes('"protocol": "${var.protocol}"'));
    assert.deepEqual(hints[0].position, { line, character: lines[line].length - 1 }, 'after the protocol value');
  });

  test('a finding sits on the JSON value', async () => {
    const text = JSON.stringify(
      { resource: { huaweicloud_lb_listener: { web: { protocol: 'HTTP', transparent_client_ip_enable: '${"fal"}se' } } } },
      null,
      2,
    );
    const { service } = await memoryService({ 'main.tf.json': text });
    const [finding] = service.analyzeFile(memPath('main.tf.json'));
    assert.equal(finding?.ruleId, 'client-ip-always-on');
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('transparent_client_ip_enable'));
    assert.equal(finding.range.start.line, line);
    assert.equal(
      lines[line].slice(finding.range.start.character, finding.range.end.character).startsWith('"transparent_client_ip_enable"'),
      true,
    );
  });

  test('.tf and .tf.json files of one folder form one module', async () => {
    const { service } = await memoryService({
      'lb.tf': 'resource "huaweicloud_elb_loadbalancer" "lb" {\n  name = "x"\n}\n',
      'listener.tf.json': JSON.stringify({
        resource: { huaweicloud_lb_listener: { l: { loadbalancer_id: '${huaweicloud_elb_loadbalancer.lb.id}', protocol: 'TCP' } } },
      }),
    });
    assert.deepEqual(
      service.inlayHints(memPath('listener.tf.json'), undefined).map((h) => h.label),
      ['client IP: always on (dedicated)'],
    );
  });
});
