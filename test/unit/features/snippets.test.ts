// The shipped snippets as completion serves them: bodies and descriptions read
// from snippets/*.json, placeholder defaults replaced per line or everywhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { snippetBody, snippetDescription, withDefault, withPlaceholder } from '../../../server/src/features/snippets';

const shipped = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', '..', 'snippets', 'nix.json'), 'utf8')) as Record<string, { body: string | string[]; description?: string }>;

test("the container profile snippet is the shipped file's body, lines joined", () => {
  const body = shipped['Container profile'].body;
  assert.equal(snippetBody('nix', 'Container profile'), Array.isArray(body) ? body.join('\n') : body);
  assert.equal(snippetDescription('nix', 'Container profile'), shipped['Container profile'].description);
  assert.equal(snippetBody('nix', 'No such snippet'), undefined);
});

test('withDefault replaces the first placeholder on the marked line only, escaping $ } and \\', () => {
  const body = 'a = "${1:x}";\nip = "${2:0.0.0.0}" ${3:y};\nother = "${4:z}";';
  assert.equal(withDefault(body, 'ip =', '10.1.0.3'), 'a = "${1:x}";\nip = "${2:10.1.0.3}" ${3:y};\nother = "${4:z}";');
  assert.equal(withDefault(body, 'ip =', 'a$b}'), 'a = "${1:x}";\nip = "${2:a\\$b\\}}" ${3:y};\nother = "${4:z}";');
  assert.equal(withDefault(body, 'missing', 'v'), body);
});

test('withPlaceholder replaces every occurrence of placeholder n', () => {
  assert.equal(withPlaceholder('${1:old} and ${1:old}, ${2:keep}', 1, 'LXC_new'), '${1:LXC_new} and ${1:LXC_new}, ${2:keep}');
});
