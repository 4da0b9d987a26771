// The setting chain, called on the analysis directly: where a setting is set
// along base → profile, newest first; a value from a secrets file is never
// shown, only where it comes from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { settingChain } from '../../../server/src/features/settingChain';
import { fixture, place } from './check';
import { FILES } from './lab';

function chainOf(files: Record<string, string>, block: 'systemSettings' | 'userSettings', key: string): string[] {
  const fx = fixture(files);
  return settingChain(fx.ws, fx.ws.homelabFor(fx.uri), fx.uri, block, key).map((l) => `${place(fx.ws, l.uri, l.keySpan)} = ${l.valueText}`);
}

const WEB = FILES['profiles/LXC_web-config.nix'];

test('a setting the profile overrides: the profile, then the base', () => {
  assert.deepEqual(chainOf({ ...FILES, 'profiles/LXC_web-config.nix': WEB.replace('hostname', '$0hostname') }, 'systemSettings', 'hostname'), [
    'profiles/LXC_web-config.nix:6:5 «hostname» = "web"',
    'profiles/LXC-base-config.nix:3:5 «hostname» = "base"',
  ]);
});

test('a setting only the base sets: the base alone', () => {
  assert.deepEqual(chainOf({ ...FILES, 'profiles/LXC_web-config.nix': WEB.replace('hostname', '$0hostname') }, 'systemSettings', 'allowedTCPPorts'), [
    'profiles/LXC-base-config.nix:4:5 «allowedTCPPorts» = [ 22 ]',
  ]);
});

test('a value read from a secrets file shows where it comes from, never the value', () => {
  const profile = WEB.replace('  base = import', '  secrets = import ../secrets/mail.nix;\n  base = import').replace('hostname = "web";', '$0hostname = "web";\n    notificationToEmail = secrets.alertEmail;');
  const files = { ...FILES, 'profiles/LXC_web-config.nix': profile, 'secrets/mail.nix': '{\n  alertEmail = "ops@example.org";\n}\n' };
  const chain = chainOf(files, 'systemSettings', 'notificationToEmail');
  assert.deepEqual(chain, ['profiles/LXC_web-config.nix:8:5 «notificationToEmail» = <secret from mail.nix>']);
});

test('a setting set twice in one chain of `//`: the right one, the middle one, then the base', () => {
  const profile = WEB.replace('base.systemSettings // {\n    hostname = "web";', 'base.systemSettings // {\n    hostname = "mid";\n  } // {\n    $0hostname = "web";');
  assert.deepEqual(chainOf({ ...FILES, 'profiles/LXC_web-config.nix': profile }, 'systemSettings', 'hostname'), [
    'profiles/LXC_web-config.nix:8:5 «hostname» = "web"',
    'profiles/LXC_web-config.nix:6:5 «hostname» = "mid"',
    'profiles/LXC-base-config.nix:3:5 «hostname» = "base"',
  ]);
});
