import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { progressReporter } from '../../server/src/cli/check';
import { counted } from '../../server/src/cli/report';
import { RULES } from '../../server/src/rules';
import { PSEUDO_RULES } from '../../server/src/core/pseudoRules';
import { FIXTURES, REPO_ROOT, run, runChild, tempTree } from './harness';

describe('the summary line', () => {
  it('says one error, one warning, one hint, one file; and 0 or 2 of each in the plural', async () => {
    assert.deepEqual(
      [counted(0, 'error'), counted(1, 'error'), counted(2, 'error'), counted(1, 'fix', 'fixes'), counted(3, 'fix', 'fixes')],
      ['0 errors', '1 error', '2 errors', '1 fix', '3 fixes'],
    );
    const one = tempTree({
      'main.tf':
        'resource "huaweicloud_lb_listener" "l" {\n  protocol                     = "HTTP"\n  transparent_client_ip_enable = "false"\n}\n',
    });
    const result = await run(['check', '--min-severity', 'hint', one]);
    assert.match(result.stdout, /\n1 error, 0 warnings, 0 info, 0 hints in 1 file checked\n$/);
  });
});

describe('exit codes (child process)', () => {
  it('0 when clean', () => {
    const result = runChild(['check', 'clean']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /0 errors, 0 warnings, 0 info, 0 hints in 2 files checked/);
    assert.equal(result.stderr, '');
  });

  it('2 with findings at or above --min-severity', () => {
    assert.equal(runChild(['check', 'findings']).code, 2);
    assert.equal(runChild(['check', 'findings', '--min-severity', 'error']).code, 2);
  });

  it('0 when findings are all below --min-severity', () => {
    // otc-shared has an info and errors; shared-l4-off alone is information.
    const dir = tempTree({
      'main.tf': fs
        .readFileSync(path.join(FIXTURES, 'findings/otc-shared/main.tf'), 'utf8')
        .split('resource "opentelekomcloud_lb_loadbalancer_v3"')[0],
      'variables.tf': fs.readFileSync(path.join(FIXTURES, 'findings/otc-shared/variables.tf'), 'utf8'),
    });
    try {
      const result = runChild(['check', '.', '--format', 'compact'], dir);
      assert.match(result.stdout, /information \[client-ip-shared-l4-off\]/);
      assert.equal(result.code, 0, 'information is below the default min severity (warning)');
      assert.equal(runChild(['check', '.', '--min-severity', 'information'], dir).code, 2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('1 on a bad configuration, with the position on stderr', () => {
    const result = runChild(['check', 'bad-config/unknown-rule']);
    assert.equal(result.code, 1);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^elb-lens: invalid configuration: bad-config\/unknown-rule\/\.elb-lens\.json:4:5: /);
  });

  it('1 on usage errors, with the usage on stderr', () => {
    for (const argv of [
      ['frobnicate'],
      ['check', '--format', 'xml'],
      ['check', '--bogus'],
      ['check', 'no/such/dir'],
      ['check', '--dry-run'],
      ['check', '--min-severity', 'fatal'],
      ['explain'],
    ]) {
      const result = runChild(argv);
      assert.equal(result.code, 1, argv.join(' '));
      assert.match(result.stderr, /^elb-lens: /, argv.join(' '));
      assert.equal(result.stdout, '');
    }
  });
});

describe('elb-lens rules / explain / help', () => {
  it('rules lists every rule with its default severity and summary', async () => {
    const result = await run(['rules']);
    assert.equal(result.code, 0);
    const lines = result.stdout.trim().split('\n');
    // The rules, then the ids about ignore comments and provider versions (test/cli/usage.test.ts).
    assert.equal(lines.length, RULES.length + PSEUDO_RULES.length);
    RULES.forEach((rule, i) => {
      assert.ok(lines[i].startsWith(rule.meta.id), lines[i]);
      assert.ok(lines[i].includes(rule.meta.defaultSeverity));
      assert.ok(lines[i].endsWith(rule.meta.summary));
    });
  });

  it('explain prints the doc page when shipped, the summary otherwise', async () => {
    for (const rule of RULES) {
      const result = await run(['explain', rule.meta.id]);
      assert.equal(result.code, 0);
      const page = path.join(REPO_ROOT, rule.meta.docsUrl);
      if (fs.existsSync(page)) assert.equal(result.stdout, fs.readFileSync(page, 'utf8'));
      else assert.equal(result.stdout, `${rule.meta.id}: ${rule.meta.summary}\n`);
    }
    const root = tempTree({
      'package.json': '{"version":"1.0.0"}',
      'docs/rules/client-ip-always-on.md': '# client-ip-always-on\n\nHello.\n',
    });
    try {
      const result = await run(['explain', 'client-ip-always-on'], { packageRoot: root });
      assert.equal(result.stdout, '# client-ip-always-on\n\nHello.\n');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('explain of an unknown rule fails with exit 1', async () => {
    const result = await run(['explain', 'client-ip-nope']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /unknown rule "client-ip-nope"/);
  });

  it('help and version', async () => {
    const help = await run(['--help']);
    assert.equal(help.code, 0);
    for (const word of ['--format', 'sarif', 'junit', 'checkstyle', '--fix', '--dry-run', '--config', 'TF_VAR_'])
      assert.ok(help.stdout.includes(word), word);
    const version = await run(['--version']);
    assert.match(version.stdout, /^\d+\.\d+\.\d+/);
  });
});

describe('check output', () => {
  it('--output writes the report to a file (atomically) and nothing to stdout', async () => {
    const dir = tempTree({});
    try {
      const target = path.join(dir, 'report.sarif');
      const result = await run(['check', 'findings', '--format', 'sarif', '--output', target]);
      assert.equal(result.code, 2);
      assert.equal(result.stdout, '');
      const written = JSON.parse(fs.readFileSync(target, 'utf8')) as { version: string };
      assert.equal(written.version, '2.1.0');
      assert.deepEqual(fs.readdirSync(dir), ['report.sarif'], 'no temporary file left behind');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('colours only on a terminal, and never with NO_COLOR', async () => {
    const plain = await run(['check', 'findings']);
    assert.ok(!plain.stdout.includes('\x1b['));
    const tty = await run(['check', 'findings'], { isTty: true });
    assert.ok(tty.stdout.includes('\x1b[31m'));
    const noColor = await run(['check', 'findings'], { isTty: true, env: { NO_COLOR: '1' } });
    assert.ok(!noColor.stdout.includes('\x1b['));
    const forced = await run(['check', 'findings', '--color']);
    assert.ok(forced.stdout.includes('\x1b['));
  });

  it('no progress on stderr when stderr is not a terminal', async () => {
    const result = await run(['check', 'findings', 'clean', 'plan']);
    assert.equal(result.stderr, '');
  });

  it('shows progress on a terminal once a scan takes longer than half a second', () => {
    let out = '';
    let time = 0;
    const progress = progressReporter({ stderr: (t) => (out += t), stderrIsTty: true }, 300, () => time);
    progress.tick(0);
    time = 400;
    progress.tick(10);
    assert.equal(out, '', 'quick scans stay quiet');
    time = 600;
    progress.tick(120);
    time = 650;
    progress.tick(130);
    assert.equal(out, '\r\x1b[Kelb-lens: checking 120/300 files…', 'throttled');
    progress.done();
    assert.ok((out as string).endsWith('\r\x1b[K'), 'the line is cleared at the end');
    let quiet = '';
    const off = progressReporter({ stderr: (t) => (quiet += t), stderrIsTty: false }, 300, () => (time += 1000));
    off.tick(1);
    off.done();
    assert.equal(quiet, '');
  });

  it('clips code frames of long lines around the finding', async () => {
    const result = await run(['check', 'plan/compact']);
    const frame = result.stdout.split('\n').find((l) => l.startsWith('  > 1 |'));
    assert.ok(frame && frame.length < 140, frame);
    const caretLine = result.stdout.split('\n')[result.stdout.split('\n').indexOf(frame) + 1];
    const column = caretLine.indexOf('^');
    assert.equal(frame.slice(column, column + 30), '"transparent_client_ip_enable"');
  });

  it('JSON keeps the stable shape of the core issue', async () => {
    const result = await run(['check', 'findings', '--format', 'json']);
    const report = JSON.parse(result.stdout) as { version: number; files: number; diagnostics: Record<string, unknown>[] };
    assert.equal(report.version, 1);
    assert.equal(report.files, 4);
    for (const d of report.diagnostics) {
      assert.deepEqual(Object.keys(d), ['file', 'range', 'severity', 'ruleId', 'message', 'fixes']);
      for (const fix of d.fixes as object[]) assert.deepEqual(Object.keys(fix), ['title', 'appliedByFix', 'edits']);
    }
  });
});

describe('suppressions', () => {
  const module = (comment: string) => `resource "opentelekomcloud_lb_loadbalancer_v2" "lb" {
  name = "lb"
}

${comment}
resource "opentelekomcloud_lb_listener_v2" "tcp" {
  protocol        = "TCP"
  protocol_port   = 22
  loadbalancer_id = opentelekomcloud_lb_loadbalancer_v2.lb.id
}
`;

  it('--report-unused-ignores reports a comment that suppresses nothing, as a hint', async () => {
    const dir = tempTree({
      'used/main.tf': module('# elb-lens-ignore: client-ip-shared-l4-off -- only health checks'),
      'unused/main.tf': module('# elb-lens-ignore: client-ip-always-on'),
    });
    try {
      const plain = await run(['check', '.', '--format', 'compact', '--min-severity', 'hint'], { cwd: dir });
      assert.equal(plain.stdout.includes('unused-ignore'), false, 'off by default');
      const result = await run(['check', '.', '--format', 'compact', '--min-severity', 'hint', '--report-unused-ignores'], { cwd: dir });
      const lines = result.stdout.trim().split('\n');
      assert.deepEqual(
        lines.filter((l) => l.includes('unused-ignore')),
        ['unused/main.tf:5:1: hint [unused-ignore] This elb-lens-ignore comment suppresses nothing (client-ip-always-on).'],
      );
      assert.ok(!lines.some((l) => l.startsWith('used/') && l.includes('client-ip-shared-l4-off')), 'the used one still suppresses');
      assert.equal((await run(['check', '.', '--report-unused-ignores'], { cwd: dir })).code, 0, 'a hint does not fail the run');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--fix removes unused comments with their line', async () => {
    const dir = tempTree({ 'main.tf': module('# elb-lens-ignore: client-ip-always-on') });
    try {
      await run(['check', '.', '--fix', '--report-unused-ignores'], { cwd: dir });
      assert.equal(fs.readFileSync(path.join(dir, 'main.tf'), 'utf8'), module('').replace('\n\n\n', '\n\n'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
