// Deterministic generator of Nix expressions written with the pipe operators,
// each paired with the same expression desugared by hand (`x |> f` as `f x`,
// `f <| x` as `f x`) and parenthesized everywhere, so Nix 2.8, which predates
// pipes, can evaluate the desugared form. Expressions are typed (ints, strings,
// booleans, lists of ints, sets of ints) so every case evaluates to plain data.
// Pipe operands are written without parentheses wherever Nix's grammar allows
// (operator expressions, a `|>` chain continued, a `<|` chain nested to the
// right), which is what tests the precedence and associativity.
import { rng } from './generate';

export interface PipeCase {
  /** With pipes, as people write it. */
  pipe: string;
  /** The same without pipes, precedence explicit. */
  plain: string;
}

type Ty = 'int' | 'str' | 'bool' | 'ints' | 'attrs' | 'strs';
/**
 * `simple`: usable as a function argument or list element; `op`: an operator expression (a
 * valid pipe operand); `into`/`from`: a `|>` / `<|` chain.
 */
type Level = 'simple' | 'op' | 'into' | 'from';
interface G {
  p: string;
  d: string;
  level: Level;
}
interface Fn {
  from: Ty;
  to: Ty;
  /** Written as an operator expression (lambdas in parentheses). */
  p: (k: () => string) => string;
}

const FNS: Fn[] = [
  { from: 'int', to: 'int', p: (k) => `(x: x + ${k()})` },
  { from: 'int', to: 'int', p: (k) => `(x: x * ${k()})` },
  { from: 'int', to: 'int', p: () => `(x: -x)` },
  { from: 'int', to: 'int', p: (k) => `(a: b: a * 10 + b) ${k()}` },
  { from: 'int', to: 'int', p: (k) => `(x: x |> (y: y - ${k()}))` },
  { from: 'int', to: 'str', p: () => `toString` },
  { from: 'int', to: 'str', p: () => `builtins.toString` },
  { from: 'int', to: 'str', p: () => `(x: "n\${toString x}")` },
  { from: 'int', to: 'bool', p: (k) => `(x: x > ${k()})` },
  { from: 'int', to: 'bool', p: (k) => `(x: x == ${k()})` },
  { from: 'int', to: 'ints', p: () => `(x: [ x x ])` },
  { from: 'int', to: 'ints', p: (k) => `(x: [ ${k()} x ])` },
  { from: 'ints', to: 'int', p: () => `builtins.length` },
  { from: 'ints', to: 'int', p: (k) => `(xs: builtins.head (xs ++ [ ${k()} ]))` },
  { from: 'ints', to: 'ints', p: (k) => `map (x: x + ${k()})` },
  { from: 'ints', to: 'ints', p: (k) => `builtins.filter (x: x > ${k()})` },
  { from: 'ints', to: 'ints', p: (k) => `(xs: xs ++ [ ${k()} ])` },
  { from: 'ints', to: 'ints', p: () => `map (x: x |> (y: y * 2))` },
  { from: 'ints', to: 'bool', p: (k) => `builtins.elem ${k()}` },
  { from: 'ints', to: 'strs', p: () => `map toString` },
  { from: 'ints', to: 'attrs', p: () => `(xs: builtins.listToAttrs (map (x: { name = "k\${toString x}"; value = x; }) xs))` },
  { from: 'strs', to: 'str', p: () => `builtins.concatStringsSep "-"` },
  { from: 'strs', to: 'int', p: () => `builtins.length` },
  { from: 'str', to: 'str', p: () => `(s: s + "!")` },
  { from: 'str', to: 'str', p: () => `(s: "<\${s}>")` },
  { from: 'str', to: 'strs', p: () => `(s: [ s "z" ])` },
  { from: 'str', to: 'bool', p: () => `(s: s == "")` },
  { from: 'bool', to: 'bool', p: () => `(b: !b)` },
  { from: 'bool', to: 'int', p: (k) => `(b: if b then ${k()} else 0)` },
  { from: 'bool', to: 'str', p: () => `(b: if b then "yes" else "no")` },
  { from: 'attrs', to: 'strs', p: () => `builtins.attrNames` },
  { from: 'attrs', to: 'ints', p: () => `builtins.attrValues` },
  { from: 'attrs', to: 'attrs', p: (k) => `builtins.mapAttrs (n: v: v + ${k()})` },
  { from: 'attrs', to: 'attrs', p: (k) => `(a: a // { z = ${k()}; })` },
  { from: 'attrs', to: 'attrs', p: () => `(a: builtins.removeAttrs a [ "a" ])` },
  { from: 'attrs', to: 'bool', p: () => `(a: a ? a)` },
  { from: 'attrs', to: 'bool', p: () => `builtins.hasAttr "b"` },
];

/** The desugared text of a function written with pipes inside (its body). */
function plainFn(p: string): string {
  // Only two functions carry a pipe in their body: spell those out.
  return p.replace(/x \|> \(y: y - (\d+)\)/, '(y: y - $1) x').replace('x |> (y: y * 2)', '(y: y * 2) x');
}

const par = (s: string): string => `(${s})`;

export function generatePipeCases(seed: number, count: number): PipeCase[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const k = (): string => String(Math.floor(r() * 10));

  const base = (t: Ty): G => {
    switch (t) {
      case 'int':
        return pick<() => G>([
          () => {
            const a = k();
            return { p: a, d: a, level: 'simple' };
          },
          () => {
            const a = k();
            const b = k();
            return { p: `${a} + ${b}`, d: `${a} + ${b}`, level: 'op' };
          },
          () => {
            const a = k();
            return { p: `-${a}`, d: `-${a}`, level: 'op' };
          },
          () => ({ p: '{ v = 4; }.v', d: '{ v = 4; }.v', level: 'simple' }),
        ])();
      case 'str':
        return pick<G>([
          { p: '"s"', d: '"s"', level: 'simple' },
          { p: '"a${"b"}"', d: '"a${"b"}"', level: 'simple' },
          { p: '"x" + "y"', d: '"x" + "y"', level: 'op' },
        ]);
      case 'bool':
        return pick<() => G>([
          () => ({ p: 'true', d: 'true', level: 'simple' }),
          () => ({ p: 'false', d: 'false', level: 'simple' }),
          () => {
            const a = k();
            const b = k();
            return { p: `${a} < ${b}`, d: `${a} < ${b}`, level: 'op' };
          },
          () => ({ p: 'true -> false', d: 'true -> false', level: 'op' }),
          () => ({ p: '!false', d: '!false', level: 'op' }),
          () => ({ p: '{ a = 1; } ? a', d: '{ a = 1; } ? a', level: 'op' }),
        ])();
      case 'ints': {
        const xs = Array.from({ length: 1 + Math.floor(r() * 3) }, k).join(' ');
        return pick<G>([
          { p: `[ ${xs} ]`, d: `[ ${xs} ]`, level: 'simple' },
          { p: `[ ${xs} ] ++ [ 5 ]`, d: `[ ${xs} ] ++ [ 5 ]`, level: 'op' },
        ]);
      }
      case 'strs':
        return { p: '[ "p" "q" ]', d: '[ "p" "q" ]', level: 'simple' };
      case 'attrs': {
        const a = `{ a = ${k()}; b = ${k()}; }`;
        return pick<G>([
          { p: a, d: a, level: 'simple' },
          { p: `${a} // { c = 1; }`, d: `${a} // { c = 1; }`, level: 'op' },
        ]);
      }
    }
  };

  const gen = (t: Ty, depth: number): G => {
    if (depth <= 0 || r() < 0.15) return base(t);
    const fns = FNS.filter((f) => f.to === t);
    const f = pick(fns);
    const fp = f.p(k);
    const fd = par(plainFn(fp));
    const x = gen(f.from, depth - 1);
    const choice = r();
    if (choice < 0.45) {
      // x |> f: a `|>` chain continues without parentheses; a `<|` chain needs them.
      const xp = x.level === 'from' ? par(x.p) : x.p;
      return { p: `${xp} |> ${fp}`, d: `${fd} ${par(x.d)}`, level: 'into' };
    }
    if (choice < 0.85) {
      // f <| x: a `<|` chain nests to the right without parentheses; a `|>` chain needs them.
      const xp = x.level === 'into' ? par(x.p) : x.p;
      return { p: `${fp} <| ${xp}`, d: `${fd} ${par(x.d)}`, level: 'from' };
    }
    // A pipe as an operand of an ordinary operator or call: parenthesized.
    const inner = r() < 0.5 ? `${x.level === 'from' ? par(x.p) : x.p} |> ${fp}` : `${fp} <| ${x.level === 'into' ? par(x.p) : x.p}`;
    const d = `${fd} ${par(x.d)}`;
    switch (t) {
      case 'int':
        return { p: `1 + (${inner})`, d: `1 + (${d})`, level: 'op' };
      case 'str':
        return { p: `"[\${${inner}}]"`, d: `"[\${${d}}]"`, level: 'simple' };
      case 'ints':
        return { p: `[ 0 ] ++ (${inner})`, d: `[ 0 ] ++ (${d})`, level: 'op' };
      case 'attrs':
        return { p: `{ w = 0; } // (${inner})`, d: `{ w = 0; } // (${d})`, level: 'op' };
      default:
        return { p: `(${inner})`, d: `(${d})`, level: 'simple' };
    }
  };

  // Where a whole pipeline may stand without parentheses: Nix's `expr` positions.
  const contexts: ((g: G) => PipeCase)[] = [
    (g) => ({ pipe: g.p, plain: g.d }),
    (g) => ({ pipe: `let v = ${g.p}; in v`, plain: `let v = ${g.d}; in v` }),
    (g) => ({ pipe: `{ v = ${g.p}; }.v`, plain: `{ v = ${g.d}; }.v` }),
    (g) => ({ pipe: `(q: ${g.p}) 0`, plain: `(q: ${g.d}) 0` }),
    (g) => ({ pipe: `if true then ${g.p} else ${g.p}`, plain: `if true then ${g.d} else ${g.d}` }),
    (g) => ({ pipe: `assert true; ${g.p}`, plain: `assert true; ${g.d}` }),
    (g) => ({ pipe: `with { u = 1; }; ${g.p}`, plain: `with { u = 1; }; ${g.d}` }),
    (g) => ({ pipe: `[ (${g.p}) ]`, plain: `[ (${g.d}) ]` }),
  ];
  const types: Ty[] = ['int', 'str', 'bool', 'ints', 'attrs', 'strs'];
  const out: PipeCase[] = [];
  while (out.length < count) {
    const g = gen(pick(types), 1 + Math.floor(r() * 4));
    if (g.level !== 'into' && g.level !== 'from' && r() < 0.7) continue; // mostly top-level pipelines
    out.push(pick(contexts)(g));
  }
  return out;
}
