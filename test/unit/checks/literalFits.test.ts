// Which literals fit which option types, judged from the type text: the
// module system's own wordings (a real lib's "positive integer, meaning >0",
// "16 bit unsigned integer; between 0 and 65535 (both inclusive)") and ours,
// `null or` and `either` alternatives, and types that are never judged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { literalMismatch, type Literal } from '../../../server/src/checks/literalFits';

const s = (value: string): Literal => ({ kind: 'string', value });
const i = (value: number): Literal => ({ kind: 'int', value });
const bool: Literal = { kind: 'bool' };
const nul: Literal = { kind: 'null' };

test('integers: kinds and ranges, in both wordings', () => {
  assert.equal(literalMismatch('positive integer', s('lots')), 'must be positive integer, not a string');
  assert.equal(literalMismatch('positive integer, meaning >0', i(0)), 'must be positive integer, meaning >0, not 0');
  assert.equal(literalMismatch('positive integer', i(1)), undefined);
  assert.equal(literalMismatch('unsigned integer, meaning >=0', i(-1)), 'must be unsigned integer, meaning >=0, not -1');
  assert.equal(literalMismatch('unsigned integer', i(0)), undefined);
  assert.equal(literalMismatch('8 bit unsigned integer', i(256)), 'must be 8 bit unsigned integer, not 256');
  assert.equal(literalMismatch('8 bit signed integer; between -128 and 127 (both inclusive)', i(-128)), undefined);
  assert.equal(literalMismatch('16 bit unsigned integer; between 0 and 65535 (both inclusive)', i(65536)), 'must be 16 bit unsigned integer; between 0 and 65535 (both inclusive), not 65536');
  assert.equal(literalMismatch('port', i(70000)), 'must be a port (0–65535), not 70000');
  assert.equal(literalMismatch('port', s('80')), 'must be port, not a string');
  assert.equal(literalMismatch('integer between 0 and 9 (both inclusive)', i(10)), 'must be integer between 0 and 9 (both inclusive), not 10');
  assert.equal(literalMismatch('integer between 0 and 9 (both inclusive)', s('first')), 'must be integer between 0 and 9 (both inclusive), not a string');
  assert.equal(literalMismatch('floating point number', i(1)), 'must be floating point number, not an integer');
  assert.equal(literalMismatch('signed integer or floating point number', i(1)), undefined);
});

test('strings, booleans, enums, alternatives', () => {
  assert.equal(literalMismatch('string', bool), 'must be string, not a boolean');
  assert.equal(literalMismatch('strings concatenated with "\\n"', i(3)), 'must be strings concatenated with "\\n", not an integer');
  assert.equal(literalMismatch('boolean', s('yes')), 'must be boolean, not a string');
  assert.equal(literalMismatch('null or string', nul), undefined);
  assert.equal(literalMismatch('null or (16 bit unsigned integer; between 0 and 65535 (both inclusive))', s('x')), 'must be null or (16 bit unsigned integer; between 0 and 65535 (both inclusive)), not a string');
  assert.equal(literalMismatch('string or signed integer', bool), 'must be string or signed integer, not a boolean');
  assert.equal(literalMismatch('string or signed integer', i(4)), undefined);
  assert.equal(literalMismatch('one of "a or b", "c"', s('a or b')), undefined);
  assert.equal(literalMismatch('one of "a", "c"', s('b')), 'must be one of "a", "c", not "b"');
  assert.equal(literalMismatch('null or one of "a", "c"', i(1)), 'must be null or one of "a", "c", not an integer');
});

test('types not judged accept every literal', () => {
  const literals: Literal[] = [s('x'), i(1), bool, nul];
  const types = ['package', 'submodule', 'anything', 'unknown', 'string or package', 'signed integer or string convertible to it', 'one of 1, 2', 'list or attribute set of string'];
  for (const t of types) for (const lit of literals) assert.equal(literalMismatch(t, lit), undefined, `${t} ${lit.kind}`);
});
