// Every feature module in server/src/features has its own in-process test at
// test/unit/features/<module>.test.ts (a folder counts as one module), so a
// feature's tests are found by its name. Helper modules, which give no answer
// of their own to the editor, are listed with the reason; features whose test
// is still to be written are listed as "not yet" and must shrink, never grow.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');
const features = path.join(root, 'server', 'src', 'features');
const tests = path.join(root, 'test', 'unit', 'features');

/** Modules that are not features: what they are, and where their behaviour is tested. */
const HELPERS: Record<string, string> = {
  types: 'the plain result types of the features (no behaviour)',
  locate: "what is at an offset, shared by hover, definition, references and rename (tested through them)",
  fieldKinds: 'classifies a setting name for completion (tested through completionNix)',
  edits: 'builds minimal text edits for code actions and New Container (tested in frontDoor.test.ts and through codeActions)',
  nixDoc: 'queries over a parsed Nix profile (settings blocks, cursor context), used by every Nix feature (nixContextAt in frontDoor.test.ts)',
  yamlDoc: 'queries over the inventory text (key path, cursor context), used by the YAML features (yamlContextAt in frontDoor.test.ts)',
  homelabInfo: 'model queries (free and taken addresses, networks, owners) that completion, inlay hints and New Container answer from (freeAddresses in frontDoor.test.ts)',
};

/** Features without their own test file yet: the next session writes these, then deletes the line. */
const NOT_YET: Record<string, string> = {
  proxmoxFixes: 'not yet: quick fixes for drift against live Proxmox state',
};

function modules(): string[] {
  return readdirSync(features)
    .filter((n) => n.endsWith('.ts') || statSync(path.join(features, n)).isDirectory())
    .map((n) => n.replace(/\.ts$/, ''))
    .sort();
}

const hasTest = (m: string): boolean => existsSync(path.join(tests, `${m}.test.ts`));

test('every feature module has test/unit/features/<module>.test.ts', () => {
  const missing = modules().filter((m) => !(m in HELPERS) && !(m in NOT_YET) && !hasTest(m));
  assert.deepEqual(missing, [], 'write the test, or (for a module that gives no answer of its own) list it in HELPERS with the reason');
});

test('the allow-lists name only modules that exist, and "not yet" only modules still without a test', () => {
  const all = new Set(modules());
  assert.deepEqual([...Object.keys(HELPERS), ...Object.keys(NOT_YET)].filter((m) => !all.has(m)), []);
  assert.deepEqual(Object.keys(NOT_YET).filter(hasTest), [], 'a module with its test file leaves NOT_YET');
  assert.deepEqual(Object.keys(HELPERS).filter((m) => m in NOT_YET), []);
});

test('every NOT_YET reason says "not yet", every helper reason says what it is', () => {
  for (const [m, why] of Object.entries(NOT_YET)) assert.match(why, /^not yet: /, m);
  for (const [m, why] of Object.entries(HELPERS)) assert.ok(why.length > 20, m);
});
