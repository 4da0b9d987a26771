// The address index of a generated fleet (bench/generate.ts): each place is
// indexed once, first come, by its file and start offset, whichever source
// met it (a base profile's setting is read through every profile that
// imports it, a profile's own address by two readings), and no place is
// lost: every container's own address is declared in its own file, owned by
// its container, and the inventory's and the base's places are each there
// exactly once.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateHomelab, type GeneratedHomelab } from '../../../bench/generate';
import { nodeFsHost } from '../../../server/src/model/host';
import { Workspace } from '../../../server/src/model/workspace';
import type { Homelab } from '../../../server/src/model/homelab';

const dir = path.join(__dirname, '..', '..', '.tmp', 'address-index-fleet');
let fleet: GeneratedHomelab;
let h: Homelab;

before(() => {
  fleet = generateHomelab(120, dir);
  const ws = new Workspace(nodeFsHost());
  ws.addFolder(pathToFileURL(fleet.dir).href);
  const built = ws.homelabs()[0];
  assert.ok(built);
  h = built;
});

test('each place is indexed once by file and offset, and byKey holds exactly the places', () => {
  const ids = h.addresses.places.map((p) => `${p.origin.uri}#${p.origin.span.start}`);
  assert.equal(new Set(ids).size, ids.length);
  let inByKey = 0;
  for (const [key, list] of h.addresses.byKey) {
    inByKey += list.length;
    for (const p of list) assert.equal(p.key, key);
  }
  assert.equal(inByKey, h.addresses.places.length);
});

test("a base profile's address is one place however many profiles read it; each container's own address is declared once, in its file, by it", () => {
  const baseUri = pathToFileURL(fleet.basePath).href;
  const fromBase = h.addresses.places.filter((p) => p.origin.uri === baseUri);
  assert.ok(fromBase.length > 0);
  for (const p of fromBase) assert.equal(fromBase.filter((q) => q.origin.span.start === p.origin.span.start).length, 1);
  assert.ok(fromBase.some((p) => p.field === 'notificationSmtpHost'));
  for (const c of fleet.containers) {
    const own = h.addresses.places.filter((p) => p.role === 'declares' && p.origin.uri.endsWith(`/profiles/${c.name}-config.nix`));
    assert.equal(own.length, 1, c.name);
    assert.equal(own[0].field, 'systemSettings.ipAddress');
    assert.deepEqual(own[0].owner, { kind: 'container', name: c.name });
    const declared = h.addresses.places.filter((p) => p.role === 'declares' && p.owner?.name === c.name && p.field === 'ip');
    assert.equal(declared.length, 1, `${c.name}: its inventory ip`);
  }
});
