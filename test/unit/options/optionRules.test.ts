// The option rules over a machine's modules with the fixture tree's index
// (test/fixtures/options): an unknown option with did-you-mean (not below an
// option or a `<name>` entry, not where the index does not cover the prefix),
// a literal of the wrong type, a renamed or removed option; and nothing at all
// without an index.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { checkAll } from '../../../server/src/checks/run';
import { listNixFiles, OptionIndex } from '../../../server/src/model/options';
import { memoryHost } from '../memoryHost';
import { Workspace } from '../../../server/src/model/workspace';
import { LineIndex } from '../../../server/src/syntax/lineIndex';
import { buildIndexInline } from './helpers';

const TREE = join(__dirname, '../../fixtures/options/modules');
const index = new OptionIndex(buildIndexInline(listNixFiles(TREE)));
const ROOT = 'file:///mem';

const FLAKE = `{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs";
  outputs = { nixpkgs, ... }: {
    nixosConfigurations.web = nixpkgs.lib.nixosSystem { modules = [ ./host.nix ]; };
  };
}
`;

function findings(host: string, withIndex = true): string[] {
  const ws = new Workspace(memoryHost({ 'flake.nix': FLAKE, 'host.nix': host }, ROOT));
  ws.addFolder(ROOT);
  if (withIndex) ws.setOptionIndex(index);
  const out: string[] = [];
  for (const [uri, list] of checkAll(ws))
    for (const d of list)
      if (d.rule.startsWith('nixos-')) out.push(`${uri.slice(ROOT.length + 1)}:${new LineIndex(ws.text(uri) ?? '').positionAt(d.span.start).line + 1} ${d.rule} ${d.message}`);
  return out.sort();
}

const HOST = `{ config, lib, ... }:
{
  services.webserver.enable = true;
  services.webserver.logLevel = "warn";
  services.webserver.usr = "www";
  services.webserver = {
    user = lib.mkDefault "nginx";
  };
  networking.firewall.interfaces.eth0.allowedTCPPorts = [ 80 ];
  services.wiki.port = 3100;
  homelab.anything.goes = 1;
}
`;

test('an unknown option where the index covers it, with did-you-mean; known, <name> and uncovered paths are quiet', () => {
  assert.deepEqual(findings(HOST), ['host.nix:5 nixos-unknown-option unknown option `services.webserver.usr`; did you mean `services.webserver.user`?']);
});

test('a literal of the wrong type: a string for a boolean, a port out of range, a value outside an enum, one value for a list', () => {
  const host = `{ lib, ... }:
{
  services.webserver.enable = "yes";
  services.wiki.port = 70000;
  services.webserver.logLevel = "loud";
  networking.firewall.backend = "nftables";
  networking.firewall.interfaces.eth0.allowedTCPPorts = 80;
  services.webserver.user = lib.mkForce 42;
}
`;
  assert.deepEqual(findings(host), [
    'host.nix:3 nixos-option-type `services.webserver.enable` must be boolean, not a string',
    'host.nix:4 nixos-option-type `services.wiki.port` must be a port (0–65535), not 70000',
    'host.nix:5 nixos-option-type `services.webserver.logLevel` must be one of "debug", "info", "warn", "error", not "loud"',
    'host.nix:7 nixos-option-type `networking.firewall.interfaces.eth0.allowedTCPPorts` must be list of port, not an integer',
    'host.nix:8 nixos-option-type `services.webserver.user` must be string, not an integer',
  ]);
});

test('renamed and removed options: the new name, or the removal message', () => {
  const host = `{ ... }:
{
  services.webserver.httpPort = 8080;
  services.webserver.enableSSLv3 = true;
}
`;
  assert.deepEqual(findings(host), [
    'host.nix:3 nixos-renamed-option `services.webserver.httpPort` was renamed to `services.webserver.port`: set `services.webserver.port`',
    'host.nix:4 nixos-renamed-option `services.webserver.enableSSLv3` was removed: SSLv3 is insecure and no longer supported.',
  ]);
});

test('without an option index the rules say nothing', () => {
  assert.deepEqual(findings(HOST.replace('usr', 'nope') + '', false), []);
});
