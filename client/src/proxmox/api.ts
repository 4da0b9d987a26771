// Reads a Proxmox host through its HTTPS API with an API token
// (`Authorization: PVEAPIToken=USER@REALM!ID=SECRET`). Node's own http/tls
// only: no dependency to audit for a code path that carries a secret. Each
// request opens its own connection, checked (tls.ts) before the request with
// the token is written on it; each has its own time limit.
import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import type { ProxmoxAccess, ProxmoxHostState } from '../../../server/src/protocol/proxmoxMessages';
import { redact } from '../deploy/redact';
import { checkAbsolutePath } from '../deploy/validate';
import { checkNode, collectGuests, errorState, ProxmoxReadError, readState, seconds, type ProxmoxGet } from './collect';
import { unwrapApi } from './parse';
import { connectTls, normalizeFingerprint, type TlsTrust } from './tls';

export interface ApiReadOptions {
  /** The limit of each request (connect, TLS, answer), in ms. */
  timeoutMs: number;
  signal?: AbortSignal;
}

/** A Proxmox answer is small; more than this is not one. */
const MAX_ANSWER_BYTES = 16 * 1024 * 1024;

/** `USER@REALM!TOKENID`, as Proxmox names tokens. */
const TOKEN_ID = /^[A-Za-z0-9._-]{1,64}@[A-Za-z0-9._-]{1,64}![A-Za-z][A-Za-z0-9._-]{0,63}$/;

interface Endpoint { host: string; port: number; basePath: string }

/** Printable, short: server-supplied text (a status message) before it enters an error. */
function printable(text: string, max = 120): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

/** The API's base URL → where to connect; `/api2/json` added unless the URL has it. */
function endpoint(api: unknown): Endpoint | string {
  if (typeof api !== 'string' || api === '') return 'no `api` URL set (e.g. https://192.168.8.82:8006)';
  let url: URL;
  try { url = new URL(api); } catch { return `\`api\` is not a URL: ${printable(api, 80)}`; }
  if (url.protocol !== 'https:') return '`api` must be an https:// URL (the token is never sent in clear text)';
  if (url.username || url.password) return '`api` must not hold a user or password (the token id and secret are used)';
  if (url.search || url.hash) return '`api` must not have a query or fragment';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const path = url.pathname.replace(/\/+$/, '');
  return { host, port: url.port ? Number(url.port) : 443, basePath: path.endsWith('/api2/json') ? path : `${path}/api2/json` };
}

/** What a non-2xx answer means for the user. */
function statusError(code: number, statusMessage: string, path: string): string {
  const said = printable(statusMessage);
  if (code === 401) return 'authentication failed (401): check the token id and secret';
  if (code === 403) {
    return `permission denied (403) for ${path}${said ? `: ${said}` : ''}. The token needs VM.Audit (and Sys.Audit); a token with privilege separation needs its own permissions`;
  }
  return `the server answered ${code}${said ? ` ${said}` : ''} for ${path}`;
}

/** One GET on a checked connection; the bare data of the JSON answer. */
function request(
  ep: Endpoint, trust: TlsTrust, authorization: string, path: string, params: Record<string, string> | undefined,
  options: ApiReadOptions,
): Promise<unknown> {
  const query = params ? `?${new URLSearchParams(params).toString()}` : '';
  const deadline = new AbortController();
  const timer = setTimeout(
    () => deadline.abort(new ProxmoxReadError(`timed out after ${seconds(options.timeoutMs)}`)), options.timeoutMs,
  );
  const onCancel = (): void => deadline.abort(new ProxmoxReadError('cancelled'));
  options.signal?.addEventListener('abort', onCancel, { once: true });
  if (options.signal?.aborted) onCancel();
  const cleanup = (): void => {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onCancel);
  };
  const signal = deadline.signal;
  return connectTls(ep.host, ep.port, trust, signal).then((socket) => new Promise<unknown>((resolve, reject) => {
    let settled = false;
    const finish = (error: unknown, value?: unknown): void => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      socket.destroy();
      if (error !== undefined) reject(error); else resolve(value);
    };
    const onAbort = (): void => finish(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    if (signal.aborted) { onAbort(); return; }
    // `new ClientRequest`, not `http.request`: VS Code's extension host wraps
    // `http.request` to route it through its proxy agent, which drops
    // `createConnection` and would speak plain HTTP to the TLS port.
    const req = new http.ClientRequest({
      host: ep.host, port: ep.port, method: 'GET', path: `${ep.basePath}${path}${query}`,
      // The already checked TLS socket: no agent, no second connection.
      createConnection: () => socket,
      headers: { Authorization: authorization, Accept: 'application/json', Connection: 'close' },
    });
    req.on('error', (e: NodeJS.ErrnoException) => finish(new ProxmoxReadError(`the connection failed: ${e.code ?? 'error'}`)));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_ANSWER_BYTES) finish(new ProxmoxReadError(`the answer for ${path} is larger than 16 MiB`));
        else chunks.push(c);
      });
      res.on('error', () => finish(new ProxmoxReadError(`the connection broke while reading ${path}`)));
      res.on('end', () => {
        const code = res.statusCode ?? 0;
        if (code < 200 || code > 299) { finish(new ProxmoxReadError(statusError(code, res.statusMessage ?? '', path))); return; }
        let body: unknown;
        try { body = JSON.parse(Buffer.concat(chunks).toString('utf8')); } catch {
          finish(new ProxmoxReadError(`the answer for ${path} is not JSON`));
          return;
        }
        finish(undefined, unwrapApi(body));
      });
    });
    req.end();
  })).finally(cleanup);
}

/**
 * The TLS trust the inventory asks for, or why it cannot be used. A pinned
 * fingerprint is the strictest statement and wins; `caFile` is then unused.
 */
function trustOf(access: ProxmoxAccess): TlsTrust | string {
  if (access.fingerprint !== undefined) {
    const pin = normalizeFingerprint(access.fingerprint);
    return pin ? { pin } : '`fingerprint` is not a SHA-256 fingerprint (64 hex digits, colons allowed)';
  }
  if (access.caFile !== undefined) {
    const bad = checkAbsolutePath(access.caFile);
    if (bad) return `\`caFile\` ${bad}`;
    try {
      return { extraCa: readFileSync(access.caFile, 'utf8') };
    } catch (e) {
      return `cannot read \`caFile\` ${access.caFile}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`;
    }
  }
  return {};
}

/**
 * Reads the host's guests through the API. Never throws: what went wrong is
 * the state's `error` (guests empty). The secret appears in no message.
 */
export async function readViaApi(access: ProxmoxAccess, secret: string, options: ApiReadOptions): Promise<ProxmoxHostState> {
  const clean = (m: string): string => redact(m, [secret]);
  const badNode = checkNode(access);
  if (badNode) return errorState(access, clean(badNode));
  const ep = endpoint(access.api);
  if (typeof ep === 'string') return errorState(access, clean(ep));
  if (typeof access.tokenId !== 'string' || !TOKEN_ID.test(access.tokenId)) {
    return errorState(access, '`tokenId` must look like USER@REALM!TOKENID (e.g. root@pam!homelab)');
  }
  // A header value with a line break or space would be refused by Node or, worse, split the header.
  if (!/^[\x21-\x7e]{1,512}$/.test(secret)) return errorState(access, 'the API token secret holds spaces or unprintable characters: set it again');
  const trust = trustOf(access);
  if (typeof trust === 'string') return errorState(access, clean(trust));
  const authorization = `PVEAPIToken=${access.tokenId}=${secret}`;
  const get: ProxmoxGet = (path, params) => request(ep, trust, authorization, path, params, options);
  return readState(access, () => collectGuests(access, get, { signal: options.signal }), clean);
}
