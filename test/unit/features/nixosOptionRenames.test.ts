// Renamed, aliased, changed and removed options (nixosOptionRenames), called
// on the analysis directly over the option lab: the hover paragraphs of an old
// path at the cursor, the completion items that find a new path by its old
// name (relative to the set being written in, never a path outside it), which
// names are old, and the value snippet inserted for a type.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { optionAt } from '../../../server/src/features/nixosOptions';
import { isOldName, renameHover, renameItems, valueSnippet } from '../../../server/src/features/nixosOptionRenames';
import { OptionIndex } from '../../../server/src/model/options';
import { completionLines, covered } from './check';
import { HOST, optionLab, relayData, relayIndex } from './optionLab';

const OLD = HOST.replace(
  '  services.relay.enable',
  '  services.relay.listenPort = 1;\n  services.relay.legacyMode = true;\n  services.relay.upstreams = [ ];\n  services.relay.quick = true;\n  services.relay.enable',
);

/** The old path at the cursor (put after the first three letters of `name`) and its hover paragraphs. */
function hoverOf(name: string): { at: string; paragraphs: string[] } {
  const fx = optionLab(OLD.replace(name, `${name.slice(0, 3)}$0${name.slice(3)}`));
  const h = fx.ws.homelabAround(fx.uri);
  assert.ok(h);
  const at = optionAt(fx.ws, h, fx.uri, fx.offset);
  assert.ok(at);
  const m = relayIndex().renameOf(at.path);
  assert.ok(m, at.path.join('.'));
  return { at: covered(fx.text('host.nix'), at.span), paragraphs: renameHover(fx.ws, h, relayIndex(), m) };
}

test('hover on a renamed path: what it became, where that is declared, and the new option\'s documentation', () => {
  assert.deepEqual(hoverOf('listenPort'), {
    at: '4:3 «services.relay.listenPort»',
    paragraphs: [
      '**Renamed to** `services.relay.port` (mkRenamedOptionModule, relay.nix:4): set `services.relay.port` instead.',
      '**services.relay.port**\n\nPort the relay listens on.\n\n*Type:* port · *default:* `7000`',
    ],
  });
});

test('hover on an alias and on a changed option: their own verbs', () => {
  assert.deepEqual(hoverOf('upstreams'), {
    at: '6:3 «services.relay.upstreams»',
    paragraphs: [
      '**An alias of** `services.relay.peers` (mkAliasOptionModule, relay.nix:6): set `services.relay.peers` instead.',
      '**services.relay.peers**\n\nOther relays.\n\n*Type:* list of string · *default:* `[ ]`',
    ],
  });
  assert.deepEqual(hoverOf('quick'), {
    at: '7:3 «services.relay.quick»',
    paragraphs: [
      '**Replaced by** `services.relay.mode` (mkChangedOptionModule, relay.nix:8): set `services.relay.mode` instead.',
      '**services.relay.mode**\n\nHow the relay forwards.\n\n*Type:* one of "fast", "safe" · *default:* `"safe"`',
    ],
  });
});

test('hover on a removed path: the removal\'s message', () => {
  assert.deepEqual(hoverOf('legacyMode'), {
    at: '5:3 «services.relay.legacyMode»',
    paragraphs: ['**Removed** (mkRemovedOptionModule, relay.nix:5): The old wire format is gone.'],
  });
});

/** renameItems for the set at the cursor: `setPath` is the option path of the set, `done` the segments typed before the cursor's word. */
function itemsAt(host: string, setPath: string[], done: string[], hasValue: boolean): string[] {
  const fx = optionLab(host);
  const text = fx.text('host.nix');
  const typed = /[\w.]*$/.exec(text.slice(0, fx.offset))?.[0] ?? '';
  const items = renameItems(relayIndex(), [...setPath, ...done], done, { start: fx.offset - typed.length, end: fx.offset }, hasValue);
  return completionLines(fx.ws, fx.uri, items);
}

test('completion at the top level: every old name below the path, inserting its new path and a value for its type', () => {
  assert.deepEqual(itemsAt(HOST.replace('  services.relay.enable', '  services.relay.$0\n  services.relay.enable'), [], ['services', 'relay'], false), [
    'services.relay.hostName → networking.relayName [setting] renamed to networking.relayName → "networking.relayName = $1;" @ 4:3 «services.relay.»',
    'services.relay.listenPort → services.relay.port [setting] renamed to services.relay.port → "services.relay.port = $1;" @ 4:3 «services.relay.»',
    'services.relay.quick → services.relay.mode [setting] replaced by services.relay.mode → "services.relay.mode = $1;" @ 4:3 «services.relay.»',
    'services.relay.upstreams → services.relay.peers [setting] an alias of services.relay.peers → "services.relay.peers = [ $1 ];" @ 4:3 «services.relay.»',
  ]);
});

test('completion inside `services.relay = { … }`: names relative to the set; a name moved out of the set is not offered; with a value already there, the name alone', () => {
  const inSet = HOST.replace('    mode = "fast";', '    mode = "fast";\n    li$0');
  assert.deepEqual(itemsAt(inSet, ['services', 'relay'], [], false), [
    'listenPort → port [setting] renamed to services.relay.port → "port = $1;" @ 8:5 «li»',
    'quick → mode [setting] replaced by services.relay.mode → "mode = $1;" @ 8:5 «li»',
    'upstreams → peers [setting] an alias of services.relay.peers → "peers = [ $1 ];" @ 8:5 «li»',
  ]);
  assert.deepEqual(itemsAt(inSet, ['services', 'relay'], [], true), [
    'listenPort → port [setting] renamed to services.relay.port → "port" @ 8:5 «li»',
    'quick → mode [setting] replaced by services.relay.mode → "mode" @ 8:5 «li»',
    'upstreams → peers [setting] an alias of services.relay.peers → "peers" @ 8:5 «li»',
  ]);
  // Nothing is renamed directly below `services`.
  assert.deepEqual(itemsAt(HOST.replace('  services.relay.enable', '  services.$0\n  services.relay.enable'), [], ['services'], false), []);
});

test('an old name is one the index renames or removes and no tree still declares', () => {
  const index = relayIndex();
  const old = (p: string): boolean => isOldName(index, p.split('.'));
  assert.deepEqual(
    ['services.relay.listenPort', 'services.relay.legacyMode', 'services.relay.upstreams', 'services.relay.port', 'services.relay.other'].map((p) => [p, old(p)]),
    [
      ['services.relay.listenPort', true],
      ['services.relay.legacyMode', true],
      ['services.relay.upstreams', true],
      ['services.relay.port', false],
      ['services.relay.other', false],
    ],
  );
  assert.equal(isOldName(undefined, ['services', 'relay', 'listenPort']), false, 'no index: nothing is known to be old');
  // A tree that declares the old name as an option of its own keeps it.
  const { options, renames } = relayData();
  const port = options.find((o) => o.path.join('.') === 'services.relay.port');
  assert.ok(port);
  const declared = new OptionIndex({ options: [...options, { ...port, path: ['services', 'relay', 'listenPort'] }], renames });
  assert.equal(isOldName(declared, ['services', 'relay', 'listenPort']), false);
});

test('the value snippet follows the type', () => {
  assert.deepEqual(
    ['boolean', 'list of string', 'string', 'null or string', 'port', 'one of "a", "b"', 'unknown'].map(valueSnippet),
    ['${1|true,false|}', '[ $1 ]', '"$1"', '"$1"', '$1', '$1', '$1'],
  );
});
