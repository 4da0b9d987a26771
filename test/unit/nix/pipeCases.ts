// Hand-written pipe cases: each operator of Nix's table against `|>` and `<|`
// without parentheses, chains in both directions, every position where Nix's
// grammar takes a whole expression, and layouts people use (one stage a line,
// comments between stages). `plain` is the same expression with the pipes
// desugared by hand and the precedence spelt out.
import type { PipeCase } from './pipeGenerate';

export const HAND_CASES: PipeCase[] = [
  // Below every operator of the table (precedence 15, under `->` at 14).
  { pipe: '1 + 2 |> (x: x * 10)', plain: '(x: x * 10) (1 + 2)' },
  { pipe: '(x: x * 10) <| 1 + 2', plain: '(x: x * 10) (1 + 2)' },
  { pipe: '7 - 2 * 3 |> toString', plain: 'toString (7 - (2 * 3))' },
  { pipe: '8 / 2 |> (x: x + 1)', plain: '(x: x + 1) (8 / 2)' },
  { pipe: '[ 1 ] ++ [ 2 3 ] |> builtins.length', plain: 'builtins.length ([ 1 ] ++ [ 2 3 ])' },
  { pipe: 'builtins.length <| [ 1 ] ++ [ 2 3 ]', plain: 'builtins.length ([ 1 ] ++ [ 2 3 ])' },
  { pipe: '{ a = 1; } // { b = 2; } |> builtins.attrNames', plain: 'builtins.attrNames ({ a = 1; } // { b = 2; })' },
  { pipe: '1 < 2 |> (b: !b)', plain: '(b: !b) (1 < 2)' },
  { pipe: '2 >= 2 |> (b: !b)', plain: '(b: !b) (2 >= 2)' },
  { pipe: '1 == 1 |> (b: !b)', plain: '(b: !b) (1 == 1)' },
  { pipe: '1 != 1 |> (b: !b)', plain: '(b: !b) (1 != 1)' },
  { pipe: 'true && false |> (b: !b)', plain: '(b: !b) (true && false)' },
  { pipe: 'false || true |> (b: !b)', plain: '(b: !b) (false || true)' },
  { pipe: 'true -> false |> (b: !b)', plain: '(b: !b) (true -> false)' },
  { pipe: '(b: !b) <| true -> false', plain: '(b: !b) (true -> false)' },
  { pipe: '!true |> (b: !b)', plain: '(b: !b) (!true)' },
  { pipe: '-3 |> (x: x * 2)', plain: '(x: x * 2) (-3)' },
  { pipe: '{ a = 1; } ? a |> (b: !b)', plain: '(b: !b) ({ a = 1; } ? a)' },
  { pipe: '{ a = 1; }.b or 5 |> toString', plain: 'toString ({ a = 1; }.b or 5)' },
  { pipe: '"a" + "b" |> (s: s + "!")', plain: '(s: s + "!") ("a" + "b")' },
  // Application binds tighter: `|> f a` passes the piped value last.
  { pipe: '3 |> (a: b: a * 10 + b) 1', plain: '(a: b: a * 10 + b) 1 3' },
  { pipe: '(a: b: a * 10 + b) 1 <| 3', plain: '(a: b: a * 10 + b) 1 3' },
  { pipe: '[ 1 2 3 ] |> map (x: x * x) |> builtins.filter (x: x > 1)', plain: 'builtins.filter (x: x > 1) (map (x: x * x) [ 1 2 3 ])' },
  // Associativity: `|>` to the left, `<|` to the right.
  { pipe: '1 |> (x: x + 1) |> (x: x * 10) |> (x: x - 3) |> toString', plain: 'toString ((x: x - 3) ((x: x * 10) ((x: x + 1) 1)))' },
  { pipe: 'toString <| (x: x - 3) <| (x: x * 10) <| (x: x + 1) <| 1', plain: 'toString ((x: x - 3) ((x: x * 10) ((x: x + 1) 1)))' },
  { pipe: '(x: y: x - y) 10 <| (x: x * 2) <| 3', plain: '(x: y: x - y) 10 ((x: x * 2) 3)' },
  // Mixing needs parentheses; with them, either nests inside the other.
  { pipe: '(x: x * 2) <| (3 |> (x: x + 1))', plain: '(x: x * 2) ((x: x + 1) 3)' },
  { pipe: '((x: x + 1) <| 3) |> (x: x * 2)', plain: '(x: x * 2) ((x: x + 1) 3)' },
  // Whole-expression positions.
  { pipe: 'let f = x: x |> (y: y + 1); in f 4', plain: 'let f = x: (y: y + 1) x; in f 4' },
  { pipe: 'let xs = [ 1 2 ]; in xs |> map toString |> builtins.concatStringsSep ","', plain: 'let xs = [ 1 2 ]; in builtins.concatStringsSep "," (map toString xs)' },
  { pipe: 'if false then 0 else 5 |> (x: x * 3)', plain: 'if false then 0 else ((x: x * 3) 5)' },
  { pipe: 'if 2 |> (x: x > 1) then "big" else "small"', plain: 'if (x: x > 1) 2 then "big" else "small"' },
  { pipe: 'with { k = 6; }; k |> toString', plain: 'with { k = 6; }; toString k' },
  { pipe: 'assert 1 |> (x: x == 1); "ok"', plain: 'assert (x: x == 1) 1; "ok"' },
  { pipe: '{ a = 1 |> toString; b.c = [ 2 ] |> builtins.length; }', plain: '{ a = toString 1; b.c = builtins.length [ 2 ]; }' },
  { pipe: 'rec { a = 2; b = a |> (x: x * a); }.b', plain: 'rec { a = 2; b = (x: x * a) a; }.b' },
  { pipe: '"n=${3 |> toString}"', plain: '"n=${toString 3}"' },
  { pipe: "''\n  v ${[ 1 2 ] |> builtins.length |> toString}\n''", plain: "''\n  v ${toString (builtins.length [ 1 2 ])}\n''" },
  { pipe: '[ (1 |> toString) ("x" |> (s: s + s)) ]', plain: '[ (toString 1) ((s: s + s) "x") ]' },
  { pipe: '(x: x |> toString) 9', plain: '(x: toString x) 9' },
  { pipe: '({ n }: n |> (x: x + 1)) { n = 1; }', plain: '({ n }: (x: x + 1) n) { n = 1; }' },
  { pipe: 'let inherit ({ q = 1 |> (x: x + 1); }) q; in q', plain: 'let inherit ({ q = (x: x + 1) 1; }) q; in q' },
  // Sets through pipes, as fleet code writes them.
  {
    pipe: '[ "web" "db" ] |> map (name: { inherit name; value = { hostName = name; }; }) |> builtins.listToAttrs |> builtins.mapAttrs (n: v: v.hostName + ".lan")',
    plain: 'builtins.mapAttrs (n: v: v.hostName + ".lan") (builtins.listToAttrs (map (name: { inherit name; value = { hostName = name; }; }) [ "web" "db" ]))',
  },
  { pipe: '{ a = 1; b = 2; } |> builtins.attrValues |> builtins.elem 2', plain: 'builtins.elem 2 (builtins.attrValues { a = 1; b = 2; })' },
  { pipe: '{ a = 1; b = 2; } |> (s: builtins.removeAttrs s [ "a" ]) |> builtins.attrNames', plain: 'builtins.attrNames ((s: builtins.removeAttrs s [ "a" ]) { a = 1; b = 2; })' },
  // Layout: one stage a line, comments between stages, no spaces.
  { pipe: '[ 3 1 2 ]\n  # square each\n  |> map (x: x * x)\n  /* then count */ |> builtins.length', plain: 'builtins.length (map (x: x * x) [ 3 1 2 ])' },
  { pipe: '4|>(x: x+1)|>toString', plain: 'toString ((x: x + 1) 4)' },
  { pipe: 'toString<|(x: x+1)<|4', plain: 'toString ((x: x + 1) 4)' },
  { pipe: '[ 1 ] ++ [ 2 ] |> builtins.length |> (n: n + 1) |> (n: [ n ]) |> (l: l ++ [ 0 ]) |> builtins.head', plain: 'builtins.head ((l: l ++ [ 0 ]) ((n: [ n ]) ((n: n + 1) (builtins.length ([ 1 ] ++ [ 2 ])))))' },
];
