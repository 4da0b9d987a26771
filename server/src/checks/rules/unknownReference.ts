// unknown-reference: a name or path that points at nothing: a container's
// `host`, a `services` entry (neither declared nor built in), a service's
// `proxy`, a `profile` path, or an `import` of a missing file in a Nix file,
// also a path listed in `imports = [ … ]` (a deploy node importing a
// configuration that was never committed). A missing file that the
// repository's `.gitignore` names is information: each user creates it.
// In a file no machine uses (model/reach.ts: kept, imported by nothing) a
// missing import is a warning: the file is dead, its path broke when it moved.
import { serviceNamed } from '../../model/homelab';
import { maskNix } from '../../model/nixText';
import { dirnameUri, joinUri } from '../../model/uri';
import { reachedFiles } from '../../model/reach';
import { defineQuery } from '../../model/query/engine';
import { deepEqual } from '../../model/query/equal';
import type { Workspace } from '../../model/workspace';
import type { Finding, Rule } from '../types';
import { at, didYouMean } from '../util';

const IMPORT = /\bimport\s+(\.{1,2}\/[^\s;)\]}]+)/g;
const IMPORTS_LIST = /\bimports\s*=\s*\[/g;
/** A bare path element of a list (a path followed by `+` is computed, and skipped). */
const LIST_PATH = /(?<=[\[\s])(\.{1,2}\/[^\s;()\[\]{}"]*)(?![^\s;()\[\]{}"])/g;

/** The literal paths listed in each `imports = [ … ]` of masked text (nested lists and calls are looked into too). */
function importListPaths(masked: string): Imported[] {
  const out: Imported[] = [];
  for (const m of masked.matchAll(IMPORTS_LIST)) {
    const open = (m.index ?? 0) + m[0].length - 1;
    let depth = 0;
    let end = open;
    for (; end < masked.length; end++) {
      const c = masked[end];
      if (c === '[') depth++;
      else if (c === ']' && --depth === 0) break;
    }
    const body = masked.slice(open, end);
    for (const p of body.matchAll(LIST_PATH)) {
      const at = open + (p.index ?? 0);
      if (/\bimport\s+$/.test(masked.slice(Math.max(0, at - 12), at))) continue; // `import ./x` is read by IMPORT
      const after = masked.slice(at + p[1].length, at + p[1].length + 40);
      if (p[1].includes('$') || after.startsWith('{') || /^\s*\+/.test(after)) continue; // computed paths
      out.push({ path: p[1], start: at, listed: true });
    }
  }
  return out;
}

/** `listed`: an element of an `imports` list (maybe an argument of a call there, such as import-tree's folder). */
interface Imported {
  path: string;
  start: number;
  listed?: boolean;
}

/**
 * The literal paths a Nix file imports, as a query of the workspace keyed by
 * the file: it depends on the file's parse (equal while only comments change,
 * and the code keeps its offsets), so typing in a comment does not run this
 * rule again.
 */
const IMPORTS_QUERY = defineQuery<Imported[], Workspace>(
  'nixImports',
  (read, uri) => {
    const ws = read.owner;
    if (ws.tooLarge(uri) || !ws.nixAnalysis(uri)) return [];
    // Read untracked: the parse above stands for the code of this text.
    const text = ws.docs.text(uri);
    if (text === undefined || text.includes('\0')) return [];
    const imports: Imported[] = [];
    const masked = maskNix(text, true);
    for (const m of masked.matchAll(IMPORT)) {
      const path = m[1];
      if (path.includes('${')) continue;
      imports.push({ path, start: (m.index ?? 0) + m[0].length - path.length });
    }
    for (const p of importListPaths(masked)) if (!p.path.includes('${')) imports.push(p);
    // Each path taken again from the text itself (kept anyway by its input), same offsets: a match is a slice
    // of the masked copy, and would keep that whole copy alive with the memo (10,000 files: ~10 MB).
    for (const i of imports) i.path = text.slice(i.start, i.start + i.path.length);
    return imports;
  },
  (a, b) => deepEqual(a, b),
);

export const unknownReference: Rule = {
  id: 'unknown-reference',
  defaultSeverity: 'error',
  description: 'A reference to a host, service, container, profile or imported file that does not exist.',
  scope: 'homelab',
  check({ homelab: h, workspace: ws }) {
    const out: Finding[] = [];
    const inv = h.inventory;
    if (inv) {
      const invDir = dirnameUri(inv.uri);
      for (const c of inv.containers.values()) {
        if (c.host && !inv.hosts.has(c.host.value)) {
          const dym = didYouMean(c.host.value, inv.hosts.keys());
          out.push(at('unknown-reference', c.host.origin, `no host named \`${c.host.value}\` in hosts${dym ? `; did you mean \`${dym}\`?` : ''}`, { data: { replacement: dym } }));
        }
        for (const s of c.services) {
          if (serviceNamed(h, s.value)) continue;
          const dym = didYouMean(s.value, h.services.keys());
          out.push(
            at('unknown-reference', s.origin, `no service named \`${s.value}\`: declare it under services${dym ? `, or did you mean \`${dym}\`?` : ''}`, {
              data: { replacement: dym, service: s.value },
            }),
          );
        }
        if (c.profile && !ws.docs.exists(joinUri(invDir, c.profile.value)))
          out.push(at('unknown-reference', c.profile.origin, `profile \`${c.profile.value}\` does not exist (paths are relative to the inventory's folder)`));
      }
      for (const s of inv.services.values()) {
        if (s.proxy && !inv.containers.has(s.proxy.value) && !inv.hosts.has(s.proxy.value)) {
          const dym = didYouMean(s.proxy.value, [...inv.containers.keys(), ...inv.hosts.keys()]);
          out.push(at('unknown-reference', s.proxy.origin, `no container or host named \`${s.proxy.value}\`${dym ? `; did you mean \`${dym}\`?` : ''}`, { data: { replacement: dym } }));
        }
      }
    }
    let reached: Set<string> | undefined | null = null;
    for (const uri of h.nixFiles) {
      for (const { path, start, listed } of ws.engine.query(IMPORTS_QUERY, uri)) {
        let target = joinUri(dirnameUri(uri), path);
        const folder = `${target.replace(/\/$/, '')}/`;
        if (!target.endsWith('.nix') && !ws.docs.exists(target)) target = `${folder}default.nix`;
        if (ws.docs.exists(target)) continue;
        // A folder handed to a function in the list (`import-tree ./modules`) is not a module file.
        if (listed && h.nixFiles.some((u) => u.startsWith(folder))) continue;
        const place = { uri, span: { start, end: start + path.length } };
        if (ws.gitIgnored(joinUri(dirnameUri(uri), path)) || ws.gitIgnored(target)) {
          out.push({ ...at('unknown-reference', place, `\`${path}\` is git-ignored: not in the repository (each checkout creates it), so what it sets is not known here`), severity: 'info' });
          continue;
        }
        if (reached === null) reached = reachedFiles(h, (u) => ws.text(u));
        const dead = reached !== undefined && !reached.has(uri);
        const f = at('unknown-reference', place, `\`${path}\` does not exist${dead ? ' (in a file no machine uses: a warning, not an error)' : ''}`);
        out.push(dead ? { ...f, severity: 'warning' } : f);
      }
    }
    return out;
  },
};
