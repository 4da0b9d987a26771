// "Deploy Changed": which machines need a deploy, from when (or at which
// commit) each was last deployed successfully and which files changed. Pure:
// the caller gathers file times or git diffs; this only decides.

export interface MachineFiles {
  name: string;
  /** Workspace-relative files that define only this machine (its profile). */
  files: readonly string[];
}

export interface LastDeploy {
  /** When the last successful deploy finished (ms since epoch). */
  atMs?: number;
  /** The workspace commit that was deployed. */
  commit?: string;
}

export interface ChangeInfo {
  /** Files shared by every machine: the base profile, `lib/defaults.nix`. */
  sharedFiles: readonly string[];
  /** Last modification time per file (mtime or last commit time), ms since epoch. */
  modifiedAt?: Readonly<Record<string, number>>;
  /** Per deployed commit: the files changed since it (committed or not). */
  changedSinceCommit?: Readonly<Record<string, readonly string[]>>;
  /** Files that differ from the remote branch, for machines never deployed from here. */
  changedSinceRemote?: readonly string[];
}

export interface ChangedDecision {
  machine: string;
  deploy: boolean;
  /** Why, in a few words: `profiles/a-config.nix changed since the last deploy`. */
  reason: string;
  /** The relevant files that changed. */
  files: string[];
}

export function normalizePath(p: string): string {
  return p.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/\/+/g, '/');
}

function describe(files: string[], since: string): string {
  const shown = files.slice(0, 3).join(', ') + (files.length > 3 ? ` and ${files.length - 3} more` : '');
  return `${shown} changed since ${since}`;
}

/** Decides, per machine, whether its profile or a shared file changed since its last deploy. */
export function selectChanged(
  machines: readonly MachineFiles[],
  last: Readonly<Record<string, LastDeploy | undefined>>,
  info: ChangeInfo,
): ChangedDecision[] {
  const shared = info.sharedFiles.map(normalizePath);
  const modified = new Map(Object.entries(info.modifiedAt ?? {}).map(([k, v]) => [normalizePath(k), v]));
  return machines.map((c) => {
    const relevant = [...new Set([...c.files.map(normalizePath), ...shared])];
    const record = last[c.name];
    const decide = (changed: string[], since: string): ChangedDecision =>
      changed.length > 0
        ? { machine: c.name, deploy: true, reason: describe(changed, since), files: changed }
        : { machine: c.name, deploy: false, reason: `nothing changed since ${since}`, files: [] };

    const byCommit = record?.commit !== undefined ? info.changedSinceCommit?.[record.commit] : undefined;
    if (byCommit) {
      const set = new Set(byCommit.map(normalizePath));
      return decide(relevant.filter((f) => set.has(f)), `the last deploy (${record!.commit!.slice(0, 12)})`);
    }
    if (record?.atMs !== undefined && info.modifiedAt) {
      const at = record.atMs;
      return decide(relevant.filter((f) => (modified.get(f) ?? -Infinity) > at), 'the last deploy');
    }
    if (info.changedSinceRemote) {
      const set = new Set(info.changedSinceRemote.map(normalizePath));
      return decide(relevant.filter((f) => set.has(f)), 'the remote branch');
    }
    return {
      machine: c.name, deploy: true, files: [],
      reason: record ? 'no change information for its last deploy' : 'never deployed from here',
    };
  });
}

/**
 * Shorthand for the time-based case: names of the machines to deploy, given
 * the last successful deploy time per machine and each file's modification
 * time. `files` should list every file the machine depends on (its profile,
 * the base profile, `lib/defaults.nix`); a machine never deployed is chosen.
 */
export function changedMachines(
  machines: readonly MachineFiles[],
  lastDeployMs: Readonly<Record<string, number | undefined>>,
  modifiedAt: ReadonlyMap<string, number> | Readonly<Record<string, number>>,
  sharedFiles: readonly string[] = [],
): string[] {
  const last: Record<string, LastDeploy | undefined> = {};
  for (const c of machines) {
    const at = lastDeployMs[c.name];
    last[c.name] = at === undefined ? undefined : { atMs: at };
  }
  const times = modifiedAt instanceof Map ? Object.fromEntries(modifiedAt) : (modifiedAt as Record<string, number>);
  return selectChanged(machines, last, { sharedFiles, modifiedAt: times })
    .filter((d) => d.deploy)
    .map((d) => d.machine);
}
