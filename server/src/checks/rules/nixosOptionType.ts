// nixos-option-type: a module gives an option a literal value of a type the
// option's declaration does not accept (a string for a boolean, a number out
// of a port's range, a value outside an enum, a single value for a list…).
// Only literals written in the module are judged: an expression is not known
// statically, and the option's type must be one the index could read. A file
// judged against several trees is reported only when each rejects the value.
import type * as A from '../../syntax/nix/ast';
import { definedValue } from '../../model/options/moduleDefinitions';
import { agreed, machineModuleDefinitions } from '../optionDefinitions';
import type { Finding, Rule } from '../types';
import { at } from '../util';

type Literal = { kind: 'string'; value: string } | { kind: 'int'; value: number } | { kind: 'float' } | { kind: 'bool' } | { kind: 'null' } | { kind: 'list' } | { kind: 'attrs' } | { kind: 'path' };

function literal(e: A.Expr): Literal | undefined {
  const v = definedValue(e);
  switch (v.type) {
    case 'Str':
      return v.parts.every((p) => p.type === 'Text') ? { kind: 'string', value: v.parts.map((p) => (p.type === 'Text' ? p.value : '')).join('') } : undefined;
    case 'Int':
      return { kind: 'int', value: Number(v.raw) };
    case 'Float':
      return { kind: 'float' };
    case 'List':
      return { kind: 'list' };
    case 'AttrSet':
      return { kind: 'attrs' };
    case 'Path':
      return { kind: 'path' };
    case 'Var':
      return v.name === 'true' || v.name === 'false' ? { kind: 'bool' } : v.name === 'null' ? { kind: 'null' } : undefined;
    default:
      return undefined;
  }
}

const WORDS: Record<Literal['kind'], string> = { string: 'a string', int: 'an integer', float: 'a float', bool: 'a boolean', null: 'null', list: 'a list', attrs: 'an attribute set', path: 'a path' };

/** Why the literal does not fit the readable type, or undefined when it fits (or the type is not judged). */
function mismatch(type: string, l: Literal): string | undefined {
  let t = type;
  if (t.startsWith('null or ')) {
    if (l.kind === 'null') return undefined;
    t = t.slice('null or '.length);
  }
  const is = (...kinds: Literal['kind'][]): string | undefined => (kinds.includes(l.kind) ? undefined : `must be ${type}, not ${WORDS[l.kind]}`);
  if (t === 'boolean') return is('bool');
  if (t === 'string' || t === 'non-empty string' || t === 'single-line string' || t === 'strings concatenated with "\\n"') return is('string');
  if (t === 'signed integer' || t === 'integer' || t === 'unsigned integer') return is('int');
  if (t === 'port' || t === '16 bit unsigned integer') {
    if (l.kind !== 'int') return `must be ${type}, not ${WORDS[l.kind]}`;
    return l.value < 0 || l.value > 65535 ? `must be a port (0–65535), not ${l.value}` : undefined;
  }
  if (/^list of /.test(t)) return is('list');
  if (/^attribute set of /.test(t)) return is('attrs');
  const oneOf = /^one of (.*)$/.exec(t);
  if (oneOf && l.kind === 'string') {
    const values = [...oneOf[1].matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]);
    if (values.length && !values.includes(l.value)) return `must be one of ${values.map((x) => `"${x}"`).join(', ')}, not "${l.value}"`;
  }
  return undefined;
}

export const nixosOptionType: Rule = {
  id: 'nixos-option-type',
  defaultSeverity: 'warning',
  description: "A module gives an option a literal value that the option's declared type does not accept.",
  scope: 'homelab',
  check({ workspace: ws, homelab: h }) {
    const out: Finding[] = [];
    for (const { uri, defs } of machineModuleDefinitions(ws, h)) {
      for (const d of defs) {
        const l = literal(d.def.value);
        if (!l) continue;
        // Wrong for the type of every tree that declares it (another nixpkgs may type it otherwise).
        const why = agreed(d.views, (v) => {
          const o = v.lookup(d.path);
          return o && o.type !== 'unknown' ? mismatch(o.type, l) : undefined;
        });
        if (why) out.push(at('nixos-option-type', { uri, span: definedValue(d.def.value).span }, `\`${d.path.join('.')}\` ${why}`));
      }
    }
    return out;
  },
};
