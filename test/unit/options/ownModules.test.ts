// The workspace's own option declarations extend namespaces, they never
// cover one. Real fleets declare a handful of options under `networking`,
// `users` or `disko` next to nixpkgs' and their inputs' modules; judged
// against those declarations alone, every `networking.hostName` looked
// unknown (373 warnings on one real repository with no nixpkgs in the store).
// Without a whole tree nothing is unknown, while types of the workspace's own
// options are still checked; with one, a typo below a namespace the
// workspace added to it is found, and a top-level name that only the
// workspace (and an unread input's module) declares is left alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkAll } from '../../../server/src/checks/run';
import { listNixFiles, OptionIndex } from '../../../server/src/model/options';
import { DEFAULT_TREE, OptionScopes, pinKey, type LoadedOptions } from '../../../server/src/model/options/scopes';
import { Workspace } from '../../../server/src/model/workspace';
import { LineIndex } from '../../../server/src/syntax/lineIndex';
import { memoryHost } from '../memoryHost';
import { buildIndexInline, modulesRoot } from './helpers';

const ROOT = 'file:///mem';

const FLAKE = `{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs";
  outputs = { nixpkgs, ... }: {
    nixosConfigurations.web = nixpkgs.lib.nixosSystem { modules = [ ./bridge.nix ./host.nix ]; };
  };
}
`;

const BRIDGE = `{ lib, ... }:
{
  options = {
    networking.lab-bridge.enable = lib.mkEnableOption "a bridge for the lab's guests";
    disko.bootDisk = lib.mkOption { type = lib.types.str; default = "/dev/sda"; };
  };
}
`;

const HOST = `{ ... }:
{
  networking.hostName = "web";
  networking.firewal.enable = true;
  networking.lab-bridge.enabel = true;
  networking.lab-bridge.enable = "yes";
  disko.devices.disk.main.device = "/dev/vda";
}
`;

function findings(withTree: boolean): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'homelab-own-options-'));
  try {
    writeFileSync(join(dir, 'bridge.nix'), BRIDGE);
    const own = new OptionIndex(buildIndexInline([join(dir, 'bridge.nix')]));
    const tree = withTree ? new OptionIndex(buildIndexInline(listNixFiles(modulesRoot))) : undefined;
    // The machine's nixpkgs is the flake's `nixpkgs` input: its tree and the default one are the same.
    const pinned = pinKey({ folder: ROOT, pin: { via: 'input', name: 'nixpkgs', origin: { uri: `${ROOT}/flake.nix`, span: { start: 0, end: 0 } } } });
    const loaded: LoadedOptions = { nixos: new Map([[DEFAULT_TREE, tree], [pinned, tree]]), workspace: [own], extra: [] };
    const ws = new Workspace(memoryHost({ 'flake.nix': FLAKE, 'bridge.nix': BRIDGE, 'host.nix': HOST }, ROOT));
    ws.addFolder(ROOT);
    ws.setOptionIndex(new OptionScopes(loaded));
    const out: string[] = [];
    for (const [uri, list] of checkAll(ws))
      for (const d of list)
        if (d.rule.startsWith('nixos-')) out.push(`${uri.slice(ROOT.length + 1)}:${new LineIndex(ws.text(uri) ?? '').positionAt(d.span.start).line + 1} ${d.rule} ${d.message}`);
    return out.sort();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('no whole tree: the own modules judge no path unknown, only the types of their own options', () => {
  assert.deepEqual(findings(false), ['host.nix:6 nixos-option-type `networking.lab-bridge.enable` must be boolean, not a string']);
});

test('with a whole tree: typos below its names and below the namespace the workspace added; a name only the workspace declares is left alone', () => {
  assert.deepEqual(findings(true), [
    'host.nix:4 nixos-unknown-option unknown option `networking.firewal`; did you mean `networking.firewall`?',
    'host.nix:5 nixos-unknown-option unknown option `networking.lab-bridge.enabel`; did you mean `networking.lab-bridge.enable`?',
    'host.nix:6 nixos-option-type `networking.lab-bridge.enable` must be boolean, not a string',
  ]);
});
