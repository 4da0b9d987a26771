// Idioms found by measuring the index against Nix's own evaluation of whole
// trees (bench/optionTruth), read from test/fixtures/options/idioms-truth:
// a module made by a factory applied in `imports` (its options at the
// `setAttrByPath` path it is given, indexed for the file that applies it);
// `mapAttrs` over a literal set of `{ … } // optionalAttrs <Linux> { … } // { … }`
// (a part under another unknown condition left out); a theming target given
// `mkTarget` by its loader (stylix's idiom: `stylix.targets.<name>.enable`,
// each settings argument's `enable` and `override`, its own options and
// renames; named by `name = "…"` or its directory; `mkTarget: { … }: …` too;
// the older `extraOptions` / `configElements` form, `lib.singleton` in imports);
// Home Manager's mkSettingsRenamedOptionModules behind `++`, the old names
// options of their own; `submodule (args: import ./helper.nix { … })`; a file
// both a submodule and imported as a module; `attrTag`. Types worded as the
// fixture's newer-style `lib/types.nix` words them (read from that file, not
// from the built-in table).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { listNixFiles, wordingOf } from '../../../server/src/model/options/scanTree';
import type { OptionIndexData } from '../../../server/src/model/options/types';
import { buildIndexInline, fixtureRoot } from './helpers';

const modulesRoot = path.join(fixtureRoot, 'idioms-truth', 'modules');
const libRoot = path.join(fixtureRoot, 'idioms-truth');

let cached: OptionIndexData | undefined;
function index(): OptionIndexData {
  cached ??= buildIndexInline(listNixFiles(modulesRoot), wordingOf(libRoot));
  return cached;
}

function listed(prefix: string): string[] {
  return index()
    .options.filter((o) => o.path.join('.').startsWith(prefix))
    .map((o) => `${o.path.join('.')} : ${o.type} @ ${path.basename(o.declaredAt.uri)}`)
    .sort();
}

test('a module made by a factory applied in imports declares its options at the path it is given', () => {
  assert.deepEqual(listed('programs.pictureviewer'), [
    'programs.pictureviewer.enable : boolean @ mkViewerModule.nix',
    'programs.pictureviewer.maxWorkers : null or (positive integer, meaning >0) @ mkViewerModule.nix',
    'programs.pictureviewer.remotePort : null or 16 bit unsigned integer; between 0 and 65535 (both inclusive) @ mkViewerModule.nix',
    'programs.pictureviewer.thumbnailDir : absolute path @ mkViewerModule.nix',
    'programs.pictureviewer.zoom : positive integer, meaning >0 @ mkViewerModule.nix',
  ]);
  // The factory's own file is a helper: nothing of it at the root.
  assert.equal(index().options.filter((o) => o.path.length === 1).length, 0);
});

test('mapAttrs over a literal set: each entry its options, the Linux-only part included, another condition left out', () => {
  assert.deepEqual(listed('programs.quickterm'), [
    'programs.quickterm.enable : boolean @ terminals.nix',
    'programs.quickterm.fontSize : unsigned integer, meaning >=0 @ terminals.nix',
    'programs.quickterm.keyTables : attribute set of (attribute set) @ terminals.nix',
    'programs.quickterm.lineHeight : unsigned integer, meaning >=0, or floating point number @ terminals.nix',
    'programs.quickterm.package : null or package @ terminals.nix',
    'programs.quickterm.waylandNative : boolean @ terminals.nix',
  ]);
  assert.equal(listed('programs.slowterm').length, 6);
  assert.equal(listed('programs.quickterm.dockIcon').length, 0);
  // Linux and a further condition not known here: left out (never an option Nix lacks).
  assert.equal(listed('programs.quickterm.kioskMode').length, 0);
});

test('without a lib/types.nix the built-in wording is used; with one, its wording', () => {
  const plain = buildIndexInline(listNixFiles(modulesRoot));
  const zoom = plain.options.find((o) => o.path.join('.') === 'programs.pictureviewer.zoom');
  assert.equal(zoom?.type, 'positive integer');
  assert.equal(wordingOf(path.join(fixtureRoot, 'idioms-truth', 'modules')), undefined);
});

test('a theming target given mkTarget: its enable, each argument\'s enable and override, its own options and renames', () => {
  const d = buildIndexInline(listNixFiles(path.join(fixtureRoot, 'idioms-truth', 'themer')), wordingOf(libRoot));
  const shown = d.options.map((o) => `${o.path.join('.')} : ${o.type}`).sort();
  assert.deepEqual(shown, [
    'stylix.targets.chat.backdrop.enable : boolean',
    'stylix.targets.chat.backdrop.override : anything',
    'stylix.targets.chat.enable : boolean',
    'stylix.targets.chat.palette.enable : boolean',
    'stylix.targets.chat.palette.override : anything',
    'stylix.targets.chat.typefaces.enable : boolean',
    'stylix.targets.chat.typefaces.override : anything',
    'stylix.targets.clock.enable : boolean',
    'stylix.targets.clock.seconds : boolean',
    'stylix.targets.clock.wallpaper.enable : boolean',
    'stylix.targets.clock.wallpaper.override : anything',
    'stylix.targets.dock.enable : boolean',
    'stylix.targets.dock.icons.enable : boolean',
    'stylix.targets.dock.wallpaper.enable : boolean',
    'stylix.targets.pager.boldHeadings : boolean',
    'stylix.targets.pager.enable : boolean',
    'stylix.targets.pager.headings.bold : boolean',
    'stylix.targets.pager.margin : unsigned integer, meaning >=0',
    'stylix.targets.pager.palette.enable : boolean',
    'stylix.targets.pager.palette.override : anything',
    'stylix.targets.pager.typefaces.enable : boolean',
    'stylix.targets.pager.typefaces.override : anything',
    'stylix.targets.plainpager.enable : boolean',
    'stylix.targets.plainpager.lineNumbers : boolean',
    'stylix.targets.plainpager.typefaces.enable : boolean',
    'stylix.targets.plainpager.typefaces.override : anything',
    'stylix.targets.slides.enable : boolean',
    'stylix.targets.slides.palette.enable : boolean',
    'stylix.targets.slides.palette.override : anything',
    'stylix.targets.slides.typefaces.enable : boolean',
    'stylix.targets.slides.typefaces.override : anything',
    'stylix.targets.texteditor.enable : boolean',
    'stylix.targets.texteditor.palette.enable : boolean',
    'stylix.targets.texteditor.palette.override : anything',
    'stylix.targets.texteditor.typefaces.enable : boolean',
    'stylix.targets.texteditor.typefaces.override : anything',
    'stylix.targets.ticker.enable : boolean',
    'stylix.targets.ticker.marquee : unspecified value',
    'stylix.targets.ticker.rowCount : signed integer',
  ]);
  // Declared where mkTarget is called, also through `importApply`.
  assert.equal(path.basename(d.options.find((o) => o.path.join('.') === 'stylix.targets.slides.palette.enable')?.declaredAt.uri ?? ''), 'slides.nix');
  assert.deepEqual(
    d.renames.map((r) => `${r.from.join('.')} -> ${r.to?.join('.') ?? 'removed'}`),
    ['stylix.targets.pager.boldHeadings -> stylix.targets.pager.headings.bold', 'stylix.targets.ticker.marquee -> removed'],
  );
});

test('Home Manager\'s mkSettingsRenamedOptionModules behind ++: each old name renamed into settings, and an option of its own', () => {
  assert.deepEqual(
    index()
      .renames.filter((r) => r.from[1] === 'notifier')
      .map((r) => `${r.from.join('.')} -> ${r.to?.join('.') ?? 'removed'}`),
    [
      'services.notifier.rules -> removed',
      'services.notifier.maxVisible -> services.notifier.settings.max-visible',
      'services.notifier.borderColor -> services.notifier.settings.border-color',
      'services.notifier.font -> services.notifier.settings.appearance.font',
      'services.notifier.sortOrder -> services.notifier.legacy.sort_order',
      'services.notifier.iconTheme -> services.notifier.settings.iconTheme',
    ],
  );
  // The old names are options, as the module system declares them (targets inside a free-form set: an empty submodule).
  assert.deepEqual(listed('services.notifier.'), [
    'services.notifier.borderColor : submodule @ notifier.nix',
    'services.notifier.enable : boolean @ notifier.nix',
    'services.notifier.font : submodule @ notifier.nix',
    'services.notifier.iconTheme : submodule @ notifier.nix',
    'services.notifier.maxVisible : submodule @ notifier.nix',
    'services.notifier.rules : unspecified value @ notifier.nix',
    'services.notifier.settings : attribute set of anything @ notifier.nix',
    'services.notifier.sortOrder : submodule @ notifier.nix',
  ]);
});

test('a submodule written as `args: import ./helper.nix { … }`: its options below the option, the helper not at the root', () => {
  assert.deepEqual(listed('programs.gallery'), [
    'programs.gallery.albums : attribute set of (submodule) @ gallery.nix',
    'programs.gallery.albums.<name>.public : boolean @ album.nix',
    'programs.gallery.albums.<name>.title : string @ album.nix',
  ]);
  assert.deepEqual(listed('title'), []);
  assert.deepEqual(listed('public'), []);
});

test('a file both used as a submodule and imported as a module: its options below the submodule and at the root', () => {
  assert.deepEqual(listed('accounts.calendars'), [
    'accounts.calendars : attribute set of (submodule) @ calendars.nix',
    'accounts.calendars.<name>.syncer.enable : boolean @ account-options.nix',
    'accounts.calendars.<name>.syncer.interval : positive integer, meaning >0 @ account-options.nix',
    'accounts.calendars.<name>.url : string @ calendars.nix',
  ]);
  assert.deepEqual(listed('syncer.'), ['syncer.enable : boolean @ account-options.nix', 'syncer.interval : positive integer, meaning >0 @ account-options.nix']);
  // A test harness beside it (`tests/`) is not part of the tree's modules.
  assert.deepEqual(listed('harness'), []);
});

test('attrTag: its choices in the type, each tag an option below the option with its own sub-options', () => {
  assert.deepEqual(listed('services.layouts'), [
    'services.layouts.entries : list of attribute-tagged union with choices: include, layout, screen @ layouts.nix',
    'services.layouts.entries.*.include : string @ layouts.nix',
    'services.layouts.entries.*.layout : submodule @ layouts.nix',
    'services.layouts.entries.*.layout.screens : list of string @ layouts.nix',
    'services.layouts.entries.*.screen : submodule @ layouts.nix',
    'services.layouts.entries.*.screen.connector : string @ layouts.nix',
    'services.layouts.entries.*.screen.scale : null or floating point number @ layouts.nix',
  ]);
});
