import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createNodePlatform } from './nodePlatform';
import { ElbLensServer } from './server';

// The transport (--stdio, --node-ipc, --pipe=…, --socket=…) comes from the command line.
if (!process.argv.some((arg) => /^--(stdio|node-ipc|pipe|socket|clientProcessId)/.test(arg))) process.argv.push('--stdio');
const connection = createConnection(ProposedFeatures.all);
// A stray rejected promise must be logged, not end the process: the editor would lose the server.
process.on('unhandledRejection', (reason) => connection.console.error(`elb-lens: unhandled rejection: ${String(reason)}`));
new ElbLensServer(connection, createNodePlatform(connection, __dirname)).listen();
