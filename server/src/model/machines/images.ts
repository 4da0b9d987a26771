// Which `nixosConfigurations` are images rather than machines of the fleet: an
// installer ISO (its modules import nixpkgs' `installer/cd-dvd/…` modules such
// as `installation-cd-minimal.nix` or `iso-image.nix`, or set `isoImage.*`; or
// another output of the flake builds its `config.system.build.isoImage`),
// or a `nixosGenerate` output (nixos-generators). An image is built and
// written to a medium, never deployed: it is listed as what it is and kept out
// of the fleet's machines and of the rules that compare machines.
// `installer/scan/not-detected.nix`, which every hardware configuration
// imports, is not an installer. An SD-card image (`installer/sd-card/…`,
// `sdImage.*`) is not one either: it is how an ARM board of the fleet is first
// booted, and the board stays a machine that is deployed afterwards (clan's
// bpi-r4 and healoriaspi in a real fleet).
import type { Origin, Value } from '../../syntax/value';
import type { ImageKind, NixosMachine } from './machine';

export const ISO_IMPORT = /installer\/cd-dvd\/|installation-cd-[\w.-]*\.nix|iso-image\.nix/;
/** `nixosConfigurations.<name>.config.system.build.isoImage` (or `."name"`), as another output writes it. */
const BUILT_AS = /nixosConfigurations\.(?:"([^"]+)"|([A-Za-z_][\w'-]*))\.config\.system\.build\.isoImage\b/g;

function textAt(origin: Origin, text: (uri: string) => string | undefined): string {
  const t = text(origin.uri);
  return t === undefined ? '' : t.slice(origin.span.start, Math.min(origin.span.end, origin.span.start + 400));
}

function setsKey(configs: Value[], key: string): boolean {
  return configs.some((c) => c.kind === 'attrs' && c.entries.has(key));
}

/** The image kind of a machine from its own modules, else undefined (a machine of the fleet). */
export function imageKindOf(m: NixosMachine, text: (uri: string) => string | undefined): ImageKind | undefined {
  if (m.image) return m.image;
  // Imports that are not repository files (`"${modulesPath}/installer/…"`, `modulesPath + "/…"`) are where reading stopped.
  const external = m.unreadable.map((u) => textAt(u.origin, text));
  if (external.some((t) => ISO_IMPORT.test(t)) || setsKey(m.configs, 'isoImage')) return 'iso';
  return undefined;
}

/** Names whose `config.system.build.isoImage` another output of the files read builds. */
export function builtAsImage(files: string[], text: (uri: string) => string | undefined): Map<string, ImageKind> {
  const out = new Map<string, ImageKind>();
  for (const uri of files) {
    const t = text(uri);
    if (!t || !t.includes('system.build.') || t.includes('\0')) continue;
    for (const line of t.split('\n')) {
      if (/^\s*#/.test(line)) continue;
      for (const m of line.matchAll(BUILT_AS)) out.set(m[1] ?? m[2], 'iso');
    }
  }
  return out;
}

/** Marks the images among the discovered machines (in place). */
export function markImages(machines: Map<string, NixosMachine>, files: string[], text: (uri: string) => string | undefined): void {
  const built = builtAsImage(files, text);
  for (const m of machines.values()) {
    const kind = imageKindOf(m, text) ?? built.get(m.name);
    if (kind) m.image = kind;
  }
}
