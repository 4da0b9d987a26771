// Whether a container answers: a TCP connect to its SSH port with a short
// time-out, reading the first line the server sends (nothing is sent, no
// authentication): `SSH-…` is reachable; a port that opens but says nothing
// (or something else) is `not-ssh` — something listens, but not sshd, so a
// deploy would fail there too; no answer or a refusal is unreachable. Also
// each target's `up` value from Prometheus. Plain Node, no vscode import, so
// it is tested against real sockets (and reused by the deploy health checks).
import * as net from 'node:net';

/** `not-ssh`: the port accepts connections but does not answer with an SSH banner. */
export type Reachability = 'reachable' | 'not-ssh' | 'unreachable' | 'unknown';

export interface BannerProbe {
  state: Reachability;
  /** The server's first line when it is SSH (`SSH-2.0-OpenSSH_9.2p1 …`), printable characters only. */
  banner?: string;
  /** Why, in a few words: `connection refused`, `answered "HTTP/1.1 400 …", not SSH`, `said nothing within 1.5 s`. */
  detail: string;
}

/** The longest identification line SSH allows (RFC 4253: 255 with CR LF). */
const MAX_LINE = 255;

/** Printable ASCII only, at most `max` characters: what a peer said, safe to show. */
export function printable(text: string, max = 80): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[^\x20-\x7e]/g, '?');
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

/**
 * Connects to host:port and reads the first line (or the first bytes) the
 * server sends. Decides as soon as it can: four bytes are enough to tell
 * `SSH-` from anything else. Never rejects; `signal` ends it early (`unknown`).
 */
export function readBanner(host: string, port: number, timeoutMs: number, signal?: AbortSignal): Promise<BannerProbe> {
  if (net.isIP(host) === 0) return Promise.resolve({ state: 'unknown', detail: `${printable(host)} is not an IP address` });
  if (!Number.isInteger(port) || port < 1 || port > 65535) return Promise.resolve({ state: 'unknown', detail: `port ${port} is not valid` });
  if (signal?.aborted) return Promise.resolve({ state: 'unknown', detail: 'cancelled' });
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    let connected = false;
    let received = '';
    let settled = false;
    const seconds = `${Math.round(timeoutMs / 100) / 10} s`;
    const done = (probe: BannerProbe): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve(probe);
    };
    const judge = (final: boolean): void => {
      const newline = received.search(/\r?\n/);
      const line = newline >= 0 ? received.slice(0, newline) : received;
      if (line.length >= 4 && !line.startsWith('SSH-')) {
        done({ state: 'not-ssh', detail: `answered ${JSON.stringify(printable(line, 40))}, not SSH` });
      } else if (line.startsWith('SSH-') && (newline >= 0 || line.length >= MAX_LINE || final)) {
        done({ state: 'reachable', banner: printable(line.slice(0, MAX_LINE), MAX_LINE), detail: printable(line, 60) });
      } else if (final) {
        done({
          state: 'not-ssh',
          detail: received === '' ? 'the connection opened and closed without a word' : `answered ${JSON.stringify(printable(line, 40))}, not SSH`,
        });
      }
    };
    const onAbort = (): void => done({ state: 'unknown', detail: 'cancelled' });
    signal?.addEventListener('abort', onAbort, { once: true });
    // One timer for the whole probe: connecting and the first line together.
    const timer = setTimeout(() => {
      done(connected
        ? { state: 'not-ssh', detail: received === '' ? `the port is open but said nothing within ${seconds}` : `no SSH banner within ${seconds}` }
        : { state: 'unreachable', detail: `no answer within ${seconds}` });
    }, timeoutMs);
    socket.once('connect', () => { connected = true; });
    socket.on('data', (chunk: Buffer) => {
      received = (received + chunk.toString('latin1')).slice(0, MAX_LINE + 2);
      judge(false);
    });
    socket.once('end', () => judge(true));
    socket.once('close', () => {
      if (connected) judge(true);
    });
    socket.once('error', (e: NodeJS.ErrnoException) => {
      if (connected) { judge(true); return; }
      done({ state: 'unreachable', detail: e.code === 'ECONNREFUSED' ? 'connection refused' : printable(e.code ?? e.message) });
    });
  });
}

/** The reachability of one SSH port: reachable only when it answers with an SSH banner. */
export async function probeSsh(host: string, port: number, timeoutMs: number, signal?: AbortSignal): Promise<Reachability> {
  return (await readBanner(host, port, timeoutMs, signal)).state;
}

/** Same as `probeSsh` (its former name, when an open port was enough). */
export const probeTcp = probeSsh;

/** Probes many addresses, at most `concurrency` at a time. */
export async function probeAll(
  hosts: string[],
  port: number,
  timeoutMs: number,
  concurrency = 16,
): Promise<Map<string, Reachability>> {
  const results = new Map<string, Reachability>();
  const queue = [...new Set(hosts)];
  const workers = Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
    for (let host = queue.shift(); host !== undefined; host = queue.shift()) {
      results.set(host, await probeSsh(host, port, timeoutMs));
    }
  });
  await Promise.all(workers);
  return results;
}

/**
 * Reads `up` for every target from Prometheus's HTTP API
 * (`/api/v1/query?query=up`) and maps each target's address (the `instance`
 * label without its port) to up (1) or down (0). A target up on any job counts as up.
 */
export async function prometheusUp(baseUrl: string, timeoutMs: number, signal?: AbortSignal): Promise<Map<string, boolean>> {
  const url = new URL('api/v1/query', baseUrl.endsWith('/') ? baseUrl : baseUrl + '/');
  url.searchParams.set('query', 'up');
  const timeout = AbortSignal.timeout(timeoutMs);
  const response = await fetch(url, { signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
  if (!response.ok) throw new Error(`Prometheus answered ${response.status} ${response.statusText}`);
  const body = (await response.json()) as {
    status?: string;
    data?: { result?: { metric?: Record<string, string>; value?: [number, string] }[] };
  };
  if (body.status !== 'success') throw new Error('Prometheus did not answer the query successfully');
  const up = new Map<string, boolean>();
  for (const sample of body.data?.result ?? []) {
    const instance = sample.metric?.instance;
    if (!instance) continue;
    const address = instance.replace(/^\[([^\]]+)\](:\d+)?$/, '$1').replace(/^([^:\]]+):\d+$/, '$1');
    const isUp = sample.value?.[1] === '1';
    up.set(address, (up.get(address) ?? false) || isUp);
  }
  return up;
}

/** The port ssh would use with these options: `-p N`, `-pN`, `-o Port=N` or `-oPort=N` (the last wins), else 22. */
export function sshPort(options: string[]): number {
  let port = 22;
  for (let i = 0; i < options.length; i++) {
    const o = options[i];
    const value = o === '-p' ? options[i + 1] : o.startsWith('-p') ? o.slice(2)
      : o === '-o' && /^port=/i.test(options[i + 1] ?? '') ? options[i + 1].slice(5)
      : /^-oport=/i.test(o) ? o.slice(7) : undefined;
    if (value !== undefined && /^\d{1,5}$/.test(value) && Number(value) > 0 && Number(value) < 65536) port = Number(value);
  }
  return port;
}
