import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The repository root (this file runs from build/test/package/). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** The npm that runs this Node (the tests may run with another npm first on PATH). */
function npm(args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  return execFileSync('npm', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120000 });
}

export interface InstalledPackage {
  /** The temporary folder everything lives in. */
  root: string;
  tarball: string;
  /** The global prefix the tarball was installed into; its bin/ holds elb-lens and elb-lens-server. */
  prefix: string;
  binDir: string;
  /** PATH with the installed commands first, then Node's own folder only (no repository tool can leak in). */
  pathValue: string;
  cleanup(): void;
}

/**
 * Packs the built repository (`npm pack`, without the prepack build: `npm test` built it
 * already, and rebuilding here would race the other test files reading server/out) and
 * installs the tarball globally into an empty prefix, offline, with an empty npm cache,
 * as a user with no network would.
 */
export function installPackedTarball(): InstalledPackage {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'elb-lens-pkg-'));
  const packed = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', root], REPO_ROOT)) as { filename: string }[];
  const tarball = path.join(root, packed[0].filename);
  const prefix = path.join(root, 'prefix');
  const cache = path.join(root, 'cache');
  fs.mkdirSync(prefix);
  fs.mkdirSync(cache);
  npm(['install', '--global', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, '--cache', cache, tarball], root, {
    ...process.env,
    npm_config_registry: 'http://127.0.0.1:9/',
  });
  const binDir = path.join(prefix, 'bin');
  return {
    root,
    tarball,
    prefix,
    binDir,
    pathValue: [binDir, path.dirname(process.execPath)].join(path.delimiter),
    cleanup: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}
