// The parser's token arrays are reused from one file to the next (lexer.ts LexScratch):
// a file lexed after others, longer or shorter, with or without string values, or lexed
// twice (an unterminated string), gets exactly the table it gets alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lex } from '../../../server/src/syntax/nix/lexer';
import { LexScratch } from '../../../server/src/syntax/nix/tokens';
import type { LexResult } from '../../../server/src/syntax/nix/lexer';

function table(t: LexResult): unknown {
  const tokens = [];
  for (let i = 0; i < t.count; i++) tokens.push([t.kind[i], t.start[i], t.end[i], t.valueAt[i]]);
  return { tokens, values: t.values, comments: t.comments, errors: t.errors };
}

test('a reused token table lexes every file as a fresh one does', () => {
  const long = `{ ${Array.from({ length: 3000 }, (_, i) => `a${i} = "v${i}";`).join(' ')} }`;
  const texts = [
    '{ a = "x ${b} y"; c = ./p/${q}; }',
    long, // grows the arrays past the first file's
    '{ d = 1; }', // shorter, after a file with many values: no value slot of the last file survives
    '{ e = "unterminated; f = 2; }', // lexed twice (strict after the first pass gives up)
    "{ g = ''\n  ind ${h}\n''; i = 3; }",
    '',
  ];
  const scratch = new LexScratch();
  for (const text of texts) assert.deepEqual(table(lex(text, false, scratch)), table(lex(text)), text.slice(0, 30));
});

test('a file larger than the scratch keeps gets its own arrays, and the scratch stays small', () => {
  const scratch = new LexScratch();
  lex('{ a = 1; }', false, scratch);
  const kept = scratch.kind;
  const huge = `[ ${'1 '.repeat(300_000)}]`;
  assert.deepEqual(table(lex(huge, false, scratch)), table(lex(huge)));
  assert.ok(scratch.kind.length < 300_000, `scratch holds ${scratch.kind.length} tokens`);
  assert.equal(scratch.kind, kept);
});
