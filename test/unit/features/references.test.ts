// Find references, called on the analysis directly: a setting across the
// base and every profile, an address in the inventory and its profile, a host
// and a service by name, with and without the declaration.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { references } from '../../../server/src/features/references';
import { fixture, place } from './check';
import { labWith } from './lab';

function referencesAt(files: Record<string, string>, includeDeclaration = true): string[] {
  const fx = fixture(files);
  return references(fx.ws, fx.uri, fx.offset, includeDeclaration).map((l) => place(fx.ws, l.uri, l.span));
}

test('a setting: where the base and each profile set it', () => {
  assert.deepEqual(referencesAt(labWith('profiles/LXC_web-config.nix', 'hostname', 2)), [
    'profiles/LXC-base-config.nix:3:5 «hostname»',
    'profiles/LXC_db-config.nix:6:5 «hostname»',
    'profiles/LXC_web-config.nix:6:5 «hostname»',
  ]);
});

test('an address: the inventory and the profile that write it', () => {
  assert.deepEqual(referencesAt(labWith('profiles/LXC_web-config.nix', '10.1.0.5', 3)), [
    'homelab.yaml:13:9 «10.1.0.5»',
    'profiles/LXC_web-config.nix:7:18 «10.1.0.5»',
  ]);
});

test('a host: its key and every container placed on it', () => {
  assert.deepEqual(referencesAt(labWith('homelab.yaml', 'pve1', 1)), [
    'homelab.yaml:7:3 «pve1»',
    'homelab.yaml:12:11 «pve1»',
    'homelab.yaml:16:11 «pve1»',
  ]);
});

test('a service: its key under services and the container that runs it', () => {
  assert.deepEqual(referencesAt(labWith('homelab.yaml', 'site', 2)), ['homelab.yaml:20:3 «site»', 'homelab.yaml:14:16 «site»']);
});

test('nothing is referenced from a comment-free punctuation spot', () => {
  assert.deepEqual(referencesAt(labWith('profiles/LXC_web-config.nix', '{\n  systemSettings')), []);
});

test('without the declaration: a host, a service, a network and a container leave out their own key', () => {
  assert.deepEqual(referencesAt(labWith('homelab.yaml', 'pve1', 1), false), ['homelab.yaml:12:11 «pve1»', 'homelab.yaml:16:11 «pve1»']);
  assert.deepEqual(referencesAt(labWith('homelab.yaml', 'site', 2), false), ['homelab.yaml:14:16 «site»']);
  assert.deepEqual(referencesAt(labWith('homelab.yaml', 'lan', 1), false), []);
  assert.deepEqual(referencesAt(labWith('homelab.yaml', 'LXC_web', 1), false), []);
});

test('without the declaration, a use of a name still lists the other uses', () => {
  assert.deepEqual(referencesAt(labWith('homelab.yaml', 'pve1', 1, 1), false), ['homelab.yaml:12:11 «pve1»', 'homelab.yaml:16:11 «pve1»']);
});
