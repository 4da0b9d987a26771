// The tail a failed step's message carries: ssh's own connection lines left
// out, the -tt output used when stderr holds nothing else, terminal escapes
// removed, secrets redacted (also one cut in half where the tail was cut).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { failureTail } from '../../client/src/deploy/failureText';

const tails = (stderr: string, output: string, cut = false) => ({ stderr, output, stderrTruncated: cut, outputTruncated: cut });

test('a remote step: the remote error from the terminal output, not "Connection to … closed."', () => {
  const t = failureTail(tails('Connection to 127.0.0.1 closed.\r\n', "switching…\r\nerror: creating directory '/nix': Permission denied\r\nConnection to 127.0.0.1 closed.\r\n"), true, []);
  assert.equal(t, "switching… | error: creating directory '/nix': Permission denied");
});

test('stderr wins over stdout when it says something; at most three lines', () => {
  assert.equal(failureTail(tails('one\ntwo\nthree\nfour\n', 'out\n'), false, []), 'two | three | four');
  assert.equal(failureTail(tails('', 'only stdout\n'), false, []), 'only stdout');
  assert.equal(failureTail(tails('', ''), true, []), '');
  // A local program may well print that sentence itself: only ssh steps drop it.
  assert.equal(failureTail(tails('Connection to db closed.\n', ''), false, []), 'Connection to db closed.');
});

test('terminal escapes and control characters are removed, long text is cut at the front', () => {
  assert.equal(failureTail(tails('\x1b[31merror:\x1b[0m bad\x07 thing\n', ''), true, []), 'error: bad thing');
  const long = failureTail(tails(`${'x'.repeat(1000)}\n`, ''), false, []);
  assert.equal(long.length, 400);
  assert.ok(long.startsWith('…x'));
});

test('secrets are redacted, and a line cut at the tail\'s start (maybe mid-secret) is dropped', () => {
  assert.equal(failureTail(tails('token S3cr3t rejected\n', ''), false, ['S3cr3t']), 'token *** rejected');
  // The stream was cut inside the secret: "cr3t" alone could not be recognised.
  assert.equal(failureTail(tails('cr3t rejected\nlast words\n', '', true), false, ['S3cr3t']), 'last words');
});
