// The option index for a command line check: the same trees the editor's
// server loads (model/options/load.ts: the locked or NIX_PATH nixpkgs and
// Home Manager, the workspace's own modules, `homelab.options.sources` from
// .vscode/settings.json, and the machines' pinned nixpkgs), built in this
// thread or read from the shared cache, all before the rules run. What it
// could not find is said on stderr, once, so a green run in CI does not hide
// that unknown options went unjudged for want of a whole tree.
import { anyLoaded, findOptionSources, loadOptionSources, NO_TREE, optionCacheDir, OptionIndexStore, OptionScopes, pinRequests } from '../model/options';
import type { Homelab } from '../model/homelab';
import type { Workspace } from '../model/workspace';

/** Loads the folder's option trees into the workspace; `say` gets the lines a user must see (stderr). */
export async function loadCliOptions(ws: Workspace, h: Homelab, root: string, extra: string[], say: (line: string) => void): Promise<void> {
  let sources;
  try {
    sources = findOptionSources({ folders: [root], nixPath: process.env.NIX_PATH, extra, pins: pinRequests(h) });
  } catch (e) {
    say(`homelab: option sources not found: ${String(e)}`);
    return;
  }
  const said = new Set<string>();
  const once = (line: string): void => {
    if (said.has(line)) return;
    said.add(line);
    say(line);
  };
  // Only what changes the verdict is said (no tree at all, a tree that could not be read); the build times are the editor log's.
  const log = { info: (m: string) => (m === NO_TREE ? once(m) : undefined), warn: once };
  const loaded = await loadOptionSources(new OptionIndexStore({ cacheDir: optionCacheDir() }), sources, log);
  if (loaded && anyLoaded(loaded)) ws.setOptionIndex(new OptionScopes(loaded));
}
