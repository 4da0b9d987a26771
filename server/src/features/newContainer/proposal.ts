// New Container: everything the server proposes for a new container on a
// Proxmox host, as a pure function of the model. It checks the request
// (a valid, unused name; a Proxmox host; a network; known services), picks the
// vmid, the address and the update slot, writes the files the repository's
// layout calls for (a profile like its siblings', or the machine's own files
// and its flake entry), the inventory entry, the scrape target, and the
// `pct create` arguments, with one summary line per decision. A request that
// cannot be met gives an error and no edits.
import { serviceNamed, type Machine } from '../../model/homelab';
import { isParsed, parseAddress } from '../../model/ip';
import { normalizeUri, relativeUri } from '../../model/uri';
import type { Workspace } from '../../model/workspace';
import { networkByName } from '../homelabInfo';
import type { TextEdit } from '../types';
import { nextAddress } from './address';
import { flakeEntry } from './flakeEntry';
import { writeMachineFiles } from './hostFiles';
import { inventoryEntryEdit, type EntryValue } from './inventoryEntry';
import { machineScrapeEdit, profileScrapeEdit } from './monitoring';
import { deriveHostname, nameError } from './names';
import { pctCreate } from './pct';
import { writeProfile } from './profileFile';
import { addEdit, type NewContainerContext, type NewContainerInput, type NewContainerPlan } from './types';
import { nextUpdateSlot } from './updateSlot';
import { nextVmid } from './vmid';

function strings(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

/** The request's shape (it comes from a client): what is wrong with it, if anything. */
function shapeError(input: NewContainerInput): string | undefined {
  for (const k of ['folderUri', 'name', 'host', 'network'] as const) if (typeof input?.[k] !== 'string') return `${k} is missing`;
  if (!strings(input.services)) return 'services must be a list of service names';
  if (input.liveVmids !== undefined && !(Array.isArray(input.liveVmids) && input.liveVmids.every((v) => typeof v === 'number'))) return 'liveVmids must be a list of numbers';
  if (input.liveAddresses !== undefined && !strings(input.liveAddresses)) return 'liveAddresses must be a list of addresses';
  for (const k of ['template', 'storage'] as const) if (input[k] !== undefined && typeof input[k] !== 'string') return `${k} must be a string`;
  return undefined;
}

export function newContainerProposal(ws: Workspace, input: NewContainerInput): NewContainerPlan | { error: string } {
  const shape = shapeError(input);
  if (shape) return { error: shape };
  const root = normalizeUri(input.folderUri).replace(/\/$/, '');
  const h = ws.homelabs().find((x) => x.root === root);
  if (!h) return { error: `no homelab in ${input.folderUri}` };
  const inv = h.inventory;
  if (!inv) return { error: 'this folder has no inventory (homelab.yaml) to add a container to' };
  const name = input.name.trim();
  const bad = nameError(name);
  if (bad) return { error: bad };
  if (h.machines.has(name) || h.nixosMachines.has(name)) return { error: `\`${name}\` is already the name of a container` };
  if (inv.hosts.has(name)) return { error: `\`${name}\` is already the name of a host` };
  const host = inv.hosts.get(input.host);
  if (!host) return { error: `no host named \`${input.host}\` in hosts` };
  if (host.kind?.value !== 'proxmox') return { error: `host \`${host.name}\` is ${host.kind ? `a ${host.kind.value}` : 'of no kind'}, not a Proxmox host (kind: proxmox)` };
  const network = inv.networks.get(input.network);
  if (!network) return { error: `no network named \`${input.network}\` in networks` };
  const net = networkByName(h, network.name);
  if (!net) return { error: `network \`${network.name}\` has no valid cidr` };
  const services = [...new Set(input.services.map((s) => s.trim()).filter((s) => s !== ''))];
  for (const s of services) if (!serviceNamed(h, s)) return { error: `no service named \`${s}\`: declare it under services first (or pick one of the built-in catalog)` };

  const siblings: Machine[] = [...h.machines.values()].filter((c) => c.hostName === host.name);
  const vmid = nextVmid(h, host.name, input.liveVmids);
  const address = nextAddress(ws, h, network, net, siblings, input.liveAddresses);
  if ('error' in address) return { error: address.error };
  const slot = nextUpdateSlot(siblings, host.name);
  const gatewayKey = network.gateway ? parseAddress(network.gateway.value) : undefined;
  const gateway = gatewayKey && isParsed(gatewayKey) ? gatewayKey.key : undefined;
  const ctx: NewContainerContext = {
    ws,
    h,
    name,
    hostname: deriveHostname(name, siblings),
    host,
    network,
    net,
    services,
    siblings,
    vmid: vmid.vmid,
    address: address.address,
    update: slot.calendar,
  };

  const summary = [vmid.reason, `${address.reason}${gateway ? `, gateway ${gateway}` : ''}`, slot.reason];
  const createFiles = new Map<string, string>();
  const edits = new Map<string, TextEdit[]>();

  const profile = writeProfile(ctx);
  if (profile && 'error' in profile) return { error: profile.error };
  if (profile) {
    createFiles.set(profile.uri, profile.text);
    summary.push(...profile.summary);
  }
  const machine = profile ? undefined : writeMachineFiles(ctx);
  if (machine && 'error' in machine) return { error: machine.error };
  if (machine) {
    for (const [u, t] of machine.files) createFiles.set(u, t);
    const entry = flakeEntry(ws, h.root, machine.template, siblings, name);
    if (entry?.uri && entry.edit) addEdit(edits, entry.uri, entry.edit);
    summary.push(...machine.summary, ...(entry ? [entry.summary] : []));
  }
  if (!profile && !machine) summary.push(`no profile or configuration written: no sibling has one to follow`);

  const fields: EntryValue[] = [
    { key: 'host', value: host.name },
    { key: 'vmid', value: ctx.vmid },
    { key: 'ip', value: ctx.address },
  ];
  const siblingsWriteHostname = inv.containers.size === 0 || [...inv.containers.values()].some((c) => c.hostname);
  if (ctx.hostname && siblingsWriteHostname) fields.push({ key: 'hostname', value: ctx.hostname });
  const profilePath = profile?.path ?? machine?.profilePath;
  if (profilePath) fields.push({ key: 'profile', value: profilePath });
  // A container that runs nothing declared yet gets no empty `services: []`.
  if (services.length > 0) fields.push({ key: 'services', value: services });
  if (ctx.update) fields.push({ key: 'update', value: ctx.update, quoteLikeSample: true });
  const invText = ws.text(inv.uri) ?? '';
  const entry = inventoryEntryEdit(invText, inv, host.name, name, fields);
  if ('error' in entry) return { error: entry.error };
  addEdit(edits, inv.uri, entry.edit);
  summary.push(`inventory: ${name} added${entry.after ? ` after ${entry.after}` : ''}`);

  const exports = profile?.exports ?? machine?.exports ?? false;
  const exporterPort = machine?.template.nixos?.config?.exporters[0]?.port;
  const scrape = !exports ? undefined : profile ? profileScrapeEdit(ws, ctx) : machine ? machineScrapeEdit(ws, ctx, exporterPort) : undefined;
  if (scrape) {
    addEdit(edits, scrape.uri, scrape.edit);
    summary.push(scrape.summary);
  }

  const pct = pctCreate({ host, vmid: ctx.vmid, hostname: ctx.hostname, address: ctx.address, prefixLength: net.cidr.prefix, gateway, template: input.template || undefined, storage: input.storage || undefined });
  summary.push(pct.summary);
  return {
    vmid: ctx.vmid,
    address: ctx.address,
    prefixLength: net.cidr.prefix,
    gateway,
    update: ctx.update,
    // The file the new machine is configured in: its profile, else its own NixOS configuration.
    profilePath: profile?.path ?? (machine ? relativeUri(h.root, [...machine.files.keys()][0] ?? '') || undefined : undefined),
    createFiles,
    edits,
    pctCreate: pct.argv,
    summary,
  };
}
