// Data files read as values: builtins.readFile + fromJSON / fromTOML and
// nixpkgs' lib.importJSON / lib.importTOML give what `nix-instantiate --eval
// --strict --json` gives, every key and value keeps its place in the data file,
// and a file that does not parse or is too large is unknown with the reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { NixEvaluator, type EvalHost } from '../../../server/src/syntax/nix';
import { toPlain, type Value } from '../../../server/src/syntax/value';
import { nixEvalJson, requireNix } from './nixCli';

const disk: EvalHost = {
  readText(u) {
    try {
      return readFileSync(fileURLToPath(u), 'utf8');
    } catch {
      return undefined;
    }
  },
};

const JSON_TEXT = `{
  "hosts": {
    "web": { "ip4": "10.0.0.5", "tags": ["public", "nginx"], "port": 443, "weight": 1.5 },
    "db": { "ip4": "10.0.0.6", "backup": false, "note": null, "escaped": "a\\"b\\u00e9\\n" }
  },
  "empty": {}, "list": []
}
`;
const TOML_TEXT = `# the lab's machines
domain = "lab.example"

[hosts]
  [hosts.web]
  address = "10.0.0.5"
  ports = [ 80, 443 ]
  ratio = 0.5

  [hosts."db-1"]
  address = 'literal\\no-escape'
  inline = { a = 1, b.c = "x" }

[[keys]]
name = "first"
[[keys]]
name = "second"
dotted.key = true
`;

function lab(): { dir: string; uri: (f: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'hp-data-'));
  writeFileSync(join(dir, 'hosts.json'), JSON_TEXT);
  writeFileSync(join(dir, 'devices.toml'), TOML_TEXT);
  return { dir, uri: (f) => pathToFileURL(join(dir, f)).href };
}

const get = (v: Value, ...keys: string[]): Value | undefined => keys.reduce<Value | undefined>((cur, k) => (cur?.kind === 'attrs' ? cur.entries.get(k)?.value : undefined), v);
const textAt = (v: Value | undefined): string => {
  assert.ok(v, 'value present');
  return readFileSync(fileURLToPath(v.origin.uri), 'utf8').slice(v.origin.span.start, v.origin.span.end);
};

test('fromJSON (readFile) and fromTOML (readFile) equal Nix, values pointing into the data files', () => {
  requireNix();
  const { dir, uri } = lab();
  writeFileSync(join(dir, 'read.nix'), '{ j = builtins.fromJSON (builtins.readFile ./hosts.json); t = builtins.fromTOML (builtins.readFile ./devices.toml); }\n');
  const ours = new NixEvaluator(disk).evaluateFile(uri('read.nix'));
  assert.deepEqual(toPlain(ours), nixEvalJson(join(dir, 'read.nix')));
  const web = get(ours, 'j', 'hosts', 'web', 'ip4');
  assert.equal(web?.origin.uri, uri('hosts.json'));
  assert.equal(textAt(web), '"10.0.0.5"');
  assert.equal(textAt(get(ours, 't', 'hosts', 'web', 'address')), '"10.0.0.5"');
  assert.equal(get(ours, 't', 'hosts', 'web', 'address')?.origin.uri, uri('devices.toml'));
  assert.equal(textAt(get(ours, 't', 'hosts', 'db-1', 'inline', 'b', 'c')), '"x"');
  const keyOrigin = get(ours, 't', 'hosts')?.kind === 'attrs' ? (get(ours, 't', 'hosts') as Extract<Value, { kind: 'attrs' }>).entries.get('db-1')?.keyOrigin : undefined;
  assert.ok(keyOrigin && readFileSync(join(dir, 'devices.toml'), 'utf8').slice(keyOrigin.span.start, keyOrigin.span.end) === '"db-1"');
});

test("lib.importJSON / lib.importTOML (lib a module argument) equal Nix's fromJSON/fromTOML of the file", () => {
  requireNix();
  const { dir, uri } = lab();
  writeFileSync(join(dir, 'module.nix'), '{ lib, ... }: { j = lib.importJSON ./hosts.json; t = lib.importTOML ./devices.toml; }\n');
  const ours = new NixEvaluator(disk).evaluateFile(uri('module.nix'));
  const lib = '{ importJSON = p: builtins.fromJSON (builtins.readFile p); importTOML = p: builtins.fromTOML (builtins.readFile p); }';
  assert.deepEqual(toPlain(ours), nixEvalJson(join(dir, 'module.nix'), `import ${join(dir, 'module.nix')} { lib = ${lib}; }`));
  assert.equal(textAt(get(ours, 'j', 'hosts', 'db', 'ip4')), '"10.0.0.6"');
});

test('a JSON string written in Nix parses too (its values point at the call), and bad input is unknown with the reason, never a throw', () => {
  const { dir, uri } = lab();
  writeFileSync(join(dir, 'bad.json'), '{ "a": 1, }');
  writeFileSync(join(dir, 'bad.toml'), 'a = = 1\n');
  writeFileSync(join(dir, 'big.json'), `[${'1,'.repeat(600_000)}1]`);
  writeFileSync(
    join(dir, 'cases.nix'),
    '{ inline = builtins.fromJSON ' + JSON.stringify('{"x": [1, 2]}') + '; bad = builtins.fromJSON (builtins.readFile ./bad.json); badToml = builtins.fromTOML (builtins.readFile ./bad.toml); big = builtins.fromJSON (builtins.readFile ./big.json); missing = builtins.readFile ./nope.json; }\n',
  );
  const ours = new NixEvaluator(disk).evaluateFile(uri('cases.nix'));
  assert.deepEqual(toPlain(get(ours, 'inline') as Value), { x: [1, 2] });
  assert.equal(get(ours, 'inline', 'x')?.origin.uri, uri('cases.nix'));
  const reason = (k: string): string => {
    const v = get(ours, k);
    assert.equal(v?.kind, 'unknown', k);
    return v?.kind === 'unknown' ? v.reason : '';
  };
  assert.match(reason('bad'), /not valid JSON/);
  assert.equal(get(ours, 'bad')?.origin.uri, uri('bad.json'), 'the parse error points into the file');
  assert.match(reason('badToml'), /not valid TOML/);
  assert.match(reason('big'), /larger than 1 MB/);
  assert.match(reason('missing'), /file not found/);
});

test('a data file is parsed once per evaluator, however many calls read it (a palette read per machine)', () => {
  const ev = new NixEvaluator(disk);
  const uri = 'file:///lab/palette.json';
  const text = '{ "mocha": { "base": "#1e1e2e" } }';
  const whole = { kind: 'string' as const, value: text, origin: { uri, span: { start: 0, end: text.length } } };
  const call = { uri: 'file:///lab/flake.nix', span: { start: 3, end: 9 } };
  let parses = 0;
  const parse = () => (parses++, { kind: 'null' as const, origin: call });
  const first = ev.dataValues.parsed('json', whole, parse);
  for (let i = 0; i < 40; i++) assert.equal(ev.dataValues.parsed('json', whole, parse), first);
  assert.equal(parses, 1);
  // The file changed under the same name: parsed again; TOML of the same text is another value.
  ev.dataValues.parsed('json', { ...whole, value: `${text} `, origin: { uri, span: { start: 0, end: text.length + 1 } } }, parse);
  ev.dataValues.parsed('toml', whole, parse);
  assert.equal(parses, 3);
  // A string that is not a whole data file (built in Nix) points at each call: never shared.
  const built = { kind: 'string' as const, value: text, origin: call };
  ev.dataValues.parsed('json', built, parse);
  ev.dataValues.parsed('json', built, parse);
  assert.equal(parses, 5);
});
