// The whole check asks InputFlow whether the client sent something the server
// has not handled yet: a message still arriving (a large didOpen comes in 64 KB
// chunks, one per turn of the event loop), or one read in full that the
// connection has not dispatched yet (messages framed on the stream by their
// Content-Length, counted again as the connection's message strategy hands them on).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import type { Message } from 'vscode-languageserver/node';
import { InputFlow } from '../../../server/src/protocol/inputFlow';

const turn = (): Promise<void> => new Promise((r) => setImmediate(r));

function framed(body: object): Buffer {
  const json = Buffer.from(JSON.stringify(body), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${json.length}\r\n\r\n`, 'ascii'), json]);
}

const note = (n: number): Buffer => framed({ jsonrpc: '2.0', method: 'test/note', params: { n, text: 'é'.repeat(n) } });

/** Hands `count` messages on, as the connection does when it dispatches them. */
function dispatch(input: InputFlow, count: number): void {
  for (let i = 0; i < count; i++) input.strategy.handleMessage({ jsonrpc: '2.0' } as Message, () => undefined);
}

test('each chunk read moves the mark; the other reader still gets every byte', async () => {
  const stream = new PassThrough();
  const input = new InputFlow(stream);
  let read = 0;
  stream.on('data', (d: Buffer) => (read += d.length));
  const before = input.mark;
  for (let i = 0; i < 3; i++) {
    stream.write(Buffer.alloc(64 * 1024, 65));
    await turn();
  }
  assert.equal(input.mark - before, 3);
  assert.equal(read, 3 * 64 * 1024);
  const quiet = input.mark;
  await turn();
  assert.equal(input.mark, quiet, 'nothing arrived: the mark stays');
});

test('a message read in full waits until it is dispatched, however the chunks cut it', async () => {
  // Three messages, cut at every byte boundary in turn (inside a header, at its end, in a multi-byte character).
  const all = Buffer.concat([note(3), framed({ jsonrpc: '2.0', id: 7, method: 'test/request' }), note(40)]);
  const ends = [note(3).length, note(3).length + framed({ jsonrpc: '2.0', id: 7, method: 'test/request' }).length, all.length];
  for (let cut = 1; cut < all.length; cut += 7) {
    const stream = new PassThrough();
    const input = new InputFlow(stream);
    stream.write(all.subarray(0, cut));
    await turn();
    const complete = ends.filter((e) => e <= cut).length;
    assert.equal(input.undispatched, complete, `cut at ${cut}`);
    stream.write(all.subarray(cut));
    await turn();
    assert.equal(input.undispatched, 3, `cut at ${cut}: all three read`);
    assert.equal(input.waiting(), true);
    dispatch(input, 3);
    assert.equal(input.undispatched, 0);
    assert.equal(input.waiting(), false);
  }
});

test('many messages in one chunk, and one message in many chunks', async () => {
  const stream = new PassThrough();
  const input = new InputFlow(stream);
  stream.write(Buffer.concat(Array.from({ length: 50 }, (_, i) => note(i))));
  await turn();
  assert.equal(input.undispatched, 50);
  const big = note(200_000);
  for (let at = 0; at < big.length; at += 65536) {
    stream.write(big.subarray(at, at + 65536));
    await turn();
    if (at + 65536 < big.length) assert.equal(input.undispatched, 50, 'still arriving: not yet counted as read');
  }
  assert.equal(input.undispatched, 51);
  dispatch(input, 51);
  assert.equal(input.waiting(), false);
});

test('a message never dispatched (a cancelled queued request) stops being waited for after a few quiet pauses', async () => {
  const stream = new PassThrough();
  const input = new InputFlow(stream);
  stream.write(Buffer.concat([note(1), note(2)]));
  await turn();
  const answers: boolean[] = [];
  for (let i = 0; i < 8; i++) answers.push(input.waiting());
  assert.deepEqual(answers, [true, true, true, true, false, false, false, false]);
  // Counted as dropped: the next message is waited for as any other, and one dispatched after all changes nothing.
  dispatch(input, 1);
  assert.equal(input.waiting(), false);
  stream.write(note(3));
  await turn();
  assert.equal(input.waiting(), true);
  dispatch(input, 1);
  assert.equal(input.waiting(), false);
});

test('something moving (a message dispatched, a chunk read) keeps the waiting going', async () => {
  const stream = new PassThrough();
  const input = new InputFlow(stream);
  stream.write(Buffer.concat([note(1), note(2), note(3), note(4), note(5), note(6)]));
  await turn();
  // One dispatched per pause, as the connection's queue does: never taken as stalled.
  for (let i = 0; i < 6; i++) {
    assert.equal(input.waiting(), true, `pause ${i}`);
    assert.equal(input.waiting(), true, `pause ${i}, again`);
    dispatch(input, 1);
  }
  assert.equal(input.waiting(), false);
});

test('a stream that is no LSP (no Content-Length) is not waited for', async () => {
  const stream = new PassThrough();
  const input = new InputFlow(stream);
  stream.write('hello\r\n\r\nworld');
  await turn();
  assert.equal(input.waiting(), false);
  assert.equal(input.mark, 1);
});

test('without a stream (another transport) the mark never moves and nothing is waited for', async () => {
  const input = new InputFlow();
  dispatch(input, 2);
  await turn();
  assert.equal(input.mark, 0);
  assert.equal(input.waiting(), false);
});
