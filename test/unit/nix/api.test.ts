// The node API the model and feature layers build on: innermost node at an
// offset, parents, binding paths and spans, scope diagnostics,
// encrypted/binary detection, lossless token coverage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  parseNix, nodeAt, bindingPath, analyzeScopes, detectUnparseable, forEachChild, type AttrDef, type Node,
} from '../../../server/src/syntax/nix';
import { LineIndex } from '../../../server/src/syntax/lineIndex';
import { lex } from '../../../server/src/syntax/nix/lexer';
import { Tok } from '../../../server/src/syntax/nix/tokens';

const DEFAULTS = `{ pkgs, ... }:
{
  systemSettings = {
    # Host name of the container.
    # Shown in the tree view.
    hostname = "nixos";

    # Unrelated comment separated by a blank line

    grafanaEnable = false; # Enable Grafana dashboards
    /* Block doc */
    nameServers = [ "1.1.1.1" ];
  };
}
`;

/** The node's parents, innermost first. */
function parents(node: Node): Node[] {
  const out: Node[] = [];
  for (let p = node.parent; p; p = p.parent) out.push(p);
  return out;
}

/** The binding (`name = value;`) holding the node. */
function enclosingBinding(node: Node): AttrDef | undefined {
  return [node, ...parents(node)].find((n): n is AttrDef => n.type === 'AttrDef');
}

function bindingAt(text: string, word: string): AttrDef {
  const r = parseNix(text);
  const n = nodeAt(r.root, text.indexOf(word) + 1);
  const b = n && enclosingBinding(n);
  assert.ok(b, `binding at ${word}`);
  return b;
}

test('parent links: every node points at the node that holds it, in sound and in broken files', () => {
  const dir = join(__dirname, '../../fixtures/nix');
  let files = 0;
  let nodes = 0;
  for (const sub of ['ok', 'err', 'pipes', 'profiles/lib', 'profiles/profiles']) {
    for (const f of readdirSync(join(dir, sub)).filter((x) => x.endsWith('.nix'))) {
      const text = readFileSync(join(dir, sub, f), 'utf8');
      // The whole file and a cut half-way through (a half-typed file has Error nodes).
      for (const input of [text, text.slice(0, text.length >> 1)]) {
        const r = parseNix(input);
        assert.equal(r.root.parent, undefined, `${sub}/${f}: the root has no parent`);
        const stack: Node[] = [r.root];
        while (stack.length) {
          const node = stack.pop() as Node;
          nodes++;
          forEachChild(node, (child) => {
            assert.equal(child.parent, node, `${sub}/${f}: parent of the ${child.type} at ${child.start}`);
            stack.push(child);
          });
        }
      }
      files++;
    }
  }
  assert.ok(files > 40 && nodes > 2_000, `${files} files, ${nodes} nodes walked`);
});

test('nodeAt, parents, binding path and spans', () => {
  const r = parseNix(DEFAULTS);
  const at = DEFAULTS.indexOf('"nixos"') + 2;
  const n = nodeAt(r.root, at)!;
  assert.equal(n.type, 'Text');
  assert.deepEqual(parents(n).map((a) => a.type).slice(0, 4), ['Str', 'AttrDef', 'AttrSet', 'AttrDef']);
  const b = enclosingBinding(n);
  assert.ok(b);
  assert.deepEqual(bindingPath(b), ['systemSettings', 'hostname']);
  assert.equal(DEFAULTS.slice(b.path.start, b.path.end), 'hostname');
  assert.equal(DEFAULTS.slice(b.value.start, b.value.end), '"nixos"');
  // Through `//`, let and function bodies, and into lists.
  const profile = `let base = import ./b.nix; in { systemSettings = base.systemSettings // { t = [ { name = "x"; } ]; a.b = 1; }; }`;
  assert.deepEqual(bindingPath(bindingAt(profile, 'name')), ['systemSettings', 't', '[]', 'name']);
  assert.deepEqual(bindingPath(bindingAt(profile, 'a.b')), ['systemSettings', 'a', 'b']);
  assert.deepEqual(bindingPath(bindingAt(profile, 'base =')), ['base']);
  assert.equal(bindingPath(bindingAt('{ ${x}.y = 1; }', 'y')), undefined);
});

test('scopes: undefined variables outside with, unused let bindings, duplicates', () => {
  const text = `let used = 1; unused = 2; in { a = used + missing; b = with x; anything; c = { d = 1; d = 2; }; }`;
  const r = parseNix(text);
  const d = analyzeScopes(r.root, text).diagnostics;
  const at = (code: string) => d.filter((x) => x.code === code).map((x) => text.slice(x.span.start, x.span.end));
  assert.deepEqual(at('undefined-variable'), ['missing', 'x']);
  assert.deepEqual(at('unused-binding'), ['unused']);
  assert.deepEqual(at('duplicate-attribute'), ['d']);
  assert.equal(d.find((x) => x.code === 'unused-binding')?.severity, 'hint');
  const refs = analyzeScopes(r.root, text).references;
  const used = refs.find((x) => x.name === 'used')!;
  assert.equal(text.slice(used.definition!.start, used.definition!.end), 'used');
  assert.equal(refs.find((x) => x.name === 'anything')?.resolvedBy, 'with');
});

test('git-crypt and binary files are recognised', () => {
  assert.equal(detectUnparseable('\0GITCRYPT\0\x01\x02'), 'git-crypt');
  assert.equal(detectUnparseable('abc\0def'), 'binary');
  assert.equal(detectUnparseable('\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd'), 'binary');
  assert.equal(detectUnparseable('{ a = "é ✓"; }'), undefined);
  // sops writes JSON (or YAML) with a `sops` key, whatever the file is called.
  const sopsJson = '{\n\t"data": "ENC[AES256_GCM,data:Zm9v,iv:YmFy,tag:YmF6,type:str]",\n\t"sops": {\n\t\t"age": [],\n\t\t"version": "3.9.0"\n\t}\n}\n';
  assert.equal(detectUnparseable(sopsJson), 'sops');
  assert.equal(detectUnparseable('data: ENC[AES256_GCM,data:Zm9v,type:str]\nsops:\n    version: 3.9.0\n'), 'sops');
  // Nix that merely mentions sops and ENC[ stays Nix.
  assert.equal(detectUnparseable('{ sops.secrets.x = { }; note = "ENC[ is how sops marks values"; }'), undefined);
  assert.equal(detectUnparseable('{ "data" = "ENC[x]"; sops = { }; }'), undefined);
});

test('lossless: tokens and comments cover every non-blank character; UTF-16 positions', () => {
  const text = `# c\n{ a = "héllo ✓ 𝄞"; /* x */ b = ''\n  y\n''; }\n`;
  const r = parseNix(text);
  const t = lex(text);
  const covered = new Uint8Array(text.length);
  for (let i = 0; i < t.count; i++) for (let j = t.start[i]; j < t.end[i]; j++) covered[j] = 1;
  for (const c of r.comments) for (let j = c.start; j < c.end; j++) covered[j] = 1;
  for (let j = 0; j < text.length; j++) if (!/\s/.test(text[j])) assert.equal(covered[j], 1, `offset ${j}`);
  const b = bindingAt(text, 'b =');
  const pos = new LineIndex(text).positionAt(b.path.start);
  assert.deepEqual(pos, { line: 1, character: text.split('\n')[1].indexOf('b =') });
});

test('keywords are told from names in place: each keyword, and names one letter off or longer', () => {
  const kinds: [string, number][] = [
    ['if', Tok.IF], ['then', Tok.THEN], ['else', Tok.ELSE], ['assert', Tok.ASSERT], ['with', Tok.WITH],
    ['let', Tok.LET], ['in', Tok.IN], ['rec', Tok.REC], ['inherit', Tok.INHERIT], ['or', Tok.OR_KW],
  ];
  for (const [word, kind] of kinds) {
    const t = lex(`x ${word} y`);
    assert.equal(t.kind[1], kind, word);
    for (const near of [word.slice(0, -1), `${word}x`, `x${word}`, word.replace(/.$/, 'q'), word.toUpperCase()]) {
      if (near.length === 0 || kinds.some(([w]) => w === near)) continue;
      assert.equal(lex(`x ${near} y`).kind[1], Tok.ID, `${near} is a name`);
    }
  }
});
