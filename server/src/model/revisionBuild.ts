// One homelab built from a folder's files at a git revision (through
// gitHost.ts), with the texts it read, for the deploy plan: the CLI and the
// language server build "before" the same way. A build is immutable (a commit
// does not change), so callers may keep it per commit.
import type { Homelab } from './homelab';
import { gitRevisionHost, type GitProblem } from './gitHost';
import type { HomelabSettings } from './settings';
import { unreadableFiles, type UnreadableFile } from './unreadable';
import { pathToUri } from './uri';
import { Workspace } from './workspace';
import * as path from 'node:path';

export interface RevisionBuild {
  /** The revision as asked. */
  revision: string;
  commit: string;
  /** Undefined when the folder held nothing to check at that commit. */
  homelab: Homelab | undefined;
  /** The text of a file at that commit (for lines). */
  text: (uri: string) => string | undefined;
  /** The files that did not parse (or could not be read) at that commit. */
  unreadable: UnreadableFile[];
}

/** The homelab of `folder` (a path) at `revision`, or why it cannot be built. */
export function buildAtRevision(folder: string, revision: string, settings?: Partial<HomelabSettings>): RevisionBuild | GitProblem {
  const host = gitRevisionHost(folder, revision);
  if ('error' in host) return host;
  const ws = new Workspace(host);
  ws.addFolder(pathToUri(path.resolve(folder)), settings);
  const homelab = ws.homelabs()[0];
  return { revision, commit: host.commit, homelab, text: (uri) => ws.text(uri), unreadable: homelab ? unreadableFiles(ws, homelab) : [] };
}
