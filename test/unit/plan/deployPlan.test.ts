// The deploy plan on the profile convention (examples/homelab, in a
// subfolder of a real git repository), one commit per kind of change: a
// setting, a scrape target removed from the monitoring profile, a port a
// proxied service needs closed, an update calendar moved onto another
// container's minute, inventory services swapped, machines added and
// removed. Both sides are built from git at two commits; each plan is
// compared whole, places included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deployPlan, deployPlanPerMachine, type BeforeBuild } from '../../../server/src/checks/plan/deployPlan';
import { buildAtRevision, type RevisionBuild } from '../../../server/src/model/revisionBuild';
import { edit, lineAt, repoWith } from './gitFixture';

const { top, dir, commit } = repoWith('examples/homelab', 'infra');
const c0 = commit('noop');
edit(dir, 'profiles/LXC_plane-config.nix', 'dockerComposeProjects = [ "plane" ];', 'dockerComposeProjects = [ "plane" "plane-worker" ];');
const c1 = commit('plane: a second compose project');
edit(dir, 'profiles/LXC_monitoring-config.nix', '      { name = "lxc_plane"; host = "192.168.8.86"; nodePort = 9100; cadvisorPort = 9092; }\n', '');
const c2 = commit('monitoring: stop scraping plane');
edit(dir, 'profiles/LXC_HOME-config.nix', ' 9696 11000 22000', ' 9696 22000');
const c3 = commit('home: close 11000');
edit(dir, 'profiles/LXC_mailer-config.nix', 'autoSystemUpdateOnCalendar = "Sat *-*-* 07:35:00"', 'autoSystemUpdateOnCalendar = "Sat *-*-* 07:30:00"');
const c4 = commit('mailer: update at 07:30');
edit(dir, 'homelab.yaml', 'services: [postfix, uptime-kuma]', 'services: [postfix, ntfy]');
const c5 = commit('mailer: ntfy instead of uptime kuma');
edit(dir, 'homelab.yaml', '  LXC_liftcraftTEST:\n    host: pve\n    vmid: 107\n', '  LXC_wiki:\n    host: pve\n    vmid: 110\n    ip: 192.168.8.90\n    services: []\n  LXC_liftcraftTEST_gone:\n    host: pve\n    vmid: 107\n');
const c6 = commit('wiki in, liftcraft renamed');

const builds = new Map<string, RevisionBuild>();
function at(rev: string): RevisionBuild {
  let b = builds.get(rev);
  if (!b) {
    const made = buildAtRevision(dir, rev);
    if ('error' in made) throw new Error(made.error);
    builds.set(rev, (b = made));
  }
  return b;
}

function plan(from: string, to: string, machines?: string[]): unknown {
  const before = at(from);
  const after = at(to);
  return deployPlan(before.homelab, after.homelab!, { machines, since: from, textBefore: before.text, textAfter: after.text });
}

/** The 1-based line of `needle` in a file of the folder at a commit. */
const line = (rev: string, file: string, needle: string): number => lineAt(top, rev, `infra/${file}`, needle);
const declared = (rev: string, name: string): { file: string; line: number } => ({ file: 'homelab.yaml', line: line(rev, 'homelab.yaml', `  ${name}:`) });

test('no change, no plan', () => {
  assert.deepEqual(plan(c0, c0), { machines: [], knockOns: [] });
});

test('a setting changed: old → new value text at the new value’s line', () => {
  assert.deepEqual(plan(c0, c1), {
    machines: [
      {
        machine: 'LXC_plane', status: 'changed', since: c0, ...declared(c1, 'LXC_plane'),
        changes: [
          {
            machine: 'LXC_plane', kind: 'setting', key: 'systemSettings.dockerComposeProjects',
            old: '[ "plane" ]', new: '[ "plane" "plane-worker" ]',
            file: 'profiles/LXC_plane-config.nix', line: line(c1, 'profiles/LXC_plane-config.nix', 'dockerComposeProjects'),
          },
        ],
      },
    ],
    knockOns: [],
  });
});

test('a scrape target removed from the monitoring profile: lost there, and the machine it watched is no longer scraped', () => {
  const target = '{ cadvisorPort = 9092; host = "192.168.8.86"; name = "lxc_plane"; nodePort = 9100; }';
  const oldPlace = { file: 'profiles/LXC_monitoring-config.nix', line: line(c1, 'profiles/LXC_monitoring-config.nix', '{ name = "lxc_plane"') };
  assert.deepEqual(plan(c1, c2), {
    machines: [
      {
        machine: 'LXC_monitoring', status: 'changed', since: c1, ...declared(c2, 'LXC_monitoring'),
        changes: [{ machine: 'LXC_monitoring', kind: 'scrape-target-lost', key: '192.168.8.86', old: target, ...oldPlace }],
      },
    ],
    knockOns: [
      {
        machine: 'LXC_plane', kind: 'no-longer-scraped', key: '192.168.8.86', old: target, ...oldPlace,
        cause: 'LXC_monitoring', message: 'LXC_monitoring no longer scrapes LXC_plane at 192.168.8.86',
      },
    ],
  });
});

test('a port a proxied service needs, closed: the proxy in front of it is told', () => {
  assert.deepEqual(plan(c2, c3), {
    machines: [
      {
        machine: 'LXC_HOME', status: 'changed', since: c2, ...declared(c3, 'LXC_HOME'),
        changes: [
          // Removed: the place is the old value's.
          { machine: 'LXC_HOME', kind: 'port-closed', key: 'tcp/11000', file: 'profiles/LXC_HOME-config.nix', line: line(c2, 'profiles/LXC_HOME-config.nix', '11000') },
        ],
      },
    ],
    knockOns: [
      {
        machine: 'LXC_proxy', kind: 'proxy-port-closed', key: 'nextcloud',
        old: 'tcp/11000 open on LXC_HOME', new: 'tcp/11000 closed on LXC_HOME',
        file: 'profiles/LXC_HOME-config.nix', line: line(c3, 'profiles/LXC_HOME-config.nix', 'allowedTCPPorts = ['),
        cause: 'LXC_HOME', message: 'LXC_proxy proxies nextcloud to LXC_HOME on port 11000/tcp, which LXC_HOME no longer opens',
      },
    ],
  });
});

test('an update calendar moved onto another container’s minute: the window moves, the other container now clashes', () => {
  const place = { file: 'profiles/LXC_mailer-config.nix', line: line(c4, 'profiles/LXC_mailer-config.nix', 'autoSystemUpdateOnCalendar') };
  assert.deepEqual(plan(c3, c4), {
    machines: [
      {
        machine: 'LXC_mailer', status: 'changed', since: c3, ...declared(c4, 'LXC_mailer'),
        // What runs is the profile's calendar (the inventory still says 07:35).
        changes: [{ machine: 'LXC_mailer', kind: 'update-window-moved', key: 'calendar', old: 'Sat *-*-* 07:35:00', new: 'Sat *-*-* 07:30:00', ...place }],
      },
    ],
    knockOns: [
      {
        machine: 'LXC_portfolioprod', kind: 'update-clash', key: 'LXC_mailer', new: 'Sat *-*-* 07:30:00', ...place,
        cause: 'LXC_mailer', message: 'LXC_mailer now auto-updates in the same minute as LXC_portfolioprod on host pve (`Sat *-*-* 07:30:00`)',
      },
    ],
  });
});

test('inventory services added and removed', () => {
  assert.deepEqual(plan(c4, c5), {
    machines: [
      {
        machine: 'LXC_mailer', status: 'changed', since: c4, ...declared(c5, 'LXC_mailer'),
        changes: [
          { machine: 'LXC_mailer', kind: 'service-added', key: 'ntfy', file: 'homelab.yaml', line: line(c5, 'homelab.yaml', 'services: [postfix, ntfy]') },
          { machine: 'LXC_mailer', kind: 'service-removed', key: 'uptime-kuma', file: 'homelab.yaml', line: line(c4, 'homelab.yaml', 'services: [postfix, uptime-kuma]') },
        ],
      },
    ],
    knockOns: [],
  });
});

test('machines new and removed, with their declarations', () => {
  assert.deepEqual(plan(c5, c6), {
    machines: [
      { machine: 'LXC_liftcraftTEST', status: 'removed', since: c5, ...declared(c5, 'LXC_liftcraftTEST'), changes: [] },
      { machine: 'LXC_liftcraftTEST_gone', status: 'new', since: c5, ...declared(c6, 'LXC_liftcraftTEST_gone'), changes: [] },
      { machine: 'LXC_wiki', status: 'new', since: c5, ...declared(c6, 'LXC_wiki'), changes: [] },
    ],
    knockOns: [],
  });
});

test('selected machines: only their changes, and only the knock-ons they cause', () => {
  const p = plan(c0, c5, ['LXC_HOME', 'LXC_mailer', 'LXC_proxy']) as { machines: { machine: string; changes: { kind: string }[] }[]; knockOns: { machine: string; kind: string; cause: string }[] };
  assert.deepEqual(
    p.machines.map((m) => [m.machine, m.changes.map((c) => c.kind)]),
    [['LXC_HOME', ['port-closed']], ['LXC_mailer', ['service-added', 'service-removed', 'update-window-moved']]],
  );
  assert.deepEqual(p.knockOns.map((k) => [k.machine, k.kind, k.cause]), [
    ['LXC_portfolioprod', 'update-clash', 'LXC_mailer'],
    ['LXC_proxy', 'proxy-port-closed', 'LXC_HOME'],
  ]);
});

test('each machine since its own last deploy, one build per revision', () => {
  const after = at(c5);
  const beforeByRevision = new Map<string, BeforeBuild>([c0, c2, c5].map((r) => [r, at(r)]));
  const p = deployPlanPerMachine(after.homelab!, after.text, beforeByRevision, {
    LXC_plane: c0, // its compose projects changed since
    LXC_monitoring: c2, // deployed after it stopped scraping plane: nothing new
    LXC_HOME: c2, // the port closed since
    LXC_mailer: c5, // deployed now: nothing
  });
  assert.deepEqual(p, {
    machines: [
      {
        machine: 'LXC_HOME', status: 'changed', since: c2, ...declared(c5, 'LXC_HOME'),
        changes: [{ machine: 'LXC_HOME', kind: 'port-closed', key: 'tcp/11000', file: 'profiles/LXC_HOME-config.nix', line: line(c2, 'profiles/LXC_HOME-config.nix', '11000') }],
      },
      {
        machine: 'LXC_plane', status: 'changed', since: c0, ...declared(c5, 'LXC_plane'),
        changes: [
          {
            machine: 'LXC_plane', kind: 'setting', key: 'systemSettings.dockerComposeProjects', old: '[ "plane" ]', new: '[ "plane" "plane-worker" ]',
            file: 'profiles/LXC_plane-config.nix', line: line(c5, 'profiles/LXC_plane-config.nix', 'dockerComposeProjects'),
          },
        ],
      },
    ],
    knockOns: [
      {
        machine: 'LXC_proxy', kind: 'proxy-port-closed', key: 'nextcloud', old: 'tcp/11000 open on LXC_HOME', new: 'tcp/11000 closed on LXC_HOME',
        file: 'profiles/LXC_HOME-config.nix', line: line(c5, 'profiles/LXC_HOME-config.nix', 'allowedTCPPorts = ['),
        cause: 'LXC_HOME', message: 'LXC_proxy proxies nextcloud to LXC_HOME on port 11000/tcp, which LXC_HOME no longer opens',
      },
    ],
  });
});

test('a setting inherited from the base profile: every container that inherits it, at the base file’s line', () => {
  edit(dir, 'profiles/LXC-base-config.nix', 'fail2banEnable = true;', 'fail2banEnable = false;');
  const c7 = commit('base: no fail2ban');
  const p = plan(c6, c7) as { machines: { machine: string; changes: unknown[] }[]; knockOns: unknown[] };
  const change = (machine: string): unknown => ({
    machine, kind: 'setting', key: 'systemSettings.fail2banEnable', old: 'true', new: 'false',
    file: 'profiles/LXC-base-config.nix', line: line(c7, 'profiles/LXC-base-config.nix', 'fail2banEnable'),
  });
  // The renamed container keeps its profile (the inventory names it); the new one has none.
  const names = ['LXC_HOME', 'LXC_liftcraftTEST_gone', 'LXC_mailer', 'LXC_monitoring', 'LXC_plane', 'LXC_portfolioprod', 'LXC_proxy'];
  assert.deepEqual(p.machines.map((m) => m.machine), names);
  for (const m of p.machines) assert.deepEqual(m.changes, [change(m.machine)]);
  assert.deepEqual(p.knockOns, []);
});

test('the plan is the same whatever the order of work: built twice, equal', () => {
  const again = buildAtRevision(dir, c3);
  const first = buildAtRevision(dir, c0);
  assert.ok(!('error' in again) && !('error' in first));
  assert.deepEqual(
    deployPlan(first.homelab, again.homelab!, { textBefore: first.text, textAfter: again.text }),
    deployPlan(at(c0).homelab, at(c3).homelab!, { textBefore: at(c0).text, textAfter: at(c3).text }),
  );
});
