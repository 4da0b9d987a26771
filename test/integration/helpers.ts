// Small helpers the integration suites share: the extension under test, the
// open workspace folder and polling for state that settles asynchronously
// (activation, diagnostics from the language server).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'homelab-profiles.homelab-profiles';

/** The part of the extension's activate() result the suites use. */
export interface HomelabApi {
  activationMs: number;
  /** Resolves once the language server runs and the first topology is shown. */
  ready: Promise<void>;
  /** The container tree's data provider; its nodes are what the tree passes to commands. */
  tree: { getChildren(node?: TreeNodeLike): TreeNodeLike[] };
}

/** The fields of a tree node the suites look at. */
export interface TreeNodeLike {
  type: string;
  machine?: { name: string; ip?: string };
  host?: { name: string; live?: unknown; proxmox?: unknown };
}

/** Every node of the Homelab tree, depth first. */
export function allTreeNodes(api: HomelabApi): TreeNodeLike[] {
  const out: TreeNodeLike[] = [];
  const walk = (node?: TreeNodeLike): void => {
    for (const child of api.tree.getChildren(node)) {
      out.push(child);
      walk(child);
    }
  };
  walk();
  return out;
}

export function extension(): vscode.Extension<HomelabApi> {
  const ext = vscode.extensions.getExtension<HomelabApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed in this extension host`);
  return ext;
}

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return folder.uri.fsPath;
}

export function workspaceFile(...segments: string[]): vscode.Uri {
  return vscode.Uri.file(path.join(workspaceRoot(), ...segments));
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns a value other than undefined, or fails with `what`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
}

/** The command ids the manifest contributes. */
export function contributedCommands(): string[] {
  // packageJSON is untyped in the API; only contributes.commands is read.
  const manifest = extension().packageJSON as { contributes?: { commands?: { command: string }[] } };
  return (manifest.contributes?.commands ?? []).map((c) => c.command);
}

/** A diagnostic's rule id (LSP `code`, plain or with a link). */
export function ruleOf(d: vscode.Diagnostic): string | undefined {
  const code = d.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** Diagnostics of `uri` from this extension whose rule is `rule`. */
export function diagnosticsOf(uri: vscode.Uri, rule: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'homelab' && ruleOf(d) === rule);
}

/** Waits until `uri` carries at least one diagnostic of `rule`; returns them. */
export function waitForDiagnostics(uri: vscode.Uri, rule: string, timeoutMs = 20_000): Promise<vscode.Diagnostic[]> {
  return waitFor(`a ${rule} diagnostic on ${path.basename(uri.fsPath)}`, () => {
    const found = diagnosticsOf(uri, rule);
    return found.length > 0 ? found : undefined;
  }, timeoutMs);
}

/** Waits until `uri` carries no diagnostic of `rule`. */
export async function waitForNoDiagnostics(uri: vscode.Uri, rule: string, timeoutMs = 20_000): Promise<void> {
  await waitFor(`the ${rule} diagnostics on ${path.basename(uri.fsPath)} to clear`, () =>
    diagnosticsOf(uri, rule).length === 0 ? true : undefined, timeoutMs);
}

/** Replaces the first occurrence of `find` in the open document (unsaved); returns its range after the edit. */
export async function replaceInDocument(doc: vscode.TextDocument, find: string | RegExp, replacement: string): Promise<vscode.Range> {
  const text = doc.getText();
  const match = typeof find === 'string' ? { index: text.indexOf(find), length: find.length } : (() => {
    const m = find.exec(text);
    return { index: m ? m.index : -1, length: m ? m[0].length : 0 };
  })();
  assert.ok(match.index >= 0, `${String(find)} not found in ${path.basename(doc.fileName)}`);
  const range = new vscode.Range(doc.positionAt(match.index), doc.positionAt(match.index + match.length));
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, range, replacement);
  assert.equal(await vscode.workspace.applyEdit(edit), true, 'the edit was not applied');
  return new vscode.Range(range.start, doc.positionAt(match.index + replacement.length));
}

/** Puts the document back to `original` text and drops its unsaved state. */
export async function restoreDocument(doc: vscode.TextDocument, original: string): Promise<void> {
  if (doc.getText() !== original) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), original);
    await vscode.workspace.applyEdit(edit);
  }
  // Same text as on disk: saving changes nothing and clears the dirty flag.
  if (doc.isDirty) await doc.save();
}
