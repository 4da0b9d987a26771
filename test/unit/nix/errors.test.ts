// Error messages on half-typed files: each problem reported once, at a useful
// place, in words a person understands, and the rest of the tree still there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseNix, bindingPath, type AttrDef, type Node, forEachChild } from '../../../server/src/syntax/nix';

function bindings(root: Node): AttrDef[] {
  const out: AttrDef[] = [];
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop() as Node;
    if (n.type === 'AttrDef') out.push(n);
    forEachChild(n, (c) => stack.push(c));
  }
  return out.sort((a, b) => a.start - b.start);
}
const paths = (root: Node) => bindings(root).map((b) => (bindingPath(b) ?? []).join('.'));
/** Marks the expected error position with ⟦⟧ (removed before parsing). */
function check(marked: string, message: RegExp, expectedPaths?: string[]) {
  const start = marked.indexOf('⟦');
  const text = marked.replace('⟦', '');
  const r = parseNix(text);
  assert.equal(r.errors.length, 1, `exactly one error, got ${JSON.stringify(r.errors)}`);
  assert.equal(r.errors[0].span.start, start, `error at ${start}: ${JSON.stringify(r.errors[0])}`);
  assert.match(r.errors[0].message, message);
  if (expectedPaths) assert.deepEqual(paths(r.root), expectedPaths);
  return r;
}

const PROFILE_HEAD = `let
  base = import ./LXC-base-config.nix;
in
{
  userSettings = base.userSettings // { dockerEnable = true; };
  systemSettings = base.systemSettings // { `;

test('half-typed flag at end of file', () => {
  check(`${PROFILE_HEAD}hostname = "x"; ⟦grafanaEn`, /'grafanaEn' has no value: expected '='/, [
    'base',
    'userSettings',
    'userSettings.dockerEnable',
    'systemSettings',
    'systemSettings.hostname',
    'systemSettings.grafanaEn',
  ]);
});

test('missing semicolon between bindings', () => {
  check(`{\n  a = 1⟦\n  b = 2;\n  c = [ 1 2 ];\n}`, /missing ';' after the value of 'a'/, ['a', 'b', 'c']);
  check(`{\n  a = f x⟦\n  b.c = 2;\n}`, /missing ';' after the value of 'a'/, ['a', 'b.c']);
  check(`{ a = { x = 1; }⟦ }`, /missing ';'/, ['a', 'a.x']);
});

test('unclosed brace, bracket, paren', () => {
  check(`{\n  a = 1;\n  b = ⟦{\n    c = 2;\n`, /'\{' is never closed/, ['a', 'b', 'b.c']);
  check(`{ a = ⟦[ 1 2;\n b = 3; }`, /'\[' is not closed: expected '\]' before ';'/, ['a', 'b']);
  check(`{ a = ⟦(1 + 2; b = 3; }`, /'\(' is not closed: expected '\)' before ';'/, ['a', 'b']);
});

test('unclosed string: reported at the quote, following lines still parsed', () => {
  const r = check(`{\n  a = ⟦"unterminated;\n  b = 2;\n  c = "ok";\n}`, /unterminated string/, ['a', 'b', 'c']);
  assert.equal(r.errors.length, 1);
  check(`{ a = ''⟦\n  text`.replace("''⟦", "⟦''"), /unterminated indented string/);
});

test('misc messages', () => {
  check(`{ a = 1; ⟦if = 2; }`, /'if' is a keyword/);
  check(`x: x ⟦| x`, /unexpected '\|'/);
  check(`x: x |> f ⟦<| x`, /'\|>' and '<\|' cannot be mixed/);
  check(`x: f <| x ⟦|> g`, /'\|>' and '<\|' cannot be mixed/);
  check(`{ a = x |> ⟦; b = 1; }`, /expected an expression/, ['a', 'b']);
  check(`{ a = ⟦; b = 1; }`, /expected an expression|a value after 'a ='/, ['a', 'b']);
  check(`1 == 2 ⟦== 3`, /cannot be chained/);
  check(`if true then 1⟦`, /'else'/);
  check(`let a = 1;⟦`, /'in'/);
  check(`[ 1 2 ] ⟦]`, /after the end of the expression/);
});

test('10,000 levels of nesting: one clear error, no stack overflow', () => {
  for (const [open, close] of [['{ a = ', '; }'], ['[ ', ' ]'], ['(', ')'], ['let a = 1; in ', ''], ['x: ', ''], ['-', ''], ['1 ++ ', '']]) {
    const text = open.repeat(10000) + '1' + close.repeat(10000);
    const r = parseNix(text);
    assert.equal(r.errors.length, 1, `${open}: ${JSON.stringify(r.errors.slice(0, 3))}`);
    assert.match(r.errors[0].message, /nested too deeply/);
  }
  // Long flat chains are fine up to the limit, and bounded beyond it.
  const chain = Array.from({ length: 20000 }, () => '1').join(' + ');
  const r = parseNix(chain);
  assert.ok(r.errors.length <= 1);
});
