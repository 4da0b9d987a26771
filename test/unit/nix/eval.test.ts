// The static evaluator on profile-like files: known values equal
// `nix-instantiate --eval --strict --json` (pkgs-dependent keys left out), the
// `//` chain defaults → base → profile is recorded, and encrypted, missing and
// cyclic imports give unknown values instead of errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { NixEvaluator, type EvalHost } from '../../../server/src/syntax/nix';
import { toPlain, type Value } from '../../../server/src/syntax/value';
import { nixEvalJson, requireNix } from './nixCli';

const ROOT = resolve(__dirname, '../../fixtures/nix/profiles');
const uri = (rel: string) => pathToFileURL(resolve(ROOT, rel)).href;
const diskHost: EvalHost = {
  readText(u) {
    try {
      return readFileSync(fileURLToPath(u), 'utf8');
    } catch {
      return undefined;
    }
  },
};

function unknownPaths(v: Value, path = ''): string[] {
  if (v.kind === 'unknown') return [path];
  if (v.kind === 'attrs') return [...v.entries].flatMap(([k, e]) => unknownPaths(e.value, path ? `${path}.${k}` : k));
  if (v.kind === 'list') return v.items.flatMap((x, i) => unknownPaths(x, `${path}[${i}]`));
  return [];
}
const get = (v: Value, ...keys: string[]) => keys.reduce<Value | undefined>((cur, k) => (cur?.kind === 'attrs' ? cur.entries.get(k)?.value : undefined), v);
const entry = (v: Value, ...keys: string[]) => {
  const parent = get(v, ...keys.slice(0, -1));
  return parent?.kind === 'attrs' ? parent.entries.get(keys[keys.length - 1]) : undefined;
};
const textOf = (o: { uri: string; span: { start: number; end: number } }) => readFileSync(fileURLToPath(o.uri), 'utf8').slice(o.span.start, o.span.end);

test('profile: known values equal nix-instantiate --eval --strict --json', () => {
  requireNix();
  const ours = new NixEvaluator(diskHost).evaluateFile(uri('profiles/LXC_monitoring-config.nix'));
  assert.deepEqual(unknownPaths(ours), ['systemSettings.shellPackage']);
  const file = resolve(ROOT, 'profiles/LXC_monitoring-config.nix');
  const nix = nixEvalJson(file, `let p = import ${file}; in p // { systemSettings = removeAttrs p.systemSettings [ "shellPackage" ]; }`);
  assert.deepEqual(toPlain(ours), nix);
});

test('defaults file: a { pkgs, ... } function evaluated with pkgs unknown', () => {
  requireNix();
  const ours = new NixEvaluator(diskHost).evaluateFile(uri('lib/defaults.nix'));
  assert.deepEqual(unknownPaths(ours).sort(), ['systemSettings.shellPackage', 'userSettings.editor']);
  const file = resolve(ROOT, 'lib/defaults.nix');
  const nix = nixEvalJson(
    file,
    `let d = import ${file} { pkgs = { bash = "bash"; }; }; in { systemSettings = removeAttrs d.systemSettings [ "shellPackage" ]; userSettings = removeAttrs d.userSettings [ "editor" ]; }`,
  );
  assert.deepEqual(toPlain(ours), nix);
  assert.equal(get(ours, 'systemSettings', 'memoryLimitMB')?.kind, 'number');
});

test('// merges record the chain defaults -> base -> profile, origins point at the source', () => {
  const ours = new NixEvaluator(diskHost).evaluateFile(uri('profiles/LXC_monitoring-config.nix'));
  const cal = entry(ours, 'systemSettings', 'autoSystemUpdateOnCalendar')!;
  assert.ok(cal.overrides && cal.overrides.overrides, 'two overridden values');
  assert.match(cal.keyOrigin.uri, /LXC_monitoring-config\.nix$/);
  assert.match(cal.overrides.keyOrigin.uri, /LXC-base-config\.nix$/);
  assert.match(cal.overrides.overrides.keyOrigin.uri, /lib\/defaults\.nix$/);
  assert.equal(textOf(cal.overrides.overrides.value.origin), '"Sat *-*-* 06:00:00"');
  const host = entry(ours, 'systemSettings', 'hostname')!;
  assert.equal(textOf(host.value.origin), '"monitoring"');
  assert.equal(textOf(host.keyOrigin), 'hostname');
  assert.match(host.overrides!.keyOrigin.uri, /lib\/defaults\.nix$/);
  // Not overridden: comes straight from defaults, with its origin there.
  const ns = entry(ours, 'systemSettings', 'prometheusEnable')!;
  assert.match(ns.value.origin.uri, /LXC-base-config\.nix$/);
  const email = get(ours, 'systemSettings', 'notificationToEmail')!;
  assert.equal(textOf(email.origin), '"alerts@example.org"');
});

test('encrypted, missing and cyclic imports give unknown values, never errors', () => {
  const proxy = new NixEvaluator(diskHost).evaluateFile(uri('profiles/LXC_proxy-config.nix'));
  const acme = get(proxy, 'systemSettings', 'acmeEmail')!;
  assert.equal(acme.kind, 'unknown');
  assert.match(acme.kind === 'unknown' ? acme.reason : '', /encrypted/);
  assert.equal(get(proxy, 'systemSettings', 'hostname')?.kind, 'string');

  const files: Record<string, string> = {
    'file:///r/a.nix': 'let b = import ./b.nix; in { x = b.y; z = 1; }',
    'file:///r/b.nix': '{ y = (import ./a.nix).z; w = import ./missing.nix; }',
    'file:///r/c.nix': '{ broken = ; ok = 2; }',
    'file:///r/d.nix': 'import ./e.nix',
    'file:///r/e.nix': '(import ./d.nix) // { k = 1; }',
  };
  const ev = new NixEvaluator({ readText: (u) => files[u] });
  const a = ev.evaluateFile('file:///r/a.nix');
  assert.equal(get(a, 'z')?.kind, 'number');
  assert.equal(get(a, 'x')?.kind, 'number'); // lazy, as in Nix: not a cycle
  const d = ev.evaluateFile('file:///r/d.nix');
  assert.equal(d.kind, 'unknown');
  assert.match(d.kind === 'unknown' ? d.reason : '', /cycle/);
  const b = ev.evaluateFile('file:///r/b.nix');
  assert.equal(get(b, 'w')?.kind, 'unknown');
  const c = ev.evaluateFile('file:///r/c.nix');
  assert.equal(get(c, 'ok')?.kind, 'number');
  assert.equal(get(c, 'broken')?.kind, 'unknown');
});

test('evaluator covers let/rec/inherit/if/with/string interpolation/arithmetic', () => {
  const src = `let
    x = 2; s = "a";
    r = rec { p = x * 3; q = p + 1; n.m = q; n.o = "\${s}-\${toString q}"; };
    inherit (r) q;
  in {
    inherit x q;
    r = r;
    cond = if q > 5 then "big" else "small";
    w = with { v = 9; }; v;
    l = [ 1 ] ++ [ (x + 0.5) ];
    u = { a = 1; } // { b = 2; };
    has = r ? n.m;
    sel = r.missing or "dflt";
    eq = [ 1 2 ] == [ 1 2 ];
    str = ''
      indented \${s}
    '';
    neg = -x;
    div = 7 / 2;
    legacy = let { body = y + 1; y = 4; };
    f = ({ a, b ? 10 }: a + b) { a = 1; };
  }`;
  const v = new NixEvaluator({ readText: () => src }).evaluateFile('file:///x.nix');
  assert.deepEqual(toPlain(v), {
    x: 2, q: 7, r: { p: 6, q: 7, n: { m: 7, o: 'a-7' } }, cond: 'big', w: 9, l: [1, 2.5], u: { a: 1, b: 2 },
    has: true, sel: 'dflt', eq: true, str: 'indented a\n', neg: -2, div: 3, legacy: 5, f: 11,
  });
  assert.deepEqual(unknownPaths(v), []);
});
