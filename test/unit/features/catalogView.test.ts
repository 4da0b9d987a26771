// The settings catalog as the features see it (catalogFor), called on the
// analysis directly: where the model could not evaluate lib/defaults.nix, the
// view still reads its keys, literal defaults, doc comments and the key's
// place from the text; a shipped entry keeps its documentation and points at
// the defaults file's key; and entryDoc writes an entry out as hover and
// completion show it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { catalogFor, entryDoc } from '../../../server/src/features/catalogView';
import type { CatalogEntry } from '../../../server/src/model/catalog';
import { fixture, place } from './check';
import { FILES } from './lab';

/** A defaults file the static evaluator cannot read whole (its base comes from a JSON file at evaluation time). */
const DEFAULTS = `{ lib, ... }:
(builtins.fromJSON (builtins.readFile ./site.json)) // {
  systemSettings = {
    # How the machine boots.
    # Options: "bios", "uefi"
    bootMode = "uefi";
    # Extra ports opened on top of the services' ports.
    extraPorts = [ 80 443 ];
    motd = lib.mkDefault "hi";
  };
  userSettings = {
    shell = "zsh";
  };
}
`;

function viewAt(defaults: string): { entry: (block: 'systemSettings' | 'userSettings', key: string) => Record<string, unknown> | undefined; cursorAt: string; modelHas: (key: string) => boolean } {
  const fx = fixture({ ...FILES, 'lib/defaults.nix': defaults });
  const h = fx.ws.homelabAround(fx.uri);
  assert.ok(h);
  const view = catalogFor(fx.ws, h);
  assert.equal(catalogFor(fx.ws, h), view, 'the same text gives the same view');
  return {
    entry: (block, key) => {
      const e = view[block].get(key);
      return e && { ...e, definition: e.definition && place(fx.ws, e.definition.uri, e.definition.span) };
    },
    cursorAt: place(fx.ws, fx.uri, { start: fx.offset, end: fx.offset + 8 }),
    modelHas: (key) => h.catalog.systemSettings.has(key),
  };
}

test('defaults the evaluator cannot read: keys, literal defaults, doc comments, enum and the key itself come from the text', () => {
  const v = viewAt(DEFAULTS.replace('bootMode =', '$0bootMode ='));
  assert.equal(v.modelHas('bootMode'), false, 'the model has nothing from this file');
  assert.equal(v.cursorAt, 'lib/defaults.nix:6:5 «bootMode»');
  assert.deepEqual(v.entry('systemSettings', 'bootMode'), {
    key: 'bootMode',
    block: 'systemSettings',
    types: ['string'],
    default: 'uefi',
    description: 'How the machine boots.\nOptions: "bios", "uefi"',
    enum: ['bios', 'uefi'],
    definition: 'lib/defaults.nix:6:5 «bootMode»',
    reads: [],
    sources: ['defaults'],
  });
  assert.deepEqual(v.entry('systemSettings', 'extraPorts'), {
    key: 'extraPorts',
    block: 'systemSettings',
    types: ['list'],
    default: [80, 443],
    description: 'Extra ports opened on top of the services\' ports.',
    enum: undefined,
    definition: 'lib/defaults.nix:8:5 «extraPorts»',
    reads: [],
    sources: ['defaults'],
  });
  // Not a literal: the key is known, its type and default are not.
  assert.deepEqual(v.entry('systemSettings', 'motd'), {
    key: 'motd',
    block: 'systemSettings',
    types: [],
    default: undefined,
    description: undefined,
    enum: undefined,
    definition: 'lib/defaults.nix:9:5 «motd»',
    reads: [],
    sources: ['defaults'],
  });
});

test('a shipped setting the defaults file also sets keeps its documentation, takes the file\'s literal default (it ships none) and points at the file\'s key', () => {
  const v = viewAt(DEFAULTS.replace('shell =', '$0shell ='));
  assert.deepEqual(v.entry('userSettings', 'shell'), {
    key: 'shell',
    block: 'userSettings',
    types: ['string'],
    default: 'zsh',
    description: 'Login shell.',
    enum: undefined,
    definition: 'lib/defaults.nix:12:5 «shell»',
    reads: [],
    sources: ['shipped'],
  });
});

test('defaults the evaluator reads: the view is the model\'s catalog', () => {
  const readable = DEFAULTS.replace('(builtins.fromJSON (builtins.readFile ./site.json)) // {', '{').replace('bootMode =', '$0bootMode =');
  const v = viewAt(readable);
  assert.equal(v.modelHas('bootMode'), true);
  assert.deepEqual(v.entry('systemSettings', 'bootMode'), {
    key: 'bootMode',
    block: 'systemSettings',
    types: ['string'],
    reads: [],
    sources: ['defaults'],
    default: 'uefi',
    description: 'How the machine boots.\nOptions: "bios", "uefi"',
    enum: ['bios', 'uefi'],
    definition: 'lib/defaults.nix:6:5 «bootMode»',
  });
});

test('entryDoc: deprecation first, then the description, the type in words and the default as Nix text', () => {
  const e: CatalogEntry = {
    key: 'proxy',
    block: 'systemSettings',
    types: ['attrs', 'null'],
    default: { 'no-proxy': ['localhost'], url: 'http://${host}' },
    description: 'The HTTP proxy.',
    deprecated: { replacement: 'httpProxy', message: 'goes in the next release' },
    reads: [],
    sources: ['shipped'],
  };
  assert.equal(
    entryDoc(e),
    '**Deprecated**: use `httpProxy` — goes in the next release\n\nThe HTTP proxy.\n\nType: attribute set or null  \nDefault: `{ no-proxy = [ "localhost" ]; url = "http://\\${host}"; }`',
  );
  assert.equal(entryDoc({ ...e, deprecated: undefined, description: undefined, enum: ['a b', 'c'], default: undefined, types: [] }), 'Type: one of "a b", "c"');
  assert.equal(entryDoc({ ...e, deprecated: undefined, description: undefined, default: undefined, types: [] }), 'Type: any');
});
