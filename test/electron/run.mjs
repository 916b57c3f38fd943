// The editor scenarios as a Mocha suite inside VS Code's extension host (suite/*.cjs).
//
//   npm run test:electron            VS Code desktop through @vscode/test-electron's runTests.
//                                    VS Code comes from VSCODE_EXECUTABLE when set (the
//                                    Electron binary or a `code` wrapper), otherwise it is
//                                    downloaded (VSCODE_VERSION, default stable). Where neither
//                                    is possible it prints why it ran nothing and exits 1: a
//                                    run that tested nothing never passes.
//   node test/electron/run.mjs --code-server
//                                    The same Mocha suite in the extension host of code-server
//                                    (VS Code 1.100.3, from test/e2e/setup.sh), with the
//                                    packaged VSIX: works offline, so the suite can be checked
//                                    on machines without VS Code desktop.
//
// The last line is `N passed, N failed[, N skipped]`, or `not run: <why>` (exit code 1) when
// nothing ran.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CHROMIUM_ARGS, CHROMIUM_PATH, freePort, gotoWhenServing } from '../e2e/common.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURE = path.join(ROOT, 'test', 'e2e', 'fixtures', 'workspace');
const SUITE = path.join(ROOT, 'test', 'electron', 'suite', 'index.cjs');
const ARTIFACTS = path.join(ROOT, 'test-results', 'electron');
const UPDATE_SERVER = 'https://update.code.visualstudio.com/api/releases/stable';
const SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'editor.inlayHints.enabled': 'on',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'git.enabled': false,
  'files.autoSave': 'off',
  'chat.disableAIFeatures': true,
};

/** Nothing could run: says why and exits non-zero, so that no caller takes it for a pass. */
function notRun(reason) {
  console.log('The same scenarios run in the code-server suite (npm run test:e2e) and, offline, with');
  console.log('`node test/electron/run.mjs --code-server`.');
  console.log(`not run: ${reason}`);
  process.exit(1);
}

function writeJson(file, value) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, null, 2));
}

/** A fresh workspace (copy of the fixture), user data dir with settings, empty extensions dir. */
function scratchDirs() {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'elb-lens-electron-'));
  const dirs = {
    scratch,
    workspace: path.join(scratch, 'workspace'),
    userData: path.join(scratch, 'user-data'),
    extensions: path.join(scratch, 'extensions'),
    results: path.join(scratch, 'results.json'),
  };
  fs.cpSync(FIXTURE, dirs.workspace, { recursive: true });
  fs.mkdirSync(dirs.extensions, { recursive: true });
  writeJson(path.join(dirs.userData, 'User', 'settings.json'), SETTINGS);
  return dirs;
}

/** Prints the outcome from the results file the suite wrote; returns the exit code. */
function report(dirs, started) {
  if (!fs.existsSync(dirs.results)) {
    console.error('the suite wrote no results: VS Code did not start, or its extension host did not run test/electron/suite/index.cjs');
    saveLogs(dirs);
    console.log(`electron suite took ${((Date.now() - started) / 1000).toFixed(1)} s`);
    console.log('0 passed, 1 failed');
    return 1;
  }
  const results = JSON.parse(fs.readFileSync(dirs.results, 'utf8'));
  for (const title of results.passes) console.log(`  ok   ${title}`);
  for (const failure of results.failures) console.log(`  FAIL ${failure.title}: ${failure.error}`);
  for (const skipped of results.skips) console.log(`  skip ${skipped.title}${skipped.reason ? `: ${skipped.reason}` : ''}`);
  if (results.failed > 0) saveLogs(dirs);
  console.log(`electron suite took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (results.passed + results.failed === 0) console.log('the suite ran no test: that is a failure, not a pass');
  console.log(`${results.passed} passed, ${results.failed} failed${results.skipped ? `, ${results.skipped} skipped` : ''}`);
  return results.failed > 0 || results.passed === 0 ? 1 : 0;
}

function saveLogs(dirs) {
  const logs = path.join(dirs.userData, 'logs');
  if (!fs.existsSync(logs)) return;
  fs.rmSync(ARTIFACTS, { recursive: true, force: true });
  fs.cpSync(logs, path.join(ARTIFACTS, 'logs'), { recursive: true });
  console.log(`logs: ${path.relative(ROOT, ARTIFACTS)}/logs`);
}

// --- VS Code desktop -------------------------------------------------------------------

/** VS Code's executable from VSCODE_EXECUTABLE; a `code` shell wrapper is resolved to the Electron binary. */
function executableFromEnv() {
  const given = process.env.VSCODE_EXECUTABLE;
  if (!given) return undefined;
  if (!fs.existsSync(given)) {
    console.error(`VSCODE_EXECUTABLE=${given} does not exist`);
    process.exit(1);
  }
  const real = fs.realpathSync(given);
  const isScript = fs.readFileSync(real).subarray(0, 2).toString() === '#!';
  // Linux packages: <install>/bin/code (a script) next to <install>/code (Electron).
  if (isScript && path.basename(path.dirname(real)) === 'bin') {
    const install = path.dirname(path.dirname(real));
    for (const name of ['code', 'code-insiders', 'codium']) {
      const candidate = path.join(install, name);
      if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
    }
  }
  return real;
}

async function downloadProblem() {
  try {
    const response = await fetch(UPDATE_SERVER, { signal: AbortSignal.timeout(8000) });
    return response.ok ? undefined : `${UPDATE_SERVER} answered ${response.status}`;
  } catch (error) {
    const cause = error instanceof Error ? (error.cause?.code ?? error.cause?.message ?? error.message) : String(error);
    return `${UPDATE_SERVER} is unreachable (${cause})`;
  }
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

async function runInElectron() {
  const vscodeExecutablePath = executableFromEnv();
  if (!vscodeExecutablePath) {
    const problem = await downloadProblem();
    if (problem) notRun(`VSCODE_EXECUTABLE is not set and VS Code cannot be downloaded: ${problem}`);
  }
  // Electron needs a display on Linux: run under xvfb-run when there is none.
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    if (!onPath('xvfb-run')) notRun('there is no display (DISPLAY is not set) and xvfb-run is not installed (apt-get install xvfb)');
    const rerun = spawnSync('xvfb-run', ['-a', process.execPath, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
      stdio: 'inherit',
    });
    process.exit(rerun.status ?? 1);
  }
  const { runTests } = await import('@vscode/test-electron');
  const client = path.join(ROOT, 'client', 'out', 'extension.js');
  if (!fs.existsSync(client)) throw new Error(`${path.relative(ROOT, client)} is missing: run npm run build first`);

  const started = Date.now();
  const dirs = scratchDirs();
  try {
    const options = {
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: SUITE,
      extensionTestsEnv: { ELB_LENS_ELECTRON_RESULTS: dirs.results },
      // An empty extensions dir: no other Terraform extension, so .tf files get our grammar.
      launchArgs: [
        dirs.workspace,
        '--user-data-dir',
        dirs.userData,
        '--extensions-dir',
        dirs.extensions,
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--disable-gpu',
      ],
    };
    if (vscodeExecutablePath) options.vscodeExecutablePath = vscodeExecutablePath;
    else options.version = process.env.VSCODE_VERSION ?? 'stable';
    try {
      await runTests(options);
    } catch (error) {
      console.error(`VS Code: ${error instanceof Error ? error.message : String(error)}`);
    }
    return report(dirs, started);
  } finally {
    fs.rmSync(dirs.scratch, { recursive: true, force: true });
  }
}

// --- code-server ---------------------------------------------------------------------

/**
 * A one-file extension that runs the Mocha suite when the extension host starts and
 * writes the results: code-server has no --extensionTestsPath.
 */
function writeHostExtension(dirs) {
  const dir = path.join(dirs.extensions, 'elb-lens-tests.mocha-host-0.0.0');
  writeJson(path.join(dir, 'package.json'), {
    name: 'mocha-host',
    publisher: 'elb-lens-tests',
    version: '0.0.0',
    engines: { vscode: '^1.100.0' },
    activationEvents: ['onStartupFinished'],
    main: './extension.js',
    capabilities: { untrustedWorkspaces: { supported: true } },
  });
  // Register it next to the installed VSIX (code-server only loads what extensions.json lists).
  const manifest = path.join(dirs.extensions, 'extensions.json');
  const installed = fs.existsSync(manifest) ? JSON.parse(fs.readFileSync(manifest, 'utf8')) : [];
  const location = { $mid: 1, fsPath: dir, external: pathToFileURL(dir).toString(), path: dir, scheme: 'file' };
  installed.push({
    identifier: { id: 'elb-lens-tests.mocha-host' },
    version: '0.0.0',
    location,
    relativeLocation: path.basename(dir),
    metadata: { installedTimestamp: Date.now(), source: 'vsix' },
  });
  fs.writeFileSync(manifest, JSON.stringify(installed));
  fs.writeFileSync(
    path.join(dir, 'extension.js'),
    [
      `process.env.ELB_LENS_ELECTRON_RESULTS = ${JSON.stringify(dirs.results)};`,
      `exports.activate = () => { require(${JSON.stringify(SUITE)}).run().catch((error) => console.error(error)); };`,
      '',
    ].join('\n'),
  );
}

async function runInCodeServer() {
  const cache = process.env.ELB_LENS_E2E_CACHE ?? path.join(ROOT, '.cache', 'code-server');
  const entry = path.join(cache, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const chromiumPath = CHROMIUM_PATH;
  if (!fs.existsSync(entry) || !fs.existsSync(chromiumPath)) notRun('code-server or Chromium is not installed: run test/e2e/setup.sh');
  const { chromium } = await import('playwright-core');

  const started = Date.now();
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const vsix = path.join(ROOT, `${pkg.name}-${pkg.version}.vsix`);
  fs.rmSync(vsix, { force: true });
  const packaged = spawnSync('npm', ['run', 'package'], { cwd: ROOT, encoding: 'utf8' });
  if (packaged.status !== 0 || !fs.existsSync(vsix)) throw new Error(`npm run package failed:\n${packaged.stdout}\n${packaged.stderr}`);

  const dirs = scratchDirs();
  let server;
  let browser;
  try {
    const cli = (args) => {
      const run = spawnSync(process.execPath, [entry, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, ...args], {
        encoding: 'utf8',
      });
      if (run.status !== 0) throw new Error(`code-server ${args.join(' ')} failed:\n${run.stdout}\n${run.stderr}`);
    };
    cli(['--install-extension', vsix]);
    writeHostExtension(dirs);
    const port = await freePort();
    server = spawn(
      process.execPath,
      [
        entry,
        '--auth',
        'none',
        '--bind-addr',
        `127.0.0.1:${port}`,
        '--user-data-dir',
        dirs.userData,
        '--extensions-dir',
        dirs.extensions,
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        dirs.workspace,
      ],
      { stdio: 'ignore' },
    );
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: CHROMIUM_ARGS,
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(dirs.workspace)}`;
    await gotoWhenServing(page, url, 30000);
    // Poll for the results file: the whole suite gets five minutes.
    const until = Date.now() + 5 * 60 * 1000;
    while (!fs.existsSync(dirs.results) && Date.now() < until) await page.waitForTimeout(250);
    return report(dirs, started);
  } finally {
    await browser?.close();
    server?.kill();
    fs.rmSync(dirs.scratch, { recursive: true, force: true });
  }
}

try {
  process.exitCode = process.argv.includes('--code-server') ? await runInCodeServer() : await runInElectron();
} catch (error) {
  console.error(error instanceof Error ? error.stack : String(error));
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
}
