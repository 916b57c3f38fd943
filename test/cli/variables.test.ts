import * as assert from 'assert/strict';
import * as fs from 'fs';
import { after, describe, it } from 'node:test';
import { environmentVariables } from '../../server/src/cli/session';
import { run, tempTree } from './harness';

/**
 * Variable precedence, lowest first (Terraform's order, then ELB Lens' own sources):
 * default < TF_VAR_name < terraform.tfvars < terraform.tfvars.json < *.auto.tfvars(.json)
 *   < config varFiles < --var-file < config variables < --var.
 * The module below has a dedicated HTTP listener whose transfer comes from var.transfer:
 * "false" fires client-ip-always-on, "true" does not, so each case shows which source won.
 */
const MODULE = `variable "transfer" {
  type    = string
  default = "true"
}

resource "huaweicloud_elb_listener" "http" {
  protocol                     = "HTTP"
  protocol_port                = 80
  transparent_client_ip_enable = var.transfer
}
`;

const dirs: string[] = [];
after(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

async function fires(files: Record<string, string>, argv: string[] = [], env: Record<string, string> = {}): Promise<boolean> {
  const dir = tempTree({ 'main.tf': MODULE, ...files });
  dirs.push(dir);
  const result = await run(['check', '.', '--format', 'compact', ...argv], { cwd: dir, env });
  assert.notEqual(result.code, 1, result.stderr);
  return result.stdout.includes('client-ip-always-on');
}

describe('variable values', () => {
  it('reads TF_VAR_ environment variables', async () => {
    assert.deepEqual(environmentVariables({ TF_VAR_transfer: 'false', TF_VAR_: 'x', PATH: '/bin', tf_var_x: 'y' }), { transfer: 'false' });
    assert.equal(await fires({}), false, 'the default');
    assert.equal(await fires({}, [], { TF_VAR_transfer: 'false' }), true, 'TF_VAR_ over the default');
  });

  it('puts tfvars files above TF_VAR_', async () => {
    assert.equal(await fires({ 'terraform.tfvars': 'transfer = "true"\n' }, [], { TF_VAR_transfer: 'false' }), false);
    assert.equal(await fires({ 'terraform.tfvars': 'transfer = "false"\n' }, [], { TF_VAR_transfer: 'true' }), true);
  });

  it('puts *.auto.tfvars above terraform.tfvars, and --var-file above both', async () => {
    assert.equal(await fires({ 'terraform.tfvars': 'transfer = "true"\n', 'x.auto.tfvars': 'transfer = "false"\n' }), true);
    assert.equal(
      await fires({ 'x.auto.tfvars': 'transfer = "true"\n', 'prod.tfvars': 'transfer = "false"\n' }, ['--var-file', 'prod.tfvars']),
      true,
    );
    assert.equal(
      await fires({ 'x.auto.tfvars': 'transfer = "false"\n', 'prod.tfvars': 'transfer = "true"\n' }, ['--var-file', 'prod.tfvars']),
      false,
    );
  });

  it('puts config varFiles below --var-file, and config variables below --var', async () => {
    const config = (json: object) => ({ '.elb-lens.json': JSON.stringify(json) });
    assert.equal(
      await fires({ ...config({ varFiles: ['ci.tfvars'] }), 'ci.tfvars': 'transfer = "false"\n' }),
      true,
      'config varFiles are read',
    );
    assert.equal(
      await fires({ ...config({ varFiles: ['ci.tfvars'] }), 'ci.tfvars': 'transfer = "false"\n', 'cli.tfvars': 'transfer = "true"\n' }, [
        '--var-file',
        'cli.tfvars',
      ]),
      false,
    );
    assert.equal(
      await fires({ ...config({ variables: { transfer: 'false' } }), 'cli.tfvars': 'transfer = "true"\n' }, ['--var-file', 'cli.tfvars']),
      true,
      'config variables over --var-file',
    );
    assert.equal(
      await fires({ ...config({ variables: { transfer: 'false' } }) }, ['--var', 'transfer=true']),
      false,
      '--var over config variables',
    );
    assert.equal(await fires({}, ['--var', 'transfer=false']), true);
  });

  it('fails clearly on a --var-file that cannot be read', async () => {
    const dir = tempTree({ 'main.tf': MODULE });
    dirs.push(dir);
    const result = await run(['check', '.', '--var-file', 'missing.tfvars'], { cwd: dir });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /cannot read --var-file .*missing\.tfvars/);
  });
});
