// nixos-option-type: a module gives an option a literal value of a type the
// option's declaration does not accept (a string for a boolean, a number out
// of a port's or a positive integer's range, a value outside an enum, a
// single value for a list…; literalFits.ts says which types are judged).
// Only literals written in the module are judged: an expression is not known
// statically, and the option's type must be one the index could read. A file
// judged against several trees is reported only when each rejects the value.
import type * as A from '../../syntax/nix/ast';
import { definedValue } from '../../model/options/moduleDefinitions';
import { agreed, machineModuleDefinitions } from '../optionDefinitions';
import { literalMismatch, type Literal } from '../literalFits';
import type { Finding, Rule } from '../types';
import { at } from '../util';
import { spanOf } from '../../syntax/value';

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
          return o && o.type !== 'unknown' ? literalMismatch(o.type, l) : undefined;
        });
        if (why) out.push(at('nixos-option-type', { uri, span: spanOf(definedValue(d.def.value)) }, `\`${d.path.join('.')}\` ${why}`));
      }
    }
    return out;
  },
};
