import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { needsMissing } from '../helpers';
import { installPackedTarball, type InstalledPackage } from '../package/install';
import { readmeSnippet } from '../package/readme';
import { tempWorkspace } from './client';

const LISP = path.resolve(__dirname, '..', '..', '..', 'test', 'e2e', 'eglot.el');

const SOURCE = `resource "huaweicloud_elb_loadbalancer" "lb" {
  name = "lb"
}

resource "huaweicloud_elb_listener" "web" {
  loadbalancer_id              = huaweicloud_elb_loadbalancer.lb.id
  protocol                     = "TCP"
  transparent_client_ip_enable = "false"
}
`;

/** Why Emacs with eglot cannot run here, or undefined when it can. */
function emacsMissingReason(): string | undefined {
  const probe = spawnSync('emacs', ['--batch', '--eval', "(progn (require 'package) (package-initialize) (require 'eglot))"], {
    encoding: 'utf8',
    timeout: 30000,
  });
  if (probe.error) return 'emacs is not installed (apt-get install emacs-nox elpa-eglot)';
  if (probe.status !== 0)
    return `emacs has no eglot (Emacs 29+ has it built in; Debian 12: apt-get install elpa-eglot): ${probe.stderr.trim()}`;
  return undefined;
}
const missing = emacsMissingReason();

// The server the README's snippet starts is `elb-lens-server` on PATH: the packed package, installed.
let installed: InstalledPackage | undefined;
before(() => {
  if (!missing) installed = installPackedTarball();
});
after(() => installed?.cleanup());

test("README's Emacs (eglot) snippet: the installed server gives diagnostics, flymake shows them, hover works", (t) => {
  if (missing) {
    // .ci/run installs it; on CI a missing Emacs fails, elsewhere it is a skip with the reason.
    needsMissing(t, missing);
    return;
  }
  const root = tempWorkspace({ 'main.tf': SOURCE, 'snippet.el': readmeSnippet('emacs') });
  const out = path.join(root, 'result.txt');
  try {
    const result = spawnSync('emacs', ['--batch', '-l', LISP], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60000,
      env: {
        ...process.env,
        PATH: `${installed!.binDir}${path.delimiter}${process.env.PATH ?? ''}`,
        ELB_LENS_SNIPPET: path.join(root, 'snippet.el'),
        ELB_LENS_FILE: path.join(root, 'main.tf'),
        ELB_LENS_OUT: out,
        ELB_LENS_HOVER_LINE: '7',
      },
    });
    const report = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : `(no result file) ${result.stderr}`;
    t.diagnostic(report.trim());
    assert.equal(result.status, 0, `${report}\n${result.stderr}`);
    assert.match(report, /^diagnostic client-ip-always-on 7:2 elb-lens$/m);
    assert.match(report, /^flymake [1-9]/m, 'flymake shows them in the buffer');
    assert.match(report, /^hover \*\*Transfer Client IP Address: always on\*\*/m);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
