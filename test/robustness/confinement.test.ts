import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { ConfigError, ConfigResolver, parseConfig } from '../../server/src/project/configFile';
import { nodeFileSystem } from '../../server/src/project/nodeFs';
import { run, tempTree } from '../cli/harness';
import { needsMissing } from '../helpers';

/**
 * Issue 28, item 4: a repository's `.elb-lens.json` cannot make the tool read files outside
 * the repository (a pull request adding `"varFiles": ["/proc/self/environ"]` would have CI
 * print the runner's environment in messages, SARIF and the map). Paths the user gives on
 * the command line may point anywhere.
 */

const SECRET = 'sEcReT-value-42';
const LISTENER = `variable "protocol" {}

resource "huaweicloud_elb_listener" "web" {
  loadbalancer_id              = "lb"
  protocol                     = var.protocol
  transparent_client_ip_enable = false
}
`;

/** A repository in `repo/` and, beside it, a tfvars file with a secret. */
function layout(config: unknown): { repo: string; outside: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'elb-lens-confine-'));
  const outside = path.join(root, 'secret.tfvars');
  fs.writeFileSync(outside, `protocol = "${SECRET}"\n`);
  const repo = path.join(root, 'repo');
  fs.mkdirSync(repo);
  fs.writeFileSync(path.join(repo, 'main.tf'), LISTENER);
  fs.writeFileSync(path.join(repo, '.elb-lens.json'), JSON.stringify(config));
  return { repo, outside };
}

describe('.elb-lens.json names only files in its folder or below', () => {
  for (const [what, entry] of [
    ['a relative path that climbs out', '../secret.tfvars'],
    ['an absolute path', '/proc/self/environ'],
  ] as const) {
    test(`varFiles: ${what} is refused with one line naming the entry`, async () => {
      const { repo } = layout({ varFiles: [entry] });
      const result = await run(['check', '--format', 'sarif', repo]);
      assert.equal(result.code, 1);
      assert.match(result.stderr, /\.elb-lens\.json:\d+:\d+: varFiles\[0\]: .* is outside the folder of this configuration/);
      assert.equal(result.stderr.trimEnd().split('\n').length, 1, result.stderr);
      assert.ok(!result.stdout.includes(SECRET) && !result.stderr.includes(SECRET));
    });
  }

  test('varFiles: a symbolic link inside the folder that leads outside is refused', async (t) => {
    const { repo, outside } = layout({ varFiles: ['env/prod.tfvars'] });
    fs.mkdirSync(path.join(repo, 'env'));
    try {
      fs.symlinkSync(outside, path.join(repo, 'env', 'prod.tfvars'));
    } catch (error) {
      return needsMissing(t, `symbolic links cannot be made here: ${String(error)}`);
    }
    const result = await run(['check', '--format', 'json', repo]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /varFiles\[0\]: .* leads outside the folder of this configuration through a symbolic link/);
    assert.ok(!result.stdout.includes(SECRET) && !result.stderr.includes(SECRET));
  });

  test('varFiles inside the folder (also through a link that stays inside) are read', async () => {
    const repo = tempTree({
      'main.tf': LISTENER,
      'env/prod.tfvars': 'protocol = "TCP"\n',
      '.elb-lens.json': JSON.stringify({ varFiles: ['env/link.tfvars'] }),
    });
    fs.symlinkSync(path.join(repo, 'env', 'prod.tfvars'), path.join(repo, 'env', 'link.tfvars'));
    const result = await run(['check', '--format', 'compact', repo]);
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stdout, /client-ip-always-on\] .*\(TCP\)/);
  });

  for (const key of ['exclude', 'json.files', 'kubernetes.files']) {
    test(`${key}: a glob that climbs out or is absolute is refused`, () => {
      for (const glob of ['../**/*.json', '/etc/*', 'a/../../b']) {
        const value = [glob];
        const config = key === 'exclude' ? { exclude: value } : { [key.split('.')[0]]: { files: value } };
        assert.throws(
          () => parseConfig('/repo/.elb-lens.json', JSON.stringify(config)),
          (error: unknown) => error instanceof ConfigError && /is outside the folder of this configuration/.test(error.message),
          `${key}: ${glob}`,
        );
      }
    });
  }

  test('kubernetes.helm.valueFiles: a path that climbs out, an absolute one, or a link that leads out is refused', () => {
    for (const entry of ['../secret.yaml', '/proc/self/environ', 'a/../../b.yaml']) {
      assert.throws(
        () => parseConfig('/repo/.elb-lens.json', JSON.stringify({ kubernetes: { helm: { valueFiles: [entry] } } })),
        (error: unknown) =>
          error instanceof ConfigError &&
          /kubernetes\.helm\.valueFiles\[0\]/.test(error.message) &&
          /is outside the folder of this configuration/.test(error.message) &&
          !error.message.includes('--var-file'),
        entry,
      );
    }
    const { repo, outside } = layout({ kubernetes: { helm: { valueFiles: ['values-prod.yaml'] } } });
    fs.symlinkSync(outside, path.join(repo, 'values-prod.yaml'));
    const resolver = new ConfigResolver((file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined), {
      realPath: nodeFileSystem.realpath,
    });
    assert.throws(() => resolver.forFile(path.join(repo, 'main.tf')), /kubernetes\.helm\.valueFiles\[0\].*through a symbolic link/);
  });

  test('the language server resolves configurations the same way (links resolved by its platform)', () => {
    const { repo, outside } = layout({ varFiles: ['link.tfvars'] });
    fs.symlinkSync(outside, path.join(repo, 'link.tfvars'));
    const resolver = new ConfigResolver((file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined), {
      realPath: nodeFileSystem.realpath,
    });
    assert.throws(() => resolver.forFile(path.join(repo, 'main.tf')), /through a symbolic link/);
  });

  test('--var-file on the command line may point anywhere: the user chose it', async () => {
    const { repo, outside } = layout({});
    const result = await run(['check', '--format', 'compact', '--var-file', outside, repo]);
    assert.equal(result.code, 2, result.stderr);
    assert.ok(result.stdout.includes(SECRET.toUpperCase()), 'the value from the outside file is used');
  });
});
