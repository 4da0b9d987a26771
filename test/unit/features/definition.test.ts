// Go to definition, called on the analysis directly: a setting → the base
// profile's line, an address → the inventory's declaration, a service and a
// host → their inventory keys, a container key → its profile, an import → the file,
// a secret → its binding (and hover names the secret's source, never its value).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { definition } from '../../../server/src/features/definition';
import { fixture, place } from './check';
import { labWith } from './lab';
import { hover } from '../../../server/src/features/hover';
import * as one from './oneMachineLab';

function definitionAt(files: Record<string, string>): string[] {
  const fx = fixture(files);
  return definition(fx.ws, fx.uri, fx.offset).map((l) => place(fx.ws, l.uri, l.span));
}

test("a setting a profile overrides goes to the base profile's binding", () => {
  assert.deepEqual(definitionAt(labWith('profiles/LXC_web-config.nix', 'hostname', 2)), ['profiles/LXC-base-config.nix:3:5 «hostname»']);
});

test("a machine's address in its profile goes to the inventory's declaration", () => {
  assert.deepEqual(definitionAt(labWith('profiles/LXC_web-config.nix', '10.1.0.5', 3)), ['homelab.yaml:13:9 «10.1.0.5»']);
});

test('a service and a host named in a container entry go to their inventory keys', () => {
  assert.deepEqual(definitionAt(labWith('homelab.yaml', 'store', 2)), ['homelab.yaml:22:3 «store»']);
  assert.deepEqual(definitionAt(labWith('homelab.yaml', 'pve1', 1, 2)), ['homelab.yaml:7:3 «pve1»']);
});

test('a container key goes to its profile; an import path to the imported file', () => {
  assert.deepEqual(definitionAt(labWith('homelab.yaml', 'LXC_web', 2)), ['profiles/LXC_web-config.nix:1:1 «»']);
  assert.deepEqual(definitionAt(labWith('profiles/LXC_db-config.nix', 'import ./', 10)), ['profiles/LXC-base-config.nix:1:1 «»']);
});

test('a network key has no further definition', () => {
  assert.deepEqual(definitionAt(labWith('homelab.yaml', 'lan', 1)), []);
});

test('definition of secrets.x lands on its binding when the secrets file is readable; hover says where the value comes from', () => {
  const prof = one.A.replace('  base = import ./LXC-base-config.nix;\n', '  base = import ./LXC-base-config.nix;\n  secrets = import ../secrets/s.nix;\n').replace('    hostname = "a";\n', '    hostname = "a";\n    notificationToEmail = secrets.alertEmail;\n');
  const ws = one.workspace({ 'profiles/LXC_a-config.nix': prof, 'secrets/s.nix': '{\n  alertEmail = "ops@example.com";\n}\n' });
  const uri = `${one.ROOT}/profiles/LXC_a-config.nix`;
  const at = prof.indexOf('alertEmail') + 2;
  const defs = definition(ws, uri, at);
  assert.deepEqual(defs, [{ uri: `${one.ROOT}/secrets/s.nix`, span: { start: 4, end: 14 } }]);
  assert.match(hover(ws, uri, at)?.contents ?? '', /alertEmail\*\* from `secrets\/s\.nix` — readable/);
  const h = hover(ws, uri, prof.indexOf('notificationToEmail') + 2);
  // The value itself never appears (issue 9: nothing read from secrets/ is shown); its source is named.
  assert.match(h?.contents ?? '', /Effective value: `<secret from s\.nix>` — set here/);
  assert.doesNotMatch(h?.contents ?? '', /ops@example\.com/);
});
