// The client's settings table (client/src/settings/schema.ts) against
// package.json's contributes.configuration: the same keys exist there, with
// the same defaults and minimums, so a setting left unset means the same in
// both places; and the reader falls back to the default for a missing value
// or one of the wrong type, and raises a number below its minimum.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { readSettings, SETTING_DEFAULTS, SETTING_MINIMUMS, type SettingKey } from '../../../client/src/settings/schema';

const root = path.resolve(__dirname, '..', '..', '..');

interface Contributed {
  default?: unknown;
  minimum?: number;
}

function contributed(): Record<string, Contributed> {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    contributes: { configuration: { properties: Record<string, Contributed> } | { properties: Record<string, Contributed> }[] };
  };
  const sections = Array.isArray(pkg.contributes.configuration) ? pkg.contributes.configuration : [pkg.contributes.configuration];
  return Object.assign({}, ...sections.map((s) => s.properties)) as Record<string, Contributed>;
}

test("every client setting's default is package.json's default", () => {
  const properties = contributed();
  const keys = Object.keys(SETTING_DEFAULTS) as SettingKey[];
  assert.ok(keys.length >= 17, `the table lists the client's settings (${keys.length})`);
  const differ = keys
    .filter((k) => !(`homelab.${k}` in properties) || JSON.stringify(properties[`homelab.${k}`].default) !== JSON.stringify(SETTING_DEFAULTS[k]))
    .map((k) => `homelab.${k}: module ${JSON.stringify(SETTING_DEFAULTS[k])}, package.json ${JSON.stringify(properties[`homelab.${k}`]?.default)}`);
  assert.deepEqual(differ, []);
});

test("every minimum the client enforces is package.json's minimum", () => {
  const properties = contributed();
  const differ = (Object.entries(SETTING_MINIMUMS) as [SettingKey, number][])
    .filter(([k, min]) => properties[`homelab.${k}`]?.minimum !== min)
    .map(([k, min]) => `homelab.${k}: module ${min}, package.json ${properties[`homelab.${k}`]?.minimum}`);
  assert.deepEqual(differ, []);
});

test('the reader: a missing value is the default, a wrong type is the default, a small number is the minimum', () => {
  const given: Record<string, unknown> = {
    'reachability.intervalSeconds': 1,
    'proxmox.timeoutSeconds': 'ten',
    'deploy.sshOptions': ['-p', 2222],
    'deploy.sshCommand': '/usr/bin/ssh',
    'deploy.parallel': Number.NaN,
    'health.enable': false,
  };
  const s = readSettings({ get: (key) => given[key] });
  assert.equal(s['reachability.intervalSeconds'], 5);
  assert.equal(s['proxmox.timeoutSeconds'], 10);
  assert.deepEqual(s['deploy.sshOptions'], []);
  assert.equal(s['deploy.sshCommand'], '/usr/bin/ssh');
  assert.equal(s['deploy.parallel'], 0);
  assert.equal(s['health.enable'], false);
  assert.equal(s['deploy.rollback'], 'ask');
  assert.equal(s.inventory, '');
});

test('the reader copies arrays: changing what it returned does not change the defaults', () => {
  const s = readSettings({ get: () => undefined });
  (s['deploy.sshOptions'] as string[]).push('-v');
  assert.deepEqual(SETTING_DEFAULTS['deploy.sshOptions'], []);
});
