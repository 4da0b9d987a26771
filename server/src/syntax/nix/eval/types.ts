// Internal values of the static evaluator: like the shared Value tree, but lazy
// (attribute and list members are thunks, as in Nix) and with functions, so
// `rec`, `let` and calls of `{ pkgs, ... }: { ... }` files work. Converted to
// plain `Value`s (functions become unknown) at the end.
import type * as A from '../ast';
import { type Origin, placed, type Value } from '../../value';

export interface Env {
  vars: Map<string, Thunk> | undefined;
  /** A `with e;` scope: consulted only when no lexical binding matches. */
  with?: Thunk;
  parent: Env | undefined;
}

export interface LEntry {
  key: string;
  keyOrigin: Origin;
  thunk: Thunk;
  overrides?: LEntry;
}

export type V =
  | Exclude<Value, { kind: 'list' } | { kind: 'attrs' } | { kind: 'unknown' }>
  /**
   * `fn`: the attribute name this unknown was selected as (`nixpkgs.lib.nixosSystem`
   * is unknown, named `nixosSystem`); `args`: the arguments it was applied to.
   * A call of a named unknown function is kept as such a captured call, so
   * discovery can read `nixosSystem { modules = … }` without knowing nixpkgs.
   */
  | {
      kind: 'unknown';
      reason: string;
      origin: Origin;
      fn?: string;
      args?: Thunk[];
      /**
       * An attribute path selected from a captured call (`clan.config.nixosConfigurations`
       * with `clan = clan-core.lib.clan { … }` bound in a `let`): the call stays
       * reachable from the outputs, so discovery can read what built the value.
       */
      selectedFrom?: { from: V; path: string[] };
      /**
       * A set whose names are among these, though which ones is not known
       * (`filterAttrs` with a predicate not known statically): a name outside
       * them is not there, so `(known // this).name` reads the known side.
       */
      keysWithin?: ReadonlySet<string>;
    }
  | { kind: 'list'; items: Thunk[]; origin: Origin }
  | { kind: 'attrs'; entries: Map<string, LEntry>; origin: Origin }
  | { kind: 'lambda'; node: A.Lambda; env: Env; uri: string; origin: Origin }
  | { kind: 'primop'; name: string; arity: number; args: Thunk[]; origin: Origin };

export class Thunk {
  private state: 0 | 1 | 2 = 0;
  private value: V | undefined;
  constructor(
    private compute: (() => V) | undefined,
    readonly origin: Origin,
  ) {}
  static of(v: V): Thunk {
    const t = new Thunk(undefined, v.origin);
    t.state = 2;
    t.value = v;
    return t;
  }
  force(): V {
    if (this.state === 2) return this.value as V;
    if (this.state === 1) return unknown('infinite recursion (the value depends on itself)', this.origin);
    this.state = 1;
    const c = this.compute as () => V;
    const v = c();
    this.state = 2;
    this.value = v;
    this.compute = undefined;
    return v;
  }
}

export function unknown(reason: string, origin: Origin): V {
  return { kind: 'unknown', reason, origin };
}

/** A builtin (`true`, `null`, `builtins.map`) as the value produced where it is named. */
export function producedAt(v: V, origin: Origin): V {
  if (v.kind === 'boolean') return placed.boolean(v.value, origin);
  if (v.kind === 'null') return placed.null(origin);
  // A spread leaves behind what a value node keeps on its prototype (value.ts's `Placed`): its kind is named.
  return { ...v, kind: v.kind, origin } as V;
}

/** Why reading stopped at a place: an import that does not resolve, a module or option from an input, an evaluation past its budget. */
export type EvalStopKind = 'unresolved-import' | 'external-module' | 'external-option' | 'evaluation-budget';

export interface EvalStop {
  origin: Origin;
  reason: string;
  kind: EvalStopKind;
  /** For a module that is not read: the name it is selected as (`autoWire`), so a framework that wires outputs by convention can be recognised. */
  module?: string;
}

/**
 * What an unknown selected by `path` from `cur` carries: the captured call it
 * was selected from (directly, or through earlier selections), if any.
 */
export function selectedFrom(cur: V, path: (string | undefined)[]): { selectedFrom?: { from: V; path: string[] } } {
  if (cur.kind !== 'unknown' || path.some((k) => k === undefined)) return {};
  const keys = path as string[];
  if (cur.selectedFrom) return { selectedFrom: { from: cur.selectedFrom.from, path: [...cur.selectedFrom.path, ...keys] } };
  if (cur.fn !== undefined && cur.args) return { selectedFrom: { from: cur, path: keys } };
  return {};
}
