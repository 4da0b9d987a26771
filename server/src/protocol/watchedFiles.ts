// The files whose changes on disk the model needs to hear about: Nix files,
// inventories, settings and schema files (JSON), ignore files and flake.lock
// (a new lock pins other option trees). One list for every watcher: the VS
// Code client's file events, the globs the server registers with other
// clients, and the server's own folder watcher. Plain data with no imports,
// so the client bundle can include it.

/** File extensions (without the dot) the model reads. */
export const WATCHED_EXTENSIONS: readonly string[] = ['nix', 'yaml', 'yml', 'json'];
/** Whole file names the model reads, wherever they are. */
export const WATCHED_NAMES: readonly string[] = ['.gitignore', 'flake.lock'];

/** The repository's deploy list and its overlays (`deploy-servers.conf`, `deploy-servers-private.conf`; model/deployList.ts). */
const DEPLOY_LIST = /^deploy-servers.*\.conf$/;

/** The same list as workspace-relative globs, one per entry (what LSP clients and VS Code watch). */
export const WATCHED_GLOBS: readonly string[] = [
  ...WATCHED_EXTENSIONS.map((e) => `**/*.${e}`),
  ...WATCHED_NAMES.map((n) => `**/${n}`),
  '**/deploy-servers*.conf',
];

/** Whether a file (any path, `/` or `\` separated) is one of them. */
export function isWatchedFile(file: string): boolean {
  const name = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  if (WATCHED_NAMES.includes(name) || DEPLOY_LIST.test(name)) return true;
  const dot = name.lastIndexOf('.');
  return dot > 0 && WATCHED_EXTENSIONS.includes(name.slice(dot + 1));
}
