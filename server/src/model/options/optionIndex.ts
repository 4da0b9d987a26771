// The loaded option index: a tree of path segments over the declared options,
// for the questions completion, hover and navigation ask: the option at a
// path, the names below a prefix, where an option is declared, and whether a
// path was renamed or removed (and which names below a prefix were). A concrete name matches a `<name>` segment
// (`users.users.alice.home` is `users.users.<name>.home`); `*` (a list item)
// matches only `*`. An exact segment wins over `<name>`.
import type { Declaration, OptionDecl, OptionIndexData, Rename } from './types';

interface Node {
  children: Map<string, Node> | undefined;
  option: OptionDecl | undefined;
}

/** One name below a prefix (for completion). */
export interface OptionChild {
  /** The segment: an attribute name, `<name>` or `*`. */
  name: string;
  /** The option at prefix + name, when there is one. */
  option?: OptionDecl;
  /** Whether options lie further below (an option set, or a submodule's options). */
  hasChildren: boolean;
}

export interface RenameMatch {
  rename: Rename;
  /** The rest of the asked path below `rename.from`. */
  rest: string[];
  /** For a renamed option: where the asked path now is (`to` + rest). */
  now?: string[];
}

/** Whether a rename's `from` covers a path: equal segments, `<name>` for any name but a list item's `*`. */
function renameCovers(from: readonly string[], path: readonly string[]): boolean {
  if (from.length > path.length) return false;
  for (let i = 0; i < from.length; i++) {
    const seg = from[i];
    if (seg === path[i]) continue;
    if (seg === '<name>' && path[i] !== '*') continue;
    return false;
  }
  return true;
}

/** The match of a covering rename: the names the path gives the `<name>` segments `from` and `to` share are put into `now`. */
function renameMatch(r: Rename, path: readonly string[]): RenameMatch {
  const rest = path.slice(r.from.length);
  if (!r.to) return { rename: r, rest };
  const now = [...r.to, ...rest];
  for (let i = 0; i < r.to.length && i < r.from.length && r.to[i] === r.from[i]; i++) if (r.to[i] === '<name>') now[i] = path[i];
  return { rename: r, rest, now };
}

function newNode(): Node {
  return { children: undefined, option: undefined };
}

export class OptionIndex {
  private readonly root: Node = newNode();
  private readonly renameRoot = new Map<string, Rename[]>();
  private roots: ReadonlySet<string> | undefined;
  readonly options: readonly OptionDecl[];
  readonly renames: readonly Rename[];

  constructor(data: Pick<OptionIndexData, 'options' | 'renames'>) {
    this.options = data.options;
    this.renames = data.renames;
    for (const o of data.options) this.insert(o);
    for (const r of data.renames) {
      const first = r.from[0] ?? '';
      let list = this.renameRoot.get(first);
      if (!list) this.renameRoot.set(first, (list = []));
      list.push(r);
    }
  }

  /** One index over several (NixOS + the workspace's own modules…); the first declaration of a path wins. */
  static combine(indexes: OptionIndex[]): OptionIndex {
    return new OptionIndex({ options: indexes.flatMap((i) => i.options), renames: indexes.flatMap((i) => i.renames) });
  }

  get size(): number {
    return this.options.length;
  }

  private insert(o: OptionDecl): void {
    let n = this.root;
    for (const seg of o.path) {
      if (!n.children) n.children = new Map();
      let c = n.children.get(seg);
      if (!c) n.children.set(seg, (c = newNode()));
      n = c;
    }
    // The first declaration wins, but a declared option beats an old name (combined trees).
    if (!n.option || (n.option.oldName && !o.oldName)) n.option = o;
  }

  /** Every node the path reaches (exact segments first, then `<name>`). */
  private nodes(path: readonly string[]): Node[] {
    let cur: Node[] = [this.root];
    for (const seg of path) {
      const next: Node[] = [];
      for (const n of cur) {
        const exact = n.children?.get(seg);
        if (exact) next.push(exact);
        if (seg !== '*' && seg !== '<name>') {
          const any = n.children?.get('<name>');
          if (any) next.push(any);
        }
      }
      if (next.length === 0) return [];
      // A path of many `<name>` levels could branch: keep the search small.
      cur = next.length > 8 ? next.slice(0, 8) : next;
    }
    return cur;
  }

  /** The option at a path (`services.nginx.virtualHosts.example.root` finds `…virtualHosts.<name>.root`). */
  lookup(path: readonly string[]): OptionDecl | undefined {
    for (const n of this.nodes(path)) if (n.option) return n.option;
    return undefined;
  }

  /** Where the option at a path is declared. */
  declaration(path: readonly string[]): Declaration | undefined {
    return this.lookup(path)?.declaredAt;
  }

  /** Whether the path is an option or lies above options (an option set such as `services`). */
  has(path: readonly string[]): boolean {
    return this.nodes(path).length > 0;
  }

  /** A whole tree covers every top-level name it declares. */
  coveredRoots(): ReadonlySet<string> {
    return (this.roots ??= new Set(this.root.children?.keys() ?? []));
  }

  /** The names directly below a prefix, sorted (for completion). */
  childrenOf(prefix: readonly string[]): OptionChild[] {
    const out = new Map<string, OptionChild>();
    for (const n of this.nodes(prefix)) {
      for (const [name, c] of n.children ?? []) {
        const prev = out.get(name);
        const hasChildren = (c.children?.size ?? 0) > 0;
        if (!prev) out.set(name, { name, ...(c.option ? { option: c.option } : {}), hasChildren });
        else {
          if (!prev.option && c.option) prev.option = c.option;
          prev.hasChildren ||= hasChildren;
        }
      }
    }
    return [...out.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /**
   * The rename or removal that covers a path (the path itself or an option
   * below a renamed one). A rename declared in a submodule has its `<name>`
   * (any attribute name) and `*` segments: `networking.interfaces.eth0.ip4`
   * is `networking.interfaces.<name>.ip4`, now `networking.interfaces.eth0.ipv4.addresses`.
   */
  renameOf(path: readonly string[]): RenameMatch | undefined {
    const exact = this.renameRoot.get(path[0] ?? '');
    const any = path[0] !== '*' ? this.renameRoot.get('<name>') : undefined;
    for (const list of [exact, any]) for (const r of list ?? []) if (renameCovers(r.from, path)) return renameMatch(r, path);
    return undefined;
  }

  /**
   * The renames and removals of names directly below a prefix (for completion:
   * `services.webserver.http|` was `httpPort`, now `port`), matched as by
   * `renameOf`; the first of several for one name.
   */
  renamesUnder(prefix: readonly string[]): RenameMatch[] {
    const lists = prefix.length === 0 ? [this.renames] : [this.renameRoot.get(prefix[0]), prefix[0] !== '*' ? this.renameRoot.get('<name>') : undefined];
    const out = new Map<string, RenameMatch>();
    for (const list of lists)
      for (const r of list ?? []) {
        if (r.from.length !== prefix.length + 1 || !renameCovers(r.from.slice(0, -1), prefix)) continue;
        const name = r.from[r.from.length - 1];
        if (!out.has(name)) out.set(name, renameMatch(r, [...prefix, name]));
      }
    return [...out.values()];
  }
}
