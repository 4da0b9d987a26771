// Completion's front door, called on the analysis directly: a Nix profile goes
// to the profile side, the inventory to the YAML side, an empty profile gets
// the whole new-profile snippet, any other file nothing; a new profile's
// address offers the free ones first; an inventory entry the keys it lacks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completion } from '../../../server/src/features/completion';
import { completionLines, fixture } from './check';
import { FILES } from './lab';
import * as one from './oneMachineLab';

function completeAt(files: Record<string, string>): string[] {
  const fx = fixture(files);
  return completionLines(fx.ws, fx.uri, completion(fx.ws, fx.uri, fx.offset));
}

const DB = FILES['profiles/LXC_db-config.nix'];

test("a profile's ipAddress: the inventory's address for this machine first, then the free ones of its network", () => {
  assert.deepEqual(completeAt({ ...FILES, 'profiles/LXC_db-config.nix': DB.replace('"10.1.0.6"', '"$0"') }), [
    `10.1.0.6 [address] the inventory's ip of LXC_db → "10.1.0.6" @ 7:18 «» + preselect`,
    '10.1.0.3 [address] free in lan (10.1.0.0/28) → "10.1.0.3" @ 7:18 «»',
    '10.1.0.4 [address] free in lan (10.1.0.0/28) → "10.1.0.4" @ 7:18 «»',
    '10.1.0.7 [address] free in lan (10.1.0.0/28) → "10.1.0.7" @ 7:18 «»',
    '10.1.0.8 [address] free in lan (10.1.0.0/28) → "10.1.0.8" @ 7:18 «»',
    '10.1.0.9 [address] free in lan (10.1.0.0/28) → "10.1.0.9" @ 7:18 «»',
  ]);
});

test("the inventory: a container's host offers the declared hosts", () => {
  const inv = FILES['homelab.yaml'].replace('    host: pve1\n    ip: 10.1.0.6', '    host: $0\n    ip: 10.1.0.6');
  assert.deepEqual(completeAt({ ...FILES, 'homelab.yaml': inv }), ['pve1 [host] proxmox · 10.1.0.2 → "pve1" @ 16:11 «»']);
});

test('an empty new profile: the shipped profile snippet, filled with its name, a free address, the gateway and the base', () => {
  assert.deepEqual(completeAt({ ...FILES, 'profiles/LXC_new-config.nix': '$0' }), [
    'container profile [snippet] A new container profile extending the base profile (profiles/LXC_<name>-config.nix) → ' +
      JSON.stringify(
        [
          '# ${1:LXC_new}: ${2:what this container is for}.',
          'let',
          '  base = import ./${3:LXC-base-config.nix};',
          '  secrets = import ../secrets/domains.nix;',
          'in',
          '{',
          '  systemSettings = base.systemSettings // {',
          '    hostname = "${4:new}";',
          '    ipAddress = "${5:10.1.0.3}";',
          '    nameServers = [ "${6:10.1.0.1}" ];',
          '    allowedTCPPorts = [ 22 9092 9100 ${7} ];',
          '',
          '    ${8:dockerComposeProjects = [ ];}',
          '',
          '    autoSystemUpdateOnCalendar = "${9:Sat *-*-* 07:40:00}";',
          '    notificationToEmail = secrets.alertEmail;',
          '  };',
          '',
          '  userSettings = base.userSettings // { };',
          '}',
          '',
        ].join('\n'),
      ) +
      ' @ 1:1 «»',
  ]);
});

test('a file that is neither Nix nor YAML gets nothing', () => {
  assert.deepEqual(completeAt({ ...FILES, 'notes.txt': 'ip $0' }), []);
});

test('completion in a new profile offers the free address first, and never one a profile already writes', () => {
  const ws = one.workspace({ 'profiles/LXC_b-config.nix': one.A.replace('"a"', '"b"').replace('10.0.0.3', '10.0.0.4') });
  const t = one.A.replace('"a"', '"c"').replace('"10.0.0.3"', '""');
  const uri = `${one.ROOT}/profiles/LXC_c-config.nix`;
  ws.setDocument(uri, t, 1);
  const items = completion(ws, uri, t.indexOf('ipAddress = "') + 13);
  assert.deepEqual(items.map((i) => i.label), ['10.0.0.5', '10.0.0.6']);
});

test('inventory keys: an entry offers the keys it does not have yet; the top level offers missing sections', () => {
  const ws = one.workspace();
  const uri = `${one.ROOT}/homelab.yaml`;
  const t = one.INV.replace('    kind: proxmox\n', '    kind: proxmox\n    \n');
  ws.setDocument(uri, t, 2);
  const items = completion(ws, uri, t.indexOf('proxmox\n    \n') + 'proxmox\n    '.length);
  assert.deepEqual(items.map((i) => i.label), ['description', 'proxmox']);
  const top = `${one.INV}\n`;
  ws.setDocument(uri, top, 3);
  assert.deepEqual(completion(ws, uri, top.length).map((i) => i.label), ['version', 'domain', 'localDomain', 'deploy']);
});
