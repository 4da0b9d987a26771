// unknown-reference: a name or path that points at nothing: a container's
// `host`, a `services` entry (neither declared nor built in), a service's
// `proxy`, a `profile` path, or an `import` of a missing file in a Nix file.
// In a file no machine uses (model/reach.ts: kept, imported by nothing) a
// missing import is a warning: the file is dead, its path broke when it moved.
import { serviceNamed } from '../../model/homelab';
import { maskNix } from '../../model/nixText';
import { dirnameUri, joinUri } from '../../model/uri';
import { reachedFiles } from '../../model/reach';
import type { Finding, Rule } from '../types';
import { at, didYouMean } from '../util';

const IMPORT = /\bimport\s+(\.{1,2}\/[^\s;)\]}]+)/g;

/** The literal paths a Nix file imports, per file text (the same on every whole check). */
const importCache = new Map<string, { text: string; imports: { path: string; start: number }[] }>();

function importsOf(uri: string, text: string): { path: string; start: number }[] {
  const cached = importCache.get(uri);
  if (cached && cached.text === text) return cached.imports;
  const imports: { path: string; start: number }[] = [];
  for (const m of maskNix(text, true).matchAll(IMPORT)) {
    const path = m[1];
    if (path.includes('${')) continue;
    imports.push({ path, start: (m.index ?? 0) + m[0].length - path.length });
  }
  importCache.set(uri, { text, imports });
  return imports;
}

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
      const text = ws.text(uri);
      if (text === undefined || text.includes('\0') || ws.tooLarge(uri)) continue;
      for (const { path, start } of importsOf(uri, text)) {
        let target = joinUri(dirnameUri(uri), path);
        if (!target.endsWith('.nix') && !ws.docs.exists(target)) target = `${target.replace(/\/$/, '')}/default.nix`;
        if (ws.docs.exists(target)) continue;
        if (reached === null) reached = reachedFiles(h, (u) => ws.text(u));
        const dead = reached !== undefined && !reached.has(uri);
        const f = at('unknown-reference', { uri, span: { start, end: start + path.length } }, `\`${path}\` does not exist${dead ? ' (in a file no machine uses: a warning, not an error)' : ''}`);
        out.push(dead ? { ...f, severity: 'warning' } : f);
      }
    }
    return out;
  },
};
