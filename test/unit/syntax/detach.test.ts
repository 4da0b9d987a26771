// Strings kept in the evaluated model are not slices of their file's text: a
// slice keeps the whole text alive. Told apart by V8's internal map of each
// string (a sliced string's map is not a flat one's), read through a natives
// function compiled after the flag is set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { detached } from '../../../server/src/syntax/detach';
import { NixEvaluator } from '../../../server/src/syntax/nix';
import { parseYaml } from '../../../server/src/syntax/yaml/parseYaml';
import type { Value } from '../../../server/src/syntax/value';

setFlagsFromString('--allow-natives-syntax');
const sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b);') as (a: string, b: string) => boolean;
setFlagsFromString('--no-allow-natives-syntax');

const text = `{ webServiceDataDirectory = "/srv/some-service/c0042"; note = ''\n  a note of some length\n''; }`;
const FLAT = JSON.parse(`"${'x'.repeat(20)}"`) as string; // a flat one-byte string of its own
const SLICED = text.slice(2, 26);

/** A flat one-byte string: not a slice (nor a concatenation) of anything. */
const isFlat = (s: string): boolean => sameMap(s, FLAT);

test('the natives probe tells a slice from a flat copy', () => {
  assert.equal(isFlat(SLICED), false, 'a slice of 24 characters is sliced');
  assert.equal(isFlat(detached(SLICED)), true);
  assert.equal(detached(SLICED), SLICED);
});

test('detached keeps every string as it is, lone surrogates too', () => {
  for (const s of ['', 'short', 'a string of some length', 'with "quotes" and \\ and \n', 'lone \ud800 surrogate here', 'wide 😀 characters, long']) assert.equal(detached(s), s);
});

function strings(v: Value, out: string[]): string[] {
  if (v.kind === 'string') out.push(v.value);
  if (v.kind === 'list') for (const i of v.items) strings(i, out);
  if (v.kind === 'attrs')
    for (const [k, e] of v.entries) {
      out.push(k, e.key);
      strings(e.value, out);
    }
  return out;
}

test("a Nix file's evaluated keys and strings are not slices of its text", () => {
  const uri = 'file:///detach/profile.nix';
  const value = new NixEvaluator({ readText: (u) => (u === uri ? text : undefined) }).evaluateFile(uri);
  // An indented string's lines are cut from its own piece of text (the lexer's copy), not from the file's: left out.
  const found = strings(value, []).filter((s) => s.length >= 13 && !s.startsWith('a note'));
  assert.deepEqual(found.sort(), ['/srv/some-service/c0042', 'webServiceDataDirectory', 'webServiceDataDirectory']);
  for (const s of found) assert.ok(isFlat(s), JSON.stringify(s));
});

test("a YAML file's keys and strings are not slices of its text (fast path and general path)", () => {
  for (const yaml of ['machines:\n  somewhatLongMachineKey:\n    dataDirectory: "/srv/some-service/c0042"\n    plain: /srv/plain-service/c0042\n', 'machines: &a\n  somewhatLongMachineKey: { dataDirectory: "/srv/some-service/c0042", plain: /srv/plain-service/c0042 }\n']) {
    const value = parseYaml(yaml, 'file:///detach/homelab.yaml').value;
    assert.ok(value);
    const found = strings(value, []).filter((s) => s.length >= 13);
    assert.ok(found.includes('/srv/plain-service/c0042') && found.includes('somewhatLongMachineKey'), JSON.stringify(found));
    for (const s of found) assert.ok(isFlat(s), JSON.stringify(s));
  }
});

test("a YAML file's modeline schema is not a slice of its text", () => {
  const yaml = '# yaml-language-server: $schema=../schemas/inventory.schema.json\nmachines: {}\n';
  const schema = parseYaml(yaml, 'file:///detach/homelab.yaml').modelineSchema;
  assert.equal(schema, '../schemas/inventory.schema.json');
  assert.ok(isFlat(schema));
});
