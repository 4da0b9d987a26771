// The changed region between two texts, used to move the last cross-file
// findings past a keystroke's edit until the next whole check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { editRegion } from '../../../server/src/protocol/diagnosticsPublisher';

test('insertions, deletions and replacements give the changed region', () => {
  assert.deepEqual(editRegion('abcdef', 'abXcdef'), { start: 2, oldEnd: 2, newEnd: 3 });
  assert.deepEqual(editRegion('abcdef', 'abef'), { start: 2, oldEnd: 4, newEnd: 2 });
  assert.deepEqual(editRegion('abcdef', 'abXYef'), { start: 2, oldEnd: 4, newEnd: 4 });
  assert.deepEqual(editRegion('aaa', 'aaaa'), { start: 3, oldEnd: 3, newEnd: 4 });
  assert.deepEqual(editRegion('same', 'same'), { start: 4, oldEnd: 4, newEnd: 4 });
  assert.equal(editRegion(undefined, 'x'), undefined);
});
