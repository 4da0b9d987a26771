// Fuzz-style robustness: thousands of mutations of the corpus (token deletions,
// insertions, duplications, swaps, truncations, random bytes) go through parse,
// scope analysis, navigation, printing and evaluation without throwing, and the
// parser's work (tokens + loop iterations) stays proportional to the input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseNix, analyzeScopes, NixEvaluator, nodeAt, bindingPath, detectUnparseable } from '../../../server/src/syntax/nix';
import { printNormalForm } from './printNormal';
import { lex } from '../../../server/src/syntax/nix/lexer';
import { forEachChild, type Node } from '../../../server/src/syntax/nix/ast';
import { rng, generateFile } from './generate';

const FIX = resolve(__dirname, '../../fixtures/nix');
const MUTATIONS = 4000;
/** Work units allowed per input character (+ a constant): the linearity bound. */
const WORK_PER_CHAR = 4;

function corpus(): string[] {
  const out: string[] = [];
  for (const dir of ['ok', 'err', 'profiles/lib', 'profiles/profiles']) {
    for (const f of readdirSync(join(FIX, dir)).sort()) if (f.endsWith('.nix')) out.push(readFileSync(join(FIX, dir, f), 'utf8'));
  }
  for (let i = 0; i < 20; i++) out.push(generateFile(50000 + i));
  return out;
}

const JUNK = ['{', '}', '[', ']', '(', ')', ';', '"', "''", '${', '=', ':', '.', '@', '?', ',', 'let', 'in', 'rec', 'inherit', 'with', 'if', 'then', 'else', 'or', '//', '++', '\0', '\\', '$', '#', '/*', './', '<', 'x', ' ', '\n', '\ud83d\ude00', '\ud800'];

function mutate(text: string, r: () => number): string {
  const t = lex(text);
  const pick = () => Math.floor(r() * Math.max(1, t.count - 1));
  const tok = (i: number) => text.slice(t.start[i], t.end[i]);
  const kind = Math.floor(r() * 6);
  const i = pick();
  const j = pick();
  switch (kind) {
    case 0: // delete a token
      return text.slice(0, t.start[i]) + text.slice(t.end[i]);
    case 1: // insert junk
      return text.slice(0, t.start[i]) + JUNK[Math.floor(r() * JUNK.length)] + text.slice(t.start[i]);
    case 2: // duplicate a token elsewhere
      return text.slice(0, t.start[j]) + tok(i) + ' ' + text.slice(t.start[j]);
    case 3: { // swap two tokens
      const [a, b] = i < j ? [i, j] : [j, i];
      if (a === b) return text;
      return text.slice(0, t.start[a]) + tok(b) + text.slice(t.end[a], t.start[b]) + tok(a) + text.slice(t.end[b]);
    }
    case 4: // truncate
      return text.slice(0, Math.floor(r() * text.length));
    default: { // random bytes
      let s = text;
      for (let k = 0; k < 3; k++) {
        const at = Math.floor(r() * s.length);
        s = s.slice(0, at) + String.fromCharCode(Math.floor(r() * 0x3000)) + s.slice(at);
      }
      return s;
    }
  }
}

test('thousands of mutations never throw and parse in linear work', () => {
  const files = corpus();
  const r = rng(7);
  let worst = 0;
  let withErrors = 0;
  for (let m = 0; m < MUTATIONS; m++) {
    let text = files[m % files.length];
    const rounds = 1 + Math.floor(r() * 3);
    for (let k = 0; k < rounds; k++) text = mutate(text, r);
    const context = () => `mutation ${m}:\n${text}`;
    try {
      detectUnparseable(text);
      const p = parseNix(text);
      if (p.errors.length) withErrors++;
      for (const e of p.errors) {
        assert.ok(e.span.start >= 0 && e.span.end <= text.length && e.span.start <= e.span.end, `bad span ${JSON.stringify(e)}`);
        assert.ok(e.message.length > 0);
      }
      const ratio = p.work / (text.length + 10);
      worst = Math.max(worst, ratio);
      assert.ok(p.work <= WORK_PER_CHAR * (text.length + 10), `work ${p.work} for ${text.length} chars: ${context()}`);
      analyzeScopes(p.root, text);
      const n = nodeAt(p.root, Math.floor(r() * (text.length + 1)));
      for (let x = n; x; x = x.parent) if (x.type === 'AttrDef') bindingPath(x);
      printNormalForm(p, { baseDir: '/b', home: '/h' });
      const ev = new NixEvaluator({ readText: (u) => (u === 'file:///p/x.nix' ? text : files[0]) });
      ev.evaluateFile('file:///p/x.nix');
    } catch (e) {
      assert.fail(`threw ${String((e as Error)?.stack ?? e)}\n${context()}`);
    }
  }
  console.log(`nix fuzz: ${MUTATIONS} mutations, ${withErrors} with syntax errors, worst work/char ${worst.toFixed(2)} (bound ${WORK_PER_CHAR})`);
});

test('parser work grows linearly: 10x input, about 10x work', () => {
  const shapes: [string, (n: number) => string][] = [
    ['profile sets', (n) => `{ ${Array.from({ length: n }, (_, i) => `k${i} = { a = [ 1 "s\${x}" ./p ]; b.c = i: i + 1; };`).join('\n')} }`],
    ['deep parens', (n) => '('.repeat(n / 20) + '1' + ')'.repeat(n / 20) + ' + 1'.repeat(n)],
    ['unclosed strings', (n) => Array.from({ length: n }, () => 'a = "x;\n').join('')],
    ['garbage', (n) => '{ = ; } ] ) in then '.repeat(n)],
    ['lookahead', (n) => `[ ${'a.b.c.d.e.f.g.h '.repeat(n)} ]`],
    ['formals', (n) => `{ ${'a, '.repeat(n)} }: 1`],
    // One run of path and URI-scheme characters holding many tokens: the look-aheads must not rescan it.
    ['long selection', (n) => `x${'.a'.repeat(n)}`],
    ['long selection in a list', (n) => `[ x${'.a-b+c'.repeat(n)} ]`],
    ['ind strings', (n) => `''\n${'  line ${x} $$ \'\'$ \n'.repeat(n)}''`],
  ];
  for (const [name, make] of shapes) {
    const small = parseNix(make(500));
    const big = parseNix(make(5000));
    const ratio = big.work / small.work;
    assert.ok(ratio > 5 && ratio < 15, `${name}: work ${small.work} -> ${big.work} (x${ratio.toFixed(1)}) for 10x input`);
  }
});

test('deeply nested and long-chained input goes through every stage without throwing', () => {
  const shapes = [['{ a = ', '; }'], ['[ ', ' ]'], ['(', ')'], ['let a = 1; in ', ''], ['x: ', ''], ['-', ''], ['1 ++ ', ''], ['1 + ', ''], ['f ', ''], ['"${', '}"'], ['if true then ', ' else 1'], ['{ a.b = ', '; }'], ['{ a.b.c.d.e.f.g.h.i.j = ', '; }'], ['let a = ', '; in a'], ['with x; ', ''], ['assert true; ', ''], ['{ a }: ', '']];
  for (const [open, close] of shapes) {
    for (const n of [300, 1400, 10000]) {
      const text = open.repeat(n) + '1' + close.repeat(n);
      const r = parseNix(text);
      analyzeScopes(r.root, text);
      printNormalForm(r, { baseDir: '/', home: '/h' });
      nodeAt(r.root, text.length >> 1);
      const v = new NixEvaluator({ readText: () => text }).evaluateFile('file:///a.nix');
      assert.ok(!(v.kind === 'unknown' && /evaluation failed/.test(v.reason)), `${open} x${n}: ${v.kind === 'unknown' ? v.reason : ''}`);
    }
  }
  // Long dotted paths: a key `a.a.….a` nests its value as deep as that many braces, so past the limit
  // it is the parser's "nested too deeply" error; a selection `x.a.….a` nests nothing.
  const paths: [string, (n: number) => string, boolean][] = [
    ['key', (n) => `{ ${'a.'.repeat(n)}a = 1; }`, true],
    ['key without value', (n) => `{ ${'a.'.repeat(n)}a }`, true],
    ['let key', (n) => `let ${'a.'.repeat(n)}a = 1; in a`, true],
    ['dynamic key', (n) => `{ ${'${"a"}.'.repeat(n)}a = 1; }`, true],
    ['selection', (n) => `let x = { a = 1; }; in x${'.a'.repeat(n)} or 2`, false],
    ['has-attribute', (n) => `{ } ? ${'a.'.repeat(n)}a`, false],
  ];
  for (const [name, make, nests] of paths) {
    for (const n of [300, 1400, 10000]) {
      const text = make(n);
      const r = parseNix(text);
      const tooDeep = r.errors.filter((e) => /nested too deeply/.test(e.message));
      assert.equal(tooDeep.length, nests && n > 490 ? 1 : 0, `${name} x${n}: ${JSON.stringify(r.errors.slice(0, 3))}`);
      analyzeScopes(r.root, text);
      printNormalForm(r, { baseDir: '/', home: '/h' });
      nodeAt(r.root, text.length >> 1);
      const v = new NixEvaluator({ readText: () => text }).evaluateFile('file:///a.nix');
      assert.ok(!(v.kind === 'unknown' && /evaluation failed/.test(v.reason)), `${name} x${n}: ${v.kind === 'unknown' ? v.reason : ''}`);
    }
  }
});

test('a level of any construct counts the same toward the nesting limit: the tree stays about two nodes a level deep', () => {
  // Keyword constructs (let, if, with, assert, functions) recurse into parseExpr directly, without the
  // operator and primary levels a bracket goes through; they must still stop at "500 levels", or the
  // tree grows three times deeper than the recursive stages after the parser are built for.
  const shapes = [['{ a = ', '; }'], ['[ ', ' ]'], ['(', ')'], ['let a = 1; in ', ''], ['let a = ', '; in a'], ['x: ', ''], ['{ a }: ', ''], ['if true then ', ' else 1'], ['with x; ', ''], ['assert true; ', ''], ['"${', '}"']];
  for (const [open, close] of shapes) {
    const r = parseNix(open.repeat(10_000) + '1' + close.repeat(10_000));
    assert.ok(r.errors.some((e) => /nested too deeply \(more than 500 levels\)/.test(e.message)), `${open}: ${JSON.stringify(r.errors.slice(0, 2))}`);
    let deepest = 0;
    const stack: [Node, number][] = [[r.root, 1]];
    while (stack.length > 0) {
      const [n, d] = stack.pop() as [Node, number];
      deepest = Math.max(deepest, d);
      forEachChild(n, (c) => stack.push([c, d + 1]));
    }
    assert.ok(deepest <= 1_010, `${open}: tree ${deepest} nodes deep`);
  }
});
