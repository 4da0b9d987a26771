// The whole check asks InputFlow whether a message is still arriving (a large
// didOpen comes in 64 KB chunks, one per turn of the event loop): its mark
// moves with each chunk read from the stream, beside the stream's own reader.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { InputFlow } from '../../../server/src/protocol/inputFlow';

test('each chunk read moves the mark; the other reader still gets every byte', async () => {
  const stream = new PassThrough();
  const input = new InputFlow(stream);
  let read = 0;
  stream.on('data', (d: Buffer) => (read += d.length));
  const before = input.mark;
  for (let i = 0; i < 3; i++) {
    stream.write(Buffer.alloc(64 * 1024, 65));
    await new Promise((r) => setImmediate(r));
  }
  assert.equal(input.mark - before, 3);
  assert.equal(read, 3 * 64 * 1024);
  const quiet = input.mark;
  await new Promise((r) => setImmediate(r));
  assert.equal(input.mark, quiet, 'nothing arrived: the mark stays');
});

test('without a stream (another transport) the mark never moves', async () => {
  const input = new InputFlow();
  await new Promise((r) => setImmediate(r));
  assert.equal(input.mark, 0);
});
