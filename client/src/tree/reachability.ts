// Whether a container answers: a TCP connect to its SSH port with a short
// time-out (no data is sent), and optionally its `up` value from Prometheus.
// Plain Node, no vscode import, so it is tested against real sockets.
import * as net from 'node:net';

export type Reachability = 'reachable' | 'unreachable' | 'unknown';

export function probeTcp(host: string, port: number, timeoutMs: number): Promise<Reachability> {
  if (net.isIP(host) === 0) return Promise.resolve('unknown');
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (result: Reachability): void => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => done('unreachable'));
    socket.once('connect', () => done('reachable'));
    socket.once('error', () => done('unreachable'));
  });
}

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
      results.set(host, await probeTcp(host, port, timeoutMs));
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
export async function prometheusUp(baseUrl: string, timeoutMs: number): Promise<Map<string, boolean>> {
  const url = new URL('api/v1/query', baseUrl.endsWith('/') ? baseUrl : baseUrl + '/');
  url.searchParams.set('query', 'up');
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
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
