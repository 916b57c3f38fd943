#!/usr/bin/env node
// Entry point of the `elb-lens` command: the bundled CLI (npm run build makes it).
require('../server/out/cli.js').main();
