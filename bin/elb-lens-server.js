#!/usr/bin/env node
// Entry point of `elb-lens-server`: the bundled language server (stdio unless told otherwise).
require('./bundle.js').load('server.js');
