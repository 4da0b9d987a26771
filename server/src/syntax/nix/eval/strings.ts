// String and path interpolation: `"a${b}c"`, `''…''`, `./x/${y}`.
import type * as A from '../ast';
import { type Origin, placed } from '../../value';
import type { NixEvaluator } from './evaluator';
import type { Env, V } from './types';
import { unknown } from './types';
import { stripIndentation } from '../desugar';
import { resolveUri } from './convert';

/** A string's (or path's) parts joined; unknown when a part's value is not a string. */
export function strParts(ev: NixEvaluator, parts: (string | A.Expr)[], env: Env, uri: string, origin: Origin): V {
  let s = '';
  let only: V | undefined;
  let interpolated = 0;
  for (const p of parts) {
    if (typeof p === 'string') {
      s += p;
      continue;
    }
    let v = ev.eval(p, env, uri);
    // `"${self}/system"`: a set is its outPath, and a path that starts the string is its file URI (Nix copies it
    // to the store and gives that path; what is below it is the same file here, which is what an import reads).
    if (v.kind === 'attrs') v = v.entries.get('outPath')?.thunk.force() ?? v;
    if (v.kind === 'string') s += v.value;
    else if (v.kind === 'path' && p === parts[0]) s += v.value;
    else return unknown(v.kind === 'unknown' ? v.reason : `interpolation of a ${v.kind} not modelled`, origin);
    only = v;
    interpolated++;
  }
  // `"${host.ip4}"` and `"${host.ip4}/24"` are the table's address: a finding on it points at the table's text.
  const rest = parts.filter((p): p is string => typeof p === 'string').join('');
  if (only?.kind === 'string' && interpolated === 1 && parts.length <= 2 && typeof parts[0] !== 'string' && /^(\/\d{1,3})?$/.test(rest)) return placed.string(s, only.origin);
  return placed.string(s, origin);
}

/** `''…''`: indentation stripped as Nix does, then joined. */
export function indentedString(ev: NixEvaluator, n: A.IndStr, env: Env, uri: string, origin: Origin): V {
  const exprs: A.Expr[] = [];
  const lowered = stripIndentation(n, (e) => {
    exprs.push(e);
    return { k: 'error' };
  });
  const parts = lowered.k === 'concat' ? lowered.parts : [lowered];
  let i = 0;
  return strParts(ev, parts.map((p) => (p.k === 'string' ? p.s : exprs[i++])), env, uri, origin);
}

/** `./x/${y}`: a file:// URI relative to the file that writes it. */
export function pathValue(ev: NixEvaluator, n: A.Path, env: Env, uri: string, origin: Origin): V {
  if (n.home) return unknown('a path relative to the home directory', origin);
  const parts: (string | A.Expr)[] = [n.first, ...n.parts.map((p) => (p.type === 'Text' ? p.value : p.expr))];
  const s = strParts(ev, parts, env, uri, origin);
  if (s.kind !== 'string') return s;
  return placed.path(resolveUri(s.value, uri), origin);
}
