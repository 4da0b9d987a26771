// "Deploy Changed": which containers need a deploy, from last deploys and changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changedMachines, selectChanged, type MachineFiles } from '../../client/src/deploy/changed';

const containers: MachineFiles[] = [
  { name: 'mon', files: ['profiles/LXC_monitoring-config.nix'] },
  { name: 'mail', files: ['./profiles/LXC_mailer-config.nix'] },
  { name: 'new', files: ['profiles/LXC_new-config.nix'] },
];
const shared = ['profiles/LXC-base-config.nix', 'lib/defaults.nix'];

test('by time: only containers whose profile or a shared file changed after their last deploy', () => {
  const d = selectChanged(containers, { mon: { atMs: 1000 }, mail: { atMs: 1000 }, new: { atMs: 1000 } }, {
    sharedFiles: shared,
    modifiedAt: { 'profiles/LXC_monitoring-config.nix': 1500, 'profiles/LXC_mailer-config.nix': 900, 'lib/defaults.nix': 800, 'profiles/LXC-base-config.nix': 700 },
  });
  assert.deepEqual(d.map((x) => [x.machine, x.deploy, x.files]), [
    ['mon', true, ['profiles/LXC_monitoring-config.nix']], ['mail', false, []], ['new', false, []],
  ]);
  assert.match(d[0].reason, /LXC_monitoring-config\.nix changed since the last deploy/);
});

test('by time: a shared file (lib/defaults.nix) selects every container deployed before it changed', () => {
  const d = selectChanged(containers, { mon: { atMs: 1000 }, mail: { atMs: 3000 }, new: undefined }, {
    sharedFiles: shared, modifiedAt: { 'lib/defaults.nix': 2000 },
  });
  assert.deepEqual(d.map((x) => [x.machine, x.deploy]), [['mon', true], ['mail', false], ['new', true]]);
  assert.deepEqual(d[0].files, ['lib/defaults.nix']);
  assert.match(d[2].reason, /never deployed/);
});

test('by commit: the files changed since the deployed commit decide', () => {
  const d = selectChanged(containers, { mon: { commit: 'aaaa', atMs: 1 }, mail: { commit: 'bbbb' }, new: { commit: 'aaaa' } }, {
    sharedFiles: shared,
    changedSinceCommit: { aaaa: ['profiles/LXC-base-config.nix', 'README.md'], bbbb: ['README.md', 'profiles\\LXC_new-config.nix'] },
    modifiedAt: { 'profiles/LXC_mailer-config.nix': 99 },
  });
  assert.deepEqual(d.map((x) => [x.machine, x.deploy, x.files]), [
    ['mon', true, ['profiles/LXC-base-config.nix']], ['mail', false, []], ['new', true, ['profiles/LXC-base-config.nix']],
  ]);
});

test('never deployed: compared with the remote branch when that is known', () => {
  const d = selectChanged(containers, {}, { sharedFiles: shared, changedSinceRemote: ['profiles/LXC_mailer-config.nix'] });
  assert.deepEqual(d.map((x) => [x.machine, x.deploy]), [['mon', false], ['mail', true], ['new', false]]);
  assert.match(d[1].reason, /since the remote branch/);
});

test('changedContainers: the time-based shorthand the VS Code side calls', () => {
  const mtimes = new Map([['file:///h/profiles/a.nix', 50], ['file:///h/profiles/b.nix', 10], ['file:///h/lib/defaults.nix', 5]]);
  const list = [
    { name: 'a', files: ['file:///h/profiles/a.nix', 'file:///h/lib/defaults.nix'] },
    { name: 'b', files: ['file:///h/profiles/b.nix', 'file:///h/lib/defaults.nix'] },
    { name: 'c', files: ['file:///h/profiles/c.nix'] },
  ];
  assert.deepEqual(changedMachines(list, { a: 20, b: 20 }, mtimes), ['a', 'c']);
  assert.deepEqual(changedMachines(list, { a: 60, b: 60, c: 60 }, mtimes), []);
  assert.deepEqual(changedMachines(list, { a: 60, b: 60, c: 60 }, { 'file:///h/lib/defaults.nix': 70 }), ['a', 'b']);
});
