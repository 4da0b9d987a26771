// "Show Deploy Plan" and the plan shown before a deploy: the server computes
// what changes per machine since its last successful deploy (or a revision)
// and the knock-ons on other machines; this shows it as a read-only Markdown
// document whose every change links to its line. Read-only: it works in an
// untrusted workspace.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  DeployPlanRequest,
  type DeployPlanParams,
  type DeployPlanResult,
  type PlanChange,
} from '../../../server/src/protocol/customMessages';

export const PLAN_SCHEME = 'homelab-plan';

/** The plan documents' texts, by URI (a virtual, read-only document per folder). */
export class PlanDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  set(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
  }
}

export async function requestPlan(client: LanguageClient, params: DeployPlanParams): Promise<DeployPlanResult> {
  try {
    return await client.sendRequest<DeployPlanResult>(DeployPlanRequest, params);
  } catch (e) {
    return { plan: { machines: [], knockOns: [] }, text: '', error: e instanceof Error ? e.message : String(e) };
  }
}

function link(rootUri: string, change: { file: string; line: number }): string {
  const target = vscode.Uri.joinPath(vscode.Uri.parse(rootUri), change.file).with({ fragment: `L${change.line}` });
  return `[${change.file}:${change.line}](${target.toString()})`;
}

function describe(c: PlanChange): string {
  if (c.message) return c.message;
  const arrow = c.old !== undefined && c.new !== undefined ? `\`${c.old}\` → \`${c.new}\`` : c.new !== undefined ? `\`${c.new}\`` : c.old !== undefined ? `was \`${c.old}\`` : '';
  return `${c.kind.replace(/-/g, ' ')} \`${c.key}\`${arrow ? `: ${arrow}` : ''}`;
}

/** The plan as Markdown, every change with a link to its line. */
export function planMarkdown(rootUri: string, folderName: string, answer: DeployPlanResult, sinceLabel: string): string {
  const lines = [`# Deploy plan — ${folderName}`, '', `Compared with ${sinceLabel}.`, ''];
  if (answer.error) return [...lines, `**No plan:** ${answer.error}`, ''].join('\n');
  const { machines, knockOns } = answer.plan;
  if (machines.length === 0 && knockOns.length === 0) return [...lines, 'No changes: nothing to deploy.', ''].join('\n');
  for (const m of machines) {
    lines.push(`## ${m.machine} — ${m.status}${m.since ? ` (since ${m.since})` : ''}`, '');
    for (const c of m.changes) lines.push(`- ${describe(c)} — ${link(rootUri, c)}`);
    lines.push('');
  }
  if (knockOns.length) {
    lines.push('## Knock-ons on other machines', '');
    for (const k of knockOns) lines.push(`- **${k.machine}**: ${describe(k)} — ${link(rootUri, k)}`);
    lines.push('');
  }
  return lines.join('\n');
}

/** Short lines for a confirmation dialog. */
export function planSummary(answer: DeployPlanResult): string[] {
  if (answer.error) return [`(no plan: ${answer.error})`];
  const out = answer.plan.machines.map((m) => `${m.machine}: ${m.status === 'changed' ? `${m.changes.length} change${m.changes.length === 1 ? '' : 's'}` : m.status}`);
  for (const k of answer.plan.knockOns) out.push(`knock-on on ${k.machine}: ${describe(k).replace(/`/g, '')}`);
  return out.length ? out : ['no changes since the last deploy'];
}

/** Opens (or refreshes) the plan document of a folder beside the editor. */
export async function openPlan(docs: PlanDocuments, rootUri: string, markdown: string): Promise<vscode.Uri> {
  const folder = vscode.Uri.parse(rootUri);
  const uri = vscode.Uri.from({ scheme: PLAN_SCHEME, path: `/${folder.path.split('/').filter(Boolean).pop() ?? 'homelab'} — Deploy Plan.md` });
  docs.set(uri, markdown);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.languages.setTextDocumentLanguage(doc, 'markdown');
  await vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Beside, preserveFocus: true });
  return uri;
}
