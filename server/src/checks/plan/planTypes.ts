// The deploy plan as plain JSON data: per machine, what changes since the
// commit it was last deployed from, and the knock-ons of those changes on
// other machines. Shared by the CLI (`homelab-check plan`) and the language
// server (`homelab/deployPlan`; protocol/customMessages.ts re-exports these
// types for the client).

/** What changed. `setting`/`option`/`inventory` carry old → new value text. */
export type PlanChangeKind =
  | 'inventory'
  | 'setting'
  | 'option'
  | 'service-added'
  | 'service-removed'
  | 'port-opened'
  | 'port-closed'
  | 'scrape-target-gained'
  | 'scrape-target-lost'
  | 'scrape-target-changed'
  | 'update-window-moved'
  // Knock-ons: what a machine's change does to another machine.
  | 'no-longer-scraped'
  | 'proxy-port-closed'
  | 'update-clash';

export interface PlanChange {
  /** The machine this change is about (for a knock-on: the machine it lands on). */
  machine: string;
  kind: PlanChangeKind;
  /**
   * What changed: `systemSettings.<key>` / `userSettings.<key>`, a NixOS option
   * path, an inventory field, a service name (inventory) or
   * `services.<name>.enable` (NixOS), `tcp/<port>` / `udp/<port>`, a scrape
   * target, `calendar`; for a knock-on, the address, service or machine concerned.
   */
  key: string;
  /** The value before (absent when added). */
  old?: string;
  /** The value now (absent when removed). */
  new?: string;
  /** The new value's place (the old one's for a removal): file relative to the folder, 1-based line. */
  file: string;
  line: number;
  /** Knock-ons: the machine whose change causes it. */
  cause?: string;
  /** Knock-ons: what it means, in a sentence. */
  message?: string;
}

export interface MachinePlan {
  machine: string;
  /** `new`: not there at `since`; `removed`: gone now. */
  status: 'changed' | 'new' | 'removed';
  /** The revision it is compared with (its last successful deploy). */
  since?: string;
  /** Where the machine is declared (now, or at `since` when removed). */
  file: string;
  line: number;
  changes: PlanChange[];
}

/** A file the plan could not read whole at one side of the comparison. */
export interface UnreadablePlanFile {
  /** Relative to the folder. */
  file: string;
  /** 1-based line where reading stopped (1 when the whole file was not read). */
  line: number;
  /** `before`: at `revision` (`commit`); `after`: the working tree, open documents included. */
  side: 'before' | 'after';
  revision?: string;
  commit?: string;
  /** Why (the parser's first error). */
  message: string;
}

export interface DeployPlan {
  /** Only the machines with changes, new or removed; by name. */
  machines: MachinePlan[];
  /** Changes on other machines caused by the planned ones. */
  knockOns: PlanChange[];
  /**
   * Present only when some file did not parse (or could not be read) on a
   * side: the plan is then incomplete — what that file says is missing from it.
   */
  unreadable?: UnreadablePlanFile[];
}
