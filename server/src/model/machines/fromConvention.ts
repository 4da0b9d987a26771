// Discovery source for a repository with neither a flake nor a hive nor a
// network file: every `machines/<name>/configuration.nix` (or `hosts/…`,
// `systems/…`, also one folder down such as `nixos/hosts/<name>/…`) that
// imports its `hardware-configuration.nix` or sets `networking.hostName` is
// a machine named after its folder, marked "found by convention".
import { fileOrigin, pathModule } from './folderConvention';
import type { MachineFinding } from './machine';

const PLACE = /^(?:[^/]+\/)?(?:machines|hosts|systems)\/(?:nixos\/)?([^/]+)\/(?:configuration|default)\.nix$/;

/** `besideHive`: a hive names its nodes elsewhere; its machine folders need no sign of their own. */
export function conventionFindings(root: string, listing: string[], readText: (uri: string) => string | undefined, besideHive = false): MachineFinding[] {
  const prefix = `${root.replace(/\/$/, '')}/`;
  const out = new Map<string, MachineFinding>();
  for (const u of listing) {
    if (!u.startsWith(prefix)) continue;
    const m = PLACE.exec(u.slice(prefix.length));
    if (!m) continue;
    const name = decodeURIComponent(m[1]);
    if (out.has(name) && u.endsWith('/default.nix')) continue; // configuration.nix is the machine's file when both exist
    const text = readText(u);
    if (text === undefined || ((!besideHive || u.endsWith('/default.nix')) && !/hardware-configuration\.nix|networking\.hostName\s*=|hostName\s*=\s*"/.test(text))) continue;
    out.set(name, { name, source: { kind: 'convention', origin: fileOrigin(u) }, modules: [pathModule(u, fileOrigin(u))] });
  }
  return [...out.values()];
}
