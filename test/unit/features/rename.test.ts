// Rename, called on the analysis directly: a host and a service across the
// inventory, a setting across the base and every profile, and the refusals
// (a taken name, an invalid identifier, nothing renameable at the cursor).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prepareRename, rename } from '../../../server/src/features/rename';
import { covered, fixture, place } from './check';
import { labWith } from './lab';

/** Every edit as `file:line:col «old» → new`, files in the order the feature gives them. */
function renameAt(files: Record<string, string>, newName: string): string[] | { error: string } {
  const fx = fixture(files);
  const r = rename(fx.ws, fx.uri, fx.offset, newName);
  if ('error' in r) return r;
  return [...r.changes].flatMap(([uri, edits]) => edits.map((e) => `${place(fx.ws, uri, e.span)} → ${e.newText}`));
}

test('a host: its key and every container placed on it', () => {
  const files = labWith('homelab.yaml', 'pve1', 1);
  const fx = fixture(files);
  const p = prepareRename(fx.ws, fx.uri, fx.offset);
  assert.ok(p && 'span' in p);
  assert.deepEqual({ at: covered(fx.text('homelab.yaml'), p.span), placeholder: p.placeholder }, { at: '7:3 «pve1»', placeholder: 'pve1' });
  assert.deepEqual(renameAt(files, 'pve2'), [
    'homelab.yaml:7:3 «pve1» → pve2',
    'homelab.yaml:12:11 «pve1» → pve2',
    'homelab.yaml:16:11 «pve1» → pve2',
  ]);
});

test('a service from a container list: the declaration and the use', () => {
  assert.deepEqual(renameAt(labWith('homelab.yaml', 'store', 1), 'pg'), ['homelab.yaml:22:3 «store» → pg', 'homelab.yaml:18:16 «store» → pg']);
});

test('a setting: the base and every profile that sets it, as one edit', () => {
  assert.deepEqual(renameAt(labWith('profiles/LXC_db-config.nix', 'hostname', 1), 'hostName'), [
    'profiles/LXC-base-config.nix:3:5 «hostname» → hostName',
    'profiles/LXC_db-config.nix:6:5 «hostname» → hostName',
    'profiles/LXC_web-config.nix:6:5 «hostname» → hostName',
  ]);
});

test('refusals: a name taken by another service, a name with a space, nothing at the cursor', () => {
  assert.deepEqual(renameAt(labWith('homelab.yaml', 'store', 1), 'site'), { error: 'A service named `site` already exists.' });
  assert.deepEqual(renameAt(labWith('homelab.yaml', 'store', 1), 'my store'), { error: '`my store` is not a valid name (letters, digits, `_`, `-`, `.`).' });
  assert.deepEqual(renameAt(labWith('profiles/LXC_db-config.nix', 'hostname', 1), '2x'), { error: '`2x` is not a valid setting name (a Nix identifier).' });
  assert.deepEqual(renameAt(labWith('homelab.yaml', 'cidr'), 'x'), { error: 'Nothing to rename here.' });
});
