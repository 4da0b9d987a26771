// Shared by the discovery sources that find machines by folder convention
// (snowfall, clan, a repository of `machines/<name>/configuration.nix`
// files): which `<dir>/<name>/<file>` files a folder listing holds, and the
// module a framework adds to each such machine (`networking.hostName =
// lib.mkDefault <name>`), placed where the machine's own file is.
import type { Origin, Value } from '../../syntax/value';

/** `<dir>/<name>/<file>` in the listing: each name once, with the file's URI (first file name that exists wins). */
export function foldersWith(listing: string[], dir: string, files: string[]): Map<string, string> {
  const prefix = `${dir.replace(/\/$/, '')}/`;
  const found = new Map<string, string>();
  const listed = new Set(listing);
  for (const u of listing) {
    if (!u.startsWith(prefix)) continue;
    const rest = u.slice(prefix.length).split('/');
    if (rest.length !== 2) continue;
    const name = decodeURIComponent(rest[0]);
    if (found.has(name)) continue;
    const file = files.map((f) => `${prefix}${rest[0]}/${f}`).find((f) => listed.has(f));
    if (file) found.set(name, file);
  }
  return found;
}

/** `{ networking.hostName = lib.mkDefault "<name>"; }`, as the framework sets it, placed at the machine's own file. */
export function hostNameModule(name: string, at: string): Value {
  const origin: Origin = { uri: at, span: { start: 0, end: 0 } };
  const str = (v: string): Value => ({ kind: 'string', value: v, origin });
  const set = (e: [string, Value][]): Value => ({ kind: 'attrs', entries: new Map(e.map(([k, v]) => [k, { key: k, keyOrigin: origin, value: v }])), origin });
  const mkDefault = set([
    ['_type', str('override')],
    ['priority', { kind: 'number', value: 1000, integer: true, origin }],
    ['content', str(name)],
  ]);
  return set([['networking', set([['hostName', mkDefault]])]]);
}

/** A path value for a module file (as `modules = [ ./x.nix ]` gives it). */
export function pathModule(uri: string, origin: Origin): Value {
  return { kind: 'path', value: uri, origin };
}

export function fileOrigin(uri: string): Origin {
  return { uri, span: { start: 0, end: 0 } };
}
