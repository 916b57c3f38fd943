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

/**
 * Resolves once code-server says it listens; rejects, with the end of its output, when it
 * exits first or stays silent for `timeoutMs` (a loaded 2-core machine can take a while).
 */
export function codeServerListening(server, output, timeoutMs) {
  return new Promise((resolve, reject) => {
    const tail = () => output().split('\n').slice(-20).join('\n');
    const timer = setTimeout(() => finish(new Error(`code-server did not listen within ${timeoutMs / 1000} s:\n${tail()}`)), timeoutMs);
    const poll = setInterval(() => {
      if (/HTTP server listening/.test(output())) finish();
    }, 100);
    const onExit = (code, signal) => finish(new Error(`code-server exited (${signal ?? code}) before listening:\n${tail()}`));
    server.once('exit', onExit);
    function finish(error) {
      clearTimeout(timer);
      clearInterval(poll);
      server.off('exit', onExit);
      if (error) reject(error);
      else resolve();
    }
  });
}
