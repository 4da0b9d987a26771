// The address a deploy uses when its source gives several in order (a deploy
// list's `10.0.0.5,10.0.0.6,host.tail`): the first whose SSH port answers
// with an SSH banner. Host names are not tried (ssh-based steps take IP
// addresses only, validate.ts); when none answers, the first address stands,
// so the plan still names it and ssh's own error says why.
import type { BannerProbe } from '../tree/reachability';

export interface AddressTry {
  address: string;
  state: BannerProbe['state'] | 'skipped';
  detail: string;
}

export interface AnsweringChoice {
  /** The first address that answered, else the first address (undefined when there is none). */
  address?: string;
  answered: boolean;
  tried: AddressTry[];
}

const IPV4 = /^(\d{1,3}\.){3}\d{1,3}$/;

function isAddress(s: string): boolean {
  return IPV4.test(s) || (s.includes(':') && /^[0-9a-fA-F:.]+$/.test(s));
}

/** Probes `candidates` one after the other (in their order) and stops at the first that answers. */
export async function firstAnswering(candidates: readonly string[], probe: (address: string) => Promise<BannerProbe>): Promise<AnsweringChoice> {
  const tried: AddressTry[] = [];
  for (const c of candidates) {
    if (!isAddress(c)) {
      tried.push({ address: c, state: 'skipped', detail: 'a host name: deploys log in to IP addresses' });
      continue;
    }
    const r = await probe(c);
    tried.push({ address: c, state: r.state, detail: r.detail });
    if (r.state === 'reachable') return { address: c, answered: true, tried };
  }
  return { address: candidates.find(isAddress), answered: false, tried };
}

/** One line for the output: `127.0.0.3 connection refused; 127.0.0.1 answered`. */
export function describeTries(choice: AnsweringChoice): string {
  return choice.tried.map((t) => `${t.address} ${t.state === 'reachable' ? 'answered' : t.detail}`).join('; ');
}
