// The folder a command line run checks or plans: the argument (default: the
// current directory) made absolute, refused when it is not a folder, with the
// `homelab.*` settings of its .vscode/settings.json, so every subcommand
// judges the folder the same way.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { HomelabSettings } from '../model/settings';
import { optionSourcesFromVscode, settingsFromVscode } from './vscodeSettings';

export interface CliFolder {
  /** Absolute path of the folder. */
  root: string;
  settings: Partial<HomelabSettings>;
  /** `homelab.options.sources` of its .vscode/settings.json. */
  optionSources: string[];
}

/** The folder and its settings, or the usage problem to report. */
export function openFolder(folder: string | undefined): CliFolder | { problem: string } {
  const root = path.resolve(folder ?? '.');
  let isDir = false;
  try {
    isDir = fs.statSync(root).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) return { problem: `${folder ?? root} is not a folder` };
  let vscode: string | undefined;
  try {
    vscode = fs.readFileSync(path.join(root, '.vscode', 'settings.json'), 'utf8');
  } catch {
    vscode = undefined;
  }
  return { root, settings: settingsFromVscode(vscode), optionSources: optionSourcesFromVscode(vscode) };
}
