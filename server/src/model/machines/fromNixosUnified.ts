// Discovery source: nixos-unified's `autoWire`, a flake-parts module from an
// input (so never read itself). It builds `nixosConfigurations.<name>` from
// every `configurations/nixos/<name>.nix` and every `configurations/nixos/<name>/`
// folder that holds a default.nix, each machine from that one module called
// with `flake = { self, inputs, config }`; the same walk makes the files of
// `modules/nixos`, `modules/home` and `modules/darwin` the flake's
// `nixosModules` / `homeModules` / `darwinModules`, which the configurations
// import as `self.nixosModules.default`. `configurations/darwin` are Macs and
// `configurations/home` Home Manager configurations: not machines of the fleet.
// nixos-unified's own `lib.mkFlake { inherit inputs; root = ./.; }` is that
// flake-parts evaluation with autoWire, written as one call.
// The flake-parts config (`flake.config.*`) stays unknown.
import { asAttrs, type Origin, type Value } from '../../syntax/value';
import type { DiscoveryStop } from '../nixAdapter';
import { fileOrigin, pathModule } from './folderConvention';
import type { MachineFinding } from './machine';

/** Whether reading stopped at nixos-unified's autoWire module (`inputs.nixos-unified.flakeModules.autoWire`, or `autoWire` from a `with`). */
export function isAutoWire(stop: DiscoveryStop): boolean {
  return stop.kind === 'external-module' && /(^|\.)autoWire$/.test(stop.module ?? '');
}

/** Where the flake's outputs are nixos-unified's `mkFlake { inputs; root; }` (its reason names the input it comes from). */
function unifiedMkFlake(outputs: Value | undefined): Origin | undefined {
  if (outputs?.kind !== 'unknown' || outputs.call?.fn !== 'mkFlake' || outputs.call.args.length !== 1) return undefined;
  if (!outputs.reason.includes("flake input 'nixos-unified'")) return undefined;
  return asAttrs(outputs.call.args[0])?.entries.has('root') ? outputs.origin : undefined;
}

/** nixos-unified's walk of one folder: `<name>.nix` files and `<name>/` folders with a default.nix, by name. */
function wired(listing: readonly string[], dir: string): Map<string, string> {
  const prefix = `${dir}/`;
  const listed = new Set(listing);
  const out = new Map<string, string>();
  for (const u of listing) {
    if (!u.startsWith(prefix)) continue;
    const rest = u.slice(prefix.length).split('/');
    if (rest.length === 1 && rest[0].endsWith('.nix')) out.set(decodeURIComponent(rest[0].slice(0, -'.nix'.length)), u);
    else if (rest.length > 1 && listed.has(`${prefix}${rest[0]}/default.nix`)) out.set(decodeURIComponent(rest[0]), `${prefix}${rest[0]}/default.nix`);
  }
  return out;
}

function attrs(entries: [string, Value][], origin: Origin): Value {
  return { kind: 'attrs', entries: new Map(entries.map(([k, value]) => [k, { key: k, keyOrigin: origin, value }])), origin };
}

export function nixosUnifiedFindings(stops: readonly DiscoveryStop[], entryRoot: string, listing: readonly string[], outputs?: Value): MachineFinding[] {
  const origin = stops.find(isAutoWire)?.origin ?? unifiedMkFlake(outputs);
  if (!origin) return [];
  const modules = (dir: string): Value => attrs([...wired(listing, `${entryRoot}/modules/${dir}`)].map(([n, u]) => [n, pathModule(u, fileOrigin(u))]), origin);
  const self = attrs(
    [
      ['outPath', { kind: 'path', value: entryRoot, origin }],
      ['nixosModules', modules('nixos')],
      ['homeModules', modules('home')],
      ['darwinModules', modules('darwin')],
    ],
    origin,
  );
  const specialArgs = attrs([['flake', attrs([['self', self], ['inputs', attrs([['self', self]], origin)]], origin)]], origin);
  return [...wired(listing, `${entryRoot}/configurations/nixos`)]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, file]) => ({ name, source: { kind: 'nixos-unified', origin: fileOrigin(file) }, modules: [pathModule(file, fileOrigin(file))], specialArgs }));
}
