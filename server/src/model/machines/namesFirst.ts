// Names first: a fleet's machines listed from its flake's outputs alone,
// before each machine's modules are evaluated (a thousand machines take a
// second; their names are known once the flake itself is evaluated), so the
// tree shows the whole fleet at once, each machine marked as still being read.
// Only where the names are certain, never a guess the build contradicts:
// every finding is a flake's `nixosConfigurations`, `colmena` or
// `deploy.nodes` entry, the sources whose machines discovery never drops
// (discover.ts leaves out only network nodes without files and Macs found by
// a folder convention), and no file of the folder can make one an installer
// ISO (known only from a machine's modules, images.ts). Elsewhere: undefined,
// and the caller waits for the build as before.
import type { Value } from '../../syntax/value';
import { normalizeUri } from '../uri';
import type { MachineFinding, MachineSource } from './machine';
import { ISO_IMPORT } from './images';

/** A machine known by name before its modules are read. */
export interface EarlyMachine {
  name: string;
  sources: MachineSource[];
  /** Its configuration file where the build will pick the same one (its first root module, named after it). */
  configUri?: string;
  /** Its deploy method as effectiveMachine.ts decides it for a folder without an inventory or a deploy list. */
  method: 'nixos-rebuild' | 'colmena' | 'deploy-rs' | 'ssh-script';
}

const CERTAIN = new Set<MachineSource['kind']>(['flake', 'colmena', 'deploy-rs']);

/** What an installer ISO is recognised by (images.ts): its imports, its `isoImage` options, another output building its `isoImage`. */
const ISO_MARKERS = new RegExp(`isoImage|${ISO_IMPORT.source}`);

/** Whether a file's text could make a machine an installer ISO (images.ts reads modules and outputs for these). */
export function mayMarkImages(text: string | undefined): boolean {
  return text !== undefined && ISO_MARKERS.test(text);
}

/** The first root module's file when it is named after the machine: the closure meets it first, so configurationFile() picks it too. */
function namedRootFile(f: MachineFinding, declaring: string[], exists: (uri: string) => boolean): string | undefined {
  const first: Value | undefined = f.modules?.[0];
  if (!first || !(first.kind === 'path' || (first.kind === 'string' && first.value.startsWith('file://')))) return undefined;
  const uri = normalizeUri(first.value);
  if (!uri.endsWith('.nix') || !exists(uri) || declaring.includes(uri)) return undefined;
  return uri.split('/').some((seg) => seg === f.name || seg === `${f.name}.nix`) ? uri : undefined;
}

/**
 * The machines of these findings, one per name, as the build will list
 * them; undefined when a finding comes from a source whose machines the
 * build may still drop.
 */
export function earlyMachines(findings: MachineFinding[], exists: (uri: string) => boolean): EarlyMachine[] | undefined {
  if (!findings.length || findings.some((f) => !CERTAIN.has(f.source.kind))) return undefined;
  const byName = new Map<string, MachineFinding[]>();
  for (const f of findings) byName.set(f.name, [...(byName.get(f.name) ?? []), f]);
  const out: EarlyMachine[] = [];
  for (const [name, group] of byName) {
    // A nixos-generators output is an image, left out of the fleet (fleet.ts joinMachines).
    if (group.some((f) => f.image)) continue;
    const method = group.some((f) => f.source.kind === 'deploy-rs')
      ? 'deploy-rs'
      : group.some((f) => f.source.kind === 'colmena')
        ? 'colmena'
        : group.some((f) => f.modules)
          ? 'nixos-rebuild'
          : 'ssh-script';
    // colmena's `defaults` may give a node other modules once its own are read (fromColmena.ts `refine`).
    const chosen = group.find((f) => f.modules);
    const configUri = chosen && !group.some((f) => f.source.kind === 'colmena') ? namedRootFile(chosen, group.map((f) => f.source.origin.uri), exists) : undefined;
    out.push({ name, sources: group.map((f) => f.source), method, ...(configUri ? { configUri } : {}) });
  }
  return out;
}
