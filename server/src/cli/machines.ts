// `homelab-check machines`: every machine the model found, with where it was
// found (file:line), its addresses, deploy method and target, as text or JSON.
import type { Homelab } from '../model/homelab';
import { LineIndex } from '../syntax/lineIndex';
import type { Origin } from '../syntax/value';

export interface MachineRow {
  name: string;
  /** Where it was found: `file:line` for each source (inventory, profile, flake, colmena, deploy-rs). */
  foundIn: { source: string; file: string; line: number }[];
  addresses: string[];
  hostName?: string;
  host?: string;
  deploy?: { method: string; target?: string; user?: string; port?: number };
  tags: string[];
  configurationFile?: string;
  /** The import closure of its NixOS modules. */
  moduleFiles: string[];
  /** The nixpkgs its options are judged against, when pinned statically: `input nixpkgs-stable`, `<nixos-24.05>`. */
  nixpkgs?: string;
}

export function machineRows(h: Homelab, text: (uri: string) => string | undefined, rel: (uri: string) => string): MachineRow[] {
  const place = (source: string, o: Origin): MachineRow['foundIn'][number] => ({
    source,
    file: rel(o.uri),
    line: new LineIndex(text(o.uri) ?? '').positionAt(o.span.start).line + 1,
  });
  const rows: MachineRow[] = [];
  for (const c of h.containers.values()) {
    const m = c.machine;
    const foundIn: MachineRow['foundIn'] = [];
    if (c.decl) foundIn.push(place('inventory', c.decl.keyOrigin));
    if (c.profile) foundIn.push({ source: 'profile', file: rel(c.profile.uri), line: 1 });
    for (const s of m?.sources ?? []) foundIn.push(place(s.kind, s.origin));
    const addresses = new Set<string>();
    if (c.ip) addresses.add(c.ip.value);
    for (const a of m?.config?.addresses ?? []) addresses.add(a.address.value);
    const invMethod = c.decl?.deploy?.method?.value ?? h.inventory?.deploy?.method?.value;
    const d = m?.deploy;
    const deploy = invMethod
      ? { method: invMethod, target: c.ip?.value ?? d?.host?.value }
      : d
        ? { method: d.method, target: d.host?.value ?? m?.config?.addresses[0]?.address.value ?? m?.config?.hostName?.value, user: d.user?.value, port: d.port?.value }
        : undefined;
    rows.push({
      name: c.name,
      foundIn,
      addresses: [...addresses],
      hostName: m?.config?.hostName?.value,
      host: c.hostName,
      deploy: deploy && Object.fromEntries(Object.entries(deploy).filter(([, v]) => v !== undefined)) as MachineRow['deploy'],
      tags: m?.tags.map((t) => t.value) ?? [],
      configurationFile: c.profileUri ? rel(c.profileUri) : undefined,
      moduleFiles: m?.moduleFiles.map(rel) ?? [],
      nixpkgs: m?.nixpkgs && (m.nixpkgs.via === 'input' ? `input ${m.nixpkgs.name}` : `<${m.nixpkgs.name}>`),
    });
  }
  return rows.sort((a, b) => a.name.localeCompare(b.name));
}

export function formatMachinesText(rows: MachineRow[]): string[] {
  return rows.map((r) => {
    const where = r.foundIn.map((f) => `${f.source} ${f.file}:${f.line}`).join(', ');
    const deploy = r.deploy ? `${r.deploy.method}${r.deploy.target ? ` → ${r.deploy.user ? `${r.deploy.user}@` : ''}${r.deploy.target}${r.deploy.port ? `:${r.deploy.port}` : ''}` : ''}` : 'no deploy';
    return `${r.name}  ${r.addresses.join(', ') || '-'}  ${deploy}  (${where || 'no source'})${r.tags.length ? `  tags: ${r.tags.join(', ')}` : ''}${r.nixpkgs ? `  nixpkgs: ${r.nixpkgs}` : ''}`;
  });
}
