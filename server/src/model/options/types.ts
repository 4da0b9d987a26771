// The option index's data: one declared option (`OptionDecl`, as the NixOS /
// Home Manager module system would list it, read statically from the module
// that declares it), one renamed or removed option (`Rename`, from
// `mkRenamedOptionModule` & co. in `imports`), and the serialisable form of a
// whole index. Plain data only: it crosses a worker boundary and goes to disk.
import type { Span } from '../../syntax/value';

/** Where an option is declared: the span of its name in the declaring file. */
export interface Declaration {
  uri: string;
  span: Span;
}

export interface OptionDecl {
  /**
   * The option's path. `<name>` stands for any attribute name (`attrsOf
   * (submodule …)`), `*` for any item of a list (`listOf (submodule …)`).
   */
  path: string[];
  /** Readable type: 'boolean', 'list of string', 'attribute set of (submodule)', 'one of "a", "b"', … or 'unknown'. */
  type: string;
  /** Nix text of the default (`defaultText` when given, else the rendered value or its source text). */
  default?: string;
  /** Nix text of the example (a `literalMD` example is its Markdown). */
  example?: string;
  /** Markdown. */
  description?: string;
  declaredAt: Declaration;
  readOnly?: boolean;
  internal?: boolean;
  /** false for options hidden from the documentation (`visible = false`). */
  visible?: boolean;
  /** The option's submodule has a `freeformType`: names below it beyond its declared options are allowed. */
  freeform?: boolean;
  /** Declared only by a rename or a removal (`mkRenamedOptionModule` …): an old name, shown as what it became. */
  oldName?: boolean;
}

export interface Rename {
  from: string[];
  /** The new path (renamed or aliased options). */
  to?: string[];
  /** Set for a removed option: the message given to `mkRemovedOptionModule`. */
  removed?: string;
  /** mkRenamedOptionModule, mkAliasOptionModule, mkRemovedOptionModule, mkChangedOptionModule … */
  kind: string;
  declaredAt: Declaration;
}

/** What the scan of one tree gives. */
export interface OptionIndexData {
  options: OptionDecl[];
  renames: Rename[];
  /** Files scanned, and files that declared at least one option or rename. */
  stats: { files: number; declaring: number; ms: number };
}
