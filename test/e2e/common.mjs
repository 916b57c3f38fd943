// Pieces shared by the code-server suite (test/e2e/suite.mjs) and the Mocha-in-code-server
// runner (test/electron/run.mjs).
import * as net from 'node:net';

/** Debian's Chromium unless ELB_LENS_E2E_CHROMIUM names another. */
export const CHROMIUM_PATH = process.env.ELB_LENS_E2E_CHROMIUM ?? '/usr/bin/chromium';

/** Flags that keep Chromium off the network and quiet in a container without a GPU. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** A TCP port nobody listens on right now (the OS picks it). */
export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * Loads the workbench URL, retrying while code-server is still starting (connection
 * refused) until `timeoutMs` has passed.
 */
export async function gotoWhenServing(page, url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await page.goto(url, { timeout: 5000 });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
