// The rule registry is closed and documented: every id has one rule, one file
// with a leading comment, and a section in docs/rules.md with its severity.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../../server/src/checks/registry';
import { RULE_IDS } from '../../../server/src/checks/types';
import { runsHomelabWide } from '../../../server/src/checks/run';

const ROOT = join(__dirname, '../../..');

test('every rule id has exactly one rule, and every rule a known id', () => {
  assert.deepEqual([...RULES.map((r) => r.id)].sort(), [...RULE_IDS].sort());
  for (const r of RULES) {
    assert.ok(r.description.length > 10, r.id);
    assert.ok(r.scope === 'document' ? r.checkFile : runsHomelabWide(r), r.id);
  }
});

test('each rule file starts with a comment naming what it checks', () => {
  const dir = join(ROOT, 'server/src/checks/rules');
  for (const f of readdirSync(dir)) {
    const text = readFileSync(join(dir, f), 'utf8');
    assert.match(text, /^\/\/ \S/, f);
  }
});

test('docs/rules.md documents every rule with its default severity', () => {
  const doc = readFileSync(join(ROOT, 'docs/rules.md'), 'utf8');
  for (const r of RULES) {
    const section = doc.split(`\n### ${r.id}\n`)[1];
    assert.ok(section, `no section for ${r.id}`);
    assert.match(section, new RegExp(`^\\s*Default: \\*\\*${r.defaultSeverity}\\*\\*`), r.id);
    assert.ok(doc.includes(`| [\`${r.id}\`](#${r.id}) | ${r.defaultSeverity} |`), `summary row for ${r.id}`);
  }
});

test('did you mean: close spellings, case, and half-typed keys', async () => {
  const { didYouMean } = await import('../../../server/src/checks/util');
  assert.equal(didYouMean('dockerEnabel', ['dockerEnable', 'sshEnable']), 'dockerEnable');
  assert.equal(didYouMean('GRAFANAENABLE', ['grafanaEnable']), 'grafanaEnable');
  assert.equal(didYouMean('grafanaEn', new Map([['grafanaEnable', 1], ['grafanaPort', 2]]).keys()), 'grafanaEnable');
  assert.equal(didYouMean('graf', ['grafanaEnable', 'grafanaPort']), undefined);
  assert.equal(didYouMean('zzzzzz', ['grafanaEnable']), undefined);
});
