// The built-in services catalog: unique names and aliases, sane ports, the
// lookup's normalisation, and coverage of what the example homelab leaves
// undeclared.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import { findKnownService, knownServices } from '../../../server/src/model/knownServices';
import { exampleDir } from './helpers';

test('names are unique, canonical, and no alias shadows another name', () => {
  const names = knownServices.map((s) => s.name);
  assert.equal(new Set(names).size, names.length);
  for (const n of names) assert.match(n, /^[a-z0-9][a-z0-9.-]*$/, n);
  const aliases = knownServices.flatMap((s) => s.aliases ?? []);
  assert.equal(new Set(aliases).size, aliases.length, 'an alias is listed twice');
  for (const a of aliases) assert.ok(!names.includes(a), `alias ${a} is also a name`);
  assert.ok(knownServices.length >= 60);
});

test('ports are whole numbers in 1..65535, descriptions are one line, urls are https', () => {
  for (const s of knownServices) {
    if (s.port !== undefined) assert.ok(Number.isInteger(s.port) && s.port >= 1 && s.port <= 65535, `${s.name}: ${s.port}`);
    if (s.protocol !== undefined) assert.ok(s.port !== undefined, `${s.name}: protocol without port`);
    assert.ok(s.description.length > 5 && !s.description.includes('\n'), s.name);
    if (s.url !== undefined) assert.match(s.url, /^https:\/\/\S+$/, s.name);
  }
});

test('the usual ports of the services the product names', () => {
  const expected: Record<string, [number | undefined, 'tcp' | 'udp']> = {
    grafana: [3000, 'tcp'],
    prometheus: [9090, 'tcp'],
    'node-exporter': [9100, 'tcp'],
    syncthing: [8384, 'tcp'],
    sonarr: [8989, 'tcp'],
    radarr: [7878, 'tcp'],
    prowlarr: [9696, 'tcp'],
    bazarr: [6767, 'tcp'],
    jellyseerr: [5055, 'tcp'],
    qbittorrent: [8080, 'tcp'],
    'uptime-kuma': [3001, 'tcp'],
    postfix: [25, 'tcp'],
    unifi: [8443, 'tcp'],
    'calibre-web': [8083, 'tcp'],
    'home-assistant': [8123, 'tcp'],
    jellyfin: [8096, 'tcp'],
    wireguard: [51820, 'udp'],
    ssh: [22, 'tcp'],
    cloudflared: [undefined, 'tcp'],
  };
  for (const [name, [port, protocol]] of Object.entries(expected)) {
    const s = findKnownService(name);
    assert.ok(s, name);
    assert.equal(s.port, port, name);
    assert.equal(s.protocol ?? 'tcp', protocol, name);
  }
  for (const name of ['nextcloud', 'plane', 'nginx-proxy-manager', 'freshrss', 'pi-hole', 'vaultwarden', 'gitea', 'immich', 'paperless-ngx', 'cadvisor']) {
    assert.ok(findKnownService(name), name);
  }
});

test('lookup ignores case and _/-, and knows aliases', () => {
  assert.equal(findKnownService('Uptime_Kuma')?.name, 'uptime-kuma');
  assert.equal(findKnownService('  Grafana ')?.name, 'grafana');
  assert.equal(findKnownService('npm')?.name, 'nginx-proxy-manager');
  assert.equal(findKnownService('node_exporter')?.name, 'node-exporter');
  assert.equal(findKnownService('pihole')?.name, 'pi-hole');
  assert.equal(findKnownService('not-a-service'), undefined);
  assert.equal(findKnownService(''), undefined);
});

test('every service the example inventory uses without declaring is known', () => {
  const inv = YAML.parse(readFileSync(path.join(exampleDir, 'homelab.yaml'), 'utf8'));
  const declared = new Set(Object.keys(inv.services));
  const used = Object.values(inv.containers as Record<string, { services: string[] }>).flatMap((c) => c.services);
  const undeclared = used.filter((s) => !declared.has(s));
  assert.deepEqual(undeclared.sort(), ['bazarr', 'cloudflared', 'prowlarr']);
  for (const s of undeclared) assert.ok(findKnownService(s), s);
});
