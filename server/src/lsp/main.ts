import {
  createConnection,
  createMessageConnection,
  createServerPipeTransport,
  createServerSocketTransport,
  IPCMessageReader,
  IPCMessageWriter,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-languageserver/node';
import { isAnalysisWorker, runAnalysisWorker } from './analysisWorker';
import { createNodePlatform } from './nodePlatform';
import { LspRouter } from './router';
import { ElbLensServer } from './server';

/**
 * The language server on Node. The main thread routes LSP between the client and one analysis
 * thread per workspace folder (router.ts); each thread runs the server for its folder
 * (analysisWorker.ts, this same bundle). `ELB_LENS_ANALYSIS_THREADS=0` runs the server on the
 * main thread instead, as the browser build always does.
 */

/** The heap each analysis thread may use (MB): past it the thread ends, and the unit it was on is set aside. */
const DEFAULT_THREAD_HEAP_MB = 2560;

/** The connection to the client, from the command line's transport (default: stdio). */
function clientConnection(): { connection: MessageConnection; stdio: boolean } {
  const argv = process.argv.slice(2);
  const valueOf = (name: string) => {
    const index = argv.findIndex((a) => a === name || a.startsWith(`${name}=`));
    if (index < 0) return undefined;
    return argv[index].includes('=') ? argv[index].slice(name.length + 1) : argv[index + 1];
  };
  if (argv.includes('--node-ipc')) {
    return { connection: createMessageConnection(new IPCMessageReader(process), new IPCMessageWriter(process)), stdio: false };
  }
  const socket = valueOf('--socket');
  if (socket !== undefined) {
    const [reader, writer] = createServerSocketTransport(Number(socket));
    return { connection: createMessageConnection(reader, writer), stdio: false };
  }
  const pipe = valueOf('--pipe');
  if (pipe !== undefined) {
    const [reader, writer] = createServerPipeTransport(pipe);
    return { connection: createMessageConnection(reader, writer), stdio: false };
  }
  return {
    connection: createMessageConnection(new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout)),
    stdio: true,
  };
}

/** `--clientProcessId N`: the client's process, watched as `initialize`'s processId is. */
function watchClientProcessArgument(router: LspRouter): void {
  const argv = process.argv.slice(2);
  const index = argv.findIndex((a) => a === '--clientProcessId' || a.startsWith('--clientProcessId='));
  if (index < 0) return;
  const pid = Number(argv[index].includes('=') ? argv[index].split('=')[1] : argv[index + 1]);
  if (Number.isInteger(pid)) router.watchClientProcess(pid);
}

if (isAnalysisWorker()) runAnalysisWorker(__dirname);
else if (process.env.ELB_LENS_ANALYSIS_THREADS === '0') {
  // The transport (--stdio, --node-ipc, --pipe=…, --socket=…) comes from the command line.
  if (!process.argv.some((arg) => /^--(stdio|node-ipc|pipe|socket|clientProcessId)/.test(arg))) process.argv.push('--stdio');
  const connection = createConnection(ProposedFeatures.all);
  // A stray rejected promise must be logged, not end the process: the editor would lose the server.
  process.on('unhandledRejection', (reason) => connection.console.error(`elb-lens: unhandled rejection: ${String(reason)}`));
  new ElbLensServer(connection, createNodePlatform(connection, __dirname)).listen();
} else {
  const { connection, stdio } = clientConnection();
  const heapMb = Number(process.env.ELB_LENS_THREAD_HEAP_MB) > 0 ? Number(process.env.ELB_LENS_THREAD_HEAP_MB) : DEFAULT_THREAD_HEAP_MB;
  // Seconds past twice its budget before a hung thread is ended (default 10; tests use 1).
  const grace = process.env.ELB_LENS_THREAD_GRACE_SECONDS ? Number(process.env.ELB_LENS_THREAD_GRACE_SECONDS) : NaN;
  const router = new LspRouter(connection, __filename, heapMb, grace >= 0 ? grace : undefined);
  process.on(
    'unhandledRejection',
    (reason) =>
      void connection.sendNotification('window/logMessage', { type: 1, message: `elb-lens: unhandled rejection: ${String(reason)}` }),
  );
  // Standard input closed: the client is gone (the main thread never analyses, so it always notices).
  if (stdio) {
    process.stdin.on('end', () => router.exit());
    process.stdin.on('close', () => router.exit());
  }
  watchClientProcessArgument(router);
  router.listen();
}
