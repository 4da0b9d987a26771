// Idioms of test/fixtures/options/format-idioms (measured on nixpkgs' docker, forgejo,
// nix.nix, network-interfaces, acme and wireguard modules): `pkgs.formats.<fmt>
// { … }` types read as nixpkgs describes them and known as freeform (a format
// not modelled, or arguments not known, stay unknown); a type renamed with
// `// { description = …; }`; and submodules built by functions (an `assert`ed
// family, `coercedTo` a submodule, inheritable defaults through `inherit (f x)
// default defaultText`), renames generated with `++ mapAttrsToList`. The
// nixos-unknown-option rule never warns below a freeform settings option.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { OptionIndex } from '../../../server/src/model/options';
import type { OptionIndexData } from '../../../server/src/model/options/types';
import { checkAll } from '../../../server/src/checks/run';
import { memoryHost } from '../memoryHost';
import { Workspace } from '../../../server/src/model/workspace';
import { fixtureRoot, treeIndex } from './helpers';

const modulesRoot = path.join(fixtureRoot, 'format-idioms', 'modules');

const index = (): OptionIndexData => treeIndex(modulesRoot);

function typesUnder(prefix: string): string[] {
  return index()
    .options.map((o) => `${o.path.join('.')} : ${o.type}`)
    .filter((l) => l.startsWith(prefix));
}

function option(dotted: string) {
  return index().options.find((o) => o.path.join('.') === dotted);
}

const INI_ATOM = 'INI atom (null, bool, int, float or string)';
const DUPES = ' or a list of them for duplicate keys';

test('pkgs.formats types: the description nixpkgs gives each modelled format', () => {
  assert.deepEqual(typesUnder('services.weather.'), [
    'services.weather.sensors : JSON value',
    'services.weather.dashboard : YAML 1.1 value',
    'services.weather.alerts : TOML value',
    `services.weather.station : attribute set of section of an INI file (attrs of ${INI_ATOM}${DUPES})`,
    'services.weather.logger : submodule',
    `services.weather.logger.sections : attribute set of section of an INI file (attrs of ${INI_ATOM})`,
    `services.weather.logger.globalSection : section of an INI file (attrs of ${INI_ATOM})`,
    'services.weather.environment : attribute set of (atom (null, bool, int, float or string))',
    `services.weather.unit : attribute set of section of an INI file (attrs of ${INI_ATOM}${DUPES})`,
    'services.weather.legacy : unknown',
    'services.weather.guessed : unknown',
    'services.weather.extraPanels : null or JSON value',
    'services.weather.perSensor : attribute set of (JSON value)',
    `services.weather.atoms : attribute set of (${INI_ATOM}${DUPES})`,
    'services.weather.settings : submodule',
    'services.weather.settings.listen.port : port',
    'services.weather.settings.units : one of "metric", "imperial"',
    'services.weather.dupes : boolean',
  ]);
  assert.equal(option('services.weather.logger.globalSection')?.description, `global section of an INI file (attrs of ${INI_ATOM})`);
});

test('a format type is freeform; a format not modelled is indexed but neither typed nor freeform', () => {
  const freeform = index()
    .options.filter((o) => o.path[1] === 'weather' && o.freeform)
    .map((o) => o.path.slice(2).join('.'));
  assert.deepEqual(freeform, ['sensors', 'dashboard', 'alerts', 'station', 'logger.sections', 'logger.globalSection', 'environment', 'unit', 'extraPanels', 'settings']);
  assert.equal(option('services.weather.legacy')?.freeform, undefined);
  assert.equal(option('services.weather.legacy')?.default, '{ }');
});

test('types renamed with `// { description }`, recursive ones included; strMatching and coercedTo a submodule', () => {
  assert.deepEqual(typesUnder('sites.'), [
    'sites.siteName : string matching the pattern ^[a-z][a-z0-9-]*$',
    'sites.uplink : null or ((submodule) or string convertible to it)',
    'sites.uplink.via : string',
    'sites.uplink.weight : null or signed integer',
    'sites.global : submodule',
    'sites.global.keepalive : signed integer',
    'sites.global.verbose : boolean',
    'sites.peers : attribute set of (submodule)',
    'sites.peers.<name>.keepalive : signed integer',
    'sites.peers.<name>.verbose : boolean',
    'sites.peers.<name>.label : string',
    'sites.peers.<name>.followGlobal : boolean',
    'sites.peers.<name>.endpoints : list of (submodule)',
    'sites.peers.<name>.endpoints.*.host : string',
    'sites.peers.<name>.endpoints.*.maskBits : signed integer',
    'sites.metadata : tunnel metadata value',
    // The old names are options too, typed as their targets (`tuning.*` is not an option: an empty submodule).
    'sites.name : string matching the pattern ^[a-z][a-z0-9-]*$',
    'sites.keyFile : submodule',
    'sites.mtuSize : submodule',
  ]);
});

test('inheritable defaults: the literal for the global submodule, the defaultText for each peer', () => {
  assert.equal(option('sites.global.keepalive')?.default, '25');
  assert.equal(option('sites.global.verbose')?.default, 'false');
  assert.equal(option('sites.peers.<name>.keepalive')?.default, 'config.sites.global.keepalive');
  assert.equal(option('sites.peers.<name>.verbose')?.default, 'config.sites.global.verbose');
  assert.equal(option('sites.peers.<name>.verbose')?.description, 'Whether to enable chatty tunnel logs.');
});

test('renames listed with `++ mapAttrsToList (… mkRenamedOptionModuleWith …)`', () => {
  const renames = index()
    .renames.map((r) => `${r.from.join('.')} -> ${r.to?.join('.')}`)
    .sort();
  assert.deepEqual(renames, ['sites.keyFile -> sites.tuning.key-file', 'sites.mtuSize -> sites.tuning.mtu', 'sites.name -> sites.siteName']);
});

test('nixos-unknown-option: any key below a freeform settings option is quiet, a misspelt sibling is not', () => {
  const ROOT = 'file:///mem';
  const flake = `{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs";
  outputs = { nixpkgs, ... }: {
    nixosConfigurations.station = nixpkgs.lib.nixosSystem { modules = [ ./host.nix ]; };
  };
}
`;
  const host = `{ ... }:
{
  services.weather.sensors.roof.kind = "anemometer";
  services.weather.settings.anything.goes = true;
  services.weather.settings.listen.port = 9000;
  services.weather.station.general.Name = [ "a" "b" ];
  services.weather.logger.globalSection.level = "debug";
  services.weather.legacy.whatever = 1;
  services.weather.setings.units = "metric";
}
`;
  const ws = new Workspace(memoryHost({ 'flake.nix': flake, 'host.nix': host }, ROOT));
  ws.addFolder(ROOT);
  ws.setOptionIndex(new OptionIndex(index()));
  const out: string[] = [];
  for (const [, list] of checkAll(ws)) for (const d of list) if (d.rule.startsWith('nixos-')) out.push(`${d.rule} ${d.message}`);
  assert.deepEqual(out, ['nixos-unknown-option unknown option `services.weather.setings`; did you mean `services.weather.settings`?']);
});
