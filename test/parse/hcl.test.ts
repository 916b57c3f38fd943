import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ConfigBlock, ConfigFile } from '../../server/src/parse/config';
import { attributeOf, parseExpr, parseHcl, show, textOf } from './util';

function blockNamed(file: ConfigFile, ...labels: string[]): ConfigBlock {
  const block = file.blocks.find((b) => labels.every((l, i) => b.labels[i] === l));
  assert.ok(block, `no block ${labels.join('.')}; have ${file.blocks.map((b) => `${b.type} ${b.labels.join('.')}`).join(', ')}`);
  return block;
}

const LISTENER = `resource "huaweicloud_elb_listener" "web" {
  loadbalancer_id = huaweicloud_elb_loadbalancer.lb.id
  protocol        = "HTTP"

  insert_headers {
    x_forwarded_elb_ip = "true"
  }
}
`;

describe('HCL blocks, labels and their ranges', () => {
  test('a resource: type, labels, label ranges, header, whole range and offsets', async () => {
    const file = await parseHcl(LISTENER);
    assert.equal(file.format, 'hcl');
    assert.equal(file.path, '/mem/main.tf');
    assert.equal(file.blocks.length, 1);
    const [block] = file.blocks;
    assert.equal(block.type, 'resource');
    assert.deepEqual(block.labels, ['huaweicloud_elb_listener', 'web']);
    assert.deepEqual(
      block.labelRanges.map((r) => textOf(file, r)),
      ['"huaweicloud_elb_listener"', '"web"'],
    );
    assert.deepEqual(block.labelRanges[0], { start: { line: 0, character: 9 }, end: { line: 0, character: 35 } });
    assert.deepEqual(block.labelRanges[1], { start: { line: 0, character: 36 }, end: { line: 0, character: 41 } });
    assert.equal(textOf(file, block.headerRange), '"huaweicloud_elb_listener" "web"');
    assert.equal(textOf(file, block.range), LISTENER.trimEnd());
    assert.deepEqual(block.range.start, { line: 0, character: 0 });
    assert.deepEqual(block.range.end, { line: 7, character: 1 });
    assert.equal(file.lines.offsetAt(block.range.end), LISTENER.trimEnd().length);
    assert.equal(LISTENER[file.lines.offsetAt(block.bodyStart) - 1], '{', 'bodyStart is just after the opening brace');
    assert.equal(file.lines.offsetAt(block.close!), LISTENER.lastIndexOf('}'));
    assert.equal(block.hasErrors, false);
    assert.equal(block.bodySkipped, undefined);
    assert.deepEqual(file.syntaxErrors, []);
  });

  test('blocks without labels and with bare identifier labels; the header of a label-less block is its keyword', async () => {
    const file = await parseHcl('locals {\n  a = 1\n}\n\nresource huaweicloud_lb_listener bare {\n}\n\nterraform {}\n');
    assert.deepEqual(
      file.blocks.map((b) => [b.type, b.labels]),
      [
        ['locals', []],
        ['resource', ['huaweicloud_lb_listener', 'bare']],
        ['terraform', []],
      ],
    );
    assert.equal(textOf(file, file.blocks[0].headerRange), 'locals');
    assert.deepEqual(
      file.blocks[1].labelRanges.map((r) => textOf(file, r)),
      ['huaweicloud_lb_listener', 'bare'],
    );
    assert.equal(file.lines.offsetAt(file.blocks[2].close!), file.text.lastIndexOf('}'));
  });

  test('one-line blocks, several blocks in order, top-level attributes (tfvars)', async () => {
    const file = await parseHcl('variable "a" { default = 1 }\nvariable "b" {}\nx = "tfvars value"\ny = 2\n');
    assert.deepEqual(
      file.blocks.map((b) => b.labels[0]),
      ['a', 'b'],
    );
    assert.equal(show(attributeOf(file.blocks[0], 'default').expr), '1');
    assert.equal(file.blocks[1].attributes.size, 0);
    assert.deepEqual([...file.attributes.keys()], ['x', 'y']);
    assert.equal(show(attributeOf(file, 'x').expr), '"tfvars value"');
  });

  test('nested blocks, repeated nested blocks in order, and blocks nested two levels deep', async () => {
    const file = await parseHcl(`resource "huaweicloud_elb_ipgroup" "g" {
  name = "g"
  ip_list {
    ip = "10.0.0.0/8"
  }
  ip_list {
    ip          = "192.168.1.1"
    description = "one"
  }
  dynamic "ip_list" {
    for_each = var.cidrs
    content {
      ip = ip_list.value
    }
  }
}
`);
    const [group] = file.blocks;
    assert.deepEqual(
      group.blocks.map((b) => [b.type, b.labels]),
      [
        ['ip_list', []],
        ['ip_list', []],
        ['dynamic', ['ip_list']],
      ],
    );
    assert.deepEqual(
      group.blocks.slice(0, 2).map((b) => show(attributeOf(b, 'ip').expr)),
      ['"10.0.0.0/8"', '"192.168.1.1"'],
    );
    assert.equal(textOf(file, group.blocks[0].headerRange), 'ip_list');
    const content = group.blocks[2].blocks[0];
    assert.equal(content.type, 'content');
    assert.equal(show(attributeOf(content, 'ip').expr), 'ip_list.value');
    assert.equal(textOf(file, content.range), 'content {\n      ip = ip_list.value\n    }');
    assert.ok(group.blocks.every((b) => !b.hasErrors));
  });

  test('the first of two attributes with the same name is kept', async () => {
    const file = await parseHcl('resource "a" "b" {\n  protocol = "TCP"\n  protocol = "UDP"\n}\n');
    assert.equal(show(attributeOf(file.blocks[0], 'protocol').expr), '"TCP"');
  });

  test('string labels and values: empty, escaped quotes and backslashes; an unterminated one neither crashes nor loses its block', async () => {
    const file = await parseHcl('resource "a\\"q" "" {\n  x = "b\\\\"\n  y = ""\n}\n');
    assert.deepEqual(file.blocks[0].labels, ['a"q', '']);
    assert.equal(show(attributeOf(file.blocks[0], 'x').expr), JSON.stringify('b\\'));
    assert.equal(show(attributeOf(file.blocks[0], 'y').expr), '""');
    // The value ends in an escaped quote and no closing one: a repaired block, whatever its value reads.
    const broken = await parseHcl('resource "a" "b" {\n  x = "c\\"\n}\nresource "d" "e" {\n  y = "f"\n}\n');
    assert.ok(broken.blocks.some((b) => b.labels[1] === 'b'));
  });

  test('a body filter skips the bodies of blocks it rejects, keeping their labels and ranges', async () => {
    const text =
      'resource "null_resource" "n" {\n  x = 1\n  inner {}\n}\nresource "huaweicloud_lb_listener" "l" {\n  protocol = "TCP"\n}\n';
    const file = await parseHcl(text, (type, labels) => type !== 'resource' || labels[0] !== 'null_resource');
    const [skipped, read] = file.blocks;
    assert.equal(skipped.bodySkipped, true);
    assert.equal(skipped.attributes.size, 0);
    assert.equal(skipped.blocks.length, 0);
    assert.deepEqual(skipped.labels, ['null_resource', 'n']);
    assert.equal(textOf(file, skipped.range), 'resource "null_resource" "n" {\n  x = 1\n  inner {}\n}');
    assert.equal(read.bodySkipped, undefined);
    assert.equal(show(attributeOf(read, 'protocol').expr), '"TCP"');
  });
});

describe('HCL attributes', () => {
  test('name, value and whole ranges, and offsets', async () => {
    const file = await parseHcl(LISTENER);
    const protocol = attributeOf(file.blocks[0], 'protocol');
    assert.equal(protocol.name, 'protocol');
    assert.equal(textOf(file, protocol.nameRange), 'protocol');
    assert.equal(textOf(file, protocol.valueRange), '"HTTP"');
    assert.equal(textOf(file, protocol.range), 'protocol        = "HTTP"');
    assert.deepEqual(protocol.range, { start: { line: 2, character: 2 }, end: { line: 2, character: 26 } });
    assert.equal(
      LISTENER.slice(file.lines.offsetAt(protocol.range.start), file.lines.offsetAt(protocol.range.end)),
      'protocol        = "HTTP"',
    );
    assert.deepEqual(protocol.expr.range, protocol.valueRange);
    const headers = file.blocks[0].blocks[0];
    assert.equal(headers.type, 'insert_headers');
    assert.equal(textOf(file, attributeOf(headers, 'x_forwarded_elb_ip').range), 'x_forwarded_elb_ip = "true"');
  });

  test('a multi-line value spans its lines', async () => {
    const file = await parseHcl('locals {\n  tags = {\n    a = 1\n    b = 2\n  }\n}\n');
    const tags = attributeOf(file.blocks[0], 'tags');
    assert.deepEqual(tags.valueRange, { start: { line: 1, character: 9 }, end: { line: 4, character: 3 } });
    assert.equal(show(tags.expr), '{a: 1, b: 2}');
  });
});

describe('HCL comments', () => {
  test('#, // and /* */ comments at top level, inside blocks and after attributes, in document order', async () => {
    const text = `# top
resource "huaweicloud_lb_listener" "l" { // after the header
  /* a block
     comment */
  protocol = "TCP" # trailing
  insert_headers {
    # nested
  }
}
// last
`;
    const file = await parseHcl(text);
    assert.deepEqual(
      file.comments.map((c) => c.text.trimEnd()),
      ['# top', '// after the header', '/* a block\n     comment */', '# trailing', '# nested', '// last'],
    );
    for (const comment of file.comments) assert.equal(textOf(file, comment.range).trimEnd(), comment.text.trimEnd());
    assert.deepEqual(file.comments[3].range.start, { line: 4, character: 19 });
    // Comments do not disturb the attributes around them.
    assert.equal(show(attributeOf(file.blocks[0], 'protocol').expr), '"TCP"');
  });

  test('comments inside expressions are ignored', async () => {
    assert.equal(show(await parseExpr('[\n  1, # one\n  2, /* two */\n]')), '[1, 2]');
    assert.equal(show(await parseExpr('{\n  a = 1 # one\n  b = 2\n}')), '{a: 1, b: 2}');
  });
});

describe('HCL expressions', () => {
  const cases: [string, string][] = [
    // literals
    ['"text"', '"text"'],
    ['42', '42'],
    ['1.5', '1.5'],
    ['1.5e3', '1500'], // an exponent without a fraction (1e3) is not in tree-sitter-hcl's grammar
    ['true', 'true'],
    ['false', 'false'],
    ['null', 'null'],
    ['""', '""'],
    ['"a\\tb\\"c\\\\d\\u00e9\\U0001F600"', JSON.stringify('a\tb"c\\dé😀')],
    ['"$${not.interpolated} %%{not.a.directive}"', JSON.stringify('${not.interpolated} %{not.a.directive}')],
    ['" padded "', '" padded "'],
    // templates
    ['"a-${b}-c"', '(tpl "a-" b "-c")'],
    ['"${var.x}"', '(tpl var.x)'],
    ['"${a} ${b}"', '(tpl a " " b)'],
    ['" x ${b}  c "', '(tpl " x " b "  c ")'],
    ['"${"nested ${x}"}"', '(tpl (tpl "nested " x))'],
    ['"%{ if true }x%{ endif }"', '<opaque>'],
    // heredocs
    ['<<EOT\nhello ${var.x}\nEOT', '(tpl "hello " var.x "\\n")'],
    ['<<EOT\n  two\n  lines\nEOT', '(tpl "  two\\n  lines\\n")'],
    ['<<-EOT\n    indented\n      more ${x}\n    EOT', '(tpl "indented\\n  more " x "\\n")'],
    ['<<EOT\n$${kept} \\n\nEOT', '(tpl "${kept} \\\\n\\n")'],
    // traversals
    ['var.x', 'var.x'],
    ['a.b.c', 'a.b.c'],
    ['x[0]', 'x[0]'],
    ['x["k"].id', 'x["k"].id'],
    ['x.0.id', 'x[0].id'],
    ['x[count.index].id', 'x[count.index].id'],
    ['x[var.i][0]', 'x[var.i][0]'],
    ['x[*].id', 'x[*].id'],
    ['x.*.id', 'x[*].id'],
    ['huaweicloud_elb_listener.l[each.key].protocol', 'huaweicloud_elb_listener.l[each.key].protocol'],
    // conditionals, calls
    ['a ? "x" : "y"', '(? a "x" "y")'],
    ['a ? b : c ? d : e', '(? a b (? c d e))'],
    ['var.on == "yes" ? true : false', '(? (== var.on "yes") true false)'],
    ['f()', '(f())'],
    ['tobool(var.x)', '(tobool() var.x)'],
    ['join("-", ["a", var.b])', '(join() "-" ["a", var.b])'],
    ['lower(upper("x"))', '(lower() (upper() "x"))'],
    ['f(x...)', '<opaque>'],
    // collections
    ['[]', '[]'],
    ['[1, "a", b.c]', '[1, "a", b.c]'],
    ['[\n  1,\n  2,\n]', '[1, 2]'],
    ['{}', '{}'],
    ['{ a = 1, "b" = 2, c : 3 }', '{a: 1, "b": 2, c: 3}'],
    ['{ (var.k) = 1 }', '{(paren var.k): 1}'],
    ['{\n  nested = { x = [1] }\n}', '{nested: {x: [1]}}'],
    ['[for x in y : x]', '<opaque>'],
    // operators and parentheses
    ['-1', '(- 1)'],
    ['!a', '(! a)'],
    ['!var.a.b', '(! var.a.b)'],
    ['1 + 2 * 3', '(+ 1 (* 2 3))'],
    ['1 * 2 + 3', '(+ (* 1 2) 3)'],
    ['(1 + 2) * 3', '(* (+ 1 2) 3)'],
    ['3 * (1 + 2)', '(* 3 (+ 1 2))'],
    ['(var.a) == "x"', '(== var.a "x")'],
    ['a == b && c != d || !e', '(|| (&& (== a b) (!= c d)) (! e))'],
    ['var.a.b && local.c[0]', '(&& var.a.b local.c[0])'],
    ['1 < 2 == 3 >= 4', '(== (< 1 2) (>= 3 4))'],
    ['10 % 3 - 4 / 2', '(- (% 10 3) (/ 4 2))'],
    ['(a)', '(paren a)'],
    ['((true))', '(paren (paren true))'],
    ['(a ? b : c)', '(paren (? a b c))'],
  ];
  for (const [source, expected] of cases) {
    test(`${JSON.stringify(source)} → ${expected}`, async () => {
      assert.equal(show(await parseExpr(source)), expected);
    });
  }

  test('sub-expressions carry their own ranges', async () => {
    const file = await parseHcl('v = "a-${var.x}" == b[0] ? f(1) : null\n');
    const expr = attributeOf(file, 'v').expr;
    assert.equal(expr.kind, 'conditional');
    if (expr.kind !== 'conditional') return;
    assert.equal(textOf(file, expr.range), '"a-${var.x}" == b[0] ? f(1) : null');
    assert.equal(expr.condition.kind, 'binary');
    if (expr.condition.kind !== 'binary') return;
    assert.equal(textOf(file, expr.condition.left.range), '"a-${var.x}"');
    assert.equal(textOf(file, expr.condition.right.range), 'b[0]');
    const template = expr.condition.left;
    assert.equal(template.kind, 'template');
    if (template.kind !== 'template') return;
    assert.deepEqual(
      template.parts.map((p) => textOf(file, p.range)),
      ['a-', 'var.x'],
    );
    assert.equal(textOf(file, expr.whenTrue.range), 'f(1)');
    assert.equal(textOf(file, expr.whenFalse.range), 'null');
  });

  test('an opaque expression keeps its source text', async () => {
    const expr = await parseExpr('[for s in var.list : upper(s)]');
    assert.equal(expr.kind, 'opaque');
    if (expr.kind === 'opaque') assert.equal(expr.text, '[for s in var.list : upper(s)]');
  });
});

describe('HCL error tolerance', () => {
  const COMPLETE = `resource "huaweicloud_elb_loadbalancer" "lb" {
  name = "lb"
}

resource "huaweicloud_elb_listener" "ok" {
  loadbalancer_id = huaweicloud_elb_loadbalancer.lb.id
  protocol        = "TCP"
}
`;

  test('a half-typed block after complete blocks: the complete ones parse, the broken one has hasErrors', async () => {
    const endings = [
      'resource "huaweicloud_elb_listener" "half" {\n  protocol = "TC',
      'resource "huaweicloud_elb_listener" "half" {\n  protocol = ',
      'resource "huaweicloud_elb_listener" "half" {\n  protocol = "TCP"\n  transparent_client_ip_enable = "false\n',
      'resource "huaweicloud_elb_listener" "half" {\n  protocol = "TCP"\n',
      'resource "huaweicloud_elb_listener" "half" {\n  protocol = "TCP"\n  insert_headers {\n',
    ];
    for (const ending of endings) {
      const file = await parseHcl(COMPLETE + '\n' + ending);
      const lb = blockNamed(file, 'huaweicloud_elb_loadbalancer', 'lb');
      const ok = blockNamed(file, 'huaweicloud_elb_listener', 'ok');
      assert.equal(lb.hasErrors, false, ending);
      assert.equal(ok.hasErrors, false, ending);
      assert.equal(show(attributeOf(ok, 'protocol').expr), '"TCP"', ending);
      assert.equal(show(attributeOf(ok, 'loadbalancer_id').expr), 'huaweicloud_elb_loadbalancer.lb.id', ending);
      const half = blockNamed(file, 'huaweicloud_elb_listener', 'half');
      assert.equal(half.hasErrors, true, ending);
      assert.equal(half.close, undefined, `${ending}: an unterminated block has no closing brace`);
    }
  });

  test('a broken attribute inside a block marks the block, and its value is opaque', async () => {
    const file = await parseHcl(
      COMPLETE +
        '\nresource "huaweicloud_lb_listener" "bad" {\n  protocol = "TCP" +\n  name = "x"\n}\n\nvariable "after" {\n  default = 1\n}\n',
    );
    const bad = blockNamed(file, 'huaweicloud_lb_listener', 'bad');
    assert.equal(bad.hasErrors, true);
    for (const attribute of bad.attributes.values()) assert.notEqual(attribute.expr.kind, 'literal', attribute.name);
    const after = blockNamed(file, 'after');
    assert.equal(after.hasErrors, false);
    assert.equal(show(attributeOf(after, 'default').expr), '1');
  });

  test('stray text between blocks is a syntax error; the blocks around it still parse', async () => {
    const file = await parseHcl(COMPLETE + '\n}}} this is not HCL ((\n\nvariable "after" {\n  default = "x"\n}\n');
    assert.ok(file.syntaxErrors.length > 0);
    assert.equal(blockNamed(file, 'huaweicloud_elb_listener', 'ok').hasErrors, false);
    assert.equal(show(attributeOf(blockNamed(file, 'huaweicloud_elb_listener', 'ok'), 'protocol').expr), '"TCP"');
  });

  test('an unterminated string does not swallow the complete blocks before it', async () => {
    const file = await parseHcl(COMPLETE + '\nresource "huaweicloud_lb_listener" "x" {\n  protocol = "TCP\n}\n');
    assert.equal(blockNamed(file, 'huaweicloud_elb_listener', 'ok').hasErrors, false);
    const broken = file.blocks.find((b) => b.labels[1] === 'x');
    if (broken) assert.equal(broken.hasErrors, true);
  });
});

describe('HCL positions', () => {
  test('characters are UTF-16 code units: non-ASCII and astral text before a range', async () => {
    const text =
      '# 负载均衡 ✓ 🚀🚀\nresource "huaweicloud_elb_listener" "监听器🚀" { protocol = "TCP" }\nlocals {\n  name = "ünïcødé 🚀" # 注释\n  next = "x"\n}\n';
    const file = await parseHcl(text);
    const listener = file.blocks[0];
    assert.deepEqual(listener.labels, ['huaweicloud_elb_listener', '监听器🚀']);
    const line1 = text.split('\n')[1];
    assert.deepEqual(listener.labelRanges[1], {
      start: { line: 1, character: line1.indexOf('"监听器') },
      end: { line: 1, character: line1.indexOf('"监听器') + '"监听器🚀"'.length },
    });
    assert.equal('"监听器🚀"'.length, 7, 'the rocket is two UTF-16 code units');
    const protocol = attributeOf(listener, 'protocol');
    assert.deepEqual(protocol.nameRange.start, { line: 1, character: line1.indexOf('protocol') });
    assert.equal(textOf(file, protocol.range), 'protocol = "TCP"');
    const locals = file.blocks[1];
    assert.equal(show(attributeOf(locals, 'name').expr), '"ünïcødé 🚀"');
    assert.equal(textOf(file, attributeOf(locals, 'name').valueRange), '"ünïcødé 🚀"');
    assert.equal(file.comments[0].text, '# 负载均衡 ✓ 🚀🚀');
    assert.equal(file.comments[1].text, '# 注释');
    assert.deepEqual(file.comments[1].range.start, { line: 3, character: text.split('\n')[3].indexOf('# 注释') });
    assert.equal(textOf(file, attributeOf(locals, 'next').range), 'next = "x"');
  });

  test('template parts after astral characters', async () => {
    const file = await parseHcl('v = "🚀${a}é${b}"\n');
    const expr = attributeOf(file, 'v').expr;
    assert.equal(show(expr), '(tpl "🚀" a "é" b)');
    if (expr.kind !== 'template') return;
    assert.deepEqual(
      expr.parts.map((p) => [p.range.start.character, textOf(file, p.range)]),
      [
        [5, '🚀'],
        [9, 'a'],
        [11, 'é'],
        [14, 'b'],
      ],
    );
  });

  test('CRLF line ends: lines count once per CRLF, ranges stop before the CR', async () => {
    const text = LISTENER.replace(/\n/g, '\r\n');
    const file = await parseHcl(text);
    const [block] = file.blocks;
    assert.equal(block.hasErrors, false);
    const protocol = attributeOf(block, 'protocol');
    assert.deepEqual(protocol.range, { start: { line: 2, character: 2 }, end: { line: 2, character: 26 } });
    assert.equal(show(protocol.expr), '"HTTP"');
    assert.deepEqual(block.range.end, { line: 7, character: 1 });
    assert.equal(file.lines.lineText(2), '  protocol        = "HTTP"');
    assert.equal(file.lines.eol, '\r\n');
    assert.equal(show(attributeOf(block.blocks[0], 'x_forwarded_elb_ip').expr), '"true"');
    const heredoc = await parseHcl('v = <<EOT\r\nline\r\nEOT\r\n');
    assert.equal(heredoc.syntaxErrors.length, 0);
    assert.equal(attributeOf(heredoc, 'v').expr.kind, 'template');
  });

  test('a byte order mark is one code unit before the first block and does not break it', async () => {
    const file = await parseHcl('\ufeff' + LISTENER);
    const [block] = file.blocks;
    assert.equal(block.hasErrors, false);
    assert.deepEqual(block.labels, ['huaweicloud_elb_listener', 'web']);
    assert.deepEqual(block.labelRanges[0].start, { line: 0, character: 10 });
    assert.deepEqual(attributeOf(block, 'protocol').range.start, { line: 2, character: 2 });
  });
});
