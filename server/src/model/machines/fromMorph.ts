// Discovery source: morph and NixOps network files. Without a flake, a
// `network.nix` (also in a sub-folder, such as `ops/<site>/network.nix`, and
// its siblings there) is a set whose `network` attribute describes the
// network and whose other attributes are the nodes, each a module (often
// `{ name, ... }: { imports = [ … ]; deployment.targetHost = …; }`).
// `defaults` is given to every node, as in a colmena hive.
import type { Value } from '../../syntax/value';
import { hiveFindings } from './fromColmena';
import type { MachineFinding } from './machine';

const NOT_NODES = new Set(['network', 'resources', 'require']);
const FOLDERS = /(^|\/)(ops|morph|nixops|deploy|deployments|network|networks)\//;

/** Files that may be network files: `network.nix` anywhere up to three folders down, or any file of a deploy folder. */
export function networkFileCandidates(root: string, listing: string[]): string[] {
  const prefix = `${root.replace(/\/$/, '')}/`;
  return listing.filter((u) => {
    if (!u.startsWith(prefix) || !u.endsWith('.nix')) return false;
    const rel = u.slice(prefix.length);
    if (rel.split('/').length > 4) return false;
    return rel.endsWith('network.nix') || FOLDERS.test(rel);
  });
}

/** Whether a file's text looks like a network: a `network` attribute and some `deployment.` setting. */
export function looksLikeNetwork(text: string | undefined): boolean {
  return text !== undefined && text.length < 500_000 && /^\s*network(\s*=|\.description\s*=)/m.test(text) && /\bdeployment\s*[.=]/.test(text);
}

export function morphFindings(network: Value | undefined): MachineFinding[] {
  if (network?.kind !== 'attrs' || !network.entries.has('network')) return [];
  // A spread leaves behind what a value node keeps on its prototype (syntax/value.ts's `Placed`): its kind is named.
  const nodes: Value = { ...network, kind: network.kind, entries: new Map([...network.entries].filter(([k]) => !NOT_NODES.has(k))) };
  return hiveFindings(nodes).map((f) => ({ name: f.name, source: { kind: 'morph', origin: f.source.origin }, modules: f.modules, ...(f.refine ? { refine: f.refine } : {}) }));
}
