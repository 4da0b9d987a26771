// homelab-check as CI runs it, on a folder where no nixpkgs or Home Manager
// tree can be found (NIX_PATH empty, an empty Nix store, no
// homelab.options.sources): one information line on stderr says so, with what
// would give the full index, in every format, and the machine-readable output
// stays clean. With homelab.options.sources in .vscode/settings.json naming
// test/fixtures/options/modules, nothing is said and the definitions are
// judged against that tree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '../../..');
const CLI = join(ROOT, 'server/src/cli/main.ts');
const TREE = join(ROOT, 'test/fixtures/options/modules');

const NO_TREE = /^homelab: no option tree found .*For the full index, set homelab\.options\.sources .* or NIX_PATH/;

const HOST = '{ ... }:\n{\n  networking.firewall.enable = "yes";\n  networking.firewal.enable = true;\n}\n';

interface Run {
  code: number | null;
  out: string;
  err: string[];
}

function withLab(settings: ((lab: string) => Record<string, unknown>) | undefined, body: (run: (...args: string[]) => Run) => void): void {
  const lab = mkdtempSync(join(tmpdir(), 'homelab-cli-notree-'));
  const store = mkdtempSync(join(tmpdir(), 'homelab-cli-notree-store-'));
  const cache = mkdtempSync(join(tmpdir(), 'homelab-cli-notree-cache-'));
  try {
    writeFileSync(join(lab, 'flake.nix'), '{\n  inputs.nixpkgs.url = "github:NixOS/nixpkgs";\n  outputs = { nixpkgs, ... }: {\n    nixosConfigurations.desk = nixpkgs.lib.nixosSystem { modules = [ ./host.nix ]; };\n  };\n}\n');
    writeFileSync(join(lab, 'host.nix'), HOST);
    if (settings) {
      mkdirSync(join(lab, '.vscode'));
      writeFileSync(join(lab, '.vscode', 'settings.json'), JSON.stringify(settings(lab)));
    }
    const env: NodeJS.ProcessEnv = { ...process.env, NIX_PATH: '', NIX_STORE_DIR: store, XDG_CACHE_HOME: cache };
    body((...args) => {
      const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, lab, ...args], { cwd: ROOT, encoding: 'utf8', env });
      return { code: r.status, out: r.stdout, err: r.stderr.split('\n').filter(Boolean) };
    });
  } finally {
    for (const d of [lab, store, cache]) rmSync(d, { recursive: true, force: true });
  }
}

const rules = (json: string): string[] => (JSON.parse(json) as { rule: string; range: { start: { line: number } } }[]).map((i) => `${i.range.start.line + 1} ${i.rule}`).sort();

test('no option tree: one line on stderr, with what gives the full index; stdout untouched in every format', () => {
  withLab(undefined, (run) => {
    const text = run();
    assert.equal(text.err.filter((l) => NO_TREE.test(l)).length, 1, text.err.join('\n'));
    assert.doesNotMatch(text.out, /no option tree/);
    const json = run('--format', 'json');
    assert.equal(json.err.filter((l) => NO_TREE.test(l)).length, 1, json.err.join('\n'));
    // Nothing to judge the definitions against: no option finding (and the JSON parses).
    assert.deepEqual(rules(json.out), []);
    const sarif = run('--format', 'sarif');
    assert.equal(sarif.err.filter((l) => NO_TREE.test(l)).length, 1);
    assert.equal((JSON.parse(sarif.out) as { version: string }).version, '2.1.0');
  });
});

test('a tree in homelab.options.sources: nothing said, and the definitions are judged against it', () => {
  withLab(() => ({ 'homelab.options.sources': [TREE] }), (run) => {
    const json = run('--format', 'json');
    assert.deepEqual(json.err.filter((l) => NO_TREE.test(l)), [], json.err.join('\n'));
    assert.deepEqual(rules(json.out), ['3 nixos-option-type', '4 nixos-unknown-option']);
  });
});

test('a relative homelab.options.sources is taken from the folder checked', () => {
  withLab((lab) => ({ 'homelab.options.sources': [relative(lab, TREE)] }), (run) => {
    const json = run('--format', 'json');
    assert.deepEqual(json.err.filter((l) => NO_TREE.test(l)), []);
    assert.deepEqual(rules(json.out), ['3 nixos-option-type', '4 nixos-unknown-option']);
  });
});

test('a homelab.options.sources that does not exist is no tree: the line is said', () => {
  withLab(() => ({ 'homelab.options.sources': ['./nowhere'] }), (run) => {
    assert.equal(run().err.filter((l) => NO_TREE.test(l)).length, 1);
  });
});
