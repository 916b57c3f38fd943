// End-to-end: the packaged VSIX in a real VS Code workbench (code-server) driven by
// Chromium through playwright-core. Run with `npm run test:e2e` (setup.sh installs the
// editor and the browser). `--screenshots` also refreshes docs/images/.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CACHE = process.env.ELB_LENS_E2E_CACHE ?? path.join(ROOT, '.cache', 'code-server');
const ENTRY = path.join(CACHE, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const ARTIFACTS = path.join(ROOT, 'test-results', 'e2e');
const SCREENSHOTS = process.argv.includes('--screenshots');
const TIMEOUT = 30000;

const results = [];
let page;
let scratch;

function log(message) {
  process.stdout.write(`${message}\n`);
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function packageVsix() {
  const run = spawnSync('npm', ['run', 'package'], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`npm run package failed:\n${run.stdout}\n${run.stderr}`);
  const vsix = fs.readdirSync(ROOT).find((n) => n.endsWith('.vsix'));
  if (!vsix) throw new Error('no .vsix produced');
  return path.join(ROOT, vsix);
}

function writeJson(file, value) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, null, 2));
}

async function step(name, body) {
  const started = Date.now();
  try {
    await body();
    results.push({ name, ok: true });
    log(`  ok   ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    results.push({ name, ok: false });
    log(`  FAIL ${name}: ${error instanceof Error ? error.message : String(error)}`);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, `${name.replace(/[^a-z0-9]+/gi, '-')}.png`);
    await page?.screenshot({ path: file }).catch(() => undefined);
    log(`       screenshot: ${path.relative(ROOT, file)}`);
  }
}

/** The text of the visible editor lines. */
async function editorText() {
  return page.locator('.monaco-editor .view-lines').first().innerText();
}

async function waitUntil(check, what, timeout = TIMEOUT) {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await page.waitForTimeout(100);
  }
}

async function openFile(name) {
  await page.keyboard.press('Escape');
  const quickOpen = page.locator('.quick-input-widget input');
  await page.keyboard.press('Control+P');
  await quickOpen.waitFor({ state: 'visible', timeout: TIMEOUT });
  await quickOpen.fill(path.basename(name));
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: TIMEOUT });
  await page.keyboard.press('Enter');
  await page.locator(`.tab.active[aria-label*="${path.basename(name)}"]`).waitFor({ timeout: TIMEOUT });
}

/** Changes user settings the way a person does: in the settings JSON editor, then save. */
async function setUserSettings(settings) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: TIMEOUT });
  await input.fill('>Preferences: Open User Settings (JSON)');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Open User Settings (JSON)' }).first().waitFor({ timeout: TIMEOUT });
  await page.keyboard.press('Enter');
  await page.locator('.tab.active[aria-label*="settings.json"]').waitFor({ timeout: TIMEOUT });
  await page.locator('.monaco-editor textarea').first().focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(JSON.stringify(settings, null, 2));
  await page.keyboard.press('Control+S');
  await page.keyboard.press('Control+W');
}

async function goToLine(line, column = 1) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: TIMEOUT });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
}

async function main() {
  if (!fs.existsSync(ENTRY)) throw new Error(`code-server is not installed at ${CACHE}: run test/e2e/setup.sh`);
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'elb-lens-e2e-'));
  const workspace = path.join(scratch, 'workspace');
  fs.cpSync(path.join(ROOT, 'test', 'e2e', 'fixtures', 'workspace'), workspace, { recursive: true });
  const userData = path.join(scratch, 'user-data');
  const extensions = path.join(scratch, 'extensions');
  const settingsFile = path.join(userData, 'User', 'settings.json');
  const baseSettings = {
    'workbench.startupEditor': 'none',
    'workbench.colorTheme': 'Default Dark Modern',
    'security.workspace.trust.enabled': false,
    'editor.inlayHints.enabled': 'on',
    'editor.hover.delay': 100,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'telemetry.telemetryLevel': 'off',
    'chat.disableAIFeatures': true,
  };
  writeJson(settingsFile, baseSettings);

  const vsix = packageVsix();
  log(`packaged ${path.basename(vsix)} (${Math.round(fs.statSync(vsix).size / 1024)} KB)`);
  const install = spawnSync(process.execPath, [ENTRY, '--user-data-dir', userData, '--extensions-dir', extensions, '--install-extension', vsix], {
    encoding: 'utf8',
  });
  if (install.status !== 0) throw new Error(`installing the VSIX failed:\n${install.stdout}\n${install.stderr}`);

  const port = await freePort();
  const server = spawn(
    process.execPath,
    [ENTRY, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--user-data-dir', userData, '--extensions-dir', extensions, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', workspace],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let serverLog = '';
  server.stdout.on('data', (d) => (serverLog += d));
  server.stderr.on('data', (d) => (serverLog += d));
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`;
    const deadline = Date.now() + TIMEOUT;
    for (;;) {
      try {
        await page.goto(url, { timeout: 5000 });
        break;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    await page.locator('.monaco-workbench').waitFor({ timeout: TIMEOUT });

    await step('squiggles: error and warning on the right lines', async () => {
      await openFile('main.tf');
      await page.locator('.squiggly-error').first().waitFor({ timeout: TIMEOUT });
      await page.locator('.squiggly-warning').first().waitFor({ timeout: TIMEOUT });
      if (SCREENSHOTS) await page.locator('.editor-container').screenshot({ path: path.join(ROOT, 'docs', 'images', 'squiggle.png') });
    });

    await step('problems panel lists the findings with rule ids', async () => {
      await page.keyboard.press('Control+Shift+M');
      const panel = page.locator('.markers-panel');
      await panel.waitFor({ timeout: TIMEOUT });
      await waitUntil(async () => {
        const text = await panel.innerText();
        return text.includes('client-ip-always-on') && text.includes('client-ip-ip-backend');
      }, 'rule ids in the Problems panel');
      await page.keyboard.press('Control+Shift+M');
    });

    await step('hover on the client IP argument explains it', async () => {
      const squiggle = page.locator('.squiggly-error').first();
      const box = await squiggle.boundingBox();
      if (!box) throw new Error('no squiggle box');
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      const hover = page.locator('.monaco-hover:visible', { hasText: 'Transfer Client IP Address' });
      await hover.first().waitFor({ timeout: TIMEOUT });
      if (SCREENSHOTS) await page.locator('.editor-container').screenshot({ path: path.join(ROOT, 'docs', 'images', 'hover.png') });
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
    });

    await step('inlay hint shows the effective state', async () => {
      // Inlay hints are injected text: VS Code draws them with CSS content, not DOM text.
      const hintTexts = () =>
        page.locator('.monaco-editor .view-lines span').evaluateAll((spans) =>
          spans.flatMap((span) => [getComputedStyle(span, '::before').content, getComputedStyle(span, '::after').content, span.textContent ?? '']),
        );
      const normalise = (t) => t.replace(/\u00a0/g, ' ').replace(/\\a0 ?/g, ' ');
      await waitUntil(async () => (await hintTexts()).some((t) => normalise(t).includes('client IP: always on (dedicated)')), 'the inlay hint');
    });

    await step('TextMate grammar colours .tf files', async () => {
      const line = page.locator('.view-line', { hasText: 'huaweicloud_elb_loadbalancer' }).first();
      const classes = await line.locator('span > span').evaluateAll((spans) => spans.map((s) => s.className));
      if (new Set(classes).size < 3) throw new Error(`only ${new Set(classes).size} token colours: ${classes.join(' ')}`);
    });

    await step('quick fix via Ctrl+. edits the text and removes the squiggle', async () => {
      await page.keyboard.press('Escape');
      await goToLine(8, 5);
      await page.keyboard.press('Control+.');
      const item = page.locator('.action-widget').getByText('Remove transparent_client_ip_enable');
      await item.first().waitFor({ timeout: TIMEOUT });
      if (SCREENSHOTS) await page.locator('.editor-container').screenshot({ path: path.join(ROOT, 'docs', 'images', 'quickfix.png') });
      // The first action is focused; the menu's pointer shield swallows mouse clicks.
      await page.keyboard.press('Enter');
      await waitUntil(async () => !(await editorText()).includes('transparent_client_ip_enable'), 'the argument to be removed');
      await waitUntil(async () => (await page.locator('.squiggly-error').count()) === 0, 'the error squiggle to go away');
    });

    await step('a rule turned off in settings disappears', async () => {
      await page.locator('.squiggly-warning').first().waitFor({ timeout: TIMEOUT });
      await setUserSettings({ ...baseSettings, 'elbLens.rules': { 'client-ip-ip-backend': 'off' } });
      await waitUntil(async () => (await page.locator('.squiggly-warning').count()) === 0, 'the warning to disappear');
    });

    await step('fix all on save (editor.codeActionsOnSave)', async () => {
      await setUserSettings({ ...baseSettings, 'editor.codeActionsOnSave': { 'source.fixAll.elbLens': 'explicit' } });
      // Through the Explorer, as a person would: expand the folder, click the file.
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'onsave' }).first().click();
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'listener.tf' }).first().click();
      await page.locator('.tab.active[aria-label*="listener.tf"]').waitFor({ timeout: TIMEOUT });
      await page.locator('.squiggly-error').first().waitFor({ timeout: TIMEOUT });
      await goToLine(3, 3);
      await page.keyboard.type(' ');
      await page.keyboard.press('Control+S');
      await waitUntil(async () => !(await editorText()).includes('transparent_client_ip_enable'), 'fix all on save');
      await waitUntil(() => !fs.readFileSync(path.join(workspace, 'onsave', 'listener.tf'), 'utf8').includes('transparent_client_ip_enable'), 'the saved file to be fixed');
    });
  } finally {
    if (results.some((r) => !r.ok)) {
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      fs.writeFileSync(path.join(ARTIFACTS, 'code-server.log'), serverLog);
      const logs = path.join(userData, 'logs');
      if (fs.existsSync(logs)) fs.cpSync(logs, path.join(ARTIFACTS, 'logs'), { recursive: true });
    }
    await browser.close();
    server.kill();
  }
}

const started = Date.now();
try {
  await main();
} catch (error) {
  log(`e2e: ${error instanceof Error ? error.stack : String(error)}`);
  results.push({ name: 'setup', ok: false });
} finally {
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
}
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
log(`e2e suite took ${((Date.now() - started) / 1000).toFixed(1)} s`);
log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
