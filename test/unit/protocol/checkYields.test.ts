// The whole check runs in slices and lets what the client sent go first: a
// message that arrives while the check runs is handled before the check takes
// another step (vscode-jsonrpc needs two more turns of the event loop to hand
// a message read in full to its handler; the check waits for them, counted by
// InputFlow). Counts of steps, not times: a real connection over streams, a
// real workspace on a generated fleet, the publisher's own step counter.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { createConnection } from 'vscode-languageserver/node';
import { generateHomelab, type GeneratedHomelab } from '../../../bench/generate';
import { nodeFsHost } from '../../../server/src/model/host';
import { Workspace } from '../../../server/src/model/workspace';
import { DiagnosticsPublisher } from '../../../server/src/protocol/diagnosticsPublisher';
import { InputFlow } from '../../../server/src/protocol/inputFlow';
import { LineIndexes } from '../../../server/src/protocol/convert';
import type { ServerContext } from '../../../server/src/protocol/context';

const dir = path.join(__dirname, '..', '..', '.tmp', 'check-yields-fleet');
let fleet: GeneratedHomelab;
const turn = (): Promise<void> => new Promise((r) => setImmediate(r));

function framed(body: object): Buffer {
  const json = Buffer.from(JSON.stringify(body), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${json.length}\r\n\r\n`, 'ascii'), json]);
}

function server(): { toServer: PassThrough; publisher: DiagnosticsPublisher; connection: ReturnType<typeof createConnection>; ws: Workspace } {
  const toServer = new PassThrough();
  const fromServer = new PassThrough();
  fromServer.resume();
  const input = new InputFlow(toServer);
  const connection = createConnection(toServer, fromServer, { messageStrategy: input.strategy });
  const ws = new Workspace(nodeFsHost());
  ws.addFolder(pathToFileURL(fleet.dir).href);
  const ctx: ServerContext = {
    connection,
    workspace: ws,
    lines: new LineIndexes(ws),
    nixIdeInstalled: false,
    inlayHints: false,
    nixDiagnostics: new Map(),
    nixEvaluate: new Map(),
    lazyCompletionDocs: false,
    snippetSupport: true,
    completionItemDefaults: { editRange: false, insertTextFormat: false, data: false },
    publishedFindings: () => [],
  };
  return { toServer, publisher: new DiagnosticsPublisher(ctx, 0, input), connection, ws };
}

before(() => {
  fleet = generateHomelab(200, dir);
});

let open: ReturnType<typeof server>[] = [];
after(() => {
  for (const s of open) s.connection.dispose();
  open = [];
});

test('notifications and requests that arrive during the whole check are handled before its next step', async () => {
  const s = server();
  open.push(s);
  const handledAt: number[] = [];
  s.connection.onNotification('test/keystroke', () => {
    handledAt.push(s.publisher.stepsRun);
  });
  s.connection.onRequest('test/completion', () => {
    handledAt.push(s.publisher.stepsRun);
    return null;
  });
  s.connection.listen();
  const check = s.publisher.startupCheck();
  const arrivedAt: number[] = [];
  // Each message a while into the check (between two of its slices), the pairs as a client sends them: together.
  for (const after of [20, 60, 120]) {
    while (s.publisher.stepsRun < after) await turn();
    arrivedAt.push(s.publisher.stepsRun);
    s.toServer.write(Buffer.concat([framed({ jsonrpc: '2.0', method: 'test/keystroke' }), framed({ jsonrpc: '2.0', id: after, method: 'test/completion' })]));
    while (handledAt.length < arrivedAt.length * 2) await turn();
  }
  await check;
  assert.ok(s.publisher.stepsRun > 120, `the check ran on after the messages (${s.publisher.stepsRun} steps)`);
  assert.deepEqual(handledAt, arrivedAt.flatMap((n) => [n, n]), 'no step of the check between a message read and its handler');
});
