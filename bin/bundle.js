// Loads a bundle from server/out. A copy of the repository that was never built (installed
// from git with scripts turned off, or cloned without `npm run build`) has none: say so and
// how to fix it, instead of Node's "Cannot find module" stack.
const fs = require('node:fs');
const path = require('node:path');

exports.load = function load(name) {
  const bundle = path.join(__dirname, '..', 'server', 'out', name);
  if (!fs.existsSync(bundle)) {
    process.stderr.write(
      `elb-lens: ${bundle} is missing: this copy of ELB Lens was not built.\n` +
        `Run \`npm ci && npm run build\` in ${path.dirname(__dirname)}, or install the packed tarball (npm pack) instead.\n`,
    );
    process.exit(1);
  }
  return require(bundle);
};
