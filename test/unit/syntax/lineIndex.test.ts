import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eolOf, LineIndex, withEol } from '../../../server/src/syntax/lineIndex';

test('positions count UTF-16 code units and every line ending', () => {
  const text = 'a😀b\r\nc\rd\ne';
  const idx = new LineIndex(text);
  assert.equal(idx.lineCount, 4);
  assert.deepEqual(idx.positionAt(text.indexOf('b')), { line: 0, character: 3 });
  assert.deepEqual(idx.positionAt(text.indexOf('c')), { line: 1, character: 0 });
  assert.deepEqual(idx.positionAt(text.indexOf('d')), { line: 2, character: 0 });
  assert.equal(idx.offsetAt({ line: 3, character: 0 }), text.indexOf('e'));
  assert.equal(idx.offsetAt({ line: 0, character: 99 }), text.indexOf('\r'));
  assert.equal(idx.lineText(0), 'a😀b');
});

test("a document's line ending is its first one; inserted text is rewritten to it", () => {
  assert.equal(eolOf('a\r\nb\nc'), '\r\n');
  assert.equal(eolOf('a\nb\r\nc'), '\n');
  assert.equal(eolOf('no line break'), '\n');
  assert.equal(eolOf(''), '\n');
  assert.equal(eolOf(undefined), '\n');
  assert.equal(eolOf('\n'), '\n');
  assert.equal(withEol('a:\n  b: 1\r\n', '\r\n'), 'a:\r\n  b: 1\r\n');
  assert.equal(withEol('a:\r\n  b: 1\n', '\n'), 'a:\n  b: 1\n');
  assert.equal(withEol('"\\n" stays two characters', '\r\n'), '"\\n" stays two characters');
});
