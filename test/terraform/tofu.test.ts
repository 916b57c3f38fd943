import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { classify } from '../../server/src/project/classify';
import { moduleFileNames } from '../../server/src/terraform/files';
import { memoryService, memPath } from '../helpers';

const LISTENER = (name: string, value: string) => `resource "huaweicloud_lb_listener" "${name}" {
  loadbalancer_id              = "lb"
  protocol                     = "TCP"
  transparent_client_ip_enable = ${value}
}
`;

/** Findings of every file of the in-memory folder, keyed by file name (names with none left out). */
async function findingsOf(files: Record<string, string>, entry: string): Promise<Record<string, string[]>> {
  const { service } = await memoryService(files);
  const out: Record<string, string[]> = {};
  for (const [file, findings] of service.analyzeModule(memPath(entry))) {
    if (findings.length > 0) out[file.replace(/^.*[\\/]/, '')] = findings.map((f) => `${f.ruleId} ${f.range.start.line + 1}`);
  }
  return out;
}

describe('OpenTofu files', () => {
  test('.tofu and .tofu.json are Terraform configuration files', () => {
    assert.equal(classify('/m/main.tofu'), 'terraform');
    assert.equal(classify('/m/main.tofu.json'), 'terraform-json');
    assert.equal(classify('/m/main.tf'), 'terraform');
  });

  test('x.tofu replaces x.tf (and x.tofu.json replaces x.tf.json); other .tf files stay', () => {
    assert.deepEqual(moduleFileNames(['main.tf', 'main.tofu', 'vars.tf', 'a.tf.json', 'a.tofu.json', 'README.md']), [
      'main.tofu',
      'vars.tf',
      'a.tofu.json',
    ]);
    assert.deepEqual(moduleFileNames(['main.tf', 'b.tf.json']), ['main.tf', 'b.tf.json'], 'no .tofu: as Terraform reads it');
  });

  test('a folder of .tofu files is analysed; its findings are on the .tofu file', async () => {
    const found = await findingsOf({ 'main.tofu': LISTENER('l', '"false"') }, 'main.tofu');
    assert.deepEqual(found, { 'main.tofu': ['client-ip-shared-l4-off 4'] });
  });

  test('with main.tf and main.tofu side by side only main.tofu counts; vars.tf is read with it', async () => {
    const files = {
      'main.tf': LISTENER('l', '"false"'),
      'main.tofu': LISTENER('l', 'var.on'),
      'vars.tf': 'variable "on" {\n  default = "true"\n}\n',
    };
    assert.deepEqual(await findingsOf(files, 'main.tofu'), {}, 'main.tofu turns it on through vars.tf; main.tf is not read');
    const { service } = await memoryService(files);
    assert.deepEqual(
      service.moduleFiles(memPath('main.tofu')).map((f) => f.replace(/^.*[\\/]/, '')),
      ['main.tofu', 'vars.tf'],
    );
  });

  test('.tofu.json, and an override written as x_override.tofu', async () => {
    const json = JSON.stringify({
      resource: { huaweicloud_lb_listener: { l: { protocol: 'TCP', transparent_client_ip_enable: 'true' } } },
    });
    assert.deepEqual(await findingsOf({ 'main.tofu.json': json }, 'main.tofu.json'), {});
    const override = 'resource "huaweicloud_lb_listener" "l" {\n  transparent_client_ip_enable = "false"\n}\n';
    assert.deepEqual(await findingsOf({ 'main.tofu': LISTENER('l', '"true"'), 'lb_override.tofu': override }, 'main.tofu'), {
      'lb_override.tofu': ['client-ip-shared-l4-off 2'],
    });
  });
});
