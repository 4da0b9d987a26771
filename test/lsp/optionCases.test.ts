// The three option diagnostics a user expects (issue 24), over the real stdio
// server with a module tree of the test's own named in
// `homelab.options.sources`: a rename declared in an `imports` list whose
// right side of `++` is an unknown function (the known left side still
// counts), a literal of the wrong type against integer, port and string
// types, and "did you mean" for a misspelt segment above the last one, each
// with its quick fix where there is one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LspClient, fileUri } from './lspClient';

interface Diag {
  code?: string;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  data?: unknown;
}
interface Action {
  title: string;
  edit?: { changes?: Record<string, { range: Diag['range']; newText: string }[]> };
}

// A small tree: a version-control program whose old `extraConfig` became
// `settings`, next to aliases made by a helper the scan cannot know, and a
// terminal multiplexer with integer, port and string options.
const VCS = `{ config, lib, ... }:
let
  inherit (lib) mkOption types;
in
{
  imports =
    let
      here = [ "programs" "git" ];
    in
    [
      (lib.mkRenamedOptionModule [ "programs" "git" "extraConfig" ] [ "programs" "git" "settings" ])
    ]
    ++ (lib.ourOwn.legacyAliases here [ "color" "pager" ]);

  options.programs.git = {
    enable = lib.mkEnableOption "the version control program";
    settings = mkOption {
      type = types.attrsOf types.anything;
      default = { };
      description = "Settings written to the program's configuration file.";
    };
    userName = mkOption {
      type = types.nullOr types.str;
      default = null;
      description = "Name recorded in commits.";
    };
  };
}
`;

const MUX = `{ lib, ... }:
{
  options.programs.tmux = {
    enable = lib.mkEnableOption "the terminal multiplexer";
    historyLimit = lib.mkOption {
      type = lib.types.ints.positive;
      default = 2000;
      description = "Lines kept in each pane's scrollback.";
    };
    terminal = lib.mkOption { type = lib.types.str; default = "screen"; description = "Value of TERM inside."; };
    shell = lib.mkOption { type = lib.types.str; default = "sh"; description = "Shell started in new panes."; };
    relayPort = lib.mkOption { type = lib.types.port; default = 7000; description = "Port of the session relay."; };
    escapeTime = lib.mkOption { type = lib.types.ints.unsigned; default = 500; description = "Milliseconds to wait after escape."; };
    baseIndex = lib.mkOption { type = lib.types.ints.between 0 9; default = 0; description = "Number of the first window."; };
    mouse = lib.mkOption { type = lib.types.bool; default = false; description = "Whether the mouse works."; };
  };
}
`;

const HOST = `{ ... }:
{
  programs.git.enable = true;
  programs.git.extraConfig = { core.editor = "vi"; };
  programs.tmux.historyLimit = "lots";
  programs.tmux.terminal = true;
  programs.tmux.shell = 42;
  programs.tmux.relayPort = "7001";
  programs.tmux.escapeTime = "none";
  programs.tmux.baseIndex = "first";
  programs.tmux.mouse = true;
  programs.gti.enable = true;
}
`;

// Right values: no diagnostic of either rule.
const FINE = `{ ... }:
{
  programs.tmux.historyLimit = 5000;
  programs.tmux.terminal = "tmux-256color";
  programs.tmux.relayPort = 7001;
  programs.tmux.escapeTime = 0;
  programs.tmux.baseIndex = 1;
  programs.git.settings = { core.editor = "vi"; };
}
`;

function applyEdits(text: string, edits: { range: Diag['range']; newText: string }[]): string {
  const offset = (p: { line: number; character: number }): number => {
    const lines = text.split('\n');
    let o = 0;
    for (let i = 0; i < p.line; i++) o += lines[i].length + 1;
    return o + p.character;
  };
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

test('issue 24: a rename behind `++ unknown`, wrong literal types, did you mean a misspelt middle segment', async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'homelab-optcases-'));
  const tree = mkdtempSync(path.join(tmpdir(), 'homelab-optcases-tree-'));
  const cache = mkdtempSync(path.join(tmpdir(), 'homelab-optcases-cache-'));
  mkdirSync(path.join(tree, 'programs'));
  writeFileSync(path.join(tree, 'programs', 'git.nix'), VCS);
  writeFileSync(path.join(tree, 'programs', 'tmux.nix'), MUX);
  writeFileSync(path.join(root, 'flake.nix'), '{\n  inputs.nixpkgs.url = "github:NixOS/nixpkgs";\n  outputs = { nixpkgs, ... }: {\n    nixosConfigurations.desk = nixpkgs.lib.nixosSystem { modules = [ ./host.nix ./fine.nix ]; };\n  };\n}\n');
  writeFileSync(path.join(root, 'host.nix'), HOST);
  writeFileSync(path.join(root, 'fine.nix'), FINE);
  const client = new LspClient(['--stdio'], { ...process.env, XDG_CACHE_HOME: cache });
  client.requestHandlers.set('workspace/configuration', (params) => ((params as { items?: unknown[] }).items ?? []).map(() => ({ options: { sources: [tree] } })));
  const hostUri = fileUri(path.join(root, 'host.nix'));
  const fineUri = fileUri(path.join(root, 'fine.nix'));
  const latest = (uri: string): Diag[] | undefined => {
    const all = client.notifications.filter((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string }).uri === uri);
    return all.length ? (all[all.length - 1].params as { diagnostics: Diag[] }).diagnostics : undefined;
  };
  const optionDiags = (uri: string): Diag[] => (latest(uri) ?? []).filter((d) => d.code?.startsWith('nixos-'));
  try {
    await client.initialize(root);
    client.notify('textDocument/didOpen', { textDocument: { uri: hostUri, languageId: 'nix', version: 1, text: HOST } });
    client.notify('textDocument/didOpen', { textDocument: { uri: fineUri, languageId: 'nix', version: 1, text: FINE } });
    // The index is built off the main thread: wait until the tree's options judge host.nix (bounded).
    for (let i = 0; i < 150 && !optionDiags(hostUri).some((d) => d.code === 'nixos-option-type' || d.code === 'nixos-renamed-option'); i++) await new Promise((r) => setTimeout(r, 200));
    // One more round so that a publication still on its way is in.
    await new Promise((r) => setTimeout(r, 500));
    const lineOf = (needle: string): number => HOST.slice(0, HOST.indexOf(needle)).split('\n').length - 1;
    const got = optionDiags(hostUri)
      .map((d) => [d.code, d.range.start.line, d.message] as const)
      .sort((a, b) => a[1] - b[1]);
    assert.deepEqual(got, [
      ['nixos-renamed-option', lineOf('programs.git.extraConfig'), '`programs.git.extraConfig` was renamed to `programs.git.settings`: set `programs.git.settings`'],
      ['nixos-option-type', lineOf('historyLimit'), '`programs.tmux.historyLimit` must be positive integer, not a string'],
      ['nixos-option-type', lineOf('terminal'), '`programs.tmux.terminal` must be string, not a boolean'],
      ['nixos-option-type', lineOf('shell'), '`programs.tmux.shell` must be string, not an integer'],
      ['nixos-option-type', lineOf('relayPort'), '`programs.tmux.relayPort` must be port, not a string'],
      ['nixos-option-type', lineOf('escapeTime'), '`programs.tmux.escapeTime` must be unsigned integer, not a string'],
      ['nixos-option-type', lineOf('baseIndex'), '`programs.tmux.baseIndex` must be integer between 0 and 9 (both inclusive), not a string'],
      ['nixos-unknown-option', lineOf('programs.gti'), 'unknown option `programs.gti`; did you mean `programs.git`?'],
    ]);
    assert.deepEqual(optionDiags(fineUri), []);

    const fix = async (code: string): Promise<string> => {
      const d = optionDiags(hostUri).find((x) => x.code === code);
      assert.ok(d, code);
      const list = await client.request<Action[]>('textDocument/codeAction', { textDocument: { uri: hostUri }, range: d.range, context: { diagnostics: [d] } });
      const replace = list.filter((a) => a.title.startsWith('Replace with'));
      assert.equal(replace.length, 1, list.map((a) => a.title).join(', '));
      return applyEdits(HOST, replace[0].edit?.changes?.[hostUri] ?? []);
    };
    assert.equal(await fix('nixos-renamed-option'), HOST.replace('programs.git.extraConfig =', 'programs.git.settings ='));
    assert.equal(await fix('nixos-unknown-option'), HOST.replace('programs.gti.enable', 'programs.git.enable'));
  } finally {
    await client.shutdown().catch(() => undefined);
    client.kill();
    rmSync(root, { recursive: true, force: true });
    rmSync(tree, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  }
});
