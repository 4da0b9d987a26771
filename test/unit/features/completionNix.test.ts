// Profile-side completion (completeNix), called on the analysis directly: a
// flag's values, an import path among the sibling profiles, and setting keys
// from the catalog without the ones the block already sets; relPath, the
// import path written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completeNix, relPath } from '../../../server/src/features/completionNix';
import { neverCancelled } from '../../../server/src/features/types';
import { completionLines, fixture } from './check';
import { FILES } from './lab';

const DB = FILES['profiles/LXC_db-config.nix'];

function completeAt(profile: string): string[] {
  const fx = fixture({ ...FILES, 'profiles/LXC_db-config.nix': profile });
  const h = fx.ws.homelabAround(fx.uri);
  assert.ok(h);
  return completionLines(fx.ws, fx.uri, completeNix(fx.ws, h, fx.uri, fx.ws.text(fx.uri) ?? '', fx.offset, neverCancelled));
}

test('a flag setting offers true, then false', () => {
  assert.deepEqual(completeAt(DB.replace('    hostname = "db";', '    hostname = "db";\n    sshEnable = $0')), ['true [value] → "true" @ 7:17 «»', 'false [value] → "false" @ 7:17 «»']);
});

test('an import path offers the sibling profiles, never the file itself, replacing the whole path', () => {
  assert.deepEqual(completeAt(DB.replace('import ./LXC-base', 'import ./$0LXC-base')), [
    './LXC-base-config.nix [file] → "./LXC-base-config.nix" @ 2:17 «./LXC-base-config.nix»',
    './LXC_web-config.nix [file] → "./LXC_web-config.nix" @ 2:17 «./LXC-base-config.nix»',
  ]);
});

test('a key being typed: catalog settings as snippets, the matching one ranked first, keys already set left out', () => {
  const items = completeAt(DB.replace('    hostname = "db";', '    hostname = "db";\n    ipAdd$0'));
  assert.deepEqual(items[0], 'ipAddress [setting] string or null · default "" → "ipAddress = \\"$1\\";" @ 7:5 «ipAdd»');
  // Flags insert a true/false choice.
  assert.ok(items.includes('acmeEnable [flag] boolean · default false → "acmeEnable = ${1|true,false|};" @ 7:5 «ipAdd»'));
  assert.ok(!items.some((l) => l.startsWith('hostname ')), 'hostname is set in this block already');
});

test('relPath: sibling, parent and nested paths', () => {
  assert.equal(relPath('file:///r/profiles', 'file:///r/profiles/a.nix'), './a.nix');
  assert.equal(relPath('file:///r/profiles', 'file:///r/lib/defaults.nix'), '../lib/defaults.nix');
  assert.equal(relPath('file:///r', 'file:///r/profiles/x-config.nix'), './profiles/x-config.nix');
});
