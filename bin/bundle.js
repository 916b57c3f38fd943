// Loads a bundle from server/out. A copy that was never built has none: an install from git
// (npm 11 does not run the package's prepack for git dependencies unless allowed to, so
// nothing is built) or a clone without `npm run build`. Say so and what to do, instead of
// Node's "Cannot find module" stack.
const fs = require('node:fs');
const path = require('node:path');

exports.load = function load(name) {
  const root = path.join(__dirname, '..');
  const bundle = path.join(root, 'server', 'out', name);
  if (!fs.existsSync(bundle)) {
    const isClone = fs.existsSync(path.join(root, 'server', 'src'));
    process.stderr.write(
      `elb-lens: ${bundle} is missing: this copy of ELB Lens was not built.\n` +
        (isClone
          ? `Run \`npm ci && npm run build\` in ${root}.\n`
          : 'An install from git carries no build. Install the published package (npm install elb-lens), ' +
            'or a tarball made by `npm pack` in a clone of the repository (npm install ./elb-lens-<version>.tgz).\n'),
    );
    process.exit(1);
  }
  return require(bundle);
};
