// Entry point of the language server bundle (dist/server.js). Runs over stdio
// (`node dist/server.js --stdio`), or over the transport vscode-languageclient
// passes on the command line (--node-ipc, --socket=, --pipe=).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all));
