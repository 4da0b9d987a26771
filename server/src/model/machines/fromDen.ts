// Discovery source: den, a dendritic flake-parts framework from an input.
// Each `den.hosts.<system>.<name>` is a machine (a `*-darwin` system is a Mac,
// not a fleet machine); its NixOS configuration is the `nixos` module of the
// host's own aspect, `den.aspects.<name>`. Aspects it includes are built by den itself from values of
// its own module argument, which is not read: their modules are left out, and
// each host's `includes` is named as a reading stop (never a silent gap).
// den sets no host name unless an aspect does, so none is assumed here. The
// option is kept beside the outputs by the flake-parts evaluation (flakeParts.ts).
import { EXTERNAL_OPTIONS } from '../../syntax/nix/eval/flakeParts';
import { asAttrs as attrs, valueAt as at, type Entry, type Value } from '../../syntax/value';
import type { MachineFinding } from './machine';
import { hintFor, type ReadingStop } from './readingStops';

/** The den option set and its fleet hosts (`den.hosts.<system>.<name>`, Macs left out). */
function fleetHosts(flake: Value | undefined): { den: Value | undefined; hosts: [string, Entry][] } {
  const den = at(flake, EXTERNAL_OPTIONS, 'den');
  const hosts: [string, Entry][] = [];
  for (const [system, perSystem] of attrs(at(den, 'hosts'))?.entries ?? []) {
    if (system.endsWith('-darwin')) continue;
    for (const host of attrs(perSystem.value)?.entries ?? []) hosts.push(host);
  }
  return { den, hosts };
}

export function denFindings(flake: Value | undefined): MachineFinding[] {
  const { den, hosts } = fleetHosts(flake);
  return hosts.map(([name, e]) => {
    const nixos = at(den, 'aspects', name, 'nixos');
    return { name, source: { kind: 'den', origin: e.keyOrigin }, modules: nixos ? [nixos] : [] };
  });
}

/** Each fleet host's aspect `includes` (not followed): a reading stop at the key. */
export function denIncludeStops(flake: Value | undefined): ReadingStop[] {
  const { den, hosts } = fleetHosts(flake);
  const out: ReadingStop[] = [];
  for (const [name] of hosts) {
    const includes = attrs(at(den, 'aspects', name))?.entries.get('includes');
    if (!includes) continue;
    const count = includes.value.kind === 'list' ? includes.value.items.length : undefined;
    out.push({
      kind: 'unread-include',
      origin: includes.keyOrigin,
      reason: `\`den.aspects.${name}.includes\` (${count === undefined ? 'aspects' : `${count} aspect${count === 1 ? '' : 's'}`}) is built by den from its own module argument, which is not read: what ${count === 1 ? 'it configures' : 'they configure'} is left out of \`${name}\``,
      hint: hintFor('unread-include'),
    });
  }
  return out;
}
