// The questions features and rules ask of options (`OptionLookup`), and one
// view over several loaded indexes (a machine's nixpkgs, the workspace's own
// modules, `homelab.options.sources`) that answers them without copying the
// indexes: a NixOS tree is tens of thousands of options, and several trees
// each shared by several views would otherwise be joined again per view.
// The first index that declares a path wins, as in `OptionIndex.combine`.
//
// The workspace's own modules are an extension, not a tree: a module that
// declares `networking.lab-bridge.enable` adds to a `networking` that nixpkgs
// (or a module from an input that is not read) declares too, so its
// top-level names say nothing about what else exists there. Only whole trees
// (nixpkgs, Home Manager, `homelab.options.sources`) cover a top-level name
// for the question "is this path unknown?" (`coveredRoots`).
import type { OptionChild, RenameMatch } from './optionIndex';
import type { Declaration, OptionDecl } from './types';

export interface OptionLookup {
  lookup(path: readonly string[]): OptionDecl | undefined;
  declaration(path: readonly string[]): Declaration | undefined;
  has(path: readonly string[]): boolean;
  childrenOf(prefix: readonly string[]): OptionChild[];
  renameOf(path: readonly string[]): RenameMatch | undefined;
  renamesUnder(prefix: readonly string[]): RenameMatch[];
  /** The top-level names below which a path nothing declares is unknown (those of whole trees, not of extensions). */
  coveredRoots(): ReadonlySet<string>;
}

export class OptionUnion implements OptionLookup {
  private covered: ReadonlySet<string> | undefined;

  /** `extensions`: the parts (among `parts`) that only extend the others' namespaces. */
  constructor(
    readonly parts: readonly OptionLookup[],
    private readonly extensions: ReadonlySet<OptionLookup> = new Set(),
  ) {}

  /** One whole part as itself, several (or an extension) as their union. */
  static of(parts: readonly OptionLookup[], extensions: readonly OptionLookup[] = []): OptionLookup | undefined {
    const distinct = [...new Set(parts)];
    const extending = new Set(extensions.filter((e) => distinct.includes(e)));
    if (distinct.length === 0) return undefined;
    return distinct.length === 1 && extending.size === 0 ? distinct[0] : new OptionUnion(distinct, extending);
  }

  coveredRoots(): ReadonlySet<string> {
    if (!this.covered) {
      const roots = new Set<string>();
      for (const p of this.parts) if (!this.extensions.has(p)) for (const r of p.coveredRoots()) roots.add(r);
      this.covered = roots;
    }
    return this.covered;
  }

  lookup(path: readonly string[]): OptionDecl | undefined {
    // A part that declares the option beats one where it is only an old name (renamed there).
    let old: OptionDecl | undefined;
    for (const p of this.parts) {
      const o = p.lookup(path);
      if (o && !o.oldName) return o;
      old ??= o;
    }
    return old;
  }

  declaration(path: readonly string[]): Declaration | undefined {
    return this.lookup(path)?.declaredAt;
  }

  has(path: readonly string[]): boolean {
    return this.parts.some((p) => p.has(path));
  }

  childrenOf(prefix: readonly string[]): OptionChild[] {
    const out = new Map<string, OptionChild>();
    for (const p of this.parts) {
      for (const c of p.childrenOf(prefix)) {
        const prev = out.get(c.name);
        if (!prev) out.set(c.name, { ...c });
        else {
          if (c.option && (!prev.option || (prev.option.oldName && !c.option.oldName))) prev.option = c.option;
          prev.hasChildren ||= c.hasChildren;
        }
      }
    }
    return [...out.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  renameOf(path: readonly string[]): RenameMatch | undefined {
    for (const p of this.parts) {
      const r = p.renameOf(path);
      if (r) return r;
    }
    return undefined;
  }

  renamesUnder(prefix: readonly string[]): RenameMatch[] {
    const out = new Map<string, RenameMatch>();
    for (const p of this.parts) for (const r of p.renamesUnder(prefix)) if (!out.has(r.rename.from[r.rename.from.length - 1])) out.set(r.rename.from[r.rename.from.length - 1], r);
    return [...out.values()];
  }
}
