import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isUnknown } from '../../server/src/model/value';
import { terraformNumber } from '../../server/src/terraform/conversions';
import { TerraformModule } from '../../server/src/terraform/module';
import { analyze, memPath, ofRule } from '../helpers';
import { parseExpr, parseHcl } from '../parse/util';

async function evaluated(source: string, files: Record<string, string> = {}): Promise<unknown> {
  const configs = await Promise.all(Object.entries(files).map(([name, text]) => parseHcl(text, undefined, memPath(name))));
  const value = new TerraformModule('/mem', configs, []).evaluate(await parseExpr(source));
  return isUnknown(value) ? 'unknown' : value;
}

describe("Terraform's string → number conversion", () => {
  test('strings that spell decimal numbers convert; others do not', () => {
    for (const [value, expected] of [
      ['3', 3],
      ['-2', -2],
      ['1.5', 1.5],
      ['1e3', 1000],
      [7, 7],
      ['', undefined],
      [' 3', undefined],
      ['3 ', undefined],
      ['0x10', undefined],
      ['three', undefined],
      [true, undefined],
      [null, undefined],
    ] as const) {
      assert.equal(terraformNumber(value), expected, JSON.stringify(value));
    }
  });

  test('arithmetic and comparisons convert strings; == and != do not', async () => {
    assert.equal(await evaluated('"3" + 1'), 4);
    assert.equal(await evaluated('7 % "4"'), 3);
    assert.equal(await evaluated('"10" / 4'), 2.5);
    assert.equal(await evaluated('"2" * "3"'), 6);
    assert.equal(await evaluated('"10" > 9'), true);
    assert.equal(await evaluated('"9" <= 8'), false);
    assert.equal(await evaluated('"1" == 1'), false);
    assert.equal(await evaluated('"a" + 1'), 'unknown');
    assert.equal(await evaluated('true + 1'), 'unknown');
    assert.equal(await evaluated('5 % 0'), 'unknown');
  });

  test('element() takes an index written as a string, and count.index % var.n with n a string', async () => {
    assert.equal(await evaluated('element(["a", "b"], "1")'), 'b');
    assert.equal(await evaluated('element(["a", "b"], 5 % var.n)', { 'v.tf': 'variable "n" {\n  default = "2"\n}\n' }), 'b');
  });

  test('variables convert to their declared primitive type', async () => {
    const v = (type: string, value: string) => ({ 'v.tf': `variable "x" {\n  type    = ${type}\n  default = ${value}\n}\n` });
    assert.equal(await evaluated('var.x', v('number', '"3"')), 3);
    assert.equal(await evaluated('var.x', v('number', '"many"')), 'unknown');
    assert.equal(await evaluated('var.x', v('bool', '"true"')), true);
    assert.equal(await evaluated('var.x', v('bool', '"yes"')), 'unknown');
    assert.equal(await evaluated('var.x', v('string', '3')), '3');
    assert.equal(await evaluated('var.x', v('string', 'false')), 'false');
    assert.deepEqual(await evaluated('var.x', v('list(string)', '["a"]')), ['a'], 'collections are left as written');
  });
});

describe('conversions reach findings', () => {
  test('count = "3": three listeners, each reported', async () => {
    const text = `resource "huaweicloud_lb_listener" "l" {
  count           = "3"
  loadbalancer_id = "lb"
  protocol        = "TCP"
}
`;
    const findings = ofRule(await analyze({ 'main.tf': text }), 'client-ip-shared-l4-off');
    assert.equal(findings.length, 1, 'one finding for the block');
    assert.match(findings[0].message, /huaweicloud_lb_listener\.l\[0\]|3 instances|huaweicloud_lb_listener\.l/);
  });

  test('element(var.protocols, count.index % var.n) with n given as a string picks each protocol', async () => {
    const text = `variable "protocols" {
  default = ["HTTP", "TCP"]
}

variable "n" {
  default = "2"
}

resource "huaweicloud_lb_loadbalancer" "lb" {
  vip_subnet_id = "s"
}

resource "huaweicloud_lb_listener" "l" {
  count                        = 2
  loadbalancer_id              = huaweicloud_lb_loadbalancer.lb.id
  protocol                     = element(var.protocols, count.index % var.n)
  transparent_client_ip_enable = "false"
}
`;
    // On a shared load balancer the protocol decides: "false" is refused on HTTP and a choice on TCP. Unconverted, both were unknown.
    const findings = await analyze({ 'main.tf': text });
    assert.equal(ofRule(findings, 'client-ip-always-on').length, 1, 'the HTTP instance');
    assert.equal(ofRule(findings, 'client-ip-shared-l4-off').length, 1, 'the TCP instance');
  });
});
