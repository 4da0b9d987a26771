// Quick fixes for drift against Proxmox's live state (proxmoxFixes), called
// on the analysis directly: the live state is set on the workspace, the
// proxmox-* diagnostic under the cursor is found by the real rules, and its
// rule and data are handed to the feature as the editor would. "Take
// Proxmox's value" replaces only that value (quotes and list style kept);
// "Add <name> to the inventory" writes a new entry after the last one; data
// that no longer matches the server's own drift gets no fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAll } from '../../../server/src/checks/run';
import { proxmoxFixes } from '../../../server/src/features/proxmoxFixes';
import type { LiveGuest } from '../../../server/src/model/proxmoxLive';
import { fixture, place, ROOT, type Fixture } from './check';

const INVENTORY = `networks:
  lan:
    cidr: 10.1.0.0/24
hosts:
  pve1:
    kind: proxmox
    ip: 10.1.0.2
    proxmox:
      api: https://127.0.0.1:8006
  pve2:
    kind: proxmox
    ip: 10.1.0.3
    proxmox:
      api: https://127.0.0.1:8006
containers:
  web:
    host: pve1
    vmid: 101
    ip: "10.1.0.5"
    hostname: web
    tags: [site, prod]
  db:
    host: pve1
    vmid: 102
    ip: 10.1.0.6
    tags:
      - store
`;

const READ_AT = '2026-01-10T12:03:00Z';

/** What Proxmox reports: web renamed, readdressed and retagged; db under another vmid on pve2 with one more tag; a guest nobody declared. */
const GUESTS: LiveGuest[] = [
  { vmid: 101, type: 'lxc', node: 'pve1', status: 'running', name: 'web', hostname: 'www', staticAddress: '10.1.0.15', tags: ['site'] },
  { vmid: 112, type: 'lxc', node: 'pve2', status: 'running', name: 'db', hostname: 'db', staticAddress: '10.1.0.6', tags: ['store', 'backup'] },
  { vmid: 130, type: 'lxc', node: 'pve1', status: 'running', name: 'cache box', hostname: 'cache', staticAddress: '10.1.0.30', tags: ['on'] },
];

function lab(inventory: string, guests: LiveGuest[] = GUESTS): Fixture {
  const fx = fixture({ 'homelab.yaml': inventory });
  fx.ws.setProxmoxLive(ROOT, [
    { host: 'pve1', via: 'api', readAt: READ_AT, guests },
    { host: 'pve2', via: 'api', readAt: READ_AT, guests: [] },
  ]);
  return fx;
}

interface Shown {
  rule: string;
  fixes: { title: string; edits: string[] }[];
}

/** The fixes of the proxmox-* diagnostic under the cursor, each edit as `file:line:col «replaced» ← new text`. */
function fixesAt(inventory: string, data?: (d: Record<string, unknown>) => Record<string, unknown>, guests = GUESTS): Shown {
  const fx = lab(inventory, guests);
  const h = fx.ws.homelabAround(fx.uri);
  assert.ok(h);
  const here = (checkAll(fx.ws).get(fx.uri) ?? []).filter((d) => d.rule.startsWith('proxmox-') && d.span.start <= fx.offset && fx.offset <= d.span.end);
  assert.equal(here.length, 1, here.map((d) => d.rule).join(', '));
  const d = here[0];
  const sent = (d.data ?? {}) as Record<string, unknown>;
  return {
    rule: d.rule,
    fixes: proxmoxFixes(fx.ws, h, d.rule, data ? data(sent) : sent).map((f) => ({
      title: f.title,
      edits: [...f.edit.changes].flatMap(([uri, edits]) => edits.map((e) => `${place(fx.ws, uri, e.span)} ← ${e.newText}`)),
    })),
  };
}

const at = (find: string, nth = 0): string => {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = INVENTORY.indexOf(find, i + 1);
  assert.ok(i >= 0, find);
  return `${INVENTORY.slice(0, i)}$0${INVENTORY.slice(i)}`;
};

test('vmid: Proxmox\'s number replaces the inventory\'s', () => {
  assert.deepEqual(fixesAt(at('102')), {
    rule: 'proxmox-vmid-drift',
    fixes: [{ title: "Take Proxmox's value (vmid 112)", edits: ['homelab.yaml:24:11 «102» ← 112'] }],
  });
});

test('a container on another node: the inventory host of that node', () => {
  assert.deepEqual(fixesAt(at('pve1', 2)), {
    rule: 'proxmox-node-drift',
    fixes: [{ title: "Take Proxmox's value (host pve2 (node pve2))", edits: ['homelab.yaml:23:11 «pve1» ← pve2'] }],
  });
});

test('hostname, and a quoted address: only the value inside the quotes is replaced', () => {
  assert.deepEqual(fixesAt(at('web', 1)), {
    rule: 'proxmox-hostname-drift',
    fixes: [{ title: "Take Proxmox's value (hostname www)", edits: ['homelab.yaml:20:15 «web» ← www'] }],
  });
  assert.deepEqual(fixesAt(at('"10.1.0.5"')), {
    rule: 'proxmox-address-drift',
    fixes: [{ title: "Take Proxmox's value (ip 10.1.0.15)", edits: ['homelab.yaml:19:10 «10.1.0.5» ← 10.1.0.15'] }],
  });
});

test('tags in the list\'s own style: a flow list stays a flow list, a block list a block list at its indent', () => {
  assert.deepEqual(fixesAt(at('[site')), {
    rule: 'proxmox-tags-drift',
    fixes: [{ title: "Take Proxmox's value (tags [site])", edits: ['homelab.yaml:21:11 «[site, prod]» ← [site]'] }],
  });
  assert.deepEqual(fixesAt(at('- store')), {
    rule: 'proxmox-tags-drift',
    fixes: [{ title: "Take Proxmox's value (tags [backup, store])", edits: ['homelab.yaml:27:7 «- store» ← - backup\n      - store'] }],
  });
});

test('a guest no container declares: a new entry after the last one, its name made a key, a tag YAML would misread quoted', () => {
  assert.deepEqual(fixesAt(at('pve1')), {
    rule: 'proxmox-unmanaged-container',
    fixes: [
      {
        title: 'Add cache-box to the inventory',
        edits: ['homelab.yaml:27:14 «» ← \n  cache-box:\n    host: pve1\n    vmid: 130\n    ip: 10.1.0.30\n    hostname: cache\n    tags: ["on"]'],
      },
    ],
  });
});

test('a guest named like a container the inventory has: the vmid makes the name its own', () => {
  const inv = at('pve1').replace('  db:\n', '  cache-box:\n    host: pve2\n  db:\n');
  const shown = fixesAt(inv);
  assert.equal(shown.fixes[0]?.title, 'Add cache-box-130 to the inventory');
});

test('no containers yet: the section is written', () => {
  const noContainers = at('pve1').slice(0, at('pve1').indexOf('containers:'));
  assert.deepEqual(fixesAt(noContainers, undefined, [GUESTS[0]]), {
    rule: 'proxmox-unmanaged-container',
    fixes: [
      {
        title: 'Add web to the inventory',
        edits: ['homelab.yaml:15:1 «» ← \ncontainers:\n  web:\n    host: pve1\n    vmid: 101\n    ip: 10.1.0.15\n    hostname: www\n    tags: [site]\n'],
      },
    ],
  });
});

test('data the server\'s own drift no longer says (an old diagnostic): no fix', () => {
  assert.deepEqual(fixesAt(at('102'), (d) => ({ ...d, proxmox: 111 })), { rule: 'proxmox-vmid-drift', fixes: [] });
  assert.deepEqual(fixesAt(at('pve1'), (d) => ({ ...d, vmid: 999 })), { rule: 'proxmox-unmanaged-container', fixes: [] });
  const fx = lab(INVENTORY);
  const h = fx.ws.homelabAround(fx.uri);
  assert.ok(h);
  assert.deepEqual(proxmoxFixes(fx.ws, h, 'proxmox-no-such-rule', { container: 'db' }), []);
});
