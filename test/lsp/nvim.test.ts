import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { needsMissing } from '../helpers';
import { installPackedTarball, type InstalledPackage } from '../package/install';
import { readmeSnippet } from '../package/readme';
import { tempWorkspace } from './client';

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

/** Neovim's version as [major, minor], or undefined when it is not installed. */
function nvimVersion(): [number, number] | undefined {
  const probe = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  if (probe.error) return undefined;
  const match = /NVIM v(\d+)\.(\d+)/.exec(probe.stdout);
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}
const version = nvimVersion();
const atLeast = (major: number, minor: number) => !!version && (version[0] > major || (version[0] === major && version[1] >= minor));

// The server the README's snippets start is `elb-lens-server` on PATH: the packed package, installed.
let installed: InstalledPackage | undefined;
before(() => {
  if (version) installed = installPackedTarball();
});
after(() => installed?.cleanup());

/** Runs README's snippet in Neovim (no user configuration, file type detection on) and opens a .tf file. */
function runSnippet(snippet: string): { status: number | null; report: string } {
  const root = tempWorkspace({ 'main.tf': SOURCE, 'snippet.lua': snippet });
  const out = path.join(root, 'result.txt');
  try {
    const result = spawnSync('nvim', ['--headless', '--clean', '-c', `luafile ${LUA}`], {
      cwd: root,
      encoding: 'utf8',
      timeout: 40000,
      env: {
        ...process.env,
        PATH: `${installed!.binDir}${path.delimiter}${process.env.PATH ?? ''}`,
        ELB_LENS_SNIPPET: path.join(root, 'snippet.lua'),
        ELB_LENS_FILE: path.join(root, 'main.tf'),
        ELB_LENS_OUT: out,
        ELB_LENS_HOVER_LINE: '7',
      },
    });
    const report = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : `(no result file) ${result.stderr}`;
    return { status: result.status, report };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

function assertWorks(t: { diagnostic(message: string): void }, run: { status: number | null; report: string }): void {
  t.diagnostic(run.report.trim());
  assert.equal(run.status, 0, run.report);
  assert.match(run.report, /diagnostic client-ip-always-on 7:2 elb-lens/);
  assert.match(run.report, /hover \*\*Transfer Client IP Address: always on\*\*/);
}

test("README's Neovim 0.7–0.10 snippet: the installed server attaches to a .tf buffer, with diagnostics and hover", (t) => {
  if (!version) {
    needsMissing(t, 'nvim is not installed (apt-get install neovim)');
    return;
  }
  if (atLeast(0, 11)) {
    // vim.lsp.start_client is deprecated there; the 0.11 snippet is the one to use.
    t.skip(`Neovim ${version.join('.')} runs the 0.11 snippet instead`);
    return;
  }
  assertWorks(t, runSnippet(readmeSnippet('nvim-0.7')));
});

test("README's Neovim 0.11+ snippet: the installed server attaches to a .tf buffer, with diagnostics and hover", (t) => {
  if (!version) {
    needsMissing(t, 'nvim is not installed (apt-get install neovim)');
    return;
  }
  const snippet = readmeSnippet('nvim-0.11');
  if (!atLeast(0, 11)) {
    // Debian 12 ships Neovim 0.7: vim.lsp.config does not exist there. The snippet is at least valid Lua.
    const syntax = spawnSync('nvim', ['--headless', '--clean', '-c', `lua assert(loadstring(${JSON.stringify(snippet)}))`, '-c', 'qa!'], {
      encoding: 'utf8',
      timeout: 20000,
    });
    assert.equal(syntax.status, 0, `the snippet does not parse as Lua: ${syntax.stderr}`);
    t.skip(`vim.lsp.config needs Neovim 0.11; this is ${version.join('.')} (the snippet parses as Lua)`);
    return;
  }
  assertWorks(t, runSnippet(snippet));
});
