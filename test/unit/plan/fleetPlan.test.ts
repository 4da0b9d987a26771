// The deploy plan on a NixOS flake (test/fixtures/fleets/flake-hosts in a
// real git repository): firewall ports opened and closed (one host's own list,
// then a module every host imports), services enabled and disabled, a plain
// option changed, a scrape target dropped from the monitor (and the host it
// watched no longer scraped), an upgrade calendar moved onto two other hosts'
// minute. Each plan compared whole.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deployPlan } from '../../../server/src/checks/plan/deployPlan';
import { buildAtRevision, type RevisionBuild } from '../../../server/src/model/revisionBuild';
import { edit, lineAt, repoWith } from './gitFixture';

const { top, dir, commit } = repoWith('test/fixtures/fleets/flake-hosts');
const c0 = commit('noop');
edit(dir, 'hosts/media/configuration.nix', 'networking.firewall.allowedTCPPorts = [ 8096 ];', 'networking.firewall.allowedTCPPorts = [ 8096 8920 ];');
const c1 = commit('media: open 8920');
edit(dir, 'hosts/media/configuration.nix', '  services.jellyfin = {', '  services.tailscale.enable = true;\n\n  services.jellyfin = {');
edit(dir, 'hosts/gateway/configuration.nix', '  services.adguardhome = {\n    enable = true;', '  services.adguardhome = {\n    enable = false;');
const c2 = commit('media: tailscale; gateway: no adguard');
edit(dir, 'hosts/monitor/configuration.nix', ' "192.168.1.3:9100"', '');
edit(dir, 'hosts/monitor/configuration.nix', 'retentionTime = "30d";', 'retentionTime = "60d";');
const c3 = commit('monitor: drop media, keep 60 days');
edit(dir, 'hosts/monitor/configuration.nix', 'system.autoUpgrade.dates = "Sun 04:00";', 'system.autoUpgrade.dates = "Sat 04:00";');
const c4 = commit('monitor: upgrade on Saturday');
edit(dir, 'modules/node-exporter.nix', '  networking.firewall.allowedTCPPorts = [ 9100 ];\n', '');
const c5 = commit('node exporter: no longer opened');

function at(rev: string): RevisionBuild {
  const b = buildAtRevision(dir, rev);
  if ('error' in b) throw new Error(b.error);
  return b;
}

function plan(from: string, to: string): unknown {
  const before = at(from);
  const after = at(to);
  return deployPlan(before.homelab, after.homelab!, { since: from, textBefore: before.text, textAfter: after.text });
}

const line = (rev: string, file: string, needle: string): number => lineAt(top, rev, file, needle);
/** Every host is declared by the flake's `nixosConfigurations` (one `mapAttrs` over ./hosts). */
const declared = (): { file: string; line: number } => ({ file: 'flake.nix', line: line(c0, 'flake.nix', 'nixosConfigurations') });

test('networking.firewall.allowedTCPPorts: a port opened', () => {
  assert.deepEqual(plan(c0, c1), {
    machines: [
      {
        machine: 'media', status: 'changed', since: c0, ...declared(),
        changes: [{ machine: 'media', kind: 'port-opened', key: 'tcp/8920', file: 'hosts/media/configuration.nix', line: line(c1, 'hosts/media/configuration.nix', '8920') }],
      },
    ],
    knockOns: [],
  });
});

test('services.<name>.enable: a service enabled on one host, disabled on another', () => {
  assert.deepEqual(plan(c1, c2), {
    machines: [
      {
        machine: 'gateway', status: 'changed', since: c1, ...declared(),
        changes: [
          {
            machine: 'gateway', kind: 'service-removed', key: 'services.adguardhome.enable',
            file: 'hosts/gateway/configuration.nix', line: line(c1, 'hosts/gateway/configuration.nix', 'enable = true;\n    mutableSettings'),
          },
        ],
      },
      {
        machine: 'media', status: 'changed', since: c1, ...declared(),
        changes: [
          { machine: 'media', kind: 'service-added', key: 'services.tailscale.enable', file: 'hosts/media/configuration.nix', line: line(c2, 'hosts/media/configuration.nix', 'services.tailscale.enable') },
        ],
      },
    ],
    knockOns: [],
  });
});

test('an option changed and a scrape target dropped: the host it watched is no longer scraped', () => {
  const oldTarget = { file: 'hosts/monitor/configuration.nix', line: line(c2, 'hosts/monitor/configuration.nix', '"192.168.1.3:9100"') };
  assert.deepEqual(plan(c2, c3), {
    machines: [
      {
        machine: 'monitor', status: 'changed', since: c2, ...declared(),
        changes: [
          {
            machine: 'monitor', kind: 'option', key: 'services.prometheus.retentionTime', old: '"30d"', new: '"60d"',
            file: 'hosts/monitor/configuration.nix', line: line(c3, 'hosts/monitor/configuration.nix', 'retentionTime'),
          },
          { machine: 'monitor', kind: 'scrape-target-lost', key: '192.168.1.3:9100', old: '"192.168.1.3:9100"', ...oldTarget },
        ],
      },
    ],
    knockOns: [
      {
        machine: 'media', kind: 'no-longer-scraped', key: '192.168.1.3', old: '"192.168.1.3:9100"', ...oldTarget,
        cause: 'monitor', message: 'monitor no longer scrapes media at 192.168.1.3',
      },
    ],
  });
});

test('system.autoUpgrade.dates moved onto the minute of two other hosts: both are told (their own clash is old news)', () => {
  const place = { file: 'hosts/monitor/configuration.nix', line: line(c4, 'hosts/monitor/configuration.nix', 'system.autoUpgrade.dates') };
  const clash = (other: string): unknown => ({
    machine: other, kind: 'update-clash', key: 'monitor', new: 'Sat *-*-* 04:00:00', ...place,
    cause: 'monitor', message: `monitor now auto-updates in the same minute as ${other} (\`Sat *-*-* 04:00:00\`)`,
  });
  assert.deepEqual(plan(c3, c4), {
    machines: [
      {
        machine: 'monitor', status: 'changed', since: c3, ...declared(),
        changes: [{ machine: 'monitor', kind: 'update-window-moved', key: 'calendar', old: 'Sun 04:00', new: 'Sat 04:00', ...place }],
      },
    ],
    knockOns: [clash('gateway'), clash('media')],
  });
});

test('a port closed in a module every host imports: closed on each, at the module’s old line', () => {
  const place = { file: 'modules/node-exporter.nix', line: line(c4, 'modules/node-exporter.nix', '[ 9100 ]') };
  const closed = (machine: string): unknown => ({
    machine, status: 'changed', since: c4, ...declared(),
    changes: [{ machine, kind: 'port-closed', key: 'tcp/9100', ...place }],
  });
  assert.deepEqual(plan(c4, c5), { machines: [closed('gateway'), closed('media'), closed('monitor')], knockOns: [] });
});
