// Runs inside the VS Code extension host (no bundler): the same scenarios as the
// code-server suite, checked through the VS Code API.
const path = require('path');
const Mocha = require('mocha');

function run() {
  const mocha = new Mocha({ ui: 'tdd', timeout: 30000, color: false });
  mocha.addFile(path.join(__dirname, 'editor.test.cjs'));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
  });
}

module.exports = { run };
