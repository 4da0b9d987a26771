// Discovery source: den, a dendritic flake-parts framework from an input.
// Each `den.hosts.<system>.<name>` is a machine (a `*-darwin` system is a Mac,
// not a fleet machine); its NixOS configuration is the `nixos` module of the
// host's own aspect, `den.aspects.<name>`. Aspects it includes are built by den itself from values of
// its own module argument, which is not read: their modules are left out, and
// each host's `includes` is named as a reading stop (never a silent gap).
// den sets no host name unless an aspect does, so none is assumed here. The
// option is kept beside the outputs by the flake-parts evaluation (flakeParts.ts).
import { EXTERNAL_OPTIONS } from '../../syntax/nix/eval/flakeParts';
import { asAttrs as attrs, valueAt as at, type Value } from '../../syntax/value';
import type { MachineFinding } from './machine';
import { hintFor, type ReadingStop } from './readingStops';

export function denFindings(flake: Value | undefined): MachineFinding[] {
  const den = attrs(at(flake, EXTERNAL_OPTIONS, 'den'));
  const systems = attrs(at(den, 'hosts'));
  if (!den || !systems) return [];
  const out: MachineFinding[] = [];
  for (const [system, hosts] of systems.entries) {
    if (system.endsWith('-darwin')) continue;
    for (const [name, e] of attrs(hosts.value)?.entries ?? []) {
      const nixos = at(den, 'aspects', name, 'nixos');
      out.push({ name, source: { kind: 'den', origin: e.keyOrigin }, modules: nixos ? [nixos] : [] });
    }
  }
  return out;
}

/** Each fleet host's aspect `includes` (not followed): a reading stop at the key. */
export function denIncludeStops(flake: Value | undefined): ReadingStop[] {
  const den = attrs(at(flake, EXTERNAL_OPTIONS, 'den'));
  const systems = attrs(at(den, 'hosts'));
  if (!den || !systems) return [];
  const out: ReadingStop[] = [];
  for (const [system, hosts] of systems.entries) {
    if (system.endsWith('-darwin')) continue;
    for (const [name] of attrs(hosts.value)?.entries ?? []) {
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
  }
  return out;
}
