// Which options a file is judged against. A NixOS module gets the options of
// the nixpkgs its machines are built from (each machine's pin, resolved by
// the option index service; the default tree — the `nixpkgs` input or
// NIX_PATH — for a machine with no known pin and for a file no machine
// imports); a Home Manager module (reached from `home-manager.users.<u>`,
// `home-manager.sharedModules` or a `homeConfigurations` output) gets Home
// Manager's, and so does a definition written under
// `home-manager.users.<u>.…` in a NixOS file. Both share the workspace's own
// modules (an option declared in a file that only Home Manager reaches is
// Home Manager's, one that only machines reach is NixOS's, any other both)
// and `homelab.options.sources`.
//
// A file that machines on different trees share is judged against each tree,
// and a rule reports only what holds against every one of them (checks/
// optionDefinitions.ts `agreed`): an option that one machine's nixpkgs has is
// not reported as unknown, nor a rename that another lacks, so no warning is
// false for any machine using the file; completion and hover offer the union.
import type { Homelab } from '../homelab';
import type { NixpkgsPin } from '../machines/machine';
import { normalizeUri } from '../uri';
import { OptionIndex } from './optionIndex';
import { OptionUnion, type OptionLookup } from './union';

export type OptionKind = 'nixos' | 'home-manager';

/** A machine's pinned nixpkgs and the folder whose flake.lock locks it. */
export interface PinRef {
  folder: string;
  pin: NixpkgsPin;
}

/** The key of the default NixOS tree. */
export const DEFAULT_TREE = '';

/** One key per tree a pin can name: an input per folder (each has its own flake.lock); a NIX_PATH entry once. */
export function pinKey(ref: PinRef): string {
  return ref.pin.via === 'input' ? `input:${ref.pin.name}@${ref.folder}` : `nix-path:${ref.pin.name}`;
}

/** The indexes the service loaded. */
export interface LoadedOptions {
  /** NixOS trees by key (DEFAULT_TREE, pinKey): an index, or undefined when that tree is not available. */
  nixos: Map<string, OptionIndex | undefined>;
  homeManager?: OptionIndex;
  /** The workspace's own modules (one index per folder). */
  workspace: OptionIndex[];
  /** `homelab.options.sources`. */
  extra: OptionIndex[];
}

/**
 * `home-manager.users.<user>.rest…` → rest (an inline Home Manager module's
 * definition). `minRest` 0 also takes the user's module itself (completion
 * right below it).
 */
export function homeManagerPath(path: readonly string[], minRest = 1): string[] | undefined {
  return path.length >= 3 + minRest && path[0] === 'home-manager' && path[1] === 'users' ? path.slice(3) : undefined;
}

interface FileClasses {
  /** Module files of machines → the keys of their machines' NixOS trees. */
  nixos: Map<string, Set<string>>;
  refs: Map<string, PinRef>;
  /** Home Manager module files. */
  home: Set<string>;
}

const classCache = new WeakMap<Homelab, FileClasses>();

function classesOf(h: Homelab): FileClasses {
  const cached = classCache.get(h);
  if (cached) return cached;
  const c: FileClasses = { nixos: new Map(), refs: new Map(), home: new Set() };
  for (const m of h.nixosMachines.values()) {
    const ref = m.nixpkgs ? { folder: h.root, pin: m.nixpkgs } : undefined;
    const key = ref ? pinKey(ref) : DEFAULT_TREE;
    if (ref) c.refs.set(key, ref);
    for (const u of m.moduleFiles) {
      const n = normalizeUri(u);
      let keys = c.nixos.get(n);
      if (!keys) c.nixos.set(n, (keys = new Set()));
      keys.add(key);
    }
    for (const u of m.homeFiles) c.home.add(normalizeUri(u));
  }
  for (const hc of h.homeConfigurations) for (const u of hc.moduleFiles) c.home.add(normalizeUri(u));
  classCache.set(h, c);
  return c;
}

/** The pinned trees of a homelab's machines, one per tree. */
export function machinePins(h: Homelab): PinRef[] {
  return [...classesOf(h).refs.values()];
}

/** Whether the file's own definitions are NixOS's, Home Manager's or both (a file no one reaches: NixOS). */
export function fileKinds(h: Homelab | undefined, uri: string): OptionKind[] {
  if (!h) return ['nixos'];
  const c = classesOf(h);
  const u = normalizeUri(uri);
  const home = c.home.has(u);
  return home ? (c.nixos.has(u) ? ['nixos', 'home-manager'] : ['home-manager']) : ['nixos'];
}

/**
 * A tree with no options known (its nixpkgs not on disk, nothing else
 * loaded): it judges nothing, so a file shared with a machine on it is not
 * judged by the other trees alone.
 */
const NOTHING = new OptionIndex({ options: [], renames: [] });

/** The trees a file's definitions of one kind are judged against; `pending` while one of them is loading. */
export interface JudgedAgainst {
  views: OptionLookup[];
  pending: boolean;
}

export class OptionScopes {
  private readonly requested = new Set<string>();
  private readonly splits = new Map<string, { nixos?: OptionIndex; home?: OptionIndex }>();
  private readonly declaringFiles: string[];

  /**
   * `request` is called once for a pinned tree that is not loaded yet (the
   * service loads it, then replaces these scopes). `fixed`: one index for
   * every file and kind (tests, and callers with a single combined index).
   */
  constructor(
    private readonly loaded: LoadedOptions,
    private readonly request?: (ref: PinRef) => void,
    private readonly fixed?: OptionIndex,
  ) {
    this.declaringFiles = [...new Set(loaded.workspace.flatMap((i) => [...i.options.map((o) => o.declaredAt.uri), ...i.renames.map((r) => r.declaredAt.uri)]).map(normalizeUri))];
  }

  /** Every file and kind gets this one index. */
  static single(index: OptionIndex): OptionScopes {
    return new OptionScopes({ nixos: new Map(), workspace: [], extra: [] }, undefined, index);
  }

  static from(x: OptionScopes | OptionIndex): OptionScopes {
    return x instanceof OptionIndex ? OptionScopes.single(x) : x;
  }

  /** One view per tree the file's definitions of `kind` are judged against. */
  judgedAgainst(h: Homelab | undefined, uri: string, kind: OptionKind): JudgedAgainst {
    if (this.fixed) return { views: [this.fixed], pending: false };
    const split = this.split(h);
    if (kind === 'home-manager') return { views: [OptionUnion.of(present([this.loaded.homeManager, split.home, ...this.loaded.extra]), present([split.home])) ?? NOTHING], pending: false };
    const c = h ? classesOf(h) : undefined;
    const keys = c?.nixos.get(normalizeUri(uri)) ?? new Set([DEFAULT_TREE]);
    const byTree = new Map<OptionIndex | undefined, OptionLookup>();
    let pending = false;
    for (const key of keys) {
      if (!this.loaded.nixos.has(key)) {
        pending = true;
        const ref = c?.refs.get(key);
        if (ref && !this.requested.has(key)) {
          this.requested.add(key);
          this.request?.(ref);
        }
        continue;
      }
      const tree = this.loaded.nixos.get(key);
      if (!byTree.has(tree)) byTree.set(tree, OptionUnion.of(present([tree, split.nixos, ...this.loaded.extra]), present([split.nixos])) ?? NOTHING);
    }
    return { views: [...byTree.values()], pending };
  }

  /** One view over every tree of the file for `kind` (completion, hover: an option of any of them is offered). */
  view(h: Homelab | undefined, uri: string, kind: OptionKind): OptionLookup | undefined {
    return OptionUnion.of(this.judgedAgainst(h, uri, kind).views);
  }

  /** The workspace's own options split by who reaches their declaring file, per distinct split. */
  private split(h: Homelab | undefined): { nixos?: OptionIndex; home?: OptionIndex } {
    const c = h ? classesOf(h) : undefined;
    const homeOnly = c ? this.declaringFiles.filter((u) => c.home.has(u) && !c.nixos.has(u)) : [];
    const nixosOnly = c ? this.declaringFiles.filter((u) => c.nixos.has(u) && !c.home.has(u)) : [];
    const sig = `${homeOnly.join('\n')}\0${nixosOnly.join('\n')}`;
    let s = this.splits.get(sig);
    if (s) return s;
    const all = this.loaded.workspace;
    const keep = (drop: Set<string>): OptionIndex | undefined => {
      if (all.length === 0) return undefined;
      if (drop.size === 0 && all.length === 1) return all[0];
      const options = all.flatMap((i) => i.options).filter((o) => !drop.has(normalizeUri(o.declaredAt.uri)));
      const renames = all.flatMap((i) => i.renames).filter((r) => !drop.has(normalizeUri(r.declaredAt.uri)));
      return new OptionIndex({ options, renames });
    };
    s = { nixos: keep(new Set(homeOnly)), home: keep(new Set(nixosOnly)) };
    // A few distinct splits at most in practice (the classes change with imports, not keystrokes).
    if (this.splits.size > 16) this.splits.clear();
    this.splits.set(sig, s);
    return s;
  }
}

function present<T>(xs: (T | undefined)[]): T[] {
  return xs.filter((x): x is T => x !== undefined);
}
