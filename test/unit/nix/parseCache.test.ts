// The shared parse: one tree per text while kept, and none kept once the
// server lets them go at the end of its start-up pass.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forgetSharedParses, parseNixShared } from '../../../server/src/syntax/nix/parseCache';

test('readers of the same text share one tree until the kept trees are let go', () => {
  const text = '{ services.nginx.enable = true; }';
  const first = parseNixShared(text);
  assert.equal(parseNixShared(text), first, 'a second reader gets the kept tree');
  forgetSharedParses();
  const again = parseNixShared(text);
  assert.notEqual(again, first, 'after forgetting, the text is parsed again');
  assert.deepEqual(again.errors, first.errors);
  assert.equal(parseNixShared(text), again);
});
