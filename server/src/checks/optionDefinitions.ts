// The option definitions of the machines' own module files (not the flake or
// hive that declares them) and of their Home Manager modules, each with the
// option trees it is judged against (model/options/scopes.ts): its machines'
// nixpkgs for a NixOS module, Home Manager for a Home Manager module or a
// definition under `home-manager.users.<u>.…`. A rule reports a definition
// only when every tree agrees (`agreed`), so a file shared by machines on
// different nixpkgs gets no warning that is false for one of them.
import type { Homelab } from '../model/homelab';
import { fileKinds, homeManagerPath, type JudgedAgainst, type OptionKind } from '../model/options/scopes';
import type { OptionLookup } from '../model/options/union';
import { moduleDefinitions, type OptionDefinition } from '../model/options/moduleDefinitions';
import type { Workspace } from '../model/workspace';
import { parseNixShared } from '../syntax/nix/parseCache';
import { detectUnparseable } from '../syntax/nix/detect';
import type { Span } from '../syntax/value';

export interface ScopedDefinition {
  def: OptionDefinition;
  /** The option path in the trees it is judged against (an inline Home Manager module's prefix dropped). */
  path: string[];
  /** The span of each segment of `path`. */
  keySpans: Span[];
  /** One view per tree it is judged against. */
  views: OptionLookup[];
}

/** The files whose definitions the option rules judge: machines' modules and Home Manager modules under the folder. */
function judgedFiles(h: Homelab): string[] {
  const files = new Set<string>();
  for (const m of h.nixosMachines.values()) {
    const sources = new Set(m.sources.map((s) => s.origin.uri));
    for (const u of [...m.moduleFiles, ...m.homeFiles]) if (!sources.has(u) && u.startsWith(h.root)) files.add(u);
  }
  for (const hc of h.homeConfigurations) for (const u of hc.moduleFiles) if (u !== hc.origin.uri && u.startsWith(h.root)) files.add(u);
  return [...files].sort();
}

export function machineModuleDefinitions(ws: Workspace, h: Homelab): { uri: string; defs: ScopedDefinition[] }[] {
  const scopes = ws.optionIndex;
  if (!scopes) return [];
  const out: { uri: string; defs: ScopedDefinition[] }[] = [];
  for (const uri of judgedFiles(h)) {
    const text = ws.text(uri);
    if (text === undefined || ws.tooLarge(uri) || detectUnparseable(text)) continue;
    const parsed = parseNixShared(text);
    if (parsed.errors.length) continue; // nix-syntax speaks for it
    const judged = new Map<OptionKind, JudgedAgainst>();
    const against = (kind: OptionKind): JudgedAgainst => {
      let j = judged.get(kind);
      if (!j) judged.set(kind, (j = scopes.judgedAgainst(h, uri, kind)));
      return j;
    };
    const own = fileKinds(h, uri);
    const defs: ScopedDefinition[] = [];
    for (const def of moduleDefinitions(parsed.root)) {
      const inHome = homeManagerPath(def.path);
      const kinds: OptionKind[] = inHome ? ['home-manager'] : own;
      const js = kinds.map(against);
      // A tree still loading: judged once it is there, never against the others alone.
      if (js.some((j) => j.pending)) continue;
      const views = js.flatMap((j) => j.views);
      if (views.length === 0) continue;
      const cut = def.path.length - (inHome ?? def.path).length;
      defs.push({ def, path: def.path.slice(cut), keySpans: def.keySpans.slice(cut), views });
    }
    out.push({ uri, defs });
  }
  return out;
}

/** What `judge` finds against every view, in the first view's words; undefined when one view finds nothing. */
export function agreed<T>(views: readonly OptionLookup[], judge: (v: OptionLookup) => T | undefined): T | undefined {
  let first: T | undefined;
  for (const v of views) {
    const r = judge(v);
    if (r === undefined) return undefined;
    first ??= r;
  }
  return first;
}
