// Test fixture: a stand-in for the Proxmox VE HTTPS API, because Proxmox VE
// itself cannot run here. It serves the documented answer shapes of a small
// cluster (cluster.ts) wrapped as `{ "data": … }`, checks the
// `PVEAPIToken=` header, and can answer with an error, slowly, or not at all.
// It listens on 127.0.0.1 only, with a self-signed certificate made at test
// time by Debian's `openssl` CLI (like test/deploy/helpers/listeners.ts).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as https from 'node:https';
import type * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tls from 'node:tls';
import { ANSWERS } from './cluster';

export const TOKEN_ID = 'root@pam!homelab';
/** The token secret the stand-in accepts (a UUID, like Proxmox's). */
export const SECRET = '6f1c2b9e-4d3a-4e8b-9c7d-planted0secret';

export interface Certificate {
  dir: string;
  keyFile: string;
  certFile: string;
  /** SHA-256 fingerprint as `openssl x509 -fingerprint -sha256` prints it (`AB:CD:…`). */
  fingerprint: string;
}

/** A self-signed certificate for IP 127.0.0.1 (also its own CA), with its fingerprint from openssl. */
export function makeCertificate(): Certificate {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homelab-pve-tls-'));
  const keyFile = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', keyFile, '-out', certFile, '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
  ], { stdio: 'ignore' });
  const out = execFileSync('openssl', ['x509', '-in', certFile, '-noout', '-fingerprint', '-sha256'], { encoding: 'utf8' });
  const fingerprint = /=([0-9A-F:]+)/i.exec(out)?.[1];
  if (!fingerprint) throw new Error(`openssl printed no fingerprint: ${out}`);
  return { dir, keyFile, certFile, fingerprint };
}

export interface SeenRequest {
  /** The path after `/api2/json`, without the query. */
  path: string;
  query: string;
  authorization?: string;
}

export interface StandInOptions {
  /** Answer these paths with this status instead (`/cluster/resources`: 500). */
  fail?: Record<string, number>;
  /** Wait this long before every answer. */
  delayMs?: number;
  /** A broken server that repeats the Authorization header in its status message. */
  echoAuthorization?: boolean;
  /** Another cluster's answers (bare data per path) instead of cluster.ts's. */
  answers?: Record<string, unknown>;
}

export interface ApiStandIn {
  port: number;
  /** `https://127.0.0.1:PORT` (the inventory's `api`). */
  url: string;
  cert: Certificate;
  requests: SeenRequest[];
  close(): Promise<void>;
}

const REASONS: Record<number, string> = {
  401: 'authentication failure',
  403: 'Permission check failed (/vms/101, VM.Audit)',
  500: 'internal error',
};

function track(server: net.Server): () => Promise<void> {
  const sockets = new Set<net.Socket>();
  server.on('connection', (s: net.Socket) => { sockets.add(s); s.on('close', () => sockets.delete(s)); s.on('error', () => undefined); });
  server.on('tlsClientError', () => undefined);
  return () => new Promise((resolve) => {
    for (const s of sockets) s.destroy();
    server.close(() => resolve());
  });
}

export async function startApiStandIn(options: StandInOptions = {}): Promise<ApiStandIn> {
  const cert = makeCertificate();
  const requests: SeenRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = https.createServer({ key: fs.readFileSync(cert.keyFile), cert: fs.readFileSync(cert.certFile) }, (req, res) => {
    const url = new URL(req.url ?? '/', 'https://127.0.0.1');
    const p = url.pathname.replace(/^\/api2\/json/, '');
    const authorization = req.headers.authorization;
    requests.push({ path: p, query: url.search, authorization });
    const answer = (): void => {
      const send = (code: number, body?: unknown): void => {
        const reason = options.echoAuthorization ? `failed for ${authorization ?? ''}` : REASONS[code];
        res.writeHead(code, reason, { 'content-type': 'application/json;charset=UTF-8' }).end(JSON.stringify(body ?? { data: null }));
      };
      if (authorization !== `PVEAPIToken=${TOKEN_ID}=${SECRET}`) { send(401); return; }
      const failing = options.fail?.[p];
      if (failing !== undefined) { send(failing); return; }
      if (p === '/cluster/resources' && url.searchParams.get('type') !== 'vm') { send(400); return; }
      const answers = options.answers ?? ANSWERS;
      if (!(p in answers)) { send(500); return; }
      send(200, { data: answers[p] });
    };
    if (options.delayMs) {
      const t = setTimeout(() => { timers.delete(t); answer(); }, options.delayMs);
      timers.add(t);
    } else {
      answer();
    }
  });
  const closeServer = track(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port, url: `https://127.0.0.1:${port}`, cert, requests,
    async close() {
      for (const t of timers) clearTimeout(t);
      await closeServer();
      fs.rmSync(cert.dir, { recursive: true, force: true });
    },
  };
}

export interface TlsSniffer {
  port: number;
  cert: Certificate;
  /** Everything clients sent after the handshake, decrypted. */
  received(): string;
  close(): Promise<void>;
}

/**
 * A TLS server that records every decrypted byte and never answers: it shows
 * whether a client sent anything (the token) on a connection it should have
 * refused.
 */
export async function startTlsSniffer(): Promise<TlsSniffer> {
  const cert = makeCertificate();
  let data = '';
  const server = tls.createServer({ key: fs.readFileSync(cert.keyFile), cert: fs.readFileSync(cert.certFile) }, (socket) => {
    socket.on('data', (d: Buffer) => { data += d.toString('latin1'); });
    socket.on('error', () => undefined);
  });
  const closeServer = track(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port, cert, received: () => data,
    async close() {
      await closeServer();
      fs.rmSync(cert.dir, { recursive: true, force: true });
    },
  };
}
