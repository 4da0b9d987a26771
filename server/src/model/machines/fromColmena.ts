// Discovery source: a colmena hive (`hive.nix`, or a flake's `colmena` /
// `colmenaHive` output): every attribute but `meta` and `defaults` is a node,
// configured by `defaults` and its own module; its `deployment.targetHost`
// (default: the node's name), `targetUser`, `targetPort` and `tags` are read
// from the merged modules later, since any imported file may set them.
// `meta.nodeNixpkgs.<node>`, else `meta.nixpkgs`, names the node's nixpkgs
// when it is an input or a `<…>` path (pins.ts). A `defaults = { name,
// config, ... }: …` function is called once per node, as colmena does, with
// that node's name, then again with what the node's modules configure
// (host name, domain, fqdn) as its `config`.
import type { Origin, Value } from '../../syntax/value';
import type { MachineFinding } from './machine';
import { effectiveOption } from './moduleSystem';
import { pinOf } from './pins';

function set(entries: [string, Value][], origin: Origin): Value {
  return { kind: 'attrs', entries: new Map(entries.map(([k, v]) => [k, { key: k, keyOrigin: v.origin, value: v }])), origin };
}

/** The node's `config` as far as `defaults` usually reads it: `networking.hostName`, `domain` and `fqdn`. */
function nodeConfig(configs: Value[], origin: Origin): Value | undefined {
  const s = (path: string[]): Extract<Value, { kind: 'string' }> | undefined => {
    const v = effectiveOption(configs, path)?.value;
    return v?.kind === 'string' ? v : undefined;
  };
  const hostName = s(['networking', 'hostName']);
  if (!hostName) return undefined;
  const domain = s(['networking', 'domain']);
  const networking: [string, Value][] = [['hostName', hostName]];
  if (domain) networking.push(['domain', domain]);
  const fqdn = domain ? `${hostName.value}.${domain.value}` : hostName.value;
  networking.push(['fqdn', { kind: 'string', value: fqdn, origin: (domain ?? hostName).origin }]);
  networking.push(['fqdnOrHostName', { kind: 'string', value: fqdn, origin: (domain ?? hostName).origin }]);
  return set([['networking', set(networking, origin)]], origin);
}

const NOT_NODES = new Set(['meta', 'defaults']);

export function hiveFindings(hive: Value | undefined): MachineFinding[] {
  if (hive?.kind !== 'attrs') return [];
  const defaultsEntry = hive.entries.get('defaults');
  const defaults = defaultsEntry?.value;
  const meta = hive.entries.get('meta')?.value;
  const metaOf = (k: string): Value | undefined => (meta?.kind === 'attrs' ? meta.entries.get(k)?.value : undefined);
  const perNode = metaOf('nodeNixpkgs');
  const out: MachineFinding[] = [];
  for (const [name, e] of hive.entries) {
    if (NOT_NODES.has(name)) continue;
    const pinned = perNode?.kind === 'attrs' ? perNode.entries.get(name)?.value : undefined;
    const pin = pinOf(pinned ?? metaOf('nixpkgs'));
    const nameValue: Value = { kind: 'string', value: name, origin: e.keyOrigin };
    const own = defaultsEntry?.reapply?.({ name: nameValue }) ?? defaults;
    const refine = defaultsEntry?.reapply
      ? (configs: Value[]): Value[] | undefined => {
          const config = nodeConfig(configs, e.keyOrigin);
          const again = config && defaultsEntry.reapply?.({ name: nameValue, config });
          return again ? [again, e.value] : undefined;
        }
      : undefined;
    out.push({
      name,
      source: { kind: 'colmena', origin: e.keyOrigin },
      modules: own ? [own, e.value] : [e.value],
      ...(refine ? { refine } : {}),
      deploy: { method: 'colmena', origin: e.keyOrigin },
      ...(pin ? { nixpkgs: pin } : {}),
    });
  }
  return out;
}
