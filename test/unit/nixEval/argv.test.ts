// The pieces of the evaluated source that need no Nix: the argument vectors
// (every safety flag, `git+file:` in a git repository, `?dir=` below its top,
// a refusal outside git, never `path:`), the lock check, the merge with the
// static reading (added machines, disagreements naming both), and the bounds
// of the runner (a process killed for time, one killed for memory).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { archiveArgv, evalArgv, flakeRefFor, safetyFlags, validityArgv } from '../../../server/src/nixEval/argv';
import { archivedInputs, checkLock } from '../../../server/src/nixEval/lockCheck';
import { runBounded } from '../../../server/src/nixEval/runner';
import { disagreementMessage, joinNixEval } from '../../../server/src/model/machines/fromNixEval';
import type { Discovery } from '../../../server/src/model/machines/discover';
import type { NixosMachine } from '../../../server/src/model/machines/machine';
import type { Machine } from '../../../server/src/model/homelab';

function gitRepo(): string {
  const top = realpathSync(mkdtempSync(path.join(tmpdir(), 'homelab-argv-')));
  mkdirSync(path.join(top, '.git'));
  mkdirSync(path.join(top, 'nixos', 'my hosts'), { recursive: true });
  return top;
}

/** The value after `--option <name>`. */
function option(argv: string[], name: string): string | undefined {
  const i = argv.findIndex((a, j) => a === '--option' && argv[j + 1] === name);
  return i < 0 ? undefined : argv[i + 2];
}

test('the eval argv carries every safety flag and names a git repository git+file:', () => {
  const top = gitRepo();
  const ref = flakeRefFor(top);
  assert.ok('ref' in ref);
  assert.equal(ref.ref, `git+file://${top}`);
  const argv = evalArgv(ref.ref, 'nixosConfigurations', 'builtins.attrNames', '/tmp/x/empty.json');
  assert.equal(argv[0], 'eval');
  for (const flag of ['--offline', '--no-write-lock-file', '--no-update-lock-file', '--json']) assert.ok(argv.includes(flag), flag);
  assert.equal(option(argv, 'allow-import-from-derivation'), 'false');
  assert.equal(option(argv, 'flake-registry'), '/tmp/x/empty.json');
  assert.equal(option(argv, 'accept-flake-config'), 'false');
  const i = argv.indexOf('--extra-experimental-features');
  assert.equal(argv[i + 1], 'nix-command flakes');
  assert.ok(argv.includes(`git+file://${top}#nixosConfigurations`));
  assert.equal(argv[argv.indexOf('--apply') + 1], 'builtins.attrNames');
  assert.ok(!argv.some((a) => a.startsWith('path:')), 'never path:');
  // The preliminary calls carry the same flags.
  for (const other of [archiveArgv(ref.ref, '/tmp/x/empty.json')]) {
    for (const flag of safetyFlags('/tmp/x/empty.json')) assert.ok(other.includes(flag), flag);
    assert.ok(other.includes('--dry-run'));
  }
  assert.deepEqual(validityArgv(['/nix/store/a-source']), ['--check-validity', '--print-invalid', '/nix/store/a-source']);
});

test('a flake below the repository top is named with ?dir=, a folder outside git is refused', () => {
  const top = gitRepo();
  const sub = flakeRefFor(path.join(top, 'nixos', 'my hosts'));
  assert.ok('ref' in sub);
  assert.equal(sub.ref, `git+file://${top}?dir=nixos/my%20hosts`);
  const outside = realpathSync(mkdtempSync(path.join(tmpdir(), 'homelab-nogit-')));
  const refused = flakeRefFor(outside, (p) => p === path.join(outside, 'x')); // no .git anywhere upwards
  assert.ok('refusal' in refused);
  assert.match(refused.refusal, /not in a git repository/);
});

test('flake.lock must lock every declared input, each to a content hash', () => {
  const lock = (rootInputs: Record<string, string | string[]>, nodes: Record<string, unknown>): string =>
    JSON.stringify({ nodes: { root: { inputs: rootInputs }, ...nodes }, root: 'root', version: 7 });
  const locked = { locked: { narHash: 'sha256-x', type: 'path' } };
  assert.deepEqual(checkLock(lock({ nixpkgs: 'nixpkgs' }, { nixpkgs: locked }), ['nixpkgs']), { ok: true });
  assert.equal(checkLock(undefined, ['nixpkgs']).ok, false);
  const unlocked = checkLock(lock({ nixpkgs: 'nixpkgs' }, { nixpkgs: locked }), ['nixpkgs', 'helper']);
  assert.deepEqual(unlocked.ok ? undefined : unlocked.input, 'helper');
  const noHash = checkLock(lock({ nixpkgs: 'nixpkgs', helper: 'helper' }, { nixpkgs: locked, helper: { inputs: { lib: 'lib' }, ...locked }, lib: { locked: { type: 'github' } } }), ['nixpkgs', 'helper']);
  assert.deepEqual(noHash.ok ? undefined : noHash.input, 'helper/lib');
  // A `follows` entry points at another node: not an input of its own.
  assert.deepEqual(checkLock(lock({ nixpkgs: 'nixpkgs', stable: ['nixpkgs'] }, { nixpkgs: locked }), ['nixpkgs', 'stable']), { ok: true });
  const computed = checkLock(lock({}, {}), undefined);
  assert.match(computed.ok ? '' : computed.message, /computed/);
  assert.deepEqual(
    archivedInputs('{"path":"/s/root-source","inputs":{"a":{"path":"/s/a-source","inputs":{"b":{"path":"/s/b-source","inputs":{}}}}}}'),
    [['a', '/s/a-source'], ['a/b', '/s/b-source']],
  );
});

function machine(name: string, kind: 'flake' | 'deploy-rs' | 'colmena', uri: string, start: number): NixosMachine {
  return { name, sources: [{ kind, origin: { uri, span: { start, end: start + name.length } } }], moduleFiles: [], unreadable: [], configs: [], tags: [], homeFiles: [] };
}

test('the merge: names only Nix lists are added, a name only the static reading found is a disagreement naming both', () => {
  const flake = 'file:///lab/flake.nix';
  const discovery: Discovery = {
    machines: new Map([
      ['web', machine('web', 'flake', flake, 10)],
      ['ghost', machine('ghost', 'flake', flake, 40)],
      ['hived', machine('hived', 'colmena', 'file:///lab/hive.nix', 5)],
    ]),
    clashes: [],
    homes: [],
  };
  const containers = new Map<string, Machine>([['db', { name: 'db', configExists: false }]]);
  const view = joinNixEval(containers, discovery, { kind: 'names', flakeUri: flake, outputs: { nixosConfigurations: ['web', 'alpha', 'db'], colmena: ['other'] } }, 'file:///lab');
  assert.deepEqual(view?.added, [
    { name: 'alpha', outputs: ['nixosConfigurations'] },
    { name: 'db', outputs: ['nixosConfigurations'] },
    { name: 'other', outputs: ['colmena'] },
  ]);
  assert.deepEqual(containers.get('alpha')?.nixos?.sources.map((s) => s.kind), ['nix-eval']);
  // An inventory entry of that name keeps its declaration and gains the evaluated machine.
  assert.deepEqual(containers.get('db')?.nixos?.sources.map((s) => s.kind), ['nix-eval']);
  // `hived` comes from hive.nix, which `nix eval` of the flake does not read: no disagreement.
  assert.deepEqual(view?.disagreements.map((d) => [d.name, d.output, d.origin.span.start]), [['ghost', 'nixosConfigurations', 40]]);
  assert.equal(
    disagreementMessage(view!.disagreements[0]),
    'the static reading finds machine `ghost` here, but `nix eval` of `nixosConfigurations` does not list it (Nix lists: web, alpha, db)',
  );
  const noted = joinNixEval(new Map(), discovery, { kind: 'note', flakeUri: flake, message: 'nix eval: input `x` is not in the Nix store', input: 'x' }, 'file:///lab');
  assert.deepEqual(noted, { flakeUri: flake, added: [], disagreements: [], note: 'nix eval: input `x` is not in the Nix store', missingInput: 'x' });
});

test('the runner kills a process at the time bound and at the memory bound', async () => {
  const slow = await runBounded(process.execPath, ['-e', 'setTimeout(() => {}, 600000)'], { timeoutMs: 300, maxRssBytes: 2 ** 40 });
  assert.equal(slow.killed, 'time');
  assert.equal(slow.code, undefined);
  const greedy = await runBounded(process.execPath, ['-e', 'const a = []; setInterval(() => a.push(Buffer.alloc(32 * 2 ** 20, 1)), 20)'], { timeoutMs: 600_000, maxRssBytes: 200 * 2 ** 20 });
  assert.equal(greedy.killed, 'memory');
  const ok = await runBounded(process.execPath, ['-e', 'console.log("[\\"a\\"]"); console.error("warning: x\\nerror: some failure\\n  at secret line")'], { timeoutMs: 600_000, maxRssBytes: 2 ** 40 });
  assert.equal(ok.code, 0);
  assert.equal(ok.stdout.trim(), '["a"]');
  // Only the first `error:` line is kept of stderr.
  assert.equal(ok.error, 'error: some failure');
  const missing = await runBounded('/nonexistent/nix', [], { timeoutMs: 1000, maxRssBytes: 2 ** 40 });
  assert.equal(missing.spawnError, 'ENOENT');
});

test('the cache key follows flake.lock and the .nix contents, and notes which outputs may exist', async () => {
  const { treeKey } = await import('../../../server/src/nixEval/treeKey');
  const { writeFileSync } = await import('node:fs');
  const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'homelab-treekey-')));
  const host = path.join(dir, 'host.nix');
  writeFileSync(path.join(dir, 'flake.lock'), '{"version":7}');
  writeFileSync(host, '{ networking.hostName = "a"; }');
  const first = await treeKey(dir, [host]);
  assert.equal((await treeKey(dir, [host])).key, first.key);
  assert.deepEqual(first.outputs, { colmena: false, deploy: false });
  writeFileSync(host, '{ networking.hostName = "b"; deploy.nodes.b = { }; }');
  const edited = await treeKey(dir, [host]);
  assert.notEqual(edited.key, first.key);
  assert.deepEqual(edited.outputs, { colmena: false, deploy: true });
  writeFileSync(path.join(dir, 'flake.lock'), '{"version":7,"nodes":{}}');
  assert.notEqual((await treeKey(dir, [host])).key, edited.key);
});
