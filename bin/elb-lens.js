#!/usr/bin/env node
// Entry point of the `elb-lens` command: the bundled CLI (npm run build makes it).
require('./bundle.js').load('cli.js').main();
