// Bundles the client, the language server and the CLI into single files (the client and the
// server twice: for Node and for a browser), and copies the WebAssembly the parser needs next
// to the server bundles.
//
// `node esbuild.mjs --dist [folder]` instead writes the committed bundle of the GitHub Action
// and the pre-commit hook (dist/ by default): the CLI and the action in one readable file, not
// minified and without a source map, so that its diffs can be reviewed and merged, and the
// same bytes from the same sources (a test rebuilds it and compares).
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';

const production = process.argv.includes('--production');
const distIndex = process.argv.indexOf('--dist');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: !production,
  logLevel: 'warning',
  // jsonc-parser's UMD build hides its requires from the bundler; its ESM build does not.
  mainFields: ['module', 'main'],
};

/**
 * The browser build (vscode.dev, github.dev, web worker extension hosts) has no Node modules:
 * `path` is a POSIX implementation, `fs` a stub (the core reads files through its host; the
 * parser gets its WebAssembly as bytes). Any other Node module is an error.
 */
const browserShims = {
  name: 'browser-shims',
  setup(build) {
    const shims = { path: 'server/src/lsp/shims/path.ts', fs: 'server/src/lsp/shims/fs.ts' };
    build.onResolve({ filter: /^(node:)?(path|fs)$/ }, (args) => ({ path: path.resolve(shims[args.path.replace(/^node:/, '')]) }));
  },
};
const browser = {
  platform: 'browser',
  target: 'es2022',
  mainFields: ['browser', 'module', 'main'],
};

const wasmFiles = [
  'node_modules/web-tree-sitter/web-tree-sitter.wasm',
  'node_modules/@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm',
];

if (distIndex >= 0) {
  const folder = process.argv[distIndex + 1] && !process.argv[distIndex + 1].startsWith('--') ? process.argv[distIndex + 1] : 'dist';
  fs.mkdirSync(folder, { recursive: true });
  await esbuild.build({
    ...common,
    entryPoints: ['server/src/action/entry.ts'],
    outfile: path.join(folder, 'elb-lens.js'),
    minify: false,
    sourcemap: false,
    banner: { js: '#!/usr/bin/env node' },
  });
  fs.chmodSync(path.join(folder, 'elb-lens.js'), 0o755);
  for (const file of wasmFiles) {
    fs.copyFileSync(file, path.join(folder, path.basename(file)));
    fs.chmodSync(path.join(folder, path.basename(file)), 0o644);
  }
  process.exit(0);
}

const bundles = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'server/out/server.js' },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'server/out/cli.js' },
  // The web extension: its client runs in the web worker extension host (CommonJS, as VS Code
  // loads it); the server in a worker of its own, loaded with importScripts (an IIFE).
  { ...browser, entryPoints: ['client/src/browser.ts'], outfile: 'client/out/browser.js', external: ['vscode'], plugins: [browserShims] },
  {
    ...browser,
    entryPoints: ['server/src/lsp/browserMain.ts'],
    outfile: 'server/out/browserServer.js',
    format: 'iife',
    plugins: [browserShims],
  },
];
// A checkout without one of the entry points (the CLI) still builds the others.
await Promise.all(bundles.filter((b) => fs.existsSync(b.entryPoints[0])).map((b) => esbuild.build({ ...common, ...b })));

for (const file of wasmFiles) fs.copyFileSync(file, path.join('server/out', path.basename(file)));
