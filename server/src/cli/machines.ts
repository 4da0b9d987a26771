// `homelab-check machines`: every machine the model found, with where it was
// found (file:line), its addresses, deploy method and target, as text or JSON.
import { effectiveMachine } from '../model/effectiveMachine';
import type { Homelab } from '../model/homelab';
import { LineIndex } from '../syntax/lineIndex';
import type { Origin } from '../syntax/value';
import { disagreementMessage } from '../model/machines/fromNixEval';
import type { ImageKind } from '../model/machines/machine';
import { profileOwnAddresses } from '../model/profileAddresses';

export interface MachineRow {
  name: string;
  /** Where it was found: `file:line` for each source (inventory, profile, flake, colmena, deploy-rs). */
  foundIn: { source: string; file: string; line: number }[];
  addresses: string[];
  /** Where each address is written: the option (or inventory/profile field) and file:line. */
  addressPlaces: { address: string; prefixLength?: number; option: string; file: string; line: number }[];
  /** Gateways and name servers its configuration writes (not its own addresses), with where each is written. */
  gateways?: { address: string; file: string; line: number }[];
  nameservers?: { address: string; file: string; line: number }[];
  hostName?: string;
  host?: string;
  deploy?: { method: string; target?: string; user?: string; port?: number; local?: boolean };
  tags: string[];
  configurationFile?: string;
  /** The import closure of its NixOS modules. */
  moduleFiles: string[];
  /** The nixpkgs its options are judged against, when pinned statically: `input nixpkgs-stable`, `<nixos-24.05>`. */
  nixpkgs?: string;
  /** Found only by `nix eval` (`--nix`): the outputs that list it. */
  fromNixEval?: string[];
  /** `darwin` for a macOS machine (absent: NixOS). */
  os?: 'darwin';
  /** Addresses or host names a deploy tries in this order (the deploy list's), when more than the target. */
  deployTargets?: string[];
  /** The deploy list's group. */
  group?: string;
  /** Machines whose profile starts from this machine's (a machine used as a base stays a machine). */
  baseOf?: string[];
  /** A base profile: imported by the machines of `usedBy`, not a machine itself. */
  base?: true;
  /** An image (installer ISO, nixos-generators output): built, not deployed; not a machine of the fleet. */
  image?: ImageKind;
  usedBy?: string[];
}

export function machineRows(h: Homelab, text: (uri: string) => string | undefined, rel: (uri: string) => string): MachineRow[] {
  const place = (source: string, o: Origin): MachineRow['foundIn'][number] => ({
    source,
    file: rel(o.uri),
    line: new LineIndex(text(o.uri) ?? '').positionAt(o.span.start).line + 1,
  });
  const rows: MachineRow[] = [];
  for (const c of h.machines.values()) {
    const m = c.nixos;
    const foundIn: MachineRow['foundIn'] = [];
    if (c.decl) foundIn.push(place('inventory', c.decl.keyOrigin));
    if (c.profile) foundIn.push({ source: 'profile', file: rel(c.profile.uri), line: 1 });
    if (c.profileSetOrigin) foundIn.push(place('profile-set', c.profileSetOrigin));
    for (const s of m?.sources ?? []) if (s.kind !== 'nix-eval') foundIn.push(place(s.kind, s.origin));
    const evaluated = h.nixEval?.added.find((a) => a.name === c.name);
    const listed = h.deployList?.entries.get(c.name);
    if (listed) foundIn.push(place('deploy-list', listed.origin));
    const eff = effectiveMachine(h, c);
    const d = eff.deploy;
    // A machine no source gives a way to deploy says so, rather than a guessed ssh-script.
    const deploy = d.methodFrom === 'default'
      ? undefined
      : { method: d.method, target: d.target?.value, user: d.user, port: d.port, local: d.local };
    const configured = m?.config?.addresses ?? [];
    const addressPlaces: MachineRow['addressPlaces'] = [];
    if (c.ip && !configured.some((a) => a.address === c.ip)) {
      const { file, line } = place('', c.ip.origin);
      addressPlaces.push({ address: c.ip.value, option: c.ip.origin.uri === h.inventoryUri ? 'ip' : 'ipAddress', file, line });
    }
    for (const a of c.profile ? profileOwnAddresses(c.profile) : []) {
      // The same text read through a module (a networkd address built from the setting) is listed once, under its option.
      const same = (o: Origin | undefined) => o?.uri === a.origin.uri && o.span.start === a.origin.span.start;
      if (same(c.ip?.origin) || configured.some((x) => same(x.address.origin))) continue;
      const { file, line } = place('', a.origin);
      addressPlaces.push({ address: a.address, ...(a.prefixLength !== undefined ? { prefixLength: a.prefixLength } : {}), option: a.field, file, line });
    }
    for (const a of configured) {
      const { file, line } = place('', a.address.origin);
      addressPlaces.push({ address: a.address.value, ...(a.prefixLength !== undefined ? { prefixLength: a.prefixLength } : {}), option: a.option, file, line });
    }
    const placed = (list: { value: string; origin: Origin }[] | undefined) => (list ?? []).map((g) => ({ address: g.value, file: place('', g.origin).file, line: place('', g.origin).line }));
    const gateways = placed(m?.config?.gateways);
    const nameservers = placed(m?.config?.nameservers);
    rows.push({
      name: c.name,
      foundIn,
      addresses: eff.addresses.map((a) => a.value),
      addressPlaces,
      ...(gateways.length ? { gateways } : {}),
      ...(nameservers.length ? { nameservers } : {}),
      hostName: m?.config?.hostName?.value,
      host: eff.host,
      deploy: deploy && Object.fromEntries(Object.entries(deploy).filter(([, v]) => v !== undefined)) as MachineRow['deploy'],
      tags: m?.tags.map((t) => t.value) ?? [],
      configurationFile: c.configUri ? rel(c.configUri) : undefined,
      moduleFiles: m?.moduleFiles.map(rel) ?? [],
      nixpkgs: m?.nixpkgs && (m.nixpkgs.via === 'input' ? `input ${m.nixpkgs.name}` : `<${m.nixpkgs.name}>`),
      ...(evaluated ? { fromNixEval: evaluated.outputs } : {}),
      ...(c.os === 'darwin' ? { os: 'darwin' as const } : {}),
      ...(d.targets.length > 1 ? { deployTargets: d.targets.map((t) => t.value) } : {}),
      ...(d.group ? { group: d.group } : {}),
      ...baseOfField(h, c.name, c.configUri),
    });
  }
  return rows.sort((a, b) => a.name.localeCompare(b.name));
}

function baseOfField(h: Homelab, name: string, uri: string | undefined): { baseOf?: string[] } {
  if (!uri) return {};
  const users = [...h.machines.values()].filter((o) => o.name !== name && o.configUri !== uri && o.profile?.deps.includes(uri)).map((o) => o.name).sort();
  return users.length ? { baseOf: users } : {};
}

/** The base profiles (a helper's profile set leaves them out; machines' profiles import them), marked `base`. */
export function baseProfileRows(h: Homelab, rel: (uri: string) => string): MachineRow[] {
  return (h.baseProfiles ?? []).map((b) => ({
    name: b.name,
    foundIn: [{ source: 'profile', file: rel(b.uri), line: 1 }],
    addresses: [],
    addressPlaces: [],
    tags: [],
    configurationFile: rel(b.uri),
    moduleFiles: [],
    base: true as const,
    usedBy: b.usedBy,
  }));
}

/** The images among the flake's `nixosConfigurations` (images.ts), marked `image`; the inventory may still declare one as a machine. */
export function imageRows(h: Homelab, text: (uri: string) => string | undefined, rel: (uri: string) => string): MachineRow[] {
  return [...h.nixosMachines.values()]
    .filter((m) => m.image && !h.machines.has(m.name))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((m) => ({
      name: m.name,
      foundIn: m.sources.filter((s) => s.kind !== 'nix-eval').map((s) => ({ source: s.kind, file: rel(s.origin.uri), line: new LineIndex(text(s.origin.uri) ?? '').positionAt(s.origin.span.start).line + 1 })),
      addresses: [],
      addressPlaces: [],
      tags: [],
      moduleFiles: m.moduleFiles.map(rel),
      image: m.image,
    }));
}

const IMAGE_TEXT: Record<ImageKind, string> = { iso: 'installer ISO image', generator: 'nixos-generators image' };

/** Why a deploy-list file or line was not read, one line each. */
export function deployListNotes(h: Homelab, rel: (uri: string) => string, text: (uri: string) => string | undefined): string[] {
  const list = h.deployList;
  if (!list) return [];
  const line = (o: Origin): number => new LineIndex(text(o.uri) ?? '').positionAt(o.span.start).line + 1;
  return [
    ...list.files.filter((f) => f.locked).map((f) => `deploy list ${rel(f.uri)}: locked (git-crypt) or binary, not read; unlock it to use its lines`),
    ...list.problems.map((p) => `deploy list ${rel(p.origin.uri)}:${line(p.origin)}: ${p.message}`),
  ];
}

export function formatMachinesText(rows: MachineRow[]): string[] {
  return rows.map((r) => {
    if (r.image) return `${r.name}  image: ${IMAGE_TEXT[r.image]}, not a machine of the fleet  (${r.foundIn.map((f) => `${f.source} ${f.file}:${f.line}`).join(', ') || 'no source'})`;
    if (r.base) return `${r.name}  base profile${r.usedBy?.length ? ` of ${r.usedBy.join(', ')}` : ' (no machine imports it)'}  (${r.configurationFile})`;
    const where = [
      ...r.foundIn.map((f) => `${f.source === 'convention' ? 'found by convention' : f.source} ${f.file}:${f.line}`),
      ...(r.fromNixEval ? [`from nix eval: ${r.fromNixEval.join(', ')}`] : []),
    ].join(', ');
    const deploy = r.deploy?.local ? `${r.deploy.method} on the machine itself (no network target)` : r.deploy ? `${r.deploy.method}${r.deploy.target ? ` → ${r.deploy.user ? `${r.deploy.user}@` : ''}${r.deploy.target}${r.deploy.port ? `:${r.deploy.port}` : ''}` : ''}` : 'no deploy';
    const os = r.os === 'darwin' ? '  macOS (nix-darwin)' : '';
    const tries = r.deployTargets ? `  tries ${r.deployTargets.join(', ')}` : '';
    return `${r.name}${os}  ${r.addresses.join(', ') || '-'}  ${deploy}${tries}  (${where || 'no source'})${r.group ? `  group: ${r.group}` : ''}${r.baseOf ? `  base of ${r.baseOf.join(', ')}` : ''}${r.tags.length ? `  tags: ${r.tags.join(', ')}` : ''}${r.nixpkgs ? `  nixpkgs: ${r.nixpkgs}` : ''}`;
  });
}

/** One place where reading the fleet stopped: `file:line`, why, and what to do. */
export interface StoppedRow {
  file: string;
  line: number;
  kind: string;
  reason: string;
  hint: string;
}

export function stoppedRows(h: Homelab, text: (uri: string) => string | undefined, rel: (uri: string) => string): StoppedRow[] {
  return h.readingStops.map((s) => ({
    file: rel(s.origin.uri),
    line: new LineIndex(text(s.origin.uri) ?? '').positionAt(s.origin.span.start).line + 1,
    kind: s.kind,
    reason: s.reason,
    hint: s.hint,
  }));
}

export function formatStoppedText(rows: StoppedRow[]): string[] {
  return rows.map((r) => `reading stopped at ${r.file}:${r.line}: ${r.reason} (${r.hint})`);
}

/** What `--nix` adds besides the rows: the one note (why Nix was not run), or each disagreement, as `info:` lines. */
export function nixEvalLines(h: Homelab, text: (uri: string) => string | undefined, rel: (uri: string) => string): string[] {
  const v = h.nixEval;
  if (!v) return [];
  if (v.note) return [`info: ${rel(v.flakeUri)}: ${v.note}`];
  return v.disagreements.map((d) => {
    const line = new LineIndex(text(d.origin.uri) ?? '').positionAt(d.origin.span.start).line + 1;
    return `info: ${rel(d.origin.uri)}:${line}: ${disagreementMessage(d)}`;
  });
}
