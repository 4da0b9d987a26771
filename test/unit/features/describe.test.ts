// The descriptions hover and completion show, called on the analysis
// directly: a machine, a host, a service, a network, an address, and the
// `file:line` of a place; unknown names describe nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeAddress, describeHost, describeMachine, describeNetwork, describeService, fileLine } from '../../../server/src/features/describe';
import { fixture } from './check';
import { FILES, labWith } from './lab';

function lab() {
  const fx = fixture({ ...FILES });
  const h = fx.ws.homelabFor(fx.uri);
  assert.ok(h);
  return h;
}

test('a machine: address, host, profile and services with their ports', () => {
  assert.equal(describeMachine(lab(), 'LXC_db'), ['**LXC_db** · container', '', '- IP: `10.1.0.6`', '- Host: `pve1`', '- Profile: `profiles/LXC_db-config.nix`', '- Services: `store` (5432)'].join('\n'));
});

test('a host, a service, a network and an address', () => {
  const h = lab();
  assert.equal(describeHost(h, 'pve1'), '**pve1** · proxmox\n\n- IP: `10.1.0.2`\n- Containers: `LXC_web`, `LXC_db`');
  assert.equal(describeService(h, 'site'), '**site** · service\n\n- Port: 8080\n- Runs on: `LXC_web` (10.1.0.5)');
  assert.equal(describeNetwork(h, 'lan'), '**lan** · network\n\n- CIDR: `10.1.0.0/28`\n- Gateway: `10.1.0.1`\n- DNS: `10.1.0.1`');
  assert.equal(describeAddress(h, '10.1.0.6'), '**10.1.0.6** · container `LXC_db` on network `lan` (10.1.0.0/28)\n\n- Runs: store');
});

test('names the inventory does not declare describe nothing', () => {
  const h = lab();
  assert.deepEqual([describeMachine(h, 'LXC_none'), describeHost(h, 'pve9'), describeNetwork(h, 'wan')], [undefined, undefined, undefined]);
});

test('fileLine: the file name and the 1-based line of the cursor', () => {
  const fx = fixture(labWith('profiles/LXC_db-config.nix', 'ipAddress'));
  assert.equal(fileLine(fx.ws, fx.ws.homelabFor(fx.uri), fx.uri, fx.offset), 'LXC_db-config.nix:7');
});
