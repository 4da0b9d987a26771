// The nixpkgs lib functions and builtins the static evaluator models for
// discovery (test/fixtures/nix/lib/uses.nix) against the real Nix: our value
// with `lib` unknown equals `nix-instantiate --eval --strict --json` of the
// same file given a stand-in lib (test/fixtures/nix/lib/lib.nix). And a
// flake's outputs get `self`; calls of unknown functions are kept as captured
// calls with their arguments.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { NixEvaluator, type EvalHost } from '../../../server/src/syntax/nix';
import { toPlain, type Value } from '../../../server/src/syntax/value';
import { nixEvalJson, requireNix } from './nixCli';

const DIR = resolve(__dirname, '../../fixtures/nix/lib');
const host: EvalHost = {
  readText(u) {
    try {
      return readFileSync(fileURLToPath(u), 'utf8');
    } catch {
      return undefined;
    }
  },
  listDir(u) {
    try {
      const p = fileURLToPath(u);
      return new Map(readdirSync(p).map((n) => [n, statSync(join(p, n)).isDirectory() ? 'directory' : 'regular'] as const));
    } catch {
      return undefined;
    }
  },
};

test('modelled lib functions and builtins equal nix-instantiate with a stand-in lib', () => {
  requireNix();
  const file = join(DIR, 'uses.nix');
  const ours = new NixEvaluator(host).evaluateFile(pathToFileURL(file).href);
  const nix = nixEvalJson(file, `import ${file} { lib = import ${join(DIR, 'lib.nix')}; }`);
  assert.deepEqual(toPlain(ours), nix);
});

test('a flake: outputs called with self, inputs unknown, nixosSystem kept as a captured call', () => {
  const text = `{
    inputs.nixpkgs.url = "github:NixOS/nixpkgs";
    outputs = { self, nixpkgs }: {
      names = builtins.attrNames self.nixosConfigurations;
      nixosConfigurations.web = nixpkgs.lib.nixosSystem { system = "x86_64-linux"; modules = [ ./web.nix ]; };
    };
  }`;
  const uri = pathToFileURL(join(DIR, 'flake.nix')).href;
  const v = new NixEvaluator({ readText: (u) => (u === uri ? text : undefined) }).evaluateFile(uri, { flake: true });
  const get = (x: Value | undefined, k: string): Value | undefined => (x?.kind === 'attrs' ? x.entries.get(k)?.value : undefined);
  assert.deepEqual(toPlain(get(v, 'names') as Value), ['web']);
  const web = get(get(v, 'nixosConfigurations'), 'web');
  assert.equal(web?.kind, 'unknown');
  assert.ok(web?.kind === 'unknown' && web.call);
  assert.equal(web.call.fn, 'nixosSystem');
  assert.match(web.reason, /flake input 'nixpkgs' is not fetched/);
  const modules = get(web.call.args[0], 'modules');
  assert.ok(modules?.kind === 'list' && modules.items[0].kind === 'path' && modules.items[0].value.endsWith('/web.nix'));
});
