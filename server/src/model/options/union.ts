// The questions features and rules ask of options (`OptionLookup`), and one
// view over several loaded indexes (a machine's nixpkgs, the workspace's own
// modules, `homelab.options.sources`) that answers them without copying the
// indexes: a NixOS tree is tens of thousands of options, and several trees
// each shared by several views would otherwise be joined again per view.
// The first index that declares a path wins, as in `OptionIndex.combine`.
import type { OptionChild, RenameMatch } from './optionIndex';
import type { Declaration, OptionDecl } from './types';

export interface OptionLookup {
  lookup(path: readonly string[]): OptionDecl | undefined;
  declaration(path: readonly string[]): Declaration | undefined;
  has(path: readonly string[]): boolean;
  childrenOf(prefix: readonly string[]): OptionChild[];
  renameOf(path: readonly string[]): RenameMatch | undefined;
  renamesUnder(prefix: readonly string[]): RenameMatch[];
}

export class OptionUnion implements OptionLookup {
  constructor(readonly parts: readonly OptionLookup[]) {}

  /** One part as itself, several as their union. */
  static of(parts: readonly OptionLookup[]): OptionLookup | undefined {
    const distinct = [...new Set(parts)];
    return distinct.length === 0 ? undefined : distinct.length === 1 ? distinct[0] : new OptionUnion(distinct);
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
