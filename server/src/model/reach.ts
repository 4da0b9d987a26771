// Which Nix files of a homelab some machine uses: the machines' own files
// (profiles, base profiles, module files, Home Manager files), the flake,
// hive and defaults, and everything they name by a literal path, followed
// file to file (a named folder without default.nix counts whole: helpers read
// folders). A file outside this set is dead (kept, used by nothing), and
// references in it that do not resolve are worth a warning, not an error.
// A computed path with a literal start (`self + "/profiles/" + name`,
// `./. + "/hosts"`) reaches the whole folder it starts in; an interpolated
// path (`./hosts/${name}`) reaches what the machines' evaluation resolved it
// to (their module files), not its folder. Undefined (nothing
// judged dead) when the homelab has no machine, or no flake.nix or hive.nix
// and no other file the machines were found in (a morph network file): then
// the file that builds the machines is not here (the profile convention's
// modules are wired by a flake elsewhere), and what uses a module is unknown.
import type { Homelab } from './homelab';
import { maskNix } from './nixText';
import { dirnameUri, joinUri } from './uri';

// `./x`, `../x`, `./`, and `.` / `..` alone (a folder), but not `...` (a function's rest).
const PATH = /(?<![\w.'/-])(\.{1,2}\/[\w./+-]*|\.{1,2})(?![\w/.])/g;

/** `self + "/x"`, `./. + "/x"`, `./dir + "/x"`: a path built from a literal start. */
const COMPUTED = /(?<![\w.'/-])(self|\.\/\.|\.{1,2}\/[\w./+-]*)\s*\+\s*"([^"$\\]*)/g;

const cache = new WeakMap<Homelab, Set<string> | undefined>();

export function reachedFiles(h: Homelab, text: (uri: string) => string | undefined): Set<string> | undefined {
  if (cache.has(h)) return cache.get(h);
  const value = compute(h, text);
  cache.set(h, value);
  return value;
}

function compute(h: Homelab, text: (uri: string) => string | undefined): Set<string> | undefined {
  if (h.machines.size === 0 && h.nixosMachines.size === 0) return undefined;
  const nix = new Set(h.nixFiles);
  // The files that build the machines: the flake or hive, else the file each machine was found in (a morph network file).
  const builders = [...h.nixosMachines.values()].map((m) => m.sources.map((src) => src.origin.uri).filter((u) => nix.has(u)));
  const everyBuilderHere = builders.length > 0 && builders.every((b) => b.length > 0);
  if (!nix.has(joinUri(h.root, 'flake.nix')) && !nix.has(joinUri(h.root, 'hive.nix')) && !everyBuilderHere) return undefined;
  const roots: string[] = builders.flat();
  for (const c of h.machines.values()) {
    if (c.configUri) roots.push(c.configUri);
    roots.push(...(c.profile?.deps ?? []), ...(c.nixos?.moduleFiles ?? []), ...(c.nixos?.homeFiles ?? []));
  }
  for (const m of h.nixosMachines.values()) roots.push(...m.moduleFiles, ...m.homeFiles);
  for (const home of h.homeConfigurations) roots.push(...home.moduleFiles);
  for (const b of h.baseProfiles ?? []) roots.push(b.uri);
  for (const name of ['flake.nix', 'hive.nix', 'default.nix', 'shell.nix']) roots.push(joinUri(h.root, name));
  if (h.defaultsUri) roots.push(h.defaultsUri);

  const reached = new Set<string>();
  const queue = roots.filter((u) => nix.has(u));
  const byDir = new Map<string, string[]>();
  for (const u of h.nixFiles) {
    for (let d = dirnameUri(u); d.length > h.root.length; d = dirnameUri(d)) {
      let list = byDir.get(d);
      if (!list) byDir.set(d, (list = []));
      list.push(u);
    }
  }
  while (queue.length) {
    const u = queue.pop() as string;
    if (reached.has(u)) continue;
    reached.add(u);
    const t = text(u);
    if (t === undefined || t.includes('\0')) continue;
    const reach = (target: string): void => {
      if (nix.has(target)) queue.push(target);
      else if (nix.has(`${target}/default.nix`)) queue.push(`${target}/default.nix`);
      else for (const f of byDir.get(target) ?? []) queue.push(f);
    };
    const masked = maskNix(t, true);
    for (const m of masked.matchAll(PATH)) {
      // `./hosts/${name}` names one machine's folder, which the evaluated machines' module files already hold;
      // reaching all of `hosts/` would make a template beside them (an installer's configuration.nix) live.
      if (masked.startsWith('${', (m.index ?? 0) + m[0].length)) continue;
      reach(joinUri(dirnameUri(u), m[1]).replace(/\/$/, ''));
    }
    for (const m of maskNix(t).matchAll(COMPUTED)) {
      const base = m[1] === 'self' ? h.root : joinUri(dirnameUri(u), m[1]);
      const target = joinUri(base, m[2].replace(/^\//, '')).replace(/\/$/, '');
      // A partial name (`"/profiles/web-"`) starts in the folder above it.
      reach(nix.has(target) || byDir.has(target) ? target : dirnameUri(target));
    }
  }
  return reached;
}
