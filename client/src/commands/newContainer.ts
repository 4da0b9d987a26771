// Homelab: New Container… Asks for the name, the Proxmox host, the network and
// the services; the server proposes everything else (vmid, address, update
// slot, profile, flake entry, inventory entry, scrape target, `pct create`).
// Nothing is written before the user says so: the summary asks first and
// offers every changed file side by side with what it would become (a
// multi-file diff); the `pct create` line runs on the host only in a trusted
// workspace and after a second confirmation, and then the first deploy is
// offered.
import * as vscode from 'vscode';
import type { HomelabTopology, HostNode } from '../../../server/src/protocol/customMessages';
import {
  NewContainerParams,
  NewContainerProposal,
  NewContainerRequest,
  ProposalTextEdit,
  ProxmoxAccess,
} from '../../../server/src/protocol/proxmoxMessages';
import { refuseUntrusted } from '../trust';
import type { CommandContext } from './context';
import { hostFromArgs } from './pickMachine';

/** Runs `pct create <args>` on the host; resolves with its exit code (output goes to `onOutput`). */
export const PROPOSAL_SCHEME = 'homelab-proposal';

/** The proposed texts (and empty originals of new files) the diff shows. */
export class ProposalDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  set(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.toString(), text);
  }
  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }
}

export type RunPctCreate = (access: ProxmoxAccess, args: string[], onOutput: (text: string) => void) => Promise<{ exitCode: number | null; error?: string }>;

const NAME_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$/;

export async function newContainer(ctx: CommandContext, docs: ProposalDocuments, runPct: RunPctCreate, args: unknown[]): Promise<NewContainerProposal | undefined> {
  await ctx.store.ensureLoaded();
  const chosen = await chooseHost(ctx, hostFromArgs(args));
  if (!chosen) return undefined;
  const { homelab, host } = chosen;
  const name = await vscode.window.showInputBox({
    title: `New container on ${host.name}`,
    prompt: 'Its name: the inventory key and the profile name (e.g. LXC_paperless)',
    ignoreFocusOut: true,
    validateInput: (value) =>
      !NAME_PATTERN.test(value)
        ? 'Letters, digits, `_`, `-` and `.`, not starting with `-` or `.`'
        : homelab.machines.some((c) => c.name === value)
          ? `${value} already exists`
          : undefined,
  });
  if (!name) return undefined;
  const network = await pickNetwork(homelab, host);
  if (!network) return undefined;
  const services = await vscode.window.showQuickPick(
    homelab.services.map((s) => ({ label: s.name, description: s.port ? `port ${s.port}` : undefined })),
    { title: `Services of ${name}`, canPickMany: true, placeHolder: 'None is fine: pick what it will run' },
  );
  if (!services) return undefined;

  const params: NewContainerParams = { folderUri: homelab.rootUri, name, host: host.name, network, services: services.map((s) => s.label), ...liveInUse(homelab, host) };
  let proposal = await ctx.client.sendRequest<NewContainerProposal>(NewContainerRequest, params);
  if (!proposal.error && proposal.pctCreate.length === 0) {
    const template = await vscode.window.showInputBox({
      title: 'Container template for pct create',
      prompt: `The inventory gives ${host.name} no proxmox.template; e.g. local:vztmpl/nixos-image.tar.xz (Escape: files only)`,
      ignoreFocusOut: true,
    });
    if (template) proposal = await ctx.client.sendRequest<NewContainerProposal>(NewContainerRequest, { ...params, template });
  }
  if (proposal.error) {
    void vscode.window.showErrorMessage(`New Container: ${proposal.error}`);
    return proposal;
  }
  ctx.output.info(`New Container ${name}:\n  ${proposal.summary.join('\n  ')}`);
  if (!(await confirmFiles(docs, proposal, name, homelab.rootUri))) return proposal;
  const applied = await vscode.workspace.applyEdit(workspaceEdit(proposal), { isRefactoring: true });
  if (!applied) {
    void vscode.window.showInformationMessage(`New Container: nothing was written for ${name}.`);
    return proposal;
  }
  await ctx.store.refresh();
  await offerPctCreate(ctx, runPct, host, name, proposal);
  return proposal;
}

async function chooseHost(ctx: CommandContext, fromTree: HostNode | undefined): Promise<{ homelab: HomelabTopology; host: HostNode } | undefined> {
  const candidates = ctx.store.topology.homelabs.flatMap((homelab) => homelab.hosts.filter((h) => h.kind === 'proxmox').map((host) => ({ homelab, host })));
  if (fromTree) return candidates.find((c) => c.host === fromTree || c.host.name === fromTree.name);
  if (candidates.length === 0) {
    void vscode.window.showWarningMessage('New Container needs a host of kind proxmox in homelab.yaml.');
    return undefined;
  }
  if (candidates.length === 1) return candidates[0];
  const picked = await vscode.window.showQuickPick(
    candidates.map((c) => ({ label: c.host.name, description: [c.host.ip, c.homelab.name].filter(Boolean).join(' · '), c })),
    { title: 'New container on which Proxmox host?' },
  );
  return picked?.c;
}

async function pickNetwork(homelab: HomelabTopology, host: HostNode): Promise<string | undefined> {
  if (homelab.networks.length === 1) return homelab.networks[0].name;
  const items = homelab.networks.map((n) => ({ label: n.name, description: n.cidr, detail: n.description }));
  // The host's own network first: that is where its containers usually are.
  items.sort((a, b) => Number(b.label === host.network) - Number(a.label === host.network));
  const picked = await vscode.window.showQuickPick(items, { title: 'On which network?' });
  return picked?.label;
}

/** What Proxmox uses on this host right now, so the proposal avoids it too. */
function liveInUse(homelab: HomelabTopology, host: HostNode): Pick<NewContainerParams, 'liveVmids' | 'liveAddresses'> {
  if (!host.live || host.live.error) return {};
  const vmids = host.live.unmanaged.map((g) => g.vmid);
  const addresses = host.live.unmanaged.flatMap((g) => [g.staticAddress, ...(g.liveAddresses ?? [])]);
  for (const c of homelab.machines) {
    if (c.host === host.name && c.live) addresses.push(...(c.live.liveAddresses ?? []));
  }
  return { liveVmids: vmids, liveAddresses: addresses.filter((a): a is string => !!a && a !== 'dhcp') };
}

const toRange = (e: ProposalTextEdit): vscode.Range => new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character);

function workspaceEdit(proposal: NewContainerProposal): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const [uri, text] of Object.entries(proposal.createFiles)) {
    edit.createFile(vscode.Uri.parse(uri), { contents: new TextEncoder().encode(text), ignoreIfExists: false });
  }
  for (const [uri, edits] of Object.entries(proposal.edits)) {
    for (const e of edits) edit.replace(vscode.Uri.parse(uri), toRange(e), e.newText);
  }
  return edit;
}

/** The text `edits` make of `doc` (applied from the last one back, so earlier offsets hold). */
function applied(doc: vscode.TextDocument, edits: ProposalTextEdit[]): string {
  let text = doc.getText();
  const spans = edits
    .map((e) => ({ start: doc.offsetAt(toRange(e).start), end: doc.offsetAt(toRange(e).end), text: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  for (const span of spans) text = text.slice(0, span.start) + span.text + text.slice(span.end);
  return text;
}

/** Asks before writing; "Show Changes" opens every file beside what it would become, then asks again. */
async function confirmFiles(docs: ProposalDocuments, proposal: NewContainerProposal, name: string, rootUri: string): Promise<boolean> {
  const relative = (uri: string): string => (uri.startsWith(`${rootUri}/`) ? decodeURIComponent(uri.slice(rootUri.length + 1)) : uri);
  const files = [
    ...Object.keys(proposal.createFiles).map((u) => `${relative(u)} (new)`),
    ...Object.keys(proposal.edits).map((u) => relative(u)),
  ];
  const detail = [...proposal.summary, '', `Files: ${files.join(', ')}`].join('\n');
  const first = await vscode.window.showInformationMessage(`New Container ${name}: write ${files.length} file${files.length === 1 ? '' : 's'}?`, { modal: true, detail }, 'Write Files', 'Show Changes');
  if (first === 'Write Files') return true;
  if (first !== 'Show Changes') return false;
  const changes: [vscode.Uri, vscode.Uri, vscode.Uri][] = [];
  const stamp = Date.now();
  const virtual = (uri: string, side: string, text: string): vscode.Uri => {
    const target = vscode.Uri.parse(uri);
    const v = vscode.Uri.from({ scheme: PROPOSAL_SCHEME, path: target.path, query: `${side}-${stamp}` });
    docs.set(v, text);
    return v;
  };
  for (const [uri, text] of Object.entries(proposal.createFiles)) changes.push([vscode.Uri.parse(uri), virtual(uri, 'before', ''), virtual(uri, 'after', text)]);
  for (const [uri, edits] of Object.entries(proposal.edits)) {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    changes.push([doc.uri, doc.uri, virtual(uri, 'after', applied(doc, edits))]);
  }
  await vscode.commands.executeCommand('vscode.changes', `New Container ${name}`, changes);
  const second = await vscode.window.showInformationMessage(`Write these changes for ${name}?`, 'Write Files', 'Cancel');
  return second === 'Write Files';
}

async function offerPctCreate(ctx: CommandContext, runPct: RunPctCreate, host: HostNode, name: string, proposal: NewContainerProposal): Promise<void> {
  if (proposal.pctCreate.length === 0) {
    void vscode.window.showInformationMessage(`New Container: ${name} is in the files. No template is known, so create it on ${host.name} yourself.`);
    return;
  }
  const line = ['pct', 'create', ...proposal.pctCreate].join(' ');
  const access = host.proxmox ?? { host: host.name, via: 'ssh' as const, address: host.ip, user: 'root' };
  const where = `${access.user ?? 'root'}@${access.address ?? host.ip ?? host.name}`;
  const instead = { message: `New Container: ${name} is in the files. This workspace is not trusted, so nothing runs on ${host.name}. Run on the host:\n${line}`, copy: line };
  if (await refuseUntrusted('Running pct create', instead)) return;
  const answer = await vscode.window.showWarningMessage(
    `Create container ${proposal.vmid} (${name}) on ${host.name}?`,
    { modal: true, detail: `Runs over SSH on ${where}:\n\n${line}` },
    'Create Container',
    'Copy Command',
  );
  if (answer === 'Copy Command') await vscode.env.clipboard.writeText(line);
  if (answer !== 'Create Container') return;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `pct create ${proposal.vmid} on ${host.name}`, cancellable: false },
    () => runPct(access, proposal.pctCreate, (text) => ctx.output.append(text)),
  );
  if (result.exitCode !== 0) {
    ctx.output.show(true);
    void vscode.window.showErrorMessage(`pct create failed on ${host.name}: ${result.error ?? `exit code ${result.exitCode}`}. The files keep ${name}; see the Homelab Profiles output.`);
    return;
  }
  const deploy = await vscode.window.showInformationMessage(`Container ${proposal.vmid} (${name}) created on ${host.name}. Deploy its configuration now?`, 'Deploy');
  if (!deploy) return;
  await ctx.store.refresh();
  const picked = ctx.store.machines().find((p) => p.machine.name === name);
  if (picked) await vscode.commands.executeCommand('homelab.deploy', { type: 'container', machine: picked.machine, homelab: ctx.store.topology.homelabs.find((h) => h.rootUri === picked.rootUri) });
}
