// Renders images/icon.svg to images/icon.png (256×256, transparent corners) with the
// Chromium the e2e suite uses: `npm run icon`. The Marketplace takes PNG icons only.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/e2e/common.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SIZE = 256;
const svg = fs.readFileSync(path.join(ROOT, 'images', 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  const out = path.join(ROOT, 'images', 'icon.png');
  await page.locator('svg').screenshot({ path: out, omitBackground: true });
  process.stdout.write(`wrote ${path.relative(ROOT, out)} (${fs.statSync(out).size} bytes)\n`);
} finally {
  await browser.close();
}
