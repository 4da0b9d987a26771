// The evaluated source: machine names the real `nix eval` listed for a flake's
// `nixosConfigurations`, colmena hive and `deploy.nodes` (run off the typing
// path by server/src/nixEval/, never by the model), merged with what the
// static reading found. A name Nix lists that the static reading missed
// becomes a machine "from nix eval" (its name, nothing deployable until an
// address is known); a name the static reading found that Nix does not list
// is a disagreement naming both. When Nix was not run (an input missing from
// the store, no git repository, a failure), one note says why, and nothing
// else changes.
import type { Origin } from '../../syntax/value';
import type { Machine } from '../homelab';
import { joinUri } from '../uri';
import type { Discovery } from './discover';
import type { NixosMachine, MachineSourceKind } from './machine';

/** The outputs whose machine names are evaluated (`colmenaHive` counts as `colmena`). */
export type NixEvalOutput = 'nixosConfigurations' | 'colmena' | 'deploy';

export type NixEvalOutcome =
  /** What Nix listed per output; an output the flake does not have is absent. */
  | { kind: 'names'; flakeUri: string; outputs: Partial<Record<NixEvalOutput, string[]>> }
  /** Why Nix was not run or gave nothing: said once, nothing else. `input` names a missing input. */
  | { kind: 'note'; flakeUri: string; message: string; input?: string };

export interface NixEvalDisagreement {
  name: string;
  output: NixEvalOutput;
  /** Where the static reading found it. */
  origin: Origin;
  /** What Nix lists in that output. */
  listed: string[];
}

/** What the homelab shows of the evaluated source. */
export interface NixEvalView {
  flakeUri: string;
  /** Machines only Nix found, with the outputs that list them. */
  added: { name: string; outputs: NixEvalOutput[] }[];
  disagreements: NixEvalDisagreement[];
  /** The one line saying why Nix was not run (or failed). */
  note?: string;
  /** The input missing from the store, when that is why. */
  missingInput?: string;
}

/** The static sources that stand for each evaluated output. */
const SOURCE_OF: Record<NixEvalOutput, MachineSourceKind> = { nixosConfigurations: 'flake', colmena: 'colmena', deploy: 'deploy-rs' };

/** A machine known only by the name Nix gave it. */
function evaluatedMachine(name: string, flakeUri: string): NixosMachine {
  return {
    name,
    sources: [{ kind: 'nix-eval', origin: { uri: flakeUri, span: { start: 0, end: 0 } } }],
    moduleFiles: [],
    unreadable: [],
    configs: [],
    tags: [],
    homeFiles: [],
  };
}

/**
 * Adds the machines only Nix found to `containers` (joining an inventory entry
 * of that name) and returns what to show. `root` tells the flake's colmena
 * output from a `hive.nix` beside it, which `nix eval` of the flake does not read.
 */
export function joinNixEval(machines: Map<string, Machine>, discovery: Discovery, outcome: NixEvalOutcome | undefined, root: string): NixEvalView | undefined {
  if (!outcome) return undefined;
  if (outcome.kind === 'note')
    return { flakeUri: outcome.flakeUri, added: [], disagreements: [], note: outcome.message, ...(outcome.input ? { missingInput: outcome.input } : {}) };
  const hive = joinUri(root, 'hive.nix');
  const listedBy = new Map<string, NixEvalOutput[]>();
  for (const [output, names] of Object.entries(outcome.outputs) as [NixEvalOutput, string[]][])
    for (const n of names) listedBy.set(n, [...(listedBy.get(n) ?? []), output]);
  const added: NixEvalView['added'] = [];
  for (const [name, outputs] of [...listedBy].sort(([a], [b]) => a.localeCompare(b))) {
    if (discovery.machines.has(name)) continue;
    added.push({ name, outputs });
    const machine = evaluatedMachine(name, outcome.flakeUri);
    const c = machines.get(name);
    if (c) machines.set(name, { ...c, nixos: c.nixos ?? machine });
    else machines.set(name, { name, nixos: machine, configExists: false });
  }
  const disagreements: NixEvalDisagreement[] = [];
  for (const m of discovery.machines.values()) {
    for (const [output, kind] of Object.entries(SOURCE_OF) as [NixEvalOutput, MachineSourceKind][]) {
      const listed = outcome.outputs[output];
      if (!listed || listed.includes(m.name)) continue;
      const src = m.sources.find((s) => s.kind === kind && s.origin.uri !== hive);
      if (src) disagreements.push({ name: m.name, output, origin: src.origin, listed });
    }
  }
  return { flakeUri: outcome.flakeUri, added, disagreements };
}

/** Whether two outcomes say the same (a rerun that found the same leaves the homelab alone). */
export function sameOutcome(a: NixEvalOutcome | undefined, b: NixEvalOutcome | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The one sentence for a disagreement (the rule's message and the CLI's line). */
export function disagreementMessage(d: NixEvalDisagreement): string {
  const shown = d.listed.slice(0, 8).join(', ') + (d.listed.length > 8 ? `, … (${d.listed.length} in all)` : '');
  return `the static reading finds machine \`${d.name}\` here, but \`nix eval\` of \`${d.output}\` does not list it (Nix lists: ${shown || 'none'})`;
}
