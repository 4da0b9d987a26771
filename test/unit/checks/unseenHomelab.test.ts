// A homelab the rules were not written against (test/fixtures/unseen-homelab:
// other names, networks, flags, a `rec` defaults file applied as a function,
// `inherit`, `++` and `map` in profiles, modules reading settings with `or`,
// an encrypted secret): no false diagnostics, yet real mistakes are still found.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { check, edit, summary, workspaceOf, loadTree } from './helpers';

const DIR = join(__dirname, '../../fixtures/unseen-homelab');

const FILES = loadTree(DIR, 'latin1');

test('no diagnostics at all on the unseen homelab', () => {
  assert.equal(summary(check(FILES)), '');
});

test('the model understood it (containers, effective settings, catalog from defaults and reads)', () => {
  const h = workspaceOf(FILES).homelabs()[0];
  assert.deepEqual([...h.machines.keys()], ['CT_dns', 'CT_media', 'CT_git', 'CT_watch', 'CT_files']);
  for (const c of h.machines.values()) assert.equal(c.configExists, true, c.name);
  const watch = h.machines.get('CT_watch')?.profile?.system;
  const ports = watch?.entries.get('allowedTCPPorts')?.value;
  assert.deepEqual(ports?.kind === 'list' && ports.items.map((i) => (i.kind === 'number' ? i.value : null)), [22, 9100, 9090]);
  const targets = watch?.entries.get('prometheusRemoteTargets')?.value;
  assert.equal(targets?.kind === 'list' && targets.items.length, 5);
  assert.ok(h.catalog.systemSettings.get('forgejoDomain')?.sources.includes('read'));
  assert.deepEqual(h.catalog.systemSettings.get('channel')?.enum, ['stable', 'unstable']);
  assert.equal(h.hasModules, true);
});

test('mistakes in it are still found', () => {
  const p = 'profiles/CT_media-config.nix';
  const files = {
    ...FILES,
    [p]: edit(edit(FILES[p], 'jellyfinEnable = true;', 'jellyfinEnabled = true;'), 'ipAddress = "10.20.0.61";', 'ipAddress = "10.20.0.62";'),
  };
  const rules = check(files).map((f) => f.rule).sort();
  assert.deepEqual(rules, ['inventory-profile-mismatch', 'ip-duplicate', 'ip-duplicate', 'ip-duplicate', 'unknown-setting']);
});
