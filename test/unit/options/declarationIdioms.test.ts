// The shapes real module trees declare options in, each read from a small
// in-memory module: `with types;`, option builders bound in `let`, `mdDoc`
// in mkEnableOption, mkPackageOption with an attribute path, defaults that
// interpolate unknowns or use `with pkgs;`, renames generated with `map`,
// doRename, option sets merged with `//`, and files that are not modules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assemble, scanFiles } from '../../../server/src/model/options/scanTree';
import type { OptionDecl, OptionIndexData } from '../../../server/src/model/options/types';

function scan(files: Record<string, string>): OptionIndexData {
  const host = { readText: (uri: string) => files[uri.replace('file:///m/', '')] };
  const uris = Object.keys(files).map((f) => `file:///m/${f}`);
  return assemble(scanFiles(uris, undefined, host), uris.length, 0);
}

function brief(o: OptionDecl | undefined): Partial<OptionDecl> | undefined {
  if (!o) return undefined;
  const { declaredAt: _d, path: _p, ...rest } = o;
  return rest;
}

function find(data: OptionIndexData, dotted: string): OptionDecl | undefined {
  return data.options.find((o) => o.path.join('.') === dotted);
}

test('nixpkgs-style declarations', () => {
  const data = scan({
    'a.nix': `{ config, lib, pkgs, ... }:
with lib;
let
  cfg = config.services.a;
  mkPortOption = port: what: mkOption { type = types.port; default = port; description = "Port of \${what}."; };
in {
  options.services.a = {
    enable = mkEnableOption (lib.mdDoc "service A");
    package = mkPackageOption pkgs [ "python3Packages" "a-server" ] { };
    port = mkPortOption 8080 "the API";
    adminPort = mkPortOption 8081 "the admin interface";
    groups = mkOption { type = with types; nullOr (listOf str); default = null; description = "Groups."; };
    binary = mkOption { type = types.str; default = "\${pkgs.a}/bin/a"; description = "Binary."; };
    plugins = mkOption { type = types.listOf types.package; default = with pkgs; [ p1 p2 ]; description = "Plugins."; };
    dag = mkOption { type = lib.hm.types.dagOf types.lines; default = { }; };
  } // {
    extra = mkOption { type = types.bool; default = false; };
  };
}`,
  });
  assert.deepEqual(brief(find(data, 'services.a.enable')), { type: 'boolean', default: 'false', example: 'true', description: 'Whether to enable service A.' });
  assert.deepEqual(brief(find(data, 'services.a.package')), { type: 'package', default: 'pkgs.python3Packages.a-server', description: 'The python3Packages.a-server package to use.' });
  assert.deepEqual(brief(find(data, 'services.a.adminPort')), { type: 'port', default: '8081', description: 'Port of the admin interface.' });
  assert.equal(find(data, 'services.a.groups')?.type, 'null or (list of string)');
  assert.equal(find(data, 'services.a.binary')?.default, '"${pkgs.a}/bin/a"');
  // The value of `with pkgs; [ … ]` is its body's: shown by the body's text.
  assert.equal(find(data, 'services.a.plugins')?.default, '[ p1 p2 ]');
  assert.equal(find(data, 'services.a.dag')?.type, 'DAG of strings concatenated with "\\n"');
  assert.equal(find(data, 'services.a.extra')?.type, 'boolean');
  // Declared where the option's name is written: inside the let-bound builder's call site.
  assert.equal(find(data, 'services.a.port')?.declaredAt.uri, 'file:///m/a.nix');
});

test('renames generated with map, doRename, and files that are not modules', () => {
  const data = scan({
    'rename.nix': `{ lib, ... }: {
  imports = [
    (lib.doRename { from = [ "x" "old" ]; to = [ "x" "new" ]; visible = false; warn = true; use = lib.id; })
    (lib.mkMergedOptionModule [ [ "y" "a" ] [ "y" "b" ] ] [ "y" "ab" ] (config: null))
  ] ++ map (n: lib.mkRemovedOptionModule [ "services" n ] "\${n} is gone.") [ "one" "two" ];
}`,
    'list.nix': '[ ./a.nix ./b.nix ]',
    'lib.nix': '{ lib }: { options = x: x; }',
    'broken.nix': '{ lib, ... }: { options.a = lib.mkOption { type = ',
    'unknown-options.nix': '{ lib, config, ... }: { options = config.someOptions; }',
  });
  assert.deepEqual(
    data.renames.map((r) => [r.from.join('.'), r.to?.join('.'), r.removed]),
    [
      ['x.old', 'x.new', undefined],
      ['y.a', 'y.ab', undefined],
      ['y.b', 'y.ab', undefined],
      ['services.one', undefined, 'one is gone.'],
      ['services.two', undefined, 'two is gone.'],
    ],
  );
  // The broken file still declares its option, with what is known of it; the old names are
  // options too (hidden): a rename typed as its target (not an option here: an empty submodule),
  // a merged or removed one declared without a type.
  assert.deepEqual(
    data.options.map((o) => [o.path.join('.'), o.type, o.visible]),
    [
      ['a', 'unknown', undefined],
      ['x.old', 'submodule', false],
      ['y.a', 'unspecified value', false],
      ['y.b', 'unspecified value', false],
      ['services.one', 'unspecified value', false],
      ['services.two', 'unspecified value', false],
    ],
  );
});
