// Discovery source: a repository's own helper given a set of profiles,
// `helper { …; profiles = { web = ./profiles/web-config.nix; }; }`, that builds
// the configurations from them. The helper decides at evaluation time what to
// build, so the flake's outputs cannot be read statically; the set can: its
// attribute names are the machines, whichever function receives them. A
// profile that says it is for macOS (`osType = "darwin"`, a `*-darwin`
// system) where the helper has a darwin builder is a macOS machine.
//
// Profiles the set does not list are not machines: those imported by
// profiles are base profiles (shown under their machines, never deployed).
import { asString, type Origin, type Value } from '../../syntax/value';
import type { Machine } from '../homelab';
import { maskNix } from '../nixText';
import type { Profile } from '../profiles';
import { dirnameUri, joinUri } from '../uri';

export type MachineOs = 'nixos' | 'darwin';

export interface ProfileSetEntry {
  name: string;
  /** The profile file the attribute names. */
  uri: string;
  /** The attribute's name in the set. */
  origin: Origin;
}

export interface ProfileSet {
  /** Where the `profiles` attribute is written. */
  origin: Origin;
  entries: ProfileSetEntry[];
}

/** A profile imported by machines' profiles and listed as a machine nowhere. */
export interface BaseProfile {
  name: string;
  uri: string;
  /** The machines whose profile imports it (directly or through another base). */
  usedBy: string[];
}

const NAME = String.raw`(?:[A-Za-z_][\w'-]*|"[^"\\$]*")`;
const PATH = String.raw`\.{1,2}/[\w./+-]+`;

/**
 * Every `profiles = { NAME = ./file; … }` set in a flake's text whose entries
 * are all paths: the set handed to a helper. Comments are skipped; a set with
 * anything else in it (a computed value) is not read as one.
 */
export function profileSetsIn(uri: string, text: string): ProfileSet[] {
  const comments = maskNix(text);
  const both = maskNix(text, true);
  const out: ProfileSet[] = [];
  for (const m of both.matchAll(/(?<![\w'.-])profiles\s*=\s*\{/g)) {
    const open = (m.index ?? 0) + m[0].length - 1;
    let depth = 0;
    let close = -1;
    for (let i = open; i < both.length; i++) {
      if (both[i] === '{') depth++;
      else if (both[i] === '}' && --depth === 0) {
        close = i;
        break;
      }
    }
    if (close < 0) continue;
    const body = comments.slice(open + 1, close);
    const entries: ProfileSetEntry[] = [];
    const entry = new RegExp(String.raw`(${NAME})\s*=\s*(${PATH})\s*;`, 'g');
    const rest = body.replace(entry, (all, name: string, path: string, at: number) => {
      const start = open + 1 + at;
      const unquoted = name.startsWith('"') ? name.slice(1, -1) : name;
      entries.push({ name: unquoted, uri: joinUri(dirnameUri(uri), path), origin: { uri, span: { start, end: start + name.length } } });
      return ' '.repeat(all.length);
    });
    if (entries.length && rest.trim() === '') out.push({ origin: { uri, span: { start: m.index ?? 0, end: (m.index ?? 0) + 'profiles'.length } }, entries });
  }
  return out;
}

/** Whether a profile's settings say it is for macOS. */
export function profileIsDarwin(p: Profile | undefined): boolean {
  const s = p?.system;
  const get = (k: string): string | undefined => asString(s?.entries.get(k)?.value)?.value;
  return get('osType') === 'darwin' || /-darwin$/.test(get('system') ?? '') || /-darwin$/.test(get('hostPlatform') ?? '');
}

/** Whether the helper's files (what the flake read while evaluating) build darwin configurations. */
export function buildsDarwin(texts: Iterable<string | undefined>): boolean {
  for (const t of texts) if (t && /\b(darwinSystem|darwinConfigurations)\b/.test(maskNix(t))) return true;
  return false;
}

/**
 * The containers once the set is known: each entry is the machine of its
 * name, with its profile; profiles found by the glob that the set does not
 * list are not machines (the inventory's containers stay as declared).
 * Returns the base profiles: profile-shaped files the machines' profiles
 * import, and the glob's profiles the set leaves out.
 */
export function joinProfileSet(
  machines: Map<string, Machine>,
  set: ProfileSet,
  profileAt: (uri: string) => Profile | undefined,
  /** Evaluates a file without making it one of the homelab's profiles (a base is checked as an import). */
  evaluate: (uri: string) => Profile | undefined,
  darwinBuilder: boolean,
  /** The profiles the `homelab.profiles` glob found: those the set leaves out are bases too. */
  globProfiles: Iterable<Profile> = [],
): BaseProfile[] {
  const inSet = new Set(set.entries.map((e) => e.uri));
  const names = new Set(set.entries.map((e) => e.name));
  const leftOut = new Map<string, Profile>();
  for (const [name, c] of machines) {
    if (c.decl || c.nixos || names.has(name)) continue;
    if (c.configUri && !inSet.has(c.configUri)) {
      if (c.profile) leftOut.set(c.configUri, c.profile);
      machines.delete(name);
    }
  }
  for (const e of set.entries) {
    const profile = profileAt(e.uri);
    const c = machines.get(e.name);
    const ip = profile?.system?.entries.get('ipAddress')?.value;
    const ownIp = ip?.kind === 'string' && ip.value ? { value: ip.value, origin: ip.origin } : undefined;
    machines.set(e.name, {
      ...(c ?? { name: e.name }),
      name: e.name,
      configUri: c?.decl?.profile ? c.configUri : e.uri,
      configExists: c?.decl?.profile ? c.configExists : profile !== undefined,
      profile: c?.decl?.profile ? c.profile : profile,
      ip: c?.ip ?? ownIp,
      profileSetOrigin: e.origin,
      os: darwinBuilder && profileIsDarwin(profile) ? 'darwin' : 'nixos',
    });
  }
  const usedBy = new Map<string, Set<string>>();
  for (const e of set.entries) {
    for (const dep of machines.get(e.name)?.profile?.deps ?? []) {
      if (dep === e.uri) continue;
      let users = usedBy.get(dep);
      if (!users) usedBy.set(dep, (users = new Set()));
      users.add(e.name);
    }
  }
  const bases: BaseProfile[] = [];
  const seen = new Set<string>();
  const add = (uri: string, p: Profile): void => {
    if (seen.has(uri) || inSet.has(uri)) return;
    seen.add(uri);
    bases.push({ name: p.name, uri, usedBy: [...(usedBy.get(uri) ?? [])].sort() });
  };
  for (const uri of usedBy.keys()) {
    const p = evaluate(uri);
    if (p && (p.system || p.user)) add(uri, p);
  }
  for (const [uri, p] of leftOut) add(uri, p);
  for (const p of globProfiles) add(p.uri, p);
  bases.sort((a, b) => a.name.localeCompare(b.name));
  return bases;
}
