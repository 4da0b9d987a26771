// "Show Deploy Plan" and the plan shown before a deploy: the server computes
// what changes per machine since its last successful deploy (or a revision)
// and the knock-ons on other machines; this shows it in a view of its own
// beside the editor (planHtml.ts: tables of old → new, knock-ons under the
// machines they hit, an incomplete plan's unreadable files first), one view
// per folder, refreshed in place. A change's link opens its line. Read-only:
// it works in an untrusted workspace.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  DeployPlanRequest,
  type DeployPlanParams,
  type DeployPlanResult,
} from '../../../server/src/protocol/customMessages';
import { parseOpenMessage, planHtml, type OpenLocationMessage } from './planHtml';

export { planSummary } from './planSummary';

export async function requestPlan(client: LanguageClient, params: DeployPlanParams): Promise<DeployPlanResult> {
  try {
    return await client.sendRequest<DeployPlanResult>(DeployPlanRequest, params);
  } catch (e) {
    return { plan: { machines: [], knockOns: [] }, text: '', error: e instanceof Error ? e.message : String(e) };
  }
}

/** Opens a plan link's file at its line; a file gone from the working tree is said, not opened. */
async function openLocation(rootUri: string, at: OpenLocationMessage): Promise<void> {
  const uri = vscode.Uri.joinPath(vscode.Uri.parse(rootUri), at.file);
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    void vscode.window.showWarningMessage(`Homelab: ${at.file} is not in the working tree any more (the plan names line ${at.line} of it at an earlier revision).`);
    return;
  }
  const position = new vscode.Position(at.line - 1, 0);
  await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(position, position) });
}

/** The plan views, one per folder. */
export class PlanViews implements vscode.Disposable {
  private readonly panels = new Map<string, vscode.WebviewPanel>();

  /** Shows (or refreshes) the folder's plan beside the editor; returns the page. */
  show(rootUri: string, folderName: string, answer: DeployPlanResult, sinceLabel: string): string {
    const html = planHtml({ folderName, sinceLabel, answer, nonce: randomBytes(16).toString('base64') });
    let panel = this.panels.get(rootUri);
    if (panel) panel.reveal(vscode.ViewColumn.Beside, true);
    else {
      panel = vscode.window.createWebviewPanel(
        'homelab.deployPlan',
        `Deploy Plan — ${folderName}`,
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: true, enableCommandUris: false, localResourceRoots: [], enableFindWidget: true },
      );
      const created = panel;
      this.panels.set(rootUri, created);
      created.onDidDispose(() => {
        if (this.panels.get(rootUri) === created) this.panels.delete(rootUri);
      });
      created.webview.onDidReceiveMessage((message: unknown) => {
        const at = parseOpenMessage(message);
        if (at) void openLocation(rootUri, at);
      });
    }
    panel.webview.html = html;
    return html;
  }

  dispose(): void {
    for (const p of this.panels.values()) p.dispose();
    this.panels.clear();
  }
}
