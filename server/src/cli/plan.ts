// `homelab-check plan`: what a deploy would change on each machine since a
// revision (default: the upstream of the current branch, else HEAD), the
// "before" read from git (never checked out) and the "after" from the files
// on disk, both built by the same model; printed as text or JSON.
// Exit code 0 when the plan is printed (an empty plan says "no changes"),
// 2 on a usage error or a git problem (message on stderr).
import { deployPlan, isCompletePlan } from '../checks/plan/deployPlan';
import { formatPlanText } from '../checks/plan/planText';
import { defaultSince } from '../model/gitHost';
import { nodeFsHost } from '../model/host';
import { buildAtRevision } from '../model/revisionBuild';
import { unreadableFiles } from '../model/unreadable';
import { pathToUri } from '../model/uri';
import { Workspace } from '../model/workspace';
import { openFolder } from './folder';

export const PLAN_USAGE = `usage: homelab-check plan [folder] [--since REV] [--machine NAME]... [--format text|json]

What deploying the working tree of <folder> would change on each machine since
REV (default: the upstream of the current branch, else HEAD): settings, NixOS
options, services, open ports, scrape targets and update windows, each with its
file:line, then the knock-ons on other machines (a machine no longer scraped, a
proxied service whose port closes, two machines now updating in the same minute).
REV is read from git, never checked out.

  --since REV      the revision last deployed (a commit, branch or tag)
  --machine NAME   plan only this machine (repeatable)
  --format text    one line per change (default)
  --format json    {since, commit, complete, machines, knockOns, unreadable}

A file that does not parse (or cannot be read) at REV or in the working tree
makes the plan incomplete: it says so first, naming each such file, its line
and the side (REV and its commit, or the working tree).

Exit code: 0 when the plan is printed, 2 on a usage error or a git problem.`;

export async function planMain(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  let format = 'text';
  let folder: string | undefined;
  let since: string | undefined;
  const machines: string[] = [];
  const usage = (problem: string): number => {
    err(`homelab-check plan: ${problem}\n\n${PLAN_USAGE}`);
    return 2;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (name: string): string | undefined => {
      if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
      return argv[++i];
    };
    if (arg === '--help' || arg === '-h') {
      out(PLAN_USAGE);
      return 0;
    } else if (arg === '--format' || arg === '-f' || arg.startsWith('--format=')) {
      const v = value('--format');
      if (v === undefined) return usage('missing value after --format');
      format = v;
    } else if (arg === '--since' || arg.startsWith('--since=')) {
      const v = value('--since');
      if (v === undefined) return usage('missing value after --since');
      since = v;
    } else if (arg === '--machine' || arg.startsWith('--machine=')) {
      const v = value('--machine');
      if (v === undefined) return usage('missing value after --machine');
      machines.push(v);
    } else if (arg.startsWith('-') && arg !== '-') return usage(`unknown option ${arg}`);
    else if (folder !== undefined) return usage(`unexpected argument ${arg}`);
    else folder = arg;
  }
  if (!['text', 'json'].includes(format)) return usage(`unknown format ${format}`);
  if (since !== undefined && (since === '' || since.startsWith('-'))) return usage(`not a revision: ${JSON.stringify(since)}`);
  const opened = openFolder(folder);
  if ('problem' in opened) return usage(opened.problem);
  const { root, settings } = opened;
  const revision = since ?? defaultSince(root);
  const before = buildAtRevision(root, revision, settings);
  if ('error' in before) {
    err(`homelab-check plan: ${before.error}`);
    return 2;
  }

  const ws = new Workspace(nodeFsHost());
  ws.addFolder(pathToUri(root), settings);
  const after = ws.homelabs()[0];
  if (!after) {
    err(`homelab-check plan: nothing to plan in ${folder ?? '.'}: no homelab.yaml, no machine and no .nix file`);
    return 2;
  }
  const known = new Set([...after.machines.keys(), ...(before.homelab?.machines.keys() ?? [])]);
  const unknown = machines.filter((m) => !known.has(m));
  if (unknown.length) return usage(`no machine named ${unknown.join(', ')}`);

  const plan = deployPlan(before.homelab, after, {
    machines: machines.length ? machines : undefined,
    since: revision,
    textBefore: before.text,
    textAfter: (u) => ws.text(u),
    commit: before.commit,
    unreadableBefore: before.unreadable,
    unreadableAfter: unreadableFiles(ws, after),
  });
  if (format === 'json') out(JSON.stringify({ since: revision, commit: before.commit, complete: isCompletePlan(plan), ...plan }, null, 2));
  else {
    out(`homelab-check plan: since ${revision} (${before.commit.slice(0, 12)})`);
    for (const line of formatPlanText(plan)) out(line);
  }
  return 0;
}
