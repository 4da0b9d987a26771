// Hover, called on the analysis directly: a setting's documentation and the
// chain it overrides, an address's owner (a gateway's owner undeclared), an
// inventory service and host.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hover } from '../../../server/src/features/hover';
import { covered, fixture } from './check';
import { labWith } from './lab';
import * as one from './oneMachineLab';

function hoverAt(files: Record<string, string>): { contents: string; at: string } | undefined {
  const fx = fixture(files);
  const h = hover(fx.ws, fx.uri, fx.offset);
  return h && { contents: h.contents, at: covered(fx.ws.text(fx.uri) ?? '', h.span) };
}

test('a setting a profile sets: catalog doc, type, default, and the base value it overrides', () => {
  assert.deepEqual(hoverAt(labWith('profiles/LXC_web-config.nix', 'hostname', 2)), {
    at: '6:5 «hostname»',
    contents: [
      '**hostname** · `systemSettings`',
      "Host name of the machine (`networking.hostName`): one DNS label, no dots. Must equal the inventory container's `hostname` when both give one.",
      'Type: string  \nDefault: `"nixos"`',
      'Effective value: `"web"` — set here; overrides `"base"` from LXC-base-config.nix:3',
    ].join('\n\n'),
  });
});

test("an address in a profile: the machine that owns it, its network and what runs there", () => {
  assert.deepEqual(hoverAt(labWith('profiles/LXC_web-config.nix', '10.1.0.5', 3)), {
    at: '7:18 «10.1.0.5»',
    contents: '**10.1.0.5** · container `LXC_web` on network `lan` (10.1.0.0/28)\n\n- Runs: site',
  });
});

test('a service a container lists in the inventory: its port and where it runs', () => {
  assert.deepEqual(hoverAt(labWith('homelab.yaml', 'store', 2)), {
    at: '18:16 «store»',
    contents: '**store** · service\n\n- Port: 5432\n- Runs on: `LXC_db` (10.1.0.6)',
  });
});

test('a host named by a container: kind, address and the containers it carries', () => {
  assert.deepEqual(hoverAt(labWith('homelab.yaml', 'pve1', 1, 1)), {
    at: '12:11 «pve1»',
    contents: '**pve1** · proxmox\n\n- IP: `10.1.0.2`\n- Containers: `LXC_web`, `LXC_db`',
  });
});

test('nothing to say in a comment or on punctuation', () => {
  const files = labWith('profiles/LXC_web-config.nix', '{\n  systemSettings', 0);
  assert.equal(hoverAt(files), undefined);
});

test('hover on a gateway address in the inventory names the host that owns it', () => {
  const ws = one.workspace();
  const uri = `${one.ROOT}/homelab.yaml`;
  const h = hover(ws, uri, one.INV.indexOf('gateway: 10.0.0.1') + 11);
  assert.match(h?.contents ?? '', /\*\*10\.0\.0\.1\*\* · no owner declared in network `lan` \(10\.0\.0\.0\/29\)/);
  const pve = hover(ws, uri, one.INV.indexOf('ip: 10.0.0.2') + 5);
  assert.match(pve?.contents ?? '', /host `pve` on network `lan`/);
});
