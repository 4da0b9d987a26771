// NixOS option hover and completion in a machine's modules (hoverNixosOption,
// completeNixosOption), called on the analysis directly over the option lab:
// an option of the index with its effective value after mkDefault / mkForce
// across the machine's modules, the built-in documentation where no index is
// loaded, a set of options, option paths offered top-level and inside a set,
// and the values of boolean and enum options replacing the word typed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completeNixosOption, hoverNixosOption } from '../../../server/src/features/nixosOptions';
import { completionLines, covered } from './check';
import { HOST, optionLab } from './optionLab';

function hoverAt(host: string, withIndex = true): { at: string; contents: string } | undefined {
  const fx = optionLab(host, withIndex);
  const h = fx.ws.homelabAround(fx.uri);
  assert.ok(h);
  const r = hoverNixosOption(fx.ws, h, fx.uri, fx.offset);
  return r && { at: covered(fx.text('host.nix'), r.span), contents: r.contents };
}

function completeAt(host: string, withIndex = true, extra: Record<string, string> = {}): string[] | undefined {
  const fx = optionLab(host, withIndex, extra);
  const file = Object.keys(extra)[0] ?? 'host.nix';
  const h = fx.ws.homelabAround(fx.uri);
  assert.ok(h);
  const items = completeNixosOption(h, fx.uri, fx.text(file), fx.offset, fx.ws.optionIndex);
  return items && completionLines(fx.ws, fx.uri, items);
}

test('hover on an indexed option: its documentation, where it is declared, and the value the machine ends with (mkForce elsewhere beats mkDefault here)', () => {
  assert.deepEqual(hoverAt(HOST.replace('relay.port', 'relay.po$0rt')), {
    at: '5:3 «services.relay.port»',
    contents: [
      '**services.relay.port**',
      'Port the relay listens on.\n\n*Type:* port · *default:* `7000`',
      'Declared in relay.nix:12',
      'Effective on **gw**: `7200` — set forwarding.nix:3',
    ].join('\n\n'),
  });
});

test('hover on the first name of a dotted key: the path up to it, the options under it, and its value on the machine', () => {
  assert.deepEqual(hoverAt(HOST.replace('networking.hostName = "gw";', 'networking.fire$0wall.enable = true;'), false), {
    at: '3:3 «networking.firewall»',
    contents: [
      '**networking.firewall**',
      'Options under it: `enable`, `allowedTCPPorts`, `allowedUDPPorts`, `allowedTCPPortRanges`, `interfaces.<name>.allowedTCPPorts`, `interfaces.<name>.allowedUDPPorts`',
      'Effective on **gw**: `{ enable = true; }` — set here',
    ].join('\n\n'),
  });
});

test('without an index, hover falls back on the built-in documentation', () => {
  assert.deepEqual(hoverAt(HOST.replace('hostName', 'host$0Name'), false), {
    at: '3:3 «networking.hostName»',
    contents: [
      '**networking.hostName**',
      "The machine's host name. Fleet tools compare it with the machine's name and the inventory's `hostname`.\n\n*Type:* string · *default:* `\"nixos\"`",
      'Effective on **gw**: `"gw"` — set here',
    ].join('\n\n'),
  });
});

test('hover says nothing on a value, in a let binding, or on a name no tree declares', () => {
  assert.equal(hoverAt(HOST.replace('"fast"', '"fa$0st"')), undefined);
  assert.equal(hoverAt(HOST.replace('{ lib, ... }:\n{', '{ lib, ... }:\nlet port$0 = 1; in\n{')), undefined);
  assert.equal(hoverAt(HOST.replace('services.relay.enable = true;', 'services.relay.unknownThing$0 = true;')), undefined);
});

test('a dotted path being typed: the options below it, as `path = value;` snippets, and an old name\'s new path last', () => {
  assert.deepEqual(completeAt(HOST.replace('  services.relay.enable', '  services.relay.$0\n  services.relay.enable')), [
    'services.relay.enable [flag] boolean · default false → "services.relay.enable = ${1|true,false|};" @ 4:3 «services.relay.»',
    'services.relay.mode [setting] one of "fast", "safe" · default "safe" → "services.relay.mode = $1;" @ 4:3 «services.relay.»',
    'services.relay.peers [setting] list of string · default [ ] → "services.relay.peers = [ $1 ];" @ 4:3 «services.relay.»',
    'services.relay.port [setting] port · default 7000 → "services.relay.port = $1;" @ 4:3 «services.relay.»',
    'services.relay.hostName → networking.relayName [setting] renamed to networking.relayName → "networking.relayName = $1;" @ 4:3 «services.relay.»',
    'services.relay.listenPort → services.relay.port [setting] renamed to services.relay.port → "services.relay.port = $1;" @ 4:3 «services.relay.»',
    'services.relay.quick → services.relay.mode [setting] replaced by services.relay.mode → "services.relay.mode = $1;" @ 4:3 «services.relay.»',
    'services.relay.upstreams → services.relay.peers [setting] an alias of services.relay.peers → "services.relay.peers = [ $1 ];" @ 4:3 «services.relay.»',
  ]);
});

test('inside `services.relay = { … }`: names relative to the set; on a key that has its value, the name alone', () => {
  assert.deepEqual(completeAt(HOST.replace('    mode = "fast";', '    mode = "fast";\n    $0')), [
    'enable [flag] boolean · default false → "enable = ${1|true,false|};" @ 8:5 «»',
    'mode [setting] one of "fast", "safe" · default "safe" → "mode = $1;" @ 8:5 «»',
    'peers [setting] list of string · default [ ] → "peers = [ $1 ];" @ 8:5 «»',
    'port [setting] port · default 7000 → "port = $1;" @ 8:5 «»',
    'listenPort → port [setting] renamed to services.relay.port → "port = $1;" @ 8:5 «»',
    'quick → mode [setting] replaced by services.relay.mode → "mode = $1;" @ 8:5 «»',
    'upstreams → peers [setting] an alias of services.relay.peers → "peers = [ $1 ];" @ 8:5 «»',
  ]);
  assert.deepEqual(completeAt(HOST.replace('mode = "fast"', 'mo$0de = "fast"')), [
    'enable [flag] boolean · default false → "enable" @ 7:5 «mode»',
    'mode [setting] one of "fast", "safe" · default "safe" → "mode" @ 7:5 «mode»',
    'peers [setting] list of string · default [ ] → "peers" @ 7:5 «mode»',
    'port [setting] port · default 7000 → "port" @ 7:5 «mode»',
    'listenPort → port [setting] renamed to services.relay.port → "port" @ 7:5 «mode»',
    'quick → mode [setting] replaced by services.relay.mode → "mode" @ 7:5 «mode»',
    'upstreams → peers [setting] an alias of services.relay.peers → "peers" @ 7:5 «mode»',
  ]);
});

test('without an index, the built-in documentation offers its options, a <name> as a tab stop', () => {
  const items = completeAt(HOST.replace('  networking.hostName = "gw";', '  networking.firewall.$0'), false);
  assert.deepEqual(items, [
    'networking.firewall.allowedTCPPortRanges [setting] list of { from; to; } · default [ ] → "networking.firewall.allowedTCPPortRanges = [ $1 ];" @ 3:3 «networking.firewall.»',
    'networking.firewall.allowedTCPPorts [setting] list of port · default [ ] → "networking.firewall.allowedTCPPorts = [ $1 ];" @ 3:3 «networking.firewall.»',
    'networking.firewall.allowedUDPPorts [setting] list of port · default [ ] → "networking.firewall.allowedUDPPorts = [ $1 ];" @ 3:3 «networking.firewall.»',
    'networking.firewall.enable [flag] boolean · default true → "networking.firewall.enable = ${1|true,false|};" @ 3:3 «networking.firewall.»',
    'networking.firewall.interfaces.<name>.allowedTCPPorts [setting] list of port · default [ ] → "networking.firewall.interfaces.${1:name}.allowedTCPPorts = [ $2 ];" @ 3:3 «networking.firewall.»',
    'networking.firewall.interfaces.<name>.allowedUDPPorts [setting] list of port · default [ ] → "networking.firewall.interfaces.${1:name}.allowedUDPPorts = [ $2 ];" @ 3:3 «networking.firewall.»',
  ]);
});

test('a value: an enum\'s values replace the whole quoted word, a boolean\'s replace the word typed', () => {
  const mode = ['"fast" [enum] one of "fast", "safe" → "\\"fast\\"" @ 7:12 «"f"»', '"safe" [enum] one of "fast", "safe" → "\\"safe\\"" @ 7:12 «"f"»'];
  assert.deepEqual(completeAt(HOST.replace('"fast"', '"f$0"')), mode);
  assert.deepEqual(completeAt(HOST.replace('"fast"', '"$0fast"')), mode.map((l) => l.replace('«"f"»', '«"fast"»')));
  assert.deepEqual(completeAt(HOST.replace('enable = true', 'enable = tr$0')), ['true [value] boolean → "true" @ 4:27 «tr»', 'false [value] boolean → "false" @ 4:27 «tr»']);
  assert.deepEqual(completeAt(HOST.replace('enable = true', 'enable = $0true')), ['true [value] boolean → "true" @ 4:27 «true»', 'false [value] boolean → "false" @ 4:27 «true»']);
  // A value of another type: nothing to offer.
  assert.equal(completeAt(HOST.replace('lib.mkDefault 7100', '$0')), undefined);
});

test('no option completion in a let binding nor in the settings defaults file; the same text in another module is a hive node\'s options', () => {
  assert.equal(completeAt(HOST.replace('{ lib, ... }:\n{', '{ lib, ... }:\nlet\n  po$0 = 1;\nin\n{')), undefined);
  const text = '{\n  systemSettings = {\n    services.relay.$0\n  };\n}\n';
  assert.equal(completeAt(HOST, true, { 'lib/defaults.nix': text }), undefined);
  assert.deepEqual(completeAt(HOST, true, { 'nodes.nix': text }), [
    'services.relay.enable [flag] boolean · default false → "services.relay.enable = ${1|true,false|};" @ 3:5 «services.relay.»',
    'services.relay.mode [setting] one of "fast", "safe" · default "safe" → "services.relay.mode = $1;" @ 3:5 «services.relay.»',
    'services.relay.peers [setting] list of string · default [ ] → "services.relay.peers = [ $1 ];" @ 3:5 «services.relay.»',
    'services.relay.port [setting] port · default 7000 → "services.relay.port = $1;" @ 3:5 «services.relay.»',
    'services.relay.hostName → networking.relayName [setting] renamed to networking.relayName → "networking.relayName = $1;" @ 3:5 «services.relay.»',
    'services.relay.listenPort → services.relay.port [setting] renamed to services.relay.port → "services.relay.port = $1;" @ 3:5 «services.relay.»',
    'services.relay.quick → services.relay.mode [setting] replaced by services.relay.mode → "services.relay.mode = $1;" @ 3:5 «services.relay.»',
    'services.relay.upstreams → services.relay.peers [setting] an alias of services.relay.peers → "services.relay.peers = [ $1 ];" @ 3:5 «services.relay.»',
  ]);
});

test('an enum value under lib.mkIf is still the option\'s value', () => {
  assert.deepEqual(completeAt(HOST.replace('mode = "fast";', 'mode = lib.mkIf true (f$0);')), [
    '"fast" [enum] one of "fast", "safe" → "\\"fast\\"" @ 7:27 «f»',
    '"safe" [enum] one of "fast", "safe" → "\\"safe\\"" @ 7:27 «f»',
  ]);
});
