// Discovery source: clan-core. A flake that uses clan (`clan-core.lib.clan {
// … }` / `clan-core.lib.buildClan { … }`, or flake-parts with a `clan = { … }`
// module option, or simply a `clan-core` input) gets one NixOS machine per
// folder `<directory>/machines/<name>/` holding a `configuration.nix` (clan
// also reads `hardware-configuration.nix` and `disko.nix` there), per
// `machines.<name>` of its clan set, and per `inventory.machines.<name>` (in
// Nix or in the UI-managed `inventory.json`). A `machineClass = "darwin"`
// machine is a Mac, not a fleet machine. `deploy.targetHost` ("root@host")
// is the deploy target; clan sets each host name to the machine's name.
import { EXTERNAL_OPTIONS } from '../../syntax/nix/eval/flakeParts';
import { asAttrs as attrs, asString, valueAt as at, type AttrsValue as Attrs, type Origin, type Value } from '../../syntax/value';
import type { Str } from '../inventory';
import { fileOrigin, foldersWith, hostNameModule, pathModule } from './folderConvention';
import type { MachineFinding } from './machine';


/** The clan set of a flake's value: flake-parts' `clan = { … }` or the argument of a `clan` / `buildClan` call met in the outputs. */
export function clanSet(flake: Value | undefined): Attrs | undefined {
  if (flake?.kind === 'unknown' && flake.call?.fn === 'mkFlake') {
    const own = attrs(at(flake.call.args[1], 'clan'));
    if (own) return own;
  }
  // flake-parts evaluated: clan-core's flake module is from an input, its `clan` option kept beside the outputs.
  const kept = attrs(at(flake, EXTERNAL_OPTIONS, 'clan'));
  if (kept) return kept;
  // The clan set written as the flake's own `clan` output (`flake.clan = { inventory = …; specialArgs = …; }`).
  const output = attrs(at(flake, 'clan'));
  if (output && ['inventory', 'machines', 'meta'].some((k) => output.entries.has(k))) return output;
  let found: Attrs | undefined;
  const walk = (v: Value | undefined, depth: number): void => {
    if (!v || found || depth > 6) return;
    // `clan.config.nixosConfigurations` with `clan = clan-core.lib.clan { … }` bound in a `let`.
    if (v.kind === 'unknown' && v.selectedFrom) walk({ kind: 'unknown', reason: v.reason, origin: v.origin, call: v.selectedFrom.call }, depth + 1);
    if (found) return;
    if (v.kind === 'unknown' && v.call) {
      if ((v.call.fn === 'clan' || v.call.fn === 'buildClan') && attrs(v.call.args[0])) found = attrs(v.call.args[0]);
      else for (const a of v.call.args) walk(a, depth + 1);
    } else if (v.kind === 'attrs') for (const e of v.entries.values()) walk(e.value, depth + 1);
  };
  walk(flake, 0);
  return found;
}

/** Whether flake.nix declares a clan-core input (clan's own option may sit in an imported module). */
export function hasClanInput(flakeText: string | undefined): boolean {
  return flakeText !== undefined && /^\s*(?:inputs\.)?clan-core(?:\.url)?\s*=/m.test(flakeText);
}

/** `root@host` → user and host, each at the string's place. */
export function splitTarget(s: Str): { host: Str; user?: Str } {
  const i = s.value.lastIndexOf('@');
  if (i < 0) return { host: s };
  return { user: { value: s.value.slice(0, i), origin: s.origin }, host: { value: s.value.slice(i + 1), origin: s.origin } };
}

interface InventoryEntry {
  target?: Str;
  darwin: boolean;
  origin: Origin;
}

/** `machines.<name>` of clan's `inventory.json`, each placed at its key. */
function jsonInventory(uri: string, text: string | undefined): Map<string, InventoryEntry> {
  const out = new Map<string, InventoryEntry>();
  if (text === undefined || text.length > 2_000_000) return out;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return out;
  }
  const machines = (data as { machines?: Record<string, { deploy?: { targetHost?: unknown }; machineClass?: unknown }> })?.machines;
  if (!machines || typeof machines !== 'object') return out;
  for (const [name, m] of Object.entries(machines)) {
    const key = text.indexOf(`"${name}"`, text.indexOf('"machines"'));
    const origin: Origin = { uri, span: key >= 0 ? { start: key, end: key + name.length + 2 } : { start: 0, end: 0 } };
    const t = m?.deploy?.targetHost;
    let target: Str | undefined;
    if (typeof t === 'string' && t) {
      const i = text.indexOf(JSON.stringify(t), Math.max(0, key));
      target = { value: t, origin: i >= 0 ? { uri, span: { start: i, end: i + JSON.stringify(t).length } } : origin };
    }
    out.set(name, { target, darwin: m?.machineClass === 'darwin', origin });
  }
  return out;
}

function nixInventory(clan: Attrs | undefined): Map<string, InventoryEntry> {
  const out = new Map<string, InventoryEntry>();
  for (const [name, e] of attrs(at(clan, 'inventory', 'machines'))?.entries ?? []) {
    const t = at(e.value, 'deploy', 'targetHost');
    const cls = at(e.value, 'machineClass');
    out.set(name, { target: asString(t), darwin: cls?.kind === 'string' && cls.value === 'darwin', origin: e.keyOrigin });
  }
  return out;
}

export function clanFindings(flake: Value | undefined, flakeText: string | undefined, root: string, listing: string[], readText: (uri: string) => string | undefined): MachineFinding[] {
  const clan = clanSet(flake);
  if (!clan && !hasClanInput(flakeText)) return [];
  const dirValue = at(clan, 'directory');
  const dir = (dirValue?.kind === 'path' || dirValue?.kind === 'string') && dirValue.value.startsWith('file:') ? dirValue.value.replace(/\/$/, '') : root.replace(/\/$/, '');
  const jsonUri = `${dir}/inventory.json`;
  const inventory = new Map([...jsonInventory(jsonUri, listing.includes(jsonUri) ? readText(jsonUri) : undefined), ...nixInventory(clan)]);
  const folders = foldersWith(listing, `${dir}/machines`, ['configuration.nix']);
  const inline = attrs(at(clan, 'machines'));
  const names = new Set([...folders.keys(), ...(inline?.entries.keys() ?? []), ...inventory.keys()]);
  const listed = new Set(listing);
  // clan gives its `specialArgs` to every machine's modules (`specialArgs = { inherit self; }`, as nixosSystem does).
  const specialArgs = attrs(at(clan, 'specialArgs'));
  const out: MachineFinding[] = [];
  for (const name of [...names].sort()) {
    const inv = inventory.get(name);
    if (inv?.darwin) continue;
    const file = folders.get(name);
    const own = inline?.entries.get(name);
    const origin = file ? fileOrigin(file) : (own?.keyOrigin ?? inv?.origin ?? fileOrigin(root));
    const modules: Value[] = [];
    if (file) {
      modules.push(pathModule(file, origin));
      for (const extra of ['hardware-configuration.nix', 'disko.nix']) {
        const u = file.replace(/configuration\.nix$/, extra);
        if (listed.has(u)) modules.push(pathModule(u, fileOrigin(u)));
      }
    }
    if (own) modules.push(own.value);
    modules.push(hostNameModule(name, origin.uri));
    const target = inv?.target ? splitTarget(inv.target) : undefined;
    out.push({
      name,
      source: { kind: 'clan', origin },
      modules,
      ...(specialArgs ? { specialArgs } : {}),
      ...(target ? { deploy: { method: 'nixos-rebuild', host: target.host, user: target.user, origin: inv?.origin ?? origin } } : {}),
    });
  }
  return out;
}
