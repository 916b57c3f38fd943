// End-to-end: the packaged VSIX in a real VS Code workbench (code-server) driven by
// Chromium through playwright-core. Run with `npm run test:e2e` (setup.sh installs the
// editor and the browser). `--screenshots` also refreshes docs/images/.
//
// Every wait polls a selector or a condition with a timeout; there are no fixed sleeps.
// On a failure the suite saves a screenshot per failed step, the code-server output and
// the workbench logs (extension host, ELB Lens output channel) under test-results/e2e/.
// Every step runs or fails: there are no skips. The last line of the output is
// `N passed, N failed`.
//
// The main workspace's scenarios run a second time, in a fresh code-server, with the
// extension forced into the web worker extension host (`remote.extensionKind` ["ui"]: the
// `browser` build, as on vscode.dev and github.dev); their names start with [web worker].
// `--web-only` runs only that phase.
//
// Environment: ELB_LENS_E2E_CACHE (code-server install, default .cache/code-server),
// ELB_LENS_E2E_CHROMIUM (default /usr/bin/chromium), ELB_LENS_E2E_LOG=trace (code-server
// and the LSP messages at trace level in the saved logs), ELB_LENS_E2E_KEEP_LOGS=1 (save
// the logs even when everything passes).
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, CHROMIUM_PATH, codeServerListening, freePort, gotoWhenServing } from './common.mjs';
import { chromium } from 'playwright-core';

/* global getComputedStyle, window, document -- in the callbacks of evaluate(), which run in the browser */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CACHE = process.env.ELB_LENS_E2E_CACHE ?? path.join(ROOT, '.cache', 'code-server');
const ENTRY = path.join(CACHE, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const ARTIFACTS = path.join(ROOT, 'test-results', 'e2e');
const IMAGES = path.join(ROOT, 'docs', 'images');
const SCREENSHOTS = process.argv.includes('--screenshots');
const TIMEOUT = 30000;
const PACKAGE = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const EXTENSION_ID = `${PACKAGE.publisher}.${PACKAGE.name}`;

const WEB_ONLY = process.argv.includes('--web-only');
/** The browser server's first diagnostics, from the moment the file is open: the budget of issue 18. */
const WEB_FIRST_DIAGNOSTICS_MS = 1000;

const results = [];
/** The workbench's console (errors of the language client and the workbench land here). */
const browserConsole = [];
let page;
let scratch;
/** True while the web worker phase runs: its steps are named [web worker] …, screenshots are not taken. */
let web = false;

function log(message) {
  process.stdout.write(`${message}\n`);
}

/**
 * `npm run package`, then a copy of the VSIX it made (in `dir`): the file in the repository
 * must be newer than this run, so a stale VSIX from an earlier build is never installed.
 */
function packageVsix(dir) {
  const vsix = path.join(ROOT, `${PACKAGE.name}-${PACKAGE.version}.vsix`);
  const started = Date.now();
  const run = spawnSync('npm', ['run', 'package'], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`npm run package failed:\n${run.stdout}\n${run.stderr}`);
  if (!fs.existsSync(vsix) || fs.statSync(vsix).mtimeMs < started - 1000)
    throw new Error(`npm run package did not write ${path.basename(vsix)}`);
  const copy = path.join(dir, path.basename(vsix));
  fs.copyFileSync(vsix, copy);
  return copy;
}

function codeServerCli(args) {
  const run = spawnSync(process.execPath, [ENTRY, ...args], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`code-server ${args.join(' ')} failed:\n${run.stdout}\n${run.stderr}`);
  return run.stdout;
}

function writeJson(file, value) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, null, 2));
}

async function step(stepName, body) {
  const name = web ? `[web worker] ${stepName}` : stepName;
  const started = Date.now();
  try {
    await body();
    results.push({ name, status: 'passed' });
    log(`  ok   ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    results.push({ name, status: 'failed' });
    log(`  FAIL ${name}: ${error instanceof Error ? error.message : String(error)}`);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, `${name.replace(/[^a-z0-9]+/gi, '-').replace(/^-/, '')}.png`);
    await page?.screenshot({ path: file }).catch(() => undefined);
    log(`       screenshot: ${path.relative(ROOT, file)}`);
  }
}

async function waitUntil(check, what, timeout = TIMEOUT) {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await page.waitForTimeout(100);
  }
}

/** The active editor (the one whose tab is active): settings.json or others may be open too. */
function editor() {
  return page.locator('.editor-group-container.active .editor-container .monaco-editor').first();
}

/** The text of the visible editor lines. */
async function editorText() {
  return editor().locator('.view-lines').innerText();
}

/** Vertical extent of the first visible editor line containing `text`. */
async function lineBox(text) {
  const line = editor().locator('.view-line', { hasText: text }).first();
  await line.waitFor({ timeout: TIMEOUT });
  // The editor renders its lines again when decorations change (new diagnostics): an element
  // found a moment ago may be gone; the next one has a box.
  let box = null;
  await waitUntil(async () => (box = await line.boundingBox().catch(() => null)) !== null, `the line with ${text} to be visible`);
  return box;
}

/** Squiggles of one kind (error, warning, info) in the active editor, as the lines they sit on. */
async function squiggleLines(kind) {
  const boxes = await editor()
    .locator(`.squiggly-${kind}`)
    .evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ middle: r.y + r.height / 2 })));
  const lines = await editor()
    .locator('.view-line')
    // Monaco renders spaces as no-break spaces.
    .evaluateAll((els) => els.map((e) => ({ text: (e.textContent ?? '').replace(/\u00a0/g, ' '), rect: e.getBoundingClientRect() })));
  return boxes.map(({ middle }) => lines.find((l) => middle >= l.rect.y && middle <= l.rect.y + l.rect.height)?.text ?? '?');
}

/** Waits until the active editor has exactly the squiggles of `kind` on the lines containing `texts`. */
async function expectSquiggles(kind, texts) {
  let seen = [];
  const matches = async () => {
    seen = await squiggleLines(kind);
    return seen.length === texts.length && texts.every((t) => seen.some((line) => line.includes(t)));
  };
  try {
    await waitUntil(matches, `${kind} squiggles on the lines with ${texts.join(', ') || '(none)'}`);
  } catch (error) {
    throw new Error(`${error.message}; ${kind} squiggles are on: ${seen.map((l) => JSON.stringify(l.trim())).join(', ') || 'no line'}`, {
      cause: error,
    });
  }
}

/** Opens a workspace file through Quick Open (Ctrl+P), as a person does. */
async function openFile(name) {
  await page.keyboard.press('Escape');
  const quickOpen = page.locator('.quick-input-widget input');
  await page.keyboard.press('Control+P');
  await quickOpen.waitFor({ state: 'visible', timeout: TIMEOUT });
  await quickOpen.fill(name);
  await waitForFirstQuickPick(path.basename(name));
  await page.keyboard.press('Enter');
  await page.locator(`.tab.active[aria-label*="${path.basename(name)}"]`).waitFor({ timeout: TIMEOUT });
  await editor().locator('.view-line').first().waitFor({ timeout: TIMEOUT });
}

/** Changes user settings the way a person does: in the settings JSON editor, then save. */
async function setUserSettings(settings) {
  await runCommand('Preferences: Open User Settings (JSON)');
  await page.locator('.tab.active[aria-label*="settings.json"]').waitFor({ timeout: TIMEOUT });
  // Pasted, as one edit: typed text would reach the editor (and every JSON language
  // server, ELB Lens's included) as one change per character with auto-closed brackets.
  await page.evaluate((text) => navigator.clipboard.writeText(text), JSON.stringify(settings, null, 2));
  await editor().click({ position: { x: 200, y: 10 } });
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
  await page.locator('.tab.active.dirty[aria-label*="settings.json"]').waitFor({ timeout: TIMEOUT });
  await page.keyboard.press('Control+S');
  await page.locator('.tab.active[aria-label*="settings.json"]:not(.dirty)').waitFor({ timeout: TIMEOUT });
  await page.keyboard.press('Control+W');
  await page.locator('.tab[aria-label*="settings.json"]').waitFor({ state: 'detached', timeout: TIMEOUT });
}

/** Runs a command through the Command Palette (Ctrl+Shift+P). */
async function runCommand(label) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: TIMEOUT });
  await input.fill(`>${label}`);
  await waitForFirstQuickPick(label);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: TIMEOUT });
}

/** The Quick Open / Command Palette list filters asynchronously: waits until its focused entry is `label`. */
async function waitForFirstQuickPick(label) {
  const focused = page.locator('.quick-input-list .monaco-list-row.focused');
  const text = async () => ((await focused.count()) > 0 ? ((await focused.first().getAttribute('aria-label')) ?? '') : '');
  await waitUntil(async () => (await text()).includes(label), `${label} first in the list`);
}

async function goToLine(line, column = 1) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: TIMEOUT });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: TIMEOUT });
}

/** Moves the mouse onto the first squiggle of `kind` on the line with `text` (locator.hover() refuses: the text layer covers it). */
async function hoverSquiggle(kind, text) {
  const line = await lineBox(text);
  const boxes = await editor()
    .locator(`.squiggly-${kind}`)
    .evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height })));
  const box = boxes.find((b) => b.y + b.height / 2 >= line.y && b.y + b.height / 2 <= line.y + line.height);
  if (!box) throw new Error(`no ${kind} squiggle on the line with ${text}`);
  await page.mouse.move(box.x + Math.min(box.width / 2, 40), box.y + box.height / 2);
}

/**
 * Hovers the squiggle until a hover containing `hoverText` shows. VS Code drops a hover whose
 * request was overtaken (the file's diagnostics published again meanwhile, the mouse a pixel
 * off a wrapped squiggle); a person moves the mouse away and back, and so does this (up to 3
 * times, logged). Returns the hover's locator.
 */
async function hoverUntilShown(kind, text, hoverText) {
  const hover = page.locator('.monaco-hover:visible', { hasText: hoverText });
  for (let attempt = 1; ; attempt++) {
    await hoverSquiggle(kind, text);
    try {
      await hover.first().waitFor({ timeout: attempt === 3 ? TIMEOUT : TIMEOUT / 3 });
      return hover;
    } catch (error) {
      if (attempt === 3) throw error;
      log(`       hover attempt ${attempt}: no hover with "${hoverText}"; the mouse moves away and back`);
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
    }
  }
}

/**
 * Ctrl+. until the quick-fix menu lists `title`. VS Code cancels a running code-action
 * request when the file's diagnostics are published again meanwhile and then says "No code
 * actions available"; a person presses Ctrl+. again, and so does this (up to 3 times, logged).
 */
async function openQuickFix(title) {
  const item = page.locator('.action-widget').getByText(title).first();
  const none = page.locator('.monaco-editor-overlaymessage', { hasText: 'No code actions available' });
  for (let attempt = 1; ; attempt++) {
    await editor().locator('.lightBulbWidget').waitFor({ timeout: TIMEOUT });
    await page.keyboard.press('Control+.');
    let outcome = '';
    await waitUntil(async () => {
      if (await item.isVisible()) outcome = 'menu';
      else if (await none.isVisible()) outcome = 'none';
      return outcome !== '';
    }, `the quick-fix menu with ${title}`);
    if (outcome === 'menu') return;
    log(`       Ctrl+. attempt ${attempt}: "No code actions available"`);
    if (attempt === 3) throw new Error(`Ctrl+. said "No code actions available" ${attempt} times`);
    await page.keyboard.press('Escape');
    await none.waitFor({ state: 'hidden', timeout: TIMEOUT });
  }
}

/** 1-based number of the first line of a workspace fixture that contains `text`. */
function lineOf(file, text) {
  const lines = fs.readFileSync(path.join(ROOT, 'test', 'e2e', 'fixtures', 'workspace', file), 'utf8').split('\n');
  const index = lines.findIndex((l) => l.includes(text));
  if (index < 0) throw new Error(`${text} is not in ${file}`);
  return index + 1;
}

/**
 * The frame of the client IP map webview (the workbench nests a webview's page in two
 * iframes; the inner one holds #map once the extension's page is loaded).
 */
async function mapFrame() {
  let found;
  await waitUntil(async () => {
    for (const frame of page.frames()) {
      if (
        await frame
          .locator('#map')
          .count()
          .catch(() => 0)
      ) {
        found = frame;
        return true;
      }
    }
    return false;
  }, 'the client IP map webview');
  return found;
}

/** The map on its own, wide enough to read: the side bar hidden and the map's group maximised. */
async function mapScreenshot(frame) {
  fs.mkdirSync(IMAGES, { recursive: true });
  await page.setViewportSize({ width: 1720, height: 860 });
  await runCommand('View: Toggle Primary Side Bar Visibility');
  await page.locator('.tab[aria-label*="Client IP Map"]').click();
  await runCommand('View: Toggle Maximize Editor Group');
  await frame.locator('svg.elb-map').waitFor({ timeout: TIMEOUT });
  await frame.evaluate(() => window.scrollTo(0, 0));
  const box = await page.locator('.part.editor').boundingBox();
  await page.screenshot({
    path: path.join(IMAGES, 'map.png'),
    clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 640) },
  });
  await runCommand('View: Toggle Maximize Editor Group');
  await runCommand('View: Toggle Primary Side Bar Visibility');
  await page.locator('.tab[aria-label*="elb.tf"]').click();
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function screenshot(name) {
  if (!SCREENSHOTS || web) return;
  fs.mkdirSync(IMAGES, { recursive: true });
  // The top of the editor area only, as a PNG small enough for the README.
  const box = await page.locator('.part.editor').boundingBox();
  await page.screenshot({
    path: path.join(IMAGES, name),
    clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 480) },
  });
}

/** A code-server on a free port, with its output collected; `stop()` ends it. */
async function startCodeServer(userData, extensions) {
  const port = await freePort();
  const server = spawn(
    process.execPath,
    [
      ENTRY,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--user-data-dir',
      userData,
      '--extensions-dir',
      extensions,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      ...(process.env.ELB_LENS_E2E_LOG ? ['--log', process.env.ELB_LENS_E2E_LOG] : []),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const instance = { port, output: '', server };
  server.stdout.on('data', (d) => (instance.output += d));
  server.stderr.on('data', (d) => (instance.output += d));
  instance.stop = async () => {
    if (server.exitCode !== null || server.signalCode !== null) return;
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill();
    await exited;
  };
  await codeServerListening(server, () => instance.output, 4 * TIMEOUT);
  return instance;
}

/** A fresh browser page on the workbench of `query` (`folder=…` or `workspace=…`). */
async function openWorkbench(browser, port, query) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  page = await context.newPage();
  page.on('console', (message) => browserConsole.push(`${new Date().toISOString()} [${message.type()}] ${message.text()}`));
  await gotoWhenServing(page, `http://127.0.0.1:${port}/?${query}`, TIMEOUT);
  await page.locator('.monaco-workbench').waitFor({ timeout: 2 * TIMEOUT });
  return context;
}

/** Every extension host log of the run, concatenated (one per window). */
function extensionHostLogs(userData) {
  const logs = path.join(userData, 'logs');
  if (!fs.existsSync(logs)) return '';
  return fs
    .readdirSync(logs, { recursive: true })
    .filter((f) => /remoteexthost\.log$/.test(f))
    .map((f) => fs.readFileSync(path.join(logs, f), 'utf8'))
    .join('\n');
}

/** Command lines of running processes that contain `text`. */
function processesWith(text) {
  const ps = spawnSync('ps', ['-eo', 'args='], { encoding: 'utf8' });
  if (ps.status !== 0) throw new Error(`ps failed: ${ps.stderr}`);
  return ps.stdout.split('\n').filter((line) => line.includes(text));
}

const activated = (id) => new RegExp(`ExtensionService#_doActivateExtension ${id.replace(/\./g, '\\.')},`);

/** The ELB Lens status bar item's accessible label, e.g. "ELB Lens, ready: 4 findings in this module". */
async function statusBarLabel() {
  const item = page.locator('.statusbar [aria-label^="ELB Lens,"]').first();
  return (await item.count()) > 0 ? ((await item.getAttribute('aria-label')) ?? '') : '';
}

/** Waits for the status bar to say "ready" and returns its count of findings. */
async function readyFindings() {
  let label = '';
  await waitUntil(
    async () => /^ELB Lens, ready: \d+ finding/.test((label = await statusBarLabel())),
    `the status bar to say ready (it says "${label}")`,
  );
  return Number(/ready: (\d+)/.exec(label)[1]);
}

/** The TextMate scopes at the cursor, from Developer: Inspect Editor Tokens and Scopes. */
async function scopesAtCursor() {
  await runCommand('Developer: Inspect Editor Tokens and Scopes');
  const widget = page.locator('.token-inspect-widget');
  await widget.waitFor({ timeout: TIMEOUT });
  await waitUntil(async () => /source\./.test(await widget.innerText()), 'the token scopes');
  const text = await widget.innerText();
  await page.keyboard.press('Escape');
  await widget.waitFor({ state: 'hidden', timeout: TIMEOUT });
  return text;
}

/** A VSIX of the stand-in for HashiCorp's Terraform extension (test/e2e/fixtures/standin-terraform). */
function packageStandIn(dir) {
  const source = path.join(dir, 'standin-terraform');
  fs.cpSync(path.join(ROOT, 'test', 'e2e', 'fixtures', 'standin-terraform'), source, { recursive: true });
  const out = path.join(dir, 'standin-terraform.vsix');
  const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const run = spawnSync(process.execPath, [vsce, 'package', '--allow-missing-repository', '--skip-license', '--out', out], {
    cwd: source,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`vsce package of the stand-in failed:\n${run.stdout}\n${run.stderr}`);
  return out;
}

/**
 * The scenarios of the main workspace (a copy of test/e2e/fixtures/workspace at `workspace`),
 * in the workbench open on it: run in the Node extension host, then in the web worker.
 */
async function workspaceScenarios(workspace, baseSettings) {
  await step('squiggles: error and warning on the right lines', async () => {
    await openFile('main.tf');
    const opened = Date.now();
    await expectSquiggles('error', ['transparent_client_ip_enable = "false"']);
    // From the file open to the squiggle drawn, with the extension activating and its server
    // starting meanwhile (the server's own time is checked from its output, below).
    log(`       squiggle ${Date.now() - opened} ms after main.tf opened`);
    await expectSquiggles('warning', ['address       = "172.16.0.10"']);
    await screenshot('squiggle.png');
  });

  await step('problems panel lists the findings with rule ids', async () => {
    await page.keyboard.press('Control+Shift+M');
    const panel = page.locator('.markers-panel');
    await panel.waitFor({ timeout: TIMEOUT });
    await waitUntil(async () => {
      const text = await panel.innerText();
      return text.includes('client-ip-always-on') && text.includes('client-ip-ip-backend') && text.includes('main.tf');
    }, 'rule ids in the Problems panel');
    await page.keyboard.press('Control+Shift+M');
    await panel.waitFor({ state: 'hidden', timeout: TIMEOUT });
  });

  await step('hover on the client IP argument explains it', async () => {
    const hover = await hoverUntilShown('error', 'transparent_client_ip_enable', 'Transfer Client IP Address');
    await screenshot('hover.png');
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    await hover.first().waitFor({ state: 'hidden', timeout: TIMEOUT });
  });

  await step('inlay hint shows the effective state', async () => {
    // Inlay hints are injected text: VS Code draws them with CSS content, not DOM text.
    const hintTexts = () =>
      editor()
        .locator('.view-lines span')
        .evaluateAll((spans) =>
          spans.flatMap((span) => [
            getComputedStyle(span, '::before').content,
            getComputedStyle(span, '::after').content,
            span.textContent ?? '',
          ]),
        );
    const normalise = (t) => t.replace(/\u00a0/g, ' ').replace(/\\a0 ?/g, ' ');
    await waitUntil(
      async () => (await hintTexts()).some((t) => normalise(t).includes('client IP: always on (dedicated)')),
      'the inlay hint',
    );
  });

  await step('.tf files are coloured by the bundled TextMate grammar', async () => {
    const line = editor().locator('.view-line', { hasText: 'huaweicloud_elb_loadbalancer' }).first();
    const tokens = await line
      .locator('span > span')
      .evaluateAll((spans) => spans.map((s) => ({ text: s.textContent ?? '', color: getComputedStyle(s).color })));
    const plainColour = await editor().evaluate((e) => getComputedStyle(e.querySelector('.view-lines')).color);
    const keyword = tokens.find((t) => t.text.trim() === 'resource');
    const label = tokens.find((t) => t.text.includes('huaweicloud_elb_loadbalancer'));
    const describe = () => `plain text ${plainColour}; tokens ${tokens.map((t) => `${JSON.stringify(t.text)}=${t.color}`).join(' ')}`;
    if (!keyword || !label) throw new Error(`resource keyword or type label not tokenised apart: ${describe()}`);
    if (keyword.color === plainColour || label.color === plainColour || keyword.color === label.color)
      throw new Error(`token colours do not differ: ${describe()}`);
    // The scope the next phase compares with, next to another terraform grammar.
    await goToLine(1, 3);
    const scopes = await scopesAtCursor();
    if (!scopes.includes('source.hcl.elblens')) throw new Error(`not ELB Lens's grammar: ${scopes}`);
  });

  await step('information on a shared TCP listener', async () => {
    await openFile('shared.tf');
    await expectSquiggles('info', ['resource "huaweicloud_lb_listener" "ssh"']);
    await expectSquiggles('error', []);
  });

  await step('ELB API JSON: error squiggle in listener.elb.json', async () => {
    await openFile('listener.elb.json');
    await expectSquiggles('error', ['"transparent_client_ip_enable": false']);
  });

  let findingsBeforeFix = 0;
  await step('the status bar counts the findings of the module; a click opens the Problems view', async () => {
    await openFile('main.tf');
    await expectSquiggles('error', ['transparent_client_ip_enable']);
    // main.tf: an error and a warning; shared.tf: information; listener.elb.json: an error.
    await waitUntil(async () => (findingsBeforeFix = await readyFindings()) === 4, 'the status bar to count 4 findings');
    await page.locator('.statusbar [aria-label^="ELB Lens,"]').first().click();
    const panel = page.locator('.markers-panel');
    await panel.waitFor({ timeout: TIMEOUT });
    await page.keyboard.press('Control+Shift+M');
    await panel.waitFor({ state: 'hidden', timeout: TIMEOUT });
  });

  await step('quick fix via Ctrl+. edits the text and removes the squiggle; the status bar count goes down', async () => {
    await openFile('main.tf');
    await expectSquiggles('error', ['transparent_client_ip_enable']);
    await goToLine(8, 5);
    await openQuickFix('Remove transparent_client_ip_enable');
    await screenshot('quickfix.png');
    // The first action is focused; the menu's pointer shield swallows mouse clicks.
    await page.keyboard.press('Enter');
    await page.locator('.action-widget').waitFor({ state: 'hidden', timeout: TIMEOUT });
    await waitUntil(async () => !(await editorText()).includes('transparent_client_ip_enable'), 'the argument to be removed');
    await expectSquiggles('error', []);
    await expectSquiggles('warning', ['address']);
    let after = findingsBeforeFix;
    await waitUntil(
      async () => (after = await readyFindings()) === findingsBeforeFix - 1,
      `the count to go from ${findingsBeforeFix} to ${findingsBeforeFix - 1} (it says ${after})`,
    );
  });

  await step('a rule turned off in settings disappears, and comes back when the setting is restored', async () => {
    // Positive control: the warning is drawn before, so "no squiggle" below means the
    // setting took effect, not that nothing was drawn yet.
    await page.locator('.tab.active[aria-label*="main.tf"]').waitFor({ timeout: TIMEOUT });
    await expectSquiggles('warning', ['address       = "172.16.0.10"']);
    await setUserSettings({ ...baseSettings, 'elbLens.rules': { 'client-ip-ip-backend': 'off' } });
    await page.locator('.tab.active[aria-label*="main.tf"]').waitFor({ timeout: TIMEOUT });
    await expectSquiggles('warning', []);
    await setUserSettings(baseSettings);
    await page.locator('.tab.active[aria-label*="main.tf"]').waitFor({ timeout: TIMEOUT });
    await expectSquiggles('warning', ['address       = "172.16.0.10"']);
  });

  await step('fix all on save (editor.codeActionsOnSave)', async () => {
    await setUserSettings({ ...baseSettings, 'editor.codeActionsOnSave': { 'source.fixAll.elbLens': 'explicit' } });
    // Through the Explorer, as a person would: expand the folder, click the file.
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'onsave' }).first().click();
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'listener.tf' }).first().click();
    await page.locator('.tab.active[aria-label*="listener.tf"]').waitFor({ timeout: TIMEOUT });
    await expectSquiggles('error', ['transparent_client_ip_enable = true']);
    await goToLine(3, 3);
    await page.keyboard.type(' ');
    await page.keyboard.press('Control+S');
    await waitUntil(async () => !(await editorText()).includes('transparent_client_ip_enable'), 'fix all on save');
    const saved = path.join(workspace, 'onsave', 'listener.tf');
    await waitUntil(() => !fs.readFileSync(saved, 'utf8').includes('transparent_client_ip_enable'), 'the saved file to be fixed');
    await expectSquiggles('error', []);
  });

  await step('client IP map: the command draws the module, a click on a listener jumps to it, an edit redraws it', async () => {
    await openFile('elb.tf');
    await goToLine(1, 1);
    await runCommand('ELB Lens: Show Client IP Map');
    const frame = await mapFrame();
    const node = (label) => frame.locator('g[data-node]', { has: frame.locator(`text.t:text-is("${label}")`) });
    const orders = node('huaweicloud_elb_listener.orders');
    await orders.waitFor({ timeout: TIMEOUT });
    // Findings are marked with an icon and the rule id, not colour alone.
    await frame.locator('g.s-warning text.f-warning', { hasText: '⚠ client-ip-ip-backend' }).first().waitFor({ timeout: TIMEOUT });
    // The theme's colours, not the SVG's own light or dark set: its background is the editor's.
    const colours = await frame.evaluate(() => ({
      map: getComputedStyle(document.querySelector('svg.elb-map rect.bg')).fill,
      editor: getComputedStyle(document.body).backgroundColor,
    }));
    if (colours.map !== colours.editor) throw new Error(`map background ${colours.map}, editor background ${colours.editor}`);
    const line = lineOf('shop/elb.tf', 'resource "huaweicloud_elb_listener" "orders"');
    await orders.click();
    await page.locator('.tab.active[aria-label*="elb.tf"]').waitFor({ timeout: TIMEOUT });
    const selection = page.locator('[id="status.editor.selection"]');
    await waitUntil(async () => (await selection.innerText()).startsWith(`Ln ${line},`), `the cursor on line ${line}`);
    if (SCREENSHOTS && !web) await mapScreenshot(frame);
    // Rename a listener: the map follows after the debounce.
    const web = lineOf('shop/elb.tf', 'resource "huaweicloud_elb_listener" "web"');
    await goToLine(web, 'resource "huaweicloud_elb_listener" "web'.length + 1);
    await page.keyboard.type('2');
    await node('huaweicloud_elb_listener.web2').waitFor({ timeout: TIMEOUT });
    await page.keyboard.press('Control+Z');
    await node('huaweicloud_elb_listener.web').waitFor({ timeout: TIMEOUT });
  });

  await step('client IP map: fits a side panel (1440×900, explorer open); the keys zoom to actual size and back to fit', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await runCommand('View: Show Explorer');
    await page.locator('.tab[aria-label*="Client IP Map"]').click();
    const frame = await mapFrame();
    await frame.locator('svg.elb-map').waitFor({ timeout: TIMEOUT });
    // The rightmost column (backends) against the panel's width, inside the webview.
    const extent = () =>
      frame.evaluate(() => ({
        panel: document.documentElement.clientWidth,
        right: Math.max(...[...document.querySelectorAll('svg.elb-map [data-node]')].map((n) => n.getBoundingClientRect().right)),
      }));
    const fits = async () => {
      const { panel, right } = await extent();
      return right > 0 && right <= panel;
    };
    await waitUntil(fits, 'the rightmost column of the map inside the side panel');
    log(`       map in the side panel: ${JSON.stringify(await extent())}`);
    // The keys act where the webview has the focus (a click on its text gives it).
    await frame.locator('#status').click();
    await page.keyboard.press('1');
    await waitUntil(async () => !(await fits()), 'the map at its own size, wider than the panel');
    await page.keyboard.press('0');
    await waitUntil(fits, 'the map fitted again');
    await frame.locator('#zoom-in').click();
    await frame.locator('#zoom-fit').click();
    await waitUntil(fits, 'the map fitted again by the Fit button');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  await step('Kubernetes manifest: squiggle, hover and quick fix in a .yaml file', async () => {
    await openFile('service.yaml');
    await expectSquiggles('error', ["kubernetes.io/elb.transparent-client-ip: 'false'"]);
    const hover = await hoverUntilShown('error', 'transparent-client-ip', 'Transfer Client IP Address');
    await waitUntil(async () => (await hover.first().innerText()).includes('the pods see'), 'what the pods see, in the hover');
    await screenshot('hover-yaml.png');
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    await hover.first().waitFor({ state: 'hidden', timeout: TIMEOUT });
    await goToLine(8, 5);
    await openQuickFix('Remove kubernetes.io/elb.transparent-client-ip');
    await page.keyboard.press('Enter');
    await page.locator('.action-widget').waitFor({ state: 'hidden', timeout: TIMEOUT });
    await waitUntil(async () => !(await editorText()).includes('transparent-client-ip'), 'the annotation to be removed');
    await expectSquiggles('error', []);
    const text = await editorText();
    if (!text.replace(/\u00a0/g, ' ').includes('kubernetes.io/elb.class: performance'))
      throw new Error(`the other annotation went too:\n${text}`);
  });

  await step('the walkthrough opens, and its example shows a squiggle', async () => {
    // The command asks which walkthrough in a second quick pick.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Shift+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: TIMEOUT });
    await input.fill('>Welcome: Open Walkthrough');
    await waitForFirstQuickPick('Open Walkthrough');
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget input[placeholder="Select a walkthrough to open"]').waitFor({ timeout: TIMEOUT });
    await input.fill('ELB Lens');
    await waitForFirstQuickPick('Get started with ELB Lens');
    await page.keyboard.press('Enter');
    const walkthrough = page.locator('.gettingStartedContainer');
    await walkthrough.getByText('Get started with ELB Lens').first().waitFor({ timeout: TIMEOUT });
    await walkthrough.getByText('What ELB Lens checks').first().waitFor({ timeout: TIMEOUT });
    // Steps other than the first are folded: select the step, then press its button.
    await walkthrough.locator('[data-step-id*="example"]').first().click();
    await walkthrough.locator('.button-container .monaco-button:visible', { hasText: 'Open an example' }).first().click();
    // In the active group: the client IP map, open beside, may show the example's module in its title.
    await page.locator('.editor-group-container.active .tab.active[aria-label*="Untitled"]').waitFor({ timeout: TIMEOUT });
    await expectSquiggles('error', ['transparent_client_ip_enable = false']);
    await expectSquiggles('warning', ['address       = "172.16.0.10"']);
  });

  await step("the README's sample .elb-lens.json shows no problem: JSON with comments, checked by the extension's schema", async () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### `.elb-lens.json`'));
    const sample = /```jsonc\n([\s\S]*?)```/.exec(section)?.[1];
    if (!sample) throw new Error("no jsonc sample in the README's configuration section");
    const folder = path.join(workspace, 'readme-sample');
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, '.elb-lens.json'), sample);
    await openFile('readme-sample/.elb-lens.json');
    await page.locator('[id="status.editor.mode"]', { hasText: 'JSON with Comments' }).waitFor({ timeout: TIMEOUT });
    // The schema is applied: a key it does not know is underlined; the sample itself is not.
    await goToLine(2, 1);
    await page.evaluate((text) => navigator.clipboard.writeText(text), '  "bogusKey": true,\n');
    await page.keyboard.press('Control+V');
    await expectSquiggles('warning', ['"bogusKey": true,']);
    await page.keyboard.press('Control+Z');
    await expectSquiggles('warning', []);
    await expectSquiggles('error', []);
    await page.keyboard.press('Control+W');
  });

  await step(`Running Extensions lists ELB Lens ${web ? 'in the web worker' : 'outside the web worker'}`, async () => {
    await runCommand('Developer: Show Running Extensions');
    const row = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: PACKAGE.displayName }).first();
    await row.waitFor({ timeout: TIMEOUT });
    let text = '';
    await waitUntil(async () => {
      text = (await row.innerText()).replace(/\s+/g, ' ');
      return /activation|\d+\s*ms/i.test(text);
    }, 'the activation time in the row of ELB Lens');
    log(`       Running Extensions: ${text}`);
    if (/web worker/i.test(text) !== web) throw new Error(`the row of ELB Lens says: ${text}`);
    await page.keyboard.press('Control+W');
  });

  await step('the ELB Lens output shows no error', async () => {
    const output = await outputChannelText();
    const errors = output.split('\n').filter((line) => /\[error\]/.test(line));
    if (errors.length > 0) throw new Error(`errors in the output:\n${errors.join('\n')}`);
    // The web build says where it runs: proof that the text was read, and of the host.
    if (web && !/runs in a web worker/.test(output)) throw new Error(`the output does not say it runs in a web worker:\n${output}`);
    if (web) {
      // How long the server in the worker took to its first diagnostics (from its start, or
      // from the first document's opening when that came later).
      const first = /first diagnostics (\d+) ms after the server started/.exec(output);
      if (!first) throw new Error(`the output does not say when the first diagnostics came:\n${output}`);
      log(`       browser server: first diagnostics ${first[1]} ms after it started and main.tf was open`);
      if (Number(first[1]) > WEB_FIRST_DIAGNOSTICS_MS)
        throw new Error(`first diagnostics took ${first[1]} ms, over ${WEB_FIRST_DIAGNOSTICS_MS} ms`);
    }
    await page.keyboard.press('Control+J');
  });
}

/** The text of the ELB Lens output channel, copied from the Output panel. */
async function outputChannelText() {
  await runCommand('ELB Lens: Show Output');
  const output = page.locator('.part.panel .output-view .monaco-editor').first();
  await output.waitFor({ timeout: TIMEOUT });
  await output.click({ position: { x: 100, y: 10 } });
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
  return page.evaluate(() => navigator.clipboard.readText());
}

async function main() {
  if (!fs.existsSync(ENTRY)) throw new Error(`code-server is not installed at ${CACHE}: run test/e2e/setup.sh`);
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`no Chromium at ${CHROMIUM_PATH}: run test/e2e/setup.sh`);
  fs.rmSync(ARTIFACTS, { recursive: true, force: true });
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'elb-lens-e2e-'));
  const fixtures = path.join(ROOT, 'test', 'e2e', 'fixtures');
  const workspace = path.join(scratch, 'workspace');
  fs.cpSync(path.join(fixtures, 'workspace'), workspace, { recursive: true });
  const plain = path.join(scratch, 'plain');
  fs.cpSync(path.join(fixtures, 'plain'), plain, { recursive: true });
  const multi = path.join(scratch, 'multi');
  fs.cpSync(path.join(fixtures, 'multi'), multi, { recursive: true });
  const userData = path.join(scratch, 'user-data');
  const extensions = path.join(scratch, 'extensions');
  const baseSettings = {
    'workbench.startupEditor': 'none',
    'workbench.colorTheme': 'Default Dark Modern',
    'workbench.tips.enabled': false,
    'security.workspace.trust.enabled': false,
    'editor.inlayHints.enabled': 'on',
    'editor.hover.delay': 100,
    'editor.minimap.enabled': false,
    'editor.occurrencesHighlight': 'off',
    'editor.selectionHighlight': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'telemetry.telemetryLevel': 'off',
    'chat.disableAIFeatures': true,
    'git.enabled': false,
    // The web workbench saves after a delay by default; desktop VS Code does not. Off, so
    // that only Ctrl+S saves (codeActionsOnSave "explicit" runs on explicit saves only).
    'files.autoSave': 'off',
    // ELB_LENS_E2E_LOG=trace: code-server logs at trace level, with the LSP messages.
    ...(process.env.ELB_LENS_E2E_LOG === 'trace' ? { 'elbLens.trace.server': 'verbose' } : {}),
  };
  writeJson(path.join(userData, 'User', 'settings.json'), baseSettings);

  const started = Date.now();
  const vsix = packageVsix(scratch);
  log(
    `packaged ${path.basename(vsix)} (${Math.round(fs.statSync(vsix).size / 1024)} KB) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  const cli = (args) => codeServerCli(['--user-data-dir', userData, '--extensions-dir', extensions, ...args]);
  cli(['--install-extension', vsix]);
  const installed = cli(['--list-extensions'])
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  /** Language server processes (Node) of the ELB Lens installed in `dir`. */
  const elbServers = (dir = extensions) =>
    processesWith(path.join(dir, `${EXTENSION_ID}-${PACKAGE.version}`, 'server', 'out', 'server.js'));
  const webUserData = path.join(scratch, 'web-user-data');

  let codeServer;
  let startedCleanly = false;
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, '--disable-quic'],
  });
  try {
    let context;
    if (!WEB_ONLY) {
      codeServer = await startCodeServer(userData, extensions);
      // 1. A folder with nothing for ELB Lens: opening package.json must not wake it.
      context = await openWorkbench(browser, codeServer.port, `folder=${encodeURIComponent(plain)}`);
      startedCleanly = true;

      await step('the packaged VSIX is the only extension installed', async () => {
        if (installed.join(',') !== EXTENSION_ID) throw new Error(`installed extensions: ${installed.join(', ') || 'none'}`);
      });

      await step('a plain package.json does not start ELB Lens (its command does)', async () => {
        if (elbServers().length > 0) throw new Error(`an ELB Lens server runs before anything was opened:\n${elbServers().join('\n')}`);
        await openFile('package.json');
        // onLanguage:json fired: VS Code's JSON extension activated and its server runs. ELB
        // Lens, had it asked for the same event, would have been activated with it.
        await waitUntil(
          () => activated('vscode.json-language-features').test(extensionHostLogs(userData)),
          'the JSON extension to activate',
        );
        await waitUntil(() => processesWith('jsonServerMain').length > 0, "the JSON extension's server process");
        if (activated(EXTENSION_ID).test(extensionHostLogs(userData))) throw new Error('ELB Lens was activated by package.json');
        if (elbServers().length > 0) throw new Error(`an ELB Lens server runs:\n${elbServers().join('\n')}`);
        // Positive control: the same checks see it when it does start.
        await runCommand('ELB Lens: Show Output');
        await waitUntil(() => activated(EXTENSION_ID).test(extensionHostLogs(userData)), 'ELB Lens to activate on its command');
        await waitUntil(() => elbServers().length > 0, 'the ELB Lens server process');
      });
      await context.close();

      // 2. The workspace with Terraform and ELB API JSON.
      context = await openWorkbench(browser, codeServer.port, `folder=${encodeURIComponent(workspace)}`);
      await workspaceScenarios(workspace, baseSettings);
      // Leaves without the unload prompt of the unsaved example.
      await context.close();
      await codeServer.stop();

      // 3. Next to another extension with a grammar for `terraform`, in a two-folder workspace.
      cli(['--install-extension', packageStandIn(scratch)]);
      writeJson(path.join(userData, 'User', 'settings.json'), baseSettings);
      codeServer = await startCodeServer(userData, extensions);
      context = await openWorkbench(browser, codeServer.port, `workspace=${encodeURIComponent(path.join(multi, 'multi.code-workspace'))}`);

      await step("next to HashiCorp's Terraform extension (a stand-in): its grammar colours .tf, ELB Lens still reports", async () => {
        await openFile('beta.tf');
        await expectSquiggles('error', ['transparent_client_ip_enable = "false"']);
        await goToLine(1, 3);
        const scopes = await scopesAtCursor();
        // hashicorp.terraform-* registers after elb-lens.elb-lens-* (folder-name order): the last grammar wins.
        if (!scopes.includes('source.terraform') || scopes.includes('source.hcl.elblens'))
          throw new Error(`expected the stand-in's source.terraform: ${scopes}`);
      });

      await step('a per-folder setting applies to its folder only (two-folder workspace)', async () => {
        // Folder "two" keeps the default: the warning is drawn (positive control) …
        await openFile('beta.tf');
        await expectSquiggles('error', ['transparent_client_ip_enable = "false"']);
        await expectSquiggles('warning', ['address       = "172.16.0.10"']);
        // … folder "one" turns client-ip-ip-backend off in its .vscode/settings.json.
        await openFile('alpha.tf');
        await expectSquiggles('error', ['transparent_client_ip_enable = "false"']);
        await expectSquiggles('warning', []);
      });
      await context.close();
      await codeServer.stop();
    }

    // 4. The main workspace again, in a fresh code-server, with the extension forced into the
    // web worker extension host: the browser build, as vscode.dev and github.dev run it.
    web = true;
    const webExtensions = path.join(scratch, 'web-extensions');
    const webWorkspace = path.join(scratch, 'web-workspace');
    fs.cpSync(path.join(fixtures, 'workspace'), webWorkspace, { recursive: true });
    const webSettings = { ...baseSettings, 'remote.extensionKind': { [EXTENSION_ID]: ['ui'] } };
    writeJson(path.join(webUserData, 'User', 'settings.json'), webSettings);
    codeServerCli(['--user-data-dir', webUserData, '--extensions-dir', webExtensions, '--install-extension', vsix]);
    codeServer = await startCodeServer(webUserData, webExtensions);
    context = await openWorkbench(browser, codeServer.port, `folder=${encodeURIComponent(webWorkspace)}`);
    startedCleanly = true;
    await workspaceScenarios(webWorkspace, webSettings);

    await step('no ELB Lens server process runs on the machine: the server is in the browser', async () => {
      if (elbServers(webExtensions).length > 0) throw new Error(`a Node ELB Lens server runs:\n${elbServers(webExtensions).join('\n')}`);
    });
    await context.close();
  } finally {
    if (!startedCleanly || results.some((r) => r.status === 'failed') || process.env.ELB_LENS_E2E_KEEP_LOGS)
      saveLogs(codeServer?.output ?? '', userData, webUserData);
    await browser.close();
    await codeServer?.stop();
  }
}

function saveLogs(serverLog, userData, webUserData) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.writeFileSync(path.join(ARTIFACTS, 'code-server.log'), serverLog);
  fs.writeFileSync(path.join(ARTIFACTS, 'browser-console.log'), browserConsole.join('\n'));
  const logs = path.join(userData, 'logs');
  if (fs.existsSync(logs)) fs.cpSync(logs, path.join(ARTIFACTS, 'logs'), { recursive: true });
  const webLogs = path.join(webUserData, 'logs');
  if (fs.existsSync(webLogs)) fs.cpSync(webLogs, path.join(ARTIFACTS, 'web-logs'), { recursive: true });
  const hostLogs = fs.existsSync(logs)
    ? fs.readdirSync(logs, { recursive: true }).filter((f) => /exthost\d*[/\\](remoteexthost|.*ELB Lens)\.log$/.test(f))
    : [];
  log(
    `       logs: ${path.relative(ROOT, ARTIFACTS)}/ (${hostLogs.map((f) => path.join('logs', f)).join(', ') || 'no extension host log'})`,
  );
}

const started = Date.now();
try {
  await main();
} catch (error) {
  log(`e2e: ${error instanceof Error ? error.stack : String(error)}`);
  results.push({ name: 'setup', status: 'failed' });
} finally {
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
}
const count = (status) => results.filter((r) => r.status === status).length;
log(`e2e suite took ${((Date.now() - started) / 1000).toFixed(1)} s`);
log(`${count('passed')} passed, ${count('failed')} failed`);
process.exit(count('failed') > 0 || count('passed') === 0 ? 1 : 0);
