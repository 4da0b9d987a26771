// Idioms of Home Manager modules, read from test/fixtures/options/hm-idioms:
// `lib.hm` is unknown to the scanner, so its types and option helpers are
// read by name (`hm.types.dagOf`, `hm.types.listOrDagOf`,
// `hm.shell.mk<Shell>IntegrationOption`); an option made by another unknown
// `mk…Option` helper, or whose type is not known (`(pkgs.formats.toml { }).type`,
// `hm.types.selectorFunction`), is indexed with an unknown type, never left
// out and never guessed. Also: `types.enum (lib.attrNames set)`, and a type
// built by a helper file imported with arguments (Home Manager's fileType).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { OptionIndexData } from '../../../server/src/model/options/types';
import { fixtureRoot, treeIndex } from './helpers';

const modulesRoot = path.join(fixtureRoot, 'hm-idioms', 'modules');

const index = (): OptionIndexData => treeIndex(modulesRoot);

function option(dotted: string) {
  return index().options.find((o) => o.path.join('.') === dotted);
}

test('every option of a Home Manager module is indexed, with its type or unknown', () => {
  assert.deepEqual(
    index().options.map((o) => `${o.path.join('.')} : ${o.type}`),
    [
      'programs.jotter.enable : boolean',
      'programs.jotter.layout : null or one of "columns", "stack"',
      'programs.jotter.peers : list or DAG of (submodule)',
      'programs.jotter.peers.<name>.address : string',
      'programs.jotter.peers.<name>.weight : null or positive integer',
      'programs.jotter.hooks : DAG of strings concatenated with "\\n"',
      'programs.jotter.templates : attribute set of (submodule)',
      'programs.jotter.templates.<name>.where : string',
      'programs.jotter.templates.<name>.body : null or strings concatenated with "\\n"',
      'programs.jotter.templates.<name>.runnable : null or boolean',
      'programs.jotter.enableZshIntegration : boolean',
      'programs.jotter.enableFishIntegration : boolean',
      'programs.jotter.theme : unknown',
      'programs.jotter.settings : TOML value',
      'programs.jotter.sortKey : unknown',
    ],
  );
});

test('the shell integration options of lib.hm.shell are the booleans they declare', () => {
  const zsh = option('programs.jotter.enableZshIntegration');
  assert.equal(zsh?.description, 'Whether to enable Zsh integration.');
  assert.equal(zsh?.example, 'false');
  // The default follows home.shell.enable…Integration: not known statically, so not shown.
  assert.equal(zsh?.default, undefined);
  assert.equal(option('programs.jotter.enableFishIntegration')?.description, 'Whether to enable Fish integration.\n\nAdds a jot function.');
});

test('options of unknown type keep what is known of them', () => {
  const settings = option('programs.jotter.settings');
  assert.equal(settings?.default, '{ }');
  assert.equal(settings?.description, 'Written to the jotter configuration file.');
  assert.equal(option('programs.jotter.sortKey')?.description, 'Picks the key notes are sorted by.');
  // Declared where the helper is called.
  const theme = option('programs.jotter.theme');
  assert.equal(theme?.declaredAt.uri, pathToFileURL(path.join(modulesRoot, 'programs', 'jotter.nix')).href);
});

test('the helper file a type comes from is not a module of the tree', () => {
  assert.equal(option('entryType'), undefined);
  assert.equal(option('programs.jotter.templates.<name>.where')?.declaredAt.uri, pathToFileURL(path.join(modulesRoot, 'lib', 'entry-type.nix')).href);
});
