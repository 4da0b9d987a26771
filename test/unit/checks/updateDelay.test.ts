// update-not-staggered and systemd's own spreading: NixOS machines that
// upgrade on one calendar with `system.autoUpgrade.randomizedDelaySec` of
// five minutes or more are spread by systemd (a real fleet, eh8/chenglab, was
// warned although its upgrades wait up to an hour at random); a shorter
// delay, or none, still clashes. And the time spans systemd accepts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { timeSpanSeconds } from '../../../server/src/model/calendar';
import { check } from './helpers';

function fleet(delays: Record<string, string | undefined>): Record<string, string> {
  const names = Object.keys(delays);
  const files: Record<string, string> = {
    'flake.nix': `{
  outputs = { nixpkgs, ... }: {
    nixosConfigurations = nixpkgs.lib.genAttrs [ ${names.map((n) => `"${n}"`).join(' ')} ] (name: nixpkgs.lib.nixosSystem { modules = [ ./hosts/\${name}.nix ]; });
  };
}
`,
  };
  for (const [n, delay] of Object.entries(delays))
    files[`hosts/${n}.nix`] = `{ ... }: {
  networking.hostName = "${n}";
  system.autoUpgrade = { enable = true; dates = "*-*-* 07:00:00";${delay ? ` randomizedDelaySec = "${delay}";` : ''} };
}
`;
  return files;
}

/** Per finding, the machines it names (the one reported and those it clashes with), sorted. */
const staggered = (files: Record<string, string>): string[] =>
  check(files)
    .filter((f) => f.rule === 'update-not-staggered')
    .map((f) => [...f.message.matchAll(/\b(red|green|blue)\b/g)].map((m) => m[1]).sort().join('+'))
    .sort();

test('upgrades systemd delays at random by five minutes or more are not a clash', () => {
  assert.deepEqual(staggered(fleet({ red: '1h', green: '45min', blue: '1h 30m' })), []);
});

test('no delay, or a short one, still clashes', () => {
  assert.deepEqual(staggered(fleet({ red: undefined, green: undefined })), ['green+red']);
  assert.deepEqual(staggered(fleet({ red: '30s', green: '2min' })), ['green+red']);
  // One spread machine leaves the others to clash with each other only.
  assert.deepEqual(staggered(fleet({ red: '1h', green: undefined, blue: undefined })), ['blue+green']);
});

test('systemd time spans', () => {
  assert.equal(timeSpanSeconds('1h'), 3600);
  assert.equal(timeSpanSeconds('45min'), 2700);
  assert.equal(timeSpanSeconds('1h 30m'), 5400);
  assert.equal(timeSpanSeconds('90'), 90);
  assert.equal(timeSpanSeconds('2 days'), 172800);
  assert.equal(timeSpanSeconds('soon'), undefined);
  assert.equal(timeSpanSeconds('5 fortnights'), undefined);
});
