// Runs inside the VS Code extension host (no bundler): the same scenarios as the
// code-server suite, checked through the VS Code API. run.mjs reads the counts from the
// file named by ELB_LENS_ELECTRON_RESULTS.
const fs = require('fs');
const path = require('path');
const Mocha = require('mocha');

function run() {
  const mocha = new Mocha({ ui: 'tdd', timeout: 60000, color: false });
  mocha.addFile(path.join(__dirname, 'editor.test.cjs'));
  return new Promise((resolve, reject) => {
    const skipped = [];
    const failed = [];
    const passed = [];
    const runner = mocha.run((failures) => {
      const results = {
        passed: runner.stats.passes,
        failed: failures,
        skipped: skipped.length,
        skips: skipped,
        failures: failed,
        passes: passed,
      };
      if (process.env.ELB_LENS_ELECTRON_RESULTS) fs.writeFileSync(process.env.ELB_LENS_ELECTRON_RESULTS, JSON.stringify(results, null, 2));
      if (failures > 0) reject(new Error(`${failures} test(s) failed`));
      else resolve();
    });
    runner.on('pending', (test) => {
      skipped.push({ title: test.fullTitle(), reason: test.skipReason ?? '' });
      if (test.skipReason) console.log(`  skipped: ${test.title}: ${test.skipReason}`);
    });
    runner.on('pass', (test) => passed.push(test.title));
    runner.on('fail', (test, error) => failed.push({ title: test.fullTitle(), error: error?.message ?? String(error) }));
  });
}

module.exports = { run };
