// IP parsing and network arithmetic through ipaddr.js.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { broadcastOf, contains, isParsed, overlaps, parseAddress, parseCidr, reservedRole, type ParsedCidr, type ParsedAddress } from '../../../server/src/model/ip';

const addr = (s: string): ParsedAddress => {
  const r = parseAddress(s);
  assert.ok(isParsed(r), s);
  return r as ParsedAddress;
};
const net = (s: string): ParsedCidr => {
  const r = parseCidr(s);
  assert.ok(isParsed(r), s);
  return r as ParsedCidr;
};

test('valid addresses, canonical keys', () => {
  assert.equal(addr('192.168.8.1').key, '192.168.8.1');
  assert.equal(addr('fd00::1').key, addr('fd00:0:0::1').key);
});

test('malformed addresses get a specific message', () => {
  const cases: [string, RegExp][] = [
    ['192.168.8.256', /`256` is not a number from 0 to 255/],
    ['192.168.8', /four numbers/],
    ['192.168.8.0/24', /is a network, not an address/],
    ['host.lan', /not an IP address/],
    [' 10.0.0.1', /not an IP address/],
    ['010.0.0.1', /`010`/],
  ];
  for (const [s, re] of cases) {
    const r = parseAddress(s);
    assert.ok(!isParsed(r), s);
    assert.match((r as { error: string }).error, re);
  }
});

test('strings that are plainly no address (a path, a name, a calendar, padded, empty) say so whole, every time, as before they were told apart from the memo', () => {
  for (const s of ['/srv/searxng/c0003', 'Sat *-*-* 01:03:00', 'grafana.local.lab.example.com', ' 10.0.0.1', '10.0.0.1 ', '', 'fe80::1%eth0 x']) {
    for (let i = 0; i < 2; i++) assert.deepEqual(parseAddress(s), { error: `\`${s}\` is not an IP address` }, JSON.stringify(s));
  }
  // Address-like strings are still remembered: the same parse, the same object.
  assert.equal(parseAddress('10.20.0.13'), parseAddress('10.20.0.13'));
  assert.deepEqual(parseAddress('10.20.0.13/24'), parseAddress('10.20.0.13/24'));
  assert.match((parseAddress('10.20.0.13/24') as { error: string }).error, /is a network, not an address: leave out the `\/24` prefix/);
});

test('networks: containment, broadcast, reserved roles, overlap', () => {
  const n = net('192.168.8.0/24');
  assert.equal(n.key, '192.168.8.0/24');
  assert.equal(broadcastOf(n), '192.168.8.255');
  assert.equal(contains(n, addr('192.168.8.85').addr), true);
  assert.equal(contains(n, addr('192.168.9.85').addr), false);
  assert.equal(reservedRole(n, addr('192.168.8.0').addr), 'network');
  assert.equal(reservedRole(n, addr('192.168.8.255').addr), 'broadcast');
  assert.equal(reservedRole(n, addr('192.168.8.1').addr), undefined);
  assert.equal(overlaps(n, net('192.168.0.0/16')), true);
  assert.equal(overlaps(n, net('192.168.9.0/24')), false);
  assert.equal(net('10.1.2.3/8').network, '10.0.0.0');
});

test('malformed networks', () => {
  for (const s of ['192.168.8.0', '192.168.8.0/33', '192.168.8.0/x', '300.1.1.1/8']) assert.ok(!isParsed(parseCidr(s)), s);
});
