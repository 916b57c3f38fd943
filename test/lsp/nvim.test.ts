import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { SERVER_BUNDLE, tempWorkspace } from './client';

const LUA = path.resolve(__dirname, '..', '..', '..', 'test', 'e2e', 'nvim.lua');

const SOURCE = `resource "huaweicloud_elb_loadbalancer" "lb" {
  name = "lb"
}

resource "huaweicloud_elb_listener" "web" {
  loadbalancer_id              = huaweicloud_elb_loadbalancer.lb.id
  protocol                     = "TCP"
  transparent_client_ip_enable = "false"
}
`;

function nvimMissingReason(): string | undefined {
  const probe = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  return probe.error ? 'nvim is not installed' : undefined;
}

test('Neovim (a plain LSP client) receives diagnostics and hover from the server', (t) => {
  const missing = nvimMissingReason();
  if (missing) {
    // CI installs neovim; anywhere else a missing nvim is a skip, said out loud.
    if (process.env.CI) assert.fail(`${missing} (CI must install it)`);
    t.skip(missing);
    return;
  }
  const root = tempWorkspace({ 'main.tf': SOURCE });
  const out = path.join(root, 'result.txt');
  try {
    const result = spawnSync('nvim', ['--headless', '-u', 'NONE', '-c', `luafile ${LUA}`], {
      encoding: 'utf8',
      timeout: 30000,
      env: {
        ...process.env,
        ELB_LENS_SERVER: SERVER_BUNDLE,
        ELB_LENS_FILE: path.join(root, 'main.tf'),
        ELB_LENS_OUT: out,
        ELB_LENS_HOVER_LINE: '7',
      },
    });
    const report = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : `(no result file) ${result.stderr}`;
    t.diagnostic(report.trim());
    assert.equal(result.status, 0, report);
    assert.match(report, /diagnostic client-ip-always-on 7:2 elb-lens/);
    assert.match(report, /hover \*\*Transfer Client IP Address: always on\*\*/);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
