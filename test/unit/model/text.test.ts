// Text helpers over Nix sources and globs: comment masking, doc comments,
// enum options, setting reads with `or` defaults.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { docCommentAt, enumFromDoc, maskNix } from '../../../server/src/model/nixText';
import { literalValue, scanSettingReads } from '../../../server/src/model/settingReads';
import { matchGlob } from '../../../server/src/model/glob';

test('maskNix blanks comments and keeps offsets', () => {
  const t = 'a = 1; # x.y\n/* b */ c = "#";';
  const m = maskNix(t);
  assert.equal(m.length, t.length);
  assert.ok(!m.includes('x.y'));
  assert.ok(m.includes('"#"'));
});

test('doc comment above a binding, beside it, and Options enums', () => {
  const t = '{\n  # Login shell.\n  # Options: "zsh", "bash"\n  shell = "zsh";\n  port = 22; # SSH port\n\n  bare = 1;\n}';
  const doc = docCommentAt(t, t.indexOf('shell ='));
  assert.equal(doc, 'Login shell.\nOptions: "zsh", "bash"');
  assert.deepEqual(enumFromDoc(doc), ['zsh', 'bash']);
  assert.equal(docCommentAt(t, t.indexOf('port =')), 'SSH port');
  assert.equal(docCommentAt(t, t.indexOf('bare =')), undefined);
  assert.equal(enumFromDoc('no options here'), undefined);
});

test('setting reads with and without `or` defaults, not in comments', () => {
  const t = [
    '{ systemSettings, userSettings, ... }:',
    '{',
    '  enable = systemSettings.backupMonitoringEnable or false;',
    '  nets = systemSettings.postfixRelayAllowedNetworks or [ "127.0.0.0/8" ];',
    '  user = userSettings.username;',
    '  # systemSettings.commentedOut or true',
    '}',
  ].join('\n');
  const reads = scanSettingReads(t, 'file:///m.nix');
  assert.deepEqual(
    reads.map((r) => [r.block, r.key, r.orDefault?.text]),
    [
      ['systemSettings', 'backupMonitoringEnable', 'false'],
      ['systemSettings', 'postfixRelayAllowedNetworks', '[ "127.0.0.0/8" ]'],
      ['userSettings', 'username', undefined],
    ],
  );
  assert.equal(t.slice(reads[0].origin.span.start, reads[0].origin.span.end), 'backupMonitoringEnable');
});

test('literal values of `or` defaults', () => {
  assert.deepEqual(literalValue('false'), { value: false });
  assert.deepEqual(literalValue('42'), { value: 42 });
  assert.deepEqual(literalValue('"Sun *-*-* 03:00:00"'), { value: 'Sun *-*-* 03:00:00' });
  assert.deepEqual(literalValue('[ "a" "b" ]'), { value: ['a', 'b'] });
  assert.deepEqual(literalValue('[ ]'), { value: [] });
  assert.equal(literalValue('pkgs.hello'), undefined);
});

test('globs', () => {
  assert.equal(matchGlob('profiles/*-config.nix', 'profiles/LXC_HOME-config.nix'), true);
  assert.equal(matchGlob('profiles/*-config.nix', 'profiles/sub/x-config.nix'), false);
  assert.equal(matchGlob('**/*.nix', 'a/b/c.nix'), true);
  assert.equal(matchGlob('**/*.nix', 'c.nix'), true);
  assert.equal(matchGlob('profiles/*-config.nix', 'lib/defaults.nix'), false);
});
