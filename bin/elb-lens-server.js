#!/usr/bin/env node
// Entry point of `elb-lens-server`: the bundled language server (stdio unless told otherwise).
require('../server/out/server.js');
