// The Proxmox API reader against a stand-in HTTPS API on 127.0.0.1 (Proxmox
// VE cannot run here): a whole read of a two-node cluster, the failures a
// user meets (401, 403, 500, a slow server, a refused port), TLS trust
// (pinned fingerprint, CA file, an untrusted self-signed certificate) and
// proof that the token is neither sent to a server failing the pin nor
// repeated in any message.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readHost, readViaApi } from '../../client/src/proxmox';
import type { ProxmoxAccess, ProxmoxHostState } from '../../server/src/protocol/proxmoxMessages';
import { freePort } from '../deploy/helpers/sshd';
import { SECRET, TOKEN_ID, startApiStandIn, startTlsSniffer, type ApiStandIn, type StandInOptions } from './helpers/apiStandIn';
import { EXPECTED_GUEST_PATHS, EXPECTED_PVE_GUESTS } from './helpers/cluster';

const started: { close(): Promise<void> }[] = [];
after(async () => { await Promise.all(started.map((s) => s.close())); });

/** Every state any test produced: none may hold the secret. */
const states: ProxmoxHostState[] = [];

async function standIn(options: StandInOptions = {}): Promise<ApiStandIn> {
  const s = await startApiStandIn(options);
  started.push(s);
  return s;
}

const access = (s: ApiStandIn, over: Partial<ProxmoxAccess> = {}): ProxmoxAccess => ({
  host: 'pve', via: 'api', api: s.url, tokenId: TOKEN_ID, fingerprint: s.cert.fingerprint, ...over,
});

async function read(a: ProxmoxAccess, secret = SECRET, timeoutMs = 5000): Promise<ProxmoxHostState> {
  const state = await readViaApi(a, secret, { timeoutMs });
  states.push(state);
  return state;
}

const guestPaths = (s: ApiStandIn): string[] => s.requests.map((r) => r.path).filter((p) => p !== '/cluster/resources').sort();

describe('the Proxmox API reader', { concurrency: 6 }, () => {
  test('a whole read: every guest of the cluster, the containers of this node with their details', { timeout: 20_000 }, async () => {
    const s = await standIn();
    const state = await read(access(s));
    assert.equal(state.error, undefined);
    assert.equal(state.host, 'pve');
    assert.equal(state.via, 'api');
    assert.ok(!Number.isNaN(Date.parse(state.readAt)));
    assert.deepEqual(state.guests, EXPECTED_PVE_GUESTS);
    // The VM, the other node's container and the stopped container's interfaces are not asked for.
    assert.deepEqual(guestPaths(s), EXPECTED_GUEST_PATHS);
    assert.deepEqual(s.requests.filter((r) => r.path === '/cluster/resources').map((r) => r.query), ['?type=vm']);
    assert.ok(s.requests.every((r) => r.authorization === `PVEAPIToken=${TOKEN_ID}=${SECRET}`));
  });

  test('a wrong secret: authentication failed (401), no guests', { timeout: 20_000 }, async () => {
    const s = await standIn();
    const state = await read(access(s), 'not-the-secret-0000');
    assert.equal(state.error, 'authentication failed (401): check the token id and secret');
    assert.deepEqual(state.guests, []);
    assert.ok(!JSON.stringify(state).includes('not-the-secret-0000'));
  });

  test('403: permission denied, with what Proxmox said', { timeout: 20_000 }, async () => {
    const s = await standIn({ fail: { '/cluster/resources': 403 } });
    const state = await read(access(s));
    assert.match(state.error ?? '', /^permission denied \(403\) for \/cluster\/resources: Permission check failed \(\/vms\/101, VM\.Audit\)/);
    assert.deepEqual(state.guests, []);
  });

  test('an answer slower than the limit: timed out, and nothing hangs', { timeout: 20_000 }, async () => {
    const s = await standIn({ delayMs: 10_000 });
    const t0 = Date.now();
    const state = await read(access(s), SECRET, 300);
    assert.equal(state.error, 'timed out after 0.3 s');
    assert.deepEqual(state.guests, []);
    assert.ok(Date.now() - t0 < 3000, `took ${Date.now() - t0} ms`);
  });

  test('500 on the guest list: the host has an error', { timeout: 20_000 }, async () => {
    const s = await standIn({ fail: { '/cluster/resources': 500 } });
    const state = await read(access(s));
    assert.equal(state.error, 'the server answered 500 internal error for /cluster/resources');
    assert.deepEqual(state.guests, []);
  });

  test('500 on one container\'s interfaces: the host is still read, that container lacks its live addresses', { timeout: 20_000 }, async () => {
    const s = await standIn({ fail: { '/nodes/pve/lxc/101/interfaces': 500 } });
    const state = await read(access(s));
    assert.equal(state.error, undefined);
    const expected = EXPECTED_PVE_GUESTS.map((g) => {
      if (g.vmid !== 101) return g;
      const { liveAddresses: _dropped, ...rest } = g;
      return rest;
    });
    assert.deepEqual(state.guests, expected);
  });

  test('a pinned fingerprint accepts the self-signed certificate, in any case and with or without colons', { timeout: 20_000 }, async () => {
    const s = await standIn();
    const lower = await read(access(s, { fingerprint: s.cert.fingerprint.toLowerCase().replace(/:/g, '') }));
    assert.equal(lower.error, undefined);
    assert.equal(lower.guests.length, EXPECTED_PVE_GUESTS.length);
  });

  test('a fingerprint that does not match: refused, and the stand-in never saw the token', { timeout: 20_000 }, async () => {
    const s = await standIn();
    const other = s.cert.fingerprint.replace(/^[0-9A-F]/, (c) => (c === '0' ? '1' : '0'));
    const state = await read(access(s, { fingerprint: other }));
    assert.match(state.error ?? '', /^certificate does not match the pinned fingerprint \(the server's is /);
    assert.ok(state.error?.includes(s.cert.fingerprint), 'names the server\'s fingerprint so it can be checked');
    assert.deepEqual(state.guests, []);
    assert.deepEqual(s.requests, [], 'no request reached the server');
  });

  test('on a pin mismatch not one byte is written after the handshake (a TLS sniffer sees nothing)', { timeout: 20_000 }, async () => {
    const sniffer = await startTlsSniffer();
    started.push(sniffer);
    const base = { host: 'pve', via: 'api' as const, api: `https://127.0.0.1:${sniffer.port}`, tokenId: TOKEN_ID };
    const wrong = sniffer.cert.fingerprint.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    const refused = await read({ ...base, fingerprint: wrong }, SECRET, 1000);
    assert.match(refused.error ?? '', /^certificate does not match the pinned fingerprint/);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(sniffer.received(), '');
    // Control: with the right pin the request (and token) is sent, so the sniffer would have seen it.
    const control = await read({ ...base, fingerprint: sniffer.cert.fingerprint }, SECRET, 2000);
    assert.equal(control.error, 'timed out after 2 s');
    assert.match(sniffer.received(), /^GET \/api2\/json\/cluster\/resources\?type=vm HTTP\/1\.1\r\n/);
    assert.ok(sniffer.received().includes(`Authorization: PVEAPIToken=${TOKEN_ID}=`));
  });

  test('no pin, a self-signed certificate: not trusted, and nothing sent', { timeout: 20_000 }, async () => {
    const s = await standIn();
    const state = await read(access(s, { fingerprint: undefined }));
    assert.equal(state.error, 'certificate not trusted (self-signed?): set `fingerprint` or `caFile`');
    assert.deepEqual(s.requests, []);
  });

  test('a caFile holding the certificate makes it trusted', { timeout: 20_000 }, async () => {
    const s = await standIn();
    const state = await read(access(s, { fingerprint: undefined, caFile: s.cert.certFile }));
    assert.equal(state.error, undefined);
    assert.deepEqual(state.guests, EXPECTED_PVE_GUESTS);
  });

  test('a caFile that cannot be read is named', { timeout: 20_000 }, async () => {
    const s = await standIn();
    const state = await read(access(s, { fingerprint: undefined, caFile: '/nonexistent/homelab-ca.pem' }));
    assert.equal(state.error, 'cannot read `caFile` /nonexistent/homelab-ca.pem: ENOENT');
  });

  test('a refused port: cannot connect: ECONNREFUSED', { timeout: 20_000 }, async () => {
    const port = await freePort();
    const state = await read({ host: 'pve', via: 'api', api: `https://127.0.0.1:${port}`, tokenId: TOKEN_ID });
    assert.equal(state.error, 'cannot connect: ECONNREFUSED');
    assert.deepEqual(state.guests, []);
  });

  test('settings that cannot be used are refused before connecting', { timeout: 20_000 }, async () => {
    const s = await standIn();
    const cases: [Partial<ProxmoxAccess>, RegExp][] = [
      [{ api: `http://127.0.0.1:${s.port}` }, /must be an https:\/\/ URL/],
      [{ api: 'not a url' }, /is not a URL/],
      [{ api: undefined }, /no `api` URL set/],
      [{ tokenId: 'root@pam' }, /`tokenId` must look like USER@REALM!TOKENID/],
      [{ fingerprint: 'AB:CD' }, /not a SHA-256 fingerprint/],
      [{ fingerprint: undefined, caFile: 'relative/ca.pem' }, /`caFile` .* is not an absolute path/],
      [{ node: '-oProxyCommand=x' }, /`node` .*starts with '-'/],
    ];
    for (const [over, expected] of cases) {
      const state = await read(access(s, over));
      assert.match(state.error ?? '', expected, JSON.stringify(over));
    }
    const spaced = await read(access(s), `${SECRET}\r\nX-Injected: 1`);
    assert.match(spaced.error ?? '', /secret holds spaces or unprintable characters/);
    assert.deepEqual(s.requests, []);
  });

  test('a server that repeats the token in its answer: the message shows *** instead', { timeout: 20_000 }, async () => {
    const s = await standIn({ echoAuthorization: true, fail: { '/cluster/resources': 500 } });
    const state = await read(access(s));
    assert.match(state.error ?? '', /^the server answered 500 failed for PVEAPIToken=root@pam!homelab=\*\*\* for \/cluster\/resources$/);
  });

  test('readHost: via api without a secret asks for one; with it, reads', { timeout: 20_000 }, async () => {
    const s = await standIn();
    const none = await readHost(access(s), {});
    assert.equal(none.error, 'no API token set: run Homelab: Set Proxmox API Token');
    assert.deepEqual(none.guests, []);
    assert.deepEqual(s.requests, []);
    const ok = await readHost(access(s), { secret: SECRET, timeoutMs: 5000 });
    states.push(none, ok);
    assert.deepEqual(ok.guests, EXPECTED_PVE_GUESTS);
  });
});

test('the secret is in no state, error or message of any test above', () => {
  assert.ok(states.length >= 15, `${states.length} states`);
  for (const s of states) assert.ok(!JSON.stringify(s).includes(SECRET), JSON.stringify(s));
});
