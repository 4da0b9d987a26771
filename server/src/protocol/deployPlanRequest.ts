// `homelab/deployPlan`: the deploy plan of a folder, "after" being the live
// workspace (open documents included) and "before" each revision asked for,
// read from git. Builds at a commit never change, so the last few are kept.
// Never throws: a bad revision, a folder outside git or git missing give an
// answer with `error`.
import { deployPlanPerMachine, type BeforeBuild } from '../checks/plan/deployPlan';
import { formatPlanText } from '../checks/plan/planText';
import type { DeployPlan } from '../checks/plan/planTypes';
import { defaultSince, resolveRevision } from '../model/gitHost';
import { buildAtRevision, type RevisionBuild } from '../model/revisionBuild';
import { unreadableFiles } from '../model/unreadable';
import { normalizeUri, uriToPath } from '../model/uri';
import type { Workspace } from '../model/workspace';
import type { DeployPlanParams, DeployPlanResult } from './customMessages';


const KEEP = 6;
const EMPTY: DeployPlan = { machines: [], knockOns: [] };

export class DeployPlanner {
  /** Builds by folder, commit and settings, newest last. */
  private readonly builds = new Map<string, RevisionBuild>();

  constructor(private readonly workspace: Workspace) {}

  answer(params: DeployPlanParams): DeployPlanResult {
    try {
      return this.plan(params);
    } catch (e) {
      return { plan: EMPTY, text: '', error: `the deploy plan failed: ${e instanceof Error ? e.message : String(e)}` };
    }
  }

  private plan(params: DeployPlanParams): DeployPlanResult {
    if (typeof params?.folderUri !== 'string') return { plan: EMPTY, text: '', error: 'folderUri is missing' };
    const root = normalizeUri(params.folderUri).replace(/\/$/, '');
    const after = this.workspace.homelabs().find((h) => h.root === root);
    if (!after) return { plan: EMPTY, text: '', error: `no homelab in ${params.folderUri}` };
    const folder = uriToPath(root);
    const settings = this.workspace.settingsFor(`${root}/homelab.yaml`);

    const explicit = params.sinceByMachine ?? {};
    const sinceByMachine: Record<string, string> = {};
    const builds = new Map<string, BeforeBuild>();
    const commits: Record<string, string> = {};
    const build = (rev: string): RevisionBuild | string => {
      const commit = resolveRevision(folder, rev);
      if (typeof commit !== 'string') return commit.error;
      const key = `${root}\0${commit}\0${JSON.stringify(settings)}`;
      let b = this.builds.get(key);
      if (b) this.builds.delete(key);
      else {
        const made = buildAtRevision(folder, commit, settings);
        if ('error' in made) return made.error;
        b = made;
      }
      this.builds.set(key, b);
      while (this.builds.size > KEEP) this.builds.delete(this.builds.keys().next().value as string);
      builds.set(rev, b);
      commits[rev] = commit;
      return b;
    };

    // Who is compared with what: the machines' own revisions, the others with `since` (or the default).
    const hasExplicit = Object.keys(explicit).length > 0;
    const fallback = params.since ?? (params.machines || !hasExplicit ? defaultSince(folder) : undefined);
    for (const rev of new Set([...Object.values(explicit), ...(fallback ? [fallback] : [])])) {
      const b = build(rev);
      if (typeof b === 'string') return { plan: EMPTY, text: '', error: b, commits };
    }
    if (params.machines) {
      for (const m of params.machines) {
        const rev = explicit[m] ?? fallback;
        if (rev) sinceByMachine[m] = rev;
      }
    } else {
      Object.assign(sinceByMachine, explicit);
      if (fallback) {
        const others = [...after.machines.keys(), ...(builds.get(fallback)?.homelab?.machines.keys() ?? [])];
        for (const m of others) if (!(m in sinceByMachine)) sinceByMachine[m] = fallback;
      }
    }
    const plan = deployPlanPerMachine(after, (u) => this.workspace.text(u), builds, sinceByMachine, unreadableFiles(this.workspace, after));
    return { plan, text: formatPlanText(plan).join('\n'), commits };
  }
}
