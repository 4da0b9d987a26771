// The example homelab is real Nix and stays clean: every file parses with the
// real nix-instantiate, the profiles evaluate once secrets are unlocked, and
// inventory and profiles agree on everything the rules compare (addresses,
// host names, update calendars, open ports, scrape coverage, staggering,
// settings being declared and read). The checks have their own tests; these
// pin the data, so examples/broken can be derived from a known-clean base.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import { exampleDir, nixEvalJson, nixInstantiate, readJson, unlockedExampleCopy } from './helpers';

type Settings = Record<string, unknown>;
interface ProfileJson {
  systemSettings: Settings;
  userSettings: Settings;
}

function nixFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? nixFiles(full) : name.endsWith('.nix') ? [full] : [];
  });
}

const inventory = YAML.parse(readFileSync(path.join(exampleDir, 'homelab.yaml'), 'utf8'));
const rel = (f: string): string => path.relative(exampleDir, f);

test('every .nix file parses with nix-instantiate --parse; the secrets file is git-crypt encrypted', () => {
  const files = nixFiles(exampleDir);
  assert.ok(files.length >= 15, `only ${files.length} files`);
  for (const f of files) {
    const bytes = readFileSync(f);
    if (rel(f) === path.join('secrets', 'domains.nix')) {
      assert.deepEqual([...bytes.subarray(0, 10)], [...Buffer.from('\0GITCRYPT\0', 'latin1')]);
      assert.ok(bytes.length > 64);
      continue;
    }
    const r = nixInstantiate(['--parse', f]);
    assert.equal(r.status, 0, `${rel(f)}: ${r.stderr}`);
  }
  const attrs = readFileSync(path.join(exampleDir, '.gitattributes'), 'utf8');
  assert.match(attrs, /^secrets\/domains\.nix binary$/m);
});

// Evaluated once: the unlocked copy of every profile, and the defaults.
const copy = unlockedExampleCopy();
const profiles = new Map<string, ProfileJson>();
try {
  for (const name of readdirSync(path.join(copy.dir, 'profiles'))) {
    profiles.set(name.replace(/-config\.nix$/, ''), nixEvalJson([path.join(copy.dir, 'profiles', name)]) as ProfileJson);
  }
} finally {
  copy.dispose();
}
const defaults = nixEvalJson(['-E', `import ${path.join(exampleDir, 'lib', 'defaults.nix')} { pkgs = { linuxPackages = null; }; }`]) as ProfileJson;
const containers = Object.entries(inventory.containers as Record<string, Record<string, unknown>>);

test('every container has a profile and inventory and profile agree on ip, hostname and update', () => {
  assert.equal(containers.length, 7);
  for (const [name, c] of containers) {
    assert.equal(c.profile, `profiles/${name}-config.nix`);
    const p = profiles.get(name);
    assert.ok(p, `no profile for ${name}`);
    assert.equal(p.systemSettings.ipAddress, c.ip, name);
    assert.equal(p.systemSettings.hostname, c.hostname, name);
    assert.equal(p.systemSettings.autoSystemUpdateOnCalendar, c.update, name);
    assert.equal(p.systemSettings.notificationToEmail, 'alerts@example.com', `${name} mails the secret address`);
  }
});

test('updates are staggered: no two containers of a host at the same minute', () => {
  const seen = new Map<string, string>();
  for (const [name, c] of containers) {
    const key = `${c.host} ${c.update}`;
    assert.ok(!seen.has(key), `${name} and ${seen.get(key)} both update at ${c.update}`);
    seen.set(key, name);
  }
});

test('addresses and vmids are unique', () => {
  const ips = [
    ...Object.values(inventory.hosts as Record<string, { ip?: string }>).map((h) => h.ip).filter(Boolean),
    ...containers.map(([, c]) => c.ip),
  ];
  assert.equal(new Set(ips).size, ips.length);
  const vmids = containers.map(([, c]) => c.vmid);
  assert.equal(new Set(vmids).size, vmids.length);
});

test('every explicit service port is open in its container and no container repeats a port', () => {
  const services = inventory.services as Record<string, { port?: number; protocol?: string }>;
  for (const [name, c] of containers) {
    const open = profiles.get(name)!.systemSettings.allowedTCPPorts as number[];
    const used = new Map<number, string>();
    for (const s of c.services as string[]) {
      const port = services[s]?.port;
      if (port === undefined) continue;
      assert.ok(open.includes(port), `${name}: ${s} port ${port} not in allowedTCPPorts`);
      assert.ok(!used.has(port), `${name}: ${s} and ${used.get(port)} both claim ${port}`);
      used.set(port, s);
    }
  }
});

test('the monitoring profile scrapes every exporting container at its address, and only known machines', () => {
  const targets = profiles.get('LXC_monitoring')!.systemSettings.prometheusRemoteTargets as Array<{ host: string; nodePort: number }>;
  const scraped = new Set(targets.map((t) => t.host));
  const known = new Set([
    ...containers.map(([, c]) => c.ip as string),
    ...Object.values(inventory.hosts as Record<string, { ip?: string }>).flatMap((h) => (h.ip ? [h.ip] : [])),
  ]);
  for (const [name, c] of containers) {
    if (profiles.get(name)!.systemSettings.prometheusExporterEnable === true) assert.ok(scraped.has(c.ip as string), `${name} not scraped`);
  }
  const s = profiles.get('LXC_monitoring')!.systemSettings;
  const probed = [...targets.map((t) => t.host), ...(s.prometheusBlackboxIcmpTargets as string[]), ...(s.prometheusSnmpTargets as string[]), s.prometheusPveHost as string];
  for (const a of probed) assert.ok(known.has(a), `${a} is no known machine`);
  const urls = new Set(Object.values(inventory.services as Record<string, { url?: string }>).map((x) => x.url));
  for (const u of s.prometheusBlackboxHttpTargets as string[]) assert.ok(urls.has(u), `${u} is no inventory url`);
});

test('every setting a profile sets is declared or read with a default, read by a module or core, and of the declared type', () => {
  const modules = nixFiles(exampleDir).filter((f) => !f.includes(`${path.sep}profiles${path.sep}`) && !f.includes(`${path.sep}lib${path.sep}`) && !f.includes(`${path.sep}secrets${path.sep}`));
  const text = modules.map((f) => readFileSync(f, 'utf8')).join('\n');
  const reads = new Set([...text.matchAll(/\b(systemSettings|userSettings)\.([A-Za-z_][\w'-]*)/g)].map((m) => `${m[1]}.${m[2]}`));
  const orReads = new Set([...text.matchAll(/\b(systemSettings|userSettings)\.([A-Za-z_][\w'-]*)\s+or\b/g)].map((m) => `${m[1]}.${m[2]}`));
  const shipped = (readJson('schemas/profile-settings.schema.json') as { catalog: Record<string, Record<string, { deprecated?: unknown }>> }).catalog;
  const core = new Set(['profile', 'installCommand']); // read by the flake / deploy, not by a module
  const defaultsText = readFileSync(path.join(exampleDir, 'lib', 'defaults.nix'), 'utf8');
  const options = new Map([...defaultsText.matchAll(/# Options: (.*)\n\s*(\w+) =/g)].map((m) => [m[2], JSON.parse(`[${m[1]}]`) as string[]]));
  for (const [name, p] of profiles) {
    for (const block of ['systemSettings', 'userSettings'] as const) {
      for (const [key, value] of Object.entries(p[block])) {
        const id = `${block}.${key}`;
        const declared = key in defaults[block];
        assert.ok(declared || orReads.has(id), `${name}: ${id} is neither declared nor read with an or-default`);
        assert.ok(reads.has(id) || core.has(key), `${name}: ${id} is read by no module`);
        assert.ok(!shipped[block][key]?.deprecated, `${name}: ${id} is deprecated`);
        if (declared && defaults[block][key] !== null) {
          const kind = (v: unknown): string => (Array.isArray(v) ? 'list' : typeof v);
          assert.equal(kind(value), kind(defaults[block][key]), `${name}: ${id} type`);
        }
        const allowed = options.get(key);
        if (allowed) assert.ok(allowed.includes(value as string), `${name}: ${id} = ${String(value)} not in ${allowed.join(', ')}`);
      }
    }
  }
  assert.ok(options.size >= 5, 'defaults.nix documents enums as # Options: "a", "b"');
});

test('defaults.nix documents every setting with a comment above it', () => {
  const lines = readFileSync(path.join(exampleDir, 'lib', 'defaults.nix'), 'utf8').split('\n');
  let count = 0;
  for (let i = 0; i < lines.length; i++) {
    const m = /^ {4}(\w+) = /.exec(lines[i]);
    if (!m) continue;
    count++;
    assert.match(lines[i - 1], /^\s*# \S/, `${m[1]} (line ${i + 1}) has no comment above it`);
  }
  assert.equal(count, Object.keys(defaults.systemSettings).length + Object.keys(defaults.userSettings).length);
  assert.ok(count >= 60 && count <= 100, `${count} settings`);
  for (const [key, v] of Object.entries({ ...defaults.systemSettings, ...defaults.userSettings })) {
    if (key.endsWith('Enable') && key !== 'firewallEnable') assert.equal(v, false, `${key} is off by default`);
  }
});
