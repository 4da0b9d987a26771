// Entry point of the language server bundle (dist/server.js). Runs over stdio
// (`node dist/server.js --stdio`), or over the transport vscode-languageclient
// passes on the command line (--node-ipc, --socket=, --pipe=); stdio when none is named.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';
import { InputFlow } from './inputFlow';
import { isOptionIndexWorker, runOptionIndexWorker } from '../model/options';

// The same bundle runs the option index's worker threads.
if (isOptionIndexWorker()) runOptionIndexWorker();
else {
  // Run as `homelab-language-server` with no transport named: stdio, as every editor expects.
  if (!process.argv.some((a) => /^--(stdio|node-ipc|socket|pipe)\b/.test(a))) process.argv.push('--stdio');
  // Over stdio, the whole check lets a message that is still arriving, or read and not yet handled, in first (inputFlow.ts).
  const input = new InputFlow(process.argv.includes('--stdio') ? process.stdin : undefined);
  startServer(createConnection(ProposedFeatures.all, { messageStrategy: input.strategy }), input);
}
