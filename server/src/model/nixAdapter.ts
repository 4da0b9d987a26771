// The seam between the model and the Nix syntax layer (server/src/syntax/nix):
// per-file diagnostics (syntax, scopes, encrypted files) and the static
// evaluation of a file with imports read through the model's documents. Kept
// in one place so the model does not depend on the Nix layer's internals.
import type { Span, Value } from '../syntax/value';

export type NixRuleId = 'nix-syntax' | 'nix-undefined-variable' | 'nix-duplicate-attribute' | 'nix-unused-binding' | 'encrypted-file';

export interface NixDiagnostic {
  rule: NixRuleId;
  span: Span;
  message: string;
}

export interface NixFileAnalysis {
  diagnostics: NixDiagnostic[];
  unparseable?: 'git-crypt' | 'sops' | 'binary';
}

export interface NixReadHost {
  readText(uri: string): string | undefined;
  /** A directory's entries, for `builtins.readDir`. */
  listDir?(uri: string): Map<string, 'directory' | 'regular'> | undefined;
}

export interface NixLayer {
  analyze(text: string, uri: string): NixFileAnalysis;
  /** The value of the file at `uri`, evaluated as far as it can be known statically. */
  evaluate(uri: string, host: NixReadHost): Value | undefined;
  /**
   * Several evaluations sharing what they import (a thousand profiles importing
   * one base and one lib/defaults.nix evaluate those once). Only for files that
   * do not change while the session lives.
   */
  session?(host: NixReadHost): NixEvalSession;
  /**
   * A file evaluated for machine discovery: a flake's outputs (called with
   * `self` and unknown inputs) or a colmena hive, with the functions inside
   * (hive nodes, inline modules) called too. Undefined when not supported.
   */
  evaluateForDiscovery?(uri: string, host: NixReadHost, mode: 'flake' | 'hive'): { value: Value | undefined; deps: string[] };
}

export interface NixEvalSession {
  /** The file's value and every file its value was read from (itself included). */
  evaluate(uri: string): { value: Value | undefined; deps: string[] };
}

/** No diagnostics, no values (for tests of the inventory side). */
export const nullNixLayer: NixLayer = {
  analyze: () => ({ diagnostics: [] }),
  evaluate: () => undefined,
};
