// Inlay hints, called on the analysis directly: the owner after another
// machine's address, nothing after a profile's own address, and the effective
// value after a setting a later `//` in the same profile overrides.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inlayHints } from '../../../server/src/features/inlayHints';
import { fixture, pos, ROOT } from './check';
import { FILES } from './lab';

const MONITOR = `let
  base = import ./LXC-base-config.nix;
in
{
  systemSettings = base.systemSettings // {
    hostname = "web";
    ipAddress = "10.1.0.5";
    scrape = [ "10.1.0.6" "10.1.0.2" "10.1.0.9" ];
  } // { hostname = "www"; };
  userSettings = base.userSettings // { };
}
`;

function hints(files: Record<string, string>, file: string): string[] {
  const fx = fixture(files);
  const text = fx.text(file);
  return inlayHints(fx.ws, `${ROOT}/${file}`, { start: 0, end: text.length }).map((h) => `${pos(text, h.offset)}${h.label} (${h.tooltip ?? ''})`);
}

test("a profile: the overridden setting's effective value, and the owners of other machines' addresses", () => {
  assert.deepEqual(hints({ ...FILES, 'profiles/LXC_web-config.nix': MONITOR }, 'profiles/LXC_web-config.nix'), [
    '6:22 → "www" (effective value after the `//` merge)',
    '8:26 LXC_db (container LXC_db — store)',
    '8:37 pve1 (host pve1 — proxmox)',
  ]);
});

test('the inventory: declarations carry no hints', () => {
  assert.deepEqual(hints({ ...FILES }, 'homelab.yaml'), []);
});

test('only the asked range is looked at', () => {
  const fx = fixture({ ...FILES, 'profiles/LXC_web-config.nix': MONITOR });
  const start = MONITOR.indexOf('"10.1.0.2"');
  const got = inlayHints(fx.ws, `${ROOT}/profiles/LXC_web-config.nix`, { start, end: start + 10 }).map((h) => `${pos(MONITOR, h.offset)}${h.label}`);
  assert.deepEqual(got, ['8:37 pve1']);
});
