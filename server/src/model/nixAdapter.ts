// The seam between the model and the Nix syntax layer (server/src/syntax/nix):
// per-file diagnostics (syntax, scopes, encrypted files) and the static
// evaluation of a file with imports read through the model's documents. Kept
// in one place so the model does not depend on the Nix layer's internals.
import type { Origin, Span, Value } from '../syntax/value';

export type NixRuleId = 'nix-syntax' | 'nix-undefined-variable' | 'nix-duplicate-attribute' | 'nix-unused-binding' | 'encrypted-file';

export interface NixDiagnostic {
  rule: NixRuleId;
  span: Span;
  message: string;
  /** Below the rule's own severity (a duplicate attribute only Nix 2.8 rejects is a warning). */
  severity?: 'warning';
}

/** What a file says when reading it threw (a bug of ours, said on the file rather than hiding every diagnostic). */
export function internalErrorDiagnostic(error: unknown): NixDiagnostic {
  return { rule: 'nix-syntax', span: { start: 0, end: 0 }, message: `internal error reading this file: ${String(error)}` };
}

export interface NixFileAnalysis {
  diagnostics: NixDiagnostic[];
  unparseable?: 'git-crypt' | 'sops' | 'binary';
  /**
   * Equal for two texts whose code is the same at the same offsets (they
   * differ only inside comments or in trailing whitespace): whatever is
   * computed from the code alone, origins included, is equal for both.
   */
  syntaxKey?: string;
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
  evaluateForDiscovery?(uri: string, host: NixReadHost, mode: 'flake' | 'hive'): { value: Value | undefined; deps: string[]; stops?: DiscoveryStop[] };
  /** Module functions called with a machine's own arguments (host tables looked up by its name). */
  machineModules?(host: NixReadHost): MachineModuleEvaluator;
}

/** A machine's known module arguments: plain values by name, and its option tree for `config`. */
export interface MachineModuleArgs {
  values: Map<string, Value>;
  config?: { keys(path: string[]): string[] | undefined; value(path: string[]): Value | undefined };
}

/** Module files called per machine (one evaluator shared by the machines of one discovery). */
export interface MachineModuleEvaluator {
  evaluate(uri: string, args: MachineModuleArgs): { value: Value | undefined; deps: string[] };
  /** An inline module (a function written in a list of modules, read with its arguments unknown) called again with these; undefined when it was not a function. */
  recall?(module: Value, args: MachineModuleArgs): { value: Value | undefined; deps: string[] } | undefined;
}

/** Where the evaluation of a flake stopped following it (an unresolved import, a flake module from an input). */
export interface DiscoveryStop {
  kind: 'unresolved-import' | 'external-module' | 'external-option' | 'evaluation-budget';
  origin: Origin;
  reason: string;
  /** An unread module's source text (`inputs.nixos-unified.flakeModules.autoWire`). */
  module?: string;
}

export interface NixEvalSession {
  /** The file's value and every file its value was read from (itself included). */
  evaluate(uri: string): { value: Value | undefined; deps: string[] };
}
