// The TLS connection to a Proxmox API, checked before anything is sent on it.
// Proxmox hosts usually have a self-signed certificate, so the inventory may
// pin its SHA-256 fingerprint or name a CA file; the system CAs are the
// default. The socket is handed to the HTTP request only after the check
// passed, so the API token can never reach a server that failed it (a
// request written on a socket still in its handshake could be flushed the
// moment the handshake ends, before a 'secureConnect' listener ran).
import * as net from 'node:net';
import * as tls from 'node:tls';
import { ProxmoxReadError } from './collect';

/** How the server's certificate is judged. */
export type TlsTrust =
  /** Only a certificate with this SHA-256 fingerprint (64 upper-case hex digits) is accepted. */
  | { pin: string }
  /** The system CAs, plus this PEM text when given; the name must match too. */
  | { extraCa?: string };

/** `AB:CD:…` or `abcd…` → 64 upper-case hex digits; undefined when it is not a SHA-256 fingerprint. */
export function normalizeFingerprint(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const hex = value.replace(/[:\s]/g, '').toUpperCase();
  return /^[0-9A-F]{64}$/.test(hex) ? hex : undefined;
}

/** `AB:CD:…`, the form Proxmox shows and the inventory holds. */
export function showFingerprint(hex: string): string {
  return hex.match(/../g)?.join(':') ?? hex;
}

/** Codes with which OpenSSL refuses a certificate it cannot chain to a trusted CA. */
const UNTRUSTED = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_GET_ISSUER_CERT', 'CERT_UNTRUSTED',
]);

/** A connection or TLS failure as one sentence (codes only: Node's messages can be long). */
export function describeConnectError(e: NodeJS.ErrnoException, host: string): string {
  const code = e.code ?? '';
  if (UNTRUSTED.has(code)) return 'certificate not trusted (self-signed?): set `fingerprint` or `caFile`';
  if (code === 'CERT_HAS_EXPIRED') return 'certificate has expired: renew it, or pin it with `fingerprint`';
  if (code === 'CERT_NOT_YET_VALID') return 'certificate is not valid yet (check the clocks)';
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return `certificate is not for ${host}: set \`fingerprint\` to pin it`;
  if (/^E[A-Z]+$/.test(code)) return `cannot connect: ${code}`;
  return `cannot connect: ${code || 'TLS handshake failed'}`;
}

/**
 * Connects and checks the certificate. Resolves with the socket once it is
 * trusted; rejects with ProxmoxReadError otherwise, or with the signal's
 * reason when aborted (the socket is destroyed either way).
 */
export function connectTls(host: string, port: number, trust: TlsTrust, signal: AbortSignal): Promise<tls.TLSSocket> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) { reject(signal.reason); return; }
    const pinned = 'pin' in trust ? trust.pin : undefined;
    const options: tls.ConnectionOptions = {
      host, port,
      // SNI takes names only; an IP address is matched against the certificate's IP SANs.
      servername: net.isIP(host) ? undefined : host,
      ALPNProtocols: ['http/1.1'],
    };
    if (pinned !== undefined) {
      // The chain and the name are not what is trusted here: the fingerprint is,
      // and it is compared on 'secureConnect' below before the socket is used.
      options.rejectUnauthorized = false;
      options.checkServerIdentity = () => undefined;
    } else {
      options.rejectUnauthorized = true;
      // `ca` replaces the system CAs, so they are listed again with the extra one.
      if ('extraCa' in trust && trust.extraCa !== undefined) options.ca = [...tls.rootCertificates, trust.extraCa];
    }
    const socket = tls.connect(options);
    let settled = false;
    const finish = (error: unknown): void => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      socket.removeListener('secureConnect', onSecure);
      if (error !== undefined) {
        socket.destroy();
        reject(error);
      } else {
        resolve(socket);
      }
    };
    const onAbort = (): void => finish(signal.reason);
    const onSecure = (): void => {
      if (pinned !== undefined) {
        const got = normalizeFingerprint(socket.getPeerCertificate().fingerprint256);
        if (got !== pinned) {
          finish(new ProxmoxReadError(
            `certificate does not match the pinned fingerprint (the server's is ${got ? showFingerprint(got) : 'unknown'})`,
          ));
          return;
        }
      } else if (!socket.authorized) {
        // rejectUnauthorized already refuses these; checked again so a change there cannot slip through.
        finish(new ProxmoxReadError(describeConnectError({ name: 'Error', message: '', code: String(socket.authorizationError ?? '') }, host)));
        return;
      }
      finish(undefined);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    socket.once('secureConnect', onSecure);
    socket.on('error', (e: NodeJS.ErrnoException) => finish(new ProxmoxReadError(describeConnectError(e, host))));
  });
}
