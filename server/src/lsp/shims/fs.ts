/**
 * Stands for Node's `fs` in the browser bundle of the language server (esbuild.mjs maps
 * `fs` here). The core reaches files only through its host; the one module that imports `fs`
 * (parse/hcl.ts, to find its WebAssembly next to the bundle) is given the bytes instead in a
 * browser (useHclWasm), so nothing here is meant to be called.
 */
function unavailable(name: string): never {
  throw new Error(`fs.${name} is not available in a browser`);
}

export function existsSync(): boolean {
  return false;
}

export function readFileSync(): never {
  return unavailable('readFileSync');
}

export default { existsSync, readFileSync };
