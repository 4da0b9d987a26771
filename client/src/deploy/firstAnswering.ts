// The address a deploy uses when its source gives several in order (a deploy
// list's `10.0.0.5,10.0.0.6,host.tail`): the first whose SSH port answers
// with an SSH banner. A host name is looked up (the system resolver: hosts
// file, DNS, a tailnet's names) and its address probed; the deploy then logs
// in to that address (ssh-based steps take IP addresses only, validate.ts).
// When none answers, the first address stands, so the plan still names it
// and ssh's own error says why.
import { isIP } from 'node:net';
import type { BannerProbe } from '../probes/reachability';

export interface AddressTry {
  /** As listed: an address or a host name. */
  address: string;
  /** What a host name resolved to. */
  resolved?: string;
  state: BannerProbe['state'] | 'skipped';
  detail: string;
}

export interface AnsweringChoice {
  /** The first address that answered, else the first address (undefined when there is none). */
  address?: string;
  answered: boolean;
  tried: AddressTry[];
}

/** Looks a host name up; undefined when it does not resolve. */
export type Resolve = (name: string) => Promise<string | undefined>;

const HOST_NAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;

/**
 * Probes `candidates` one after the other (in their order) and stops at the
 * first that answers. Without `resolve`, host names are skipped.
 */
export async function firstAnswering(candidates: readonly string[], probe: (address: string) => Promise<BannerProbe>, resolve?: Resolve): Promise<AnsweringChoice> {
  const tried: AddressTry[] = [];
  for (const c of candidates) {
    let address = c;
    let resolved: string | undefined;
    if (isIP(c) === 0) {
      if (!resolve || !HOST_NAME.test(c)) {
        tried.push({ address: c, state: 'skipped', detail: resolve ? 'not a host name' : 'a host name: not looked up' });
        continue;
      }
      resolved = await resolve(c).catch(() => undefined);
      if (!resolved || isIP(resolved) === 0) {
        tried.push({ address: c, state: 'unreachable', detail: 'does not resolve' });
        continue;
      }
      address = resolved;
    }
    const r = await probe(address);
    tried.push({ address: c, ...(resolved ? { resolved } : {}), state: r.state, detail: r.detail });
    if (r.state === 'reachable') return { address, answered: true, tried };
  }
  return { address: candidates.find((x) => isIP(x) !== 0), answered: false, tried };
}

/** One line for the output: `127.0.0.3 connection refused; box.lan (127.0.0.1) answered`. */
export function describeTries(choice: AnsweringChoice): string {
  return choice.tried.map((t) => `${t.address}${t.resolved ? ` (${t.resolved})` : ''} ${t.state === 'reachable' ? 'answered' : t.detail}`).join('; ');
}
