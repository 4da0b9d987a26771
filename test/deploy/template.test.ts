// Command templates: words first, then placeholders inside words; the rules of
// the small quoting language and what it refuses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expandTemplate, tokenizeTemplate } from '../../client/src/deploy/template';
import { checkSshOptions } from '../../client/src/deploy/sshOptions';
import { checkIp, checkUser, checkAbsolutePath, checkBranch, checkIdentifier } from '../../client/src/deploy/validate';

const values = { dir: '/d', profile: 'p', ip: '10.0.0.1', user: 'u', host: 'h' };
function words(t: string): string[] {
  const r = tokenizeTemplate(t);
  if (!r.ok) assert.fail(r.message);
  return expandTemplate(r.words, values);
}

test('words, quotes and placeholders', () => {
  assert.deepEqual(words('./install.sh {dir} {profile} -s -u -q'), ['./install.sh', '/d', 'p', '-s', '-u', '-q']);
  assert.deepEqual(words(`  a\t b  `), ['a', 'b']);
  assert.deepEqual(words(`--name="a b" 'c  d' "" '' x"y"z`), ['--name=a b', 'c  d', '', '', 'xyz']);
  assert.deepEqual(words(`"{dir}/with space" {user}@{ip}:{host}`), ['/d/with space', 'u@10.0.0.1:h']);
  assert.deepEqual(words(`say 'he said "hi"' "it's"`), ['say', 'he said "hi"', "it's"]);
  assert.deepEqual(words('a#b c=d,e+f'), ['a#b', 'c=d,e+f']);
});

test('a value with spaces stays in its word', () => {
  const r = tokenizeTemplate('run {profile} end');
  assert.ok(r.ok);
  if (r.ok) assert.deepEqual(expandTemplate(r.words, { ...values, profile: 'x y; z' }), ['run', 'x y; z', 'end']);
});

test('refused templates say why', () => {
  const bad: [string, RegExp][] = [
    ['a; b', /';'/], ['a && b', /'&'/], ['a | b', /'\|'/], ['a > f', /'>'/], ['echo $(x)', /'\$'/], ['echo `x`', /'`'/],
    ['a\nb', /control character U\+000A/], ['"a\tb"', /U\+0009/], ['a\u0000', /U\+0000/], ['echo {nope}', /not a placeholder/],
    ['echo }', /not a placeholder/], ["echo 'x", /unterminated/], ['echo "x', /unterminated/], ['', /empty/], ['   ', /empty/],
    ['# c', /start with '#'/], ['a\\ b', /'\\'/], ['ls *', /'\*'/], ['cd ~', /'~'/], ['"a;b"', /';'/],
  ];
  for (const [t, re] of bad) {
    const r = tokenizeTemplate(t);
    assert.equal(r.ok, false, JSON.stringify(t));
    if (!r.ok) assert.match(r.message, re, JSON.stringify(t));
  }
});

test('value checks', () => {
  for (const ok of ['192.168.8.85', '0.0.0.0', '::1', 'fd00::85', '2001:db8::1']) assert.equal(checkIp(ok), undefined, ok);
  for (const ok of ['akunito', '_svc', 'a.b-c_1']) assert.equal(checkUser(ok), undefined, ok);
  for (const ok of ['/home/akunito/.dotfiles', '/', '/srv/a+b@c,d:e=f%g']) assert.equal(checkAbsolutePath(ok), undefined, ok);
  for (const ok of ['main', 'release/1.2', 'feature-x_y']) assert.equal(checkBranch(ok), undefined, ok);
  for (const ok of ['LXC_monitoring', 'pve', 'a.b-c', '9lives']) assert.equal(checkIdentifier(ok), undefined, ok);
  assert.match(checkUser('-F/etc/x') ?? '', /starts with '-'/);
  assert.match(checkIp('1.2.3.4; rm -rf ~') ?? '', /not an IP address/);
});

test('ssh options: forms accepted and normalised', () => {
  const r = checkSshOptions(['-o', 'ConnectTimeout=10', '-oBatchMode=yes', '-p2222', '-i', '~/.ssh/k', '-o', 'port=22']);
  assert.deepEqual(r.issues, []);
  assert.deepEqual(r.args, ['-o', 'ConnectTimeout=10', '-o', 'BatchMode=yes', '-p', '2222', '-i', '~/.ssh/k', '-o', 'port=22']);
  const bad = checkSshOptions(['-oProxyCommand=nc %h %p', '-o', 'PermitLocalCommand=yes', '-o', 'ProxyJump=-oProxyCommand=x']);
  assert.deepEqual(bad.issues.map((i) => i.index), [0, 2, 4]);
  assert.match(bad.issues[0].message, /ProxyCommand is not allowed: it runs a local command/);
  assert.match(bad.issues[1].message, /PermitLocalCommand is not allowed/);
  assert.match(bad.issues[2].message, /ProxyJump/);
});
