// Discovery source: a colmena hive (`hive.nix`, or a flake's `colmena` /
// `colmenaHive` output): every attribute but `meta` and `defaults` is a node,
// configured by `defaults` and its own module; its `deployment.targetHost`
// (default: the node's name), `targetUser`, `targetPort` and `tags` are read
// from the merged modules later, since any imported file may set them.
// `meta.nodeNixpkgs.<node>`, else `meta.nixpkgs`, names the node's nixpkgs
// when it is an input or a `<…>` path (pins.ts).
import type { Value } from '../../syntax/value';
import type { MachineFinding } from './machine';
import { pinOf } from './pins';

const NOT_NODES = new Set(['meta', 'defaults']);

export function hiveFindings(hive: Value | undefined): MachineFinding[] {
  if (hive?.kind !== 'attrs') return [];
  const defaults = hive.entries.get('defaults')?.value;
  const meta = hive.entries.get('meta')?.value;
  const metaOf = (k: string): Value | undefined => (meta?.kind === 'attrs' ? meta.entries.get(k)?.value : undefined);
  const perNode = metaOf('nodeNixpkgs');
  const out: MachineFinding[] = [];
  for (const [name, e] of hive.entries) {
    if (NOT_NODES.has(name)) continue;
    const own = perNode?.kind === 'attrs' ? perNode.entries.get(name)?.value : undefined;
    const pin = pinOf(own ?? metaOf('nixpkgs'));
    out.push({
      name,
      source: { kind: 'colmena', origin: e.keyOrigin },
      modules: defaults ? [defaults, e.value] : [e.value],
      deploy: { method: 'colmena', origin: e.keyOrigin },
      ...(pin ? { nixpkgs: pin } : {}),
    });
  }
  return out;
}
