// The keystroke path and the sliced whole check, on the clean lab of
// test/fixtures/checks/lab with the real model and rules:
// - checkDocumentQuick judges the edited profile's settings against the last
//   built catalog at once (a typo's unknown-setting, a wrong type, an enum),
//   without rebuilding the homelab, and agrees with the whole check after it;
// - checkAllSteps pauses between rules and file batches and, drained, gives
//   exactly what checkAll gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { checkAll, checkAllSteps, checkDocument, checkDocumentQuick } from '../../../server/src/checks/run';
import { edit, workspaceOf, ROOT, loadTree } from './helpers';

const DIR = join(__dirname, '../../fixtures/checks/lab');
const LAB = loadTree(DIR);
const W = 'profiles/web-config.nix';
const uri = `${ROOT}/${W}`;
const rulesOf = (ds: { rule: string; message: string }[]): string[] => ds.map((d) => `${d.rule}: ${d.message}`).sort();

test('a typo of a key is reported on the keystroke, before any rebuild, and the whole check agrees', () => {
  const ws = workspaceOf(LAB);
  let version = 1;
  for (const [from, to, rule] of [
    ['    caddyEnable = true;', '    caddyEnabel = true;', 'unknown-setting'],
    ['    caddyEnable = true;', '    caddyEnable = "yes";', 'setting-type'],
    ['caddyLogLevel = "warn";', 'caddyLogLevel = "warning";', 'setting-enum'],
  ] as const) {
    checkAll(ws);
    const built = ws.lastBuiltHomelabFor(uri);
    ws.setDocument(uri, edit(LAB[W], from, to), ++version);
    const quick = checkDocumentQuick(ws, uri, undefined);
    assert.equal(ws.lastBuiltHomelabFor(uri), built, 'the quick path did not rebuild the homelab');
    assert.ok(quick.some((d) => d.rule === rule), `${rule} on the keystroke: ${JSON.stringify(rulesOf(quick))}`);
    assert.deepEqual(rulesOf(quick), rulesOf(checkDocument(ws, uri)), 'the whole check says the same');
    // The repair takes it away as quickly.
    ws.setDocument(uri, LAB[W], ++version);
    assert.deepEqual(rulesOf(checkDocumentQuick(ws, uri, undefined)), []);
  }
});

test('a typo in lib/defaults.nix is not judged against the old catalog on the keystroke', () => {
  const ws = workspaceOf(LAB);
  checkAll(ws);
  const defaults = Object.keys(LAB).find((f) => f.endsWith('lib/defaults.nix'));
  assert.ok(defaults, 'the lab has lib/defaults.nix');
  const d = `${ROOT}/${defaults}`;
  ws.setDocument(d, LAB[defaults].replace('caddyEnable', 'caddyEnabel'), 2);
  assert.ok(!checkDocumentQuick(ws, d, undefined).some((x) => x.rule === 'unknown-setting'));
});

test('checkAllSteps pauses between steps and, drained, equals checkAll', () => {
  const files = { ...LAB, [W]: edit(LAB[W], '    caddyEnable = true;', '    caddyEnabel = true;') };
  const expected = checkAll(workspaceOf(files));
  const steps = checkAllSteps(workspaceOf(files));
  let pauses = 0;
  let r = steps.next();
  while (!r.done) {
    pauses++;
    r = steps.next();
  }
  assert.ok(pauses > 10, `the whole check paused ${pauses} times (once per rule at least)`);
  assert.deepEqual([...r.value.entries()], [...expected.entries()]);
  assert.ok([...r.value.values()].flat().some((x) => x.rule === 'unknown-setting'));
});

test('a profile of thousands of unknown settings: every one reported, "did you mean" for the first 500 only', () => {
  const many = Array.from({ length: 2_000 }, (_, i) => `    caddyEnabl${i} = true;`).join('\n');
  const files = { ...LAB, [W]: edit(LAB[W], '    caddyEnable = true;', `    caddyEnable = true;\n${many}`) };
  const ws = workspaceOf(files);
  const found = (checkAll(ws).get(uri) ?? []).filter((d) => d.rule === 'unknown-setting');
  assert.equal(found.length, 2_000);
  const suggested = found.filter((d) => /did you mean/.test(d.message)).length;
  assert.ok(suggested > 0 && suggested <= 500, `${suggested} suggestions`);
});

test('before the first build, a profile opened with a typo gets its own diagnostics without the fleet being evaluated, each one the whole check gives too', () => {
  const ws = workspaceOf(LAB);
  ws.setDocument(uri, edit(LAB[W], '    caddyEnable = true;', '    caddyEnabel = true;'), 1);
  const early = checkDocumentQuick(ws, uri, undefined);
  const counts = ws.engine.recomputations();
  assert.equal(counts.homelabCore, undefined, 'the homelab is not built');
  const profiles = Object.keys(LAB).filter((f) => f.startsWith('profiles/') && f.endsWith('.nix')).length;
  assert.ok((counts.evaluate ?? 0) < profiles, `not every profile evaluated (${counts.evaluate} of ${profiles})`);
  assert.ok(early.some((d) => d.rule === 'unknown-setting' && d.message.includes('caddyEnabel')), `the typo at once: ${JSON.stringify(rulesOf(early))}`);
  const whole = checkDocument(ws, uri).map((d) => `${d.rule}|${d.span.start}|${d.message}|${d.severity}`);
  for (const d of early) assert.ok(whole.includes(`${d.rule}|${d.span.start}|${d.message}|${d.severity}`), `${d.rule}: ${d.message} is in the whole check's set`);
  // Once built, the quick path is the usual one (the cross-file findings kept from the whole check).
  assert.ok(ws.lastBuiltHomelabFor(uri));
});
