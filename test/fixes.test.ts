import assert from 'node:assert/strict';
import { describe, test, type TestContext } from 'node:test';
import {
  addAttribute,
  boolLiteral,
  insertLineBefore,
  removeAttribute,
  removeBlock,
  removeLines,
  replaceValue,
} from '../server/src/fixes/edits';
import type { ConfigBlock, ConfigFile } from '../server/src/parse/config';
import { loadHclParser } from '../server/src/parse/hcl';
import { tfJsonToConfigFile } from '../server/src/parse/json';
import { applyEdits, assertFmtAccepts, memPath } from './helpers';

/** Parses HCL text the way the service does. */
async function hclFile(text: string): Promise<ConfigFile> {
  const parser = await loadHclParser();
  return parser.toConfigFile(memPath('main.tf'), text, parser.parseTree(text));
}

/** Parses Terraform JSON; the sources here hold no `${…}` templates. */
function jsonFile(text: string): ConfigFile {
  return tfJsonToConfigFile(memPath('main.tf.json'), text, () => undefined);
}

/** The first resource block, or the nested block of that type inside it. */
function blockOf(file: ConfigFile, nested?: string): ConfigBlock {
  const resource = file.blocks.find((b) => b.type === 'resource');
  assert.ok(resource, 'no resource block');
  if (!nested) return resource;
  const inner = resource.blocks.find((b) => b.type === nested);
  assert.ok(inner, `no ${nested} block`);
  return inner;
}

/** Removes `name` from the block; the source must already be formatted, the result must stay so. */
async function removed(t: TestContext, source: string, name: string, nested?: string): Promise<string> {
  assertFmtAccepts(t, source);
  const file = await hclFile(source);
  const block = blockOf(file, nested);
  const attribute = block.attributes.get(name);
  assert.ok(attribute, `no attribute ${name}`);
  const result = applyEdits(source, removeAttribute(file, block, attribute));
  assertFmtAccepts(t, result.replaceAll('\r\n', '\n'));
  return result;
}

async function added(t: TestContext, source: string, name: string, value: string, nested?: string): Promise<string> {
  assertFmtAccepts(t, source);
  const file = await hclFile(source);
  const result = applyEdits(source, addAttribute(file, blockOf(file, nested), name, value, JSON.parse(value)));
  assertFmtAccepts(t, result.replaceAll('\r\n', '\n'));
  return result;
}

describe('removeAttribute (HCL)', () => {
  test('removing the longest name of a run shrinks the `=` column of the rest', async (t) => {
    const source = `resource "huaweicloud_lb_listener" "l" {
  protocol                     = "HTTP"
  transparent_client_ip_enable = "false"
  protocol_port                = 80
}
`;
    assert.equal(
      await removed(t, source, 'transparent_client_ip_enable'),
      `resource "huaweicloud_lb_listener" "l" {
  protocol      = "HTTP"
  protocol_port = 80
}
`,
    );
  });

  test('removing a shorter name takes only its line', async (t) => {
    const source = `resource "huaweicloud_elb_listener" "l" {
  transparent_client_ip_enable = "false"
  real_ip                      = true
  protocol                     = "TCP"
}
`;
    const file = await hclFile(source);
    const block = blockOf(file);
    assert.equal(removeAttribute(file, block, block.attributes.get('real_ip')!).length, 1);
    assert.equal(
      await removed(t, source, 'real_ip'),
      `resource "huaweicloud_elb_listener" "l" {
  transparent_client_ip_enable = "false"
  protocol                     = "TCP"
}
`,
    );
  });

  test('the trailing comment goes with the attribute', async (t) => {
    const source = `resource "opentelekomcloud_lb_listener_v2" "l" {
  protocol                     = "HTTP"
  transparent_client_ip_enable = false # keep it off
}
`;
    assert.equal(
      await removed(t, source, 'transparent_client_ip_enable'),
      `resource "opentelekomcloud_lb_listener_v2" "l" {\n  protocol = "HTTP"\n}\n`,
    );
  });

  test('runs separated by a blank line or a comment line keep their own column', async (t) => {
    const source = `resource "huaweicloud_elb_listener" "l" {
  name                 = "x"
  forward_request_port = true

  loadbalancer_id = var.lb
  # the port
  protocol_port = 80
}
`;
    assert.equal(
      await removed(t, source, 'forward_request_port'),
      `resource "huaweicloud_elb_listener" "l" {
  name = "x"

  loadbalancer_id = var.lb
  # the port
  protocol_port = 80
}
`,
    );
  });

  test('an attribute opening a bracket (`tags = {`) has no `=` column and is left alone', async (t) => {
    const source = `resource "huaweicloud_lb_listener" "l" {
  loadbalancer_id              = var.lb
  transparent_client_ip_enable = "false"
  tags = {
    team = "web"
  }
}
`;
    assert.equal(
      await removed(t, source, 'transparent_client_ip_enable'),
      `resource "huaweicloud_lb_listener" "l" {
  loadbalancer_id = var.lb
  tags = {
    team = "web"
  }
}
`,
    );
  });

  test('removing a multi-line attribute takes all its lines and joins the runs around it into one column', async (t) => {
    const source = `resource "huaweicloud_lb_listener" "l" {
  name = "x"
  tags = {
    team = "web"
  }
  loadbalancer_id = var.lb
}
`;
    assert.equal(
      await removed(t, source, 'tags'),
      `resource "huaweicloud_lb_listener" "l" {
  name            = "x"
  loadbalancer_id = var.lb
}
`,
    );
  });

  test('a heredoc keeps the run going: attributes after it are realigned too', async (t) => {
    const source = `resource "huaweicloud_compute_instance" "vm" {
  name                         = "vm"
  user_data                    = <<EOF
#!/bin/sh
EOF
  transparent_client_ip_enable = "false"
  flavor                       = "s6"
}
`;
    assert.equal(
      await removed(t, source, 'transparent_client_ip_enable'),
      `resource "huaweicloud_compute_instance" "vm" {
  name      = "vm"
  user_data = <<EOF
#!/bin/sh
EOF
  flavor    = "s6"
}
`,
    );
  });

  test('works on the last line of a file without a final newline', async (t) => {
    const source = `resource "huaweicloud_elb_listener" "l" {
  protocol = "TCP"
  real_ip  = true
}`;
    const file = await hclFile(source);
    const block = blockOf(file);
    const result = applyEdits(source, removeAttribute(file, block, block.attributes.get('real_ip')!));
    assert.equal(result, `resource "huaweicloud_elb_listener" "l" {\n  protocol = "TCP"\n}`);
    assertFmtAccepts(t, `${result}\n`);
  });

  test('the only attribute of a one-line block leaves `{}`', async (t) => {
    const source = `resource "huaweicloud_elb_listener" "l" { real_ip = true }\n`;
    assert.equal(await removed(t, source, 'real_ip'), `resource "huaweicloud_elb_listener" "l" {}\n`);
  });

  test('inside a nested block only that block is realigned', async (t) => {
    const source = `resource "opentelekomcloud_lb_listener_v3" "l" {
  protocol = "TCP"

  insert_headers {
    forwarded_host     = true
    forwarded_for_port = true
  }
}
`;
    assert.equal(
      await removed(t, source, 'forwarded_for_port', 'insert_headers'),
      `resource "opentelekomcloud_lb_listener_v3" "l" {
  protocol = "TCP"

  insert_headers {
    forwarded_host = true
  }
}
`,
    );
  });

  test('CRLF files keep CRLF line breaks', async (t) => {
    const source =
      'resource "huaweicloud_lb_listener" "l" {\r\n  protocol                     = "HTTP"\r\n  transparent_client_ip_enable = "false"\r\n}\r\n';
    const result = await removed(t, source, 'transparent_client_ip_enable');
    assert.equal(result, 'resource "huaweicloud_lb_listener" "l" {\r\n  protocol = "HTTP"\r\n}\r\n');
  });
});

describe('addAttribute (HCL)', () => {
  test('a shorter name is padded to the existing `=` column', async (t) => {
    const source = `resource "huaweicloud_elb_listener" "l" {
  loadbalancer_id = var.lb
  protocol        = "HTTP"
}
`;
    assert.equal(
      await added(t, source, 'real_ip', 'true'),
      `resource "huaweicloud_elb_listener" "l" {
  loadbalancer_id = var.lb
  protocol        = "HTTP"
  real_ip         = true
}
`,
    );
  });

  test('a longer name moves the column of the run it joins', async (t) => {
    const source = `resource "huaweicloud_lb_listener" "l" {
  name = "x"

  loadbalancer_id = var.lb
  protocol        = "TCP"
}
`;
    assert.equal(
      await added(t, source, 'transparent_client_ip_enable', '"true"'),
      `resource "huaweicloud_lb_listener" "l" {
  name = "x"

  loadbalancer_id              = var.lb
  protocol                     = "TCP"
  transparent_client_ip_enable = "true"
}
`,
    );
  });

  test('after an attribute that opens a bracket the new one stands alone', async (t) => {
    const source = `resource "huaweicloud_lb_listener" "l" {
  protocol = "TCP"
  tags = {
    team = "web"
  }
}
`;
    assert.equal(
      await added(t, source, 'transparent_client_ip_enable', '"true"'),
      `resource "huaweicloud_lb_listener" "l" {
  protocol = "TCP"
  tags = {
    team = "web"
  }
  transparent_client_ip_enable = "true"
}
`,
    );
  });

  test('after a heredoc the new one joins the column of the heredoc run', async (t) => {
    const source = `resource "huaweicloud_compute_instance" "vm" {
  name      = "vm"
  user_data = <<EOF
#!/bin/sh
EOF
}
`;
    assert.equal(
      await added(t, source, 'flavor', '"s6"'),
      `resource "huaweicloud_compute_instance" "vm" {
  name      = "vm"
  user_data = <<EOF
#!/bin/sh
EOF
  flavor    = "s6"
}
`,
    );
  });

  test('a heredoc inside a call opens a bracket first: no column, the new one stands alone', async (t) => {
    const source = `resource "huaweicloud_compute_instance" "vm" {
  name = "vm"
  user_data = trimspace(<<EOF
#!/bin/sh
echo "\${var.x}"
EOF
  )
}
`;
    assert.equal(await added(t, source, 'flavor', '"s6"'), source.replace('  )\n}', '  )\n  flavor = "s6"\n}'));
  });

  test('the new line goes after a trailing comment, and the comment stays', async (t) => {
    const source = `resource "huaweicloud_elb_member" "m" {
  pool_id = huaweicloud_elb_pool.p.id
  address = "172.16.0.9" # on-premises
}
`;
    assert.equal(
      await added(t, source, 'subnet_id', '"s"'),
      `resource "huaweicloud_elb_member" "m" {
  pool_id   = huaweicloud_elb_pool.p.id
  address   = "172.16.0.9" # on-premises
  subnet_id = "s"
}
`,
    );
  });

  test('a block with only nested blocks gets the attribute first', async (t) => {
    const source = `resource "opentelekomcloud_lb_listener_v3" "l" {
  insert_headers {
    forwarded_host = true
  }
}
`;
    assert.equal(
      await added(t, source, 'protocol', '"HTTP"'),
      `resource "opentelekomcloud_lb_listener_v3" "l" {
  protocol = "HTTP"
  insert_headers {
    forwarded_host = true
  }
}
`,
    );
  });

  test('attributes come before nested blocks that follow them', async (t) => {
    const source = `resource "opentelekomcloud_lb_listener_v3" "l" {
  protocol = "HTTP"

  insert_headers {
    forwarded_host = true
  }
}
`;
    assert.equal(
      await added(t, source, 'protocol_port', '80'),
      `resource "opentelekomcloud_lb_listener_v3" "l" {
  protocol      = "HTTP"
  protocol_port = 80

  insert_headers {
    forwarded_host = true
  }
}
`,
    );
  });

  test('into a nested block, at its own indentation', async (t) => {
    const source = `resource "opentelekomcloud_lb_listener_v3" "l" {
  protocol = "HTTP"

  insert_headers {
    forwarded_host = true
  }
}
`;
    assert.equal(
      await added(t, source, 'forwarded_for_port', 'true', 'insert_headers'),
      `resource "opentelekomcloud_lb_listener_v3" "l" {
  protocol = "HTTP"

  insert_headers {
    forwarded_host     = true
    forwarded_for_port = true
  }
}
`,
    );
  });

  test('empty blocks: `{` and `}` on their own lines, `{}`, and a one-line block with an attribute', async (t) => {
    assert.equal(
      await added(t, 'resource "huaweicloud_lb_listener" "l" {\n}\n', 'protocol', '"TCP"'),
      'resource "huaweicloud_lb_listener" "l" {\n  protocol = "TCP"\n}\n',
    );
    assert.equal(
      await added(t, 'resource "huaweicloud_lb_listener" "l" {}\n', 'protocol', '"TCP"'),
      'resource "huaweicloud_lb_listener" "l" {\n  protocol = "TCP"\n}\n',
    );
    assert.equal(
      await added(t, 'resource "huaweicloud_lb_listener" "l" { protocol = "TCP" }\n', 'transparent_client_ip_enable', '"true"'),
      'resource "huaweicloud_lb_listener" "l" {\n  protocol                     = "TCP"\n  transparent_client_ip_enable = "true"\n}\n',
    );
  });

  test('CRLF files get CRLF line breaks', async (t) => {
    const source = 'resource "huaweicloud_lb_listener" "l" {\r\n  loadbalancer_id = var.lb\r\n  protocol        = "TCP"\r\n}\r\n';
    const result = await added(t, source, 'transparent_client_ip_enable', '"true"');
    assert.equal(
      result,
      'resource "huaweicloud_lb_listener" "l" {\r\n  loadbalancer_id              = var.lb\r\n  protocol                     = "TCP"\r\n  transparent_client_ip_enable = "true"\r\n}\r\n',
    );
    assert.equal(/[^\r]\n/.test(result), false, 'no bare LF');
    assert.equal(
      await added(t, 'resource "huaweicloud_lb_listener" "l" {}\r\n', 'protocol', '"TCP"'),
      'resource "huaweicloud_lb_listener" "l" {\r\n  protocol = "TCP"\r\n}\r\n',
    );
  });
});

describe('replaceValue, removeBlock, boolLiteral (HCL)', () => {
  test('replaceValue swaps only the value expression', async (t) => {
    const source = `resource "huaweicloud_lb_listener" "l" {
  protocol                     = "TCP"
  transparent_client_ip_enable = var.enabled ? "true" : "false" # why
}
`;
    const file = await hclFile(source);
    const attribute = blockOf(file).attributes.get('transparent_client_ip_enable')!;
    const result = applyEdits(source, replaceValue(file, attribute, boolLiteral(true, true)));
    assert.equal(result, source.replace('var.enabled ? "true" : "false"', '"true"'));
    assertFmtAccepts(t, result);
  });

  test('removeBlock takes the nested block with its lines', async (t) => {
    const source = `resource "opentelekomcloud_lb_listener_v3" "l" {
  protocol = "TCP"
  insert_headers {
    forwarded_host = true
  }
}
`;
    const file = await hclFile(source);
    const result = applyEdits(source, removeBlock(file, blockOf(file, 'insert_headers')));
    assert.equal(result, `resource "opentelekomcloud_lb_listener_v3" "l" {\n  protocol = "TCP"\n}\n`);
    assertFmtAccepts(t, result);
  });

  test('removeBlock joins the attributes around the block into one `=` column', async (t) => {
    const source = `resource "opentelekomcloud_lb_listener_v3" "l" {
  protocol = "TCP"
  insert_headers {
    forwarded_host = true
  }
  loadbalancer_id = var.lb
}
`;
    assertFmtAccepts(t, source);
    const file = await hclFile(source);
    const result = applyEdits(source, removeBlock(file, blockOf(file, 'insert_headers')));
    assert.equal(result, `resource "opentelekomcloud_lb_listener_v3" "l" {\n  protocol        = "TCP"\n  loadbalancer_id = var.lb\n}\n`);
    assertFmtAccepts(t, result);
  });

  test('boolLiteral writes the resource type: bool or string', () => {
    assert.equal(boolLiteral(true, false), 'true');
    assert.equal(boolLiteral(false, false), 'false');
    assert.equal(boolLiteral(true, true), '"true"');
    assert.equal(boolLiteral(false, true), '"false"');
  });
});

describe('insertLineBefore and removeLines (comment lines)', () => {
  const aligned = `resource "huaweicloud_lb_listener" "l" {
  loadbalancer_id              = var.lb
  transparent_client_ip_enable = "false"
}
`;
  const split = `resource "huaweicloud_lb_listener" "l" {
  loadbalancer_id = var.lb
  # elb-lens-ignore: client-ip-always-on
  transparent_client_ip_enable = "false"
}
`;

  test('a line inserted into a run splits it, and both halves are realigned', async (t) => {
    const file = await hclFile(aligned);
    const result = applyEdits(aligned, insertLineBefore(file, 2, '  # elb-lens-ignore: client-ip-always-on'));
    assert.equal(result, split);
    assertFmtAccepts(t, result);
  });

  test('removing the line between two runs joins them', async (t) => {
    const file = await hclFile(split);
    const result = applyEdits(split, removeLines(file, 2, 2));
    assert.equal(result, aligned);
    assertFmtAccepts(t, result);
  });

  test('outside any block (above a resource) nothing else changes; CRLF is kept', async () => {
    const crlf = aligned.replaceAll('\n', '\r\n');
    const file = await hclFile(crlf);
    const edits = insertLineBefore(file, 0, '# note');
    assert.equal(edits.length, 1);
    assert.equal(applyEdits(crlf, edits), `# note\r\n${crlf}`);
  });
});

describe('edits in Terraform JSON', () => {
  const source = `{
  "resource": {
    "huaweicloud_lb_listener": {
      "l": {
        "protocol": "HTTP",
        "transparent_client_ip_enable": "false",
        "insert_headers": {
          "x_forwarded_host": "true"
        }
      }
    }
  }
}
`;

  test('removeAttribute drops the property and keeps the rest and the layout', () => {
    const file = jsonFile(source);
    const block = blockOf(file);
    const result = applyEdits(source, removeAttribute(file, block, block.attributes.get('transparent_client_ip_enable')!));
    assert.equal(result, source.replace('        "transparent_client_ip_enable": "false",\n', ''));
    assert.deepEqual(JSON.parse(result).resource.huaweicloud_lb_listener.l, {
      protocol: 'HTTP',
      insert_headers: { x_forwarded_host: 'true' },
    });
  });

  test('addAttribute writes the JSON value in the block, typed', () => {
    const file = jsonFile(source);
    const result = applyEdits(source, addAttribute(file, blockOf(file), 'protocol_port', '80', 80));
    assert.equal(JSON.parse(result).resource.huaweicloud_lb_listener.l.protocol_port, 80);
    const nested = applyEdits(source, addAttribute(file, blockOf(file, 'insert_headers'), 'x_forwarded_elb_ip', '"true"', 'true'));
    assert.deepEqual(JSON.parse(nested).resource.huaweicloud_lb_listener.l.insert_headers, {
      x_forwarded_host: 'true',
      x_forwarded_elb_ip: 'true',
    });
  });

  test('removeBlock drops a nested object', () => {
    const file = jsonFile(source);
    const result = applyEdits(source, removeBlock(file, blockOf(file, 'insert_headers')));
    assert.deepEqual(JSON.parse(result).resource.huaweicloud_lb_listener.l, { protocol: 'HTTP', transparent_client_ip_enable: 'false' });
  });

  test('replaceValue writes the new JSON text', () => {
    const file = jsonFile(source);
    const attribute = blockOf(file).attributes.get('transparent_client_ip_enable')!;
    const result = applyEdits(source, replaceValue(file, attribute, '"true"'));
    assert.equal(JSON.parse(result).resource.huaweicloud_lb_listener.l.transparent_client_ip_enable, 'true');
  });

  test('CRLF JSON files keep CRLF line breaks', () => {
    const crlf = source.replaceAll('\n', '\r\n');
    const file = jsonFile(crlf);
    const block = blockOf(file);
    const withoutOne = applyEdits(crlf, removeAttribute(file, block, block.attributes.get('protocol')!));
    const withOneMore = applyEdits(crlf, addAttribute(file, block, 'protocol_port', '80', 80));
    for (const result of [withoutOne, withOneMore]) {
      assert.doesNotThrow(() => JSON.parse(result), result);
      assert.equal(/[^\r]\n/.test(result), false, `no bare LF in:\n${result}`);
    }
  });
});
