// Test fixture: real listeners on loopback that stand for a machine's
// services — an HTTP server (200, 302, 500, a slow path), a TCP listener that
// accepts and stays silent, a refused port, and an HTTPS server with a
// self-signed certificate made here with Debian's `openssl` CLI. All bind to
// 127.0.0.1; nothing else is ever contacted.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export interface Listening { port: number; close(): Promise<void> }

export interface WebServer extends Listening {
  /** Most requests in flight at once (the slow path counts). */
  mostInFlight: number;
  requests: string[];
}

function track(server: net.Server): () => Promise<void> {
  const sockets = new Set<net.Socket>();
  server.on('connection', (s: net.Socket) => { sockets.add(s); s.on('close', () => sockets.delete(s)); s.on('error', () => undefined); });
  return () => new Promise((resolve) => {
    for (const s of sockets) s.destroy();
    server.close(() => resolve());
  });
}

async function listenOn(server: net.Server, host = '127.0.0.1'): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return (server.address() as net.AddressInfo).port;
}

const route: http.RequestListener = (req, res) => {
  const p = new URL(req.url ?? '/', 'http://x').pathname;
  if (p === '/ok') res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  else if (p === '/moved') res.writeHead(302, { location: 'http://127.0.0.1:1/elsewhere' }).end();
  else if (p === '/broken') res.writeHead(500).end('broken');
  else res.writeHead(404).end();
};

/** `/ok` 200, `/moved` 302 (to a closed port: must not be followed), `/broken` 500, `/slow` 200 after 300 ms. */
export async function startWebServer(): Promise<WebServer> {
  let inFlight = 0;
  const state = { mostInFlight: 0, requests: [] as string[] };
  const server = http.createServer((req, res) => {
    state.requests.push(req.url ?? '');
    if (req.url?.startsWith('/slow')) {
      inFlight++;
      state.mostInFlight = Math.max(state.mostInFlight, inFlight);
      setTimeout(() => { inFlight--; res.end('slow'); }, 300);
      return;
    }
    route(req, res);
  });
  const close = track(server);
  const port = await listenOn(server);
  return Object.assign(state, { port, close });
}

/** Accepts connections and never says a word. */
export async function startSilent(host = '127.0.0.1'): Promise<Listening> {
  const server = net.createServer(() => undefined);
  const close = track(server);
  return { port: await listenOn(server, host), close };
}

export interface TlsServer extends Listening { certFile: string }

/** HTTPS with a self-signed certificate for IP 127.0.0.1, made with `openssl req -x509`. */
export async function startTlsServer(): Promise<TlsServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homelab-tls-'));
  const key = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', key, '-out', certFile, '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
  ], { stdio: 'ignore' });
  const server = https.createServer({ key: fs.readFileSync(key), cert: fs.readFileSync(certFile) }, route);
  const closeServer = track(server);
  const port = await listenOn(server);
  return {
    port, certFile,
    async close() {
      await closeServer();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
