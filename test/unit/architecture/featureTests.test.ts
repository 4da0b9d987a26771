// Every feature module in server/src/features has its own in-process test at
// test/unit/features/<module>.test.ts (a folder counts as one module), so a
// feature's tests are found by its name. Helper modules, which give no answer
// of their own to the editor, are listed with the reason; every other module
// has its test.
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
};

function modules(): string[] {
  return readdirSync(features)
    .filter((n) => n.endsWith('.ts') || statSync(path.join(features, n)).isDirectory())
    .map((n) => n.replace(/\.ts$/, ''))
    .sort();
}

const hasTest = (m: string): boolean => existsSync(path.join(tests, `${m}.test.ts`));

test('every feature module has test/unit/features/<module>.test.ts', () => {
  const missing = modules().filter((m) => !(m in HELPERS) && !hasTest(m));
  assert.deepEqual(missing, [], 'write the test, or (for a module that gives no answer of its own) list it in HELPERS with the reason');
});

test('the helper list names only modules that exist, each with what it is', () => {
  const all = new Set(modules());
  assert.deepEqual(Object.keys(HELPERS).filter((m) => !all.has(m)), []);
  assert.deepEqual(Object.keys(HELPERS).filter(hasTest), [], 'a module with its own test file leaves the helper list');
  for (const [m, why] of Object.entries(HELPERS)) assert.ok(why.length > 20, m);
});
