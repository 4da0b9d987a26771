// Reads a Proxmox host with `pvesh get … --output-format json` over ssh, for
// hosts without an API token: the same reads as the API (pvesh is its local
// front end and prints the bare data). One ssh call per pvesh call, a few at a
// time (collect.ts): batching them into one remote command would need remote
// shell syntax around the values, which this code never builds.
import type { ProxmoxAccess, ProxmoxHostState } from '../../../server/src/protocol/proxmoxMessages';
import { explainSshFailure, lastLine } from '../deploy/sshErrors';
import { checkNode, collectGuests, errorState, ProxmoxReadError, readState, seconds, type ProxmoxGet } from './collect';
import { proxmoxSshAccess, runArgv, sshArgv, type ProxmoxSshSettings } from './sshRun';

export interface SshReadOptions {
  /** The limit of each ssh call, in ms. */
  timeoutMs: number;
  signal?: AbortSignal;
}

/** An API path segment as pvesh gets it: names and numbers, no shell syntax. */
const PATH = /^(\/[A-Za-z0-9_.-]+)+$/;
const PARAM = /^[a-z][a-z0-9-]*$/;
const VALUE = /^[A-Za-z0-9_.-]+$/;

/**
 * The words after `--` for one read. Every value is checked here, last, even
 * though callers built it from checked parts: these words reach a remote shell.
 */
export function pveshWords(path: string, params: Record<string, string> = {}): string[] {
  if (!PATH.test(path) || path.split('/').includes('..')) throw new ProxmoxReadError(`refused pvesh path ${JSON.stringify(path)}`);
  const words = ['pvesh', 'get', path];
  for (const [k, v] of Object.entries(params)) {
    if (!PARAM.test(k) || !VALUE.test(v)) throw new ProxmoxReadError(`refused pvesh parameter ${JSON.stringify(k)}`);
    words.push(`--${k}`, v);
  }
  words.push('--output-format', 'json');
  return words;
}

/** Printable, short: remote output before it enters an error message. */
function printable(text: string, max = 160): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

/**
 * Reads the host's guests with pvesh over ssh. Never throws: what went wrong
 * is the state's `error` (guests empty).
 */
export async function readViaSsh(
  access: ProxmoxAccess, settings: ProxmoxSshSettings, options: SshReadOptions,
): Promise<ProxmoxHostState> {
  const badNode = checkNode(access);
  if (badNode) return errorState(access, `refused before ssh ran: ${badNode}`);
  const remote = proxmoxSshAccess(access, settings);
  if (typeof remote === 'string') return errorState(access, remote);
  const get: ProxmoxGet = async (path, params) => {
    const argv = sshArgv(remote, pveshWords(path, params));
    const r = await runArgv(argv, { timeoutMs: options.timeoutMs, signal: options.signal });
    if (r.cancelled) throw new ProxmoxReadError('cancelled');
    if (r.timedOut) throw new ProxmoxReadError(`timed out after ${seconds(options.timeoutMs)}`);
    if (r.spawnError) {
      throw new ProxmoxReadError(r.spawnError === 'ENOENT' ? `cannot start ${remote.sshCommand}: not found` : `cannot start ${remote.sshCommand}: ${r.spawnError}`);
    }
    if (r.exitCode === 255) {
      throw new ProxmoxReadError(explainSshFailure(r.stderr, remote.destination) ?? `ssh failed (exit code 255): ${printable(lastLine(r.stderr))}`);
    }
    if (r.exitCode === 127) throw new ProxmoxReadError(`pvesh not found on ${remote.destination}: is it a Proxmox VE host?`);
    if (r.exitCode !== 0) {
      const said = printable(lastLine(r.stderr));
      throw new ProxmoxReadError(`pvesh get ${path} failed (exit code ${r.exitCode})${said ? `: ${said}` : ''}`);
    }
    try {
      return JSON.parse(r.stdout) as unknown;
    } catch {
      throw new ProxmoxReadError(`pvesh get ${path} printed no JSON`);
    }
  };
  return readState(access, () => collectGuests(access, get, { signal: options.signal }), (m) => m);
}
