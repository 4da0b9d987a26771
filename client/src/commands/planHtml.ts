// The deploy plan as the page of its own view (a webview): per machine a
// table of its changes, old → new side by side, each with a link to its line;
// the knock-ons grouped under the machines they hit; an incomplete plan says
// so first, naming each file it could not read and where. Pure (no vscode):
// the page's links only post `{ type: 'open', file, line }` to the extension.
import type { DeployPlanResult, MachinePlan, PlanChange, PlanChangeKind, UnreadablePlanFile } from '../../../server/src/protocol/customMessages';

export interface PlanPageInput {
  folderName: string;
  sinceLabel: string;
  answer: DeployPlanResult;
  /** A fresh random value per page, for the Content-Security-Policy. */
  nonce: string;
}

/** What a link asks the extension to open. */
export interface OpenLocationMessage {
  type: 'open';
  file: string;
  line: number;
}

const KIND_LABEL: Record<PlanChangeKind, string> = {
  inventory: 'inventory',
  setting: 'setting',
  option: 'NixOS option',
  'service-added': 'service added',
  'service-removed': 'service removed',
  'port-opened': 'port opened',
  'port-closed': 'port closed',
  'scrape-target-gained': 'scrape target added',
  'scrape-target-lost': 'scrape target removed',
  'scrape-target-changed': 'scrape target changed',
  'update-window-moved': 'update window',
  'no-longer-scraped': 'no longer scraped',
  'proxy-port-closed': 'proxied port closed',
  'update-clash': 'update clash',
};

/** For changes without values (a port, a service, a scrape target): the state before and after, in words. */
const STATES: Partial<Record<PlanChangeKind, [string, string]>> = {
  'port-opened': ['closed', 'open'],
  'port-closed': ['open', 'closed'],
  'service-added': ['absent', 'present'],
  'service-removed': ['present', 'absent'],
  'scrape-target-gained': ['not scraped', 'scraped'],
  'scrape-target-lost': ['scraped', 'not scraped'],
};

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

function link(place: { file: string; line: number }): string {
  const f = escapeHtml(place.file);
  return `<a href="#" class="loc" data-file="${f}" data-line="${place.line}" title="Open ${f} at line ${place.line}">${f}:${place.line}</a>`;
}

function value(v: string | undefined): string {
  return v === undefined ? '<span class="none">—</span>' : `<code>${escapeHtml(v)}</code>`;
}

function oldAndNew(c: PlanChange): [string, string] {
  const states = c.old === undefined && c.new === undefined ? STATES[c.kind] : undefined;
  if (states) return [`<em class="state">${states[0]}</em>`, `<em class="state">${states[1]}</em>`];
  return [value(c.old), value(c.new)];
}

function changeRow(c: PlanChange): string {
  const what = `${escapeHtml(KIND_LABEL[c.kind] ?? c.kind)} <code>${escapeHtml(c.key)}</code>`;
  const [was, now] = oldAndNew(c);
  return `<tr><td>${what}</td><td>${was}</td><td class="arrow">→</td><td>${now}</td><td>${link(c)}</td></tr>`;
}

const TABLE_HEAD = '<thead><tr><th>Change</th><th>Old</th><th></th><th>New</th><th>Where</th></tr></thead>';

function machineSection(m: MachinePlan): string {
  const since = m.since ? ` <span class="since">since ${escapeHtml(m.since.length === 40 ? m.since.slice(0, 12) : m.since)}</span>` : '';
  const head = `<h2>${escapeHtml(m.machine)} <span class="status ${m.status}">${m.status}</span>${since}</h2>`;
  if (m.status === 'new') return `<section class="machine">${head}<p>New machine, declared at ${link(m)}.</p></section>`;
  if (m.status === 'removed') return `<section class="machine">${head}<p>Removed; it was declared at ${link(m)}.</p></section>`;
  const n = m.changes.length;
  return `<section class="machine">${head}<table aria-label="${n} change${n === 1 ? '' : 's'} on ${escapeHtml(m.machine)}">${TABLE_HEAD}<tbody>${m.changes.map(changeRow).join('')}</tbody></table></section>`;
}

function knockOnRow(k: PlanChange): string {
  const what = k.message ? escapeHtml(k.message) : `${escapeHtml(KIND_LABEL[k.kind] ?? k.kind)} <code>${escapeHtml(k.key)}</code>`;
  const cause = k.cause ? `<br><span class="cause">caused by ${escapeHtml(k.cause)}</span>` : '';
  const [was, now] = oldAndNew(k);
  return `<tr><td>${what}${cause}</td><td>${was}</td><td class="arrow">→</td><td>${now}</td><td>${link(k)}</td></tr>`;
}

/** The knock-ons, one heading per machine they hit, in plan order. */
function knockOnSection(knockOns: PlanChange[]): string {
  const byMachine = new Map<string, PlanChange[]>();
  for (const k of knockOns) byMachine.set(k.machine, [...(byMachine.get(k.machine) ?? []), k]);
  const parts = ['<section class="knock-ons"><h2>Knock-ons on other machines</h2>'];
  for (const [machine, list] of byMachine) {
    parts.push(`<h3>${escapeHtml(machine)}</h3><table aria-label="knock-ons on ${escapeHtml(machine)}">${TABLE_HEAD}<tbody>${list.map(knockOnRow).join('')}</tbody></table>`);
  }
  parts.push('</section>');
  return parts.join('');
}

function where(u: UnreadablePlanFile): string {
  if (u.side === 'after') return 'in the working tree';
  const commit = u.commit?.slice(0, 12);
  const rev = u.revision ?? commit ?? 'the revision compared with';
  return `at ${escapeHtml(rev.length === 40 ? rev.slice(0, 12) : rev)}${commit && !rev.startsWith(commit) ? ` (${escapeHtml(commit)})` : ''}`;
}

function incompleteSection(list: UnreadablePlanFile[]): string {
  const n = list.length;
  const items = list.map((u) => `<li>${link(u)} ${where(u)}: ${escapeHtml(u.message)}</li>`).join('');
  return `<section class="incomplete" role="alert"><h2>Incomplete plan</h2><p>${n} file${n === 1 ? '' : 's'} could not be read, so what ${n === 1 ? 'it says' : 'they say'} is missing from this plan:</p><ul>${items}</ul></section>`;
}

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 20px 20px; line-height: 1.4; }
h1 { font-size: 1.5em; font-weight: 600; margin: 16px 0 4px; }
h2 { font-size: 1.2em; font-weight: 600; margin: 20px 0 6px; border-bottom: 1px solid var(--vscode-panel-border, rgba(128,128,128,.35)); padding-bottom: 3px; }
h3 { font-size: 1.05em; font-weight: 600; margin: 14px 0 4px; }
.muted, .since, .cause { color: var(--vscode-descriptionForeground); font-weight: normal; }
.since { font-size: .85em; }
.status { font-size: .75em; font-weight: normal; padding: 1px 6px; border-radius: 8px; background: var(--vscode-badge-background); color: var(--vscode-badge-foreground); vertical-align: middle; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 8px; }
th { text-align: left; font-weight: 600; color: var(--vscode-descriptionForeground); border-bottom: 1px solid var(--vscode-panel-border, rgba(128,128,128,.35)); padding: 3px 8px; }
td { vertical-align: top; padding: 3px 8px; border-bottom: 1px solid var(--vscode-editorGroup-border, rgba(128,128,128,.15)); overflow-wrap: anywhere; }
td.arrow { color: var(--vscode-descriptionForeground); width: 1em; padding: 3px 0; }
code { font-family: var(--vscode-editor-font-family); font-size: .95em; background: var(--vscode-textCodeBlock-background, rgba(128,128,128,.12)); padding: 0 3px; border-radius: 3px; }
.none, .state { color: var(--vscode-descriptionForeground); }
a { color: var(--vscode-textLink-foreground, #3794ff); text-decoration: none; white-space: nowrap; }
a:hover, a:focus { color: var(--vscode-textLink-activeForeground, #3794ff); text-decoration: underline; }
.incomplete { border-left: 4px solid var(--vscode-editorWarning-foreground, #cca700); background: var(--vscode-inputValidation-warningBackground, rgba(204,167,0,.1)); padding: 4px 12px; margin: 12px 0; }
.incomplete h2 { border: none; margin-top: 6px; }
.error { border-left: 4px solid var(--vscode-editorError-foreground, #f14c4c); padding: 4px 12px; }
`;

// Links post where to go; the extension checks and opens it.
const SCRIPT = `
const vscode = acquireVsCodeApi();
document.addEventListener('click', (e) => {
  const a = e.target instanceof Element ? e.target.closest('a[data-file]') : null;
  if (!a) return;
  e.preventDefault();
  vscode.postMessage({ type: 'open', file: a.dataset.file, line: Number(a.dataset.line) });
});
`;

/** The whole page. Every value from the workspace is escaped; only the nonce'd style and script run. */
export function planHtml(input: PlanPageInput): string {
  const { answer } = input;
  const nonce = escapeHtml(input.nonce);
  const body: string[] = [
    `<h1>Deploy plan — ${escapeHtml(input.folderName)}</h1>`,
    `<p class="muted">Compared with ${escapeHtml(input.sinceLabel)}.</p>`,
  ];
  if (answer.error) body.push(`<p class="error"><strong>No plan:</strong> ${escapeHtml(answer.error)}</p>`);
  else {
    const { machines, knockOns, unreadable } = answer.plan;
    if (unreadable?.length) body.push(incompleteSection(unreadable));
    if (machines.length === 0 && knockOns.length === 0) {
      body.push(`<p>${unreadable?.length ? 'No changes found in the files that could be read.' : 'No changes: nothing to deploy.'}</p>`);
    }
    for (const m of machines) body.push(machineSection(m));
    if (knockOns.length) body.push(knockOnSection(knockOns));
  }
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
    `<title>Deploy plan — ${escapeHtml(input.folderName)}</title>`,
    `<style nonce="${nonce}">${STYLE}</style>`,
    '</head><body>',
    ...body,
    `<script nonce="${nonce}">${SCRIPT}</script>`,
    '</body></html>',
  ].join('\n');
}

/**
 * A link's message, checked: a relative path inside the folder (no `..`, not
 * absolute) and a line number. Anything else (the page is built from the
 * workspace's own text) is refused.
 */
export function parseOpenMessage(message: unknown): OpenLocationMessage | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const m = message as Record<string, unknown>;
  if (m.type !== 'open' || typeof m.file !== 'string' || typeof m.line !== 'number') return undefined;
  if (!Number.isInteger(m.line) || m.line < 1 || m.line > 10_000_000) return undefined;
  const parts = m.file.split('/');
  if (m.file === '' || m.file.startsWith('/') || /^[A-Za-z]:/.test(m.file) || m.file.includes('\\') || parts.some((p) => p === '..' || p === '')) return undefined;
  return { type: 'open', file: m.file, line: m.line };
}
