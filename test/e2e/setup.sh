#!/usr/bin/env bash
# Installs what the editor end-to-end suite needs, once: Debian's Chromium and a
# code-server 4.100.3 (VS Code 1.100.3 on Node 20) with its native modules, into a
# git-ignored cache. Safe to run again: finished steps are skipped.
#
# Works on a fresh machine with an empty npm cache, no global node-gyp and no terminal
# (stdin from /dev/null, as CI runs): node-gyp is installed into the cache prefix itself.
set -euo pipefail
cd "$(dirname "$0")/../.."
CACHE="${ELB_LENS_E2E_CACHE:-$PWD/.cache/code-server}"
MARKER="$CACHE/.installed-4.100.3-3"  # bump the suffix when the recipe below changes
export DEBIAN_FRONTEND=noninteractive
STARTED=$SECONDS

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v rg >/dev/null 2>&1 || need_apt+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "e2e setup: apt-get install ${need_apt[*]}"
  apt-get update -qq
  apt-get install -y -qq "${need_apt[@]}" >/dev/null
  echo "e2e setup: apt-get done ($((SECONDS - STARTED)) s)"
fi

if [ -f "$MARKER" ] && [ -f "$CACHE/node_modules/code-server/out/node/entry.js" ]; then
  echo "e2e setup: code-server already installed in $CACHE"
  exit 0
fi

mkdir -p "$CACHE"
# node-gyp goes into the cache prefix, next to code-server. node-pty's post-install runs
# `npx node-gyp configure`; npx looks for the command in node_modules/.bin of the package
# and its parents (and the global prefix), never on PATH, and without a terminal it will
# not download it ("npx canceled due to missing packages and no YES option"). Note that
# `command -v node-gyp` proves nothing here: `npm run` puts npm's own node-gyp shim on PATH.
# $CACHE/node_modules/.bin is a parent of every module rebuilt below, so npx finds it
# there; npm rebuild uses the same copy (npm_config_node_gyp), and so does anything
# that looks on PATH.
npm install --prefix "$CACHE" --no-audit --no-fund --ignore-scripts code-server@4.100.3 node-gyp@12.4.0 >/dev/null
export PATH="$CACHE/node_modules/.bin:$PATH"
export npm_config_node_gyp="$CACHE/node_modules/node-gyp/bin/node-gyp.js"
[ -f "$npm_config_node_gyp" ] || { echo "e2e setup: node-gyp is missing from $CACHE" >&2; exit 1; }
VSCODE_DIR="$CACHE/node_modules/code-server/lib/vscode"
(
  cd "$VSCODE_DIR"
  npm install --omit=dev --ignore-scripts --no-audit --no-fund >/dev/null
  mkdir -p node_modules/@vscode/ripgrep/bin && cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/
  # native-watchdog is not in E2E.md's list: without it every extension host logs an error.
  npm rebuild kerberos node-pty @parcel/watcher @vscode/spdlog @vscode/deviceid native-watchdog >/dev/null
  ln -sf code-linux.sh bin/remote-cli/code-server
  ln -sf browser-linux.sh bin/helpers/browser.sh
  (cd extensions && npm install --omit=dev --no-audit --no-fund >/dev/null)
)
(cd "$CACHE" && npm rebuild argon2 >/dev/null)
# npm may skip install scripts it has not been told to allow: load each native module
# code-server needs, so that a broken install fails here, clearly, and not as a workbench
# that never comes up.
for module in node-pty @vscode/spdlog @parcel/watcher native-watchdog kerberos; do
  (cd "$VSCODE_DIR" && node -e "require('$module')") || { echo "e2e setup: native module $module does not load" >&2; exit 1; }
done
(cd "$CACHE" && node -e "require('argon2')") || { echo "e2e setup: native module argon2 does not load" >&2; exit 1; }
touch "$MARKER"
echo "e2e setup: code-server installed in $CACHE ($((SECONDS - STARTED)) s)"
