// Idioms measured on nixpkgs' nextcloud, home-assistant, grafana,
// networkmanager and fail2ban modules (test/fixtures/options/service-idioms): the
// newer path types (`pathWith`, `externalPath`) described as nixpkgs does, an
// enum whose values are not known statically, literal defaults written as
// indented strings (their interpolations kept as written, as Nix's text),
// and shapes that must keep every option: an option set called
// `config`, an option called `options` in a submodule, option values and
// submodule types bound in `let`, `with lib;` renames.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { OptionIndex } from '../../../server/src/model/options';
import type { OptionIndexData } from '../../../server/src/model/options/types';
import { stringLiteralText } from '../../../server/src/model/options/render';
import { fixtureRoot, treeIndex } from './helpers';

const modulesRoot = path.join(fixtureRoot, 'service-idioms', 'modules');

const data = (): OptionIndexData => treeIndex(modulesRoot);

function rows(prefix: string): string[] {
  return data()
    .options.filter((o) => o.path.join('.').startsWith(prefix))
    .map((o) => `${o.path.join('.')} : ${o.type}${o.default !== undefined ? ` = ${o.default}` : ''}`);
}

test('every option of the media hub, with nixpkgs\' descriptions of its path and enum types', () => {
  assert.deepEqual(rows('services.mediahub.'), [
    'services.mediahub.enable : boolean = false',
    'services.mediahub.stateDir : string = "/var/lib/mediahub"',
    'services.mediahub.cacheDir : string = "${config.${opt.stateDir}}/cache"',
    'services.mediahub.credentialFiles : attribute set of absolute path not in the Nix store = { }',
    'services.mediahub.themeDir : null or path in the Nix store = null',
    'services.mediahub.keyFile : absolute path not in the Nix store',
    'services.mediahub.codecs : list of (one of (values not known statically)) = [ "h264" ]',
    'services.mediahub.timeZone : null or string = config.time.timeZone or null\n',
    'services.mediahub.transcoding : boolean = true',
    'services.mediahub.config.dbtype : one of "sqlite", "pgsql" = "sqlite"',
    'services.mediahub.config.dbhost : null or string = null',
    'services.mediahub.settings : submodule = { }',
    'services.mediahub.settings.log.level : integer between 0 and 4 (both inclusive) = 2',
    // Old names are options too: a rename typed as its target, a removal untyped.
    'services.mediahub.logLevel : integer between 0 and 4 (both inclusive)',
    'services.mediahub.config.dbport : unspecified value',
  ]);
  const settings = data().options.find((o) => o.path.join('.') === 'services.mediahub.settings.log.level');
  assert.deepEqual(settings?.path, ['services', 'mediahub', 'settings', 'log.level']);
});

test('let-bound option values and submodule types, an option called `options`, `with lib;`', () => {
  assert.deepEqual(rows('networking.dialup.'), [
    'networking.dialup.enable : boolean = false',
    'networking.dialup.modem.address : string or one of "keep", "random" = "keep"',
    'networking.dialup.serial.address : string or one of "keep", "random" = "keep"',
    'networking.dialup.peers : list of (submodule) = [ ]',
    'networking.dialup.peers.*.number : string',
    'networking.dialup.peers.*.options.retries : signed integer = 3',
    'networking.dialup.hooks : list of (submodule) = [ ]',
    'networking.dialup.hooks.*.script : path',
    'networking.dialup.hooks.*.kind : one of "plain", "post-down", "pre-up" = "plain"',
    'networking.dialup.modemAddress : string or one of "keep", "random"',
  ]);
});

test('renames into a freeform setting and removals inside an option set called `config`', () => {
  const renames = data()
    .renames.map((r) => `${r.from.join('.')} -> ${r.to?.join('.') ?? `removed: ${r.removed}`}`)
    .sort();
  assert.deepEqual(renames, [
    'networking.dialup.modemAddress -> networking.dialup.modem.address',
    'services.mediahub.config.dbport -> removed: Put the port into services.mediahub.config.dbhost.',
    'services.mediahub.logLevel -> services.mediahub.settings.log.level',
  ]);
  const index = new OptionIndex(data());
  assert.deepEqual(index.renameOf(['services', 'mediahub', 'logLevel'])?.now, ['services', 'mediahub', 'settings', 'log.level']);
  assert.equal(index.lookup(['services', 'mediahub', 'settings', 'log.level'])?.default, '2');
  assert.deepEqual(index.renamesUnder(['services', 'mediahub', 'config']).map((m) => m.rename.removed), ['Put the port into services.mediahub.config.dbhost.']);
});

test('stringLiteralText: a string literal as written, escapes undone, indentation removed', () => {
  assert.equal(stringLiteralText(`''"''\${config.\${opt.dataDir}}/db"''`), '"${config.${opt.dataDir}}/db"');
  assert.equal(stringLiteralText("''\n    a\n      b '''quoted'''\n  ''"), "a\n  b ''quoted''\n");
  assert.equal(stringLiteralText('"x \\"y\\" \\${z}"'), 'x "y" ${z}');
  assert.equal(stringLiteralText('not a string'), undefined);
});
