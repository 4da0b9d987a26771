// `pkgs.formats.<format> { … }` (nixpkgs' pkgs/pkgs-lib/formats.nix) for when
// `pkgs` is unknown, as module arguments always are to the option scan: the
// common settings formats, so that `settings = mkOption { type =
// settingsFormat.type; }` reads as the type nixpkgs documents ("JSON value",
// "attribute set of section of an INI file (attrs of INI atom …)") instead of
// unknown. A format's `type` is a set shaped like an evaluated option type
// (`_type = "option-type"`, `description`, `descriptionClass`) plus
// `_settingsFormat`, which tells the option scan that any key is allowed below
// it. iniWithGlobalSection's type is its submodule (`sections`,
// `globalSection`). `generate` and anything else stay unknown; arguments that
// are not known (`listsAsDuplicateKeys = cfg.x`) leave the type unknown.
import type { Origin } from '../../value';
import { type LEntry, Thunk, type V, unknown } from './types';

/** The formats modelled (each a function of one argument set). */
export const FORMATS = new Set(['json', 'yaml', 'yaml_1_1', 'yaml_1_2', 'toml', 'ini', 'iniWithGlobalSection', 'keyValue', 'systemd']);

/**
 * The name an unknown selected as `…<prev>.<last>` is known by: `formats.json`
 * for a modelled format (so calling it is modelled), else `last` as before.
 */
export function selectedName(prev: string | undefined, last: string | undefined): string | undefined {
  return prev === 'formats' && last !== undefined && FORMATS.has(last) ? `formats.${last}` : last;
}

/** Their values' descriptions (nixpkgs' wording); yaml is yaml_1_1. */
const VALUE_FORMATS: Record<string, string> = {
  json: 'JSON value',
  yaml: 'YAML 1.1 value',
  yaml_1_1: 'YAML 1.1 value',
  yaml_1_2: 'YAML 1.2 value',
  toml: 'TOML value',
};

type Cls = 'noun' | 'composite' | 'conjunction' | undefined;

function attrs(fields: [string, V][], origin: Origin): V {
  const entries = new Map<string, LEntry>();
  for (const [key, v] of fields) entries.set(key, { key, keyOrigin: origin, thunk: Thunk.of(v) });
  return { kind: 'attrs', entries, origin };
}

function s(value: string, origin: Origin): V {
  return { kind: 'string', value, origin };
}

/** A type as nixpkgs evaluates it: its description and class; `format` marks a settings format's whole value. */
function optionType(name: string, description: string, cls: Cls, origin: Origin, format?: string): V {
  const fields: [string, V][] = [
    ['_type', s('option-type', origin)],
    ['name', s(name, origin)],
    ['description', s(description, origin)],
  ];
  if (cls) fields.push(['descriptionClass', s(cls, origin)]);
  if (format) fields.push(['_settingsFormat', s(format, origin)]);
  return attrs(fields, origin);
}

/** `listsAsDuplicateKeys` / `listToValue` of the format's argument set: how lists are written, or undefined when not known. */
function listStyle(arg: V): 'none' | 'duplicates' | 'nonEmpty' | undefined {
  if (arg.kind !== 'attrs') return undefined;
  const dup = arg.entries.get('listsAsDuplicateKeys')?.thunk.force();
  if (dup !== undefined && dup.kind !== 'boolean') return undefined;
  if (dup?.value) return 'duplicates';
  const toValue = arg.entries.get('listToValue')?.thunk.force();
  if (toValue === undefined || toValue.kind === 'null') return 'none';
  return toValue.kind === 'unknown' ? undefined : 'nonEmpty';
}

const LIST_SUFFIX = { none: '', duplicates: ' or a list of them for duplicate keys', nonEmpty: ' or a non-empty list of them' };

/** The format `formats.<name>` applied to `arg`. */
export function callFormat(name: string, argThunk: Thunk, origin: Origin): V {
  const generate = unknown(`formats.${name}'s generate is not evaluated statically`, origin);
  const value = VALUE_FORMATS[name];
  // The value types are `nullOr (oneOf …) // { description }` (conjunctions); toml's is `oneOf …`, one too.
  if (value !== undefined) return attrs([['type', optionType(name, value, 'conjunction', origin, name)], ['generate', generate]], origin);
  const arg = name === 'systemd' ? undefined : argThunk.force();
  const style = name === 'systemd' ? 'duplicates' : arg && listStyle(arg);
  if (style === undefined) return attrs([['type', unknown(`the arguments of formats.${name} are not known statically`, origin)], ['generate', generate]], origin);
  if (name === 'keyValue') {
    // attrsOf atom, the atom a conjunction (nullOr) or a coercedTo (no class): parenthesised either way.
    const atom = `atom (null, bool, int, float or string)${LIST_SUFFIX[style]}`;
    return attrs([['type', optionType('attrsOf', `attribute set of (${atom})`, 'composite', origin, name)], ['generate', generate]], origin);
  }
  const atomText = `INI atom (null, bool, int, float or string)${LIST_SUFFIX[style]}`;
  // The atom: `nullOr …`, or `either …` / `coercedTo …` with a new description (atomsCoercedToLists).
  const coerced = arg?.kind === 'attrs' && arg.entries.get('atomsCoercedToLists')?.thunk.force();
  const atom = optionType('iniAtom', atomText, coerced && coerced.kind === 'boolean' && coerced.value ? undefined : 'conjunction', origin);
  const lib = attrs([['types', attrs([['atom', atom]], origin)]], origin);
  const section = `section of an INI file (attrs of ${atomText})`;
  const sections = `attribute set of ${section}`;
  if (name !== 'iniWithGlobalSection') {
    return attrs([['type', optionType('attrsOf', sections, 'composite', origin, name)], ['lib', lib], ['generate', generate]], origin);
  }
  // submodule { options.sections = mkOption { … }; options.globalSection = mkOption { … }; }, as captured calls.
  const option = (type: V, description: string): V => ({
    kind: 'unknown',
    reason: 'formats.iniWithGlobalSection option',
    origin,
    fn: 'mkOption',
    args: [Thunk.of(attrs([['type', type], ['default', attrs([], origin)], ['description', s(description, origin)]], origin))],
  });
  const options = attrs(
    [
      ['sections', option(optionType('attrsOf', sections, 'composite', origin, name), sections)],
      ['globalSection', option(optionType('attrsOf', section, 'composite', origin, name), `global ${section}`)],
    ],
    origin,
  );
  const type: V = { kind: 'unknown', reason: 'formats.iniWithGlobalSection type', origin, fn: 'submodule', args: [Thunk.of(attrs([['options', options]], origin))] };
  return attrs([['type', type], ['lib', lib], ['generate', generate]], origin);
}
