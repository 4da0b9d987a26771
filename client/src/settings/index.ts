// Typed access to the `homelab.*` settings: the one place the client calls
// getConfiguration. The keys, defaults and minimums are in schema.ts.
import * as vscode from 'vscode';
import { readSettings, type ClientSettings } from './schema';

/** The settings now, for `scope` (a folder's URI: its folder settings win) or the window. */
export function settings(scope?: vscode.Uri): ClientSettings {
  return readSettings(vscode.workspace.getConfiguration('homelab', scope));
}

/** Runs `run` when a setting under `homelab.<section>` changes, for any of `sections`. */
export function onSettingsChanged(sections: string[], run: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (sections.some((s) => e.affectsConfiguration(`homelab.${s}`))) run();
  });
}
