// The Proxmox live-state reader and `pct create`, free of VS Code so tests run
// them: `readHost` reads one inventory host the way its `proxmox:` block says
// (the HTTPS API with a token, or `pvesh` over ssh) and never throws.
import type { ProxmoxAccess, ProxmoxHostState } from '../../../server/src/protocol/proxmoxMessages';
import { readViaApi } from './api';
import { errorState } from './collect';
import { readViaSsh } from './pvesh';
import type { ProxmoxSshSettings } from './sshRun';

export { readViaApi, type ApiReadOptions } from './api';
export { readViaSsh, type SshReadOptions } from './pvesh';
export { pctCreate, checkPctCreateArgs, PCT_CREATE_OPTIONS, type PctCreateOptions, type PctCreateResult } from './pct';
export type { ProxmoxSshSettings } from './sshRun';
export { GUEST_CONCURRENCY } from './collect';

/** A read that hangs on a dead host must not hold the round up for long. */
export const DEFAULT_TIMEOUT_MS = 15_000;

export interface ReadHostDeps {
  /** The API token secret (from SecretStorage), for `via: api`. */
  secret?: string;
  /** The ssh settings, for `via: ssh`. */
  ssh?: ProxmoxSshSettings;
  /** The limit of each request or ssh call, in ms (default 15 s). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** Reads one host; what went wrong is the state's `error`. */
export async function readHost(access: ProxmoxAccess, deps: ReadHostDeps): Promise<ProxmoxHostState> {
  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (access.via === 'api') {
    if (deps.secret === undefined || deps.secret === '') {
      return errorState(access, 'no API token set: run Homelab: Set Proxmox API Token');
    }
    return readViaApi(access, deps.secret, { timeoutMs, signal: deps.signal });
  }
  if (access.via === 'ssh') return readViaSsh(access, deps.ssh ?? {}, { timeoutMs, signal: deps.signal });
  return errorState(access, `\`via\` must be api or ssh, got ${JSON.stringify(String((access as { via: unknown }).via))}`);
}
