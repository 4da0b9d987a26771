// How a file's value is entered when it is a function or a flake: a module
// `{ config, lib, ... }: …` is called with every argument unknown (a colmena
// node `{ name, ... }: …` gets its attribute name), and a flake's `outputs`
// with `self` (the outputs themselves, as Nix passes them) and every input
// unknown: inputs are never fetched.
import type { NixEvaluator } from './evaluator';
import { type LEntry, Thunk, type V, unknown } from './types';
import type { Value } from '../../value';
import { convertOnce, fromValue, SUBMODULE_ARGUMENT } from './convert';
import { spanOf } from '../../value';

/**
 * Calls `{ a, b, ... }: …` with unknown arguments (`name` = the binding's name
 * when given; `known`: arguments whose value is known, such as NixOS' `utils`);
 * undefined for anything else.
 */
export function applyWithUnknownArgs(ev: NixEvaluator, v: V, key: string | undefined, known?: ReadonlyMap<string, Thunk>, given?: Record<string, Value>): V | undefined {
  if (v.kind !== 'lambda') return undefined;
  const name = key === SUBMODULE_ARGUMENT ? undefined : key;
  // `types.submodule (args: import ./x.nix { inherit (args) config; … })`: a module written as a
  // function of its whole argument set, called with that set unknown.
  if (!v.node.formals) {
    // `_: { … }`: a module that names its argument unused (as linters ask) is its body.
    if ((key === SUBMODULE_ARGUMENT || v.node.param?.name.startsWith('_')) && v.node.param) return ev.call(v, Thunk.of(unknown('the module arguments are not known statically', v.origin)), v.origin);
    // `mkTarget: { lib, … }: …`: a function of one argument that is a known one, then the module it gives.
    const k = v.node.param ? known?.get(v.node.param.name) : undefined;
    if (!k) return undefined;
    const r = ev.call(v, k, v.origin);
    return (r.kind === 'lambda' && r.node.formals ? applyWithUnknownArgs(ev, r, key, known, given) : undefined) ?? r;
  }
  const entries = new Map<string, LEntry>();
  for (const f of v.node.formals.entries) {
    const o = { uri: v.uri, span: spanOf(f.name) };
    const g = given?.[f.name.name];
    const k = known?.get(f.name.name) ?? (g ? Thunk.of(fromValue(g)) : undefined);
    if (k) {
      entries.set(f.name.name, { key: f.name.name, keyOrigin: o, thunk: k });
      continue;
    }
    const arg: V =
      f.name.name === 'name' && name !== undefined ? { kind: 'string', value: name, origin: o } : unknown(`argument '${f.name.name}' is not known statically`, o);
    entries.set(f.name.name, { key: f.name.name, keyOrigin: o, thunk: Thunk.of(arg) });
  }
  return ev.call(v, Thunk.of({ kind: 'attrs', entries, origin: v.origin }), v.origin);
}

/** A flake's outputs: `outputs` called with `self` and every input unknown. */
export function flakeOutputs(ev: NixEvaluator, flake: Extract<V, { kind: 'attrs' }>): V {
  const outputs = flake.entries.get('outputs')?.thunk.force();
  if (!outputs || outputs.kind !== 'lambda') return outputs ?? unknown("the flake has no 'outputs'", flake.origin);
  const declared = flake.entries.get('inputs')?.thunk.force();
  const names = new Set<string>(declared?.kind === 'attrs' ? declared.entries.keys() : []);
  for (const f of outputs.node.formals?.entries ?? []) names.add(f.name.name);
  names.delete('self');
  const entries = new Map<string, LEntry>();
  for (const n of names) {
    const o = declared?.kind === 'attrs' ? (declared.entries.get(n)?.keyOrigin ?? outputs.origin) : outputs.origin;
    // Named after the input, so that calling it (`inputs.import-tree ./modules`) is captured.
    entries.set(n, { key: n, keyOrigin: o, thunk: Thunk.of({ kind: 'unknown', reason: `flake input '${n}' is not fetched`, origin: o, fn: n }) });
  }
  const result: Thunk = new Thunk(() => ev.call(outputs, Thunk.of({ kind: 'attrs', entries, origin: outputs.origin }), outputs.origin), outputs.origin);
  // `self` is the outputs plus what Nix adds to them: `self.inputs`, `self.outputs`, and `outPath`, the flake's
  // folder (`"${self}/system"`, `self + /modules`).
  const folder = flake.origin.uri.slice(0, flake.origin.uri.lastIndexOf('/'));
  const inputsSet: V = { kind: 'attrs', entries: new Map([...entries].filter(([k]) => k !== 'self')), origin: outputs.origin };
  const self = new Thunk(() => {
    const r = result.force();
    const added: [string, Thunk][] = [['inputs', Thunk.of(inputsSet)], ['outputs', result], ['outPath', Thunk.of({ kind: 'path', value: folder, origin: outputs.origin })]];
    // Outputs known in part (`{ … } // perSystem`): what Nix adds goes over them, as Nix adds it.
    if (r.kind === 'unknown' && r.fn === '//') {
      const extra: V = { kind: 'attrs', entries: new Map(added.map(([key, thunk]) => [key, { key, keyOrigin: outputs.origin, thunk }])), origin: outputs.origin };
      return { ...r, args: [Thunk.of(r), Thunk.of(extra)] };
    }
    if (r.kind !== 'attrs') return r;
    const withInputs = new Map(r.entries);
    for (const [key, thunk] of added) if (!withInputs.has(key)) withInputs.set(key, { key, keyOrigin: outputs.origin, thunk });
    // Every machine's `inputs.self` is this one value: converted once (convert.ts).
    return convertOnce({ ...r, entries: withInputs });
  }, outputs.origin);
  entries.set('self', { key: 'self', keyOrigin: outputs.origin, thunk: self });
  return result.force();
}
